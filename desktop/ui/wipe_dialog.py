"""Quick wipe, behind a deliberate typed confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .base.widgets import PlainLabel, heading


class QuickWipeDialog(QDialog):
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick wipe"))
        self.word = self.tr("WIPE")
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Destroy this vault now?")))
        lay.addWidget(PlainLabel(self.tr(
            "The keys are destroyed first, in under a second; then every interview, draft and "
            "attachment in this vault is deleted. Nothing can bring them back, not even the "
            "recovery code. Export anything you need before wiping.")))
        if self.word == "WIPE":
            prompt = self.tr("To confirm, type the word «{word}» below.").format(word=self.word)
        else:  # a translated word may not be typeable on the keyboard at hand
            prompt = self.tr("To confirm, type the word «{word}» below (or «WIPE» on a Latin keyboard).").format(
                word=self.word)
        self.prompt = PlainLabel(prompt)
        lay.addWidget(self.prompt)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(self.tr("Type {word} to confirm").format(word=self.word))
        lay.addWidget(self.edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.wipe_button = QPushButton(self.tr("Wipe the vault"))
        self.wipe_button.setObjectName("danger")
        self.wipe_button.setEnabled(False)
        self.buttons.addButton(self.wipe_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.rejected.connect(self.reject)
        self.wipe_button.clicked.connect(self._wipe)
        self.edit.textChanged.connect(self._check)
        lay.addWidget(self.buttons)
        self.edit.setFocus()

    def _ok(self) -> bool:
        typed = self.edit.text().strip()
        return typed in (self.word, "WIPE")

    def _check(self) -> None:
        self.wipe_button.setEnabled(self._ok())

    def _wipe(self) -> None:
        if self._ok():
            self.accept()
            self.confirmed.emit()
