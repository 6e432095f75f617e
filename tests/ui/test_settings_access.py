"""Settings that reach into the vault (duress passphrase, researcher code), and
keyboard access: every control of the main screens can take focus and has a
name a screen reader can speak."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.core.cards import device_identity
from desktop.core.crypto import SLOT_VMK, normalize_recovery_code
from desktop.core.vault import Vault, slotstore
from desktop.core.vault.access import _open_any
from desktop.ui.settings_dialog import SettingsDialog

from .conftest import PASSPHRASE


def test_duress_passphrase_and_researcher_code(qtbot, unlocked, vault_path):
    session = unlocked.session
    session.vault.add_record("injured_person", "1.0.0", {"injury_circumstances": "shot near the bakery"}, {})
    dlg = SettingsDialog(session, unlocked)
    qtbot.addWidget(dlg)
    dlg.current.setText("not my passphrase")
    dlg.duress1.setText("the words under duress")
    dlg.duress2.setText("the words under duress")
    dlg.duress_button.click()
    qtbot.waitUntil(lambda: dlg.duress_button.isEnabled(), timeout=10000)
    assert "Wrong passphrase" in dlg.duress_message.text()
    dlg.current.setText(PASSPHRASE)
    dlg.duress_button.click()
    qtbot.waitUntil(lambda: "set" in dlg.duress_message.text() and dlg.duress_button.isEnabled(), timeout=10000)
    # every key was replaced: the dialog shows the new recovery code, once
    code = re.search(r"([A-Z0-9]{4}(?:-[A-Z0-9]{4}){7})", dlg.duress_message.text())
    assert code is not None
    dlg.researcher.setText("R-07")
    dlg.save()
    assert session.vault.meta("researcher_code") == "R-07"
    fingerprint = device_identity(session.vault)[1]
    unlocked.lock()
    store = slotstore.load(vault_path)
    opened = _open_any(store, "recovery", normalize_recovery_code(code.group(1)))
    assert opened is not None and opened[0] == SLOT_VMK  # the shown code opens the vault
    # the decoy (no normal unlock in between) shows the same device and researcher code
    empty = Vault.unlock(vault_path, "the words under duress")
    assert empty.count_records() == 0
    assert device_identity(empty)[1] == fingerprint and empty.meta("researcher_code") == "R-07"
    empty.lock()


INPUTS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def _unreachable(root: QWidget) -> list[str]:
    problems = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or not w.isVisibleTo(root) or not w.isEnabled():
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(w, QAbstractButton):
            problems.append(f"{type(w).__name__} {w.objectName()!r} cannot take keyboard focus")
        named = w.accessibleName() or (isinstance(w, QAbstractButton) and w.text().strip())
        if not named:
            problems.append(f"{type(w).__name__} {w.objectName()!r} has no accessible name")
    return problems


def test_main_screens_are_keyboard_reachable_and_named(qtbot, unlocked):
    main = unlocked.main
    main.show_list()
    assert _unreachable(main.list_view) == []
    dlg = SettingsDialog(unlocked.session, unlocked)
    qtbot.addWidget(dlg)
    dlg.show()
    assert _unreachable(dlg) == []
    # Ctrl+L locks from anywhere in the window
    shortcuts = {a.shortcut().toString() for a in unlocked.findChildren(QAction)}
    assert "Ctrl+L" in shortcuts
