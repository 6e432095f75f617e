"""Relevance and validation of answers against a Form.

Answers are a dict keyed by field id (flat across sections); a repeatable
group or person is a list of dicts, a non-repeatable one a dict.
"""
from __future__ import annotations

import copy
import datetime as _dt
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import evaluate as V
from . import expr as E
from .values import DATE_PRECISIONS, MONTH_PARTS, TIME_PERIODS, FieldIssue

if TYPE_CHECKING:
    from .model import Field, Form, Section

ATTACHMENT_RE = re.compile(r"^[A-Za-z0-9_\-]{1,128}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_SEG = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?$")
MAX_INT = 10**12

# relevance cache keys: ("section", section id) or (field path, indexes of its repeats)
_RelKey = tuple[str, str | tuple[int, ...]]
# visit(field, container, path, relevant) while walking the answered fields
_Visit = Callable[["Field", dict[str, Any], str, bool], None]

DATE_KEYS = {
    "day": {"date"}, "month": {"month"}, "part_of_month": {"month", "part"}, "year": {"year"},
    "range": {"from", "to"}, "unknown": set(),
}
LOCATION_KEYS = {"city", "district", "text", "lat", "lon"}


def expr_value(f: Field, v: Any) -> Any:
    """The value a field contributes to expressions."""
    if v is None:
        return None
    if f.type == "approx_date":
        return E.date_interval(v)
    if f.type == "time" and isinstance(v, dict):
        if v.get("precision") == "exact":
            return v.get("time")
        if v.get("precision") == "period":
            return v.get("period")
        return None
    return v


def empty(v: Any) -> bool:
    return V.is_empty(v)


