"""The report draft: what it says about the chosen incidents, and its HTML."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ...desk.model import (
    ActRef,
    Mention,
    sources_of,
    victim_mentions,
)
from ...numerals import DIGIT_STYLES
from ...vault import Vault, VaultError
from ...vault.act_rows import incident_unlisted

from .picture import CancelFn, ProgressFn, _never, _noop, load
from .incidents import _incident
from .people import publishable_name


# ---------------------------------------------------------------- report draft


def report_data(vault: Vault, incident_ids: list[str] | None = None, progress: ProgressFn = _noop,
                cancelled: CancelFn = _never) -> Any:
    """What a report draft says about the chosen incidents (all filed incidents when none are chosen)."""
    from ...desk.report import IncidentSection, ReportData, VictimLine

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
            from ...vault import Cancelled

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
            src.researchers, src.kinds, victims, sorted(perps.items()), quotes,
            incident_unlisted([(a.victim_count, len(a.victims)) for a in acts])))
    org = vault.meta("org")
    progress(len(chosen), len(chosen))
    return ReportData(org or "Headquarters", _dt.date.today(), len(records),
                      len({a.researcher for a in all_acts if a.researcher}), unconfirmed, sections)


def report_html(vault: Vault, incident_ids: list[str] | None, lang: str, progress: ProgressFn = _noop,
                cancelled: CancelFn = _never, digits: str = "native") -> str:
    """The draft as HTML; names it prints (policy-allowed only) are logged in the custody log.
    ``digits``: the digit setting ("native": Arabic-Indic in Arabic; "western"), as the window uses it."""
    from ...desk.report import render_html

    if lang not in ("en", "ar"):
        raise VaultError(code="desk.report_lang")
    if digits not in DIGIT_STYLES:
        raise VaultError(code="desk.report_digits", digits=digits)
    data = report_data(vault, incident_ids, progress, cancelled)
    named = sum(1 for s in data.incidents for v in s.victims if v.name)
    vault.log("report.draft", None, incidents=[s.number for s in data.incidents], lang=lang, named_victims=named)
    return render_html(data, lang, digits)


