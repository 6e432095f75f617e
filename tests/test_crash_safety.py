"""Kill a writer with SIGKILL at random moments; every acknowledged save survives."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.core.crypto import FLOOR
from desktop.core.vault import Vault

ROOT = Path(__file__).resolve().parent.parent
KILLS = 50


def test_sigkill_at_random_moments_loses_no_acknowledged_record(tmp_path):
    path = tmp_path / "vault"
    v, _ = Vault.create(path, "crash test passphrase", kdf=FLOOR)
    v.lock()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acked: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "crash_writer.py"), str(path), "crash test passphrase"],
            stdout=subprocess.PIPE, env=env,
        )
        # Kill at a random moment: one time in five during unlock, otherwise mid-write,
        # counted from the moment the writer is unlocked (so a busy machine, where
        # starting Python and Argon2id take longer, still kills mid-write).
        during_unlock = rng.random() < 0.2
        delay = rng.uniform(0.0, 0.3) if during_unlock else rng.uniform(0.1, 0.6)
        deadline = time.monotonic() + (delay if during_unlock else 60.0)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf = b""
        while time.monotonic() < deadline:
            if sel.select(timeout=max(0.0, deadline - time.monotonic())):
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                if not during_unlock and b"READY" not in buf and b"READY" in buf + chunk:
                    deadline = time.monotonic() + delay
                buf += chunk
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        buf += proc.stdout.read()
        proc.stdout.close()
        for line in buf.decode().splitlines():
            if line.startswith("ACK "):
                acked.add(line[4:])
    assert len(acked) > KILLS // 2  # the writer did make progress between kills

    v = Vault.unlock(path, "crash test passphrase")
    try:
        assert v.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert v.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert v.check() == []
        stored = {r.id for r in v.list_records(limit=1_000_000)}
        missing = acked - stored
        assert not missing, f"{len(missing)} acknowledged records lost"
        for rid in rng.sample(sorted(acked), 20):
            rec = v.get_record(rid, reveal=True)
            assert rec.identity["name"].startswith("Witness ")
    finally:
        v.lock()
