"""People across testimonies: suggestions, confirmed matches, status history, reveal, publishable names."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ...desk.model import (
    unit_mentions,
    victim_mentions,
)
from ...desk.suggest import (
    IncidentProposal,
    PersonSuggestion,
    UnitSuggestion,
    propose_incidents,
    suggest_people,
    suggest_units,
)
from ...vault import Vault, VaultError

from .picture import CancelFn, Desk, ProgressFn, _never, _noop, load


# ---------------------------------------------------------------- suggestions


@dataclass
class Suggestions:
    incidents: list[IncidentProposal]
    people: list[PersonSuggestion]
    units: list[UnitSuggestion]
    names_used: int  # testimonies whose received identities were compared


def suggest(vault: Vault, progress: ProgressFn = _noop, cancelled: CancelFn = _never) -> Suggestions:
    """Everything the desk can propose, off the GUI thread: incidents, people, units.

    Names are compared only where headquarters received the identity
    compartment; they stay in memory and the comparison is logged."""
    desk = load(vault)
    progress(0, 100)
    rejected = vault.mention_rejections()
    proposals = propose_incidents(desk.acts, set(desk.links),
                                  lambda d, t: progress(5 + 35 * d // max(t, 1), 100), cancelled, rejected)
    identities = vault.desk_identities()
    if cancelled():
        from ...vault import Cancelled

        raise Cancelled()
    mentions = victim_mentions(desk.acts, identities)
    incident_of: dict[tuple[str, int], str] = dict(desk.links)
    for n, p in enumerate(proposals):
        for a in p.acts:
            incident_of.setdefault(a.key, f"proposal-{n}")
    people = suggest_people(mentions, desk.confirmed, rejected, incident_of,
                            lambda d, t: progress(45 + 45 * d // max(t, 1), 100), cancelled)
    units = suggest_units(unit_mentions(desk.acts), desk.confirmed, rejected)
    if identities:
        vault.log("desk.compare_names", None, testimonies=len(identities))
    progress(100, 100)
    return Suggestions(proposals, people, units, len(identities))


# ---------------------------------------------------------------- people


def confirm_same(vault: Vault, a: tuple[str, str], b: tuple[str, str], kind: str = "victim") -> str:
    """Two mentions are one person (or unit): returns the person's id."""
    if kind not in ("victim", "unit"):
        raise VaultError(code="desk.person_kind")
    if a == b:
        raise VaultError(code="desk.same_mention")
    confirmed = vault.person_mentions()
    pid = confirmed.get(a) or confirmed.get(b)
    if pid is None:
        return vault.create_person(kind, [a, b])
    vault.add_mentions(pid, [a, b])
    return pid


def confirm_group(vault: Vault, mentions: list[tuple[str, str]], kind: str = "unit") -> str:
    """Several mentions are one person or unit (a suggested group): returns its id."""
    if kind not in ("victim", "unit") or len(set(mentions)) < 2:
        raise VaultError(code="desk.group_too_small")
    confirmed = vault.person_mentions()
    pid = next((confirmed[m] for m in mentions if m in confirmed), None)
    if pid is None:
        return vault.create_person(kind, list(dict.fromkeys(mentions)))
    vault.add_mentions(pid, list(dict.fromkeys(mentions)))
    return pid


def unlink(vault: Vault, mention: tuple[str, str]) -> None:
    """Take one testimony's mention out of the person it was confirmed as (logged)."""
    vault.remove_mention(*mention)


def reject_same(vault: Vault, a: tuple[str, str], b: tuple[str, str]) -> None:
    vault.reject_mentions(a, b)


@dataclass
class StatusEntry:
    start: _dt.date | None
    end: _dt.date | None
    status: str | None
    act_type: str | None
    record_id: str
    incident: str | None


def person_history(vault: Vault, person_id: str, desk: Desk | None = None) -> list[StatusEntry]:
    """What happened to a person, in order, from every testimony confirmed as them."""
    desk = desk or load(vault)
    keys = {k for k, p in desk.confirmed.items() if p == person_id}
    if not keys:
        raise VaultError(code="desk.no_person", person_id=person_id)
    out = []
    for m in victim_mentions(desk.acts, {}):
        if m.key in keys:
            out.append(StatusEntry(m.act.start, m.act.end, m.status, m.act.act_type, m.record_id,
                                   desk.links.get(m.act.key)))
    out.sort(key=lambda e: (e.start or _dt.date.max, e.record_id))
    return out


def reveal_person(vault: Vault, person_id: str, reason: str = "") -> list[str]:
    """The names testimonies give for a confirmed person (where headquarters received them); logged."""
    desk = load(vault)
    keys = {k for k, p in desk.confirmed.items() if p == person_id}
    if not keys:
        raise VaultError(code="desk.no_person", person_id=person_id)
    records = sorted({k[0] for k in keys})
    identities = vault.desk_identities(records)
    names: list[str] = []
    for m in victim_mentions([a for a in desk.acts if a.record_id in records], identities):
        if m.key in keys and m.name and m.name not in names:
            names.append(m.name)
    vault.log("person.reveal", None, person=person_id, records=records, reason=reason)
    return names


def publishable_name(vault: Vault, keys: set[tuple[str, str]], desk: Desk,
                     identities: dict[str, dict[str, Any]] | None = None) -> str | None:
    """The name a report may print: the killed, or the disappeared whose family agreed (marked publishable)."""
    records = sorted({k[0] for k in keys})
    identities = vault.desk_identities(records) if identities is None else identities
    ms = [m for m in victim_mentions([a for a in desk.acts if a.record_id in records], identities) if m.key in keys]
    statuses = {m.status for m in ms}
    if not statuses & {"killed", "disappeared"}:
        return None
    for m in ms:
        if m.publishable and m.name and m.status in ("killed", "disappeared"):
            return m.name
    return None


