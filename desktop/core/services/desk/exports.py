"""Exports for the field's platforms (HURIDOCS ESF-style JSON, Uwazi CSV) and the demo data."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ...desk.model import (
    ActRef,
    Mention,
    sources_of,
    victim_mentions,
)
from ...vault import Vault, VaultError

from .picture import load
from .people import person_history, publishable_name


# ---------------------------------------------------------------- exports for the field's platforms


def export_tables(vault: Vault) -> Any:
    """The filed incidents as HURIDOCS ESF-style tables (see docs/exports.md)."""
    from ...desk.exports import Tables

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

    from ...desk.exports import FORMAT, FORMAT_VERSION, uwazi_files
    from ...keystore import write_new
    from ...outputs import check_output

    out = Path(out)
    if fmt not in ("huridocs", "uwazi"):
        raise VaultError(code="desk.format")
    check_output(out, VaultError)  # a file or a folder: never over one that exists, never inside a vault
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
    from ...desk import sample

    return sample.fill(vault, testimonies)


def demo_record_count() -> int:
    """How many of the demo records are the shipped interviews (and the companion account)."""
    from ...desk import sample

    return len(sample.demo_samples()) + 1
