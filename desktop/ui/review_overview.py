"""The review overview: every answer of a record with its findings and how
many are undecided, detection for all answers at once in the background, and
keys to decide quickly (R redact, K keep, N / P next and previous finding,
Ctrl+S save). Uncertain candidates are a yes/no question: Y it is a name, K no."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import redaction
from desktop.core.services.redaction import AnswerReview, Finding

from .base import refusals, workers
from .base.session import Session
from .base.timefmt import isolate
from .base.widgets import PlainLabel, clean_text

REDACT, KEEP, NAME = "accept", "reject", "add"


class ReviewOverview(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, session: Session, record_id: str, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = session.vault
        self.record_id = record_id
        self.form = form
        self.answers: list[AnswerReview] = []
        self.task: workers.Task | None = None
        self.current: tuple[int, int] | None = None  # (answer row, finding row)
        self.viewed: set[str] = set()  # answers the researcher looked at (one without findings too)
        self.revealed_once = False

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = PlainLabel("")
        top.addWidget(self.summary, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Detection progress"))
        self.progress.setVisible(False)
        top.addWidget(self.progress)
        self.run_button = QPushButton(self.tr("Detect in all answers"))
        self.run_button.clicked.connect(self.start)
        top.addWidget(self.run_button)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        top.addWidget(self.cancel_button)
        lay.addLayout(top)
        keys = PlainLabel(self.tr(
            "Keys: R redact · K keep · Y it is a name (uncertain words) · N next finding · P previous · "
            "Ctrl+S save. Undecided detections are redacted."))
        keys.setObjectName("hint")
        lay.addWidget(keys)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Answers with findings"))
        self.table.setHorizontalHeaderLabels([self.tr("Findings"), self.tr("Undecided"), self.tr("Review"),
                                              self.tr("Answer")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for c in range(3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(self._answer_changed)
        split.addWidget(self.table)
        right = QSplitter(Qt.Orientation.Vertical)
        self.findings = QTableWidget(0, 4)
        self.findings.setAccessibleName(self.tr("Findings in this answer"))
        self.findings.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Text"), self.tr("Replacement"),
                                                 self.tr("Decision")])
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setStretchLastSection(True)
        self.findings.currentCellChanged.connect(self._finding_changed)
        right.addWidget(self.findings)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Original text"))
        right.addWidget(self.text)
        split.addWidget(right)
        split.setSizes([420, 600])
        lay.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.status = PlainLabel("")
        self.status.setObjectName("hint")
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save decisions"))
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        lay.addLayout(bottom)

        for key, slot in (("R", self.redact_current), ("K", self.keep_current), ("Y", self.name_current),
                          ("N", self.next_finding), ("P", self.previous_finding), ("Ctrl+S", self.save)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self._update_summary()

    # ---------------------------------------------------------------- detection in the background
    def start(self) -> None:
        if self.task is not None:
            return
        vault, rid, registry = self.vault, self.record_id, self.session.forms.registry()
        # the original texts are shown here: one logged reveal for this screen
        via, self.revealed_once = (None if self.revealed_once else "redaction-review"), True
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Detecting identifying details in every answer…"))
        self.task = workers.run_task(
            lambda progress, cancelled: redaction.review_overview(vault, rid, registry, progress, cancelled,
                                                                  reveal_via=via),
            with_progress=True)
        self.task.progress.connect(self._progress)  # bound methods: run on the GUI thread
        self.task.finished.connect(self._loaded)
        self.task.failed.connect(self._failed)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _end_task(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.run_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._end_task()
        cancelled = getattr(exc, "code", None) == "cancelled"
        self.status.setText(self.tr("Detection cancelled.") if cancelled else refusals.message(exc))

    def stale(self) -> None:
        """Decisions were saved elsewhere: detect again so that this screen shows them."""
        if self.answers:
            self.start()

    def _loaded(self, answers: list[AnswerReview]) -> None:
        self._end_task()
        self.answers = answers
        self.status.setText("")
        self._fill_answers()
        self.loaded.emit()
        self.next_finding(from_start=True)

    # ---------------------------------------------------------------- the tables
    def status_name(self, answer: AnswerReview) -> str:
        if answer.status == redaction.REVIEWED:
            return self.tr("reviewed")
        if answer.status == redaction.CHANGED:
            return self.tr("changed or partly reviewed")
        return self.tr("not reviewed")

    def _fill_answers(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.answers))
        for r, a in enumerate(self.answers):
            f = redaction.text_field(self.form, a.path)
            title = f.title(self.session.lang) if f is not None else a.path
            if "[" in a.path:
                title += f"  ({a.path})"
            for c, v in enumerate((str(len(a.findings)), str(a.undecided), self.status_name(a), clean_text(title))):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._update_summary()

    def _update_summary(self) -> None:
        with_findings = sum(1 for a in self.answers if a.findings)
        undecided = sum(a.undecided for a in self.answers)
        if not self.answers:
            self.summary.setText(self.tr("Run detection to see every answer's findings at once."))
        else:
            self.summary.setText(self.tr("{a} answers, {f} with findings, {u} undecided").format(
                a=len(self.answers), f=with_findings, u=undecided))

    def _refresh_answer_row(self, r: int) -> None:
        a = self.answers[r]
        cell = self.table.item(r, 1)
        if cell is not None:
            cell.setText(str(a.undecided))
        self._update_summary()

    def decision_name(self, f: Finding) -> str:
        if f.uncertain:
            return {NAME: self.tr("a name: redact"), KEEP: self.tr("not a name: keep")}.get(
                f.decision or "", self.tr("uncertain: is it a name?"))
        return {REDACT: self.tr("redact"), KEEP: self.tr("keep"), NAME: self.tr("redact (added by you)")}.get(
            f.decision or "", self.tr("undecided (redacted)"))

    def label_name(self, label: str) -> str:
        names = {
            "PERSON": self.tr("Person"), "PHONE": self.tr("Phone"), "EMAIL": self.tr("E-mail"),
            "URL": self.tr("Web address"), "HANDLE": self.tr("Social media handle"),
            "ID_NUMBER": self.tr("ID number"), "ADDRESS": self.tr("Address"),
            "DATE_OF_BIRTH": self.tr("Date of birth"), "PLATE": self.tr("Vehicle plate"),
            "COORDINATES": self.tr("Coordinates"),
        }
        return names.get(label, label)

    def _answer_changed(self, row: int, *_: int) -> None:
        self.current = None
        self.findings.blockSignals(True)
        self.findings.setRowCount(0)
        if 0 <= row < len(self.answers):
            a = self.answers[row]
            self.viewed.add(a.path)
            self.text.setCurrentCharFormat(QTextCharFormat())
            self.text.setPlainText(a.text)
            for i, f in enumerate(a.findings):
                self.findings.insertRow(i)
                kind = self.tr("Uncertain") if f.uncertain else self.label_name(f.label)
                for c, v in enumerate((kind, isolate(clean_text(f.text)), isolate(clean_text(f.replacement)),
                                       self.decision_name(f))):
                    self.findings.setItem(i, c, QTableWidgetItem(v))
            self.findings.resizeColumnsToContents()
            self._highlight(a)
        self.findings.blockSignals(False)

    def _finding_changed(self, row: int, *_: int) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self.answers) and 0 <= row < len(self.answers[r].findings):
            self.current = (r, row)
            f = self.answers[r].findings[row]
            cur = QTextCursor(self.text.document())
            cur.setPosition(f.start)
            cur.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cur)
            self.text.centerCursor()

    def _highlight(self, a: AnswerReview) -> None:
        whole = QTextCursor(self.text.document())
        whole.select(QTextCursor.SelectionType.Document)
        whole.setCharFormat(QTextCharFormat())
        for f in a.findings:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#c8e6c9" if f.decision == KEEP else "#ffe08a" if not f.uncertain
                                     else "#e1d5f5"))
            cur = QTextCursor(self.text.document())
            cur.setPosition(f.start)
            cur.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)

    def select(self, answer_row: int, finding_row: int) -> None:
        if self.table.currentRow() != answer_row:
            self.table.setCurrentCell(answer_row, 0)
        self.findings.setCurrentCell(finding_row, 0)
        self.current = (answer_row, finding_row)

    # ---------------------------------------------------------------- keys
    def _positions(self) -> list[tuple[int, int]]:
        return [(r, i) for r, a in enumerate(self.answers) for i in range(len(a.findings))]

    def next_finding(self, from_start: bool = False) -> None:
        """The next undecided finding (any finding if none is undecided), across answers."""
        pos = self._positions()
        if not pos:
            return
        here = -1 if from_start or self.current not in pos else pos.index(self.current)
        order = pos[here + 1:] + pos[:here + 1]
        if here >= 0:
            # finish the answer at hand first (its earlier findings too), then move on
            answer = pos[here][0]
            order = [p for p in order if p[0] == answer] + [p for p in order if p[0] != answer]
        pick = next((p for p in order if self.answers[p[0]].findings[p[1]].decision is None), None)
        if pick is None:
            pick = order[0]
        self.select(*pick)

    def previous_finding(self) -> None:
        pos = self._positions()
        if not pos:
            return
        here = pos.index(self.current) if self.current in pos else 0
        self.select(*pos[here - 1])

    def redact_current(self) -> None:
        self.decide(REDACT)

    def keep_current(self) -> None:
        self.decide(KEEP)

    def name_current(self) -> None:
        self.decide(NAME)

    def decide(self, decision: str) -> None:
        if self.current is None:
            return
        r, i = self.current
        f = self.answers[r].findings[i]
        if decision == NAME and not f.uncertain:
            decision = REDACT
        if decision == REDACT and f.uncertain:
            decision = NAME
        f.decision = decision
        cell = self.findings.item(i, 3)
        if cell is not None:
            cell.setText(self.decision_name(f))
        self._refresh_answer_row(r)
        self._highlight(self.answers[r])
        self.next_finding()

    def save(self) -> None:
        if not self.answers:
            return
        # an answer without findings counts as reviewed once the researcher has looked at it
        done = redaction.save_review_overview(self.vault, self.record_id,
                                              [a for a in self.answers if a.findings or a.path in self.viewed])
        for a in self.answers:
            if a.path in done:
                a.status = redaction.REVIEWED
            elif any(f.decision is not None for f in a.findings):
                a.status = redaction.CHANGED
        left = len(self.answers) - len(done)
        self._fill_answers()
        self.status.setText(self.tr(
            "{n} answer(s) reviewed and saved; {m} not yet (undecided findings, or not opened).").format(
            n=len(done), m=left) if left else self.tr("Every answer is reviewed; decisions saved."))
        self.saved.emit()
