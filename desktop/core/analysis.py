"""Patterns across testimonies at headquarters: who did what to whom, where
and when; and flat exports (CSV, JSON) for spreadsheets and other databases.

Counts follow the forms' "acts" model: each act has a type, a date, a place,
victims (with a status) and alleged perpetrators (a force, unit or group).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

from .outputs import check_output, publish
from .textsafe import safe_cell
from .vault import Vault, VaultError
from .vault.act_rows import STATUS_OF_ACT, unlisted

VICTIM_STATUSES = ("killed", "injured", "arrested", "disappeared")


@dataclass
class Act:
    record_id: str
    device: str | None
    act_type: str | None
    month: str | None  # YYYY-MM of the earliest possible date
    day: str | None  # YYYY-MM-DD when known to the day
    city: str | None
    district: str | None
    victims: list[dict[str, Any]] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    victim_count: int | None = None  # the estimated total given, listed victims included


def _records(vault: Vault) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any] | None]]:
    """(id, form id, public answers of the current revision, origin), oldest first, a batch at a time."""
    yield from vault.current_public_answers()


def acts(vault: Vault) -> list[Act]:
    """Every act of every record's current revision (from the vault's act rows)."""
    return [Act(record_id=rid, device=device, act_type=a.act_type, month=a.month, day=a.day, city=a.city,
                district=a.district, victims=a.victims, perpetrators=a.perpetrators, victim_count=a.victim_count)
            for rid, device, a in vault.act_rows()]


def victim_counts(vault: Vault, by: str = "month") -> dict[str, Counter[str]]:
    """What ``victims_by_status(acts(vault), by)`` gives, counted by the database."""
    return vault.victim_counts(by)


def perpetrator_counts(vault: Vault) -> dict[str, Counter[str]]:
    """What ``violations_by_perpetrator(acts(vault))`` gives, counted by the database."""
    return vault.perpetrator_counts()


def victims_by_status(all_acts: list[Act], by: str = "month") -> dict[str, Counter[str]]:
    """{month or place: Counter(status -> victims)} for killed/injured/arrested/disappeared;
    with the victims an act's estimated total gives beyond those it lists, where its type
    implies their status."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for a in all_acts:
        key = a.month if by == "month" else (a.district or a.city)
        key = key or "unknown"
        for v in a.victims:
            status = v.get("status")
            if status in VICTIM_STATUSES:
                table[key][status] += 1
        more, implied = unlisted(a.victim_count, len(a.victims)), STATUS_OF_ACT.get(a.act_type or "")
        if more and implied:
            table[key][implied] += more
    return dict(sorted(table.items()))


def violations_by_perpetrator(all_acts: list[Act]) -> dict[str, Counter[str]]:
    """{perpetrator type: Counter(act type -> acts)}."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for a in all_acts:
        for p in set(a.perpetrators) or {"unknown"}:
            table[p][a.act_type or "unknown"] += 1
    return dict(sorted(table.items()))


def links(vault: Vault) -> list[tuple[str, str, str, str]]:
    return vault.links()


def link_records(vault: Vault, a: str, b: str, kind: str, note: str = "") -> None:
    """Mark two testimonies as describing the same incident or the same victim."""
    if kind not in ("same_incident", "same_victim"):
        raise VaultError("A link is 'same_incident' or 'same_victim'")
    if a == b:
        raise VaultError("A testimony cannot be linked to itself")
    vault.add_link(a, b, kind, note)


# ---------------------------------------------------------------- flat exports


def _flatten(value: object, prefix: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out[prefix] = "; ".join(str(v) for v in value)
        else:
            out[prefix] = json.dumps(value, ensure_ascii=False)
            out[f"{prefix}.count"] = str(len(value))
    elif value is not None:
        out[prefix] = str(value)


def _safe_cell(text: str) -> str:
    """Keep spreadsheets from running a witness's words as a formula, and from
    showing them reordered by bidirectional controls."""
    return safe_cell(text)


def _csv_cells(rid: str, form_id: str, public: dict[str, Any], origin: dict[str, Any] | None) -> dict[str, str]:
    origin = origin or {}
    cells = {"id": rid, "form_id": form_id, "bundle": origin.get("bundle", ""), "device": origin.get("device", ""),
             "researcher": origin.get("researcher") or ""}
    _flatten(public, "", cells)
    return cells


def _write_csv(vault: Vault, f: io.TextIOBase) -> int:
    # Two passes over the database, so that no more than a batch of testimonies is
    # in memory: the columns (every answer path that occurs), then the rows.
    columns = ["id", "form_id", "bundle", "device", "researcher"]
    keys: set[str] = set()
    for record in _records(vault):
        keys.update(_csv_cells(*record))
    columns += sorted(keys - set(columns))
    writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
    csv.writer(f).writerow([_safe_cell(c) for c in columns])  # answer keys come from bundles too
    n = 0
    for record in _records(vault):
        writer.writerow({k: _safe_cell(v) for k, v in _csv_cells(*record).items()})
        n += 1
    return n


def _write_json(vault: Vault, f: io.TextIOBase) -> int:
    # The same text as json.dumps(rows, ensure_ascii=False, indent=1), a row at a time.
    n = 0
    f.write("[")
    for rid, form_id, public, origin in _records(vault):
        row = json.dumps({"id": rid, "form_id": form_id, "origin": origin or {}, "answers": public},
                         ensure_ascii=False, indent=1)
        f.write(("\n " if n == 0 else ",\n ") + row.replace("\n", "\n "))
        n += 1
    f.write("\n]" if n else "]")
    return n


def export_table(vault: Vault, out: Path, fmt: str) -> int:
    """All testimonies (current revisions, non-identifying answers) as CSV or JSON.

    Written as it is read (bounded memory at any size) into a temporary name
    beside ``out``, fsynced, then renamed: never a half-written file."""
    check_output(out, VaultError)  # never an existing file, never inside a vault
    if fmt not in ("csv", "json"):
        raise VaultError("Format must be csv or json")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        # utf-8-sig: a byte-order mark first, so that spreadsheets read Arabic correctly
        with open(fd, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="",
                  buffering=1 << 20) as f:
            count = _write_csv(vault, f) if fmt == "csv" else _write_json(vault, f)
            f.flush()
            os.fsync(f.fileno())
        publish(tmp, out, VaultError)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    vault.log("analysis.export", None, format=fmt, records=count)
    return count
