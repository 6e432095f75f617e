"""A researcher's real day at the keyboard: autosave while typing, resuming
where they were, yes/no questions from the keyboard, focus where the work is,
Tab order through repeats, quick wipe from anywhere, and the current
passphrase before a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.services import access
from desktop.core.vault import Vault
from desktop.ui.interview import InterviewView
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.unlock import UnlockScreen

from .conftest import PASSPHRASE
from .helpers import row_for, section_of
from .test_interview import start


def focused():
    return QApplication.focusWidget()


def activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_changing_the_passphrase_needs_the_current_one(qtbot, unlocked, vault_path):
    session = unlocked.session
    dlg = SettingsDialog(session)
    qtbot.addWidget(dlg)
    new = "a different passphrase entirely"
    dlg.new1.setText(new)
    dlg.new2.setText(new)
    dlg.pw_button.click()
    assert "current passphrase" in dlg.pw_message.text()
    dlg.old_passphrase.setText("not the passphrase at all")
    dlg.pw_button.click()
    with qtbot.waitSignal(dlg.task.failed, timeout=20000):
        pass
    assert "wrong" in dlg.pw_message.text()
    Vault.unlock(vault_path, passphrase=PASSPHRASE).lock()  # unchanged
    dlg.old_passphrase.setText(PASSPHRASE)
    dlg.new1.setText(new)
    dlg.new2.setText(new)
    with qtbot.waitSignal(dlg.passphrase_changed, timeout=20000):
        dlg.pw_button.click()
    assert not dlg.old_passphrase.text()
    Vault.unlock(vault_path, passphrase=new).lock()


def test_quick_wipe_by_shortcut_and_from_the_lock_screen(qtbot, unlocked, vault_path):
    window = unlocked
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = window.main.wipe_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=2000)
    dlg.reject()
    window.lock()
    screen = window.current
    assert isinstance(screen, UnlockScreen)
    activate(qtbot, window)
    qtbot.keyClick(screen.secret, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = screen.wipe_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=2000)
    qtbot.keyClicks(dlg.edit, "WIPE")
    assert dlg.wipe_button.isEnabled()
    qtbot.mouseClick(dlg.wipe_button, Qt.MouseButton.LeftButton)
    assert not access.vault_exists(vault_path)
    qtbot.waitUntil(lambda: not isinstance(window.current, UnlockScreen), timeout=2000)

def test_arabic_wipe_word_says_wipe_works_too(qtbot, translations):
    from desktop.ui.wipe_dialog import QuickWipeDialog

    translations.install("ar")
    dlg = QuickWipeDialog()
    qtbot.addWidget(dlg)
    assert dlg.word != "WIPE"
    assert "WIPE" in dlg.prompt.text()
    dlg.edit.setText("WIPE")
    assert dlg.wipe_button.isEnabled()
    dlg.edit.setText(dlg.word)
    assert dlg.wipe_button.isEnabled()
    dlg.edit.setText("nothing")
    assert not dlg.wipe_button.isEnabled()


def test_autosave_during_continuous_typing_and_resume_at_the_section(qtbot, unlocked):
    window = unlocked
    view = start(qtbot, window, "injured_person")
    view.autosave_timer.setInterval(400)  # a pause this long saves...
    view.autosave_max_timer.setInterval(600)  # ...and steady typing is saved at least this often
    later = section_of(view, "interviewee_code") + 1
    view.go_to(later)
    row = next(r for r in view.pages[later].all_rows() if hasattr(r.editor, "edit"))
    edit = row.editor.edit
    typed: list[str] = []
    typist = QTimer()
    typist.setInterval(50)  # a key every 50 ms: never a 400 ms pause

    def key() -> None:
        typed.append("a")
        qtbot.keyClick(edit, Qt.Key.Key_A)

    typist.timeout.connect(key)
    typist.start()
    try:
        with qtbot.waitSignal(view.autosaved, timeout=5000):
            pass
        assert typist.isActive() and len(typed) < 60  # saved while typing went on
    finally:
        typist.stop()
    draft = window.session.vault.load_draft(view.draft_id)
    assert draft.answers.get(row.field.id)
    view.flush()

    again = InterviewView(window.session)
    qtbot.addWidget(again)
    again.load_draft(view.draft_id)
    assert again.section_index == later
    assert row_for(again, row.editor.path).editor.value() == row.editor.value()


def test_yes_no_unknown_from_the_keyboard(qtbot, unlocked):
    window = unlocked
    activate(qtbot, window)
    view = start(qtbot, window, "eyewitness_force")
    view.go_to(section_of(view, "casualties_seen"))
    editor = row_for(view, "casualties_seen").editor
    yes, no, unknown = (editor.buttons[v] for v in ("yes", "no", "unknown"))
    # one Tab stop for the whole group
    assert [b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in (yes, no, unknown)] == [
        Qt.FocusPolicy.TabFocus, 0, 0]
    editor.focus_target().setFocus()
    qtbot.waitUntil(lambda: focused() is yes, timeout=2000)
    qtbot.keyClick(yes, Qt.Key.Key_Space)
    assert editor.value() == "yes"
    qtbot.keyClick(yes, Qt.Key.Key_Space)  # Space does not take the answer back
    assert editor.value() == "yes"
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert editor.value() == "no" and focused() is no
    qtbot.keyClick(no, Qt.Key.Key_Down)
    assert editor.value() == "unknown" and focused() is unknown
    qtbot.keyClick(unknown, Qt.Key.Key_Right)  # wraps around
    assert editor.value() == "yes"
    qtbot.keyClick(yes, Qt.Key.Key_Left)
    assert editor.value() == "unknown"
    # the Tab stop follows the answer
    assert unknown.focusPolicy() & Qt.FocusPolicy.TabFocus and not yes.focusPolicy() & Qt.FocusPolicy.TabFocus
    # right to left: the right arrow goes back
    editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.keyClick(unknown, Qt.Key.Key_Right)
    assert editor.value() == "no"
    editor.set_value(None)
    assert editor.value() is None


def test_focus_where_the_work_is(qtbot, unlocked):
    window = unlocked
    activate(qtbot, window)
    window.main.act_new.trigger()
    view = window.main.interview
    qtbot.waitUntil(lambda: focused() is view.types, timeout=2000)
    assert view.types.item(0).data(Qt.ItemDataRole.UserRole)[0] == "eyewitness_force"
    qtbot.keyClick(view.types, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.started, timeout=5000):
        qtbot.keyClick(view.types, Qt.Key.Key_Return)
    assert view.form.id == "injured_person"
    first = view.pages[0].all_rows()[0]
    qtbot.waitUntil(lambda: focused() is first.editor.focus_target(), timeout=2000)
    view.go_to(1)
    rows = [r for r in view.pages[1].all_rows() if r.field.type != "note" and not r.isHidden()]
    qtbot.waitUntil(lambda: focused() is rows[0].editor.focus_target(), timeout=2000)
    # Tab after the section's last question goes to Next, not to Discard
    last = view.pages[1].rows[-1].editor.focus_target()
    last.setFocus()
    qtbot.waitUntil(lambda: focused() is last, timeout=2000)
    w = last.nextInFocusChain()
    while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()):
        w = w.nextInFocusChain()
    assert w is view.next_button


def test_repeat_entries_keep_tab_order(qtbot, unlocked):
    window = unlocked
    activate(qtbot, window)
    view = start(qtbot, window, "eyewitness_force")
    view.go_to(section_of(view, "acts"))
    repeat = row_for(view, "acts").editor
    for _ in range(3):
        qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    entry = repeat.entries[-1]
    first = entry.rows_[0].editor.focus_target()
    assert focused() is first
    # Tab walks the new entry's controls in order and then reaches the Add button
    seen = []
    w = first
    for _ in range(5000):
        w = w.nextInFocusChain()
        if w is repeat.add_button:
            break
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            seen.append(w)
    assert w is repeat.add_button
    assert all(entry.isAncestorOf(x) for x in seen)
    # and from the previous entry's last control Tab goes into the next entry, not to the buttons below
    assert repeat.entries[-1].rows_[0].editor.focus_target() in _chain_after(repeat.entries[-2], repeat.add_button)


def _chain_after(entry, stop):
    out = []
    w = entry
    for _ in range(5000):  # every widget of an entry is in the chain, labels included
        w = w.nextInFocusChain()
        if w is stop:
            break
        out.append(w)
    return out


def test_new_interview_knows_today_and_the_researcher_and_acts_carry_the_event(qtbot, unlocked):
    from PySide6.QtCore import QDate

    window = unlocked
    window.session.vault.set_meta("researcher_code", "R-07")
    view = start(qtbot, window, "eyewitness_force")
    today = QDate.currentDate().toString("yyyy-MM-dd")
    assert row_for(view, "interview_date").editor.value() == {"precision": "day", "date": today}
    assert row_for(view, "researcher_code").editor.value() == "R-07"
    assert view.draft_id is None  # defaults alone are not a draft
    event = {"precision": "day", "date": "2012-05-18"}
    row_for(view, "event_date").editor.set_value(event)
    row_for(view, "event_start_time").editor.set_value({"precision": "exact", "time": "17:30"})
    place = row_for(view, "event_location").editor
    place.set_value({"text": "the square by the mosque"})
    row_for(view, "casualties_seen").editor.set_value("yes")
    view.refresh_relevance()
    view.go_to(section_of(view, "casualties"))
    casualties = row_for(view, "casualties").editor
    qtbot.mouseClick(casualties.add_button, Qt.MouseButton.LeftButton)
    status = row_for(view, "casualties[0].status").editor
    status.combo.setCurrentIndex(status.combo.findData("killed"))
    qtbot.keyClicks(row_for(view, "casualties[0].casualty_wound").editor.edit, "chest")
    view.go_to(section_of(view, "acts"))
    acts = row_for(view, "acts").editor
    qtbot.mouseClick(acts.add_button, Qt.MouseButton.LeftButton)
    assert row_for(view, "acts[0].act_date").editor.value() == event
    assert row_for(view, "acts[0].act_time").editor.value() == {"precision": "exact", "time": "17:30"}
    assert row_for(view, "acts[0].act_location").editor.value() == {"text": "the square by the mosque"}
    victims = row_for(view, "acts[0].act_victims").editor.value()
    assert victims and victims[0].get("status") == "killed" and "casualty_wound" not in victims[0]
    qtbot.mouseClick(acts.add_button, Qt.MouseButton.LeftButton)
    assert row_for(view, "acts[1].act_date").editor.value() == event
    assert row_for(view, "acts[1].act_victims").editor.value() is None  # victims only into the first act


def test_dates_are_typed_and_never_in_the_future(qtbot, unlocked):
    from PySide6.QtCore import QDate

    view = start(qtbot, unlocked, "eyewitness_force")
    view.go_to(section_of(view, "event_date"))
    editor = row_for(view, "event_date").editor
    editor.precision.setCurrentIndex(editor.precision.findData("day"))
    editor.day.edit.clear()
    qtbot.keyClicks(editor.day.edit, "20120518")  # digits only, the dashes come by themselves
    assert editor.value() == {"precision": "day", "date": "2012-05-18"} and not editor.problem()
    editor.day.edit.clear()
    qtbot.keyClicks(editor.day.edit, "2012-05-1")
    assert editor.problem()  # half a date
    tomorrow = QDate.currentDate().addDays(1)
    editor.day.edit.clear()
    qtbot.keyClicks(editor.day.edit, tomorrow.toString("yyyyMMdd"))
    assert "future" in editor.problem()
    assert view.check(everything=True)
    assert "future" in row_for(view, "event_date").issue.text()
    assert view.finish() is None


def test_unconfirmed_recovery_code_is_said_on_the_next_start(qtbot, shell, vault_path):
    window = shell()
    activate(qtbot, window)
    screen = window.current
    qtbot.waitUntil(lambda: focused() is screen.pass1, timeout=3000)  # not the role buttons
    qtbot.keyClicks(screen.pass1, "river lantern quietly orange")
    qtbot.keyClicks(screen.pass2, "river lantern quietly orange")
    qtbot.waitUntil(lambda: screen.kdf is not None, timeout=10000)
    with qtbot.waitSignal(screen.code_shown, timeout=20000):
        screen.create_button.click()
    qtbot.keyClick(screen.kept, Qt.Key.Key_Space)
    screen.next_button.setFocus()
    qtbot.waitUntil(lambda: focused() is screen.next_button, timeout=2000)
    qtbot.keyClick(screen.next_button, Qt.Key.Key_Return)  # Enter on the focused Continue
    assert screen.stack.currentIndex() == 2
    # the app stops here, before the code is typed back
    screen._vault.lock()
    window.close()

    again = shell()
    unlock = again.current
    assert isinstance(unlock, UnlockScreen)
    qtbot.keyClicks(unlock.secret, "river lantern quietly orange")
    with qtbot.waitSignal(again.unlocked, timeout=10000):
        qtbot.keyClick(unlock.secret, Qt.Key.Key_Return)
    dlg = again.recovery_reminder
    assert dlg is not None and dlg.isVisible()
    qtbot.mouseClick(dlg.make_button, Qt.MouseButton.LeftButton)
    code = dlg.code_label.text()
    qtbot.keyClicks(dlg.confirm_edit, "wrong")
    qtbot.keyClick(dlg.confirm_edit, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.message.text()
    dlg.confirm_edit.setText(code)
    with qtbot.waitSignal(dlg.confirmed, timeout=2000):
        qtbot.keyClick(dlg.confirm_edit, Qt.Key.Key_Return)
    again.lock()
    Vault.unlock(vault_path, recovery_code=code).lock()  # the new code opens the vault
    third = shell()
    third.open_session(Vault.unlock(vault_path, passphrase="river lantern quietly orange"))
    assert third.recovery_reminder is None  # said until confirmed, then no more
    third.lock()


def test_progress_counts_answers_and_repeats_have_human_labels(qtbot, unlocked, translations):
    view = start(qtbot, unlocked, "eyewitness_force")
    before, asked = view.answered_count()
    assert view.progress.value() == before and view.progress.maximum() == asked
    row_for(view, "event_date").editor.set_value({"precision": "day", "date": "2012-05-18"})
    view.check()
    assert view.answered_count()[0] == before + 1 and view.progress.value() == before + 1
    assert f"{before + 1} of {asked}" in view.progress_label.text()
    view.go_to(section_of(view, "acts"))
    acts = row_for(view, "acts").editor
    assert acts.add_button.text() == "Add an act"
    qtbot.mouseClick(acts.add_button, Qt.MouseButton.LeftButton)
    assert acts.entries[0].title.text() == "Act 1"
    victims = row_for(view, "acts[0].act_victims").editor
    assert victims.add_button.text() == "Add a victim"


def test_interviews_list_tells_records_apart_and_shows_drafts(qtbot, unlocked):
    from desktop.core.records import save_new_record
    from desktop.ui.records_list import RecordsModel

    from .conftest import FORMS
    from .helpers import demo_answers

    window = unlocked
    vault = window.session.vault
    form = FORMS.get("eyewitness_force")
    for n in (0, 1):
        save_new_record(vault, form, demo_answers("eyewitness_force", n))
    draft = vault.save_draft("eyewitness_force", str(form.version), {"interviewee_code": "W-103"})
    main = window.main
    main.show_list()
    model = main.list_view.model
    assert model.rowCount() == 3  # the draft is in the default list, first

    def row(r: int) -> dict[str, str]:
        return {key: model.data(model.index(r, c)) for c, key in enumerate(RecordsModel.COLUMNS)}

    rows = [row(r) for r in range(3)]
    assert model.rows[0].id == draft and rows[0]["code"] == "W-103" and rows[0]["status"] == "Draft"
    by_code = {r["code"]: r for r in rows}
    assert "2012-04-20" in by_code["W-102"]["event_date"] and "Douma" in by_code["W-102"]["place"]
    assert by_code["W-102"]["summary"] != by_code["W-101"]["summary"]
    assert "2012-02" in by_code["W-101"]["event_date"] and "Homs" in by_code["W-101"]["place"]
    assert "near the main mosque" not in by_code["W-101"]["place"]  # no free text in the list


def test_one_digit_style_per_language(qtbot, unlocked, translations):
    from desktop.ui.answers_format import format_date

    window = unlocked
    main = window.main
    main.settings()
    dlg = main.settings_dialog
    dlg.language.setCurrentIndex(dlg.language.findData("ar"))
    dlg.save()
    qtbot.waitUntil(lambda: window.main is not main, timeout=3000)
    day = format_date({"precision": "day", "date": "2026-12-01"})
    assert day == "\u2066٢٠٢٦/١٢/٠١\u2069"  # Arabic-Indic, kept in year-month-day order (test_bidi_display)
    view = start(qtbot, window, "injured_person")
    label = view.progress_label.text()
    assert any("٠" <= c <= "٩" for c in label) and not any("0" <= c <= "9" for c in label)
    assert any("\u0621" <= c <= "\u064a" for c in label)  # and in Arabic words, not English ones
    view.flush()
    window.main.show_list()
    main = window.main
    main.settings()
    dlg = main.settings_dialog
    dlg.digits.setCurrentIndex(dlg.digits.findData("western"))
    dlg.save()
    qtbot.waitUntil(lambda: window.main is not main, timeout=3000)
    assert format_date({"precision": "day", "date": "2026-12-01"}) == "\u20662026-12-01\u2069"
    assert any("0" <= c <= "9" for c in window.main.list_view.counts.text())
    assert not any("٠" <= c <= "٩" for c in window.main.list_view.counts.text())


def test_qt_dialogs_speak_arabic(qtbot, translations):
    from PySide6.QtCore import QCoreApplication

    translations.install("ar")
    look_in = QCoreApplication.translate("QFileDialog", "Look in:")
    assert look_in != "Look in:" and any("\u0600" <= c <= "\u06ff" for c in look_in)


def test_settings_fit_a_1280x800_screen(qtbot, unlocked):
    dlg = SettingsDialog(unlocked.session, unlocked)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.scroll_area.widget().sizeHint().height() + 60 > dlg.height()  # it would not fit unscrolled
    assert dlg.height() <= 800 - 60
    assert dlg.frameGeometry().height() <= 800


def test_the_interview_fits_a_1366x768_laptop(qtbot, unlocked, translations):
    from PySide6.QtCore import QRect

    window = unlocked
    # 1366x768 at 100 % with a 32-pixel panel: what the window manager leaves
    available = QRect(0, 0, 1366, 768 - 32)
    window.fit_to(available)
    frame = window.FRAME_ALLOWANCE
    assert window.width() + frame.width() <= 1366 and window.height() + frame.height() <= 768 - 32
    for lang in ("en", "ar"):
        translations.install(lang)
        window.set_language(lang)
        view = start(qtbot, window, "eyewitness_force")
        qtbot.waitUntil(lambda: view.finish_button.isVisible(), timeout=3000)
        assert window.minimumSizeHint().height() <= window.height()
        for button in (view.discard_button, view.back_button, view.next_button, view.finish_button):
            corner = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(corner), (lang, button.text())
        view.flush()
        window.main.show_list()


def test_headquarters_says_identities_were_not_sent(qtbot, hq_and_field):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    from desktop.core import bundle
    from desktop.ui.analyst.record import AnalystRecordView
    from desktop.ui.base.labels import Labels
    from desktop.ui.base.session import Session

    from .conftest import FORMS

    ns = hq_and_field
    bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    rid = ns.hq.list_records()[0].id
    view = AnalystRecordView(Session(ns.hq, FORMS), rid, Labels("en", FORMS))
    qtbot.addWidget(view)
    assert view.back_button.text() == "← Testimonies"
    view.reveal()
    texts = []
    it = QTreeWidgetItemIterator(view.answers)
    while it.value():
        if it.value().data(1, Qt.ItemDataRole.UserRole) == "revealed":
            texts.append(it.value().text(1))
        it += 1
    assert texts and all(t == "(not sent to headquarters)" for t in texts)


def test_custody_log_and_redaction_picker_read_as_words(qtbot, unlocked):
    from desktop.core.records import save_new_record, save_revision

    from .conftest import FORMS
    from .helpers import demo_answers

    window = unlocked
    vault = window.session.vault
    form = FORMS.get("eyewitness_force")
    answers = demo_answers("eyewitness_force")
    rid = save_new_record(vault, form, answers)
    save_revision(vault, rid, form, answers)
    window.main.open_record(rid)
    view = window.main.record_view
    details = [view.custody.item(r, 2).text() for r in range(view.custody.rowCount())]
    assert details and not any("{" in d or '"' in d for d in details)
    assert any("revision: 2" in d for d in details)
    assert any("form: Eyewitness" in d for d in details) and not any("eyewitness_force" in d for d in details)
    panel = view.redaction_panel
    labels = [panel.field_combo.itemText(i) for i in range(panel.field_combo.count())]
    assert labels and not any("[" in t or "_" in t for t in labels)
    assert any(t.startswith("Act 1 › ") for t in labels)


def test_demo_opens_field_and_headquarters_and_a_wipe_inside_closes_cleanly(qtbot, tmp_path, translations):
    from desktop.ui.analyst.window import AnalystScreen
    from desktop.ui.app import close_demo, open_demo
    from desktop.ui.main_window import MainScreen

    root = tmp_path / "demo"
    root.mkdir()
    field, hq = open_demo(root, translations)
    for w in (field, hq):
        qtbot.addWidget(w)
    assert isinstance(field.main, MainScreen) and isinstance(hq.main, AnalystScreen)
    sent = field.session.vault.count_records()
    assert sent > 0 and hq.session.vault.count_records() == sent  # the bundle already arrived
    assert "headquarters" in hq.windowTitle() and "field" in field.windowTitle()
    hq.main._wipe()  # a quick wipe inside the demo
    assert not access.vault_exists(root / "hq")
    field.lock()
    for w in (field, hq):
        w.close()
    close_demo(root)
    assert not root.exists()


def test_focus_is_in_the_list_after_unlocking(qtbot, shell, make_vault):
    make_vault().lock()
    window = shell()
    activate(qtbot, window)
    screen = window.current
    qtbot.keyClicks(screen.secret, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is window.main.list_view.table, timeout=3000)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # shortcuts work at once
    qtbot.waitUntil(lambda: window.main.interview is not None, timeout=3000)
    window.lock()


def test_a_choice_shows_its_follow_up_question_before_the_next_tab(qtbot, unlocked):
    window = unlocked
    activate(qtbot, window)
    view = start(qtbot, window, "eyewitness_force")
    view.go_to(section_of(view, "casualties_seen"))
    seen = row_for(view, "casualties_seen").editor
    killed = row_for(view, "killed_seen")
    assert killed.isHidden()
    seen.focus_target().setFocus()
    qtbot.waitUntil(lambda: focused() is seen.buttons["yes"], timeout=2000)
    qtbot.keyClick(seen.buttons["yes"], Qt.Key.Key_Space)
    assert not killed.isHidden()  # at once, not after a pause
    qtbot.keyClick(seen.buttons["yes"], Qt.Key.Key_Tab)
    assert focused() is killed.editor.focus_target()


def test_arabic_words_typed_into_a_narrative_reach_the_draft(qtbot, unlocked, translations):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = unlocked
    translations.install("ar")
    window.set_language("ar")
    view = start(qtbot, window, "eyewitness_force")
    view.go_to(section_of(view, "witness_position"))
    edit = row_for(view, "witness_position").editor.edit
    edit.setFocus()
    words = "على درج الفرن"
    for ch in words:  # key events with Arabic text, as a keyboard layout sends them
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    assert row_for(view, "witness_position").editor.value() == words
    view.flush()
    assert window.session.vault.load_draft(view.draft_id).answers["witness_position"] == words


def test_date_filters_read_year_first_in_arabic(qtbot, unlocked, translations):
    window = unlocked
    translations.install("ar")
    window.set_language("ar")
    listing = window.main.list_view
    assert listing.isRightToLeft()
    for edit in (listing.since, listing.until):  # 2026-12-01, not reordered into 01-12-2026
        assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_attachment_kinds_are_words_of_the_interface(qtbot, translations):
    from desktop.ui.cleaning_report import CleaningWords

    translations.install("ar")
    kinds = [CleaningWords().kind(k) for k in ("image", "audio", "video", "document")]
    assert all(any("\u0621" <= c <= "\u064a" for c in k) for k in kinds), kinds
    translations.install("en")
    assert CleaningWords().kind("image") == "image"
