"""Benchmarks of attachment import: throughput against cp and raw AEAD, and peak memory.

Run explicitly (the normal suite does not collect ``bench_*.py``):

    .venv/bin/python -m pytest tests/benchmarks/bench_attachments.py -q -s -p no:cacheprovider

Every figure is printed; nothing is asserted on time. The references (``cp``
of the same file on the same disk, ChaCha20-Poly1305 over the same bytes) are
measured in the same run, alternating with the import. The one hard check is
the design's memory bound for the streaming path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.core import agechild
from desktop.core.crypto import FLOOR
from desktop.core.vault import Vault
from tests.benchmarks.conftest import Report, scale

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery staple"
MiB = 2**20
GiB = 2**30
BIG = scale(1 * GiB, 16 * MiB)
ROUNDS = scale(3, 1)
AEAD_CHUNK = 64 * 1024  # age's STREAM chunk size
MEMORY_BOUND = 200 * MiB  # design: bounded, well under 200 MB


def make_file(path: Path, size: int, header: bytes = b"") -> float:
    """Write ``size`` bytes of random-looking data 1 MiB at a time (never all in memory).

    The bytes are a ChaCha20 keystream under a random key: incompressible like a
    video, and much faster to make than os.urandom.
    """
    stream = Cipher(algorithms.ChaCha20(os.urandom(32), os.urandom(16)), mode=None).encryptor()
    zeros = bytes(MiB)
    t = time.perf_counter()
    with open(path, "wb") as f:
        f.write(header)
        left = size - len(header)
        while left:
            n = min(MiB, left)
            f.write(stream.update(zeros[:n]))
            left -= n
    return time.perf_counter() - t


def mp4_header(size: int) -> bytes:
    """ftyp + moov (movie header with times, a user-data box with a ©xyz location) + the
    header of an mdat box filling the file up to ``size``: a minimal MP4 that
    media.clean accepts and cleans, as it would a phone video."""
    import struct

    def box(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", 8 + len(payload)) + kind + payload

    mvhd = box(b"mvhd", bytes(4) + struct.pack(">IIII", 3600000000, 3600000000, 1000, 5000) + bytes(80))
    udta = box(b"udta", box(b"\xa9xyz", struct.pack(">HH", 14, 0) + b"+33.51+036.29/"))
    head = box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2mp41") + box(b"moov", mvhd + udta)
    return head + struct.pack(">I", size - len(head)) + b"mdat"


def mbps(size: int, seconds: float) -> float:
    return size / seconds / 1e6


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    base = tmp_path_factory.mktemp("bench_attachments")
    path = base / "interview-video.bin"
    gen_s = make_file(path, BIG)
    yield path, gen_s
    path.unlink(missing_ok=True)


@pytest.fixture
def vault(tmp_path: Path):
    v, _code = Vault.create(tmp_path / "vault", PASS, kdf=FLOOR)
    yield v
    if not v.is_locked:
        v.lock()


def _sync() -> None:
    os.sync()  # flush dirty pages of the previous step so it is not billed to the next


def _time_cp(src: Path, dst: Path) -> tuple[float, float]:
    """(cp seconds, extra seconds for fsync of the copy)."""
    _sync()
    t = time.perf_counter()
    subprocess.run(["cp", str(src), str(dst)], check=True)
    cp_s = time.perf_counter() - t
    t = time.perf_counter()
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    sync_s = time.perf_counter() - t
    dst.unlink()
    return cp_s, sync_s


def _time_aead(src: Path) -> tuple[float, float]:
    """ChaCha20-Poly1305 over the file's bytes in 64 KiB chunks.

    Returns (read + encrypt seconds, encrypt-only seconds). Output is discarded.
    """
    aead = ChaCha20Poly1305(ChaCha20Poly1305.generate_key())
    buf = bytearray(AEAD_CHUNK)
    view = memoryview(buf)
    enc_s = 0.0
    counter = 0
    t0 = time.perf_counter()
    with open(src, "rb", buffering=0) as f:
        while True:
            n = f.readinto(buf)
            if not n:
                break
            t = time.perf_counter()
            aead.encrypt(counter.to_bytes(12, "big"), view[:n], None)
            enc_s += time.perf_counter() - t
            counter += 1
    return time.perf_counter() - t0, enc_s


def _time_sha256(src: Path) -> float:
    import hashlib

    sha = hashlib.sha256()
    t = time.perf_counter()
    with open(src, "rb") as f:
        while chunk := f.read(MiB):
            sha.update(chunk)
    return time.perf_counter() - t


def _time_pyrage(src: Path) -> float:
    """pyrage.encrypt_io alone, file to /dev/null (what age itself costs)."""
    import pyrage
    from pyrage import x25519

    recipient = x25519.Identity.generate().to_public()
    t = time.perf_counter()
    with open(src, "rb") as f, open(os.devnull, "wb") as out:
        pyrage.encrypt_io(f, out, [recipient])
    return time.perf_counter() - t


def test_import_1gib_throughput(big_file, vault: Vault, tmp_path: Path, report: Report) -> None:
    src, gen_s = big_file
    size = src.stat().st_size
    report(f"source: {size / GiB:.0f} GiB of random-looking data (ChaCha20 keystream) written 1 MiB at a time "
           f"in {gen_s:.1f} s "
           f"(in the OS page cache for every reader below; all on the same disk: {tmp_path})")
    report("random bytes are no known format, so no cleaned copy is made: this is the pure streaming path "
           "(read, SHA-256, age encrypt, write, fsync). Cleaning is measured in bench_media.py.")
    report("")
    rows: list[dict[str, float]] = []
    for rnd in range(1, ROUNDS + 1):
        cp_s, fsync_s = _time_cp(src, tmp_path / "copy.bin")
        _sync()
        t = time.perf_counter()
        att = vault.import_attachment(src)
        imp_s = time.perf_counter() - t
        assert att.size == size and att.clean_status == "not_cleaned"
        status = f"{att.clean_status} ({att.clean_reason})"
        vault.discard_attachment(att.id)
        _sync()
        aead_total_s, aead_only_s = _time_aead(src)
        sha_s = _time_sha256(src)
        age_s = _time_pyrage(src)
        rows.append({"imp": imp_s, "cp": cp_s, "cpsync": cp_s + fsync_s, "fsync": fsync_s,
                     "aead_total": aead_total_s, "aead_only": aead_only_s, "sha": sha_s, "age": age_s})
        report(f"round {rnd}: import {imp_s:.2f} s | cp {cp_s:.2f} s (+fsync {fsync_s:.2f} s) | "
               f"AEAD read+encrypt {aead_total_s:.2f} s (encrypt only {aead_only_s:.2f} s) | "
               f"SHA-256 {sha_s:.2f} s | pyrage to /dev/null {age_s:.2f} s | "
               f"import/(cp+fsync) {imp_s / (cp_s + fsync_s):.2f}x, import/AEAD {imp_s / aead_only_s:.2f}x")
    report(f"import stored it as: {status}")
    report("")
    best = {k: min(r[k] for r in rows) for k in rows[0]}
    imp = best["imp"]
    report(f"best of {ROUNDS} rounds, MB = 10^6 bytes")
    report(f"{'':<48}{'MB/s':>9}{'import takes':>14}")
    lines = [
        ("vault.import_attachment (with fsync)", best["imp"]),
        ("cp (page cache, no fsync)", best["cp"]),
        ("cp + fsync of the copy", best["cpsync"]),
        ("ChaCha20-Poly1305 64 KiB chunks, read+encrypt", best["aead_total"]),
        ("ChaCha20-Poly1305 64 KiB chunks, encrypt only", best["aead_only"]),
        ("components: SHA-256 (the import hashes too)", best["sha"]),
        ("components: pyrage.encrypt_io to /dev/null", best["age"]),
    ]
    for name, s in lines:
        ratio = "" if s is best["imp"] and name.startswith("vault") else f"{imp / s:>12.2f}x"
        report(f"{name:<48}{mbps(size, s):>9.0f}{ratio:>14}")
    report("('import takes' = import time / that reference's time; 1.00x would be as fast as it)")
    report(f"import throughput as a fraction: {best['cp'] / imp:.0%} of cp, {best['cpsync'] / imp:.0%} of cp+fsync, "
           f"{best['aead_only'] / imp:.0%} of raw AEAD (encrypt only)")
    serial = best["sha"] + best["age"] + best["cpsync"]
    stages = {"SHA-256": best["sha"], "age encrypt": best["age"], "write + fsync (cp + fsync)": best["cpsync"]}
    slowest = max(stages, key=lambda k: stages[k])
    report(f"stages alone: SHA-256 {best['sha']:.2f} s, age encrypt {best['age']:.2f} s, write + fsync "
           f"{best['cpsync']:.2f} s; one after another {serial:.2f} s. The import overlaps them (reading and "
           "hashing here; encrypting, writing and flushing to disk in a child process, agechild.py):")
    report(f"import {imp:.2f} s = {imp / stages[slowest]:.2f}x the slowest stage ({slowest}), "
           f"{imp / serial:.2f}x their sum")


# ---------------------------------------------------------------- peak memory in a child process

CHILD = r"""
import json, os, re, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"
from desktop.core import media
from desktop.core.vault import Vault

