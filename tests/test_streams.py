"""Streaming stages: errors cross threads, nothing is lost or reordered, threads end."""

from __future__ import annotations

import hashlib
import io
import os
import threading

import pytest

from desktop.core.streams import BackgroundWriter, Producer, ReadAhead, StageFailed


def _no_new_threads(before: set[threading.Thread]) -> bool:
    return [t for t in threading.enumerate() if t not in before and t.is_alive()] == []


def test_producer_delivers_everything_in_order_and_reports_its_failure():
    data = os.urandom(3 << 20)

    def produce(w) -> None:
        for i in range(0, len(data), 8192):
            w.write(data[i:i + 8192])

    p = Producer(produce, limit=1 << 20)
    out = bytearray()
    while chunk := p.reader.read(5000):
        out += chunk
    p.close()
    assert bytes(out) == data and p.error is None

    def fail(w) -> None:
        w.write(b"x" * 10)
        raise ValueError("disk on fire")

    p = Producer(fail)
    with pytest.raises(StageFailed, match="disk on fire"):
        while p.reader.read(4):
            pass
    p.close()


def test_a_consumer_that_stops_ends_the_producer():
    before = set(threading.enumerate())
    p = Producer(lambda w: [w.write(b"y" * 65536) for _ in range(10_000)], limit=1 << 20)
    assert p.reader.read(10)
    p.close()  # the producer is blocked on a full queue: it must end, not hang
    assert isinstance(p.error, BrokenPipeError)
    assert _no_new_threads(before)


def test_read_ahead_hashes_what_it_gives_and_passes_errors_and_cancel():
    data = os.urandom((2 << 20) + 12345)
    seen: list[int] = []
    r = ReadAhead(io.BytesIO(data), seen.append)
    out = b"".join(iter(lambda: r.read(8192), b""))
    assert out == data and r.size == len(data)
    assert r.sha.hexdigest() == hashlib.sha256(data).hexdigest()
    assert seen and seen[-1] == len(data)

    class Broken(io.BytesIO):
        def read(self, n: int = -1) -> bytes:
            raise OSError("unreadable sector")

    r = ReadAhead(Broken())
    with pytest.raises(OSError, match="unreadable sector"):
        r.read(10)

    def stop(done: int) -> None:
        raise KeyboardInterrupt

    before = set(threading.enumerate())
    r = ReadAhead(io.BytesIO(data), stop)
    with pytest.raises(KeyboardInterrupt):
        while r.read(8192):
            pass
    assert r.size <= (1 << 20)  # stopped at the first MiB, not at the end
    r.close()
    assert _no_new_threads(before)


def test_background_writer_writes_all_and_raises_its_error(tmp_path):
    data = os.urandom(5 << 20)
    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT, 0o600)
    w = BackgroundWriter(fd, sync_every=1 << 20)
    for i in range(0, len(data), 65552):
        w.write(data[i:i + 65552])
    w.close(fsync=True)
    os.close(fd)
    assert (tmp_path / "out").read_bytes() == data

    fd = os.open(tmp_path / "out", os.O_RDONLY)  # writing fails
    w = BackgroundWriter(fd)
    with pytest.raises(OSError):
        for _ in range(1000):
            w.write(b"z" * 65536)
        w.close()
    os.close(fd)
