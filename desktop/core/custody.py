"""Append-only, hash-chained custody log kept inside the encrypted database.

Each entry's hash covers the previous entry's hash and the entry's canonical
JSON, so any edit, deletion or reordering of past entries breaks the chain.
The table's SQL (``append``, ``append_at``, ``entries``) lives in the vault
package, ``desktop/core/vault/custodylog.py``; this module holds none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
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