def status():
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmHWM", "VmRSS"):
                out[k] = int(v.split()[0]) * 1024
    return out

stats = {"clean_called": False}
orig_clean = media.clean_file
def timed_clean(data, *a, **k):
    stats["clean_called"] = True
    t = time.perf_counter()
    r = orig_clean(data, *a, **k)
    stats["clean_s"] = time.perf_counter() - t
    return r
media.clean_file = timed_clean

# A large import is encrypted by a child process (agechild.py): its peak memory counts too.
# Its VmHWM is polled from /proc while it runs (it only grows; the last reading is kept).
from desktop.core import agechild
import threading
stats["encrypt_child_hwm"] = 0
real_init = agechild.EncryptProcess.__init__
def polled_init(self, fd, recipient):
    real_init(self, fd, recipient)
    pid = self._proc.pid
    def poll():
        while True:
            try:
                with open(f"/proc/{pid}/status") as f:
                    hwm = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) * 1024
            except (OSError, AttributeError):
                return
            stats["encrypt_child_hwm"] = max(stats["encrypt_child_hwm"], hwm)
            time.sleep(0.01)
    threading.Thread(target=poll, daemon=True).start()
agechild.EncryptProcess.__init__ = polled_init

v = Vault.unlock(sys.argv[2], sys.argv[4])     # Argon2id floor: ~64 MiB, freed again
v._blob_recipient()
before = status()
try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")                             # reset VmHWM to the current RSS
    stats["hwm_reset"] = True
