"""The identity compartment: one key per record, destroyed to forget."""

from __future__ import annotations

import json
import os

import sqlcipher3

from . import custodylog as custody
from ..crypto import (
    open_sealed,
    seal,
)
from .handle import VaultCore
from .search import searchable_text
from .types import VaultError


class IdentityMixin(VaultCore):
    def _record_key(self, record_id: str) -> bytes | None:
        row = self.conn.execute("SELECT wrapped FROM identity_keys WHERE record_id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        return open_sealed(bytes(self._identity_wrap), row[0], record_id.encode())

    def _seal_identity(self, c: sqlcipher3.Connection, record_id: str, rev: int,
                       identity: dict[str, object]) -> bytes | None:
        key = self._record_key(record_id)
        if key is None:
            key = os.urandom(32)
            wrapped = seal(bytes(self._identity_wrap), key, record_id.encode())
            c.execute("INSERT INTO identity_keys(record_id, wrapped) VALUES (?, ?)", (record_id, wrapped))
        payload = json.dumps(identity, ensure_ascii=False).encode()
        return seal(key, payload, f"{record_id}:{rev}".encode())

    def forget_identities(self, record_ids: list[str],
                          redacted: dict[str, dict[int, dict[str, object]]] | None = None) -> None:
        """Destroy the per-record keys: the identities are gone for good.

        ``redacted`` gives, per record and revision, the non-identifying answers
        with names in free text already replaced (desktop.core.records does
        this): they are written over the stored text, in place, and the search
        index is rebuilt from them, so the names go from narratives and index too.
        """

        with self._tx() as c:
            for rid in record_ids:
                row = c.execute("SELECT rowid, current_rev FROM records WHERE id = ?", (rid,)).fetchone()
                if row is None:
                    raise VaultError(f"No record {rid}")
                for rev, public in ((redacted or {}).get(rid) or {}).items():
                    c.execute("UPDATE revisions SET public_json = ? WHERE record_id = ? AND rev = ?",
                              (json.dumps(public, ensure_ascii=False), rid, rev))
                    if rev == row[1]:
                        c.execute("DELETE FROM record_fts WHERE rowid = ?", (row[0],))
                        c.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                                  (row[0], rid, searchable_text(public)))
                c.execute("DELETE FROM identity_keys WHERE record_id = ?", (rid,))
                c.execute("UPDATE revisions SET identity_sealed = NULL WHERE record_id = ?", (rid,))
                # a draft of an edit holds the whole answers, identities included
                c.execute("DELETE FROM drafts WHERE record_id = ?", (rid,))
                # a pseudonym's tag would let an unlocked vault confirm a guessed
                # name: the tags go, the numbers stay taken (the narratives say them)
                c.execute("UPDATE pseudonyms SET tag = 'forgotten:' || lower(hex(randomblob(16)))"
                          " WHERE record_id = ?", (rid,))
                custody.append(c, "identity.forget", rid)
        self._checkpoint()