class Engine:
    def __init__(self, form: Form, answers: Any):
        self.form = form
        self.answers = answers if isinstance(answers, dict) else {}
        self.bad_root = not isinstance(answers, dict)
        self._rel: dict[_RelKey, bool] = {}
        self._busy: set[_RelKey] = set()

    # ------------------------------------------------------------ locating values
    @staticmethod
    def _repeat_ancestors(f: Field) -> list[Field]:
        return [a for a in f.ancestors() if a.repeat]

    def _containers(self, f: Field, ctx: dict[str, int]) -> list[tuple[dict[str, Any], dict[str, int]]]:
        """Every dict holding field f reachable under ctx (fan out over repeats not in ctx)."""
        found: list[tuple[dict[str, Any], dict[str, int]]] = [(self.answers, dict(ctx))]
        for a in f.ancestors():
            nxt: list[tuple[dict[str, Any], dict[str, int]]] = []
            for d, c in found:
                v = d.get(a.id)
                if a.repeat:
                    if not isinstance(v, list):
                        continue
                    idxs = [c[a.id]] if a.id in c else range(len(v))
                    for i in idxs:
                        if 0 <= i < len(v) and isinstance(v[i], dict):
                            nxt.append((v[i], {**c, a.id: i}))
                elif isinstance(v, dict):
                    nxt.append((v, c))
            found = nxt
        return found

    def _fans_out(self, f: Field, ctx: dict[str, int]) -> bool:
        return any(a.repeat and a.id not in ctx for a in f.ancestors())

    def ref_value(self, f: Field, ctx: dict[str, int]) -> Any:
        conts = self._containers(f, ctx)
        vals = [expr_value(f, d.get(f.id)) if self.relevant(f, c) else None for d, c in conts]
        if self._fans_out(f, ctx):
            return [v for v in vals if v is not None]
        return vals[0] if vals else None

    def evaluate(self, x: E.Expr, ctx: dict[str, int], current: Any = None) -> Any:
        def resolve(name: str) -> Any:
            target = self.form.by_id(name)
            return None if target is None else self.ref_value(target, ctx)
        try:
            return V.Evaluator(resolve, current).run(x)
        except (RecursionError, TypeError, ValueError, OverflowError, ArithmeticError):
            return None

    # ------------------------------------------------------------ relevance
    def section_relevant(self, s: Section) -> bool:
        key: _RelKey = ("section", s.id)
        if key in self._rel:
            return self._rel[key]
        if key in self._busy:
            return False
        self._busy.add(key)
        ok = s.relevant is None or V.truth(self.evaluate(s.relevant, {})) is True
        self._busy.discard(key)
        self._rel[key] = ok
        return ok

    def relevant(self, f: Field, ctx: dict[str, int]) -> bool:
        reps = self._repeat_ancestors(f)
        own = {a.id: ctx.get(a.id, 0) for a in reps}
        key: _RelKey = (f.path, tuple(own.values()))
        if key in self._rel:
            return self._rel[key]
        if key in self._busy:  # cannot happen: cycles are refused at load time
            return False
        self._busy.add(key)
        try:
            if f.parent is not None:
                ok = self.relevant(f.parent, own)
            else:
                ok = f.section is None or self.section_relevant(f.section)
            if ok and f.relevant is not None:
                ok = V.truth(self.evaluate(f.relevant, own)) is True
        finally:
            self._busy.discard(key)
        self._rel[key] = ok
        return ok

    def is_relevant_path(self, path: str) -> bool:
        f = self.form.field(path)
        ctx: dict[str, int] = {}
        if "." in path or "[" in path:
            for seg in path.split("."):
                m = _SEG.match(seg)
                if m and m.group(2) is not None:
                    ctx[m.group(1)] = int(m.group(2))
        return self.relevant(f, ctx)

    # ------------------------------------------------------------ validation
    def validate(self, strict: bool = False, section_id: str | None = None) -> list[FieldIssue]:
        issues: list[FieldIssue] = []
        if self.bad_root:
            return [FieldIssue("", "type", "The answers must be a JSON object keyed by field id.")]
        sections = [self.form.section(section_id)] if section_id else self.form.sections
        for s in sections:
            for f in s.fields:
                self._check(f, self.answers, f.id, {}, issues, strict)
        if section_id is None:
            top = self.form.top_fields
            for k in self.answers:
                if k not in top:
                    issues.append(FieldIssue(
                        str(k), "unknown_field", f"{k}: not a field of form {self.form.id} {self.form.version}."))
        return issues

    def _check(self, f: Field, cont: dict[str, Any], path: str, ctx: dict[str, int], out: list[FieldIssue],
               strict: bool) -> None:
        value = cont.get(f.id)
        name = f'"{f.title()}" ({path})'
        if not self.relevant(f, ctx):
            if strict and not empty(value):
                out.append(FieldIssue(
                    path, "irrelevant", f"{name} has an answer but does not apply (hidden by a condition)."))
            return
        if f.type == "note":
            if value is not None:
                out.append(FieldIssue(path, "type", f"{name} is a note and takes no answer."))
            return
        if empty(value):
            if f.required:
                out.append(FieldIssue(path, "required", f"{name} is required."))
            return
        problem = self._type_problem(f, value)
        if problem:
            out.append(FieldIssue(path, problem[0], f"{name}: {problem[1]}"))
            return
        if f.is_container:
            # _type_problem has checked it: a list of entries when repeatable, one dict of answers otherwise
            items: list[Any] = value if isinstance(value, list) else [value]
            if f.repeat:
                n = len(items)
                if f.min_repeats is not None and n < f.min_repeats:
                    entries = "entry" if f.min_repeats == 1 else "entries"
                    out.append(FieldIssue(
                        path, "constraint", f"{name} needs at least {f.min_repeats} {entries} (has {n})."))
                if f.max_repeats is not None and n > f.max_repeats:
                    out.append(FieldIssue(
                        path, "constraint", f"{name} allows at most {f.max_repeats} entries (has {n})."))
                if f.repeat_count is not None:
                    rctx = {a.id: ctx[a.id] for a in self._repeat_ancestors(f) if a.id in ctx}
                    want = self.evaluate(f.repeat_count, rctx)
                    if (isinstance(want, (int, float)) and not isinstance(want, bool) and want == int(want)
                            and n != int(want)):
                        out.append(FieldIssue(path, "constraint", f"{name} should have {int(want)} entries (has {n})."))
            known = {c.id for c in f.fields}
            for i, item in enumerate(items):
                ipath = f"{path}[{i}]" if f.repeat else path
                ictx = {**ctx, f.id: i} if f.repeat else ctx
                if not isinstance(item, dict):
                    out.append(FieldIssue(
                        ipath, "type", f'"{f.title()}" ({ipath}): each entry must be an object of answers.'))
                    continue
                for c in f.fields:
                    self._check(c, item, f"{ipath}.{c.id}", ictx, out, strict)
                for k in item:
                    if k not in known:
                        out.append(FieldIssue(
                            f"{ipath}.{k}", "unknown_field", f"{ipath}.{k}: not a field of \"{f.title()}\"."))
        if f.constraint is not None:
            res = self.evaluate(f.constraint, ctx, expr_value(f, value))
            if V.truth(res) is False:
                msg = f.constraint_message.get("en") or f"the answer does not satisfy {f.constraint.source!r}."
                out.append(FieldIssue(path, "constraint", f"{name}: {msg}"))

    def _type_problem(self, f: Field, v: Any) -> tuple[str, str] | None:  # noqa: C901
        t = f.type
        if t in ("text", "narrative"):
            if not isinstance(v, str):
                return "type", "must be text."
            if f.max_length and len(v) > f.max_length:
                return "type", f"is longer than {f.max_length} characters."
            return None
        if t == "integer":
            if not isinstance(v, int) or isinstance(v, bool):
                return "type", f"must be a whole number, not {v!r}."[:200]
            if abs(v) >= MAX_INT:
                return "type", "is too large."
            return None
        if t in ("select_one", "yes_no_unknown"):
            if not isinstance(v, str):
                return "type", "must be one choice code (text)."
            if v not in f.choice_values():
                return "choice", f"{v[:60]!r} is not one of its choices."
            return None
        if t == "select_multiple":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                return "type", "must be a list of choice codes."
            if len(set(v)) != len(v):
                return "type", "lists the same choice twice."
            allowed = set(f.choice_values())
            bad = [x for x in v if x not in allowed]
            if bad:
                return "choice", f"{bad[0][:60]!r} is not one of its choices."
            return None
        if t in ("consent", "boolean"):
            return None if isinstance(v, bool) else ("type", "must be true or false.")
        if t == "attachment":
            return None if isinstance(v, str) and ATTACHMENT_RE.match(v) else ("type", "must be an attachment id.")
        if t == "approx_date":
            return _date_problem(v)
        if t == "time":
            return _time_problem(v)
        if t == "location":
            return _location_problem(f, v)
        if t in ("group", "person"):
            if f.repeat and not isinstance(v, list):
                return "type", "must be a list of entries."
            if not f.repeat and not isinstance(v, dict):
                return "type", "must be an object of answers."
            return None
        return None

    # ------------------------------------------------------------ pruning
    def _walk_answered(self, fields: list[Field], cont: dict[str, Any], path: str, ctx: dict[str, int],
                       visit: _Visit) -> None:
        for f in fields:
            if f.id not in cont:
                continue
            p = f"{path}.{f.id}" if path else f.id
            rel = self.relevant(f, ctx)
            visit(f, cont, p, rel)
            v = cont.get(f.id)
            if rel and f.is_container:
                if f.repeat and isinstance(v, list):
                    for i, item in enumerate(v):
                        if isinstance(item, dict):
                            self._walk_answered(f.fields, item, f"{p}[{i}]", {**ctx, f.id: i}, visit)
                elif isinstance(v, dict):
                    self._walk_answered(f.fields, v, p, ctx, visit)

    def irrelevant_answer_paths(self) -> list[str]:
        out: list[str] = []
        tops = [f for s in self.form.sections for f in s.fields]
        self._walk_answered(tops, self.answers, "", {},
                            lambda f, c, p, rel: out.append(p) if not rel and not empty(c.get(f.id)) else None)
        return out

    def pruned(self) -> dict[str, Any]:
        """A copy of the answers without the answers of hidden fields."""
        data = copy.deepcopy(self.answers)
        doomed: list[tuple[dict[str, Any], str]] = []
        tops = [f for s in self.form.sections for f in s.fields]
        self._walk_answered(tops, data, "", {}, lambda f, c, p, rel: doomed.append((c, f.id)) if not rel else None)
        for c, k in doomed:
            c.pop(k, None)
        return data


