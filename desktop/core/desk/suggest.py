"""Suggestions for the analyst to accept or reject: acts that look like the
same incident (same place, overlapping dates, similar types), and victims or
perpetrator units that look like the same person or unit across testimonies.

Nothing here decides: every suggestion carries its score and its reasons, and
only the analyst's confirmation links anything. Work is blocked (by city and
dates for acts, by name skeletons or incident for people) so that thousands
of testimonies take seconds; ``progress(done, total)`` and ``cancelled()``
let a window show progress and stop it.
"""

from __future__ import annotations

from typing import Any

import datetime as _dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..vault.types import Cancelled
from .model import ActRef, Mention, overlap_days, similar_types
from .names import pair_keys, similarity
from .units import UnitSuggestion, suggest_units, unit_tokens

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

PRECISE_DAYS = 10  # a day, a part of a month or a short range
VAGUE_DAYS = 31  # acts known only to the year (or a long range) are too vague to propose alone
SAME_EVENT_SLACK = 3  # days either side two witnesses' dates may differ by


def _noop(_d: int, _t: int) -> None:
    return None


def _never() -> bool:
    return False


@dataclass
class IncidentProposal:
    """Acts of different testimonies that look like one incident not yet filed."""

    acts: list[ActRef]
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def records(self) -> set[str]:
        return {a.record_id for a in self.acts}


@dataclass
class Candidate:
    """An act that may belong to an existing incident."""

    act: ActRef
    score: float
    reasons: list[str]


@dataclass
class PersonSuggestion:
    a: Mention
    b: Mention
    score: float
    reasons: list[str]


def _act_pair(x: ActRef, y: ActRef) -> tuple[float, list[str]] | None:
    """How much two acts look like the same incident (None: not at all)."""
    if x.record_id == y.record_id or not x.city or x.city != y.city:
        return None
    if x.district and y.district and x.district != y.district:
        return None
    t = similar_types(x.act_type, y.act_type)
    if t == 0 or not overlap_days(x.start, x.end, y.start, y.end, SAME_EVENT_SLACK):
        return None
    reasons = ["same_type" if t == 1 else "similar_type", "same_place", "overlapping_dates"]
    score = 0.35 * t + 0.25 + 0.2
    if x.district and x.district == y.district:
        score += 0.1
        reasons.append("same_district")
    if x.start == x.end and y.start == y.end and x.start == y.start:
        score += 0.1
        reasons.append("same_day")
    return min(score, 1.0), reasons


def _span(a: ActRef) -> int:
    return (a.end - a.start).days if a.start and a.end else 10**6


