"""The bundle's tar stream as export writes it: headers, members, padding,
attachments decrypted from the vault on their own thread, read by age 8 KiB at a time."""

from __future__ import annotations

import hashlib
import tarfile
import time
from collections.abc import Iterator
from typing import BinaryIO, cast

from ..streams import Producer, StageFailed
from ..vault import Cancelled, Vault
from .format import BundleError, CancelFn, ProgressFn

def tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = 0  # no timestamps that say when the researcher worked
    return info


def _header(name: str, size: int) -> bytes:
    return tarinfo(name, size).tobuf(tarfile.PAX_FORMAT, tarfile.ENCODING, "surrogateescape")


def _padding(size: int) -> bytes:
    return tarfile.NUL * (-size % tarfile.BLOCKSIZE)


def tar_parts(vault: Vault, manifest_bytes: bytes, signature: bytes, members: list[tuple[str, bytes]],
              attachments: dict[str, tuple[str, int, str]], custody_bytes: bytes) -> Iterator[bytes]:
    """The bundle's tar stream, piece by piece, as ``tarfile.open(mode="w|")`` writes it
    (headers from ``TarInfo.tobuf``, members padded to blocks, two zero blocks and
    padding to a whole record at the end), without copying the content around."""
    offset = 0

    def member(name: str, data: bytes) -> Iterator[bytes]:
        nonlocal offset
        head, pad = _header(name, len(data)), _padding(len(data))
        offset += len(head) + len(data) + len(pad)
        yield head
        yield data
        yield pad

    yield from member("manifest.json", manifest_bytes)
    yield from member("manifest.sig", signature)
    for name, data in members:
        yield from member(name, data)
    for sha, (att_id, size, which) in attachments.items():
        head = _header(f"attachments/{sha}", size)
        yield head
        yield from _attachment_chunks(vault, att_id, sha, size, which)
        pad = _padding(size)
        yield pad
        offset += len(head) + size + len(pad)
    yield from member("custody.jsonl", custody_bytes)
    end = tarfile.NUL * (2 * tarfile.BLOCKSIZE)
    offset += len(end)
    yield end + tarfile.NUL * (-offset % tarfile.RECORDSIZE)


def _attachment_chunks(vault: Vault, att_id: str, sha: str, size: int, which: str) -> Iterator[bytes]:
    """An attachment (``which``: original, clean or faces copy) decrypted from the vault on its own
    thread, checked against its recorded hash."""
    producer = Producer(lambda w: vault.read_attachment(
        att_id, cast(BinaryIO, w), cleaned=which == "clean", faces=which == "faces"))
    digest = hashlib.sha256()
    done = 0
    try:
        while data := producer.channel.get():
            done += len(data)
            if done > size:
                break
            digest.update(data)  # releases the GIL: the decryption goes on meanwhile
            yield data
    except StageFailed as exc:
        raise exc.error from None
    finally:
        producer.close()  # also on cancel or error: the decrypting thread must end here
    if done != size or digest.hexdigest() != sha:
        raise BundleError(f"Attachment {att_id} in the vault does not match its recorded hash; export stopped")


class TarStream:
    """What pyrage encrypts: the tar stream read 8 KiB at a time, with progress and cancel."""

    def __init__(self, parts: Iterator[bytes], total: int, progress: ProgressFn | None, cancel: CancelFn | None):
        self._parts = parts
        self._cur = b""
        self._pos = 0
        self.total, self.progress, self.cancel = total, progress, cancel
        self.done = 0
        self._last = 0.0
        self.error: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        try:
            while self._pos >= len(self._cur):
                nxt = next(self._parts, None)
                if nxt is None:
                    return b""
                self._cur, self._pos = nxt, 0
                self._tick(len(nxt))
        except BaseException as exc:
            self.error = exc
            raise
        if n is None or n < 0:
            n = len(self._cur) - self._pos
        data = self._cur[self._pos:self._pos + n]
        self._pos += len(data)
        return data

    def _tick(self, n: int) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += n
        if self.progress is not None and (time.monotonic() - self._last > 0.05 or self.done >= self.total):
            self._last = time.monotonic()
            self.progress(min(self.done, self.total), self.total)

    def close(self) -> None:
        close = getattr(self._parts, "close", None)
        if close is not None:
            close()  # ends an attachment's decrypting thread if one is still running


