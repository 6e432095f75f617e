"""One recorded interview: answers (identities masked, narratives redacted), attachments, revisions, custody."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
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

from .base.custody_text import action_text, custody_details
from .base.i18n import date_text, ltr
from .answers_format import format_value
from .base.session import Session
from .base.timefmt import isolate, local_time
from .base.widgets import PlainLabel, Sentence, clean_text, heading, sentence
from .base.wrap_delegate import WrapDelegate
from .record_attachments import PREVIEW_LIMIT, AttachmentsTab

__all__ = ["MASK", "PREVIEW_LIMIT", "REVEAL_SECONDS", "RecordView"]

REVEAL_SECONDS = 60
MASK = "••••••"
REDACTION_COLUMN = 2


class RecordView(AttachmentsTab):
    back = Signal()
    edit = Signal(str)
    revealed = Signal(bool)

    def __init__(self, session: Session, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = session.vault
        self.lang = session.lang
        self.record_id = record_id
        self.is_revealed = False
        self.rev: int | None = None
        self.record: Record = self._masked(None)
        self.form = session.forms.get(self.record.form_id, self.record.form_version)
        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self.reveal_timer.timeout.connect(self.hide_identities)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        session.locking.connect(self.hide_identities)

        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        back = QPushButton(self.tr("← Interviews"))
        back.setAccessibleName(self.tr("Back to the interviews list"))
        back.clicked.connect(self.back)
        self.back_button = back
        head.addWidget(back)
        title = self.form.title(self.lang) if self.form else self.record.form_id
        head.addWidget(heading(title), 1)
        self.rev_combo = QComboBox()
        self.rev_combo.setAccessibleName(self.tr("Revision"))
        for rev, ts in self.vault.revisions(record_id):
            self.rev_combo.addItem(self.tr("Revision {n} — {time}").format(
                n=QLocale().toString(rev), time=local_time(ts)), rev)
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
        self.answers.setColumnCount(3)
        self.answers.setHeaderLabels([self.tr("Question"), self.tr("Answer"), self.tr("Redaction")])
        self.answers.setAccessibleName(self.tr("Answers"))
        self.answers.setWordWrap(True)
        self.answers.setAlternatingRowColors(True)
        self.answers.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.answers.header().resizeSection(0, 470)
        self.answers.setItemDelegateForColumn(1, WrapDelegate(self.answers, 1))  # narratives read whole
        self.answers.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.answers.header().setSectionResizeMode(REDACTION_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.answers.header().setStretchLastSection(False)
        self.tabs.addTab(self.answers, self.tr("Answers"))
        self.tabs.addTab(self._attachments_tab(), self.tr("Attachments ({n})").format(
            n=QLocale().toString(len(self.record.attachments))))
        self.history = QTableWidget()
        self.tabs.addTab(self.history, self.tr("Revisions"))
        self.custody = QTableWidget()
        self.tabs.addTab(self.custody, self.tr("Custody log"))
        self.redaction_panel: Any = None
        self.review_overview: Any = None
        # review decisions belong to the field: an analyst vault shows what the field decided
        if self.form is not None and self.vault.mode != "analyst":
            from .redaction_panel import redaction_available

            if redaction_available():
                from .redaction_panel import RedactionPanel
                from .review_overview import ReviewOverview

                self.review_overview = ReviewOverview(self.session, self.record_id, self.form)
                self.review_overview.saved.connect(self._reviewed)
                self.tabs.addTab(self.review_overview, self.tr("Review all answers"))
                self.redaction_panel = RedactionPanel(self.session, self.record_id, self.form)
                self.redaction_panel.saved.connect(self._reviewed)
                self.tabs.addTab(self.redaction_panel, self.tr("Redaction review"))
        lay.addWidget(self.tabs, 1)
        self._fill_history()
        self._fill_custody()
        self.show_record()

    # ---------------------------------------------------------------- identity mask
    def _masked(self, rev: int | None) -> Record:
        """The record as the masked state shows it: narratives redacted (reviewed
        decisions, or automatic detection), identities withheld."""
        m = interviews.masked_view(self.vault, self.record_id, rev=rev, registry=self.session.forms.registry())
        self.redaction_status: dict[str, str] = m.status
        self.identifying_attachments = m.identifying_attachments
        self.redacted_answers: set[str] = m.redacted
        return m.record

    def _reviewed(self) -> None:
        """New decisions: the masked answers and both review screens show them at once."""
        if self.redaction_panel is not None and self.sender() is not self.redaction_panel:
            self.redaction_panel.reload()
        if self.review_overview is not None and self.sender() is not self.review_overview:
            self.review_overview.stale()
        if not self.is_revealed:
            self.record = self._masked(self.rev)
            self.show_record()
        self._fill_custody()

    def show_review(self) -> None:
        """The review of every answer, detection started (review before sealing)."""
        if self.review_overview is not None:
            self.tabs.setCurrentWidget(self.review_overview)
            self.review_overview.start()

    def toggle_reveal(self) -> None:
        if self.is_revealed:
            self.hide_identities()
        else:
            self.reveal()

    def reveal(self) -> None:
        self.record = interviews.reveal(self.vault, self.record_id, via="gui", rev=self.rev)
        self.is_revealed = True
        self._remaining = REVEAL_SECONDS
        self.reveal_timer.start()
        self.countdown.start()
        self.show_record()
        self._fill_custody()
        self.revealed.emit(True)

    def hide_identities(self) -> None:
        self.reveal_timer.stop()
        self.countdown.stop()
        was = self.is_revealed
        self.is_revealed = False
        if self.record is not None:
            self.record.identity = None
        if not self.vault.is_locked:
            if was:
                self.record = self._masked(self.rev)
            self.show_record()
        else:
            self.record.public = {}
            self.answers.clear()
        self._hide_preview()
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
                       else self._masked(self.rev))
        self.show_record()

    def missing_identity_text(self) -> str:
        """An identifying answer that is not there, once revealed."""
        return self.tr("(not answered)")

    def meta_text(self) -> Sentence:
        r = self.record
        status = {"complete": self.tr("Complete"), "exported": self.tr("Exported")}.get(r.status, r.status)
        return sentence(self.tr("Reference {ref} · created {created} · last change {updated} · {status}"),
                        ref=ltr(r.id[:8]), created=local_time(r.created_at), updated=local_time(r.updated_at),
                        status=status)

    def show_record(self) -> None:
        r = self.record
        self.meta.setText(self.meta_text())
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
            self._add_fields(self.form, top, sec.fields, r.public, identity)
            if top.childCount() == 0:
                self.answers.invisibleRootItem().removeChild(top)
        self.answers.expandAll()
        self._tooltips()

    def _add_fields(self, form: Any, parent: QTreeWidgetItem, fields: list[Any], public: dict[str, Any],
                    identity: dict[str, Any]) -> None:
        for f in fields:
            if f.type == "note":
                continue
            title = clean_text(f.title(self.lang))
            pv, iv = public.get(f.id), identity.get(f.id)
            if f.identifying:
                if f.parent is None and not form.is_relevant(f.id, public):
                    continue
                if self.is_revealed:
                    # Keep the row when empty: masked and revealed views list the same fields.
                    shown = isolate(format_value(f, iv, self.lang)) if iv is not None else self.missing_identity_text()
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
                        name = clean_text(f.entry_text(self.lang)) or title  # "Act 2", as the interview said it
                        node = QTreeWidgetItem(parent, [f"{name} {QLocale().toString(i + 1)}", ""])
                        node.setData(0, Qt.ItemDataRole.UserRole, i)
                        ient = ids[i] if i < len(ids) and isinstance(ids[i], dict) else {}
                        self._add_fields(form, node, f.fields, entry if isinstance(entry, dict) else {}, ient)
                elif isinstance(pv, dict):
                    node = QTreeWidgetItem(parent, [title, ""])
                    self._add_fields(form, node, f.fields, pv, iv if isinstance(iv, dict) else {})
                continue
            if pv is None:
                continue
            if f.type == "attachment":
                names = {a.id: a.filename for a in self.record.attachments}
                QTreeWidgetItem(parent, [title, clean_text(names.get(pv, pv))])
                continue
            item = QTreeWidgetItem(parent, [title, isolate(format_value(f, pv, self.lang))])
            if not self.is_revealed:
                self._mark_redaction(item, f)

    def _mark_redaction(self, item: QTreeWidgetItem, f: Any) -> None:
        """Say how an answer was redacted where something was replaced, and for every narrative."""
        path = self._path_of(item, f)
        if f.type == "location":
            path += ".text"  # the place's words are its free text
        kind = self.redaction_status.get(path)
        if kind is None or (path not in self.redacted_answers and f.type != "narrative"):
            return
        note = {"reviewed": self.tr("as you reviewed it"),
                "changed": self.tr("changed since your review"),
                "field-reviewed": self.tr("reviewed in the field"),
                "field-automatic": self.tr("automatic in the field, not reviewed"),
                }.get(kind, self.tr("automatic, not reviewed"))
        item.setText(REDACTION_COLUMN, note)
        item.setToolTip(REDACTION_COLUMN, {
            "reviewed": self.tr("Redacted with the decisions you saved for this text."),
            "changed": self.tr("Redacted with your decisions on the words that did not change; "
                               "the new or undecided words were redacted automatically and need your review."),
            "field-reviewed": self.tr("Redacted in the field with the researcher's reviewed decisions."),
            "field-automatic": self.tr("Redacted automatically in the field; nobody reviewed it."),
        }.get(kind, self.tr("Redacted by automatic detection only; nobody reviewed it.")))
        item.setData(REDACTION_COLUMN, Qt.ItemDataRole.UserRole, kind)

    def _path_of(self, item: QTreeWidgetItem, f: Any) -> str:
        """The answer path of a field shown under ``item``'s parents (repeat entries: "acts[0].x")."""
        parts = [f.id]
        node, parent = item.parent(), f.parent
        while parent is not None and node is not None:
            index = node.data(0, Qt.ItemDataRole.UserRole)
            parts.append(f"{parent.id}[{index}]" if isinstance(index, int) else parent.id)
            node, parent = node.parent(), parent.parent
        return ".".join(reversed(parts))

    def _items(self) -> list[QTreeWidgetItem]:
        """Every row of the answers tree, sections and nested entries included."""
        out: list[QTreeWidgetItem] = []
        stack = [self.answers.invisibleRootItem()]
        while stack:
            node = stack.pop()
            children = [c for c in (node.child(i) for i in range(node.childCount())) if c is not None]
            out.extend(children)
            stack.extend(children)
        return out

    def _tooltips(self) -> None:
        for node in self._items():
            node.setToolTip(0, node.text(0))
            node.setToolTip(1, node.text(1))  # the shown text: redacted while masked

    def masked_items(self) -> list[QTreeWidgetItem]:
        return [n for n in self._items() if n.data(1, Qt.ItemDataRole.UserRole) in ("masked", "revealed")]

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
            t.setItem(i, 0, QTableWidgetItem(QLocale().toString(rev)))
            t.setItem(i, 1, QTableWidgetItem(date_text(ts[:19].replace("T", " "))))  # as the custody log
        t.horizontalHeader().setStretchLastSection(True)
        t.cellDoubleClicked.connect(lambda r, _c: self.rev_combo.setCurrentIndex(r))

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
            details = custody_details(e.details, lambda fid: self.session.forms.title(fid, self.lang))
            h = QTableWidgetItem(e.hash[:16] + "…")
            h.setFont(mono)
            h.setToolTip(e.hash)
            for col, item in enumerate([QTableWidgetItem(date_text(e.ts[:19].replace("T", " "))),
                                        QTableWidgetItem(action_text(e.action)),
                                        QTableWidgetItem(details), h]):
                t.setItem(i, col, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
