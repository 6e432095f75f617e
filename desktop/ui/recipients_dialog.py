"""Trusted recipients (field side): register a headquarters card only after
comparing its fingerprint with headquarters, and see the cards trusted so far."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QHeaderView,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core.services import Vault, exchange

from .base import refusals
from .base.widgets import PlainLabel, clean_text, heading


class TrustedRecipientsDialog(QDialog):
    trusted = Signal(object)  # exchange.Card
    card_refused = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.pending: tuple[bytes, exchange.Card] | None = None
        self.setWindowTitle(self.tr("Trusted recipients"))
        self.setMinimumSize(640, 440)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Headquarters this laptop may send bundles to"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "A bundle can only be opened by the headquarters whose card you trust. Register a card only "
            "after comparing its fingerprint with headquarters by voice or on paper: a forged card would "
            "send your interviews to someone else.")))
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Trusted recipients"))
        self.table.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Fingerprint")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)

        self.confirm_box = QFrame()
        self.confirm_box.setObjectName("identityBar")
        c = QVBoxLayout(self.confirm_box)
        c.addWidget(PlainLabel(self.tr(
            "Compare this fingerprint with headquarters (read it aloud on a call, or check their paper copy). "
            "Register the card only if every group matches.")))
        form = QFormLayout()
        self.card_org = PlainLabel("")
        form.addRow(self.tr("Organisation:"), self.card_org)
        self.card_fp = PlainLabel("", wrap=False, selectable=True)
        self.card_fp.setObjectName("recoveryCode")
        self.card_fp.setFont(mono)
        self.card_fp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.card_fp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_fp.setAccessibleName(self.tr("Card fingerprint"))
        form.addRow(self.tr("Fingerprint:"), self.card_fp)
        c.addLayout(form)
        self.matches = QCheckBox(self.tr("Headquarters confirmed this exact fingerprint"))
        c.addWidget(self.matches)
        row = QHBoxLayout()
        row.addStretch(1)
        discard = QPushButton(self.tr("Do not register"))
        discard.clicked.connect(self.discard)
        self.trust_button = QPushButton(self.tr("Register this card"))
        self.trust_button.setEnabled(False)
        self.matches.toggled.connect(self.trust_button.setEnabled)
        self.trust_button.clicked.connect(self.confirm)
        row.addWidget(discard)
        row.addWidget(self.trust_button)
        c.addLayout(row)
        self.confirm_box.hide()
        lay.addWidget(self.confirm_box)

        self.message = PlainLabel("")
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a card…"))
        self.import_button.clicked.connect(self.choose_card)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        trusted = exchange.recipients(self.vault)
        self.table.setRowCount(len(trusted))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for i, card in enumerate(trusted):
            self.table.setItem(i, 0, QTableWidgetItem(clean_text(card.org)))
            fp = QTableWidgetItem(card.fingerprint)
            fp.setFont(mono)
            self.table.setItem(i, 1, fp)
        if not trusted and self.pending is None:
            self.message.setText(self.tr("No headquarters card registered yet."))

    def choose_card(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Headquarters recipient card"), "",
                                              self.tr("Recipient cards (*.json);;All files (*)"))
        if path:
            self.load_card(Path(path))

    def load_card(self, path: Path) -> bool:
        """Read and check a card; show it for comparison (nothing is trusted yet)."""
        try:
            with open(path, "rb") as f:
                data = f.read(exchange.MAX_CARD_BYTES + 1)
            card = exchange.parse_card(data)
        except Exception as exc:  # noqa: BLE001 - a refused card is shown, not raised
            text = refusals.message(exc)
            self.message.setText(text)
            self.card_refused.emit(text)
            return False
        self.pending = (data, card)
        self.card_org.setText(card.org)
        self.card_fp.setText(card.fingerprint)
        self.matches.setChecked(False)
        self.trust_button.setEnabled(False)
        self.message.setText("")
        self.confirm_box.show()
        return True

    def discard(self) -> None:
        self.pending = None
        self.confirm_box.hide()
        self.message.setText(self.tr("The card was not registered."))

    def confirm(self) -> None:
        if self.pending is None or not self.matches.isChecked():
            return
        data, _card = self.pending
        try:
            card = exchange.trust_card(self.vault, data)
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.message.setText(refusals.message(exc))
            return
        self.pending = None
        self.confirm_box.hide()
        self.message.setText(self.tr("Registered {org}. You can now export bundles to it.").format(org=card.org))
        self.refresh()
        self.trusted.emit(card)
