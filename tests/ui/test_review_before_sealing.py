"""Review before sealing (issue 13): an export of records whose narratives
nobody reviewed asks first; sending them with automatic redaction only is an
explicit choice recorded in the manifest and the custody log; "Review now"
opens the record on its review; saved review decisions show at once."""

from __future__ import annotations

from desktop.core import cards, review
from desktop.core.crypto import FLOOR
from desktop.core.records import detect_for_review, save_new_record, save_revision
from tests.test_identities import NARRATIVE, _manifest, witness_answers

from .conftest import FORMS


def _field_with_card(window, tmp_path):
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase long", "HQ", kdf=FLOOR)
    cards.trust_card(window.session.vault, card.to_json().encode())
    return hq, card


def test_export_of_unreviewed_record_asks_first(qtbot, unlocked, tmp_path):
    from desktop.ui.export_dialog import ExportDialog

    window = unlocked
    vault = window.session.vault
    hq, _card = _field_with_card(window, tmp_path)
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    dlg = ExportDialog(window.session, window)
    qtbot.addWidget(dlg)
    out = tmp_path / "bundle.tstm"
    dlg.out.setText(str(out))
    with qtbot.waitSignal(dlg.unreviewed_shown, timeout=5000) as shown:
        dlg.export_button.click()
    assert shown.args == [1] and not dlg.review_box.isHidden()
    assert rid[:8] in dlg.review_list.item(0).text() and not out.exists() and dlg.task is None
    assert not [e for e in vault.custody() if e.action == "bundle.export"]
    with qtbot.waitSignal(dlg.exported, timeout=30000):
        dlg.send_automatic.click()
    assert _manifest(hq, out)["automatic_redaction"] == [rid]
    export = [e for e in vault.custody() if e.action == "bundle.export"][-1]
    assert export.details["automatic_redaction"] == [rid]
    hq.lock()


def test_review_now_opens_the_record_on_its_review(qtbot, unlocked, tmp_path):
    window = unlocked
    vault = window.session.vault
    hq, _card = _field_with_card(window, tmp_path)
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    window.main.export()
    dlg = window.main.export_dialog
    dlg.out.setText(str(tmp_path / "b.tstm"))
    dlg.export_button.click()
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        dlg.review_now.click()
    view = window.main.record_view
    assert view is not None and view.record_id == rid
    ov = view.review_overview
    assert view.tabs.currentWidget() is ov
    qtbot.waitUntil(lambda: bool(ov.answers), timeout=60000)  # detection started at once
    assert ov.answers[0].path == "witness_position"
    hq.lock()


def test_saved_decisions_show_at_once_and_survive_an_edit(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    form = FORMS.get("eyewitness_force")
    rid = save_new_record(vault, form, witness_answers())
    rec = vault.get_record(rid, reveal=True)
    spans = detect_for_review(form, rec.public, rec.identity, vault, rid)["witness_position"]
    omar = next(s for s in spans if s.text == "Omar")
    vault.set_redaction(rid, {"witness_position": review.reviewed_entry(
        NARRATIVE, [{"start": omar.start, "end": omar.end, "label": "PERSON", "decision": "reject"}])})
    # "Edit (new revision)" that changes only the firing duration
    save_revision(vault, rid, form, {**witness_answers(), "force_duration_minutes": 35})
    window.main.open_record(rid)
    view = window.main.record_view
    panel = view.redaction_panel
    before = len(vault.custody(rid))
    panel.field_combo.setCurrentIndex(panel.field_combo.findData("witness_position"))
    assert len(vault.custody(rid)) == before  # opening a record is no reveal
    view.tabs.setCurrentWidget(panel)  # the review screen shows the original text: one logged reveal
    assert [e.action for e in vault.custody(rid)][before:] == ["identity.reveal"]
    rows = {panel.table.item(r, 1).text().strip("\u2066\u2067\u2068\u2069"): panel.table.cellWidget(r, 3).currentData()
            for r in range(panel.table.rowCount())}
    assert rows.get("Omar") == "reject", rows
    assert "Omar" in panel.preview.toPlainText() and "Haddad" not in panel.preview.toPlainText()
    assert "saved decisions are shown" in panel.status.text()
