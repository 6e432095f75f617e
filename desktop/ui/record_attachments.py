"""The record view's attachments tab: files with their cleaning, a preview
decrypted in memory only (none for a file marked identifying until the record
is revealed), cleaning reports, saved copies and hidden faces."""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .base import refusals, workers
from .base.widgets import clean_text
from .cleaning_report import CleaningReportDialog, CleaningWords, SaveCopyDialog

PREVIEW_LIMIT = 40 * 1024 * 1024


class AttachmentsTab(QWidget):
    """The attachments part of :class:`desktop.ui.record_view.RecordView` (its base)."""

    preview_ready = Signal()
    record: Any
    vault: Any
    record_id: str
    is_revealed: bool
    identifying_attachments: set[str]

    def _attachments_tab(self) -> QWidget:
        w = QSplitter(Qt.Orientation.Horizontal)
        self.att_table = QTableWidget(0, 6)
        self.att_table.setAccessibleName(self.tr("Attachments"))
        self.att_table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("SHA-256"),
            self.tr("Metadata"), self.tr("Removed")])
        self.att_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.att_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.att_table.verticalHeader().setVisible(False)
        loc = QLocale()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        words = CleaningWords()
        for a in self.record.attachments:
            row = self.att_table.rowCount()
            self.att_table.insertRow(row)
            sha = QTableWidgetItem(a.sha256)
            sha.setFont(mono)
            values = [QTableWidgetItem(clean_text(a.filename)), QTableWidgetItem(words.kind(a.kind)),
                      QTableWidgetItem(loc.formattedDataSize(a.size)), sha,
                      QTableWidgetItem(words.status(a.clean_status)),
                      QTableWidgetItem(words.summary(a))]
            for col, item in enumerate(values):
                item.setToolTip(item.text())
                self.att_table.setItem(row, col, item)
        self.att_table.resizeColumnsToContents()
        self.att_table.horizontalHeader().setStretchLastSection(True)
        self.att_table.currentCellChanged.connect(self._attachment_selected)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.att_table, 1)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Cleaning report…"))
        self.report_button.setAccessibleName(self.tr("Show the cleaning report of the selected file"))
        self.report_button.clicked.connect(self.show_cleaning_report)
        self.save_copy_button = QPushButton(self.tr("Save a copy…"))
        self.save_copy_button.setAccessibleName(self.tr("Save a decrypted copy of the selected file"))
        self.save_copy_button.clicked.connect(self.save_copy)
        self.faces_button = QPushButton(self.tr("Hide faces…"))
        self.faces_button.setAccessibleName(self.tr("Find and hide faces in the selected photo or video"))
        self.faces_button.clicked.connect(self.review_faces)
        for b in (self.report_button, self.save_copy_button, self.faces_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_lay.addLayout(buttons)
        w.addWidget(left)
        self.preview = QLabel(self.tr("Select an image to preview it (decrypted in memory only)."))
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumWidth(240)
        w.addWidget(self.preview)
        w.setSizes([700, 300])
        return w

    def _attachment_selected(self, row: int, *_: int) -> None:
        ok = 0 <= row < len(self.record.attachments)
        self.report_button.setEnabled(ok)
        self.save_copy_button.setEnabled(ok)
        att = self.record.attachments[row] if ok else None
        self.faces_button.setEnabled(bool(att and att.kind in ("image", "video") and att.cleaned
                                          and self.vault.mode == "field"))
        self._preview(row)

    def _selected_attachment(self) -> Any:  # Attachment | None
        row = self.att_table.currentRow()
        return self.record.attachments[row] if 0 <= row < len(self.record.attachments) else None

    def show_cleaning_report(self) -> None:
        att = self._selected_attachment()
        if att is not None:
            self.report_dialog = CleaningReportDialog(att, self)
            self.report_dialog.open()

    def save_copy(self) -> None:
        att = self._selected_attachment()
        if att is not None:
            self.save_dialog = SaveCopyDialog(self.vault, att, self)
            self.save_dialog.open()

    def review_faces(self) -> None:
        att = self._selected_attachment()
        if att is not None:
            from .face_review import FaceReviewDialog
            from .face_review_video import VideoFaceReviewDialog

            dialog = VideoFaceReviewDialog if att.kind == "video" else FaceReviewDialog
            self.face_dialog = dialog(self.vault, att, self)
            self.face_dialog.hidden.connect(self._faces_hidden)
            self.face_dialog.open()

    def _faces_hidden(self, _att: object) -> None:
        row = self.att_table.currentRow()
        # only the attachments change: the answers stay as shown (masked or revealed)
        self.record.attachments = self.vault.attachments(self.record_id)
        cell = self.att_table.item(row, 5) if 0 <= row < len(self.record.attachments) else None
        if cell is not None:
            cell.setText(CleaningWords().summary(self.record.attachments[row]))

    def _hide_preview(self) -> None:
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Select an image to preview it (decrypted in memory only)."))

    def _preview(self, row: int) -> None:
        if row < 0 or row >= len(self.record.attachments):
            return
        att = self.record.attachments[row]
        if att.id in self.identifying_attachments and not self.is_revealed:
            # footage answered in an identifying field often shows faces
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr(
                "This file is marked identifying: no preview until you reveal this record."))
            return
        if att.kind != "image" or att.size > PREVIEW_LIMIT:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No preview for this kind of file."))
            return
        vault, att_id = self.vault, att.id

        def load() -> bytes:
            buf = io.BytesIO()
            vault.read_attachment(att_id, buf)
            return buf.getvalue()

        self.preview.setText(self.tr("Decrypting…"))
        self.preview_task = workers.run_task(load)
        self.preview_task.finished.connect(self._show_preview)
        self.preview_task.failed.connect(self._preview_failed)

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview.setText(refusals.message(exc))

    def _show_preview(self, data: bytes) -> None:
        image = QImage.fromData(data)
        del data
        if image.isNull():
            self.preview.setText(self.tr("This image cannot be shown."))
        else:
            pix = QPixmap.fromImage(image).scaled(self.preview.width(), max(200, self.preview.height()),
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)
            self.preview.setPixmap(pix)
        self.preview_ready.emit()
