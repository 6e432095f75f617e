"""The writer of one encrypted blob: age-encrypts what it is given into a new file under
blobs/ on a background thread (or, for a large file, in a child process: agechild.py),
hashing on the way; commit links it under its name, abort removes it. And the read-ahead
of a source file with progress and cancel."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from .. import agechild, keystore
from ..streams import ReadAhead

from .types import CHUNK, CancelFn, Cancelled, ProgressFn, VaultError


STRAY_PART_S = 6 * 3600.0  # a .part untouched this long belongs to no running write


def sweep_stray_parts(folder: Path, older_than_s: float = STRAY_PART_S) -> int:
    """Remove the half-written blobs (``*.part``, encrypted, named by no row) that a process
    which died mid-write left in ``folder``; returns how many. Only files nobody wrote to
    for ``older_than_s``: another process (the command line beside the window) may be
    writing one now, and a write touches its file every few milliseconds."""
    cutoff = time.time() - older_than_s
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if (entry.name.endswith(".part") and entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < cutoff):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _reader(f: BinaryIO, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> ReadAhead:
    """Reads ahead and hashes on its own thread; reports progress, honours cancel (per MiB)."""

    def on_chunk(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    return ReadAhead(f, on_chunk)


class BlobWriter:
    """A write-only stream that age-encrypts what it is given into blobs/.

    pyrage reads its plaintext from a pipe on a thread of its own, so a
    cleaner can push the copy in as it makes it; nothing is held whole and
    nothing is written in plaintext.  When the copy is expected to be large
    (``size_hint``, the original's size) pyrage runs in a child process
    instead, on the other core.  :meth:`commit` makes the blob durable and
    returns its name; :meth:`abort` removes every trace.
    """

    def __init__(self, folder: Path, recipient: x25519.Recipient, size_hint: int = 0) -> None:
        self._folder, self._recipient, self._size_hint = folder, recipient, size_hint
        self.name = uuid.uuid4().hex
        self.final = folder / self.name
        self.tmp = folder / (self.name + ".part")
        self.sha = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None
        fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._child: agechild.EncryptProcess | None = None
        if agechild.wanted(size_hint):
            try:
                self._child = agechild.EncryptProcess(fd, recipient)
            except agechild.EncryptFailed:  # no child here: encrypt in process
                pass
            else:
                os.close(fd)
                return
        self._out = os.fdopen(fd, "wb")
        rfd, wfd = os.pipe()
        self._w = os.fdopen(wfd, "wb", buffering=0)
        self._r = os.fdopen(rfd, "rb", buffering=CHUNK)

        def run() -> None:
            try:
                pyrage.encrypt_io(self._r, self._out, [recipient])
                self._out.flush()
                os.fsync(self._out.fileno())
            except BaseException as exc:  # noqa: BLE001 - reported by commit()
                self.error = exc
            finally:
                self._r.close()

        self._thread = threading.Thread(target=run, name="blob-encrypt", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        self.sha.update(view)
        self.size += len(view)
        if self._child is not None:
            try:
                self._child.write(view)
            except agechild.EncryptFailed as exc:
                self.error = exc
                raise VaultError(f"Could not store the cleaned copy: {exc}") from None
        else:
            self._w.write(view)
        return len(view)

    def flush(self) -> None:
        pass

    def _finish(self) -> None:
        if self._child is not None:
            try:
                self._child.close()
            except agechild.EncryptFailed as exc:
                self.error = exc
            return
        if not self._w.closed:
            try:
                self._w.close()
            except OSError:
                pass
        self._thread.join()
        if not self._out.closed:
            self._out.close()

    def commit(self) -> str:
        try:
            self._finish()
        except BaseException:
            self.tmp.unlink(missing_ok=True)
            raise
        if self.error is not None:
            self.tmp.unlink(missing_ok=True)
            raise VaultError(f"Could not store the cleaned copy: {self.error}")
        os.replace(self.tmp, self.final)
        keystore.fsync_dir(self.final.parent)
        return self.name

    def abort(self) -> None:
        if self._child is not None:
            self._child.kill()
        else:
            self._finish()
        self.tmp.unlink(missing_ok=True)

    def restart(self) -> None:
        """Throw away what was written and start an empty copy (a cleaner making it again)."""
        self.abort()
        self.__init__(self._folder, self._recipient, self._size_hint)  # type: ignore[misc]
