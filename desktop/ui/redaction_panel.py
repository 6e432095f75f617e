"""Redaction review: accept or reject each detection in a narrative, add spans by selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QPlainTextEdit, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from .answers_format import human_path
from .base.timefmt import isolate
from .base.session import Session
from .base.widgets import PlainLabel, clean_text


def redaction_available() -> bool:
    try:
        from desktop.core.services import redaction  # noqa: F401
    except ImportError:
        return False
    return True


class RedactionPanel(QWidget):
    saved = Signal()

    def __init__(self, session: Session, record_id: str, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.core.services.redaction import LABELS

        self.session = session
        self.vault = session.vault
        self.record_id = record_id
        self.form = form
        self.redactor = None
        self.spans: list[Any] = []
        rec = self.vault.get_record(record_id)
        self.public = rec.public
        from desktop.core.services.redaction import text_field, text_fields

        self.texts = dict(text_fields(form, self.public))  # answer path -> text
        self._load(rec.redaction)
        # narratives first: they are where witnesses name people
        self.text_fields = sorted(self.texts, key=lambda p: text_field(form, p).type != "narrative")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.field_combo = QComboBox()
        self.field_combo.setAccessibleName(self.tr("Answer to review"))
        for path in self.text_fields:
            self.field_combo.addItem(human_path(form, path, session.lang, leaf=text_field(form, path)), path)
        top.addWidget(PlainLabel(self.tr("Answer:"), wrap=False))
        top.addWidget(self.field_combo, 1)
        self.detect_button = QPushButton(self.tr("Detect identifying details"))
        self.detect_button.clicked.connect(self.detect)
        top.addWidget(self.detect_button)
        lay.addLayout(top)
        note = PlainLabel(self.tr(
            "Detection uses this record's identities without showing them (recorded in the custody log). "
            "Every detection is redacted unless you reject it. Select words in the text to add one."))
        note.setObjectName("hint")
        lay.addWidget(note)
        split = QSplitter(Qt.Orientation.Vertical)
        self.original = QPlainTextEdit()
        self.original.setReadOnly(True)
        self.original.setAccessibleName(self.tr("Original text"))
        split.addWidget(self.original)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Text"), self.tr("Replacement"),
                                              self.tr("Decision")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Detections"))
        split.addWidget(self.table)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Redacted text"))
        split.addWidget(self.preview)
        lay.addWidget(split, 1)
        row = QHBoxLayout()
        self.label_combo = QComboBox()
        self.label_combo.setAccessibleName(self.tr("Kind of detail to add"))
        for lab in LABELS:
            self.label_combo.addItem(self.label_name(lab), lab)
        self.add_button = QPushButton(self.tr("Redact the selected text"))
        self.add_button.clicked.connect(self.add_selection)
        self.save_button = QPushButton(self.tr("Save decisions"))
        self.save_button.clicked.connect(self.save)
        self.status = PlainLabel("")
        self.status.setObjectName("hint")
        row.addWidget(self.label_combo)
        row.addWidget(self.add_button)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.enabled = bool(self.text_fields)
        for w in (self.detect_button, self.add_button, self.save_button):
            w.setEnabled(self.enabled)
        if not self.enabled:
            self.status.setText(self.tr("This record has no free-text answers to review."))
        self._field_changed()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.spans and self.field_id in self.decisions:
            self._field_changed()

    def _load(self, stored: dict[str, Any] | None) -> None:
        """The saved review: per answer, the decisions that apply to its text; damaged
        ones (bad offsets, unknown kinds) are counted, never applied nor shown."""
        from desktop.core.services.redaction import saved_decisions

        self.stored: dict[str, dict[str, Any]] = {k: v for k, v in (stored or {}).items() if isinstance(v, dict)}
        self.decisions: dict[str, list[dict[str, Any]]] = {}
        self.damaged: dict[str, int] = {}
        for path, entry in self.stored.items():
            if isinstance(entry.get("decisions"), list):
                self.decisions[path], self.damaged[path] = saved_decisions(self.texts.get(path, ""), entry)

    def reload(self) -> None:
        """Decisions saved elsewhere (the review of every answer): show them."""
        self._load(self.vault.get_record(self.record_id).redaction)
        self._field_changed()

    @property
    def field_id(self) -> str | None:
        path = self.field_combo.currentData()
        return path if isinstance(path, str) else None

    def text(self) -> str:
        return self.texts.get(self.field_id, "") if self.field_id else ""

    def _field_changed(self) -> None:
        self.original.setPlainText(self.text())
        self.spans = []
        self.table.setRowCount(0)
        self.preview.setPlainText("")
        if self.field_id and self.field_id in self.decisions and (self.isVisible() or self.redactor is not None):
            # saved decisions show at once, on the detections they were made on (once this
            # screen is shown: detection is a logged reveal, not something opening a record does)
            from desktop.core.services.redaction import CHANGED, review_status

            self.detect()
            if self.damaged.get(self.field_id):
                self.status.setText(self.tr(
                    "{n} saved decision(s) for this answer were damaged and are not used: their words are "
                    "redacted automatically. Check the answer, then save.").format(
                        n=QLocale().toString(self.damaged[self.field_id])))
            elif review_status(self.text(), self.stored.get(self.field_id)) == CHANGED:
                self.status.setText(self.tr("This answer changed since your review: check the new words, then save."))
            else:
                self.status.setText(self.tr("Your saved decisions are shown."))
        elif self.enabled:
            self.status.setText("")

    def _make_redactor(self) -> Any:
        if self.redactor is None:
            from desktop.core.services import interviews

            # this screen shows the original text: a reveal, logged once
            self.redactor = interviews.redactor_for(self.vault, self.form, self.record_id)
        return self.redactor

    def detect(self) -> None:
        if not self.field_id:
            return
        self.spans = self._make_redactor().detect(self.text())
        self._fill()

    def _decision_for(self, span: Any) -> str:
        for d in self.decisions.get(self.field_id or "", []):
            if d.get("start") == span.start and d.get("end") == span.end and d.get("decision") == "reject":
                return "reject"
        return "accept"

    def _fill(self) -> None:
        manual = [d for d in self.decisions.get(self.field_id or "", []) if d.get("decision") == "add"]
        self.table.setRowCount(0)
        for sp in self.spans:
            self._add_row(sp.label, sp.text, sp.replacement, self._decision_for(sp), sp)
        text = self.text()
        for d in manual:
            self._add_row(d.get("label") or "PERSON", text[d["start"]:d["end"]], "", "add", d)
        self.table.resizeColumnsToContents()
        self._update_preview()

    def label_name(self, label: str) -> str:
        """The detection kind in the interface language (the code stays in the data)."""
        names = {
            "PERSON": self.tr("Person"), "PHONE": self.tr("Phone"), "EMAIL": self.tr("E-mail"),
            "URL": self.tr("Web address"), "HANDLE": self.tr("Social media handle"),
            "ID_NUMBER": self.tr("ID number"), "ADDRESS": self.tr("Address"),
            "DATE_OF_BIRTH": self.tr("Date of birth"), "PLATE": self.tr("Vehicle plate"),
            "COORDINATES": self.tr("Coordinates"),
        }
        return names.get(label, label)

    def _add_row(self, label: str, text: str, replacement: str, decision: str, ref: Any) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        cells = (self.label_name(label), isolate(clean_text(text)), isolate(clean_text(replacement)))
        for c, v in enumerate(cells):
            self.table.setItem(r, c, QTableWidgetItem(v))
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Decision for {text}").format(text=clean_text(text)))
        if decision == "add":
            combo.addItem(self.tr("Redact (added by you)"), "add")
            combo.addItem(self.tr("Remove"), "remove")
        else:
            combo.addItem(self.tr("Redact"), "accept")
            combo.addItem(self.tr("Keep (reject)"), "reject")
            combo.setCurrentIndex(combo.findData(decision))
        combo.setProperty("row", r)
        combo.currentIndexChanged.connect(self._update_preview)
        self.table.setCellWidget(r, 3, combo)
        kind = self.table.item(r, 0)
        if kind is not None:
            kind.setData(Qt.ItemDataRole.UserRole, ref)

    def current_decisions(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r in range(self.table.rowCount()):
            kind, combo = self.table.item(r, 0), self.table.cellWidget(r, 3)
            if kind is None or not isinstance(combo, QComboBox):
                continue
            ref = kind.data(Qt.ItemDataRole.UserRole)
            choice = combo.currentData()
            if choice == "remove":
                continue
            if choice == "add":
                out.append({"start": ref["start"], "end": ref["end"], "label": ref.get("label") or "PERSON",
                            "decision": "add"})
            else:
                out.append({"start": ref.start, "end": ref.end, "label": ref.label, "decision": choice})
        return out

    def _update_preview(self) -> None:
        from desktop.core.services.redaction import apply_decisions

        if not self.field_id:
            return
        result = apply_decisions(self.text(), self.spans, self.current_decisions(), self._make_redactor())
        self.preview.setPlainText(result.text)
        self._highlight(result.spans if not self.spans else self.spans)

    def _highlight(self, spans: list[Any]) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe08a"))
        self.original.setPlainText(self.text())
        for sp in spans:
            cur = QTextCursor(self.original.document())
            cur.setPosition(sp.start)
            cur.setPosition(sp.end, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)

    def add_selection(self) -> None:
        cur = self.original.textCursor()
        s, e = cur.selectionStart(), cur.selectionEnd()
        if e <= s or not self.field_id:
            self.status.setText(self.tr("Select some words in the original text first."))
            return
        d = {"start": s, "end": e, "label": self.label_combo.currentData(), "decision": "add"}
        self._add_row(d["label"], self.text()[s:e], "", "add", d)
        self._update_preview()

    def save(self) -> None:
        if not self.field_id:
            return
        from desktop.core.services.redaction import reviewed_entry, save_review

        self.decisions[self.field_id] = self.current_decisions()
        # kept with the text they were made on: they carry over while that text is unchanged
        self.stored[self.field_id] = reviewed_entry(self.text(), self.decisions[self.field_id])
        save_review(self.vault, self.record_id, dict(self.stored))
        self.status.setText(self.tr("Decisions saved and recorded in the custody log."))
        self.saved.emit()
