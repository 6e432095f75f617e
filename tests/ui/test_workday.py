"""A researcher's real day at the keyboard: autosave while typing, resuming
where they were, yes/no questions from the keyboard, focus where the work is,
Tab order through repeats, quick wipe from anywhere, and the current
passphrase before a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.services import access
from desktop.core.vault import Vault
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.unlock import UnlockScreen

from .conftest import PASSPHRASE


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
