"""The small, safe expression language of forms (relevance, constraints, repeat counts).

Parsed by a tokenizer and a recursive-descent parser into a tiny AST that our
own interpreter evaluates; nothing is ever handed to ``eval``.  Syntax (a
subset of XLSForm/XPath)::

    ${field}  .  'text'  "text"  12  3.5  ( )  ,
    =  ==  !=  <  <=  >  >=  +  -  *  /  div  mod  and  or  not
    selected(a, 'v')  count-selected(a)  string-length(a)  count(a)
    not(a)  true()  false()  date('2012-06-20')  coalesce(a, b)  if(c, a, b)

Logic is three-valued: a comparison with an unanswered value (or an unknown
date) is *unknown* (None); relevance needs a definite true, a constraint
fails only on a definite false.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from .errors import FormError

MAX_EXPR_LENGTH = 2000
MAX_DEPTH = 40

FUNCTIONS: dict[str, tuple[int, int]] = {  # name -> (min args, max args)
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "count": (1, 1),
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "date": (1, 1),
    "coalesce": (2, 2),
    "if": (3, 3),
}

# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class DateVal:
    """An imprecise date as the closed interval [earliest, latest]."""

    earliest: _dt.date
    latest: _dt.date


_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


def parse_day(s: Any) -> _dt.date | None:
    if not isinstance(s, str) or not _ISO_DAY.match(s):
        return None
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        return None


def parse_month(s: Any) -> tuple[int, int] | None:
    if not isinstance(s, str) or not _ISO_MONTH.match(s):
        return None
    y, m = int(s[:4]), int(s[5:])
    if not (1 <= m <= 12 and 1 <= y <= 9999):
        return None
    return y, m


def date_interval(value: Any) -> DateVal | None:
    """Interval of an approx_date answer (or an ISO string); None if unknown/invalid."""
    if isinstance(value, DateVal):
        return value
    if isinstance(value, str):
        d = parse_day(value)
        if d:
            return DateVal(d, d)
        ym = parse_month(value)
        if ym:
            last = calendar.monthrange(*ym)[1]
            return DateVal(_dt.date(ym[0], ym[1], 1), _dt.date(ym[0], ym[1], last))
        return None
    if not isinstance(value, dict):
        return None
    p = value.get("precision")
    try:
        if p == "day":
            d = parse_day(value.get("date"))
            return DateVal(d, d) if d else None
        if p in ("month", "part_of_month"):
            ym = parse_month(value.get("month"))
            if not ym:
                return None
            last = calendar.monthrange(*ym)[1]
            lo, hi = 1, last
            if p == "part_of_month":
                raw_part = value.get("part")
                part = _PARTS.get(raw_part) if isinstance(raw_part, str) else None
                if not part:
                    return None
                lo, hi = part[0], min(part[1], last)
            return DateVal(_dt.date(ym[0], ym[1], lo), _dt.date(ym[0], ym[1], hi))
        if p == "year":
            y = value.get("year")
            if isinstance(y, int) and not isinstance(y, bool) and 1 <= y <= 9999:
                return DateVal(_dt.date(y, 1, 1), _dt.date(y, 12, 31))
            return None
        if p == "range":
            a, b = parse_day(value.get("from")), parse_day(value.get("to"))
            if a and b and a <= b:
                return DateVal(a, b)
            return None
    except (ValueError, TypeError):
        return None
    return None


# ---------------------------------------------------------------- AST


@dataclass(frozen=True)
class Lit:
    value: Any


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Current:
    pass


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Any


@dataclass(frozen=True)
class Binary:
    op: str
    left: Any
    right: Any


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Any, ...]


@dataclass(frozen=True)
class Expr:
    source: str
    tree: Any
    refs: frozenset[str]  # field ids referenced with ${...}
    uses_current: bool


# ---------------------------------------------------------------- tokenizer

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<num>\d+(?:\.\d+)?|\.\d+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<op><=|>=|!=|==|[=<>+\-*/(),])
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:[-:][A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<dot>\.)
    """,
    re.VERBOSE,
)
_REF_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KEYWORDS = {"and", "or", "not", "div", "mod"}


