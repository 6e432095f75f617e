from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.records import save_new_record
from desktop.ui.base.settings import Settings
from desktop.ui.first_run import FirstRunScreen
from desktop.ui.records_list import Filters, RecordsModel

from .conftest import FORMS
from .helpers import demo_answers


def test_list_model_fetches_lazily_and_searches(qtbot, make_vault):
    vault = make_vault()
    for i in range(250):
        # the index holds what records.save_new_record gives it (redacted text); here the text as it is
        text = f"walking home {i} " + ("sniper" if i % 50 == 0 else "street")
        vault.add_record("injured_person", "1.0.0", {"injury_circumstances": text}, search_text=text)
    model = RecordsModel(vault, FORMS, page=100)
    model.set_filters(Filters())
    assert model.rowCount() == 0 and model.total == 250
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100 and model.pages_fetched == 1
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    model.set_filters(Filters(query="sniper"))
    assert model.total == 5
    model.set_filters(Filters(status="exported"))
    assert model.total == 0
    vault.lock()


def test_list_view_opens_record_and_filters(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    form = FORMS.get("injured_person")
    rid = save_new_record(vault, form, demo_answers("injured_person"))
    save_new_record(vault, FORMS.get("eyewitness_force"), demo_answers("eyewitness_force"))
    main = window.main
    main.show_list()
    lv = main.list_view
    assert lv.model.rowCount() == 2
    assert "2 shown" in lv.counts.text()
    with qtbot.waitSignal(lv.searched, timeout=2000):
        qtbot.keyClicks(lv.search, "hospital")
    assert lv.model.rowCount() == 1
    lv.search.clear()
    lv.apply()
    lv.form_filter.setCurrentIndex(lv.form_filter.findData("eyewitness_force"))
    assert lv.model.rowCount() == 1
    lv.form_filter.setCurrentIndex(0)
    row = next(r for r in range(lv.model.rowCount()) if lv.model.rows[r].id == rid)
    lv.table.activated.emit(lv.model.index(row, 0))
    assert main.record_view is not None and main.record_view.record_id == rid


def test_switch_to_arabic(qtbot, unlocked, translations):
    window = unlocked
    main = window.main
    assert main.act_new.text() == "New interview"
    main.settings()
    dlg = main.settings_dialog
    dlg.language.setCurrentIndex(dlg.language.findData("ar"))
    dlg.save()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    main = window.main
    assert main.act_new.text() == "مقابلة جديدة"
    assert main.act_lock.text() == "قفل"
    assert main.list_view.model.headerData(0, Qt.Orientation.Horizontal) == "نوع المقابلة"
    assert QCoreApplication.translate("UnlockScreen", "Unlock") == "فتح"
    assert Settings().language == "ar"
    # form labels come from the form definition, in Arabic too
    main.new_interview()
    view = main.interview
    view.choose_type("injured_person")
    view.start("injured_person")
    assert view.pages[0].section.title("ar") in [view.sections.item(i).text() for i in range(view.sections.count())]
    window.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_quick_wipe_needs_typed_confirmation(qtbot, unlocked, vault_path):
    window = unlocked
    window.main.quick_wipe()
    dlg = window.main.wipe_dialog
    assert not dlg.wipe_button.isEnabled()
    qtbot.keyClicks(dlg.edit, "wipe")
    assert not dlg.wipe_button.isEnabled()
    dlg.edit.clear()
    qtbot.keyClicks(dlg.edit, "WIPE")
    assert dlg.wipe_button.isEnabled()
    qtbot.mouseClick(dlg.wipe_button, Qt.MouseButton.LeftButton)
    assert not (vault_path / "keyslots.bin").exists()
    assert isinstance(window.current, FirstRunScreen)


def test_idle_autolock(qtbot, unlocked):
    window = unlocked
    with qtbot.waitSignal(window.locked, timeout=3000):
        window.main.idle.set_interval_ms(30)


def test_no_plaintext_left_after_session(qtbot, unlocked, tmp_path):
    """After a GUI session, the canary appears in no file under the test's folders."""
    window = unlocked
    vault = window.session.vault
    answers = demo_answers("injured_person")
    canary = "CANARYzq7xw"
    answers["injury_circumstances"] = f"{canary} was shot near the bakery"
    answers["interviewee_name"] = f"{canary} Name"
    rid = save_new_record(vault, FORMS.get("injured_person"), answers)
    window.main.open_record(rid)
    window.main.record_view.reveal()
    window.main.settings()
    window.main.settings_dialog.save()
    window.lock()
    for p in tmp_path.rglob("*"):
        if p.is_file():
            assert canary.encode() not in p.read_bytes(), p
