"""Opening the database with a key derived from the master key; transactions; meta and sealed secrets."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from .. import schema
from . import custodylog as custody
from ..crypto import (
    LABEL_DB,
    LABEL_IDENTITY_WRAP,
    LABEL_SECRET_WRAP,
    b64d,
    b64e,
    hkdf,
    new_signing_key,
    open_sealed,
    public_key_bytes,
    seal,
    signing_key_bytes,
    signing_key_from_bytes,
)
from ..custody import now
from .connection import _SerialConnection
from .types import DB, DB_PROFILES, VaultError


def _decoy_layout(kit: dict[str, Any]) -> tuple[int, str]:
    """The page layout a decoy kit names; a kit sealed before kits named one was
    made by a vault of the legacy layout (the only one there was)."""
    named = kit.get("db_layout")
    if isinstance(named, list) and tuple(named) in DB_PROFILES:
        return (int(named[0]), str(named[1]))
    return DB_PROFILES[-1]


class VaultCore:
    """An unlocked vault's handle: keys in memory, the database, transactions, meta."""

    def __init__(self, path: Path, vault_id: str, vmk: bytes):
        self.path = Path(path)
        self.vault_id = vault_id
        self._lock = threading.RLock()
        self._vmk: bytearray | None = bytearray(vmk)
        self._identity_wrap = bytearray(hkdf(vmk, LABEL_IDENTITY_WRAP))
        self._secret_wrap = bytearray(hkdf(vmk, LABEL_SECRET_WRAP))
        self._conn: sqlcipher3.Connection | None = None
        self.timings: dict[str, float] = {}
        self._blob_identity: x25519.Identity | None = None
        self._tx_depth = 0
        self.db_layout: tuple[int, str] = DB_PROFILES[0]  # (page size, HMAC) the database opened with

    def _open_db(self, create: bool, mode: str = "field", kit: dict[str, Any] | None = None) -> None:
        assert self._vmk is not None
        key = hkdf(bytes(self._vmk), LABEL_DB)
        # A new database takes the current page layout (a duress decoy: the one of
        # the vault it replaces, so that nothing tells it apart); an existing one is
        # read with each known layout in turn: only the right one passes page 1's
        # HMAC (the key itself was already proven by the key slot).
        profiles = ((_decoy_layout(kit),) if kit is not None else DB_PROFILES[:1]) if create else DB_PROFILES
        error: Exception | None = None
        for page_size, hmac in profiles:
            conn = sqlcipher3.connect(
                str(self.path / DB), isolation_level=None, check_same_thread=False, timeout=30
            )
            try:
                conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
                conn.execute(f"PRAGMA cipher_page_size = {page_size}")
                conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                self.db_layout = (page_size, hmac)
                break
            except sqlcipher3.DatabaseError as exc:
                conn.close()
                error = exc
        else:
            raise VaultError(f"{self.path / DB} is damaged or does not match the key slots ({error})")
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            # Pages are decrypted on every cache miss; 64 MiB keeps a large vault's
            # index and search tables in memory (benchmarks: 6x faster list filters).
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            schema.migrate(conn)
            if create:
                self._init_meta(conn, mode, kit)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise VaultError(f"{self.path / DB} is damaged or does not match the key slots ({exc})") from None
        except schema.SchemaError as exc:
            conn.close()
            raise VaultError(str(exc)) from None
        self._conn = conn

    def _init_meta(self, conn: sqlcipher3.Connection, mode: str, kit: dict[str, Any] | None = None) -> None:
        """A new vault's meta; a duress decoy's comes from its kit (device, history)."""
        from . import decoy

        blob_identity = x25519.Identity.generate()
        # A signing key of its own, also in a duress decoy: the decoy shows the real
        # device's public key (same fingerprint) but can never sign as that device, so a
        # coerced export from it fails the signature check at headquarters (see decoy.py).
        signing = new_signing_key()
        shown = decoy.device_public_key(kit) or public_key_bytes(signing)
        with self._tx(conn):
            meta = {
                "vault_id": self.vault_id,
                "mode": mode,
                "created_at": (kit or {}).get("created_at") or now(),
                "blob_identity": b64e(self._seal_secret(str(blob_identity).encode(), "blob_identity")),
                "device_signing_key": b64e(self._seal_secret(signing_key_bytes(signing), "device_signing_key")),
                "device_public_key": b64e(shown),
            }
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            if kit is not None:
                decoy.apply_kit(conn, kit)
            else:
                custody.append(conn, "vault.create", mode=mode)

    def _seal_secret(self, data: bytes, name: str) -> bytes:
        return seal(bytes(self._secret_wrap), data, f"{self.vault_id}/{name}".encode())

    def _open_secret(self, sealed: bytes, name: str) -> bytes:
        return open_sealed(bytes(self._secret_wrap), sealed, f"{self.vault_id}/{name}".encode())

    @property
    def conn(self) -> _SerialConnection:
        """The database, one statement at a time across threads (see _SerialConnection)."""
        if self._conn is None:
            raise VaultError("The vault is locked")
        return _SerialConnection(self._conn, self._lock)

    def _raw_conn(self) -> sqlcipher3.Connection:
        """The connection itself, for readers written against the DB-API (the custody log).

        The caller holds ``self._lock`` until it has read every row, as _SerialConnection would.
        """
        if self._conn is None:
            raise VaultError("The vault is locked")
        return self._conn

    @property
    def is_locked(self) -> bool:
        return self._conn is None

    @contextmanager
    def _tx(self, conn: sqlcipher3.Connection | None = None) -> Iterator[sqlcipher3.Connection]:
        """One durable transaction; nested uses join the outer one."""
        c = conn or self.conn
        with self._lock:
            if self._tx_depth:
                self._tx_depth += 1
                try:
                    yield c
                finally:
                    self._tx_depth -= 1
                return
            c.execute("BEGIN IMMEDIATE")
            self._tx_depth = 1
            try:
                yield c
                c.execute("COMMIT")
            except BaseException:
                if c.in_transaction:
                    c.execute("ROLLBACK")
                raise
            finally:
                self._tx_depth = 0

    def lock(self) -> None:
        """Close the database and drop every key held in memory."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlcipher3.Error:
                    pass
                self._conn.close()
                self._conn = None
            for buf in (self._vmk, self._identity_wrap, self._secret_wrap):
                if buf is not None:
                    buf[:] = bytes(len(buf))
            self._vmk = None
            self._blob_identity = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
        if key == "researcher_code":
            refresh = getattr(self, "refresh_decoy", None)  # the duress decoy shows the same code
            if refresh is not None:
                refresh()

    @property
    def mode(self) -> str:
        return self.meta("mode") or "field"

    def secret(self, name: str) -> bytes:
        """A secret stored sealed in the meta table (device keys)."""
        value = self.meta(name)
        if value is None:
            raise VaultError(f"This vault holds no {name.replace('_', ' ')}")
        return self._open_secret(b64d(value), name)

    def store_secret(self, name: str, data: bytes) -> None:
        self.set_meta(name, b64e(self._seal_secret(data, name)))

    def device_signing_key(self) -> Ed25519PrivateKey:
        return signing_key_from_bytes(self.secret("device_signing_key"))

    def device_public_key(self) -> bytes:
        """The device identity this vault shows and names in its bundles (raw Ed25519 public key).

        Every vault made since this was added stores it; in a duress decoy it is the real
        device's, which the decoy's own signing key does not match."""
        stored = self.meta("device_public_key")
        return b64d(stored) if stored else public_key_bytes(self.device_signing_key())

    def _checkpoint(self) -> None:
        # Old pages in the WAL could still hold destroyed keys; fold and truncate it.
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def custody(self, record_id: str | None = None) -> list[custody.CustodyEntry]:
        with self._lock:
            return list(custody.entries(self._raw_conn(), record_id))

    def log(self, action: str, record_id: str | None = None, **details: object) -> None:
        with self._tx() as c:
            custody.append(c, action, record_id, **details)

    transaction = _tx
    close = lock
