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
        # Kill at a random moment: sometimes during unlock, mostly mid-write.
        deadline = time.monotonic() + rng.uniform(0.15, 0.9)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf = b""
        while time.monotonic() < deadline:
            if sel.select(timeout=max(0.0, deadline - time.monotonic())):
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                buf += chunk
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        buf += proc.stdout.read()
        proc.stdout.close()
        for line in buf.decode().splitlines():
            if line.startswith("ACK "):
                acked.add(line[4:])
    assert len(acked) > KILLS  # the writer did make progress between kills

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
