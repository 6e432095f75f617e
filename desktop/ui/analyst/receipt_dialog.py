"""Receipts: a small signed file telling a researcher what headquarters received,
so the field laptop may forget it (send-only handover)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.core.services import Vault, exchange

from ..base import refusals
from ..base.widgets import PlainLabel, clean_text, heading

ImportedBundle = exchange.ImportedBundle
imported_bundles = exchange.imported_bundles


def save_receipt(vault: Vault, bundle_id: str, out: Path) -> None:
    """Sign a receipt for ``bundle_id`` and write it to ``out`` (a new file; never over one that exists)."""
    exchange.write_receipt(vault, bundle_id, Path(out))


def ask_receipt_path(parent: QWidget, bundle_id: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReceiptDialog", "Save the receipt"), f"receipt-{bundle_id[:8]}.json",
        QCoreApplication.translate("ReceiptDialog", "Receipts (*.json)"))
    return path


class ReceiptDialog(QDialog):
    written = Signal(str)  # path

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Receipts for researchers"))
        self.setMinimumSize(760, 380)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Write a receipt"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "A receipt is signed with the headquarters key and lists what a bundle delivered. Give it to "
            "the researcher: their laptop can then forget the identities, or the whole testimonies, "
            "that headquarters now holds.")))
        self.bundles = imported_bundles(vault)
        self.table = QTableWidget(len(self.bundles), 4)
        self.table.setAccessibleName(self.tr("Imported bundles"))
        self.table.setHorizontalHeaderLabels([self.tr("Bundle"), self.tr("Researcher"), self.tr("Device"),
                                              self.tr("Testimonies")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for i, b in enumerate(self.bundles):
            for col, text in enumerate([b.bundle_id, clean_text(b.researcher or "—"), b.device, str(b.records)]):
                item = QTableWidgetItem(text)
                if col in (0, 2):
                    item.setFont(mono)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if self.bundles:
            # through the selection model: setCurrentCell() does nothing in a right-to-left
            # table that has not been shown yet
            sel = self.table.selectionModel()
            sel.setCurrentIndex(self.table.model().index(0, 0),
                                sel.SelectionFlag.ClearAndSelect | sel.SelectionFlag.Rows)
        lay.addWidget(self.table, 1)
        self.message = PlainLabel(self.tr("No bundle has been imported yet.") if not self.bundles else "")
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.write_button = QPushButton(self.tr("Write receipt…"))
        self.write_button.setDefault(True)
        self.write_button.setEnabled(bool(self.bundles))
        self.write_button.clicked.connect(self._choose)
        row.addWidget(close)
        row.addWidget(self.write_button)
        lay.addLayout(row)

    def selected_bundle(self) -> str | None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        row = rows[0] if rows else self.table.currentRow()
        return self.bundles[row].bundle_id if 0 <= row < len(self.bundles) else None

    def _choose(self) -> None:
        bundle_id = self.selected_bundle()
        if bundle_id is None:
            return
        path = ask_receipt_path(self, bundle_id)
        if path:
            self.write(bundle_id, Path(path))

    def write(self, bundle_id: str, out: Path) -> bool:
        try:
            save_receipt(self.vault, bundle_id, out)
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.message.setText(refusals.message(exc))
            return False
        self.message.setText(self.tr("Receipt written to {path}. Give it to the researcher.").format(path=str(out)))
        self.written.emit(str(out))
        return True
