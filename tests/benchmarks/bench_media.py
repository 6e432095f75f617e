"""Benchmark of cleaning a large video: throughput against cp, and peak memory.

    .venv/bin/python -m pytest tests/benchmarks/bench_media.py -q -s -p no:cacheprovider
    BENCH_SCALE=smoke .venv/bin/python -m pytest tests/benchmarks/bench_media.py -q -s -p no:cacheprovider

The full size is a 2 GiB MP4 with GPS and tags; smoke is 64 MiB. The video is
made by muxing real MPEG-4 packets (encoded once from noise) over and over,
about 28 KiB each, as many packets per GiB as a phone video at 10 Mbit/s.

Cleaning runs in a fresh child process exactly as the vault runs it: the
cleaner writes into the vault's encrypting writer (age, to disk, fsynced),
which for a file this large runs pyrage in a process of its own (agechild.py).
The reference is ``cp`` of the same file followed by ``sync`` of the copy
(fsync: durable, as the vault's copy is), in a child too, in the same
rounds, taking turns (cp first in odd rounds, cleaning first in even ones)
so that a busy neighbour or a cold cache slows both alike. Reported per
round and at the end (best of the rounds): seconds and MB/s for each, the
throughput ratio (the issue asks at least 50%), plain ``cp`` without fsync
for information, CPU seconds (user + system, every thread) of each, which a
busy shared machine disturbs much less than wall time, and the cleaning
child's peak memory (VmHWM, its own, plus that of the encrypting process it
starts; their CPU is added too). Hard checks: the stored copy, decrypted
after the timing, carries none of the planted GPS/tag values, and peak
memory stays under 150 MB.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from tests.benchmarks.conftest import Report

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[2]
MiB = 2**20
GiB = 2**30
SIZE = 64 * MiB if os.environ.get("BENCH_SCALE") == "smoke" else 2 * GiB
CANARY = "WITNESS-CANARY-4471"
GPS = "+33.5138+036.2765/"
T = TypeVar("T")
ROUNDS = 2 if GiB < SIZE else 3


def make_video(path: Path, size: int) -> float:
    """An MP4 of ``size`` bytes: 640x360 MPEG-4 packets from noise, repeated, plus AAC silence."""
    import av
    from PIL import Image

    t = time.perf_counter()
    with av.open(str(path), "w", format="mp4") as out:
        out.metadata.update({"location": GPS, "title": CANARY, "comment": "serial " + CANARY})
        v = out.add_stream("mpeg4", rate=30)
        v.width, v.height, v.pix_fmt, v.bit_rate = 640, 360, "yuv420p", 8_000_000
        v.codec_context.gop_size = 30
        encoded = []
        for _ in range(30):
            noise = Image.frombytes("RGB", (640, 360), os.urandom(640 * 360 * 3))
            frame = av.VideoFrame.from_image(noise)
            encoded += [bytes(p) for p in v.encode(frame)]
        encoded += [bytes(p) for p in v.encode(None)]
        written, n = 0, 0
        while written < size:
            data = encoded[n % len(encoded)]
            p = av.Packet(data)
            p.stream = v
            p.pts = p.dts = n
            p.time_base = v.time_base = v.codec_context.time_base
            if n % len(encoded) == 0:
                p.is_keyframe = True
            out.mux(p)
            written += len(data)
            n += 1
    return time.perf_counter() - t


CHILD = r"""
import json, os, re, resource, sys, threading, time
sys.path.insert(0, sys.argv[1])
from pyrage import x25519
from desktop.core import media
from desktop.core.vault.blobwriter import BlobWriter

canary = sys.argv[4].encode()

class Scan:
    # counts the planted values in what is written to it (the decrypted copy, after timing)
    def __init__(self):
        self.tail, self.hits = b"", 0
    def write(self, data):
        data = bytes(data)
        self.hits += (self.tail + data[:64]).count(canary) + data.count(canary)
        self.tail = data[-64:]
        return len(data)
    def flush(self):
        pass

def hwm():
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) * 1024

ident = x25519.Identity.generate()
w = BlobWriter(__import__("pathlib").Path(sys.argv[3]), ident.to_public(), os.path.getsize(sys.argv[2]))
before = hwm()
child_hwm = [0]  # the encrypting child's (agechild.py) VmHWM, polled while it runs

def poll(pid):
    while True:
        try:
            child_hwm[0] = max(child_hwm[0], hwm_of(f"/proc/{pid}/status"))
        except (OSError, AttributeError):
            return
        time.sleep(0.01)

def hwm_of(path):
    return int(re.search(r"VmHWM:\s+(\d+)", open(path).read()).group(1)) * 1024

if w._child is not None:
    threading.Thread(target=poll, args=(w._child._proc.pid,), daemon=True).start()
