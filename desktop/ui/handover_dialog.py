"""Receipts and handover (field side): import a signed receipt from headquarters,
then let this laptop forget what headquarters confirmed receiving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QFileDialog, QFrame, QHBoxLayout, QPushButton, QRadioButton,
    QVBoxLayout, QWidget,
)

from desktop.core.services import Vault, exchange

from .base import refusals, workers
from .base.widgets import PlainLabel, heading, hline

MAX_RECEIPT = 16 * 1024 * 1024


class HandoverDialog(QDialog):
    receipt_imported = Signal(dict)
    receipt_refused = Signal(str)
    handed_over = Signal(list)  # record ids forgotten
    handover_failed = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.task: workers.Task | None = None
        self.setWindowTitle(self.tr("Receipts and handover"))
        self.setMinimumWidth(640)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Receipts from headquarters"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "Headquarters signs a receipt listing what a bundle delivered. Importing it here checks the "
            "signature against the card you trusted.")))
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import receipt…"))
        self.import_button.clicked.connect(self.choose_receipt)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.receipt_message = PlainLabel("")
        lay.addWidget(self.receipt_message)
        lay.addWidget(hline())

        lay.addWidget(heading(self.tr("Hand over"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "So that a seized laptop holds as little as possible, forget what headquarters has confirmed "
            "receiving. A testimony edited since it was sent keeps its unsent revision and is left alone.")))
        self.received = PlainLabel("")
        self.received.setAccessibleName(self.tr("Confirmed received"))
        lay.addWidget(self.received)
        self.forget_identities = QRadioButton(self.tr("Forget the identities (names, contacts); keep the testimonies"))
        self.forget_records = QRadioButton(self.tr("Delete the testimonies entirely from this laptop"))
        self.forget_identities.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.forget_identities)
        group.addButton(self.forget_records)
        lay.addWidget(self.forget_identities)
        lay.addWidget(self.forget_records)

        self.confirm_box = QFrame()
        self.confirm_box.setObjectName("identityBar")
        c = QVBoxLayout(self.confirm_box)
        self.confirm_text = PlainLabel("")
        c.addWidget(self.confirm_text)
        self.understood = QCheckBox(self.tr("I understand this cannot be undone"))
        c.addWidget(self.understood)
        crow = QHBoxLayout()
        crow.addStretch(1)
        back = QPushButton(self.tr("Not now"))
        back.clicked.connect(self.cancel_handover)
        self.forget_button = QPushButton(self.tr("Forget now"))
        self.forget_button.setObjectName("danger")
        self.forget_button.setEnabled(False)
        self.understood.toggled.connect(self.forget_button.setEnabled)
        self.forget_button.clicked.connect(self.run_handover)
        crow.addWidget(back)
        crow.addWidget(self.forget_button)
        c.addLayout(crow)
        self.confirm_box.hide()
        lay.addWidget(self.confirm_box)

        self.message = PlainLabel("")
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        self.handover_button = QPushButton(self.tr("Hand over…"))
        self.handover_button.clicked.connect(self.ask_handover)
        buttons.addWidget(self.handover_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        n = len(exchange.received_records(self.vault))
        self.received.setText(self.tr("{n} testimonies are confirmed received by headquarters.").format(
            n=QLocale().toString(n)))
        self.handover_button.setEnabled(n > 0 and self.task is None)

    # ---------------------------------------------------------------- receipts
    def choose_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Receipt from headquarters"), "",
                                              self.tr("Receipts (*.json);;All files (*)"))
        if path:
            self.load_receipt(Path(path))

    def load_receipt(self, path: Path) -> bool:
        try:
            data = exchange.read_small_file(path, MAX_RECEIPT)
            result = exchange.import_receipt(self.vault, data)
        except Exception as exc:  # noqa: BLE001 - a refused receipt is shown, not raised
            text = refusals.message(exc)
            self.receipt_message.setObjectName("error")
            self.receipt_message.setText(text)
            self._repolish(self.receipt_message)
            self.receipt_refused.emit(text)
            return False
        self.receipt_message.setObjectName("")
        self.receipt_message.setText(self.tr(
            "Receipt verified: headquarters confirms receiving {n} testimonies of bundle {bundle}.").format(
                n=QLocale().toString(len(result["records"])), bundle=result["bundle_id"][:8]))
        self._repolish(self.receipt_message)
        self.refresh()
        self.receipt_imported.emit(result)
        return True

    @staticmethod
    def _repolish(w: QWidget) -> None:
        w.style().unpolish(w)
        w.style().polish(w)

    # ---------------------------------------------------------------- handover
    def what(self) -> str:
        return "records" if self.forget_records.isChecked() else "identities"

    def ask_handover(self) -> None:
        if self.what() == "records":
            # only records that left whole (identities and original files) may be deleted here
            n = len(exchange.received_records(self.vault, whole_only=True))
            text = self.tr("Delete {n} testimonies, their files and identities from this laptop? Only "
                           "headquarters will hold them (they were sent whole, with identities).").format(
                               n=QLocale().toString(n))
        else:
            n = len(exchange.received_records(self.vault))
            text = self.tr("Destroy the identities (names, contacts) of {n} testimonies on this laptop? Where "
                           "you sent them without identities, the identities will exist nowhere.").format(
                               n=QLocale().toString(n))
        self.confirm_text.setText(text)
        self.understood.setChecked(False)
        self.forget_button.setEnabled(False)
        self.confirm_box.show()

    def cancel_handover(self) -> None:
        self.confirm_box.hide()
        self.understood.setChecked(False)

    def run_handover(self) -> None:
        if not self.understood.isChecked() or self.task is not None:
            return
        vault, what = self.vault, self.what()
        self.confirm_box.hide()
        self.understood.setChecked(False)
        self.message.setText(self.tr("Forgetting…"))
        self.task = workers.run_task(lambda: exchange.handover(vault, what))
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.refresh()

    def _done(self, done: list[str]) -> None:
        self.task = None
        if self.what() == "records":
            text = self.tr("{n} testimonies were deleted from this laptop.")
        else:
            text = self.tr("The identities of {n} testimonies were destroyed.")
        self.message.setText(text.format(n=QLocale().toString(len(done))))
        self.refresh()
        self.handed_over.emit(list(done))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        text = refusals.message(exc)
        self.message.setText(text)
        self.refresh()
        self.handover_failed.emit(text)
