from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.records import save_new_record
from desktop.ui.unlock import UnlockScreen

from .conftest import FORMS, PASSPHRASE
from .helpers import demo_answers, row_for, section_of, write_file

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000185d114090000000049454e44ae426082")


def start(qtbot, window, form_id):
    window.main.act_new.trigger()
    view = window.main.interview
    view.choose_type(form_id)
    with qtbot.waitSignal(view.started, timeout=3000):
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    return view


def add_attachment(qtbot, view, path):
    panel = view.attachments
    errors: list[str] = []
    panel.import_failed.connect(errors.append)
    with qtbot.waitSignal(panel.idle, timeout=10000):
        panel.add_files([path])
    assert not errors, errors
    return panel.items[-1]


def test_two_complete_interviews_with_repeat_groups_and_attachments(qtbot, unlocked, tmp_path):
    window = unlocked
    vault = window.session.vault

    # 1. Eyewitness: answers through the editors, one casualty added with the button.
    view = start(qtbot, window, "eyewitness_force")
    answers = demo_answers("eyewitness_force")
    answers.pop("casualties")
    view.set_answers(answers)
    view.go_to(section_of(view, "casualties"))
    repeat = row_for(view, "casualties").editor
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    assert len(repeat.entries) == 2
    qtbot.mouseClick(repeat.entries[1].remove_button, Qt.MouseButton.LeftButton)
    assert len(repeat.entries) == 1
    status = row_for(view, "casualties[0].status").editor
    status.combo.setCurrentIndex(status.combo.findData("killed"))
    qtbot.keyClicks(row_for(view, "casualties[0].name").editor.edit, "Fictional Victim")
    qtbot.keyClicks(row_for(view, "casualties[0].casualty_wound").editor.edit, "chest")
    att = add_attachment(qtbot, view, write_file(tmp_path, "scene.png", PNG))
    view.go_to(section_of(view, "footage_taken"))
    row_for(view, "footage_taken").editor.set_value("yes")
    footage = row_for(view, "event_footage").editor
    qtbot.mouseClick(footage.add_button, Qt.MouseButton.LeftButton)
    file_editor = row_for(view, "event_footage[0].event_footage_file").editor
    file_editor.combo.setCurrentIndex(file_editor.combo.findData(att.id))
    assert view.form.validate(view.answers()) == []
    with qtbot.waitSignal(view.closed, timeout=5000) as closed:
        qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    rid = closed.args[0]
    assert rid
    rec = vault.get_record(rid)
    assert rec.public["casualties"][0]["status"] == "killed"
    assert "name" not in rec.public["casualties"][0]  # identifying: kept apart
    assert [a.id for a in rec.attachments] == [att.id]
    assert rec.public["acts"][0]["act_type"] == "killing"
    revealed = vault.get_record(rid, reveal=True)
    assert revealed.identity["casualties"][0]["name"] == "Fictional Victim"
    assert window.main.record_view is not None  # the saved record is shown

    # 2. Injured person: a repeat group of people and a required attachment group.
    view = start(qtbot, window, "injured_person")
    answers = demo_answers("injured_person")
    view.set_answers(answers)
    view.go_to(section_of(view, "injury_photos"))
    photo = add_attachment(qtbot, view, write_file(tmp_path, "wound.png", PNG))
    photos = row_for(view, "injury_photos").editor
    qtbot.mouseClick(photos.add_button, Qt.MouseButton.LeftButton)
    ed = row_for(view, "injury_photos[0].injury_photo").editor
    ed.combo.setCurrentIndex(ed.combo.findData(photo.id))
    harmed = row_for(view, "others_harmed").editor
    qtbot.mouseClick(harmed.add_button, Qt.MouseButton.LeftButton)
    assert len(harmed.entries) == 2
    assert view.form.validate(view.answers()) == []
    with qtbot.waitSignal(view.closed, timeout=5000) as closed:
        qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    rec = vault.get_record(closed.args[0], reveal=True)
    assert rec.form_id == "injured_person"
    assert len(rec.public["others_harmed"]) == 2
    assert rec.identity["injury_photos"][0]["injury_photo"] == photo.id
    assert vault.count_records() == 2
    assert vault.drafts() == []


