from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.first_run import FirstRunScreen
from desktop.ui.unlock import UnlockScreen

from .conftest import PASSPHRASE


def test_create_vault_through_first_run(qtbot, shell, vault_path):
    window = shell()
    screen = window.current
    assert isinstance(screen, FirstRunScreen)
    if screen.kdf is None:
        with qtbot.waitSignal(screen.calibrated, timeout=10000):
            pass
    assert "Argon2id" in screen.cost.text()
    qtbot.keyClicks(screen.pass1, "short")
    assert not screen.create_button.isEnabled()
    assert "Too weak" in screen.strength_label.text()
    screen.pass1.clear()
    qtbot.keyClicks(screen.pass1, PASSPHRASE)
    qtbot.keyClicks(screen.pass2, PASSPHRASE + "x")
    assert "differ" in screen.error.text()
    qtbot.keyClick(screen.pass2, Qt.Key.Key_Backspace)
    assert screen.create_button.isEnabled()
    with qtbot.waitSignal(screen.code_shown, timeout=10000):
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    code = screen.code_label.text()
    assert len(code.replace("-", "")) == 32
    assert not screen.next_button.isEnabled()
    screen.kept.setChecked(True)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.code_label.text() == ""  # the code is not left on screen
    qtbot.keyClicks(screen.confirm_edit, "WRONG-CODE")
    qtbot.mouseClick(screen.finish_button, Qt.MouseButton.LeftButton)
    assert "does not match" in screen.confirm_error.text()
    screen.confirm_edit.clear()
    qtbot.keyClicks(screen.confirm_edit, code.lower().replace("-", " "))
    with qtbot.waitSignal(window.unlocked, timeout=5000):
        qtbot.mouseClick(screen.finish_button, Qt.MouseButton.LeftButton)
    assert window.main is not None
    assert (vault_path / "keyslots.bin").exists()


def test_unlock_wrong_then_right(qtbot, shell, make_vault):
    make_vault().lock()
    window = shell()
    screen = window.current
    assert isinstance(screen, UnlockScreen)
    qtbot.keyClicks(screen.secret, "not the passphrase")
    with qtbot.waitSignal(screen.failed, timeout=10000) as blocker:
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert "Wrong passphrase" in blocker.args[0]
    assert "Wrong passphrase" in screen.error.text()
    assert screen.secret.isEnabled()
    screen.secret.clear()
    qtbot.keyClicks(screen.secret, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and not window.session.is_locked


def test_unlock_with_recovery_code(qtbot, shell, vault_path):
    from desktop.core.vault import Vault

    vault, code = Vault.create(vault_path, PASSPHRASE)
    vault.lock()
    window = shell()
    screen = window.current
    qtbot.mouseClick(screen.mode_button, Qt.MouseButton.LeftButton)
    assert screen.secret.echoMode() == screen.secret.EchoMode.Normal
    qtbot.keyClicks(screen.secret, code)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.keyClick(screen.secret, Qt.Key.Key_Return)


def test_lock_shortcut_returns_to_unlock(qtbot, unlocked):
    window = unlocked
    with qtbot.waitSignal(window.locked, timeout=2000):
        window.main.act_lock.trigger()
    assert isinstance(window.current, UnlockScreen)
    assert window.session is None
