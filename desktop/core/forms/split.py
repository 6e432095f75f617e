"""Separating identifying answers (identity compartment) from the rest (public part).

``split`` moves every value of an ``identifying`` field -- at any depth, e.g.
``acts[0].act_victims[1].name`` -- into the identity dict at the same path;
repeat lists keep their length in both halves (``{}`` placeholders) so that
``merge`` is the exact inverse.  Keys that are not fields of the form go to
the identity side (fail closed).
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Field, Form


def _fields_map(fields: list[Field]) -> dict[str, Field]:
    return {f.id: f for f in fields}


def _top(form: Form) -> dict[str, Field]:
    return form.top_fields


def _split(fields: dict[str, Field], cont: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    pub: dict[str, Any] = {}
    ident: dict[str, Any] = {}
    for k, v in cont.items():
        f = fields.get(k)
        if f is None or f.identifying:
            ident[k] = copy.deepcopy(v)
            continue
        if f.is_container and f.fields:
            sub = _fields_map(f.fields)
            if f.repeat and isinstance(v, list) and all(isinstance(x, dict) for x in v):
                pl, il = [], []
                for item in v:
                    p, i = _split(sub, item)
                    pl.append(p)
                    il.append(i)
                pub[k] = pl
                if any(il):
                    ident[k] = il
                continue
            if not f.repeat and isinstance(v, dict):
                p, i = _split(sub, v)
                pub[k] = p
                if i:
                    ident[k] = i
                continue
            ident[k] = copy.deepcopy(v)  # odd shape: fail closed
            continue
        pub[k] = copy.deepcopy(v)
    return pub, ident


def split(form: Form, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    if not isinstance(answers, dict):
        raise TypeError("answers must be a dict")
    return _split(_top(form), answers)


def merge(public: dict[str, Any], identity: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(public) if isinstance(public, dict) else {}
    for k, v in (identity or {}).items():
        a = out.get(k)
        if isinstance(a, dict) and isinstance(v, dict):
            out[k] = merge(a, v)
        elif isinstance(a, list) and isinstance(v, list):
            merged = []
            for i in range(max(len(a), len(v))):
                x = a[i] if i < len(a) else {}
                y = v[i] if i < len(v) else {}
                merged.append(merge(x, y) if isinstance(x, dict) and isinstance(y, dict) else copy.deepcopy(x))
            out[k] = merged
        else:
            out[k] = copy.deepcopy(v)
    return out


Visit = Callable[["Field | None", Any, dict[str, Any], bool], None]


def _walk(fields: dict[str, Field], cont: Any, visit: Visit, inherited: bool = False) -> None:
    """Call visit(field, value, container, identifying) for every answered field."""
    if not isinstance(cont, dict):
        return
    for k, v in cont.items():
        f = fields.get(k)
        ident = inherited or f is None or f.identifying
        visit(f, v, cont, ident)
        if f is not None and f.is_container and f.fields:
            sub = _fields_map(f.fields)
            items = v if isinstance(v, list) else [v]
            for item in items:
                _walk(sub, item, visit, ident)


def _strings(v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return [s for x in v.values() for s in _strings(x)]
    if isinstance(v, list):
        return [s for x in v for s in _strings(x)]
    return []


def searchable_text(form: Form, public: dict[str, Any]) -> str:
    """Non-identifying free text and choice labels (every language), one item a line."""
    parts: list[str] = []

    def visit(f: Field | None, v: Any, cont: dict[str, Any], ident: bool) -> None:
        if ident or f is None:
            return
        if f.type in ("text", "narrative") and isinstance(v, str):
            parts.append(v)
        elif f.type == "location" and isinstance(v, dict):
            if isinstance(v.get("text"), str):
                parts.append(v["text"])
            if f.gazetteer and isinstance(v.get("city"), str) and v["city"] in f.gazetteer.places:
                place = f.gazetteer.places[v["city"]]
                parts.extend(place.label.values())
                if isinstance(v.get("district"), str) and v["district"] in place.districts:
                    parts.extend(place.districts[v["district"]].values())
        elif f.type in ("select_one", "select_multiple"):
            for code in (v if isinstance(v, list) else [v]):
                c = f.choice(code) if isinstance(code, str) else None
                if c:
                    parts.extend(c.label.values())

    _walk(_top(form), public, visit)
    return "\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def publishable_names(form: Form, answers: dict[str, Any]) -> list[str]:
    """Names the researcher marked publishable (the killed; the disappeared with family consent)."""
    out: list[str] = []

    def visit(f: Field | None, v: Any, cont: dict[str, Any], ident: bool) -> None:
        if (f is not None and f.publishable_flag and isinstance(v, str) and v.strip()
                and cont.get(f.publishable_flag) is True and v.strip() not in out):
            out.append(v.strip())

    _walk(_top(form), answers, visit)
    return out


def _person_key(f: Field, cont: dict[str, Any]) -> tuple[int, str]:
    """Which person a name or alias belongs to: the same container (a person's
    parts) and the same field stem ("interviewee_name" / "interviewee_aliases")."""
    stem = f.id
    for suffix in ("aliases", "name"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return id(cont), stem


def known_names(form: Form, identity: dict[str, Any]) -> list[Any]:
    """What feeds known-identity matching: name fields and "also known as" lists
    as names; identifiers (phones, IDs, e-mails, dates) as they are; from free
    text (narratives, addresses, notes) only the identifiers detection finds in it.
    A value in a name field that reads as a sentence is treated as free text.

    A person's name and aliases form one known person (a ``KnownName``): every
    form of it then gets that person's one pseudonym."""
    from ..redaction import Redactor
    from ..redaction.feed import names_from
    from ..redaction.known import KnownName

    detect = Redactor().detect
    persons: dict[tuple[int, str], dict[str, list[str]]] = {}
    by_kind: dict[str, list[str]] = {}

    def put(kind: str, s: Any, person: tuple[int, str] | None = None) -> None:
        if not (isinstance(s, str) and s.strip()):
            return
        if person is not None and kind in ("name", "aliases"):
            persons.setdefault(person, {"name": [], "aliases": []})[kind].append(s.strip())
        else:
            by_kind.setdefault(kind, []).append(s.strip())

    def visit(f: Field | None, v: Any, cont: dict[str, Any], ident: bool) -> None:
        if not ident:
            return
        if f is None:
            for s in _strings(v):
                put("other", s)
        elif f.type in ("text", "narrative"):
            put(f.identity or "other", v, _person_key(f, cont))
        elif f.type == "integer" and isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000:
            put("document", str(v))
        elif f.type == "location" and isinstance(v, dict):
            put("other", v.get("text"))
        elif f.type == "approx_date" and isinstance(v, dict):
            for k in ("date", "from", "to"):
                put("document", v.get(k))

    _walk(_top(form), identity, visit)
    out: list[Any] = []
    seen: set[str] = set()
    name_words: set[str] = set()
    for person in persons.values():
        names = names_from(person["name"], "name", detect)
        aliases = [a for a in names_from(person["aliases"], "aliases", detect) if a not in names]
        every = [n for n in names + aliases if n not in seen]
        if not every:
            continue
        seen.update(every)
        for n in every:
            name_words.update(w.lower() for w in n.split())
        out.append(KnownName(every[0], tuple(every[1:])) if len(every) > 1 else every[0])
    for kind in ("contact", "document", "other"):
        for s in names_from(by_kind.get(kind, ()), kind, detect):
            # "Ahmad" mined from a sentence is the known "Ahmad Haddad", not someone new
            if s in seen or (s.split() and all(w.lower() in name_words for w in s.split())):
                continue
            seen.add(s)
            out.append(s)
    return out


def identity_values(form: Form, identity: dict[str, Any]) -> list[str]:
    """Every identifying text value (for the redaction engine's known-identity list)."""
    out: list[str] = []

    def add(s: Any) -> None:
        if isinstance(s, str) and s.strip() and s.strip() not in out:
            out.append(s.strip())

    def visit(f: Field | None, v: Any, cont: dict[str, Any], ident: bool) -> None:
        if not ident:
            return
        if f is None:
            for s in _strings(v):
                add(s)
        elif f.type in ("text", "narrative"):
            add(v)
        elif f.type == "integer" and isinstance(v, int) and not isinstance(v, bool):
            add(str(v))
        elif f.type == "location" and isinstance(v, dict):
            add(v.get("text"))
        elif f.type == "approx_date" and isinstance(v, dict):
            for k in ("date", "from", "to"):
                add(v.get(k))

    _walk(_top(form), identity, visit)
    return out
