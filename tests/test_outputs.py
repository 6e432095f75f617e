"""Files the user names never replace a file nor land inside a vault (issue 10, item 12).

`forms import-xlsform --out VAULT/keyslots.json` once replaced a vault's key
slots and the vault was lost. Every use case that writes a file the user
names goes through the same check; each is tried here against the key slot
store, a file inside a vault's subfolder, the headquarters database and an
ordinary existing file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.core.bundle import import_bundle
from desktop.core.errors import Refusal
from desktop.core.forms import FormRegistry
from desktop.core.services import analysis, desk, exchange, forms_admin
from desktop.core.vault import Vault
from tests.cli import run

XLSFORM = Path(__file__).parent / "data" / "forms" / "xlsform_fixture.xlsx"


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_no_use_case_writes_over_a_file_or_into_a_vault(pair, tmp_path):
    src = tmp_path / "photo.bin"
    src.write_bytes(b"not really a photo" * 10)
    att = pair.field.import_attachment(src)
    pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {}, attachment_ids=[att.id])
    bundle = pair.export("first.tstm")
    report = import_bundle(pair.hq, bundle, trust_new_device=True)
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me")
    field_dir, hq_dir = pair.field.path, pair.hq_path
    (field_dir / "blobs").mkdir(exist_ok=True)
    registry = FormRegistry()
    card = exchange.hq_card(pair.hq)
    writers = {
        "xlsform": lambda out: forms_admin.import_xlsform_file(XLSFORM, out),
        "bundle": lambda out: exchange.export(pair.field, pair.card.fingerprint, out, registry),
        "card": lambda out: exchange.write_card(card, out),
        "receipt": lambda out: exchange.write_receipt(pair.hq, report.bundle_id, out),
        "table": lambda out: analysis.export_table(pair.hq, out, "csv"),
        "desk": lambda out: desk.export(pair.hq, "huridocs", out),
        "uwazi": lambda out: desk.export(pair.hq, "uwazi", out),
        "report": lambda out: exchange.write_new_file(out, b"<html></html>"),
        "attachment": lambda out: pair.field.export_attachment(att.id, out, original=True),
    }
    targets = [field_dir / "keyslots.bin", field_dir / "blobs" / "new.yaml", field_dir / "notes.txt",
               hq_dir / "vault.db", existing]
    before_field, before_hq = _digest(field_dir), pair.digest()  # (locks the analyst vault to flush it)
    for name, write in writers.items():
        for out in targets:
            with pytest.raises(Refusal) as refused:
                write(out)
            assert refused.value.code in ("file.exists", "file.inside_vault"), (name, out, refused.value)
            if out != existing and out.name != "vault.db" and out.name != "keyslots.bin":
                assert refused.value.code == "file.inside_vault", (name, out)
    assert existing.read_text() == "keep me"
    pair.field.lock()
    pair.hq.lock()
    assert _digest(hq_dir) == before_hq
    after = _digest(field_dir)
    assert after["keyslots.bin"] == before_field["keyslots.bin"]
    assert not (field_dir / "notes.txt").exists() and not (field_dir / "blobs" / "new.yaml").exists()
    assert not list(field_dir.rglob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
    Vault.unlock(field_dir, "field passphrase long").lock()  # both vaults still open
    Vault.unlock(hq_dir, "hq passphrase long enough").lock()


def test_import_xlsform_out_into_the_vault_is_refused(tmp_path):
    """The reported case, end to end on the command line."""
    env = {"TESTIMONY_PASSPHRASE": "paths passphrase"}
    vault = tmp_path / "vault"
    assert run("vault", "init", "--vault", str(vault), env=env).returncode == 0
    slots = (vault / "keyslots.bin").read_bytes()
    r = run("forms", "import-xlsform", str(XLSFORM), "--out", str(vault / "keyslots.bin"), env=env)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "already exists" in r.stderr
    r = run("forms", "import-xlsform", str(XLSFORM), "--out", str(vault / "form.yaml"), env=env)
    assert r.returncode == 1 and "inside the vault" in r.stderr, r.stderr
    assert not (vault / "form.yaml").exists()
    assert (vault / "keyslots.bin").read_bytes() == slots
    assert run("vault", "check", "--vault", str(vault), env=env).returncode == 0
    r = run("forms", "import-xlsform", str(XLSFORM), "--out", str(tmp_path / "form.yaml"), env=env)
    assert r.returncode == 0, r.stderr
