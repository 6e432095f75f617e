"""The full integrity check: pages, database, custody chain, attachment files."""

from __future__ import annotations

import sqlcipher3

from . import custodylog as custody
from .handle import VaultCore
from .types import BLOBS, DB


class IntegrityMixin(VaultCore):
    def check(self) -> list[str]:
        """Full integrity check; returns problems (empty when sound)."""
        problems: list[str] = []
        with self._lock:
            try:
                rows = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
                problems += [f"page check: {r[0]}" for r in rows]
                rows = self.conn.execute("PRAGMA integrity_check").fetchall()
                problems += [f"database: {r[0]}" for r in rows if r[0] != "ok"]
            except sqlcipher3.DatabaseError as exc:
                return [f"{self.path / DB} is damaged: {exc}"]
            problems += custody.verify_chain(custody.entries(self._raw_conn()))
            for att_id, *names in self.conn.execute(
                "SELECT id, blob, clean_blob, faces_blob FROM attachments"
            ).fetchall():
                for name in names:
                    if name and not (self.path / BLOBS / name).is_file():
                        problems.append(f"attachment {att_id}: encrypted file {name} is missing")
        return problems
