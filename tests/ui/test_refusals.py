"""Refusals in the window come from their codes, translated; the same rule as the command line."""

from __future__ import annotations

from desktop.core.errors import MESSAGES, Refusal
from desktop.ui.base import refusals
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.unlock import UnlockScreen

from .conftest import PASSPHRASE


def test_every_code_has_its_english_template_in_the_window(translations):
    assert refusals.catalogue() == MESSAGES


def test_refusal_in_the_arabic_window_is_arabic(qtbot, unlocked, translations):
    translations.install("ar")
    dlg = SettingsDialog(unlocked.session, unlocked)
    qtbot.addWidget(dlg)
    dlg.new1.setText("12345678")
    dlg.new2.setText("12345678")
    dlg.pw_button.click()
    text = dlg.pw_message.text()
    assert any("\u0600" <= c <= "\u06ff" for c in text), text
    assert not any("a" <= c.lower() <= "z" for c in text), text
    assert refusals.message(Refusal(code="passphrase.too_short", minimum=8)).count("8") == 1


def test_window_refuses_the_passphrase_the_cli_refuses(qtbot, unlocked, translations):
    dlg = SettingsDialog(unlocked.session, unlocked)
    qtbot.addWidget(dlg)
    dlg.new1.setText("12345678")
    dlg.new2.setText("12345678")
    dlg.pw_button.click()
    assert dlg.pw_message.text() == MESSAGES["passphrase.weak"]
    assert dlg.pw_button.isEnabled()  # nothing started


def test_failed_unlocks_in_the_window_use_the_vault_limit(qtbot, make_vault, vault_path, translations):
    from desktop.core.services import access

    vault = make_vault()
    access.set_unlock_limit(vault, 2)
    access.lock(vault)
    screen = UnlockScreen(vault_path)
    qtbot.addWidget(screen)
    screen.secret.setText("not " + PASSPHRASE)
    with qtbot.waitSignal(screen.failed, timeout=20000):
        screen.submit()
    assert "1" in screen.error.text()
    screen.secret.setText("not " + PASSPHRASE)
    with qtbot.waitSignal(screen.wiped, timeout=20000):
        screen.submit()
    assert not (vault_path / "keyslots.bin").exists() and not (vault_path / "keyslots.json").exists()


def test_the_window_warns_when_the_counter_was_edited(qtbot, shell, make_vault, vault_path):
    import json

    from desktop.core.services import access
    from desktop.core.vault.guard import GUARD

    vault = make_vault()
    access.set_unlock_limit(vault, 5)
    access.lock(vault)
    doc = json.loads((vault_path / GUARD).read_text())
    doc["limit"] = 0  # switched off behind Testimony's back
    (vault_path / GUARD).write_text(json.dumps(doc))
    window = shell()
    screen = window.current
    screen.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=20000):
        screen.submit()
    assert window.guard_warning.isVisible()
    assert access.unlock_limit(window.session.vault) == 5
