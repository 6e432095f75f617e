"""Append-only, hash-chained custody log kept inside the encrypted database.

Each entry's hash covers the previous entry's hash and the entry's canonical
JSON, so any edit, deletion or reordering of past entries breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64


@dataclass(frozen=True)
class CustodyEntry:
    seq: int
    ts: str
    action: str
    record_id: str | None
    details: dict
    prev: str
    hash: str

    def to_dict(self) -> dict:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "action": self.action,
            "record_id": self.record_id,
            "details": self.details,
            "prev": self.prev,
            "hash": self.hash,
        }


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def entry_hash(prev: str, seq: int, ts: str, action: str, record_id: str | None, details: dict) -> str:
    body = json.dumps(
        {"seq": seq, "ts": ts, "action": action, "record_id": record_id, "details": details},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev + body).encode()).hexdigest()


def append(conn: sqlite3.Connection, action: str, record_id: str | None = None, **details: object) -> str:
    """Append one entry; must run inside the caller's transaction."""
    return append_at(conn, now(), action, record_id, dict(details))


def append_at(conn: sqlite3.Connection, ts: str, action: str, record_id: str | None, details: dict) -> str:
    """Append one entry with a given time (the duress decoy replays its history)."""
    row = conn.execute("SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    h = entry_hash(prev, seq, ts, action, record_id, dict(details))
    conn.execute(
        "INSERT INTO custody(seq, ts, action, record_id, details, prev, hash) VALUES (?,?,?,?,?,?,?)",
        (seq, ts, action, record_id, json.dumps(details, ensure_ascii=False, sort_keys=True), prev, h),
    )
    return h


def entries(conn: sqlite3.Connection, record_id: str | None = None) -> Iterator[CustodyEntry]:
    sql = "SELECT seq, ts, action, record_id, details, prev, hash FROM custody"
    args: tuple = ()
    if record_id is not None:
        sql += " WHERE record_id = ?"
        args = (record_id,)
    for seq, ts, action, rid, details, prev, h in conn.execute(sql + " ORDER BY seq", args):
        yield CustodyEntry(seq, ts, action, rid, json.loads(details), prev, h)


def verify_chain(items: Iterable[CustodyEntry]) -> list[str]:
    """Return problems found in a full chain (empty when sound)."""
    problems = []
    prev = GENESIS
    expected_seq = 1
    for e in items:
        if e.seq != expected_seq:
            problems.append(f"custody entry {expected_seq} is missing")
            expected_seq = e.seq
        if e.prev != prev:
            problems.append(f"custody entry {e.seq} does not follow the previous one")
        if entry_hash(e.prev, e.seq, e.ts, e.action, e.record_id, e.details) != e.hash:
            problems.append(f"custody entry {e.seq} was altered")
        prev = e.hash
        expected_seq += 1
    return problems
