"""The window and the command line follow the same rules: the same answers are
stored for the same input, and every reveal is logged exactly once."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.crypto import FLOOR
from desktop.core.services import access, interviews
from desktop.ui.record_view import RecordView
from desktop.ui.redaction_panel import RedactionPanel
from tests.cli import run

from .conftest import FORMS, PASSPHRASE

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "forms" / "examples"


def _answers() -> dict:
    answers = json.loads((EXAMPLES / "eyewitness_force.json").read_text(encoding="utf-8"))["answers"]
    answers["interpreter_code"] = "I-3"  # no interpreter was used: skip logic makes this irrelevant
    answers["footage_taken"] = "no"  # so the footage list (files) is irrelevant too
    return answers


def _stored(vault, rid: str) -> tuple[dict, dict]:
    rec = vault.get_record(rid, reveal=True)
    return rec.public, rec.identity


def test_window_and_cli_save_the_same_answers(qtbot, unlocked, tmp_path):
    from PySide6.QtCore import Qt

    answers = _answers()
    window = unlocked
    window.main.act_new.trigger()
    view = window.main.interview
    view.choose_type("eyewitness_force")
    with qtbot.waitSignal(view.started, timeout=3000):
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    view.set_answers(answers)
    assert interviews.validate(view.form, view.answers()) == []
    with qtbot.waitSignal(view.closed, timeout=5000) as closed:
        qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    gui = _stored(window.session.vault, closed.args[0])

    cli_vault = tmp_path / "cli-vault"
    access.lock(access.create_vault(cli_vault, PASSPHRASE, kdf=FLOOR).vault)
    f = tmp_path / "answers.json"
    f.write_text(json.dumps(answers), encoding="utf-8")
    r = run("record", "add", "--form", "eyewitness_force", "--answers", str(f), "--vault", str(cli_vault),
            env={"TESTIMONY_PASSPHRASE": PASSPHRASE})
    assert r.returncode == 0, r.stderr
    opened = access.unlock(cli_vault, PASSPHRASE)
    cli = _stored(opened.vault, r.stdout.strip())
    access.lock(opened.vault)
    assert gui == cli
    for pruned in ("interpreter_code", "event_footage"):
        assert pruned in answers and pruned not in gui[0] and pruned not in (gui[1] or {})


def _reveals(vault, rid: str) -> int:
    return sum(1 for e in vault.custody(rid) if e.action == "identity.reveal")


def test_a_reveal_from_any_path_adds_exactly_one_custody_entry(qtbot, unlocked, vault_path):
    session = unlocked.session
    vault = session.vault
    form = FORMS.get("eyewitness_force")
    rid = interviews.submit(vault, form, _answers()).record_id
    assert _reveals(vault, rid) == 0

    view = RecordView(session, rid)
    qtbot.addWidget(view)
    view.reveal()
    assert _reveals(vault, rid) == 1

    unlocked.main.edit_record(rid)
    assert _reveals(vault, rid) == 2

    panel = RedactionPanel(session, rid, form)
    qtbot.addWidget(panel)
    panel._make_redactor()
    panel._make_redactor()  # built once
    assert _reveals(vault, rid) == 3

    interviews.reveal(vault, rid, via="test")
    assert _reveals(vault, rid) == 4
    unlocked.main.interview.abandon_for_wipe()
    unlocked.lock()

    r = run("record", "show", rid, "--reveal", "--vault", str(vault_path), env={"TESTIMONY_PASSPHRASE": PASSPHRASE})
    assert r.returncode == 0, r.stderr
    r = run("record", "show", rid, "--vault", str(vault_path), env={"TESTIMONY_PASSPHRASE": PASSPHRASE})
    assert r.returncode == 0, r.stderr
    opened = access.unlock(vault_path, PASSPHRASE)
    assert _reveals(opened.vault, rid) == 5
    access.lock(opened.vault)
