"""The interpreter of the form expression language: three-valued logic over parsed expressions.

Nothing is ever handed to ``eval``; anything that cannot be computed is *unknown* (None).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .expr import Binary, Call, Current, DateVal, Expr, Lit, Ref, Unary, date_interval


def is_empty(v: Any) -> bool:
    return v is None or v == "" or (isinstance(v, (list, dict)) and not v)


def truth(v: Any) -> bool | None:
    """Three-valued truth of a value."""
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v != 0
    if isinstance(v, (str, list, dict)):
        return bool(v)
    return True


def _num(v: Any) -> float | int | None:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        try:
            return float(v) if v.strip() else None
        except ValueError:
            return None
    return None


def _compare(op: str, a: Any, b: Any) -> bool | None:
    if op in ("=", "!="):
        eq = _equal(a, b)
        if eq is None:
            return None
        return eq if op == "=" else not eq
    if is_empty(a) or is_empty(b):
        return None
    da, db = _as_date(a, b), _as_date(b, a)
    if da is not None or db is not None:
        if da is None or db is None:
            return None
        # "possibly" semantics over imprecise dates
        if op == "<":
            return da.earliest < db.latest
        if op == "<=":
            return da.earliest <= db.latest
        if op == ">":
            return da.latest > db.earliest
        return da.latest >= db.earliest
    if isinstance(a, str) and isinstance(b, str) and (_num(a) is None or _num(b) is None):
        return _ordered(op, a, b)
    x, y = _num(a), _num(b)
    if x is None or y is None:
        return None
    return _ordered(op, x, y)


_Ordered = TypeVar("_Ordered", str, float)


def _ordered(op: str, x: _Ordered, y: _Ordered) -> bool:
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]


def _as_date(v: Any, other: Any) -> DateVal | None:
    if isinstance(v, DateVal):
        return v
    if isinstance(v, str) and isinstance(other, DateVal):
        return date_interval(v)
    return None


def _equal(a: Any, b: Any) -> bool | None:
    if is_empty(a) or is_empty(b):
        return is_empty(a) and is_empty(b)
    if isinstance(a, DateVal) or isinstance(b, DateVal):
        da, db = _as_date(a, b), _as_date(b, a)
        if da is None or db is None:
            return False
        return da.earliest <= db.latest and db.earliest <= da.latest
    if isinstance(a, bool) or isinstance(b, bool):
        if isinstance(a, bool) and isinstance(b, bool):
            return a == b
        if isinstance(a, str) or isinstance(b, str):
            s = b if isinstance(a, bool) else a
            t = a if isinstance(a, bool) else b
            return s.lower() in (("true", "yes", "1") if t else ("false", "no", "0"))
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        x, y = _num(a), _num(b)
        return x is not None and y is not None and x == y
    return bool(a == b)


class Evaluator:
    """Evaluate a parsed expression.

    ``resolve(name)`` returns the value of ``${name}`` in the current context;
    ``current`` is the value of ``.``.  Never raises on odd data: anything
    that cannot be computed is *unknown* (None).
    """

    def __init__(self, resolve: Callable[[str], Any], current: Any = None):
        self.resolve = resolve
        self.current = current

    def run(self, expr: Expr) -> Any:
        return self.ev(expr.tree)

    def ev(self, n: Any) -> Any:
        if isinstance(n, Lit):
            return n.value
        if isinstance(n, Ref):
            return self.resolve(n.name)
        if isinstance(n, Current):
            return self.current
        if isinstance(n, Unary):
            v = self.ev(n.operand)
            if n.op == "not":
                t = truth(v)
                return None if t is None else not t
            x = _num(v)
            return None if x is None else -x
        if isinstance(n, Binary):
            if n.op in ("and", "or"):
                a = truth(self.ev(n.left))
                if n.op == "and" and a is False:
                    return False
                if n.op == "or" and a is True:
                    return True
                b = truth(self.ev(n.right))
                if n.op == "and":
                    return False if b is False else (True if a and b else None)
                return True if b is True else (False if a is False and b is False else None)
            a, b = self.ev(n.left), self.ev(n.right)
            if n.op in ("=", "!=", "<", "<=", ">", ">="):
                return _compare(n.op, a, b)
            x, y = _num(a), _num(b)
            if x is None or y is None:
                return None
            if n.op == "+":
                return x + y
            if n.op == "-":
                return x - y
            if n.op == "*":
                return x * y
            if y == 0:
                return None
            if n.op == "/":
                r = x / y
                return int(r) if r == int(r) else r
            return x % y
        if isinstance(n, Call):
            return self.call(n)
        return None  # pragma: no cover - the parser builds nothing else

    def call(self, n: Call) -> Any:
        name = n.name
        if name == "true":
            return True
        if name == "false":
            return False
        args = [self.ev(a) for a in n.args]
        if name == "not":
            t = truth(args[0])
            return None if t is None else not t
        if name == "selected":
            v, choice = args
            if isinstance(v, list):
                return choice in v
            if isinstance(v, str):
                return v == choice or choice in v.split()
            return False
        if name == "count-selected":
            v = args[0]
            return len(v) if isinstance(v, list) else (0 if is_empty(v) else len(str(v).split()))
        if name == "string-length":
            v = args[0]
            return 0 if v is None else len(v) if isinstance(v, str) else len(str(v))
        if name == "count":
            v = args[0]
            return len(v) if isinstance(v, list) else (0 if is_empty(v) else 1)
        if name == "date":
            return date_interval(args[0])
        if name == "coalesce":
            return args[1] if is_empty(args[0]) else args[0]
        if name == "if":
            return args[1] if truth(args[0]) else args[2]
        return None  # pragma: no cover
