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


def test_damaged_saved_decisions_neither_crash_the_review_nor_expose_words(qtbot, unlocked):
    """A stored review with broken manual decisions (offsets as text, missing, past
    the end) opens: the damaged ones are reported and not used, the sound manual
    decision still hides its words, and the answer counts as needing review."""
    from desktop.core.services import interviews

    window = unlocked
    vault = window.session.vault
    form = FORMS.get("injured_person")
    answers = demo_answers("injured_person")
    path = next(f.id for f in form.fields if f.type == "narrative" and f.parent is None and not f.identifying)
    text = "The tall baker from the corner shop carried me to the clinic."
    answers[path] = text
    rid = save_new_record(vault, form, answers)
    start = text.index("tall baker")
    sound = {"start": start, "end": start + len("tall baker"), "label": "PERSON", "decision": "add"}
    damaged = [{"start": "4x", "end": 9, "label": "PERSON", "decision": "add"},
               {"start": 0, "label": "PERSON", "decision": "add"},
               {"start": 40, "end": 4000, "label": "PERSON", "decision": "add"},
               {"start": 1.5, "end": 3, "decision": "add"}]
    vault.set_redaction(rid, {path: {"decisions": [sound, *damaged], "text_sha256": _sha(text)}})

    main = window.main
    main.open_record(rid)
    view = main.record_view
    panel = view.redaction_panel
    assert panel is not None
    panel.field_combo.setCurrentIndex(panel.field_combo.findData(path))
    view.tabs.setCurrentWidget(panel)  # shown: the saved decisions are laid out at once
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=5000)
    assert "4 saved decision(s)" in panel.status.text() and "damaged" in panel.status.text()
    rows = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
    assert [r for r in rows if "baker" in r]  # the sound manual decision is still listed
    assert "tall baker" not in panel.preview.toPlainText()

    masked = interviews.masked_view(vault, rid, registry=FormRegistry())
    assert masked.status[path] == "changed"  # not "as you reviewed it": it needs a new review
    assert "tall baker" not in masked.record.public[path]
    out = export_view(vault, rid, include_identities=False, registry=FormRegistry())["answers"][path]
    assert "tall baker" not in out


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