def propose_incidents(acts: list[ActRef], attached: set[tuple[str, int]],
                      progress: ProgressFn = _noop, cancelled: CancelFn = _never,
                      rejected: set[tuple[tuple[str, str], tuple[str, str]]] | None = None) -> list[IncidentProposal]:
    """Groups of acts in no incident yet, from at least two testimonies, that look like one incident.

    ``rejected`` holds pairs of acts (record id, "acts[N]") the analyst said are not one incident."""
    rejected = rejected or set()
    loose = [a for a in acts if a.key not in attached and a.city and _span(a) <= VAGUE_DAYS]
    by_city: dict[str, list[ActRef]] = defaultdict(list)
    for a in loose:
        by_city[a.city or ""].append(a)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(k: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    best: dict[tuple[str, int], tuple[float, list[str]]] = {}
    partner: dict[tuple[str, int], tuple[float, ActRef]] = {}  # a vague act's best precise partner
    vague_pairs: list[tuple[ActRef, ActRef]] = []
    done, total = 0, len(loose)
    slack = _dt.timedelta(days=SAME_EVENT_SLACK)
    for group in by_city.values():
        group.sort(key=lambda a: a.start)  # type: ignore[arg-type, return-value]
        active: list[ActRef] = []
        for a in group:
            if cancelled():
                raise Cancelled()
            assert a.start is not None and a.end is not None
            active = [b for b in active if b.end is not None and b.end + slack >= a.start]
            for b in active:
                pair = _act_pair(a, b)
                if pair is None:
                    continue
                ka, kb = (a.record_id, f"acts[{a.act_index}]"), (b.record_id, f"acts[{b.act_index}]")
                if (ka, kb) in rejected or (kb, ka) in rejected:
                    continue
                for k in (a.key, b.key):
                    if k not in best or best[k][0] < pair[0]:
                        best[k] = pair
                pa, pb = _span(a) <= PRECISE_DAYS, _span(b) <= PRECISE_DAYS
                if pa and pb:  # two precise accounts: the same incident
                    ra, rb = find(a.key), find(b.key)
                    if ra != rb:
                        parent[ra] = rb
                elif pa or pb:  # a month-only account joins the precise one it fits best, never bridging two
                    vague, precise = (b, a) if pa else (a, b)
                    if vague.key not in partner or partner[vague.key][0] < pair[0]:
                        partner[vague.key] = (pair[0], precise)
                else:
                    vague_pairs.append((a, b))
            active.append(a)
            done += 1
            if done % 500 == 0:
                progress(done, total)
    for vague_key, (_score, precise) in partner.items():
        parent[find(vague_key)] = find(precise.key)
    for a, b in vague_pairs:
        if a.key not in partner and b.key not in partner:
            ra, rb = find(a.key), find(b.key)
            if ra != rb:
                parent[ra] = rb
    groups: dict[tuple[str, int], list[ActRef]] = defaultdict(list)
    for a in loose:
        if a.key in parent:
            groups[find(a.key)].append(a)
    out = []
    for members in groups.values():
        if len({m.record_id for m in members}) < 2:
            continue
        scores = [best[m.key][0] for m in members if m.key in best]
        reasons = sorted({r for m in members if m.key in best for r in best[m.key][1]})
        members.sort(key=lambda m: (m.start or _dt.date.max, m.record_id, m.act_index))
        out.append(IncidentProposal(members, min(scores) if scores else 0.0, reasons))
    progress(total, total)
    out.sort(key=lambda p: (-len(p.records), -p.score, p.acts[0].start or _dt.date.max))
    return out


def candidates_for(incident: dict[str, Any], acts: list[ActRef], attached: set[tuple[str, int]],
                   rejected: set[tuple[str, str, int]]) -> list[Candidate]:
    """Acts in no incident that may belong to ``incident`` (same place, overlapping dates, similar type)."""
    start = _dt.date.fromisoformat(incident["date_from"]) if incident.get("date_from") else None
    end = _dt.date.fromisoformat(incident["date_to"]) if incident.get("date_to") else start
    out = []
    for a in acts:
        if a.key in attached or (incident["id"], a.record_id, a.act_index) in rejected:
            continue
        if not incident.get("city") or a.city != incident["city"]:
            continue
        if incident.get("district") and a.district and a.district != incident["district"]:
            continue
        t = similar_types(incident.get("act_type"), a.act_type)
        if t == 0 or not overlap_days(start, end, a.start, a.end, SAME_EVENT_SLACK):
            continue
        reasons = ["same_type" if t == 1 else "similar_type", "same_place", "overlapping_dates"]
        score = 0.35 * t + 0.45
        if incident.get("district") and a.district == incident["district"]:
            score += 0.1
            reasons.append("same_district")
        if _span(a) > VAGUE_DAYS:
            score -= 0.2
            reasons.append("vague_date")
        out.append(Candidate(a, round(min(score, 1.0), 2), reasons))
    out.sort(key=lambda c: (-c.score, c.act.start or _dt.date.max, c.act.record_id))
    return out


# ---------------------------------------------------------------- people

_AGE_GROUPS = {"child": (0, 12), "adolescent": (12, 18), "adult": (18, 60), "elderly": (60, 120)}
_PROGRESSION_DAYS = 3 * 365


def _age_ok(a: Mention, b: Mention) -> bool | None:
    """True (agree), False (conflict) or None (not enough to say)."""
    if a.age is not None and b.age is not None:
        return abs(a.age - b.age) <= 5
    for m, other in ((a, b), (b, a)):
        if m.age is not None and other.age_group in _AGE_GROUPS:
            lo, hi = _AGE_GROUPS[other.age_group]
            return lo - 2 <= m.age <= hi + 2
    if a.age_group and b.age_group and a.age_group in _AGE_GROUPS and b.age_group in _AGE_GROUPS:
        return a.age_group == b.age_group
    return None


@lru_cache(maxsize=262144)
def _similarity(a: str, b: str) -> float:
    return similarity(a, b)


def clear_caches() -> None:
    """Forget the compared name pairs (on lock)."""
    _similarity.cache_clear()


def _person_pair(a: Mention, b: Mention, same_incident: bool) -> tuple[float, list[str]] | None:
    if a.record_id == b.record_id:
        return None
    if a.sex and b.sex and a.sex != b.sex and "unknown" not in (a.sex, b.sex):
        return None
    age = _age_ok(a, b)
    if age is False:
        return None
    if a.act.city and b.act.city and a.act.city != b.act.city:
        return None
    reasons: list[str] = []
    score = 0.0
    if a.name and b.name:
        sim = _similarity(a.name, b.name)
        if sim == 0:
            return None
        score += 0.5 * sim
        reasons.append("name")
    elif not same_incident:
        return None  # without names, only victims of one incident are compared
    same_status = a.status == b.status
    if same_status:
        if not (same_incident or overlap_days(a.act.start, a.act.end, b.act.start, b.act.end, SAME_EVENT_SLACK)):
            return None
        score += 0.1
        reasons.append("same_status")
    else:
        # a status history (arrested, then disappeared, then killed) spans time, but the dead stay dead
        if not (a.act.start and b.act.start) or abs((a.act.start - b.act.start).days) > _PROGRESSION_DAYS:
            return None
        for dead, other in ((a, b), (b, a)):
            if dead.status == "killed" and dead.act.end and other.act.start and \
                    other.act.start > dead.act.end + _dt.timedelta(days=SAME_EVENT_SLACK):
                return None
        reasons.append("status_history")
    if same_incident:
        score += 0.25
        reasons.append("same_incident")
    elif overlap_days(a.act.start, a.act.end, b.act.start, b.act.end, SAME_EVENT_SLACK):
        score += 0.15
        reasons.append("overlapping_dates")
    if a.act.district and a.act.district == b.act.district:
        score += 0.05
        reasons.append("same_district")
    if a.sex and a.sex == b.sex:
        score += 0.05
        reasons.append("same_sex")
    if age:
        score += 0.05
        reasons.append("age")
    if not (a.name and b.name):
        score += 0.1  # same incident, same status, nothing in conflict
    return (round(min(score, 1.0), 2), reasons) if score >= 0.5 else None


def suggest_people(mentions: list[Mention], confirmed: dict[tuple[str, str], str],
                   rejected: set[tuple[tuple[str, str], tuple[str, str]]],
                   incident_of: dict[tuple[str, int], str],
                   progress: ProgressFn = _noop, cancelled: CancelFn = _never) -> list[PersonSuggestion]:
    """Pairs of victim mentions that may be one person; pairs already one person or rejected are left out.

    ``incident_of`` maps an act (record id, act index) to its incident (or
    a proposed incident's key): victims without a received name are compared
    only within one incident."""
    blocks: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        city = m.act.city or "?"
        if m.name:
            for k in pair_keys(m.name):
                blocks[f"{city}|{k}"].append(m)
        inc = incident_of.get(m.act.key)
        if inc is not None:
            blocks[f"incident|{inc}"].append(m)
    seen: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    out: list[PersonSuggestion] = []
    items = list(blocks.items())
    for n, (_block, members) in enumerate(items):
        if cancelled():
            raise Cancelled()
        if n % 200 == 0:
            progress(n, len(items))
        if len(members) < 2 or len(members) > 400:
            continue  # a block that large is a name too common to suggest on alone
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a.key, b.key) if a.key <= b.key else (b.key, a.key)
                if pair in seen or pair in rejected:
                    continue
                seen.add(pair)
                pa, pb = confirmed.get(a.key), confirmed.get(b.key)
                if pa is not None and pa == pb:
                    continue
                ia = incident_of.get((a.record_id, a.act.act_index))
                same = ia is not None and ia == incident_of.get((b.record_id, b.act.act_index))
                scored = _person_pair(a, b, same)
                if scored is not None:
                    x, y = (a, b) if a.key <= b.key else (b, a)
                    out.append(PersonSuggestion(x, y, scored[0], scored[1]))
    progress(len(items), len(items))
    out.sort(key=lambda s: (-s.score, s.a.key, s.b.key))
    return out


__all__ = ["Candidate", "IncidentProposal", "PersonSuggestion", "UnitSuggestion", "candidates_for",
           "clear_caches", "propose_incidents", "suggest_people", "suggest_units", "unit_tokens"]