def _tokenize(src: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if not m:
            raise _err(src, f"unexpected character {src[pos]!r} at position {pos + 1}")
        kind = m.lastgroup
        assert kind is not None  # every alternative of _TOKEN is a named group
        if kind == "refname":
            kind = "ref"
        text = m.group(0)
        if kind == "ref":
            name = m.group("refname").strip()
            if "__" in name or not _REF_NAME.match(name):
                raise _err(src, f"invalid field reference {text!r}")
            out.append(("ref", name, pos))
        elif kind == "name":
            if "__" in text:
                raise _err(src, f"{text!r} is not allowed")
            out.append(("name", text, pos))
        elif kind != "ws":
            out.append((kind, text, pos))
        pos = m.end()
    # refuse attribute access: '.name' glued together, or a value followed by '.'
    for i in range(len(out) - 1):
        k, t, pos = out[i]
        nk, nt, npos = out[i + 1]
        if k == "dot" and nk == "name" and npos == pos + 1 and nt not in KEYWORDS:
            raise _err(src, f"attribute access ('.{nt}') is not allowed")
        if nk == "dot" and (k in ("ref", "dot", "str", "num") or t == ")"):
            raise _err(src, "attribute access ('.') is not allowed")
    return out


def _err(src: str, msg: str) -> FormError:
    shown = src if len(src) <= 80 else src[:77] + "..."
    return FormError(f"expression {shown!r}: {msg}")


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, src: str, tokens: list[tuple[str, str, int]]):
        self.src, self.toks, self.i, self.depth = src, tokens, 0, 0
        self.refs: set[str] = set()
        self.uses_current = False

    def peek(self) -> tuple[str, str, int] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str, int]:
        t = self.peek()
        if t is None:
            raise _err(self.src, "unexpected end of expression")
        self.i += 1
        return t

    def at(self, *texts: str) -> bool:
        t = self.peek()
        return t is not None and t[0] in ("op", "name") and t[1] in texts

    def expect(self, text: str) -> None:
        if self.peek() is None:
            raise _err(self.src, f"missing {text!r} at the end")
        t = self.take()
        if t[1] != text:
            raise _err(self.src, f"expected {text!r} but found {t[1]!r}")

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _err(self.src, f"nested more than {MAX_DEPTH} levels deep")

    def parse(self) -> Any:
        if not self.toks:
            raise _err(self.src, "empty expression")
        tree = self.or_()
        t = self.peek()
        if t is not None:
            raise _err(self.src, f"unexpected {t[1]!r} at position {t[2] + 1}")
        return tree

    def or_(self) -> Any:
        self.enter()
        node = self.and_()
        while self.at("or"):
            self.take()
            node = Binary("or", node, self.and_())
        self.depth -= 1
        return node

    def and_(self) -> Any:
        node = self.not_()
        while self.at("and"):
            self.take()
            node = Binary("and", node, self.not_())
        return node

    def not_(self) -> Any:
        if self.at("not"):
            self.take()
            self.enter()
            node = Unary("not", self.not_())
            self.depth -= 1
            return node
        return self.cmp()

    def cmp(self) -> Any:
        node = self.add()
        if self.at("=", "==", "!=", "<", "<=", ">", ">="):
            op = self.take()[1]
            node = Binary("=" if op == "==" else op, node, self.add())
            if self.at("=", "==", "!=", "<", "<=", ">", ">="):
                raise _err(self.src, "chained comparisons are not allowed; use 'and'")
        return node

    def add(self) -> Any:
        node = self.mul()
        while self.at("+", "-"):
            op = self.take()[1]
            node = Binary(op, node, self.mul())
        return node

    def mul(self) -> Any:
        node = self.unary()
        while self.at("*", "/", "div", "mod"):
            op = self.take()[1]
            node = Binary("/" if op == "div" else op, node, self.unary())
        return node

    def unary(self) -> Any:
        if self.at("-"):
            self.take()
            self.enter()
            node = Unary("-", self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Any:
        kind, text, pos = self.take()
        if kind == "num":
            return Lit(float(text) if "." in text else int(text))
        if kind == "str":
            return Lit(text[1:-1])
        if kind == "ref":
            self.refs.add(text)
            return Ref(text)
        if kind == "dot":
            self.uses_current = True
            return Current()
        if text == "(":
            self.enter()
            node = self.or_()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name":
            nxt = self.peek()
            if nxt is None or nxt[1] != "(":
                raise _err(self.src, f"unknown name {text!r} (field references are written ${{name}})")
            if text not in FUNCTIONS:
                raise _err(
                    self.src,
                    f"function {text!r} is not allowed (allowed: {', '.join(sorted(FUNCTIONS))})",
                )
            self.take()
            self.enter()
            args: list[Any] = []
            if not self.at(")"):
                args.append(self.or_())
                while self.at(","):
                    self.take()
                    args.append(self.or_())
            self.expect(")")
            self.depth -= 1
            lo, hi = FUNCTIONS[text]
            if not lo <= len(args) <= hi:
                raise _err(self.src, f"{text}() takes {lo if lo == hi else f'{lo}-{hi}'} argument(s), got {len(args)}")
            return Call(text, tuple(args))
        raise _err(self.src, f"unexpected {text!r} at position {pos + 1}")


def parse(src: Any) -> Expr:
    """Parse an expression; raise FormError with a one-line reason if refused."""
    if not isinstance(src, str):
        raise FormError(f"expression must be text, not {type(src).__name__}")
    if len(src) > MAX_EXPR_LENGTH:
        raise FormError(f"expression longer than {MAX_EXPR_LENGTH} characters")
    p = _Parser(src, _tokenize(src))
    tree = p.parse()
    return Expr(src, tree, frozenset(p.refs), p.uses_current)
