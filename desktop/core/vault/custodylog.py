"""The custody log's table: appending an entry to the hash chain, reading entries.

The chain itself (entry hashes, verification) is ``desktop/core/custody.py``,
which holds no SQL; every statement on the ``custody`` table is here. The
vault's modules import this one as ``custody`` (it re-exports the chain's names).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..custody import GENESIS, CustodyEntry, entry_hash, now, verify_chain

__all__ = ["GENESIS", "CustodyEntry", "append", "append_at", "entries", "entry_hash", "now", "verify_chain"]


def append(conn: sqlite3.Connection, action: str, record_id: str | None = None, **details: object) -> str:
    """Append one entry; must run inside the caller's transaction."""
    return append_at(conn, now(), action, record_id, dict(details))


def append_at(conn: sqlite3.Connection, ts: str, action: str, record_id: str | None,
              details: dict[str, Any]) -> str:
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
    args: tuple[str, ...] = ()
    if record_id is not None:
        sql += " WHERE record_id = ?"
        args = (record_id,)
    for seq, ts, action, rid, details, prev, h in conn.execute(sql + " ORDER BY seq", args):
        yield CustodyEntry(seq, ts, action, rid, json.loads(details), prev, h)
