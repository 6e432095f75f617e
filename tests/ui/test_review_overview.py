"""The review overview (issue 13): every answer with its findings and how many
are undecided, detection for all answers at once in the background, keys to
decide and move on; the decisions saved are those the exports and the masked
view use."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.masking import masked_record
from desktop.core.records import save_new_record
from desktop.core.review import REVIEWED, text_sha256
from tests.test_identities import NARRATIVE, witness_answers

from .conftest import FORMS


def _overview(qtbot, window, rid):
    window.main.open_record(rid)
    view = window.main.record_view
    ov = view.review_overview
    view.tabs.setCurrentWidget(ov)
    window.activateWindow()
    with qtbot.waitSignal(ov.loaded, timeout=60000):
        ov.run_button.click()
    return view, ov


def _answer_texts(view) -> list[str]:
    return [view.answers.topLevelItem(i).child(j).text(1)
            for i in range(view.answers.topLevelItemCount())
            for j in range(view.answers.topLevelItem(i).childCount())]


def test_overview_lists_findings_and_keys_decide(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    view, ov = _overview(qtbot, window, rid)
    paths = [a.path for a in ov.answers]
    assert ov.table.rowCount() == len(paths) > 5 and paths[0] == "witness_position"
    first = ov.answers[0]
    assert {"Ahmad Haddad", "Omar"} <= {f.text for f in first.findings}
    assert int(ov.table.item(0, 1).text()) == first.undecided == len(first.findings)
    assert "undecided" in ov.summary.text()
    assert ov.current == (0, 0)  # the first undecided finding is selected at once
    ov.findings.setFocus()
    # move to "Omar" with N, keep it with K; redact the others with R
    while first.findings[ov.current[1]].text != "Omar":
        qtbot.keyClick(ov.findings, Qt.Key.Key_N)
    qtbot.keyClick(ov.findings, Qt.Key.Key_K)
    assert next(f for f in first.findings if f.text == "Omar").decision == "reject"
    while first.undecided:
        assert ov.current[0] == 0  # the next undecided finding stays in its answer
        qtbot.keyClick(ov.findings, Qt.Key.Key_R)
    assert ov.table.item(0, 1).text() == "0"
    with qtbot.waitSignal(ov.saved, timeout=5000):
        qtbot.keyClick(ov.findings, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = vault.get_record(rid).redaction["witness_position"]
    assert stored["text_sha256"] == text_sha256(NARRATIVE)
    m = masked_record(vault, rid)
    assert m.status["witness_position"] == REVIEWED
    assert "Omar" in m.record.public["witness_position"] and "Haddad" not in m.record.public["witness_position"]
    # the record view's answers show the decision at once, marked as reviewed
    assert any("Omar" in t for t in _answer_texts(view))
    # and reopening shows the saved decisions without a new decision
    _view, again = _overview(qtbot, window, rid)
    assert again.answers[0].undecided == 0 and again.answers[0].status == REVIEWED
    # each screen's detection was one logged reveal (it shows the original texts)
    assert [e.details.get("via") for e in vault.custody(rid) if e.action == "identity.reveal"] \
        == ["redaction-review", "redaction-review"]


def test_detection_can_be_cancelled(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    window.main.open_record(rid)
    ov = window.main.record_view.review_overview
    ov.start()
    ov.cancel()
    qtbot.waitUntil(lambda: ov.task is None, timeout=60000)
    assert ov.run_button.isEnabled()
    # cancelled before the first answer, or finished first: either way nothing is saved
    assert vault.get_record(rid).redaction is None
