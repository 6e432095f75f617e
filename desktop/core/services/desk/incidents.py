"""Incidents: create, attach and detach acts, candidates, corroboration, quotations, proposals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...desk.model import (
    CORROBORATION_LEVELS,
    ActRef,
    Sources,
    act_refs,
    sources_of,
    victim_mentions,
)
from ...desk.suggest import (
    Candidate,
    candidates_for,
)
from ...forms.expr import date_interval
from ...vault import Vault, VaultError
from ...vault.act_rows import incident_unlisted

from .picture import Desk, check_place, check_type, load


# ---------------------------------------------------------------- incidents


def _interval(date: dict[str, Any]) -> tuple[str | None, str | None]:
    interval = date_interval(date)
    if interval is None:
        raise VaultError(code="desk.bad_date")
    return interval.earliest.isoformat(), interval.latest.isoformat()


def create_incident(vault: Vault, act_type: str, date: dict[str, Any], city: str, district: str | None = None,
                    description: str = "", acts: list[tuple[str, int]] = ()) -> str:  # type: ignore[assignment]
    check_type(act_type)
    check_place(city, district)
    start, end = _interval(date)
    iid = vault.create_incident(act_type, date, start, end, city, district or None, description.strip())
    if acts:
        attach(vault, iid, list(acts))
    return iid


def attach(vault: Vault, incident_id: str, acts: list[tuple[str, int]]) -> None:
    known = {a.key for a in act_refs(vault.desk_acts())}
    for key in acts:
        if (key[0], int(key[1])) not in known:
            raise VaultError(code="desk.no_act", record_id=key[0], act_index=key[1])
    vault.attach_acts(incident_id, [(r, int(i)) for r, i in acts])


def detach(vault: Vault, incident_id: str, record_id: str, act_index: int) -> None:
    vault.detach_act(incident_id, record_id, act_index)


def reject_candidate(vault: Vault, incident_id: str, record_id: str, act_index: int) -> None:
    vault.reject_candidate(incident_id, record_id, act_index)


def candidates(vault: Vault, incident_id: str, desk: Desk | None = None) -> list[Candidate]:
    desk = desk or load(vault)
    inc = _incident(desk, incident_id)
    return candidates_for(inc, desk.acts, set(desk.links), vault.incident_rejections())


def set_corroboration(vault: Vault, incident_id: str, level: str, note: str = "") -> None:
    if level not in CORROBORATION_LEVELS:
        raise VaultError(code="desk.bad_level", levels=", ".join(CORROBORATION_LEVELS))
    vault.update_incident(incident_id, corroboration=level, corroboration_note=note.strip())


def _incident(desk: Desk, incident_id: str) -> dict[str, Any]:
    for inc in desk.incidents:
        if inc["id"] == incident_id:
            return inc
    raise VaultError(code="desk.no_incident", incident_id=incident_id)


def add_quote(vault: Vault, incident_id: str, record_id: str, field_path: str, start: int = 0,
              end: int | None = None) -> int:
    """Quote part of a redacted narrative of a testimony attached to the incident."""
    desk = load(vault)
    _incident(desk, incident_id)
    if not any(a.record_id == record_id for a in desk.incident_acts(incident_id)):
        raise VaultError(code="desk.quote_not_attached")
    text = vault.desk_narrative(record_id, field_path)
    if text is None:
        raise VaultError(code="desk.quote_no_text", record_id=record_id, field_path=field_path)
    end = len(text) if end is None else end
    if not (0 <= start < end <= len(text)):
        raise VaultError(code="desk.quote_not_part")
    return vault.add_quote(incident_id, record_id, field_path, text[start:end].strip())


@dataclass
class IncidentView:
    incident: dict[str, Any]
    acts: list[ActRef]
    sources: Sources
    quotes: list[tuple[int, str, str, str]]
    victims: list[dict[str, Any]] = field(default_factory=list)  # {"person", "pseudonym", "status", "mentions"}
    estimated_more: int = 0  # victims the acts' estimated totals give beyond those listed (an estimate)


def incident_view(vault: Vault, incident_id: str, desk: Desk | None = None) -> IncidentView:
    desk = desk or load(vault)
    inc = _incident(desk, incident_id)
    acts = desk.incident_acts(incident_id)
    victims: dict[str, dict[str, Any]] = {}
    for m in victim_mentions(acts, {}):
        pid = desk.confirmed.get(m.key)
        key = pid or f"{m.record_id}/{m.path}"
        v = victims.setdefault(key, {"person": pid, "pseudonym": desk.people.get(pid, ("", ""))[1] if pid else None,
                                     "statuses": [], "mentions": []})
        if m.status and m.status not in v["statuses"]:
            v["statuses"].append(m.status)
        v["mentions"].append(m.key)
    more = incident_unlisted([(a.victim_count, len(a.victims)) for a in acts])
    return IncidentView(inc, acts, sources_of(acts), vault.quotes(incident_id), list(victims.values()), more)


def reject_proposal(vault: Vault, acts: list[tuple[str, int]]) -> None:
    """These acts are not one incident: they are not proposed together again (logged)."""
    if len({r for r, _i in acts}) < 2:
        raise VaultError(code="desk.proposal_small")
    vault.reject_acts_together([(r, int(i)) for r, i in acts])


def accept_proposal(vault: Vault, acts: list[tuple[str, int]], description: str = "") -> str:
    """File a proposed group of acts as one incident (type, dates and place from the acts)."""
    desk = load(vault)
    refs = [desk.act((r, int(i))) for r, i in acts]
    if not refs or any(r is None for r in refs):
        raise VaultError(code="desk.proposal_unknown")
    members = [r for r in refs if r is not None]
    types = Counter(a.act_type for a in members if a.act_type)
    act_type = types.most_common(1)[0][0] if types else "other"
    starts = [a.start for a in members if a.start]
    ends = [a.end for a in members if a.end]
    lo, hi = max(starts), min(ends)
    if lo > hi:  # the accounts' dates do not share a day: the span of all of them
        lo, hi = min(starts), max(ends)
    date = {"precision": "day", "date": lo.isoformat()} if lo == hi else \
        {"precision": "range", "from": lo.isoformat(), "to": hi.isoformat()}
    districts = Counter(a.district for a in members if a.district)
    city = members[0].city or ""
    desc = description or next((a.description for a in members if a.description), "") or ""
    return create_incident(vault, act_type, date, city, districts.most_common(1)[0][0] if districts else None,
                           desc, [a.key for a in members])


