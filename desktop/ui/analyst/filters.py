"""Which testimonies match the analyst's filters on acts (pure functions, no Qt).

The window filters in the database (``Vault.list_records(acts=...)`` over the
vault's act rows); these functions are the same rules over ``analysis.acts``
and serve as the reference the database queries are tested against.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.core.services.analysis import ActFilters

__all__ = ["ActFilters", "act_matches", "act_span", "matching_records", "violations_of"]


def act_span(act: Any) -> tuple[str, str] | None:
    """(first, last) possible day of an act as ISO strings, or None when undated."""
    if act.day:
        return act.day, act.day
    if act.month:
        return act.month + "-01", act.month + "-31"
    return None


def act_matches(act: Any, f: ActFilters) -> bool:
    if f.violation and act.act_type != f.violation:
        return False
    if f.perpetrator and f.perpetrator not in (act.perpetrators or ["unknown"]):
        return False
    if f.city and act.city != f.city:
        return False
    if f.district and act.district != f.district:
        return False
    if f.since or f.until:
        span = act_span(act)
        if span is None:
            return False
        if f.since and span[1] < f.since:
            return False
        if f.until and span[0] > f.until:
            return False
    return True


def matching_records(acts: Iterable[Any], f: ActFilters) -> set[str] | None:
    """Ids of records with at least one act matching every filter; None when no act filter is set."""
    if not f.active():
        return None
    return {a.record_id for a in acts if act_matches(a, f)}


def violations_of(acts: Iterable[Any]) -> dict[str, list[str]]:
    """record id -> its act types, in order, without repeats (for the list's column)."""
    out: dict[str, list[str]] = {}
    for a in acts:
        seen = out.setdefault(a.record_id, [])
        if a.act_type and a.act_type not in seen:
            seen.append(a.act_type)
    return out
