"""Unlock: passphrase or recovery code; Argon2id runs on a worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from desktop.core.services import access

from .base import refusals, workers
from .base.settings import Settings
from .base.widgets import WIPE_SHORTCUT, PlainLabel, heading


class UnlockScreen(QWidget):
    """Emits ``unlocked(vault)``; ``failed(message)`` after a refused attempt."""

    unlocked = Signal(object)
    failed = Signal(str)
    wiped = Signal()

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock")
        self.vault_path = Path(vault_path)
        self._recovery = False
        self.task: workers.Task | None = None
        self.guard_tampered = False
        self.failed_before = 0

        box = QWidget()
        box.setMaximumWidth(560)
        lay = QVBoxLayout(box)
        self.title = heading(self.tr("Unlock the vault"))
        lay.addWidget(self.title)
        self.explain = PlainLabel(self.tr("Enter your passphrase."))
        lay.addWidget(self.explain)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase"))
        lay.addWidget(self.secret)
        self.error = PlainLabel("")
        self.error.setObjectName("error")
        self.error.setAccessibleName(self.tr("Unlock message"))
        lay.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy_label = PlainLabel(self.tr("Deriving the key… this is slow on purpose."))
        self.busy_label.setObjectName("hint")
        self.busy_label.setVisible(False)
        lay.addWidget(self.busy)
        lay.addWidget(self.busy_label)
        row = QHBoxLayout()
        self.mode_button = QPushButton(self.tr("Use the recovery code instead"))
        self.mode_button.setFlat(True)
        self.mode_button.setObjectName("link")
        self.mode_button.clicked.connect(self.toggle_recovery)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.submit)
        self.secret.returnPressed.connect(self.submit)
        row.addWidget(self.mode_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        lay.addLayout(row)
        self.hint = PlainLabel(self.tr("Vault: {path}").format(path=str(self.vault_path)))
        self.hint.setObjectName("hint")
        lay.addWidget(self.hint)
        # under pressure there may be no time to unlock first
        wipe_row = QHBoxLayout()
        wipe_row.addStretch(1)
        self.wipe_button = QPushButton(self.tr("Quick wipe…"))
        self.wipe_button.setObjectName("danger")
        self.wipe_button.setToolTip(QKeySequence(WIPE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText))
        self.wipe_button.clicked.connect(self.quick_wipe)
        wipe_row.addWidget(self.wipe_button)
        lay.addLayout(wipe_row)
        self.wipe_shortcut = QShortcut(QKeySequence(WIPE_SHORTCUT), self)
        self.wipe_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.wipe_shortcut.activated.connect(self.quick_wipe)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(box, 3)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)
        self.secret.setFocus()

    def quick_wipe(self) -> None:
        if self.task is not None:
            return
        from .wipe_dialog import QuickWipeDialog

        dlg = QuickWipeDialog(self)
        dlg.confirmed.connect(self._wipe)
        self.wipe_dialog = dlg
        dlg.open()

    def _wipe(self) -> None:
        access.wipe(self.vault_path)
        self.wiped.emit()

    def toggle_recovery(self) -> None:
        self._recovery = not self._recovery
        self.secret.clear()
        self.error.setText("")
        if self._recovery:
            self.explain.setText(self.tr("Enter the recovery code from your paper copy. "
                                         "After unlocking, set a new passphrase in Settings."))
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.secret.setAccessibleName(self.tr("Recovery code"))
            self.mode_button.setText(self.tr("Use the passphrase instead"))
        else:
            self.explain.setText(self.tr("Enter your passphrase."))
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setAccessibleName(self.tr("Passphrase"))
            self.mode_button.setText(self.tr("Use the recovery code instead"))
        self.secret.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.secret.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.mode_button.setEnabled(not busy)

    def submit(self) -> None:
        if self.task is not None:
            return
        secret = self.secret.text()
        if not secret:
            self.error.setText(self.tr("Enter your passphrase first.") if not self._recovery
                               else self.tr("Enter the recovery code first."))
            return
        path, recovery = self.vault_path, self._recovery
        self.error.setText("")
        self._set_busy(True)
        if recovery:
            fn = lambda: access.unlock(path, recovery_code=secret)  # noqa: E731
        else:
            fn = lambda: access.unlock(path, passphrase=secret)  # noqa: E731
        self.task = workers.run_task(fn)
        self.task.finished.connect(self._on_unlocked)
        self.task.failed.connect(self._on_failed)

    def _on_unlocked(self, opened: access.Unlocked) -> None:
        self.task = None
        self.secret.clear()
        self._set_busy(False)
        settings = Settings()
        legacy = settings.take_legacy_wipe_after()
        if legacy and not access.unlock_limit(opened.vault):
            access.set_unlock_limit(opened.vault, min(legacy, access.MAX_UNLOCK_LIMIT))
        self.guard_tampered = opened.guard_tampered
        self.failed_before = opened.failed_since_last_unlock
        self.unlocked.emit(opened.vault)

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.secret.selectAll()
        self.secret.setFocus()
        code = getattr(exc, "code", "")
        if code == "unlock.wiped":
            self.wiped.emit()
            return
        if code in ("unlock.wrong_passphrase", "unlock.wrong_recovery_code", "unlock.attempts_left",
                    "unlock.recovery_attempts_left"):
            message = (self.tr("Wrong recovery code. Check it against your paper copy.") if self._recovery
                       else self.tr("Wrong passphrase. Check the keyboard layout and Caps Lock, then try again."))
            left = getattr(exc, "params", {}).get("left")
            if left is not None:
                message += " " + self.tr("{n} attempt(s) left before the vault is wiped.").format(n=left)
        else:
            message = refusals.message(exc)
        self.error.setText(message)
        self.failed.emit(message)
