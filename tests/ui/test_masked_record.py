"""Masked means masked (issue 13): the record view, its tooltips, another
revision and the headquarters record show narratives redacted and marked
(reviewed, changed, automatic); the raw text only after an explicit reveal,
which writes one custody entry; an identifying photo has no preview until then."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem

from desktop.core.records import save_new_record, save_revision
from tests.test_identities import NAMES, witness_answers

from .conftest import FORMS


def _texts(view) -> str:
    out: list[str] = []
    stack = [view.answers.topLevelItem(i) for i in range(view.answers.topLevelItemCount())]
    while stack:
        node: QTreeWidgetItem = stack.pop()
        for c in range(view.answers.columnCount()):
            out += [node.text(c), node.toolTip(c)]
        stack.extend(node.child(i) for i in range(node.childCount()))
    for table in (view.custody, view.history):
        out += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                if table.item(r, c) is not None]
    return "\n".join(out)


def _open(window, rid):
    main = window.main
    main.show_list()
    lv = main.list_view
    row = next(r for r in range(lv.model.rowCount()) if lv.model.rows[r].id == rid)
    lv.table.activated.emit(lv.model.index(row, 0))
    return main.record_view


def test_masked_answers_and_tooltips_hold_no_name_until_reveal(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    view = _open(window, rid)
    shown = _texts(view)
    assert not any(n in shown for n in NAMES), [n for n in NAMES if n in shown]
    assert "pharmacy" in shown and "automatic, not reviewed" in shown
    assert "Redacted by automatic detection only; nobody reviewed it." in shown  # the mark's tooltip
    before = len(vault.custody(rid))
    view.reveal_button.click()
    shown = _texts(view)
    assert all(n in shown for n in NAMES)
    assert [e.action for e in vault.custody(rid)][before:] == ["identity.reveal"]
    view.hide_identities()
    assert not any(n in _texts(view) for n in NAMES)
    assert len(vault.custody(rid)) == before + 1


def test_other_revision_is_masked_too(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    form = FORMS.get("eyewitness_force")
    rid = save_new_record(vault, form, witness_answers())
    save_revision(vault, rid, form, {**witness_answers(), "force_duration_minutes": 35})
    view = _open(window, rid)
    view.rev_combo.setCurrentIndex(0)
    assert view.rev == 1
    shown = _texts(view)
    assert not any(n in shown for n in NAMES) and "pharmacy" in shown


def test_identifying_attachment_has_no_preview_until_revealed(qtbot, unlocked, tmp_path):
    from PIL import Image

    window = unlocked
    vault = window.session.vault
    photo = tmp_path / "faces.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(photo)
    att = vault.import_attachment(photo)
    answers = witness_answers()
    answers["event_footage"] = [{"event_footage_file": att.id, "event_footage_description": "from the roof"}]
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), answers, attachment_ids=[att.id])
    view = _open(window, rid)
    assert view.identifying_attachments == {att.id}
    view._preview(0)
    assert view.preview.pixmap().isNull() and "no preview until you reveal" in view.preview.text()
    view.reveal()
    with qtbot.waitSignal(view.preview_ready, timeout=10000):
        view._preview(0)
    assert not view.preview.pixmap().isNull()
    view.hide_identities()
    assert view.preview.pixmap().isNull()


def test_hq_record_is_masked(qtbot, hq_and_field, shell):
    """The analyst's record view of a bundle with identities: narratives redacted until revealed."""
    from desktop.core import bundle
    from desktop.core.records import export_view

    ns = hq_and_field
    rid = save_new_record(ns.field, FORMS.get("eyewitness_force"), witness_answers())
    out = ns.tmp / "with-identities.tstm"
    bundle.export_bundle(ns.field, ns.card.fingerprint, out, export_view, record_ids=[rid], include_identities=True)
    bundle.import_bundle(ns.hq, out, trust_new_device=True)
    window = shell()
    window.open_session(ns.hq)
    window.main.open_record(rid)
    view = window.main.record_view
    shown = _texts(view)
    assert not any(n in shown for n in NAMES) and "pharmacy" in shown
    assert view.review_overview is None and view.redaction_panel is None
    assert ns.hq.search("Haddad") == [] and [h[0] for h in ns.hq.search("pharmacy")] == [rid]
    before = len(ns.hq.custody(rid))
    view.reveal()
    assert all(n in _texts(view) for n in NAMES)
    assert [e.action for e in ns.hq.custody(rid)][before:] == ["identity.reveal"]


def test_witness_text_keeps_its_own_direction_in_arabic(qapp):
    """A phone number in the Arabic interface read "456 123 0933" (a first-strong
    isolate with no letter was laid out right to left): isolates are explicit now."""
    from PySide6.QtCore import Qt

    from desktop.ui.base.timefmt import isolate

    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        assert isolate("0933 123 456") == "\u20660933 123 456\u2069"  # left to right
        assert isolate("Omar Khatib") == "\u2066Omar Khatib\u2069"
        assert isolate("أحمد الحداد") == "\u2067أحمد الحداد\u2069"  # right to left
        assert isolate("123 أحمد") == "\u2067123 أحمد\u2069"  # the first letter decides
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_the_list_search_never_finds_a_name(qtbot, unlocked):
    """'words in answers; not names': the search box finds the witness's words, never the names in them."""
    window = unlocked
    vault = window.session.vault
    rid = save_new_record(vault, FORMS.get("eyewitness_force"), witness_answers())
    main = window.main
    main.show_list()
    lv = main.list_view
    for query, expected in (("Haddad", []), ("Omar", []), ("0944", []), ("Ahmad", []), ("pharmacy", [rid])):
        lv.search.setText(query)
        lv.apply()
        assert [lv.model.rows[r].id for r in range(lv.model.rowCount())] == expected, query
