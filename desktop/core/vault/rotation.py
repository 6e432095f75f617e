"""Rotating the vault master key: SQLCipher rekey, every sealed secret and
identity key re-wrapped under the new subkeys, a new attachment identity.

Attachments are not re-encrypted: each is an age file to an X25519 identity
kept sealed inside the database. Rotation makes a new identity for new
attachments and keeps the earlier ones (re-sealed under the new subkeys, in
the rekeyed database) to read the files written before.
"""

from __future__ import annotations

import json

import sqlcipher3
from pyrage import x25519

from ..crypto import (
    LABEL_DB,
    LABEL_IDENTITY_WRAP,
    LABEL_SECRET_WRAP,
    SLOT_PREVIOUS,
    CryptoError,
    b64d,
    b64e,
    hkdf,
    open_sealed,
    seal,
)
from . import slotstore
from .guard import reseal_guard
from .handle import VaultCore
from .types import VaultError

OLD_BLOB_IDENTITIES = "blob_identities_old"
LABEL_ROTATION = b"testimony/v1/rotation-link"


def seal_previous(vault_id: str, old_vmk: bytes, new_vmk: bytes) -> bytes:
    """The old master key sealed under the new one, kept only while rotating."""
    return seal(hkdf(new_vmk, LABEL_ROTATION), SLOT_PREVIOUS + old_vmk, f"{vault_id}/previous".encode())


def open_previous(store: slotstore.SlotStore, new_vmk: bytes) -> bytes:
    assert store.previous is not None
    try:
        payload = open_sealed(hkdf(new_vmk, LABEL_ROTATION), store.previous, f"{store.vault_id}/previous".encode())
    except CryptoError:
        raise VaultError(code="vault.rotation_unfinished") from None
    if len(payload) != 33 or payload[:1] != SLOT_PREVIOUS:
        raise VaultError(code="vault.rotation_unfinished")
    return payload[1:]


class RotationMixin(VaultCore):
    def _sealed_under_current(self) -> bool:
        try:
            self.secret("blob_identity")
        except (CryptoError, ValueError):
            return False
        return True

    def _rekey(self, new_vmk: bytes) -> None:
        """Re-encrypt every database page under the new master key's database key."""
        key = hkdf(new_vmk, LABEL_DB)
        with self._lock:
            assert self._conn is not None
            self._conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _switch_keys(self, new_vmk: bytes) -> None:
        for buf in (self._vmk, self._identity_wrap, self._secret_wrap):
            if buf is not None:
                buf[:] = bytes(len(buf))
        self._vmk = bytearray(new_vmk)
        self._identity_wrap = bytearray(hkdf(new_vmk, LABEL_IDENTITY_WRAP))
        self._secret_wrap = bytearray(hkdf(new_vmk, LABEL_SECRET_WRAP))
        self._blob_identity = None

    def _reseal_from(self, old_vmk: bytes) -> None:
        """One transaction: everything sealed under the old subkeys is sealed anew.

        Runs with the new keys in memory. Skipped when already done (a crash
        between rekey and this transaction is finished at the next unlock).
        """
        if self._sealed_under_current():
            return
        old_secret = hkdf(old_vmk, LABEL_SECRET_WRAP)
        old_identity = hkdf(old_vmk, LABEL_IDENTITY_WRAP)
        with self._tx() as c:
            for name, value in c.execute("SELECT key, value FROM meta").fetchall():
                try:
                    data = open_sealed(old_secret, b64d(value), f"{self.vault_id}/{name}".encode())
                except (CryptoError, ValueError):
                    continue  # not a sealed secret
                c.execute("UPDATE meta SET value = ? WHERE key = ?", (b64e(self._seal_secret(data, name)), name))
            for record_id, wrapped in c.execute("SELECT record_id, wrapped FROM identity_keys").fetchall():
                key = open_sealed(old_identity, wrapped, record_id.encode())
                c.execute("UPDATE identity_keys SET wrapped = ? WHERE record_id = ?",
                          (seal(bytes(self._identity_wrap), key, record_id.encode()), record_id))
            # A new identity for attachments written from now on; the earlier ones stay to read old files.
            current = self._open_secret(b64d(self._meta_value(c, "blob_identity")), "blob_identity").decode()
            older = self._old_blob_identities(c)
            fresh = x25519.Identity.generate()
            for name, data in (("blob_identity", str(fresh).encode()),
                               (OLD_BLOB_IDENTITIES, json.dumps([current, *older]).encode())):
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                          (name, b64e(self._seal_secret(data, name))))
        self._blob_identity = None

    def _meta_value(self, c: sqlcipher3.Connection, key: str) -> str:
        row = c.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise VaultError(f"This vault holds no {key.replace('_', ' ')}")
        return str(row[0])

    def _old_blob_identities(self, c: sqlcipher3.Connection | None = None) -> list[str]:
        row = (c or self.conn).execute("SELECT value FROM meta WHERE key = ?", (OLD_BLOB_IDENTITIES,)).fetchone()
        if row is None:
            return []
        return [str(s) for s in json.loads(self._open_secret(b64d(row[0]), OLD_BLOB_IDENTITIES))]

    def _finish_rotation(self, old_vmk: bytes, new_vmk: bytes) -> None:
        """From any point after the slots name the new key: database rekeyed,
        secrets re-sealed, new keys in memory. Each step is atomic and checked."""
        with self._lock:
            if self._conn is None:
                # Resuming at unlock: the database is under one of the two keys.
                try:
                    self._open_db(create=False)
                except VaultError:
                    self._switch_keys(old_vmk)
                    self._open_db(create=False)
                    self._rekey(new_vmk)
                    self._switch_keys(new_vmk)
            else:
                self._rekey(new_vmk)
                self._switch_keys(new_vmk)
            self._reseal_from(old_vmk)
            reseal_guard(self.path, self.vault_id, old_vmk, new_vmk)
            self._checkpoint()
