"""The vault's one SQLCipher connection, serialised across threads."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlcipher3

# A row as SQLite returns it; values are str, int, float, bytes or None.
Row = tuple[Any, ...]
Params = Sequence[Any] | Mapping[str, Any]


class _Rows:
    """The materialised result of one statement (what sqlite3 cursors offer us)."""

    def __init__(self, rows: list[Row], rowcount: int, lastrowid: int | None):
        self._rows, self._next = rows, 0
        self.rowcount, self.lastrowid = rowcount, lastrowid

    def fetchone(self) -> Row | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def one(self) -> Row:
        """The next row of a statement that always returns one (an aggregate such as count(*))."""
        row = self.fetchone()
        if row is None:
            raise LookupError("the statement returned no row")
        return row

    def fetchall(self) -> list[Row]:
        rest, self._next = self._rows[self._next :], len(self._rows)
        return rest

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class _SerialConnection:
    """The vault's one SQLCipher connection, used from the GUI thread and from
    workers alike. Python's sqlite3 connection must not run statements from two
    threads at once (it crashes), so every statement runs and is fully fetched
    under the vault's lock; transactions hold the same lock from BEGIN to COMMIT.
    """

    def __init__(self, conn: sqlcipher3.Connection, lock: threading.RLock):
        self._c, self._lock = conn, lock

    def execute(self, sql: str, params: Params = ()) -> _Rows:
        with self._lock:
            cur = self._c.execute(sql, params)
            return _Rows(cur.fetchall(), cur.rowcount, cur.lastrowid)

    def executemany(self, sql: str, seq: Iterable[Params]) -> _Rows:
        with self._lock:
            cur = self._c.executemany(sql, seq)
            return _Rows([], cur.rowcount, None)

    @property
    def in_transaction(self) -> bool:
        return bool(self._c.in_transaction)
