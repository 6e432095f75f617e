"""The vault command line: exit codes, one-line refusals, nothing overwritten."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from tests.cli import run
from tests.helpers import forge_store

PASS = "a long field passphrase"


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def made(tmp_path: Path):
    vault = tmp_path / "vault"
    pf = tmp_path / "pass.txt"
    pf.write_text(PASS + "\n")
    r = run("vault", "init", "--vault", str(vault), "--passphrase-file", str(pf), "--json")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["recovery_code"]
    return vault, pf, code


def refused(r) -> str:
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


def test_init_check_and_recovery(made, tmp_path):
    vault, pf, code = made
    assert (vault / "keyslots.bin").exists() and (vault / "vault.db").exists()
    r = run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf))
    assert r.returncode == 0 and "sound" in r.stdout
    cf = tmp_path / "code.txt"
    cf.write_text(code)
    r = run("vault", "check", "--vault", str(vault), "--recovery-code-file", str(cf))
    assert r.returncode == 0, r.stderr
    r = run("vault", "check", "--vault", str(vault), env={"TESTIMONY_PASSPHRASE": PASS})
    assert r.returncode == 0, r.stderr


def test_init_refuses_existing_vault(made):
    vault, pf, _ = made
    before = digest(vault)
    assert "already exists" in refused(run("vault", "init", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert digest(vault) == before


def test_wrong_passphrase_and_recovery_code(made, tmp_path):
    vault, _, _ = made
    before = digest(vault)
    assert refused(run("vault", "check", "--vault", str(vault), env={"TESTIMONY_PASSPHRASE": "nope"})) \
        == "testimony: Wrong passphrase"
    cf = tmp_path / "code.txt"
    cf.write_text("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789")
    assert "Wrong recovery code" in refused(
        run("vault", "check", "--vault", str(vault), "--recovery-code-file", str(cf)))
    assert digest(vault) == before


def test_missing_keyslots(made):
    vault, pf, _ = made
    (vault / "keyslots.bin").unlink()
    before = digest(vault)
    assert "missing" in refused(run("record", "list", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert digest(vault) == before


def _kdf(memory: int, iterations: int, lanes: int):
    def mutate(doc):
        doc["slots"][0]["kdf"].update(memory_kib=memory, iterations=iterations, lanes=lanes)
    return mutate


def _salt(doc):
    doc["slots"][0]["salt"] = "AAA="


def _many_slots(doc):
    doc["slots"] = [dict(doc["slots"][0], area=i % 6) for i in range(7)]


def _deep(doc):
    return b"[" * 3000 + b"]" * 1000


DAMAGE = {
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:5000]),
    "random": lambda p: p.write_bytes(os.urandom(p.stat().st_size)),
    "both copies bit-flipped": lambda p: p.write_bytes(_flip(p.read_bytes())),
    "absurd memory": lambda p: forge_store(p.parent, _kdf(99999999, 4, 4)),
    "below the floor": lambda p: forge_store(p.parent, _kdf(8, 1, 1)),
    "ceiling of cost": lambda p: forge_store(p.parent, _kdf(1024 * 1024, 64, 4)),
    "no lanes": lambda p: forge_store(p.parent, _kdf(65536, 3, 0)),
    "short salt": lambda p: forge_store(p.parent, _salt),
    "more slots than the store holds": lambda p: forge_store(p.parent, _many_slots),
    "deeply nested": lambda p: forge_store(p.parent, _deep),
}


def _flip(data: bytes) -> bytes:
    from desktop.core.vault import slotstore

    out = bytearray(data)
    for copy in range(2):  # one byte inside the passphrase slot's area of each copy
        out[copy * slotstore.COPY_BYTES + slotstore.HEADER_BYTES + 1000] ^= 1
    return bytes(out)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_corrupt_keyslots(made, damage):
    """A damaged or hostile slot store: one line that says damage (never 'Wrong
    passphrase'), in bounded time, and nothing changed."""
    vault, pf, _ = made
    DAMAGE[damage](vault / "keyslots.bin")
    before = digest(vault)
    t0 = time.perf_counter()
    msg = refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert time.perf_counter() - t0 < 20
    assert "keyslots.bin" in msg and "damaged" in msg and "Wrong passphrase" not in msg
    assert digest(vault) == before


def test_one_damaged_copy_still_opens(made):
    vault, pf, _ = made
    from desktop.core.vault import slotstore

    path = vault / "keyslots.bin"
    data = bytearray(path.read_bytes())
    data[slotstore.HEADER_BYTES + 1000] ^= 1  # the first copy only
    path.write_bytes(bytes(data))
    r = run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf))
    assert r.returncode == 0, r.stderr


def test_truncated_database(made):
    vault, pf, _ = made
    db = vault / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2 + 100])
    before = digest(vault)
    msg = refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert "damaged" in msg
    assert digest(vault) == before


@pytest.mark.parametrize("where", [0.02, 0.5, 0.97])
def test_bit_flipped_database(made, where):
    vault, pf, _ = made
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[int(len(data) * where)] ^= 0x10
    db.write_bytes(bytes(data))
    before = digest(vault)
    msg = refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert "damaged" in msg or "Integrity check failed" in msg
    assert digest(vault) == before


def test_passwd(made, tmp_path):
    vault, pf, _ = made
    nf = tmp_path / "new.txt"
    nf.write_text("another long passphrase")
    r = run("vault", "passwd", "--vault", str(vault), "--passphrase-file", str(pf), "--new-passphrase-file", str(nf))
    assert r.returncode == 0, r.stderr
    refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert run("vault", "check", "--vault", str(vault), "--passphrase-file", str(nf)).returncode == 0


def test_short_new_passphrase_refused(tmp_path):
    r = run("vault", "init", "--vault", str(tmp_path / "v"), env={"TESTIMONY_PASSPHRASE": "short"})
    assert "at least 8" in refused(r)
    assert not (tmp_path / "v").exists()


def test_wipe(made):
    vault, pf, _ = made
    assert "--yes" in refused(run("vault", "wipe", "--vault", str(vault)))
    assert (vault / "keyslots.bin").exists()
    assert run("vault", "wipe", "--yes", "--vault", str(vault)).returncode == 0
    assert not vault.exists()
    refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))


def test_usage_errors_exit_2(tmp_path):
    assert run("vault").returncode == 2
    assert run("record", "add", "--vault", str(tmp_path)).returncode == 2
    assert run("no-such-command").returncode == 2


def test_no_passphrase_without_terminal(made):
    vault, _, _ = made
    assert "passphrase" in refused(run("vault", "check", "--vault", str(vault), stdin=""))


def test_duress_passphrase(made, tmp_path):
    vault, pf, _ = made
    r = run("vault", "duress", "--vault", str(vault), "--passphrase-file", str(pf),
            env={"TESTIMONY_DURESS_PASSPHRASE": "the duress words"})
    assert r.returncode == 0, r.stderr
    r = run("vault", "check", "--vault", str(vault), "--json", env={"TESTIMONY_PASSPHRASE": "the duress words"})
    assert r.returncode == 0 and json.loads(r.stdout)["records"] == 0
    refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
