"""Exports of the desk for the field's platforms (documented in docs/exports.md):

- ``huridocs``: one JSON file shaped after the HURIDOCS Events Standard
  Formats: events (the filed incidents), acts (one per victim per event),
  persons (victims and perpetrator units), involvements (unit in act) and
  information (who told us: one per source per event).
- ``uwazi``: one CSV per Uwazi template (incidents, acts, victims, sources),
  with relationship columns holding the titles of related entities joined
  by ``|`` as Uwazi's CSV import reads them.

Both count each person and each incident once (confirmed links), say how
many victims are unconfirmed, and name victims only where the policy allows
(the killed, and the disappeared whose families agreed); everyone else is
their pseudonym or their mention's code.
"""

from __future__ import annotations

from typing import Any

import csv
import io
from dataclasses import dataclass, field

from ..textsafe import safe_cell

FORMAT = "testimony-huridocs-esf"
FORMAT_VERSION = 1

# Uwazi templates: file -> columns (the order is the file's).
UWAZI_COLUMNS: dict[str, list[str]] = {
    "incidents.csv": ["title", "type_of_act", "date_start", "date_end", "date_precision", "city", "district",
                      "description", "corroboration", "corroboration_note", "independent_sources",
                      "source_kinds", "victims", "sources"],
    "acts.csv": ["title", "incident", "victim", "type_of_act", "date_start", "date_end", "victim_status",
                 "perpetrator_types", "perpetrator_units"],
    "victims.csv": ["title", "pseudonym", "name_published", "confirmed", "sex", "age", "age_group",
                    "status_history", "first_date", "incidents"],
    "sources.csv": ["title", "source_kind", "source_type", "witness_connection", "interviewee_code",
                    "researcher", "device", "testimonies", "incidents"],
}

HURIDOCS_KEYS: dict[str, list[str]] = {
    "events": ["event_record_number", "event_title", "type_of_act", "initial_date", "final_date",
               "date_type", "geographical_term", "event_description", "corroboration", "corroboration_note",
               "independent_sources", "source_kinds", "acts", "information"],
    "acts": ["act_record_number", "event", "victim", "type_of_act", "initial_date", "final_date",
             "status_of_victim", "testimonies"],
    "persons": ["person_record_number", "person_type", "name", "name_withheld", "pseudonym", "confirmed",
                "sex", "age", "age_group", "status_history"],
    "involvements": ["involvement_record_number", "act", "perpetrator", "type_of_perpetrator"],
    "information": ["information_record_number", "event", "source", "type_of_source", "source_type",
                    "relation_to_event", "interviewee_code", "researcher", "device", "testimonies"],
}


@dataclass
class Tables:
    """The desk as ESF-style tables: lists of dicts keyed as HURIDOCS_KEYS."""

    events: list[dict[str, Any]] = field(default_factory=list)
    acts: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    involvements: list[dict[str, Any]] = field(default_factory=list)
    information: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def _safe_cell(text: str) -> str:
    """Keep spreadsheets from running a witness's words as a formula or showing them reordered."""
    return safe_cell(text)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "|".join(_cell(v) for v in value)
    return _safe_cell(str(value))


def uwazi_files(tables: Tables) -> dict[str, bytes]:
    """{file name: CSV bytes (UTF-8 with BOM)} for Uwazi's CSV import, one template each."""
    title_of = {p["person_record_number"]: p["name"] or p["pseudonym"] for p in tables.persons}
    event_title = {e["event_record_number"]: e["event_title"] for e in tables.events}
    info_title = {i["information_record_number"]: f"{i['source']} ({i['event']})" for i in tables.information}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in UWAZI_COLUMNS}
    for e in tables.events:
        victims = sorted({title_of[a["victim"]] for a in tables.acts if a["event"] == e["event_record_number"]
                          and a["victim"] in title_of})
        rows["incidents.csv"].append({
            "title": e["event_title"], "type_of_act": e["type_of_act"], "date_start": e["initial_date"],
            "date_end": e["final_date"], "date_precision": e["date_type"],
            "city": e["geographical_term"].get("city"), "district": e["geographical_term"].get("district"),
            "description": e["event_description"], "corroboration": e["corroboration"],
            "corroboration_note": e["corroboration_note"], "independent_sources": e["independent_sources"],
            "source_kinds": sorted(e["source_kinds"]), "victims": victims,
            "sources": [info_title[i] for i in e["information"]]})
    units_of: dict[str, list[str]] = {}
    types_of: dict[str, list[str]] = {}
    for inv in tables.involvements:
        if inv["perpetrator"] in title_of:
            units_of.setdefault(inv["act"], []).append(title_of[inv["perpetrator"]])
        if inv["type_of_perpetrator"] not in types_of.setdefault(inv["act"], []):
            types_of[inv["act"]].append(inv["type_of_perpetrator"])
    for a in tables.acts:
        rows["acts.csv"].append({
            "title": a["act_record_number"], "incident": event_title[a["event"]],
            "victim": title_of.get(a["victim"], ""), "type_of_act": a["type_of_act"],
            "date_start": a["initial_date"], "date_end": a["final_date"], "victim_status": a["status_of_victim"],
            "perpetrator_types": types_of.get(a["act_record_number"], []),
            "perpetrator_units": sorted(set(units_of.get(a["act_record_number"], [])))})
    for p in tables.persons:
        if p["person_type"] != "victim":
            continue
        events = sorted({event_title[a["event"]] for a in tables.acts if a["victim"] == p["person_record_number"]})
        history = p["status_history"]
        rows["victims.csv"].append({
            "title": title_of[p["person_record_number"]], "pseudonym": p["pseudonym"],
            "name_published": p["name"] is not None, "confirmed": p["confirmed"], "sex": p["sex"], "age": p["age"],
            "age_group": p["age_group"], "status_history": [h["status"] for h in history],
            "first_date": history[0]["date"] if history else None, "incidents": events})
    for i in tables.information:
        rows["sources.csv"].append({
            "title": info_title[i["information_record_number"]], "source_kind": i["type_of_source"],
            "source_type": i["source_type"], "witness_connection": i["relation_to_event"],
            "interviewee_code": i["interviewee_code"], "researcher": i["researcher"], "device": i["device"],
            "testimonies": i["testimonies"], "incidents": [event_title[i["event"]]]})
    out = {}
    for name, columns in UWAZI_COLUMNS.items():
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns)
        writer.writeheader()
        for r in rows[name]:
            writer.writerow({k: _cell(r.get(k)) for k in columns})
        out[name] = buf.getvalue().encode("utf-8-sig")
    return out
