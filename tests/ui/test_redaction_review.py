"""The researcher's redaction review: detections shown, one rejected, a missed
name added by selection, decisions saved with the record and used by exports."""

from __future__ import annotations

from desktop.core.forms import FormRegistry
from desktop.core.records import export_view, save_new_record

from .conftest import FORMS
from .helpers import demo_answers


def test_review_decisions_are_saved_and_exported(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    form = FORMS.get("injured_person")
    answers = demo_answers("injured_person")
    path = next(f.id for f in form.fields if f.type == "narrative" and f.parent is None and not f.identifying)
    answers[path] = "Dr. Samer Nouri treated me; my neighbour Walid helped. Call 0944 555 123."
    rid = save_new_record(vault, form, answers)
    main = window.main
    main.show_list()
    lv = main.list_view
    lv.table.activated.emit(lv.model.index(0, 0))
    panel = main.record_view.redaction_panel
    assert panel is not None
    panel.field_combo.setCurrentIndex(panel.field_combo.findData(path))
    panel.detect()
    found = {panel.table.item(r, 1).text(): r for r in range(panel.table.rowCount())}
    assert any("Samer" in t for t in found) and any("0944" in t for t in found)
    doctor_row = next(r for t, r in found.items() if "Samer" in t)
    combo = panel.table.cellWidget(doctor_row, 3)
    combo.setCurrentIndex(combo.findData("reject"))
    assert "Samer Nouri" in panel.preview.toPlainText()
    if not any("Walid" in t for t in found):  # a name the detector missed: add it by selection
        start = panel.text().index("Walid")
        cur = panel.original.textCursor()
        cur.setPosition(start)
        cur.setPosition(start + len("Walid"), cur.MoveMode.KeepAnchor)
        panel.original.setTextCursor(cur)
        panel.add_selection()
    assert "Walid" not in panel.preview.toPlainText() and "0944" not in panel.preview.toPlainText()
    with qtbot.waitSignal(panel.saved, timeout=2000):
        panel.save_button.click()
    stored = vault.get_record(rid).redaction
    assert stored[path]["decisions"]
    out = export_view(vault, rid, include_identities=False, registry=FormRegistry())["answers"][path]
    assert "Samer Nouri" in out and "Walid" not in out and "0944" not in out
    assert vault.custody(rid)[-1].action == "redaction.review"
