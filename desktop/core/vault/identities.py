"""The identity compartment: one key per record, destroyed to forget."""

from __future__ import annotations

import json
import os

import sqlcipher3

from .. import custody
from ..crypto import (
    open_sealed,
    seal,
)
from .handle import VaultCore
from .types import VaultError


class IdentityMixin(VaultCore):
    def _record_key(self, record_id: str) -> bytes | None:
        row = self.conn.execute("SELECT wrapped FROM identity_keys WHERE record_id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        return open_sealed(bytes(self._identity_wrap), row[0], record_id.encode())

    def _seal_identity(self, c: sqlcipher3.Connection, record_id: str, rev: int, identity: dict) -> bytes | None:
        key = self._record_key(record_id)
        if key is None:
            key = os.urandom(32)
            wrapped = seal(bytes(self._identity_wrap), key, record_id.encode())
            c.execute("INSERT INTO identity_keys(record_id, wrapped) VALUES (?, ?)", (record_id, wrapped))
        payload = json.dumps(identity, ensure_ascii=False).encode()
        return seal(key, payload, f"{record_id}:{rev}".encode())

    def forget_identities(self, record_ids: list[str]) -> None:
        """Destroy the per-record keys: the identities are gone for good."""
        with self._tx() as c:
            for rid in record_ids:
                if c.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone() is None:
                    raise VaultError(f"No record {rid}")
                c.execute("DELETE FROM identity_keys WHERE record_id = ?", (rid,))
                c.execute("UPDATE revisions SET identity_sealed = NULL WHERE record_id = ?", (rid,))
                # a draft of an edit holds the whole answers, identities included
                c.execute("DELETE FROM drafts WHERE record_id = ?", (rid,))
                custody.append(c, "identity.forget", rid)
        self._checkpoint()
