"""Attachments: age-encrypted files under blobs/, streamed in and out."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any, BinaryIO

import pyrage
from pyrage import x25519

from .. import agechild, keystore
from . import custodylog as custody
from ..custody import now
from ..outputs import check_output
from ..streams import Readable

from .blobwriter import BlobWriter, _reader
from .connection import Row
from .rotation import RotationMixin
from .types import (
    BLOBS,
    CHUNK,
    Attachment,
    CancelFn,
    Cancelled,
    ProgressFn,
    VaultError,
)


class BlobsMixin(RotationMixin):
    def _blob_recipient(self) -> x25519.Identity:
        if self._blob_identity is None:
            self._blob_identity = x25519.Identity.from_str(self.secret("blob_identity").decode())
        return self._blob_identity

    def _blob_identities(self) -> list[x25519.Identity]:
        """The current attachment identity and those of before each key rotation."""
        with self._lock:
            return [self._blob_recipient(), *(x25519.Identity.from_str(s) for s in self._old_blob_identities())]

    def write_blob(self, reader: Readable, size_hint: int = 0) -> str:
        """Encrypt a stream (anything with read(n)) into blobs/; returns its name. A large
        ``size_hint`` (the expected size) has a child process encrypt it (agechild.py)."""
        return self._write_blob(reader, size_hint)

    def remove_blob(self, name: str) -> None:
        (self.path / BLOBS / name).unlink(missing_ok=True)

    def _write_blob(self, reader: Readable, size_hint: int = 0) -> str:
        """Encrypt a stream into blobs/ atomically; returns the blob name."""
        name = uuid.uuid4().hex
        final = self.path / BLOBS / name
        tmp = final.with_name(name + ".part")
        ident = self._blob_recipient()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                recipient = ident.to_public()
                try:
                    agechild.encrypt_to(fd, reader, recipient, size_hint)
                except agechild.EncryptFailed as exc:
                    raise VaultError(f"Could not store the attachment: {exc}. Nothing was saved.") from None
                except OSError as exc:
                    if agechild.disk_full(exc):
                        raise VaultError(f"Could not store the attachment: {agechild.DISK_FULL}. "
                                         "Nothing was saved.") from None
                    raise
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

    def _encrypting_writer(self, size_hint: int = 0) -> BlobWriter:
        return BlobWriter(self.path / BLOBS, self._blob_recipient().to_public(), size_hint)

    def import_attachment(self, source: Path | str, progress: ProgressFn | None = None,
                          cancel: CancelFn | None = None, filename: str | None = None) -> Attachment:
        """Stream a file into the vault, encrypted; also store a cleaned copy.

        The cleaner reads the original from ``source`` and writes the copy
        front to back into the encrypting writer: no plaintext reaches the
        disk, and memory stays bounded whatever the size (see media.av).
        """
        from .. import media

        source = Path(source)
        try:
            total = source.stat().st_size
            kind, mime = media.sniff_path(source, source.name)
        except OSError as exc:
            raise VaultError(f"Cannot read {source}: {exc.strerror}") from None
        with open(source, "rb") as f:
            reader = _reader(f, total, progress, cancel)
            try:
                blob = self._write_blob(reader, total)
            finally:
                reader.close()
        clean_blob: str | None = None
        try:
            writer = self._encrypting_writer(total)
            try:
                report = media.clean_file(source, writer, source.name, progress, cancel)
            except media.CleanCancelled:
                writer.abort()
                raise Cancelled() from None
            except BaseException:
                writer.abort()
                raise
            if report.status in (media.CLEANED, media.PARTIAL) and writer.size > 0:
                clean_blob = writer.commit()
            else:
                writer.abort()
                if report.status != media.FAILED:
                    report.status, report.reason = media.FAILED, "the cleaner wrote nothing"
            if writer.error is not None:
                raise VaultError(f"Could not store the cleaned copy ({writer.error})")
            clean_sha = writer.sha.hexdigest() if clean_blob else None
            clean_size = writer.size if clean_blob else None
            reason = report.reason or "; ".join(f"{k.what}: {k.why}" for k in report.kept)
            clean_mime = report.clean_mime if clean_blob and report.clean_mime != mime else None
            att = Attachment(
                id=str(uuid.uuid4()), record_id=None, filename=filename or source.name, mime=mime, kind=kind,
                size=reader.size, sha256=reader.sha.hexdigest(), clean_status=report.status, clean_sha256=clean_sha,
                clean_size=clean_size, removed=list(report.removed), clean_reason=reason, created_at=now(),
                clean_mime=clean_mime, report=report.to_dict(),
            )
            with self._tx() as c:
                c.execute(
                    "INSERT INTO attachments(id, record_id, filename, mime, kind, size, sha256, blob, created_at,"
                    " clean_blob, clean_sha256, clean_size, clean_status, removed_json, clean_reason,"
                    " clean_mime, clean_report_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (att.id, None, att.filename, mime, kind, att.size, att.sha256, blob, att.created_at,
                     clean_blob, clean_sha, clean_size, att.clean_status, json.dumps(att.removed), reason,
                     clean_mime, report.to_json()),
                )
                custody.append(c, "attachment.import", None, attachment=att.id, sha256=att.sha256,
                               size=att.size, cleaned=att.clean_status, removed=att.removed,
                               kept=[k.what for k in report.kept], clean_sha256=clean_sha)
        except BaseException:
            for name in (blob, clean_blob):
                if name:
                    (self.path / BLOBS / name).unlink(missing_ok=True)
            raise
        return att

    def adopt_attachment(self, record_id: str, blob: str, filename: str, mime: str, kind: str, size: int,
                         sha256: str, clean_status: str, removed: list[str],
                         report: dict[str, Any] | None = None) -> str:
        """Register a blob already written with :meth:`write_blob` (bundle import).

        The content is what the sender shipped (the cleaned copy when cleaned),
        so it serves as both the original and the cleaned copy here.
        """
        att_id = str(uuid.uuid4())
        cleaned = clean_status == "cleaned"
        with self._tx() as c:
            c.execute(
                "INSERT INTO attachments(id, record_id, filename, mime, kind, size, sha256, blob, created_at,"
                " clean_blob, clean_sha256, clean_size, clean_status, removed_json, clean_reason,"
                " clean_report_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (att_id, record_id, filename, mime, kind, size, sha256, blob, now(),
                 blob if cleaned else None, sha256 if cleaned else None,
                 size if cleaned else None, clean_status, json.dumps(removed), "",
                 json.dumps(report, ensure_ascii=False) if report else None),
            )
        return att_id

    def discard_attachment(self, att_id: str) -> None:
        """Remove an attachment that no record uses yet (a cancelled interview)."""
        with self._tx() as c:
            row = c.execute("SELECT blob, clean_blob, faces_blob FROM attachments WHERE id = ? AND record_id IS NULL",
                            (att_id,)).fetchone()
            if row is None:
                return
            c.execute("DELETE FROM attachments WHERE id = ?", (att_id,))
            custody.append(c, "attachment.discard", None, attachment=att_id)
        for name in row:
            if name:
                (self.path / BLOBS / name).unlink(missing_ok=True)

    def _attachment_row(self, att_id: str) -> Row:
        row = self.conn.execute(
            "SELECT id, record_id, filename, mime, kind, size, sha256, clean_status, clean_sha256, clean_size,"
            " removed_json, clean_reason, created_at, blob, clean_blob, clean_mime, clean_report_json,"
            " faces_blob, faces_sha256, faces_size, faces_json FROM attachments WHERE id = ?",
            (att_id,),
        ).fetchone()
        if row is None:
            raise VaultError(f"No attachment {att_id}")
        return row

    @staticmethod
    def _attachment(row: Row) -> Attachment:
        from .. import media

        report = media.CleanReport.from_json(row[16])
        return Attachment(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                          json.loads(row[10]), row[11], row[12], row[15], report.to_dict() if report else None,
                          row[18] if row[17] else None, row[19] if row[17] else None,
                          json.loads(row[20]) if row[17] and row[20] else None)

    def attachment(self, att_id: str) -> Attachment:
        with self._lock:
            return self._attachment(self._attachment_row(att_id))

    def attachments(self, record_id: str) -> list[Attachment]:
        with self._lock:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM attachments WHERE record_id = ? ORDER BY created_at", (record_id,))]
            return [self._attachment(self._attachment_row(i)) for i in ids]

    def read_attachment(self, att_id: str, out: BinaryIO, cleaned: bool = False, faces: bool = False) -> None:
        """Decrypt an attachment into ``out`` (a stream; nothing touches the disk).

        The original, the cleaned copy (``cleaned``) or the face-hidden copy (``faces``).
        """
        with self._lock:
            row = self._attachment_row(att_id)
        name = row[17] if faces else row[14] if cleaned else row[13]
        if name is None:
            raise VaultError("This attachment has no face-hidden copy" if faces else
                             "This attachment has no cleaned copy (its metadata could not be removed)")
        path = self.path / BLOBS / name
        try:
            with open(path, "rb", buffering=CHUNK) as f:  # pyrage reads 8 KiB at a time
                pyrage.decrypt_io(f, out, self._blob_identities())
        except FileNotFoundError:
            raise VaultError(f"The encrypted file of attachment {att_id} is missing") from None
        except (pyrage.DecryptError, OSError) as exc:
            raise VaultError(f"The encrypted file of attachment {att_id} is damaged ({exc})") from None

    def blob_path(self, att_id: str, cleaned: bool) -> Path | None:
        with self._lock:
            row = self._attachment_row(att_id)
        name = row[14] if cleaned else row[13]
        return self.path / BLOBS / name if name else None

    def export_attachment(self, att_id: str, out: Path | str, original: bool = False,
                          progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> str:
        """Decrypt a copy of an attachment into a new file ``out``; returns its SHA-256.

        The cleaned copy by default (refused when there is none that is
        cleaned), the original with ``original``.  Never overwrites; the
        copy is checked against the SHA-256 recorded at import (a mismatch
        removes it) and the export is written to the custody log.
        """
        out = Path(out)
        with self._lock:
            row = self._attachment_row(att_id)
        att = self._attachment(row)
        name: str | None
        want: str | None
        if original:
            name, want, size = row[13], att.sha256, att.size
        elif att.cleaned and att.faces_sha256:  # what a bundle carries: faces hidden too
            name, want, size = row[17], att.faces_sha256, int(att.faces_size or 0)
        else:
            if not att.cleaned:
                raise VaultError("This attachment has no cleaned copy; take the original only if it may "
                                 "leave with its metadata (--original)")
            name, want, size = row[14], att.clean_sha256, int(att.clean_size or 0)
        check_output(out, VaultError)  # never over an existing file, never inside a vault
        try:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise VaultError(code="file.exists", path=out) from None
        except OSError as exc:
            raise VaultError(f"Cannot write {out}: {exc.strerror}") from None
        sha = hashlib.sha256()
        done = 0

        class _Sink:
            def __init__(self, f: BinaryIO) -> None:
                self.f = f

            def write(self, data: bytes) -> int:
                nonlocal done
                if cancel is not None and cancel():
                    raise Cancelled()
                sha.update(data)
                done += len(data)
                if progress is not None:
                    progress(done, size)
                return self.f.write(data)

        try:
            with os.fdopen(fd, "wb") as f:
                try:
                    if name is None:
                        raise FileNotFoundError(att_id)
                    with open(self.path / BLOBS / name, "rb") as src:
                        pyrage.decrypt_io(src, _Sink(f), [self._blob_recipient()])
                except FileNotFoundError:
                    raise VaultError(f"The encrypted file of attachment {att_id} is missing") from None
                except pyrage.DecryptError as exc:
                    if "Cancelled" in str(exc):
                        raise Cancelled() from None
                    raise VaultError(f"The encrypted file of attachment {att_id} is damaged ({exc})") from None
                f.flush()
                os.fsync(f.fileno())
            if sha.hexdigest() != want:
                raise VaultError(f"Attachment {att_id} does not match the SHA-256 recorded at import; "
                                 "no copy was kept")
        except BaseException:
            out.unlink(missing_ok=True)
            raise
        with self._tx() as c:
            copy = "original" if original else "faces hidden" if name == row[17] else "cleaned"
            custody.append(c, "attachment.export", att.record_id, attachment=att_id, copy=copy, sha256=want,
                           size=done)
        return want
