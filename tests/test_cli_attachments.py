"""`testimony attachment export`: a decrypted copy out of the vault, on the command line."""
from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run
from tests.media_kit import CANARY, image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "forms" / "examples"
ENV = {"TESTIMONY_PASSPHRASE": "attachments passphrase"}


def test_attachment_export_cleaned_then_original(tmp_path):
    v = tmp_path / "vault"
    assert run("vault", "init", "--vault", str(v), env=ENV).returncode == 0
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(image("JPEG"))
    r = run("record", "add", "--vault", str(v), "--form", "eyewitness_force",
            "--answers", str(EXAMPLES / "eyewitness_force.json"), "--attach", str(photo), env=ENV)
    assert r.returncode == 0, r.stderr
    shown = json.loads(run("record", "show", r.stdout.strip(), "--vault", str(v), "--json", env=ENV).stdout)
    att = shown["attachments"][0]
    assert att["cleaned"] == "cleaned" and "EXIF GPS position" in att["cleaning_report"]["removed"]

    out = tmp_path / "copy.jpg"
    r = run("attachment", "export", att["id"], "--out", str(out), "--vault", str(v), "--json", env=ENV)
    assert r.returncode == 0, r.stderr
    assert "outside the vault" in r.stderr
    assert CANARY.encode() not in out.read_bytes()
    again = run("attachment", "export", att["id"], "--out", str(out), "--vault", str(v), env=ENV)
    assert again.returncode == 1 and "already exists" in again.stderr and len(again.stderr.strip().splitlines()) == 1

    orig = tmp_path / "orig.jpg"
    r = run("attachment", "export", att["id"], "--out", str(orig), "--original", "--vault", str(v), env=ENV)
    assert r.returncode == 0 and orig.read_bytes() == photo.read_bytes()
    bad = run("attachment", "export", "no-such-id", "--out", str(tmp_path / "x"), "--vault", str(v), env=ENV)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()
