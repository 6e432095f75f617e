"""Forms and records on the command line: validation, identity compartment, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "forms" / "examples"
ENV = {"TESTIMONY_PASSPHRASE": "records passphrase"}


@pytest.fixture
def vault(tmp_path):
    v = tmp_path / "vault"
    assert run("vault", "init", "--vault", str(v), env=ENV).returncode == 0
    return v


def test_forms_list_and_show():
    r = run("forms", "list", "--json")
    ids = {f["id"] for f in json.loads(r.stdout)}
    assert {"eyewitness_force", "injured_person", "family_of_killed", "detention_torture",
            "relative_of_disappeared", "medical_worker", "aid_displaced", "researcher_observation",
            "footage_review"} <= ids
    assert "eyewitness_force" in run("forms", "show", "eyewitness_force").stdout
    r = run("forms", "show", "no_such_form")
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


def test_identity_compartment_kept_out_of_show_and_search(vault):
    r = run("record", "add", "--vault", str(vault), "--form", "eyewitness_force",
            "--answers", str(EXAMPLES / "eyewitness_force.json"), env=ENV)
    assert r.returncode == 0, r.stderr
    rid = r.stdout.strip()
    shown = run("record", "show", rid, "--vault", str(vault), env=ENV)
    assert shown.returncode == 0
    assert "Khaled Haddad" not in shown.stdout and "944 000 111" not in shown.stdout
    assert "identifying details hidden" in shown.stdout
    revealed = json.loads(run("record", "show", rid, "--reveal", "--json", "--vault", str(vault), env=ENV).stdout)
    assert revealed["identity"]["interviewee_name"].startswith("Khaled Haddad")
    assert json.loads(run("search", "Haddad", "--json", "--vault", str(vault), env=ENV).stdout) == []
    hits = json.loads(run("search", "funeral", "--json", "--vault", str(vault), env=ENV).stdout)
    assert [h["id"] for h in hits] == [rid]


def test_every_example_saves(vault):
    for example in sorted(EXAMPLES.glob("*.json")):
        form_id = json.loads(example.read_text())["form"]
        r = run("record", "add", "--vault", str(vault), "--form", form_id, "--answers", str(example), env=ENV)
        assert r.returncode == 0, (example.name, r.stderr)
    listed = json.loads(run("record", "list", "--json", "--vault", str(vault), env=ENV).stdout)
    assert len(listed) == len(list(EXAMPLES.glob("*.json")))


def test_invalid_answers_refused_with_one_message_per_field(vault, tmp_path):
    answers = json.loads((EXAMPLES / "eyewitness_force.json").read_text())["answers"]
    del answers["event_type"]
    answers["casualties"][0]["age"] = 150
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(answers))
    r = run("record", "add", "--vault", str(vault), "--form", "eyewitness_force", "--answers", str(f), env=ENV)
    assert r.returncode == 1
    assert "(event_type) is required" in r.stderr
    assert "casualties[0].age" in r.stderr
    assert r.stderr.strip().splitlines()[-1].endswith("nothing was saved")
    assert json.loads(run("record", "list", "--json", "--vault", str(vault), env=ENV).stdout) == []
    f.write_text("[1, 2")
    r = run("record", "add", "--vault", str(vault), "--form", "eyewitness_force", "--answers", str(f), env=ENV)
    assert r.returncode == 1 and "not valid JSON" in r.stderr


def test_forms_validate_and_xlsform_import(tmp_path):
    fixture = ROOT / "tests" / "data" / "forms" / "xlsform_fixture.xlsx"
    out = tmp_path / "imported.yaml"
    r = run("forms", "import-xlsform", str(fixture), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert run("forms", "validate", str(out)).returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("form: x\nversion: '1'\ntitle: {en: X}\nsections:\n- id: s\n"
                   "  fields:\n  - {id: a, type: spaceship}\n")
    r = run("forms", "validate", str(bad))
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
