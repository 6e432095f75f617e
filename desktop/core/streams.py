"""Streaming stages that overlap across threads, without copies through the kernel.

pyrage holds the GIL while it encrypts or decrypts (and it reads and writes
8 KiB at a time through Python calls), while hashlib (for chunks of 2 KiB or
more), file reads, writes and fsync release it. So an attachment or a bundle
moves fastest with the one pyrage call that needs the GIL on its thread and
the reading, hashing, writing and flushing to disk on others, handing
``bytes`` objects over bounded in-memory queues. A helper thread that waits
for the GIL while pyrage holds it gets it only at pyrage's next call into
Python after the switch interval (5 ms): so helpers move big batches (8 MiB
reads, every queued chunk in one ``writev``) per turn, not one chunk. An ``os.pipe`` would copy
every byte twice through the kernel (the cost that dominated bundle export
and import before). Everything here stays in memory: no temporary files.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import deque
from collections.abc import Callable
from typing import BinaryIO, Protocol

CHUNK = 1 << 20
READ_AHEAD = 8 * CHUNK
QUEUE_BYTES = 8 * CHUNK
SYNC_EVERY = 64 * CHUNK
IOV_MAX = 1024


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class StageFailed(Exception):
    """The stage on the other side of a channel failed; ``error`` says why."""

    def __init__(self, error: BaseException):
        super().__init__(f"{type(error).__name__}: {error}")
        self.error = error


class Channel:
    """A bounded queue of ``bytes`` from one producing thread to one consuming thread.

    The producer blocks while ``limit`` bytes wait and resumes when half of
    them were taken (so the two sides hand over in batches, not chunk by
    chunk); the consumer blocks while it is empty. Either side can stop the
    other: ``finish(error)`` ends the stream (with the producer's failure),
    ``abort()`` makes the producer's next ``put`` raise ``BrokenPipeError``.
    """

    def __init__(self, limit: int = QUEUE_BYTES):
        self._chunks: deque[bytes] = deque()
        self._bytes = 0
        self._limit = limit
        self._cond = threading.Condition(threading.Lock())
        self._finished = False
        self._aborted = False
        self.error: BaseException | None = None

    def put(self, data: bytes) -> None:
        with self._cond:
            if self._bytes >= self._limit:
                while self._bytes > self._limit // 2 and not self._aborted:
                    self._cond.wait()
            if self._aborted:
                raise BrokenPipeError("the consuming side stopped")
            self._chunks.append(data)
            self._bytes += len(data)
            if len(self._chunks) == 1:
                self._cond.notify_all()

    def finish(self, error: BaseException | None = None) -> None:
        with self._cond:
            self._finished = True
            if error is not None and self.error is None:
                self.error = error
            self._cond.notify_all()

    def abort(self) -> None:
        with self._cond:
            self._aborted = True
            self._chunks.clear()
            self._bytes = 0
            self._cond.notify_all()

    def get(self) -> bytes:
        """The next chunk; ``b""`` at the end; raises StageFailed if the producer failed."""
        with self._cond:
            while not self._chunks and not self._finished and not self._aborted:
                self._cond.wait()
            if self._chunks:
                data = self._chunks.popleft()
                before = self._bytes
                self._bytes -= len(data)
                if before > self._limit // 2 >= self._bytes:
                    self._cond.notify_all()
                return data
            if self.error is not None:
                raise StageFailed(self.error)
            return b""


    def get_all(self) -> list[bytes]:
        """Everything waiting (at least one chunk); ``[]`` at the end. One call, one
        wake-up: a helper thread takes the GIL once per batch, not once per chunk."""
        with self._cond:
            while not self._chunks and not self._finished and not self._aborted:
                self._cond.wait()
            if self._chunks:
                batch = list(self._chunks)
                self._chunks.clear()
                self._bytes = 0
                self._cond.notify_all()
                return batch
            if self.error is not None:
                raise StageFailed(self.error)
            return []


class ChannelWriter:
    """A file-like ``write`` into a channel, gathering small writes into ``CHUNK``-sized ones."""

    def __init__(self, channel: Channel, chunk: int = CHUNK):
        self.channel, self._chunk = channel, chunk
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, data: bytes) -> int:
        n = len(data)
        if n >= self._chunk and not self._parts:
            self.channel.put(bytes(data))
            return n
        self._parts.append(bytes(data))
        self._size += n
        if self._size >= self._chunk:
            self.flush()
        return n

    def flush(self) -> None:
        if self._parts:
            data = self._parts[0] if len(self._parts) == 1 else b"".join(self._parts)
            self._parts, self._size = [], 0
            self.channel.put(data)


class ChannelReader:
    """A file-like ``read(n)`` from a channel; whole chunks pass without a copy."""

    def __init__(self, channel: Channel):
        self.channel = channel
        self._cur = b""
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        if self._pos >= len(self._cur):
            self._cur, self._pos = self.channel.get(), 0
            if not self._cur:
                return b""
        if n is None or n < 0 or (self._pos == 0 and n >= len(self._cur)):
            data = self._cur[self._pos:] if self._pos else self._cur
            self._cur, self._pos = b"", 0
            return data
        data = self._cur[self._pos:self._pos + n]
        self._pos += len(data)
        return data


class Producer:
    """Run ``fn(writer)`` on its own thread; its output is read from ``reader``.

    ``close()`` (always call it, also on error) stops the producer if it is
    still writing and waits for its thread to end.
    """

    def __init__(self, fn: Callable[[ChannelWriter], None], limit: int = QUEUE_BYTES):
        self.channel = Channel(limit)
        self.reader = ChannelReader(self.channel)

        def run() -> None:
            writer = ChannelWriter(self.channel)
            try:
                fn(writer)
                writer.flush()
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                self.channel.finish(exc)
            else:
                self.channel.finish()

        self.thread = threading.Thread(target=run, name="testimony-stream-producer", daemon=True)
        self.thread.start()

    @property
    def error(self) -> BaseException | None:
        return self.channel.error

    def close(self) -> None:
        self.channel.abort()
        self.thread.join()


class ReadAhead:
    """Reads a source in ``chunk``s on its own thread, hashing each (SHA-256) as it goes.

    ``read(n)`` serves the consumer from what was read ahead. ``sha`` and
    ``size`` describe what the consumer has been given once it saw the end.
    ``on_chunk(done)`` runs on the consumer's thread after each MiB it was given
    and at the end (progress, cancel: whatever it raises stops the read).
    """

    def __init__(self, source: BinaryIO | Readable, on_chunk: Callable[[int], None] | None = None,
                 chunk: int = READ_AHEAD, limit: int = 4 * READ_AHEAD):
        self._sha = hashlib.sha256()
        self._read_size = 0
        self.size = 0
        self._on_chunk = on_chunk
        self._channel = Channel(limit)
        self._cur = b""
        self._pos = 0
        self._ticked = 0
        self._done = False

        def run() -> None:
            try:
                while True:
                    data = source.read(chunk)
                    if not data:
                        break
                    self._sha.update(data)
                    self._read_size += len(data)
                    self._channel.put(data)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                self._channel.finish(exc)
            else:
                self._channel.finish()

        self._thread = threading.Thread(target=run, name="testimony-read-ahead", daemon=True)
        self._thread.start()

    @property
    def sha(self) -> hashlib._Hash:
        if not self._done:
            raise RuntimeError("the hash is known only once the whole source was read")
        return self._sha

    def read(self, n: int = -1) -> bytes:
        if self._pos >= len(self._cur):
            try:
                self._cur, self._pos = self._channel.get(), 0
            except StageFailed as exc:
                raise exc.error from None
            if not self._cur:
                self._thread.join()
                self._done = True
                if self._on_chunk is not None and self.size != self._ticked:
                    self._on_chunk(self.size)
                return b""
        if n is None or n < 0 or (self._pos == 0 and n >= len(self._cur)):
            data = self._cur[self._pos:] if self._pos else self._cur
            self._cur, self._pos = b"", 0
        else:
            data = self._cur[self._pos:self._pos + n]
            self._pos += len(data)
        self.size += len(data)
        if self._on_chunk is not None and self.size - self._ticked >= CHUNK:
            self._ticked = self.size
            self._on_chunk(self.size)
        return data

    def close(self) -> None:
        self._channel.abort()
        self._thread.join()


class BackgroundWriter:
    """Writes to a file descriptor on its own thread, so the disk works while the caller computes.

    Every ``sync_every`` bytes it asks the kernel to put what was written on
    the disk (``fdatasync``, which releases the GIL), so that the final
    ``fsync`` in ``close()`` is short instead of flushing the whole file at
    the end, one stage after the other.
    """

    def __init__(self, fd: int, sync_every: int = SYNC_EVERY, limit: int = QUEUE_BYTES):
        self.fd = fd
        self._channel = Channel(limit)
        # pyrage writes 64 KiB age chunks: they pass through whole (no copy),
        # only its small header is gathered with what follows.
        self._writer = ChannelWriter(self._channel, chunk=64 * 1024)
        self._sync_every = sync_every
        self.error: BaseException | None = None
        self.written = 0
        self._thread = threading.Thread(target=self._run, name="testimony-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        unsynced = 0
        try:
            while batch := self._channel.get_all():
                n = sum(len(b) for b in batch)
                for i in range(0, len(batch), IOV_MAX):
                    _writev_all(self.fd, batch[i:i + IOV_MAX])
                self.written += n
                unsynced += n
                if self._sync_every and unsynced >= self._sync_every:
                    os.fdatasync(self.fd)
                    unsynced = 0
        except BaseException as exc:  # noqa: BLE001 - raised by close() or the next write()
            self.error = exc
            self._channel.abort()  # the caller's next write fails at once

    def write(self, data: bytes) -> int:
        try:
            return self._writer.write(data)
        except BrokenPipeError:
            self._thread.join()
            raise (self.error or OSError("write failed")) from None

    def flush(self) -> None:
        pass  # close() writes everything; pyrage calls flush() at the end

    def close(self, fsync: bool = True) -> None:
        """Write what is left, wait for the thread, fsync; raises the writing error if any."""
        try:
            self._writer.flush()
        except BrokenPipeError:
            pass
        self._channel.finish()
        self._thread.join()
        if self.error is not None:
            raise self.error
        if fsync:
            os.fsync(self.fd)

    def abandon(self) -> None:
        """Stop without writing the rest (the caller removes the file)."""
        self._channel.abort()
        self._channel.finish()
        self._thread.join()


def _writev_all(fd: int, parts: list[bytes]) -> None:
    """``os.writev`` until every byte is written (it may write less than asked)."""
    views = [memoryview(p) for p in parts if p]
    while views:
        n = os.writev(fd, views)
        while views and n >= len(views[0]):
            n -= len(views[0])
            views.pop(0)
        if views and n:
            views[0] = views[0][n:]
