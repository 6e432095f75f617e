"""The encrypted store: a SQLCipher database plus age-encrypted attachments.

A vault is a folder holding ``keyslots.json`` (the vault master key wrapped
by passphrase and recovery-code slots), ``vault.db`` (SQLCipher 4 with a raw
key derived from the master key) and ``blobs/`` (attachments, each an age
file encrypted to the vault's own X25519 identity, whose secret lives only
inside the encrypted database).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyrage
import sqlcipher3
from pyrage import x25519

from . import custody, keystore, schema
from .crypto import (
    FLOOR,
    LABEL_DB,
    LABEL_IDENTITY_WRAP,
    LABEL_SECRET_WRAP,
    CryptoError,
    KdfParams,
    b64d,
    b64e,
    calibrate,
    hkdf,
    make_slot,
    new_recovery_code,
    new_signing_key,
    normalize_recovery_code,
    open_sealed,
    open_slot,
    seal,
    SLOT_DURESS,
    signing_key_bytes,
    signing_key_from_bytes,
)
from .custody import now

DB = "vault.db"
BLOBS = "blobs"
PAGE_SIZE = 8192
CHUNK = 1024 * 1024
# Attachments up to this size are also stored metadata-stripped. Cleaning
# needs the file in memory (Pillow, pypdf, mutagen), so larger ones are kept
# as "not cleaned" and left out of redacted exports unless chosen knowingly.
CLEAN_IN_MEMORY_LIMIT = 48 * 1024 * 1024  # cleaning may hold ~3x this; stays under 200 MB

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class VaultError(Exception):
    """A refused vault operation. ``str()`` is one clear line for the user."""


class WrongSecret(VaultError):
    pass


class Cancelled(VaultError):
    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was stored")


@dataclass
class Attachment:
    id: str
    record_id: str | None
    filename: str
    mime: str
    kind: str
    size: int
    sha256: str
    clean_status: str
    clean_sha256: str | None
    clean_size: int | None
    removed: list[str]
    clean_reason: str
    created_at: str


@dataclass
class RecordSummary:
    id: str
    form_id: str
    form_version: str
    created_at: str
    updated_at: str
    rev: int
    status: str  # "complete" | "exported"
    origin: dict | None = None  # analyst side: bundle, device, researcher of the latest revision


@dataclass
class Record:
    id: str
    form_id: str
    form_version: str
    created_at: str
    updated_at: str
    rev: int
    current_rev: int
    public: dict
    identity: dict | None  # None unless revealed
    identity_forgotten: bool
    attachments: list[Attachment] = field(default_factory=list)
    redaction: dict | None = None
    status: str = "complete"
    exported_bundle: str | None = None
    origin: dict | None = None


@dataclass
class Draft:
    id: str
    form_id: str
    form_version: str
    record_id: str | None
    updated_at: str
    answers: dict


def default_kdf() -> KdfParams:
    """Calibrated parameters; ``TESTIMONY_KDF_PROFILE=floor`` selects the floor.

    The floor setting exists for tests and slow machines; nothing goes below it.
    """
    if os.environ.get("TESTIMONY_KDF_PROFILE", "").lower() == "floor":
        return FLOOR
    return calibrate()


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def searchable_text(public: dict) -> str:
    return "\n".join(t for t in _texts(public) if t.strip())


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must appear."""
    words = [w.replace('"', "") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    return " ".join(f'"{w}"*' if i == len(words) - 1 else f'"{w}"' for i, w in enumerate(words))


class _Reader:
    """Wraps a source file: hashes, counts, reports progress, honours cancel."""

    def __init__(self, f: BinaryIO, total: int, progress: ProgressFn | None, cancel: CancelFn | None):
        self.f, self.total, self.progress, self.cancel = f, total, progress, cancel
        self.sha = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        data = self.f.read(n if n and n > 0 else CHUNK)
        self.sha.update(data)
        self.size += len(data)
        if self.progress is not None and data:
            self.progress(self.size, self.total)
        return data


class _Rows:
    """The materialised result of one statement (what sqlite3 cursors offer us)."""

    def __init__(self, rows: list, rowcount: int, lastrowid: int | None):
        self._rows, self._next = rows, 0
        self.rowcount, self.lastrowid = rowcount, lastrowid

    def fetchone(self):
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list:
        rest, self._next = self._rows[self._next :], len(self._rows)
        return rest

    def __iter__(self):
        return iter(self.fetchall())


class _SerialConnection:
    """The vault's one SQLCipher connection, used from the GUI thread and from
    workers alike. Python's sqlite3 connection must not run statements from two
    threads at once (it crashes), so every statement runs and is fully fetched
    under the vault's lock; transactions hold the same lock from BEGIN to COMMIT.
    """

    def __init__(self, conn: sqlcipher3.Connection, lock: threading.RLock):
        self._c, self._lock = conn, lock

    def execute(self, sql: str, params: tuple | list | dict = ()) -> _Rows:
        with self._lock:
            cur = self._c.execute(sql, params)
            return _Rows(cur.fetchall(), cur.rowcount, cur.lastrowid)

    def executemany(self, sql: str, seq) -> _Rows:
        with self._lock:
            cur = self._c.executemany(sql, seq)
            return _Rows([], cur.rowcount, None)

    @property
    def in_transaction(self) -> bool:
        return self._c.in_transaction


class Vault:
    """An unlocked vault. Create with :meth:`create` or :meth:`unlock`."""

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

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, kdf: KdfParams | None = None, mode: str = "field"
    ) -> tuple["Vault", str]:
        """Create a vault; returns it unlocked and the recovery code (show it once)."""
        path = Path(path)
        if not passphrase:
            raise VaultError("The passphrase must not be empty")
        if (path / keystore.KEYSLOTS).exists() or (path / DB).exists():
            raise VaultError(f"A vault already exists at {path}; refusing to overwrite it")
        params = kdf or default_kdf()
        if params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations:
            raise VaultError("Key derivation parameters below the floor (m=64 MiB, t=3) are refused")
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        (path / BLOBS).mkdir(exist_ok=True, mode=0o700)
        vmk = os.urandom(32)
        vault_id = str(uuid.uuid4())
        code = new_recovery_code()
        slots = [
            make_slot("passphrase", passphrase.encode(), vmk, params, vault_id),
            make_slot("recovery", normalize_recovery_code(code), vmk, FLOOR, vault_id),
        ]
        vault = cls(path, vault_id, vmk)
        vault._open_db(create=True, mode=mode)
        keystore.write_slots(path, vault_id, slots)
        return vault, code

    @classmethod
    def unlock(
        cls, path: Path | str, passphrase: str | None = None, recovery_code: str | None = None
    ) -> "Vault":
        path = Path(path)
        try:
            vault_id, slots = keystore.read_slots(path)
        except keystore.KeystoreError as exc:
            raise VaultError(str(exc)) from None
        if not (path / DB).exists():
            raise VaultError(f"{path / DB} is missing; the vault cannot be opened")
        kind, secret = (
            ("recovery", normalize_recovery_code(recovery_code))
            if recovery_code is not None
            else ("passphrase", (passphrase or "").encode())
        )
        t0 = time.perf_counter()
        vmk = None
        duress = False
        for slot in slots:
            if slot.kind != kind:
                continue
            try:
                purpose, key = open_slot(slot, secret, vault_id)
            except CryptoError:
                continue
            if purpose == SLOT_DURESS:
                duress = True
                break
            vmk = key
            break
        t1 = time.perf_counter()
        if duress:
            # The duress passphrase: destroy the vault, then show an empty one
            # that opens with the passphrase that was given.
            params = next(s.kdf for s in slots if s.kind == "passphrase")
            cls.wipe(path)
            vault, _code = cls.create(path, passphrase or "", kdf=params)
            return vault
        if vmk is None:
            raise WrongSecret("Wrong recovery code" if kind == "recovery" else "Wrong passphrase")
        vault = cls(path, vault_id, vmk)
        vault._open_db(create=False)
        vault.timings = {"kdf": t1 - t0, "open": time.perf_counter() - t1}
        return vault

    def _open_db(self, create: bool, mode: str = "field") -> None:
        assert self._vmk is not None
        key = hkdf(bytes(self._vmk), LABEL_DB)
        conn = sqlcipher3.connect(
            str(self.path / DB), isolation_level=None, check_same_thread=False, timeout=30
        )
        try:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            # Pages are decrypted on every cache miss; 64 MiB keeps a large vault's
            # index and search tables in memory (benchmarks: 6x faster list filters).
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            schema.migrate(conn)
            if create:
                self._init_meta(conn, mode)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise VaultError(f"{self.path / DB} is damaged or does not match the key slots ({exc})") from None
        except schema.SchemaError as exc:
            conn.close()
            raise VaultError(str(exc)) from None
        self._conn = conn

    def _init_meta(self, conn: sqlcipher3.Connection, mode: str) -> None:
        blob_identity = x25519.Identity.generate()
        signing = new_signing_key()
        with self._tx(conn):
            meta = {
                "vault_id": self.vault_id,
                "mode": mode,
                "created_at": now(),
                "blob_identity": b64e(self._seal_secret(str(blob_identity).encode(), "blob_identity")),
                "device_signing_key": b64e(self._seal_secret(signing_key_bytes(signing), "device_signing_key")),
            }
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            custody.append(conn, "vault.create", mode=mode)

    def _seal_secret(self, data: bytes, name: str) -> bytes:
        return seal(bytes(self._secret_wrap), data, f"{self.vault_id}/{name}".encode())

    def _open_secret(self, sealed: bytes, name: str) -> bytes:
        return open_sealed(bytes(self._secret_wrap), sealed, f"{self.vault_id}/{name}".encode())

    @property
    def conn(self) -> "_SerialConnection":
        """The database, one statement at a time across threads (see _SerialConnection)."""
        if self._conn is None:
            raise VaultError("The vault is locked")
        return _SerialConnection(self._conn, self._lock)

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

    transaction = _tx

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

    close = lock

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

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

    def device_signing_key(self):  # -> Ed25519PrivateKey
        return signing_key_from_bytes(self.secret("device_signing_key"))

    # ------------------------------------------------------------ passphrase, wipe, check

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Rewrite the passphrase slot only; the data is untouched."""
        if not new_passphrase:
            raise VaultError("The passphrase must not be empty")
        assert self._vmk is not None
        vault_id, slots = self._read_slots()
        new_slot = make_slot("passphrase", new_passphrase.encode(), bytes(self._vmk), kdf or default_kdf(), vault_id)
        # Changing the passphrase also removes any duress slot (it would be unknown which is which).
        slots = [s for s in slots if s.kind != "passphrase"] + [new_slot]
        keystore.write_slots(self.path, vault_id, slots)
        with self._tx() as c:
            custody.append(c, "vault.passphrase_changed")

    def set_duress_passphrase(self, duress: str, current: str) -> None:
        """Add a passphrase that, when typed at unlock, wipes this vault and opens
        an empty one. Its key slot is indistinguishable from the real one.

        ``current`` must be the real passphrase (checked), so that the two differ.
        """
        if not duress or duress == current:
            raise VaultError("The duress passphrase must differ from the real one")
        vault_id, slots = self._read_slots()
        real = [s for s in slots if s.kind == "passphrase"]
        ok = False
        for slot in real:
            try:
                ok = ok or open_slot(slot, current.encode(), vault_id)[0] != SLOT_DURESS
            except CryptoError:
                continue
        if not ok:
            raise WrongSecret("Wrong passphrase")
        assert self._vmk is not None
        params = real[0].kdf
        real_slot = make_slot("passphrase", current.encode(), bytes(self._vmk), params, vault_id)
        duress_slot = make_slot("passphrase", duress.encode(), bytes(self._vmk), params, vault_id,
                                purpose=SLOT_DURESS)
        pair = [real_slot, duress_slot]
        if os.urandom(1)[0] & 1:
            pair.reverse()  # order tells nothing either
        others = [s for s in slots if s.kind != "passphrase"]
        keystore.write_slots(self.path, vault_id, pair + others)

    def _read_slots(self):
        try:
            return keystore.read_slots(self.path)
        except keystore.KeystoreError as exc:
            raise VaultError(str(exc)) from None

    @staticmethod
    def wipe(path: Path | str) -> float:
        """Quick wipe: destroy the key slots first, then remove everything.

        Returns the seconds it took until the vault became unrecoverable.
        """
        path = Path(path)
        t0 = time.perf_counter()
        keystore.destroy(path)
        elapsed = time.perf_counter() - t0
        for name in (DB, DB + "-wal", DB + "-shm", DB + "-journal"):
            p = path / name
            if p.exists():
                p.unlink()
        shutil.rmtree(path / BLOBS, ignore_errors=True)
        shutil.rmtree(path / "staging", ignore_errors=True)
        try:
            path.rmdir()
        except OSError:
            pass  # the folder holds files that are not ours; leave them
        return elapsed

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
            problems += custody.verify_chain(custody.entries(self.conn))
            for att_id, blob, clean_blob in self.conn.execute(
                "SELECT id, blob, clean_blob FROM attachments"
            ).fetchall():
                for name in (blob, clean_blob):
                    if name and not (self.path / BLOBS / name).is_file():
                        problems.append(f"attachment {att_id}: encrypted file {name} is missing")
        return problems

    # ------------------------------------------------------------ identity compartment

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

    def _checkpoint(self) -> None:
        # Old pages in the WAL could still hold destroyed keys; fold and truncate it.
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------ records

    def add_record(
        self,
        form_id: str,
        form_version: str,
        public: dict,
        identity: dict | None = None,
        attachment_ids: list[str] = (),  # type: ignore[assignment]
        redaction: dict | None = None,
        draft_id: str | None = None,
        record_id: str | None = None,
        created_at: str | None = None,
        origin: dict | None = None,
    ) -> str:
        """Save a new record (revision 1); returns its id once durably committed."""
        rid = record_id or str(uuid.uuid4())
        ts = now()
        with self._tx() as c:
            c.execute(
                "INSERT INTO records(id, form_id, form_version, created_at, updated_at, current_rev, origin_json)"
                " VALUES (?,?,?,?,?,1,?)",
                (rid, form_id, str(form_version), created_at or ts, ts, json.dumps(origin) if origin else None),
            )
            self._write_revision(c, rid, 1, ts, public, identity or {}, redaction, origin)
            self._link_attachments(c, rid, attachment_ids)
            if draft_id:
                c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            custody.append(c, "record.create", rid, form=form_id, version=str(form_version),
                           attachments=list(attachment_ids), **({"origin": origin} if origin else {}))
        return rid

    def revise_record(
        self,
        record_id: str,
        public: dict,
        identity: dict | None = None,
        attachment_ids: list[str] = (),  # type: ignore[assignment]
        redaction: dict | None = None,
        draft_id: str | None = None,
        origin: dict | None = None,
    ) -> int:
        """Add a revision; earlier revisions stay readable. Returns the new number."""
        ts = now()
        with self._tx() as c:
            row = c.execute("SELECT current_rev FROM records WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise VaultError(f"No record {record_id}")
            rev = row[0] + 1
            self._write_revision(c, record_id, rev, ts, public, identity or {}, redaction, origin)
            c.execute("UPDATE records SET current_rev = ?, updated_at = ?, origin_json = coalesce(?, origin_json)"
                      " WHERE id = ?", (rev, ts, json.dumps(origin) if origin else None, record_id))
            self._link_attachments(c, record_id, attachment_ids)
            if draft_id:
                c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            custody.append(c, "record.revise", record_id, rev=rev, attachments=list(attachment_ids),
                           **({"origin": origin} if origin else {}))
        return rev

    def _write_revision(self, c, rid: str, rev: int, ts: str, public: dict, identity: dict,
                        redaction: dict | None, origin: dict | None = None) -> None:
        sealed = self._seal_identity(c, rid, rev, identity) if identity else None
        c.execute(
            "INSERT INTO revisions(record_id, rev, created_at, public_json, identity_sealed, redaction_json,"
            " origin_json) VALUES (?,?,?,?,?,?,?)",
            (rid, rev, ts, json.dumps(public, ensure_ascii=False), sealed,
             json.dumps(redaction, ensure_ascii=False) if redaction is not None else None,
             json.dumps(origin) if origin else None),
        )
        rowid = c.execute("SELECT rowid FROM records WHERE id = ?", (rid,)).fetchone()[0]
        if rev > 1:
            c.execute("DELETE FROM record_fts WHERE rowid = ?", (rowid,))
        c.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                  (rowid, rid, searchable_text(public)))

    def _link_attachments(self, c, rid: str, attachment_ids) -> None:
        for att in attachment_ids:
            cur = c.execute(
                "UPDATE attachments SET record_id = ? WHERE id = ? AND (record_id IS NULL OR record_id = ?)",
                (rid, att, rid),
            )
            if cur.rowcount != 1:
                raise VaultError(f"Attachment {att} does not exist or belongs to another record")

    def set_redaction(self, record_id: str, redaction: dict) -> None:
        """Store the researcher's review decisions on the current revision."""
        with self._tx() as c:
            row = c.execute("SELECT current_rev FROM records WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise VaultError(f"No record {record_id}")
            c.execute("UPDATE revisions SET redaction_json = ? WHERE record_id = ? AND rev = ?",
                      (json.dumps(redaction, ensure_ascii=False), record_id, row[0]))
            custody.append(c, "redaction.review", record_id, rev=row[0],
                           fields=len(redaction),
                           decisions=sum(len(v.get("decisions", [])) for v in redaction.values()
                                         if isinstance(v, dict)))

    def get_record(self, record_id: str, rev: int | None = None, reveal: bool = False) -> Record:
        with self._lock:
            r = self.conn.execute(
                "SELECT id, form_id, form_version, created_at, updated_at, current_rev, exported_rev,"
                " exported_bundle, origin_json FROM records WHERE id = ?",
                (record_id,),
            ).fetchone()
            if r is None:
                raise VaultError(f"No record {record_id}")
            want = rev or r[5]
            rv = self.conn.execute(
                "SELECT public_json, identity_sealed, redaction_json FROM revisions WHERE record_id = ? AND rev = ?",
                (record_id, want),
            ).fetchone()
            if rv is None:
                raise VaultError(f"Record {record_id} has no revision {want}")
            key_row = self.conn.execute("SELECT 1 FROM identity_keys WHERE record_id = ?", (record_id,)).fetchone()
            has_identity_history = self.conn.execute(
                "SELECT 1 FROM custody WHERE record_id = ? AND action = 'identity.forget'", (record_id,)
            ).fetchone()
            identity = None
            if reveal and rv[1] is not None and key_row is not None:
                key = self._record_key(record_id)
                assert key is not None
                identity = json.loads(open_sealed(key, rv[1], f"{record_id}:{want}".encode()))
            elif reveal and rv[1] is None and has_identity_history is None:
                identity = {}
            return Record(
                id=r[0], form_id=r[1], form_version=r[2], created_at=r[3], updated_at=r[4], rev=want,
                current_rev=r[5], public=json.loads(rv[0]), identity=identity,
                identity_forgotten=has_identity_history is not None,
                attachments=self.attachments(record_id),
                redaction=json.loads(rv[2]) if rv[2] else None,
                status="exported" if r[6] is not None and r[6] >= r[5] else "complete",
                exported_bundle=r[7], origin=json.loads(r[8]) if r[8] else None,
            )

    def revision_origins(self, record_id: str) -> list[dict]:
        """Where each revision came from (analyst side: bundle, device, field revision)."""
        return [json.loads(r[0]) for r in self.conn.execute(
            "SELECT origin_json FROM revisions WHERE record_id = ? AND origin_json IS NOT NULL ORDER BY rev",
            (record_id,))]

    def revisions(self, record_id: str) -> list[tuple[int, str]]:
        return [tuple(x) for x in self.conn.execute(
            "SELECT rev, created_at FROM revisions WHERE record_id = ? ORDER BY rev", (record_id,))]

    def _where(self, form_id: str | None, query: str | None, status: str | None,
               since: str | None, until: str | None) -> tuple[str, list]:
        clauses, args = [], []
        if form_id:
            clauses.append("r.form_id = ?")
            args.append(form_id)
        if query:
            q = fts_query(query)
            if q:
                clauses.append("r.rowid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)")
                args.append(q)
        if status == "exported":
            clauses.append("r.exported_rev IS NOT NULL AND r.exported_rev >= r.current_rev")
        elif status == "complete":
            clauses.append("(r.exported_rev IS NULL OR r.exported_rev < r.current_rev)")
        if since:
            clauses.append("r.created_at >= ?")
            args.append(since)
        if until:
            clauses.append("r.created_at < ?")
            args.append(until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def list_records(self, limit: int = 1000, offset: int = 0, form_id: str | None = None,
                     query: str | None = None, status: str | None = None,
                     since: str | None = None, until: str | None = None) -> list[RecordSummary]:
        where, args = self._where(form_id, query, status, since, until)
        with self._lock:
            rows = self.conn.execute(
                "SELECT r.id, r.form_id, r.form_version, r.created_at, r.updated_at, r.current_rev,"
                " r.exported_rev, r.origin_json FROM records r" + where
                + " ORDER BY r.updated_at DESC, r.id LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return [
            RecordSummary(a, b, c, d, e, f, "exported" if g is not None and g >= f else "complete",
                          json.loads(h) if h else None)
            for a, b, c, d, e, f, g, h in rows
        ]

    def count_records(self, form_id: str | None = None, query: str | None = None, status: str | None = None,
                      since: str | None = None, until: str | None = None) -> int:
        where, args = self._where(form_id, query, status, since, until)
        with self._lock:
            return int(self.conn.execute("SELECT count(*) FROM records r" + where, args).fetchone()[0])

    def search(self, query: str, limit: int = 100) -> list[tuple[str, str]]:
        """Full-text search over non-identifying text: (record id, snippet)."""
        q = fts_query(query)
        if q is None:
            return []
        with self._lock:
            return [tuple(x) for x in self.conn.execute(
                "SELECT record_id, snippet(record_fts, 1, '[', ']', '…', 12) FROM record_fts"
                " WHERE record_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit))]

    def mark_exported(self, record_revs: dict[str, int], bundle_id: str) -> None:
        with self._tx() as c:
            for rid, rev in record_revs.items():
                c.execute("UPDATE records SET exported_rev = ?, exported_bundle = ? WHERE id = ?", (rev, bundle_id, rid))

    def delete_records(self, record_ids: list[str], reason: str) -> None:
        """Remove whole records (after a confirmed handover); logged in custody."""
        blobs: list[str] = []
        with self._tx() as c:
            for rid in record_ids:
                for b, cb in c.execute("SELECT blob, clean_blob FROM attachments WHERE record_id = ?", (rid,)):
                    blobs += [x for x in (b, cb) if x]
                c.execute("DELETE FROM attachments WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM identity_keys WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM revisions WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM record_fts WHERE rowid = (SELECT rowid FROM records WHERE id = ?)", (rid,))
                c.execute("DELETE FROM records WHERE id = ?", (rid,))
                c.execute("DELETE FROM drafts WHERE record_id = ?", (rid,))
                custody.append(c, "record.delete", rid, reason=reason)
        self._checkpoint()
        for name in blobs:
            (self.path / BLOBS / name).unlink(missing_ok=True)

    # ------------------------------------------------------------ drafts

    def save_draft(self, form_id: str, form_version: str, answers: dict, draft_id: str | None = None,
                   record_id: str | None = None) -> str:
        did = draft_id or str(uuid.uuid4())
        with self._tx() as c:
            c.execute(
                "INSERT INTO drafts(id, form_id, form_version, record_id, updated_at, payload) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
                (did, form_id, str(form_version), record_id, now(), json.dumps(answers, ensure_ascii=False)),
            )
        return did

    def drafts(self) -> list[Draft]:
        rows = self.conn.execute(
            "SELECT id, form_id, form_version, record_id, updated_at, payload FROM drafts ORDER BY updated_at DESC"
        ).fetchall()
        return [Draft(a, b, c, d, e, json.loads(f)) for a, b, c, d, e, f in rows]

    def load_draft(self, draft_id: str) -> Draft:
        for d in self.drafts():
            if d.id == draft_id:
                return d
        raise VaultError(f"No draft {draft_id}")

    def discard_draft(self, draft_id: str) -> None:
        with self._tx() as c:
            c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ------------------------------------------------------------ attachments

    def _blob_recipient(self) -> x25519.Identity:
        if self._blob_identity is None:
            self._blob_identity = x25519.Identity.from_str(self.secret("blob_identity").decode())
        return self._blob_identity

    def write_blob(self, reader) -> str:
        """Encrypt a stream (anything with read(n)) into blobs/; returns its name."""
        return self._write_blob(reader)

    def remove_blob(self, name: str) -> None:
        (self.path / BLOBS / name).unlink(missing_ok=True)

    def _write_blob(self, reader) -> str:
        """Encrypt a stream into blobs/ atomically; returns the blob name."""
        name = uuid.uuid4().hex
        final = self.path / BLOBS / name
        tmp = final.with_name(name + ".part")
        ident = self._blob_recipient()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                pyrage.encrypt_io(reader, out, [ident.to_public()])
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, final)
            keystore.fsync_dir(final.parent)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            # pyrage wraps exceptions raised inside read(); recover a cancel.
            if isinstance(exc, Cancelled) or "Cancelled" in str(exc):
                raise Cancelled() from None
            raise
        return name

    def import_attachment(self, source: Path | str, progress: ProgressFn | None = None,
                          cancel: CancelFn | None = None, filename: str | None = None) -> Attachment:
        """Stream a file into the vault, encrypted; also store a metadata-stripped copy."""
        from . import media

        source = Path(source)
        try:
            total = source.stat().st_size
            with open(source, "rb") as f:
                head = f.read(64)
        except OSError as exc:
            raise VaultError(f"Cannot read {source}: {exc.strerror}") from None
        kind, mime = media.sniff(head, source.name)
        with open(source, "rb") as f:
            reader = _Reader(f, total, progress, cancel)
            blob = self._write_blob(reader)
        clean = None
        clean_blob = clean_sha = None
        clean_size = None
        removed: list[str] = []
        status, reason = "not_cleaned", "too large to clean in memory"
        try:
            if total <= CLEAN_IN_MEMORY_LIMIT:
                clean = media.clean(source.read_bytes(), source.name, mime)
                status, removed, reason = clean.status, list(clean.removed), clean.reason
                if clean.data is not None:
                    import io

                    r = _Reader(io.BytesIO(clean.data), len(clean.data), None, cancel)
                    clean_blob = self._write_blob(r)
                    clean_sha, clean_size = r.sha.hexdigest(), r.size
            att = Attachment(
                id=str(uuid.uuid4()), record_id=None, filename=filename or source.name, mime=mime, kind=kind,
                size=reader.size, sha256=reader.sha.hexdigest(), clean_status=status, clean_sha256=clean_sha,
                clean_size=clean_size, removed=removed, clean_reason=reason, created_at=now(),
            )
            with self._tx() as c:
                c.execute(
                    "INSERT INTO attachments(id, record_id, filename, mime, kind, size, sha256, blob, created_at,"
                    " clean_blob, clean_sha256, clean_size, clean_status, removed_json, clean_reason)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (att.id, None, att.filename, mime, kind, att.size, att.sha256, blob, att.created_at,
                     clean_blob, clean_sha, clean_size, status, json.dumps(removed), reason),
                )
                custody.append(c, "attachment.import", None, attachment=att.id, sha256=att.sha256,
                               size=att.size, cleaned=status, removed=removed)
        except BaseException:
            for name in (blob, clean_blob):
                if name:
                    (self.path / BLOBS / name).unlink(missing_ok=True)
            raise
        return att

    def adopt_attachment(self, record_id: str, blob: str, filename: str, mime: str, kind: str, size: int,
                         sha256: str, clean_status: str, removed: list[str]) -> str:
        """Register a blob already written with :meth:`write_blob` (bundle import).

        The content is what the sender shipped (the cleaned copy when cleaned),
        so it serves as both the original and the cleaned copy here.
        """
        att_id = str(uuid.uuid4())
        with self._tx() as c:
            c.execute(
                "INSERT INTO attachments(id, record_id, filename, mime, kind, size, sha256, blob, created_at,"
                " clean_blob, clean_sha256, clean_size, clean_status, removed_json, clean_reason)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (att_id, record_id, filename, mime, kind, size, sha256, blob, now(),
                 blob if clean_status == "cleaned" else None, sha256 if clean_status == "cleaned" else None,
                 size if clean_status == "cleaned" else None, clean_status, json.dumps(removed), ""),
            )
        return att_id

    def discard_attachment(self, att_id: str) -> None:
        """Remove an attachment that no record uses yet (a cancelled interview)."""
        with self._tx() as c:
            row = c.execute("SELECT blob, clean_blob FROM attachments WHERE id = ? AND record_id IS NULL",
                            (att_id,)).fetchone()
            if row is None:
                return
            c.execute("DELETE FROM attachments WHERE id = ?", (att_id,))
            custody.append(c, "attachment.discard", None, attachment=att_id)
        for name in row:
            if name:
                (self.path / BLOBS / name).unlink(missing_ok=True)

    def _attachment_row(self, att_id: str) -> tuple:
        row = self.conn.execute(
            "SELECT id, record_id, filename, mime, kind, size, sha256, clean_status, clean_sha256, clean_size,"
            " removed_json, clean_reason, created_at, blob, clean_blob FROM attachments WHERE id = ?",
            (att_id,),
        ).fetchone()
        if row is None:
            raise VaultError(f"No attachment {att_id}")
        return row

    @staticmethod
    def _attachment(row: tuple) -> Attachment:
        return Attachment(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                          json.loads(row[10]), row[11], row[12])

    def attachment(self, att_id: str) -> Attachment:
        with self._lock:
            return self._attachment(self._attachment_row(att_id))

    def attachments(self, record_id: str) -> list[Attachment]:
        with self._lock:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM attachments WHERE record_id = ? ORDER BY created_at", (record_id,))]
            return [self._attachment(self._attachment_row(i)) for i in ids]

    def read_attachment(self, att_id: str, out: BinaryIO, cleaned: bool = False) -> None:
        """Decrypt an attachment into ``out`` (a stream; nothing touches the disk)."""
        with self._lock:
            row = self._attachment_row(att_id)
        name = row[14] if cleaned else row[13]
        if name is None:
            raise VaultError("This attachment has no cleaned copy (its metadata could not be removed)")
        path = self.path / BLOBS / name
        try:
            with open(path, "rb") as f:
                pyrage.decrypt_io(f, out, [self._blob_recipient()])
        except FileNotFoundError:
            raise VaultError(f"The encrypted file of attachment {att_id} is missing") from None
        except (pyrage.DecryptError, OSError) as exc:
            raise VaultError(f"The encrypted file of attachment {att_id} is damaged ({exc})") from None

    def blob_path(self, att_id: str, cleaned: bool) -> Path | None:
        with self._lock:
            row = self._attachment_row(att_id)
        name = row[14] if cleaned else row[13]
        return self.path / BLOBS / name if name else None

    # ------------------------------------------------------------ custody

    def custody(self, record_id: str | None = None) -> list[custody.CustodyEntry]:
        with self._lock:
            return list(custody.entries(self.conn, record_id))

    def log(self, action: str, record_id: str | None = None, **details: object) -> None:
        with self._tx() as c:
            custody.append(c, action, record_id, **details)
