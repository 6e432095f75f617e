"""Append-only, hash-chained custody log kept inside the encrypted database.

Each entry's hash covers the previous entry's hash and the entry's canonical
JSON, so any edit, deletion or reordering of past entries breaks the chain.
The table's SQL lives in the vault package (``desktop/core/vault/custodylog.py``);
``append``, ``append_at`` and ``entries`` here hand over to it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class CustodyEntry:
    seq: int
    ts: str
    action: str
    record_id: str | None
    details: dict[str, Any]
    prev: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
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


def entry_hash(prev: str, seq: int, ts: str, action: str, record_id: str | None, details: dict[str, Any]) -> str:
    body = json.dumps(
        {"seq": seq, "ts": ts, "action": action, "record_id": record_id, "details": details},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev + body).encode()).hexdigest()


def append(conn: sqlite3.Connection, action: str, record_id: str | None = None, **details: object) -> str:
    """Append one entry; must run inside the caller's transaction (the SQL is the vault's)."""
    from .vault import custodylog

    return custodylog.append(conn, action, record_id, **details)


def append_at(conn: sqlite3.Connection, ts: str, action: str, record_id: str | None,
              details: dict[str, Any]) -> str:
    """Append one entry with a given time (the duress decoy replays its history)."""
    from .vault import custodylog

    return custodylog.append_at(conn, ts, action, record_id, details)


def entries(conn: sqlite3.Connection, record_id: str | None = None) -> Iterator[CustodyEntry]:
    from .vault import custodylog

    return custodylog.entries(conn, record_id)


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