t, c = time.perf_counter(), time.process_time()
report = media.clean_file(sys.argv[2], w)
name = w.commit()
elapsed, cpu = time.perf_counter() - t, time.process_time() - c
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
child_cpu = kids.ru_utime + kids.ru_stime
peak = hwm() + child_hwm[0]
blob = os.path.join(sys.argv[3], name)
size = os.path.getsize(blob)
sink = Scan()  # untimed: the stored copy decrypted and searched for the planted values
import pyrage
with open(blob, "rb") as f:
    pyrage.decrypt_io(f, sink, [ident])
os.unlink(blob)
print(json.dumps({"status": report.status, "reason": report.reason, "removed": report.removed,
                  "seconds": elapsed, "cpu": cpu + child_cpu, "hwm": peak,
                  "child_cpu": child_cpu, "child_hwm": child_hwm[0], "hwm_before": before, "hits": sink.hits,
                  "clean_size": w.size, "encrypted_size": size}))
"""


def _child_cpu(run: Callable[[], T]) -> tuple[T, float, float]:
    """``run()`` (which runs child processes), its wall time and its children's CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = run()
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cp(src: Path, dst: Path, sync: bool) -> tuple[float, float]:
    """Wall and CPU seconds of ``cp`` (and ``sync`` of the copy: its fsync) in child processes."""
    def run() -> None:
        subprocess.run(["cp", str(src), str(dst)], check=True)
        if sync:
            subprocess.run(["sync", str(dst)], check=True)

    _, wall, cpu = _child_cpu(run)
    dst.unlink()
    return wall, cpu


def _clean(src: Path, blobs: Path) -> tuple[dict, float]:
    """The cleaning child's figures, and its CPU seconds for the cleaning alone (every thread;
    not the interpreter's start and imports)."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(src), str(blobs), CANARY],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    s = json.loads(proc.stdout.strip().splitlines()[-1])
    return s, s["cpu"]


def test_clean_large_video(tmp_path: Path, report: Report) -> None:
    src = tmp_path / "phone.mp4"
    gen = make_video(src, SIZE)
    size = src.stat().st_size
    mb = size / 1e6
    report(f"source: {size / MiB:.0f} MiB MP4 (GPS, title and comment planted) made in {gen:.1f} s")
    blobs = tmp_path / "blobs"
    blobs.mkdir()
    rows = []
    for rnd in range(1, ROUNDS + 1):
        os.sync()
        if rnd % 2:
            cp_s, cp_cpu = _cp(src, tmp_path / "copy.mp4", sync=True)
            os.sync()
            s, cpu = _clean(src, blobs)
        else:
            s, cpu = _clean(src, blobs)
            os.sync()
            cp_s, cp_cpu = _cp(src, tmp_path / "copy.mp4", sync=True)
        os.sync()
        plain_s, _ = _cp(src, tmp_path / "copy.mp4", sync=False)
        assert s["status"] == "cleaned", s
        assert s["hits"] == 0, "a planted value reached the cleaned copy"
        rows.append((s["seconds"], cp_s, plain_s, cpu, cp_cpu, s["hwm"]))
        report(f"round {rnd}: clean+encrypt+fsync {s['seconds']:.2f} s | cp+fsync {cp_s:.2f} s | "
               f"ratio {cp_s / s['seconds']:.0%} | CPU {cpu:.1f} s vs {cp_cpu:.1f} s | plain cp {plain_s:.2f} s | "
               f"peak {s['hwm'] / MiB:.0f} MiB (before cleaning {s['hwm_before'] / MiB:.0f} MiB; of the peak, "
               f"{s['child_hwm'] / MiB:.0f} MiB and of the CPU {s['child_cpu']:.1f} s are the encrypting process's)")
    report(f"removed: {'; '.join(s['removed'])}")
    clean_s = min(r[0] for r in rows)
    cp_s = min(r[1] for r in rows)
    plain_s = min(r[2] for r in rows)
    peak = max(r[5] for r in rows)
    report("")
    report(f"cleaning (index pass + remux + SHA-256 + age encryption + fsync): {mb / clean_s:.0f} MB/s, "
           f"CPU {min(r[3] for r in rows) / size * GiB:.1f} s a GiB")
    report(f"cp + fsync of the same file: {mb / cp_s:.0f} MB/s, CPU {min(r[4] for r in rows) / size * GiB:.1f} s a GiB "
           f"(plain cp, not durable: {mb / plain_s:.0f} MB/s)")
    report(f"cleaning throughput = {cp_s / clean_s:.0%} of cp + fsync (best rounds; per round: "
           f"{', '.join(f'{r[1] / r[0]:.0%}' for r in rows)}; goal: at least 50%)")
    report(f"peak memory of the cleaning process and its encrypting process together: {peak / MiB:.0f} MiB "
           "(bound: 150 MB)")
    assert peak < 150e6
