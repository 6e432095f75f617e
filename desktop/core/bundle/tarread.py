"""Reading a bundle safely: the age header bounded before the library parses it,
tar members checked before they are read, bytes counted for progress and cancel."""

from __future__ import annotations

import hashlib
import tarfile
from typing import BinaryIO

from ..vault import Cancelled
from .format import (
    AGE_MAGIC,
    MAX_AGE_HEADER,
    MAX_AGE_STANZAS,
    MAX_EXTENDED_HEADER,
    PIPE_CHUNK,
    BundleError,
    CancelFn,
    ProgressFn,
    refuse,
)

class CountingReader:
    """A reader counting bytes (progress) and honouring cancel, checked once per MiB.

    pyrage reads 8 KiB at a time through Python calls: each must stay cheap.
    """

    def __init__(self, f: BinaryIO, total: int, progress: ProgressFn | None, cancel: CancelFn | None):
        self.f, self.total, self.progress, self.cancel = f, total, progress, cancel
        self.done = 0
        self._next_tick = 0

    def _tick(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, self.total)
        self._next_tick = self.done + PIPE_CHUNK

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.done += len(data)
        if self.done >= self._next_tick or not data:
            self._tick()
        return data



class HashingReader:
    """Reads a member in MiB pieces, hashes each (releasing the GIL) and serves pyrage's
    8 KiB reads from them."""

    def __init__(self, f: BinaryIO, limit: int):
        self.f, self.limit = f, limit
        self.sha = hashlib.sha256()
        self.size = 0
        self._cur = b""
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        if self._pos >= len(self._cur):
            self._cur = self.f.read(min(PIPE_CHUNK, self.limit - self.size))
            self._pos = 0
            self.sha.update(self._cur)
            self.size += len(self._cur)
        if n is None or n < 0:
            n = len(self._cur) - self._pos
        data = self._cur[self._pos:self._pos + n]
        self._pos += len(data)
        return data



class SafeTarInfo(tarfile.TarInfo):
    """Refuses oversized long-name and pax headers, which tarfile would read
    whole into memory before we see the member they describe."""

    def _proc_member(self, tf: tarfile.TarFile) -> tarfile.TarInfo:
        if self.type in (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
                         tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE) and self.size > MAX_EXTENDED_HEADER:
            raise tarfile.HeaderError("extended header too large")
        return super()._proc_member(tf)  # type: ignore[misc, no-any-return]


def read_member(tar: tarfile.TarFile, member: tarfile.TarInfo, limit: int) -> bytes:
    f = tar.extractfile(member)
    assert f is not None
    data = f.read(limit + 1)
    if len(data) != member.size:
        raise refuse(f"{member.name} is truncated")
    return data


def check_member(member: tarfile.TarInfo) -> None:
    name = member.name
    if name.startswith("/") or ".." in name.split("/") or "\\" in name or any(ord(ch) < 32 for ch in name):
        raise refuse(f"member name {name[:80]!r} tries to leave the bundle")
    if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.issparse():
        kind = ("a link" if member.issym() or member.islnk() else
                "a device file" if member.isdev() else "not a regular file")
        raise refuse(f"member {name[:80]!r} is {kind}")



def check_age_header(head: bytes) -> None:
    """Bound the age header (size, stanza count) before the library parses it."""
    if not head.startswith(AGE_MAGIC):
        if head.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
            raise BundleError(code="bundle.age_armored")
        raise BundleError(code="bundle.not_age")
    end = head.find(b"\n--- ")
    if end == -1:
        raise BundleError(code="bundle.age_header_too_long", limit=f"{MAX_AGE_HEADER:,}")
    stanzas = head[:end].count(b"\n-> ")
    if stanzas > MAX_AGE_STANZAS:
        raise BundleError(code="bundle.age_too_many_recipients", count=f"{stanzas:,}", limit=MAX_AGE_STANZAS)


def decrypt_error(error: BaseException | None) -> BundleError | None:
    if error is None or isinstance(error, BrokenPipeError):
        return None
    if isinstance(error, Cancelled) or "Cancelled" in str(error):
        return None
    text = " ".join(str(error).split())
    if "No matching keys" in text:
        return refuse("it is not encrypted to this headquarters (another recipient)")
    return refuse(f"it is damaged or was altered (decryption failed: {text[:80]})")


