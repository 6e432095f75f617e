"""The headquarters recipient card: its fingerprint to read aloud, and saving it
for researchers (they register it, then compare the fingerprint with us)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QFileDialog, QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.core.services import Vault, exchange

from ..base import refusals
from ..base.widgets import PlainLabel, heading


class CardDialog(QDialog):
    saved = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.card = exchange.hq_card(vault)
        self.setWindowTitle(self.tr("Recipient card"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Headquarters recipient card"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "Researchers encrypt their bundles to this card. Give them the card file, then read this "
            "fingerprint to them (or compare it on paper): it must match the one their laptop shows.")))
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), PlainLabel(self.card.org))
        self.fingerprint = PlainLabel(self.card.fingerprint, wrap=False, selectable=True)
        self.fingerprint.setObjectName("recoveryCode")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        lay.addLayout(form)
        self.message = PlainLabel("")
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save recipient card…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._choose)
        row.addWidget(close)
        row.addWidget(self.save_button)
        lay.addLayout(row)

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recipient card"), "headquarters-card.json",
                                              self.tr("Recipient cards (*.json)"))
        if path:
            self.save(Path(path))

    def save(self, out: Path) -> bool:
        try:
            exchange.write_card(self.card, out)
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.message.setText(refusals.message(exc))
            return False
        self.message.setText(self.tr("Card saved to {path}.").format(path=str(out)))
        self.saved.emit(str(out))
        return True