except OSError:
    stats["hwm_reset"] = False
stats["hwm_after_reset"] = status()["VmHWM"]   # = RSS now
t = time.perf_counter()
att = v.import_attachment(sys.argv[3])
stats["import_s"] = time.perf_counter() - t
after = status()
v.discard_attachment(att.id)
v.lock()
stats.update(rss_before=before["VmRSS"], hwm_before=before["VmHWM"], hwm_import=after["VmHWM"],
             size=att.size, clean_status=att.clean_status, clean_reason=att.clean_reason)
print(json.dumps(stats))
"""


def _child_import(vault_dir: Path, src: Path) -> dict:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), str(vault_dir), str(src), PASS],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, wstatus, rusage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(wstatus)
    assert proc.returncode == 0, err.decode()
    stats = json.loads(out.decode().strip().splitlines()[-1])
    stats["ru_maxrss"] = rusage.ru_maxrss * 1024  # KiB on Linux
    return stats


def test_import_peak_memory(big_file, tmp_path: Path, report: Report) -> None:
    src_big, _ = big_file
    v, _code = Vault.create(tmp_path / "vault", PASS, kdf=FLOOR)
    v.lock()
    sizes = [(scale(100, 4) * MiB, "100 MiB", ".bin"), (scale(100, 4) * MiB, "100 MiB", ".mp4"),
             (scale(256, 8) * MiB, "256 MiB", ".bin"), (BIG, "1 GiB", ".bin")]
    report("Each import runs in a fresh child process (unlock with floor Argon2id, then import). Memory is")
    report("the child's own /proc/self/status: 'before' = VmRSS just before the import, 'import peak' =")
    report("VmHWM at the end after resetting it (/proc/self/clear_refs = 5) just before the import,")
    report("'whole child' = highest VmHWM over the child's life (the unlock's Argon2id needs 64 MiB).")
    report("")
    report(f"{'file':<13}{'cleaning step':<70}{'before':>9}{'import peak':>13}{'growth':>9}"
           f"{'whole child':>13}{'MB/s':>7}")
    results = {}
    for size, label, ext in sizes:
        label = f"{label} {ext}"
        if size == BIG:
            src = src_big
        else:
            src = tmp_path / f"attachment-{size // MiB}{ext}"
            make_file(src, size, mp4_header(size) if ext == ".mp4" else b"")
        _sync()
        try:
            s = _child_import(tmp_path / "vault", src)
        finally:
            if src != src_big:
                src.unlink(missing_ok=True)
        results[label] = s
        step = (f"clean() {s['clean_s'] * 1000:.0f} ms -> {s['clean_status']}" if s["clean_called"]
                else f"skipped -> {s['clean_status']}")
        step += f" ({s['clean_reason']})"
        whole = max(s["hwm_before"], s["hwm_import"])
        report(f"{label:<13}{step[:69]:<70}{s['rss_before'] / MiB:>7.1f}Mi{s['hwm_import'] / MiB:>11.1f}Mi"
               f"{(s['hwm_import'] - s['rss_before']) / MiB:>7.1f}Mi{whole / MiB:>11.1f}Mi"
               f"{mbps(size, s['import_s']):>7.0f}")
    report(f"(ru_maxrss of the same children via wait4 reads {results['1 GiB .bin']['ru_maxrss'] / MiB:.0f} MiB "
           "for the 1 GiB one: Linux carries the forking parent's (pytest's) peak into it, so it is not used.)")
    if not all(s["hwm_reset"] for s in results.values()):
        report("NOTE: VmHWM could not be reset here; 'import peak' then includes the unlock's Argon2id.")
    report("")
    big, mid = results["1 GiB .bin"], results["256 MiB .bin"]
    report(f"streaming path: import peak {mid['hwm_import'] / MiB:.1f} MiB at 256 MiB, "
           f"{big['hwm_import'] / MiB:.1f} MiB at 1 GiB.")
    child = big["encrypt_child_hwm"]
    report(f"the encrypting child process (files of {agechild.MIN_SIZE // MiB} MiB or more): "
           f"peak {child / MiB:.1f} MiB at 1 GiB; import and child together "
           f"{(big['hwm_import'] + child) / MiB:.1f} MiB.")
    for label in ("256 MiB .bin", "1 GiB .bin"):
        assert results[label]["hwm_import"] + results[label]["encrypt_child_hwm"] < MEMORY_BOUND, results[label]