def test_required_and_constraint_errors_shown_as_you_go(qtbot, unlocked):
    view = start(qtbot, unlocked, "eyewitness_force")
    code = row_for(view, "researcher_code")
    qtbot.keyClicks(code.editor.edit, "R1")
    for _ in range(2):
        qtbot.keyClick(code.editor.edit, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(view.checked, timeout=3000):
        pass
    assert code.issue.isVisible()
    assert "needs an answer" in code.issue.text()
    qtbot.keyClicks(code.editor.edit, "R-07")
    with qtbot.waitSignal(view.checked, timeout=3000):
        pass
    assert not code.issue.isVisible()
    # Next refuses to move on and shows every problem of the section
    assert view.next() is False
    assert view.section_index == 0
    assert row_for(view, "interview_language").issue.isVisible()
    # a constraint, in another section
    view.go_to(section_of(view, "interviewee_age"))
    age = row_for(view, "interviewee_age")
    qtbot.keyClicks(age.editor.edit, "130")
    with qtbot.waitSignal(view.checked, timeout=3000):
        pass
    assert age.issue.isVisible() and "120" in age.issue.text()
    # relevance: an answer shows the follow-up question
    view.go_to(0)
    who = row_for(view, "others_present_who")
    assert who.isHidden()
    row_for(view, "others_present").editor.buttons["yes"].click()
    view.refresh_relevance()
    assert not who.isHidden()
    # saving is refused while answers are missing
    assert view.finish() is None
    assert "need attention" in view.summary.text()


def test_draft_autosaved_kept_through_lock_and_offered_back(qtbot, unlocked):
    window = unlocked
    view = start(qtbot, window, "injured_person")
    view.autosave_timer.setInterval(20)
    code = row_for(view, "researcher_code").editor
    with qtbot.waitSignal(view.autosaved, timeout=3000):
        qtbot.keyClicks(code.edit, "R-99")
    draft_id = view.draft_id
    assert window.session.vault.load_draft(draft_id).answers["researcher_code"] == "R-99"
    qtbot.keyClicks(row_for(view, "interviewee_code").editor.edit, "I-555")  # not yet autosaved
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(window.locked, timeout=3000):
        qtbot.keyClick(row_for(view, "interviewee_code").editor.edit, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier)
    screen = window.current
    assert isinstance(screen, UnlockScreen)
    qtbot.keyClicks(screen.secret, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    main = window.main
    assert main.banner.isVisibleTo(window)
    qtbot.mouseClick(main.resume_button, Qt.MouseButton.LeftButton)
    view = main.interview
    assert view.draft_id == draft_id
    assert row_for(view, "researcher_code").editor.value() == "R-99"
    assert row_for(view, "interviewee_code").editor.value() == "I-555"  # flushed on lock


def test_cancel_attachment_encryption(qtbot, unlocked, tmp_path):
    view = start(qtbot, unlocked, "injured_person")
    big = tmp_path / "big.bin"
    with open(big, "wb") as f:
        f.truncate(64 * 1024 * 1024)
    panel = view.attachments
    panel.progress.setValue(0)
    with qtbot.waitSignal(panel.import_failed, timeout=20000) as failed:
        panel.add_files([big])
        panel.cancel_button.click()
    assert "Cancelled" in failed.args[0]
    assert panel.items == []
    assert list((unlocked.session.vault.path / "blobs").iterdir()) == []


def test_identity_mask(qtbot, unlocked):
    window = unlocked
    vault = window.session.vault
    form = FORMS.get("eyewitness_force")
    rid = save_new_record(vault, form, demo_answers("eyewitness_force"))
    window.main.open_record(rid)
    view = window.main.record_view
    items = view.masked_items()
    assert items and all(i.data(1, Qt.ItemDataRole.UserRole) == "masked" for i in items)
    texts = [i.text(1) for i in items]
    assert not any("Samir" in t for t in texts)
    with qtbot.waitSignal(view.revealed, timeout=2000):
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert any("Samir Haddad" in i.text(1) for i in view.masked_items())
    assert any(e.action == "identity.reveal" for e in vault.custody(rid))
    # masked again after the timeout
    view.reveal_timer.setInterval(30)
    view.reveal_timer.start()
    with qtbot.waitSignal(view.revealed, timeout=2000) as blocker:
        pass
    assert blocker.args == [False]
    assert not any("Samir" in i.text(1) for i in view.masked_items())
    # revealed, then locked: masked after unlocking
    view.reveal()
    with qtbot.waitSignal(window.locked, timeout=2000):
        window.main.act_lock.trigger()
    screen = window.current
    qtbot.keyClicks(screen.secret, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    window.main.open_record(rid)
    view = window.main.record_view
    assert not view.is_revealed
    assert all(i.data(1, Qt.ItemDataRole.UserRole) == "masked" for i in view.masked_items())
