"""The vault command line: exit codes, one-line refusals, nothing overwritten."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli import run

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
    assert (vault / "keyslots.json").exists() and (vault / "vault.db").exists()
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
    assert "Wrong recovery code" in refused(run("vault", "check", "--vault", str(vault), "--recovery-code-file", str(cf)))
    assert digest(vault) == before


def test_missing_keyslots(made):
    vault, pf, _ = made
    (vault / "keyslots.json").unlink()
    before = digest(vault)
    assert "missing" in refused(run("record", "list", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert digest(vault) == before


SLOT = ('{"format":"testimony-keyslots","version":1,"vault_id":"x","slots":[{"kind":"passphrase",'
        '"kdf":{"alg":"argon2id","memory_kib":%d,"iterations":3,"lanes":%d},"salt":"%s","wrapped":"AAAA"}]}')


@pytest.mark.parametrize("damage", [
    b"", b"{not json", b'{"format": "testimony-keyslots", "version": 1}',
    (SLOT % (99999999, 4, "AAAAAAAAAAAAAAAAAAAAAA==")).encode(),  # absurd memory
    (SLOT % (1, 4, "AAAAAAAAAAAAAAAAAAAAAA==")).encode(),  # too little memory for argon2
    (SLOT % (65536, 0, "AAAAAAAAAAAAAAAAAAAAAA==")).encode(),  # no lanes
    (SLOT % (65536, 4, "AAA=")).encode(),  # short salt
])
def test_corrupt_keyslots(made, damage):
    vault, pf, _ = made
    (vault / "keyslots.json").write_bytes(damage)
    before = digest(vault)
    msg = refused(run("vault", "check", "--vault", str(vault), "--passphrase-file", str(pf)))
    assert "keyslots.json" in msg
    assert digest(vault) == before


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
    assert (vault / "keyslots.json").exists()
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
