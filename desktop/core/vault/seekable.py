"""A decrypted attachment read as a seekable file, in memory, in bounded space.

Demuxers want to seek (an MP4's index usually sits at its end), but an age
file decrypts front to back.  :class:`SeekableDecrypt` decrypts on a thread
of its own (``streams.Producer``), keeps the last ``window`` bytes it passed,
serves reads and short backward seeks from them, skips forward by decrypting
and dropping, and starts the decryption again from the top for a seek further
back.  Nothing touches the disk; memory is the window plus the producer's queue.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from typing import Any

from ..streams import Producer

WINDOW = 32 * 1024 * 1024


class SeekableDecrypt:
    def __init__(self, decrypt: Callable[[Any], None], size: int, window: int = WINDOW) -> None:
        """``decrypt(writer)`` writes the whole plaintext into ``writer``; ``size`` is its length."""
        self._decrypt = decrypt
        self.size = size
        self._window = window
        self._chunks: deque[tuple[int, bytes]] = deque()  # (offset, data), contiguous
        self._kept = 0
        self._end = 0              # plaintext offset the producer has reached
        self._pos = 0
        self._producer: Producer | None = None
        self.restarts = 0
        self.closed = False

    # ------------------------------------------------------------ producer
    def _start(self) -> None:
        self._stop()
        self._producer = Producer(self._decrypt)
        self._chunks.clear()
        self._kept = self._end = 0
        self.restarts += 1

    def _stop(self) -> None:
        if self._producer is not None:
            self._producer.close()
            self._producer = None

    def _pull(self) -> bool:
        if self._producer is None:
            self._start()
        assert self._producer is not None
        data = self._producer.reader.read(1 << 20)
        if not data:
            err = self._producer.error
            if err is not None:
                raise OSError(f"the attachment could not be decrypted ({type(err).__name__})")
            return False
        self._chunks.append((self._end, data))
        self._end += len(data)
        self._kept += len(data)
        while (self._kept - len(self._chunks[0][1]) >= self._window
               and self._chunks[0][0] + len(self._chunks[0][1]) <= self._pos):  # never what is being read
            _off, old = self._chunks.popleft()
            self._kept -= len(old)
        return True

    # ------------------------------------------------------------ file interface
    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self._window // 2
        if n == 0 or self._pos >= self.size:
            return b""
        start = self._chunks[0][0] if self._chunks else self._end
        if self._producer is None or self._pos < start:
            self._start()
        n = min(n, self._window // 2, self.size - self._pos)
        while self._end < self._pos + n:
            if not self._pull():
                break
        out = bytearray()
        for off, data in self._chunks:
            if off + len(data) <= self._pos:
                continue
            lo = self._pos - off if off <= self._pos else 0
            take = data[lo:lo + n - len(out)]
            out += take
            if len(out) >= n:
                break
        self._pos += len(out)
        return bytes(out)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            pos = offset
        elif whence == os.SEEK_CUR:
            pos = self._pos + offset
        elif whence == os.SEEK_END:
            pos = self.size + offset
        else:
            raise OSError("unsupported seek")
        if pos < 0:
            raise OSError("negative seek")
        self._pos = pos
        return pos

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._stop()
        self._chunks.clear()
        self.closed = True

    def __enter__(self) -> SeekableDecrypt:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
