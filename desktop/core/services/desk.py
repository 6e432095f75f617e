"""Use cases of the analyst's desk, shared by the window and the command line:
incidents (create, attach acts, candidates, corroboration, quotations),
people across testimonies (suggest, confirm, reject, status history, reveal),
counts that count each person and incident once, report drafts and exports.

Every rule is decided here: a place must come from the gazetteer, a type
from the vocabulary, a quotation from a redacted narrative, a revealed name
is logged in the custody log, suggestions never link anything by themselves.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..desk.model import (
    CORROBORATION_LEVELS,
    ActRef,
    Mention,
    Sources,
    UnitMention,
    act_refs,
    sources_of,
    unit_mentions,
    victim_mentions,
)
from ..desk.suggest import (
    Candidate,
    IncidentProposal,
    PersonSuggestion,
    UnitSuggestion,
    candidates_for,
    propose_incidents,
    suggest_people,
    suggest_units,
)
from ..forms.expr import date_interval
from ..vault import Vault, VaultError

VICTIM_STATUSES = ("killed", "injured", "arrested", "disappeared")
ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def _noop(_d: int, _t: int) -> None:
    return None


def _never() -> bool:
    return False


def _store() -> Any:
    from ..forms.loader import store_for
    from ..paths import resources_dir

    return store_for(resources_dir())


def check_place(city: str | None, district: str | None) -> None:
    store = _store()
    name = store.default_gazetteer()
    if not city:
        raise VaultError("An incident needs a place (a city of the gazetteer)")
    gaz = store.gazetteer(name) if name else None
    if gaz is None or city not in gaz.places:
        raise VaultError(f"'{city}' is not a city of the gazetteer")
    if district and district not in gaz.places[city].districts:
        raise VaultError(f"'{district}' is not a district of {city} in the gazetteer")


def check_type(act_type: str) -> None:
    terms = {t.value for t in _store().vocabulary("violation_types").terms}
    if act_type not in terms:
        raise VaultError(f"'{act_type}' is not a type of act of the vocabulary")


# ---------------------------------------------------------------- the desk's picture


@dataclass
class Desk:
    """One reading of the vault: acts, incidents and people, with every link."""

    acts: list[ActRef]
    incidents: list[dict[str, Any]]
    links: dict[tuple[str, int], str]  # act -> incident id
    confirmed: dict[tuple[str, str], str]  # mention -> person id
    people: dict[str, tuple[str, str]]  # person id -> (kind, pseudonym)

    def act(self, key: tuple[str, int]) -> ActRef | None:
        return self._by_key.get(key)

    def __post_init__(self) -> None:
        self._by_key = {a.key: a for a in self.acts}
        self._by_incident: dict[str, list[ActRef]] = {}
        for a in self.acts:
            iid = self.links.get(a.key)
            if iid is not None:
                self._by_incident.setdefault(iid, []).append(a)

    def incident_acts(self, incident_id: str) -> list[ActRef]:
        return list(self._by_incident.get(incident_id, []))


def load(vault: Vault) -> Desk:
    acts = act_refs(vault.desk_acts())
    links = {(rid, ai): iid for iid, rid, ai in vault.incident_links()}
    people = {pid: (kind, pseudo) for pid, kind, pseudo in vault.people()}
    return Desk(acts, vault.list_incidents(), links, vault.person_mentions(), people)


# ---------------------------------------------------------------- incidents


def _interval(date: dict[str, Any]) -> tuple[str | None, str | None]:
    interval = date_interval(date)
    if interval is None:
        raise VaultError("The date is not a valid approximate date (day, month, part of month, year or range)")
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
            raise VaultError(f"Testimony {key[0]} has no act {key[1]}")
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
        raise VaultError(f"Corroboration is one of: {', '.join(CORROBORATION_LEVELS)}")
    vault.update_incident(incident_id, corroboration=level, corroboration_note=note.strip())


def _incident(desk: Desk, incident_id: str) -> dict[str, Any]:
    for inc in desk.incidents:
        if inc["id"] == incident_id:
            return inc
    raise VaultError(f"No incident {incident_id}")


def add_quote(vault: Vault, incident_id: str, record_id: str, field_path: str, start: int = 0,
              end: int | None = None) -> int:
    """Quote part of a redacted narrative of a testimony attached to the incident."""
    desk = load(vault)
    _incident(desk, incident_id)
    if not any(a.record_id == record_id for a in desk.incident_acts(incident_id)):
        raise VaultError("Quote only testimonies attached to this incident")
    text = vault.desk_narrative(record_id, field_path)
    if text is None:
        raise VaultError(f"Testimony {record_id} has no text at {field_path}")
    end = len(text) if end is None else end
    if not (0 <= start < end <= len(text)):
        raise VaultError("The quotation must be a part of the text")
    return vault.add_quote(incident_id, record_id, field_path, text[start:end].strip())


@dataclass
class IncidentView:
    incident: dict[str, Any]
    acts: list[ActRef]
    sources: Sources
    quotes: list[tuple[int, str, str, str]]
    victims: list[dict[str, Any]] = field(default_factory=list)  # {"person", "pseudonym", "status", "mentions"}


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
    return IncidentView(inc, acts, sources_of(acts), vault.quotes(incident_id), list(victims.values()))


def reject_proposal(vault: Vault, acts: list[tuple[str, int]]) -> None:
    """These acts are not one incident: they are not proposed together again (logged)."""
    if len({r for r, _i in acts}) < 2:
        raise VaultError("A proposal joins acts of at least two testimonies")
    vault.reject_acts_together([(r, int(i)) for r, i in acts])


def accept_proposal(vault: Vault, acts: list[tuple[str, int]], description: str = "") -> str:
    """File a proposed group of acts as one incident (type, dates and place from the acts)."""
    desk = load(vault)
    refs = [desk.act((r, int(i))) for r, i in acts]
    if not refs or any(r is None for r in refs):
        raise VaultError("A proposal names acts that do not exist")
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
        from ..vault import Cancelled

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
        raise VaultError("A person is a 'victim' or a perpetrator 'unit'")
    if a == b:
        raise VaultError("A mention is already itself")
    confirmed = vault.person_mentions()
    pid = confirmed.get(a) or confirmed.get(b)
    if pid is None:
        return vault.create_person(kind, [a, b])
    vault.add_mentions(pid, [a, b])
    return pid


def confirm_group(vault: Vault, mentions: list[tuple[str, str]], kind: str = "unit") -> str:
    """Several mentions are one person or unit (a suggested group): returns its id."""
    if kind not in ("victim", "unit") or len(set(mentions)) < 2:
        raise VaultError("Confirm at least two mentions as one 'victim' or 'unit'")
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
        raise VaultError(f"No person {person_id}")
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
        raise VaultError(f"No person {person_id}")
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


# ---------------------------------------------------------------- counts


@dataclass
class Counts:
    """Distinct people and incidents, with how many of them are not confirmed yet."""

    table: dict[str, dict[str, int]]
    unconfirmed: dict[str, dict[str, int]]

    def total_unconfirmed(self) -> int:
        return sum(sum(v.values()) for v in self.unconfirmed.values())


def victims_by_status(vault: Vault, by: str = "month") -> Counts:
    raw = vault.count_victims(by, VICTIM_STATUSES)
    return Counts({k: {s: n for s, (n, _u) in v.items()} for k, v in raw.items()},
                  {k: {s: u for s, (_n, u) in v.items() if u} for k, v in raw.items()})


def violations_by_perpetrator(vault: Vault) -> Counts:
    raw = vault.count_violations_by_perpetrator()
    return Counts({k: {s: n for s, (n, _u) in v.items()} for k, v in raw.items()},
                  {k: {s: u for s, (_n, u) in v.items() if u} for k, v in raw.items()})


def incidents_by_sources(vault: Vault, desk: Desk | None = None) -> dict[int, int]:
    """{number of independent sources: incidents} for the incidents analysts filed."""
    desk = desk or load(vault)
    out: Counter[int] = Counter()
    for inc in desk.incidents:
        out[sources_of(desk.incident_acts(inc["id"])).independent] += 1
    return dict(sorted(out.items()))


def loose_acts(vault: Vault) -> tuple[int, int]:
    """(acts not yet in any incident, all acts): the unconfirmed part of every incident count."""
    return vault.count_loose_acts()


__all__ = [
    "CORROBORATION_LEVELS",
    "Counts",
    "Desk",
    "IncidentView",
    "Mention",
    "StatusEntry",
    "Suggestions",
    "UnitMention",
    "accept_proposal",
    "add_quote",
    "attach",
    "candidates",
    "confirm_same",
    "create_incident",
    "detach",
    "incident_view",
    "incidents_by_sources",
    "load",
    "loose_acts",
    "person_history",
    "publishable_name",
    "reject_candidate",
    "reject_proposal",
    "reject_same",
    "reveal_person",
    "set_corroboration",
    "suggest",
    "victim_mentions",
    "victims_by_status",
    "violations_by_perpetrator",
]


# ---------------------------------------------------------------- report draft


def report_data(vault: Vault, incident_ids: list[str] | None = None, progress: ProgressFn = _noop,
                cancelled: CancelFn = _never) -> Any:
    """What a report draft says about the chosen incidents (all filed incidents when none are chosen)."""
    from ..desk.report import IncidentSection, ReportData, VictimLine

    desk = load(vault)
    chosen = [i["id"] for i in desk.incidents] if not incident_ids else list(incident_ids)
    for iid in chosen:
        _incident(desk, iid)
    acts_of = {iid: desk.incident_acts(iid) for iid in chosen}
    records = sorted({a.record_id for acts in acts_of.values() for a in acts})
    identities = vault.desk_identities(records)
    sections = []
    unconfirmed = 0
    all_acts: list[ActRef] = []
    for n, iid in enumerate(chosen, start=1):
        if cancelled():
            from ..vault import Cancelled

            raise Cancelled()
        progress(n - 1, len(chosen))
        inc = _incident(desk, iid)
        acts = acts_of[iid]
        all_acts += acts
        src = sources_of(acts)
        groups: dict[str, list[Mention]] = {}
        for m in victim_mentions(acts, identities):
            pid = desk.confirmed.get(m.key)
            groups.setdefault(pid or f"{m.record_id}/{m.path}", []).append(m)
        victims = []
        for ms in groups.values():
            pid = desk.confirmed.get(ms[0].key)
            if pid is None:
                unconfirmed += 1
            statuses: list[str] = []
            for m in sorted(ms, key=lambda m: (m.act.start or _dt.date.max)):
                if m.status and m.status not in statuses:
                    statuses.append(m.status)
            name = publishable_name(vault, {m.key for m in ms}, desk, identities)
            victims.append(VictimLine(name, desk.people.get(pid, ("", ""))[1] if pid else None, statuses,
                                      next((m.sex for m in ms if m.sex), None),
                                      next((m.age for m in ms if m.age is not None), None),
                                      next((m.age_group for m in ms if m.age_group), None), pid is not None))
        perps: dict[str, list[str]] = {}
        for a in acts:
            for p in a.perpetrators:
                force = str(p["perp_type"]) if isinstance(p.get("perp_type"), str) else "unknown"
                units = perps.setdefault(force, [])
                unit = p.get("perp_unit")
                if isinstance(unit, str) and unit.strip() and unit.strip() not in units:
                    units.append(unit.strip())
        kind_of = {a.record_id: a.source_kind for a in acts}
        quotes = [(kind_of.get(rid, "other"), text) for _qid, rid, _f, text in vault.quotes(iid)]
        sections.append(IncidentSection(
            n, inc["act_type"], inc["date"], inc["city"], inc["district"], inc["description"],
            inc["corroboration"], inc["corroboration_note"], src.independent, src.testimonies, src.devices,
            src.researchers, src.kinds, victims, sorted(perps.items()), quotes))
    org = vault.meta("org")
    progress(len(chosen), len(chosen))
    return ReportData(org or "Headquarters", _dt.date.today(), len(records),
                      len({a.researcher for a in all_acts if a.researcher}), unconfirmed, sections)


def report_html(vault: Vault, incident_ids: list[str] | None, lang: str, progress: ProgressFn = _noop,
                cancelled: CancelFn = _never) -> str:
    """The draft as HTML; names it prints (policy-allowed only) are logged in the custody log."""
    from ..desk.report import render_html

    if lang not in ("en", "ar"):
        raise VaultError("The report language is 'en' or 'ar'")
    data = report_data(vault, incident_ids, progress, cancelled)
    named = sum(1 for s in data.incidents for v in s.victims if v.name)
    vault.log("report.draft", None, incidents=[s.number for s in data.incidents], lang=lang, named_victims=named)
    return render_html(data, lang)


# ---------------------------------------------------------------- exports for the field's platforms


def export_tables(vault: Vault) -> Any:
    """The filed incidents as HURIDOCS ESF-style tables (see docs/exports.md)."""
    from ..desk.exports import Tables

    desk = load(vault)
    tables = Tables()
    records = sorted({a.record_id for a in desk.acts if a.key in desk.links})
    identities = vault.desk_identities(records)
    persons: dict[str, dict[str, Any]] = {}
    unconfirmed = 0
    for n, inc in enumerate(desk.incidents, start=1):
        eid = f"E-{n:04d}"
        acts = desk.incident_acts(inc["id"])
        src = sources_of(acts)
        info_ids = []
        by_source: dict[str, list[ActRef]] = {}
        for a in src.items:
            by_source.setdefault(a.source_key, []).append(a)
        for k, (_key, items) in enumerate(sorted(by_source.items()), start=1):
            first = items[0]
            iid = f"{eid}-S{k:02d}"
            info_ids.append(iid)
            tables.information.append({
                "information_record_number": iid, "event": eid, "source": first.interviewee or first.record_id,
                "type_of_source": first.source_kind, "source_type": first.source_type,
                "relation_to_event": first.witness_connection, "interviewee_code": first.interviewee,
                "researcher": first.researcher, "device": first.device,
                "testimonies": sorted({a.record_id for a in items})})
        groups: dict[str, list[Mention]] = {}
        for m in victim_mentions(acts, identities):
            pid = desk.confirmed.get(m.key)
            groups.setdefault(pid or f"mention:{m.record_id}:{m.path}", []).append(m)
        act_ids = []
        for j, (pkey, ms) in enumerate(sorted(groups.items()), start=1):
            pid = desk.confirmed.get(ms[0].key)
            if pkey not in persons:
                if pid is None:
                    unconfirmed += 1
                name = publishable_name(vault, {m.key for m in ms}, desk, identities)
                persons[pkey] = {
                    "person_record_number": pkey if pid is None else pid, "person_type": "victim",
                    "name": name, "name_withheld": name is None,
                    "pseudonym": desk.people[pid][1] if pid else f"{ms[0].record_id[:8]}:{ms[0].path}",
                    "confirmed": pid is not None, "sex": next((m.sex for m in ms if m.sex), None),
                    "age": next((m.age for m in ms if m.age is not None), None),
                    "age_group": next((m.age_group for m in ms if m.age_group), None), "status_history": []}
            aid = f"{eid}-A{j:02d}"
            act_ids.append(aid)
            statuses = sorted({m.status for m in ms if m.status})
            tables.acts.append({
                "act_record_number": aid, "event": eid, "victim": persons[pkey]["person_record_number"],
                "type_of_act": inc["act_type"], "initial_date": inc["date_from"], "final_date": inc["date_to"],
                "status_of_victim": "|".join(statuses), "testimonies": sorted({m.record_id for m in ms})})
        if not groups:
            aid = f"{eid}-A01"
            act_ids.append(aid)
            tables.acts.append({"act_record_number": aid, "event": eid, "victim": None, "type_of_act": inc["act_type"],
                                "initial_date": inc["date_from"], "final_date": inc["date_to"],
                                "status_of_victim": None, "testimonies": sorted({a.record_id for a in acts})})
        perps: set[tuple[str, str | None]] = set()
        for a in acts:
            for pi, p in enumerate(a.perpetrators):
                force = str(p["perp_type"]) if isinstance(p.get("perp_type"), str) else "unknown"
                unit = p.get("perp_unit") if isinstance(p.get("perp_unit"), str) and p["perp_unit"].strip() else None
                ukey = None
                if unit:
                    path = f"acts[{a.act_index}].act_perpetrators[{pi}]"
                    upid = desk.confirmed.get((a.record_id, path))
                    ukey = upid or f"unit:{a.record_id}:{path}"
                    if ukey not in persons:
                        persons[ukey] = {
                            "person_record_number": ukey, "person_type": "perpetrator_unit", "name": unit.strip(),
                            "name_withheld": False, "pseudonym": desk.people[upid][1] if upid else None,
                            "confirmed": upid is not None, "sex": None, "age": None, "age_group": None,
                            "status_history": []}
                perps.add((force, ukey))
        for aid in act_ids:
            for k, (force, ukey) in enumerate(sorted(perps, key=lambda x: (x[0], x[1] or "")), start=1):
                tables.involvements.append({"involvement_record_number": f"{aid}-I{k:02d}", "act": aid,
                                            "perpetrator": ukey, "type_of_perpetrator": force})
        tables.events.append({
            "event_record_number": eid, "event_title": f"{eid} {inc['act_type']} {inc['city']} {inc['date_from']}",
            "type_of_act": inc["act_type"], "initial_date": inc["date_from"], "final_date": inc["date_to"],
            "date_type": inc["date"].get("precision"),
            "geographical_term": {"city": inc["city"], "district": inc["district"]},
            "event_description": inc["description"], "corroboration": inc["corroboration"],
            "corroboration_note": inc["corroboration_note"], "independent_sources": src.independent,
            "source_kinds": sorted(src.kinds), "acts": act_ids, "information": info_ids})
    for pkey, p in persons.items():
        if p["person_type"] == "victim":
            pid = p["person_record_number"] if p["confirmed"] else None
            if pid:
                p["status_history"] = [{"date": e.start.isoformat() if e.start else None, "status": e.status,
                                        "type_of_act": e.act_type} for e in person_history(vault, pid, desk)]
            else:
                rid, path = pkey.split(":", 2)[1:]
                p["status_history"] = [{"date": m.act.start.isoformat() if m.act.start else None,
                                        "status": m.status, "type_of_act": m.act.act_type}
                                       for m in victim_mentions(desk.acts, {}) if m.key == (rid, path)]
        tables.persons.append(p)
    loose, total = vault.count_loose_acts()
    tables.summary = {"events": len(tables.events),
                      "victims": sum(1 for p in tables.persons if p["person_type"] == "victim"),
                      "unconfirmed_victims": unconfirmed, "acts_in_no_incident": loose, "acts_in_testimonies": total}
    return tables


def export(vault: Vault, fmt: str, out: Any) -> dict[str, Any]:
    """Write the HURIDOCS JSON file or the Uwazi CSV folder; never over something that exists."""
    import json
    from pathlib import Path

    from ..desk.exports import FORMAT, FORMAT_VERSION, uwazi_files
    from ..keystore import write_new

    out = Path(out)
    if fmt not in ("huridocs", "uwazi"):
        raise VaultError("Format must be huridocs or uwazi")
    if out.exists():
        raise VaultError(f"{out} already exists; choose another name")
    tables = export_tables(vault)
    if fmt == "huridocs":
        doc = {"format": FORMAT, "version": FORMAT_VERSION, "generated_at": _dt.datetime.now(_dt.UTC).isoformat(),
               "summary": tables.summary, "events": tables.events, "acts": tables.acts, "persons": tables.persons,
               "involvements": tables.involvements, "information": tables.information}
        write_new(out, json.dumps(doc, ensure_ascii=False, indent=1).encode())
        files = [out.name]
    else:
        out.mkdir(mode=0o700)
        files = []
        for name, data in uwazi_files(tables).items():
            write_new(out / name, data)
            files.append(name)
    vault.log("desk.export", None, format=fmt, events=len(tables.events), persons=len(tables.persons),
              named=sum(1 for p in tables.persons if p["person_type"] == "victim" and p["name"]))
    return {"out": str(out), "files": files, **tables.summary}


def fill_demo(vault: Vault, testimonies: int = 0) -> list[str]:
    """Fill an analyst vault with the fictional demo testimonies (and ``testimonies`` generated ones)."""
    from ..desk import sample

    return sample.fill(vault, testimonies)


def demo_record_count() -> int:
    """How many of the demo records are the shipped interviews (and the companion account)."""
    from ..desk import sample

    return len(sample.demo_samples()) + 1