def _date_problem(v: Any) -> tuple[str, str] | None:
    if not isinstance(v, dict):
        return "type", 'must be a date object such as {"precision": "day", "date": "2012-06-20"}.'
    p = v.get("precision")
    if p not in DATE_PRECISIONS:
        return "type", f"date precision must be one of {', '.join(DATE_PRECISIONS)}."
    keys = set(v) - {"precision"}
    if keys != DATE_KEYS[p]:
        return "type", f"a {p!r} date needs exactly: {', '.join(sorted(DATE_KEYS[p])) or 'no other keys'}."
    if p == "part_of_month" and v.get("part") not in MONTH_PARTS:
        return "type", "part of month must be early, mid or late."
    if p == "range":
        a, b = E.parse_day(v.get("from")), E.parse_day(v.get("to"))
        if not a or not b:
            return "type", "range dates must be YYYY-MM-DD."
        if b < a:
            return "constraint", "the end of the date range is before its start."
        return _future_problem(E.date_interval(v))
    if p != "unknown" and E.date_interval(v) is None:
        return "type", "is not a valid date (use YYYY-MM-DD, YYYY-MM, or a year)."
    return _future_problem(E.date_interval(v))


def _future_problem(interval: E.DateVal | None) -> tuple[str, str] | None:
    """Testimony tells what happened: a date that cannot have begun yet is a typing slip."""
    if interval is not None and interval.earliest > _dt.date.today():
        return "constraint", "is in the future."
    return None


