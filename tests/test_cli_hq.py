"""Field to headquarters on the command line: card, trust, export, import,
receipt, handover, and the analyst's flat export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "forms" / "examples"
FIELD = {"TESTIMONY_PASSPHRASE": "field passphrase"}
HQ = {"TESTIMONY_PASSPHRASE": "headquarters passphrase"}


def ok(r):
    assert r.returncode == 0, r.stderr
    return r


def test_whole_handover(tmp_path):
    field, hq, card = tmp_path / "field", tmp_path / "hq", tmp_path / "card.json"
    r = ok(run("hq", "init", "--org", "Syria Desk", "--card", str(card), "--vault", str(hq), "--json", env=HQ))
    fp = json.loads(r.stdout)["fingerprint"]
    ok(run("vault", "init", "--vault", str(field), env=FIELD))
    r = ok(run("hq", "trust", str(card), "--vault", str(field), env=FIELD))
    assert fp in r.stdout
    answers = json.loads((EXAMPLES / "eyewitness_force.json").read_text())["answers"]
    answers["witness_position"] += " Khaled Haddad told me to call him on 0944 123 456 afterwards."
    (tmp_path / "answers.json").write_text(json.dumps(answers))
    rid = ok(run("record", "add", "--vault", str(field), "--form", "eyewitness_force",
                 "--answers", str(tmp_path / "answers.json"), env=FIELD)).stdout.strip()
    bundle = tmp_path / "handover.tstm"
    r = ok(run("export", "--to", fp, "--out", str(bundle), "--send-unreviewed", "--vault", str(field), "--json",
               env=FIELD))
    bundle_id = json.loads(r.stdout)["bundle_id"]
    # headquarters: unknown device first refused, then accepted explicitly
    r = run("hq", "import", str(bundle), "--vault", str(hq), env=HQ)
    assert r.returncode == 1 and "--trust-new-device" in r.stderr
    r = ok(run("hq", "import", str(bundle), "--trust-new-device", "--vault", str(hq), "--json", env=HQ))
    assert json.loads(r.stdout)["records_added"] == 1
    r = ok(run("hq", "import", str(bundle), "--vault", str(hq), "--json", env=HQ))
    assert json.loads(r.stdout)["already_imported"] is True
    shown = json.loads(ok(run("record", "show", rid, "--reveal", "--json", "--vault", str(hq), env=HQ)).stdout)
    text = json.dumps(shown, ensure_ascii=False)
    assert "Khaled" not in text and "944 000 111" not in text  # identities stayed home
    position = shown["answers"]["witness_position"]
    assert "[PERSON-1]" in position and "0944" not in position  # the narrative was redacted
    assert position.startswith("About 80 metres behind the coffin")  # the evidence survived
    # the analyst's flat export
    out = tmp_path / "all.csv"
    ok(run("hq", "export", "--format", "csv", "--out", str(out), "--vault", str(hq), env=HQ))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["id"] == rid and rows[0]["form_id"] == "eyewitness_force"
    # receipt back to the field, then the laptop forgets the identities
    receipt = tmp_path / "receipt.json"
    ok(run("hq", "receipt", bundle_id, "--out", str(receipt), "--vault", str(hq), env=HQ))
    r = run("handover", "--forget", "identities", "--yes", "--vault", str(field), env=FIELD)
    assert r.returncode == 0 and "0 record" in r.stdout  # no receipt imported yet: nothing forgotten
    ok(run("receipt", "import", str(receipt), "--vault", str(field), env=FIELD))
    assert run("handover", "--forget", "identities", "--vault", str(field), env=FIELD).returncode == 1
    ok(run("handover", "--forget", "identities", "--yes", "--vault", str(field), env=FIELD))
    shown = json.loads(ok(run("record", "show", rid, "--reveal", "--json", "--vault", str(field), env=FIELD)).stdout)
    assert shown["identity"] is None and shown["identity_forgotten"] is True


def test_export_refusals(tmp_path):
    field = tmp_path / "field"
    ok(run("vault", "init", "--vault", str(field), env=FIELD))
    r = run("export", "--to", "AAAA-BBBB-CCCC-DDDD", "--out", str(tmp_path / "x"), "--vault", str(field), env=FIELD)
    assert r.returncode == 1 and "No trusted recipient" in r.stderr
    (tmp_path / "fake.json").write_text('{"format": "testimony-recipient-card"}')
    r = run("hq", "trust", str(tmp_path / "fake.json"), "--vault", str(field), env=FIELD)
    assert r.returncode == 1 and "not a valid recipient card" in r.stderr


def test_hq_init_refuses_an_unwritable_card_before_creating_anything(tmp_path):
    r = run("hq", "init", "--org", "X", "--card", str(tmp_path / "no" / "card.json"),
            "--vault", str(tmp_path / "hq"), env=HQ)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "hq").exists()
    (tmp_path / "taken.json").write_text("keep")
    r = run("hq", "init", "--org", "X", "--card", str(tmp_path / "taken.json"), "--vault", str(tmp_path / "hq"), env=HQ)
    assert r.returncode == 1 and (tmp_path / "taken.json").read_text() == "keep"
