"""Said on the next start when the recovery code was never confirmed kept (the app
stopped on the recovery page): make a new code, write it down, type it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.core.services import Vault, access

from .base.widgets import PlainLabel, heading
from .first_run import FirstRunScreen


class RecoveryReminderDialog(QDialog):
    confirmed = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._code = ""
        self.setWindowTitle(self.tr("Recovery code not confirmed"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("The recovery code was never confirmed"), level=2))
        self.explain = PlainLabel(self.tr(
            "When this vault was created, the recovery code was shown but never typed back, so it may not "
            "have been written down. Without it, a forgotten passphrase means losing every interview. "
            "Make a new recovery code now: the old one stops working."))
        lay.addWidget(self.explain)
        self.code_label = PlainLabel("", wrap=False, selectable=True)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.hide()
        lay.addWidget(self.code_label)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setAccessibleName(self.tr("Recovery code from your paper copy"))
        self.confirm_edit.setPlaceholderText(self.tr("Type the new code from your paper copy"))
        self.confirm_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.confirm_edit.hide()
        self.confirm_edit.returnPressed.connect(self._check)
        lay.addWidget(self.confirm_edit)
        self.message = PlainLabel("")
        self.message.setObjectName("error")
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.later_button = QPushButton(self.tr("Remind me next time"))
        self.later_button.clicked.connect(self.reject)
        self.make_button = QPushButton(self.tr("Make a new recovery code"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_code)
        self.done_button = QPushButton(self.tr("I wrote it down: check it"))
        self.done_button.hide()
        self.done_button.clicked.connect(self._check)
        row.addWidget(self.later_button)
        row.addStretch(1)
        row.addWidget(self.make_button)
        row.addWidget(self.done_button)
        lay.addLayout(row)
        self.make_button.setFocus()

    def make_code(self) -> None:
        self._code = access.replace_recovery_code(self.vault)
        self.code_label.setText(self._code)
        self.explain.setText(self.tr(
            "Write this code on paper now and keep it apart from this computer, then type it below. "
            "It is shown only once."))
        for w in (self.code_label, self.confirm_edit, self.done_button):
            w.show()
        self.make_button.hide()
        self.done_button.setDefault(True)
        self.confirm_edit.setFocus()

    def _check(self) -> None:
        if not self._code:
            return
        if FirstRunScreen._norm(self.confirm_edit.text()) != FirstRunScreen._norm(self._code):
            self.message.setText(self.tr("That does not match the recovery code. Check your copy."))
            return
        self._code = ""
        access.confirm_recovery_code(self.vault)
        self.confirmed.emit()
        self.accept()


def remind_if_unconfirmed(vault: Vault, parent: QWidget) -> RecoveryReminderDialog | None:
    if not access.recovery_code_unconfirmed(vault):
        return None
    dlg = RecoveryReminderDialog(vault, parent)
    dlg.open()
    return dlg