def _time_problem(v: Any) -> tuple[str, str] | None:
    if not isinstance(v, dict):
        return "type", 'must be a time object such as {"precision": "exact", "time": "14:30"}.'
    p = v.get("precision")
    if p == "exact":
        if set(v) != {"precision", "time"} or not isinstance(v.get("time"), str) or not TIME_RE.match(v["time"]):
            return "type", "exact time must be HH:MM (24-hour)."
        return None
    if p == "period":
        if set(v) != {"precision", "period"} or v.get("period") not in TIME_PERIODS:
            return "type", f"time of day must be one of {', '.join(TIME_PERIODS)}."
        return None
    if p == "unknown" and set(v) == {"precision"}:
        return None
    return "type", "time precision must be exact, period or unknown."


def _location_problem(f: Field, v: Any) -> tuple[str, str] | None:
    if not isinstance(v, dict):
        return "type", 'must be a location object such as {"city": "homs", "district": "baba_amr"}.'
    extra = set(v) - LOCATION_KEYS
    if extra:
        return "type", f"unknown location key {sorted(extra)[0]!r} (allowed: city, district, text, lat, lon)."
    if all(empty(v.get(k)) for k in LOCATION_KEYS):
        return "type", "the location is empty."
    city, district, text = v.get("city"), v.get("district"), v.get("text")
    for k in ("city", "district", "text"):
        if v.get(k) is not None and not isinstance(v[k], str):
            return "type", f"location {k} must be text."
    if text is not None and len(text) > 500:
        return "type", "location description is longer than 500 characters."
    if district and not city:
        return "type", "a district needs its city."
    if city:
        if f.gazetteer is None:
            return "type", "no gazetteer is configured for city codes; describe the place in 'text'."
        place = f.gazetteer.places.get(city)
        if place is None:
            return ("choice",
                    f"city {city[:60]!r} is not in the gazetteer {f.gazetteer.id!r}; use 'text' for other places.")
        if district and district not in place.districts:
            return "choice", f"district {district[:60]!r} is not a district of {city!r} in the gazetteer."
    lat, lon = v.get("lat"), v.get("lon")
    if (lat is None) != (lon is None):
        return "type", "coordinates need both lat and lon."
    if lat is not None:
        for name, x, lim in (("lat", lat, 90), ("lon", lon, 180)):
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x) or abs(x) > lim:
                return "type", f"{name} must be a number between -{lim} and {lim}."
    return None
