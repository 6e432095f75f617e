"""One recorded interview: answers (identities masked), attachments, revisions, custody."""

from __future__ import annotations

import io
import json
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import interviews
from desktop.core.services.interviews import Record

from .answers_format import format_value
from .base import refusals, workers
from .base.session import Session
from .base.timefmt import isolate, local_time
from .base.widgets import PlainLabel, clean_text, heading
from .cleaning_report import CleaningReportDialog, CleaningWords, SaveCopyDialog

REVEAL_SECONDS = 60
MASK = "••••••"
PREVIEW_LIMIT = 40 * 1024 * 1024


class RecordView(QWidget):
    back = Signal()
    edit = Signal(str)
    revealed = Signal(bool)
    preview_ready = Signal()

    def __init__(self, session: Session, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = session.vault
        self.lang = session.lang
        self.record_id = record_id
        self.is_revealed = False
        self.rev: int | None = None
        self.record: Record = interviews.masked(self.vault, record_id)
        self.form = session.forms.get(self.record.form_id, self.record.form_version)
        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self.reveal_timer.timeout.connect(self.mask)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        session.locking.connect(self.mask)

        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        back = QPushButton(self.tr("← Interviews"))
        back.setAccessibleName(self.tr("Back to the interviews list"))
        back.clicked.connect(self.back)
        head.addWidget(back)
        title = self.form.title(self.lang) if self.form else self.record.form_id
        head.addWidget(heading(title), 1)
        self.rev_combo = QComboBox()
        self.rev_combo.setAccessibleName(self.tr("Revision"))
        for rev, ts in self.vault.revisions(record_id):
            self.rev_combo.addItem(self.tr("Revision {n} — {time}").format(n=rev, time=ts[:16].replace("T", " ")), rev)
        self.rev_combo.setCurrentIndex(self.rev_combo.count() - 1)
        self.rev_combo.currentIndexChanged.connect(self._rev_changed)
        head.addWidget(self.rev_combo)
        edit = QPushButton(self.tr("Edit (new revision)"))
        edit.clicked.connect(lambda: self.edit.emit(self.record_id))
        edit.setEnabled(self.form is not None)
        head.addWidget(edit)
        self.edit_button = edit
        lay.addLayout(head)
        self.meta = PlainLabel("")
        self.meta.setObjectName("hint")
        lay.addWidget(self.meta)

        bar = QFrame()
        bar.setObjectName("identityBar")
        b = QHBoxLayout(bar)
        self.identity_label = PlainLabel("")
        b.addWidget(self.identity_label, 1)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.toggle_reveal)
        b.addWidget(self.reveal_button)
        lay.addWidget(bar)

        self.tabs = QTabWidget()
        self.answers = QTreeWidget()
        self.answers.setColumnCount(2)
        self.answers.setHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.answers.setAccessibleName(self.tr("Answers"))
        self.answers.setWordWrap(True)
        self.answers.setAlternatingRowColors(True)
        self.answers.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.answers.header().resizeSection(0, 470)
        self.answers.header().setStretchLastSection(True)
        self.tabs.addTab(self.answers, self.tr("Answers"))
        self.tabs.addTab(self._attachments_tab(), self.tr("Attachments ({n})").format(n=len(self.record.attachments)))
        self.history = QTableWidget()
        self.tabs.addTab(self.history, self.tr("Revisions"))
        self.custody = QTableWidget()
        self.tabs.addTab(self.custody, self.tr("Custody log"))
        self.redaction_panel = None
        if self.form is not None:
            from .redaction_panel import redaction_available

            if redaction_available():
                from .redaction_panel import RedactionPanel

                self.redaction_panel = RedactionPanel(self.session, self.record_id, self.form)
                self.tabs.addTab(self.redaction_panel, self.tr("Redaction review"))
        lay.addWidget(self.tabs, 1)
        self._fill_history()
        self._fill_custody()
        self.render()

    # ---------------------------------------------------------------- identity mask
    def toggle_reveal(self) -> None:
        if self.is_revealed:
            self.mask()
        else:
            self.reveal()

    def reveal(self) -> None:
        self.record = interviews.reveal(self.vault, self.record_id, via="gui", rev=self.rev)
        self.is_revealed = True
        self._remaining = REVEAL_SECONDS
        self.reveal_timer.start()
        self.countdown.start()
        self.render()
        self._fill_custody()
        self.revealed.emit(True)

    def mask(self) -> None:
        self.reveal_timer.stop()
        self.countdown.stop()
        was = self.is_revealed
        self.is_revealed = False
        if self.record is not None:
            self.record.identity = None
        if not self.vault.is_locked:
            self.render()
        else:
            self.answers.clear()
        if was:
            self.revealed.emit(False)

    def _tick(self) -> None:
        self._remaining = max(0, self.reveal_timer.remainingTime() // 1000)
        self._update_identity_bar()

    def _update_identity_bar(self) -> None:
        if self.record.identity_forgotten:
            self.identity_label.setText(self.tr("The identifying details of this record were destroyed."))
            self.reveal_button.setVisible(False)
        elif self.is_revealed:
            self.identity_label.setText(self.tr(
                "Identifying details are visible. They hide again in {s} s or when the vault locks.").format(
                    s=self._remaining))
            self.reveal_button.setText(self.tr("Hide now"))
            self.reveal_button.setAccessibleName(self.tr("Hide identifying details"))
        else:
            self.identity_label.setText(self.tr(
                "Identifying details (names, contacts) are hidden. Revealing them is recorded in the custody log."))
            self.reveal_button.setText(self.tr("Reveal for this record"))
            self.reveal_button.setAccessibleName(self.tr("Reveal identifying details"))

    # ---------------------------------------------------------------- answers
    def _rev_changed(self) -> None:
        self.rev = self.rev_combo.currentData()
        self.record = (interviews.reveal(self.vault, self.record_id, via="gui", rev=self.rev) if self.is_revealed
                       else interviews.masked(self.vault, self.record_id, rev=self.rev))
        self.render()

    def render(self) -> None:
        r = self.record
        status = {"complete": self.tr("Complete"), "exported": self.tr("Exported")}.get(r.status, r.status)
        self.meta.setText(self.tr("Reference {ref} · created {created} · last change {updated} · {status}").format(
            ref=r.id[:8], created=local_time(r.created_at), updated=local_time(r.updated_at),
            status=status))
        self._update_identity_bar()
        self.answers.clear()
        identity = r.identity or {}
        if self.form is None:
            for k, v in r.public.items():
                QTreeWidgetItem(self.answers, [clean_text(k), clean_text(json.dumps(v, ensure_ascii=False))])
            return
        for sec in self.form.sections:
            if not any(f.id in r.public or f.id in identity or f.identifying for f in sec.fields):
                continue
            top = QTreeWidgetItem(self.answers, [clean_text(sec.title(self.lang)), ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            self._add_fields(top, sec.fields, r.public, identity)
            if top.childCount() == 0:
                self.answers.invisibleRootItem().removeChild(top)
        self.answers.expandAll()
        self._tooltips()

    def _add_fields(self, parent: QTreeWidgetItem, fields: list[Any], public: dict, identity: dict) -> None:
        for f in fields:
            if f.type == "note":
                continue
            title = clean_text(f.title(self.lang))
            pv, iv = public.get(f.id), identity.get(f.id)
            if f.identifying:
                if f.parent is None and not self.form.is_relevant(f.id, public):
                    continue
                if self.is_revealed:
                    # Keep the row when empty: masked and revealed views list the same fields.
                    shown = isolate(format_value(f, iv, self.lang)) if iv is not None else self.tr("(not answered)")
                    item = QTreeWidgetItem(parent, [title, shown])
                    item.setData(1, Qt.ItemDataRole.UserRole, "revealed")
                else:
                    item = QTreeWidgetItem(parent, [title, MASK + " " + self.tr("hidden")])
                    item.setData(1, Qt.ItemDataRole.UserRole, "masked")
                    item.setForeground(1, self.palette().placeholderText())
                continue
            if f.type in ("group", "person"):
                if f.repeat and isinstance(pv, list):
                    ids = iv if isinstance(iv, list) else []
                    for i, entry in enumerate(pv):
                        node = QTreeWidgetItem(parent, [f"{title} {i + 1}", ""])
                        ient = ids[i] if i < len(ids) and isinstance(ids[i], dict) else {}
                        self._add_fields(node, f.fields, entry if isinstance(entry, dict) else {}, ient)
                elif isinstance(pv, dict):
                    node = QTreeWidgetItem(parent, [title, ""])
                    self._add_fields(node, f.fields, pv, iv if isinstance(iv, dict) else {})
                continue
            if pv is None:
                continue
            if f.type == "attachment":
                names = {a.id: a.filename for a in self.record.attachments}
                QTreeWidgetItem(parent, [title, clean_text(names.get(pv, pv))])
                continue
            QTreeWidgetItem(parent, [title, isolate(format_value(f, pv, self.lang))])

    def _tooltips(self) -> None:
        it = [self.answers.topLevelItem(i) for i in range(self.answers.topLevelItemCount())]
        while it:
            node = it.pop()
            node.setToolTip(0, node.text(0))
            node.setToolTip(1, node.text(1))
            it.extend(node.child(i) for i in range(node.childCount()))

    def masked_items(self) -> list[QTreeWidgetItem]:
        out = []
        it = [self.answers.topLevelItem(i) for i in range(self.answers.topLevelItemCount())]
        while it:
            node = it.pop()
            if node.data(1, Qt.ItemDataRole.UserRole) in ("masked", "revealed"):
                out.append(node)
            it.extend(node.child(i) for i in range(node.childCount()))
        return out

    # ---------------------------------------------------------------- attachments
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
            values = [QTableWidgetItem(clean_text(a.filename)), QTableWidgetItem(clean_text(a.kind)),
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
        row = QHBoxLayout()
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
            row.addWidget(b)
        row.addStretch(1)
        left_lay.addLayout(row)
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

    def _selected_attachment(self):  # -> Attachment | None
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
        self.record = self.vault.get_record(self.record_id)
        if 0 <= row < len(self.record.attachments):
            self.att_table.item(row, 5).setText(CleaningWords().summary(self.record.attachments[row]))

    def _preview(self, row: int) -> None:
        if row < 0 or row >= len(self.record.attachments):
            return
        att = self.record.attachments[row]
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

    # ---------------------------------------------------------------- history and custody
    def _fill_history(self) -> None:
        revs = self.vault.revisions(self.record_id)
        t = self.history
        t.setColumnCount(2)
        t.setHorizontalHeaderLabels([self.tr("Revision"), self.tr("Saved at (UTC)")])
        t.setRowCount(len(revs))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setAccessibleName(self.tr("Revision history"))
        for i, (rev, ts) in enumerate(revs):
            t.setItem(i, 0, QTableWidgetItem(str(rev)))
            t.setItem(i, 1, QTableWidgetItem(ts[:19].replace("T", " ")))
        t.horizontalHeader().setStretchLastSection(True)
        t.cellDoubleClicked.connect(lambda r, _c: self.rev_combo.setCurrentIndex(r))

    def action_text(self, action: str) -> str:
        return {"record.create": self.tr("record created"), "record.revise": self.tr("new revision"),
                "identity.reveal": self.tr("identifying details revealed"),
                "attachment.import": self.tr("attachment imported"),
                "redaction.review": self.tr("redaction reviewed"), "export": self.tr("exported"),
                "identity.forget": self.tr("identities destroyed")}.get(action, action)

    def _fill_custody(self) -> None:
        entries = self.vault.custody(self.record_id)
        t = self.custody
        t.clear()
        t.setColumnCount(4)
        t.setHorizontalHeaderLabels([self.tr("Time (UTC)"), self.tr("Action"), self.tr("Details"),
                                     self.tr("Entry hash")])
        t.setRowCount(len(entries))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setAccessibleName(self.tr("Custody log"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for i, e in enumerate(entries):
            details = json.dumps(e.details, ensure_ascii=False, sort_keys=True)
            h = QTableWidgetItem(e.hash[:16] + "…")
            h.setFont(mono)
            h.setToolTip(e.hash)
            for col, item in enumerate([QTableWidgetItem(e.ts[:19].replace("T", " ")),
                                        QTableWidgetItem(self.action_text(e.action)),
                                        QTableWidgetItem(clean_text(details)), h]):
                t.setItem(i, col, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
