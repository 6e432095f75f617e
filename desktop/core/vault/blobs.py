"""Attachments: age-encrypted files under blobs/, streamed in and out."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from .. import custody, keystore
from ..custody import now
from ..streams import BackgroundWriter, ReadAhead
from .handle import VaultCore
from .types import (
    BLOBS,
    CHUNK,
    CLEAN_IN_MEMORY_LIMIT,
    Attachment,
    CancelFn,
    Cancelled,
    ProgressFn,
    VaultError,
)


def _reader(f: BinaryIO, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> ReadAhead:
    """Reads ahead and hashes on its own thread; reports progress, honours cancel (per MiB)."""

    def on_chunk(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    return ReadAhead(f, on_chunk)


class BlobsMixin(VaultCore):
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
            try:
                # Reading and hashing (the reader's thread), encrypting (here) and
                # writing with periodic flushes to disk (the writer's thread) overlap.
                out = BackgroundWriter(fd)
                try:
                    pyrage.encrypt_io(reader, out, [ident.to_public()])
                except BaseException:
                    out.abandon()
                    raise
                out.close(fsync=True)
            finally:
                os.close(fd)
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
        from .. import media

        source = Path(source)
        try:
            total = source.stat().st_size
            with open(source, "rb") as f:
                head = f.read(64)
        except OSError as exc:
            raise VaultError(f"Cannot read {source}: {exc.strerror}") from None
        kind, mime = media.sniff(head, source.name)
        with open(source, "rb") as f:
            reader = _reader(f, total, progress, cancel)
            try:
                blob = self._write_blob(reader)
            finally:
                reader.close()
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

                    r = _reader(io.BytesIO(clean.data), len(clean.data), None, cancel)
                    try:
                        clean_blob = self._write_blob(r)
                    finally:
                        r.close()
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
            with open(path, "rb", buffering=CHUNK) as f:  # pyrage reads 8 KiB at a time
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
