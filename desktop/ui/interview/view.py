"""The guided interview: choose a type, then section by section, with autosave."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QListWidget, QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from desktop.core.services import interviews

from ..attachments import AttachmentsPanel
from ..base.session import Session
from ..base.widgets import PlainLabel, heading
from ..fields import (
    EditorContext,
)
from .checks import InterviewChecks
from .drafts import InterviewDrafts
from .page import AUTOSAVE_MAX_MS, AUTOSAVE_MS, CHECK_MS, IMMEDIATE, SectionPage


class InterviewView(InterviewChecks, InterviewDrafts):
    """Emits ``closed(record_id)`` ('' when abandoned); ``autosaved`` after each draft write."""

    closed = Signal(str)
    autosaved = Signal()
    checked = Signal()
    started = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = session.vault
        self.lang = session.lang
        self.form: Any = None
        self.draft_id: str | None = None
        self.record_id: str | None = None
        self.pages: list[SectionPage] = []
        self.section_index = 0
        self.dirty = False
        self._loading = False
        self.context = EditorContext()
        self.context.entry_defaults = self._entry_defaults
        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.stack)
        self.stack.addWidget(self._chooser())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_draft)
        # the debounce above restarts on every key; this one does not, so steady typing is saved too
        self.autosave_max_timer = QTimer(self)
        self.autosave_max_timer.setSingleShot(True)
        self.autosave_max_timer.setInterval(AUTOSAVE_MAX_MS)
        self.autosave_max_timer.timeout.connect(self.save_draft)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_MS)
        self.check_timer.timeout.connect(self.check)

    # ---------------------------------------------------------------- choose the type
    def _chooser(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(heading(self.tr("New interview: choose the type")))
        self.types = QListWidget()
        self.types.setAccessibleName(self.tr("Interview types"))
        self.types.setWordWrap(True)
        self.types.setSpacing(6)  # one type from the next: title and description stay together
        for f in self.session.forms.interview_forms():
            desc = f.description(self.lang)
            item = QListWidgetItem(f.title(self.lang) + (f"\n{desc}" if desc else ""))
            item.setData(Qt.ItemDataRole.UserRole, (f.id, f.version))
            self.types.addItem(item)
        if self.types.count():
            self.types.setCurrentRow(0)
        else:
            lay.addWidget(PlainLabel(self.tr("No interview forms are installed.")))
        self.types.itemActivated.connect(lambda _item: self._start_chosen())
        lay.addWidget(self.types, 1)
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(lambda: self.closed.emit(""))
        self.start_button = QPushButton(self.tr("Start interview"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_chosen)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.start_button)
        lay.addLayout(row)
        return page

    def _start_chosen(self) -> None:
        item = self.types.currentItem()
        if item is None:
            return
        form_id, version = item.data(Qt.ItemDataRole.UserRole)
        self.start(form_id, version)
        if self.form is not None:
            self.apply_new_defaults()

    def apply_new_defaults(self) -> None:
        """What a new interview already knows: today's date and the researcher's code."""
        defaults = interviews.new_interview_defaults(self.vault, QDate.currentDate().toString("yyyy-MM-dd"))
        self._loading = True
        try:
            for page in self.pages:
                for row in page.rows:
                    if row.field.id in defaults and row.editor.value() is None:
                        row.editor.set_value(defaults[row.field.id])
        finally:
            self._loading = False
        self.refresh_relevance()
        self.focus_first_field()

    def choose_type(self, form_id: str) -> None:
        for i in range(self.types.count()):
            if self.types.item(i).data(Qt.ItemDataRole.UserRole)[0] == form_id:
                self.types.setCurrentRow(i)
                return
        raise KeyError(form_id)

    # ---------------------------------------------------------------- the interview
    def start(self, form_id: str, version: str | None = None) -> None:
        self.form = self.session.forms.get(form_id, version)
        if self.form is None:
            QMessageBox.warning(self, self.tr("Interview"), self.tr("This interview type is not installed."))
            return
        self.stack.addWidget(self._build())
        self.stack.setCurrentIndex(1)
        self.go_to(0, remember=False)
        self.started.emit()

    def _build(self) -> QWidget:
        root = QWidget()
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(heading(self.form.title(self.lang)), 1)
        self.saved_label = PlainLabel("", wrap=False)
        self.saved_label.setObjectName("hint")
        self.saved_label.setAccessibleName(self.tr("Draft status"))
        head.addWidget(self.saved_label)
        outer.addLayout(head)
        split = QSplitter(Qt.Orientation.Horizontal)
        side = QWidget()
        s = QVBoxLayout(side)
        s.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Interview progress"))
        self.progress.setTextVisible(False)
        self.progress_label = PlainLabel("")
        s.addWidget(self.progress_label)
        s.addWidget(self.progress)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setWordWrap(True)
        s.addWidget(self.sections, 2)
        self.attachments = AttachmentsPanel(self.vault)
        self.attachments.changed.connect(self._attachments_changed)
        s.addWidget(self.attachments, 1)
        split.addWidget(side)
        self.page_stack = QStackedWidget()
        for sec in self.form.sections:
            page = SectionPage(self.form, sec, self.lang, self.context)
            self.pages.append(page)
            self.page_stack.addWidget(page)
            item = QListWidgetItem(sec.title(self.lang))
            self.sections.addItem(item)
            for row in page.rows:
                row.editor.changed.connect(self._changed)
        split.addWidget(self.page_stack)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 900])
        outer.addWidget(split, 1)
        self.sections.currentRowChanged.connect(self._section_clicked)
        nav = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("Discard…"))
        self.discard_button.setAccessibleName(self.tr("Discard this interview"))
        self.discard_button.clicked.connect(self.discard)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setShortcut("Alt+Left")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setShortcut("Alt+Right")
        self.next_button.clicked.connect(self.next)
        self.finish_button = QPushButton(self.tr("Save interview"))
        self.finish_button.setDefault(True)
        self.finish_button.setShortcut(QKeySequence.StandardKey.Save)  # Ctrl+S
        self.finish_button.setToolTip(self.finish_button.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText))
        self.finish_button.clicked.connect(self.finish)
        self.summary = PlainLabel("")
        self.summary.setObjectName("issue")
        nav.addWidget(self.discard_button)
        nav.addWidget(self.summary, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.finish_button)
        outer.addLayout(nav)
        # Tab after the last question reaches Next and Save before Back and Discard
        QWidget.setTabOrder(self.next_button, self.finish_button)
        QWidget.setTabOrder(self.finish_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.discard_button)
        self.setAcceptDrops(True)
        return root

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.form is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.attachments.dropEvent(event)

    # ---------------------------------------------------------------- answers
    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for page in self.pages:
            for row in page.rows:
                v = row.editor.value()
                if v is not None:
                    out[row.field.id] = v
        return out

    def set_answers(self, answers: dict[str, Any]) -> None:
        self._loading = True
        try:
            for page in self.pages:
                for row in page.rows:
                    row.editor.set_value(answers.get(row.field.id))
        finally:
            self._loading = False
        self.refresh_relevance()

    def _changed(self) -> None:
        if self._loading:
            return
        self._schedule_autosave()
        if isinstance(self.sender(), IMMEDIATE):
            # a choice can open or close the next questions: show them before the next Tab
            self.refresh_relevance()
        self.check_timer.start()
        if self.saved_label.text():
            self.saved_label.setText(self.tr("Unsaved changes…"))

    def _attachments_changed(self) -> None:
        self.context.set_attachments([(a.id, a.filename) for a in self.attachments.items])
        self._schedule_autosave()

    def _schedule_autosave(self) -> None:
        self.dirty = True
        self.autosave_timer.start()
        if not self.autosave_max_timer.isActive():
            self.autosave_max_timer.start()

    def _entry_defaults(self, field: Any, index: int) -> dict[str, Any] | None:
        return interviews.new_entry_defaults(self.form, self.answers(), getattr(field, "path", field.id), index) or None

    # ---------------------------------------------------------------- navigation
    def _section_clicked(self, row: int) -> None:
        if row >= 0 and row != self.section_index:
            self.go_to(row)

    def go_to(self, index: int, remember: bool = True) -> None:
        if not self.pages:
            return
        index = max(0, min(index, len(self.pages) - 1))
        moved = index != self.section_index
        self.section_index = index
        self.page_stack.setCurrentIndex(index)
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)
        self.refresh_relevance()
        self.summary.setText("")
        self.focus_first_field()
        if remember and moved and (self.dirty or self.draft_id):
            self._schedule_autosave()  # the draft remembers where the researcher is

    def focus_first_field(self) -> None:
        """Put the cursor in the section's first visible question."""
        page = self.pages[self.section_index]
        for row in page.all_rows():
            if row.field.type == "note" or row.isHidden():
                continue
            target = row.editor.focus_target()
            page.ensureWidgetVisible(row)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return

    def next(self) -> bool:
        issues = self.check(everything=True)
        if issues:
            self._focus_first_issue()
            self.summary.setText(self.tr("Some answers in this section need attention."))
            return False
        vis = self.visible_sections()
        later = [i for i in vis if i > self.section_index]
        if later:
            self.go_to(later[0])
        return True

    def back(self) -> None:
        vis = self.visible_sections()
        earlier = [i for i in vis if i < self.section_index]
        if earlier:
            self.go_to(earlier[-1])

    def finish(self) -> str | None:
        answers = self.answers()
        issues: list[Any] = interviews.validate(self.form, answers)
        issues = [i for i in issues if i.code != "unknown_field"] or issues
        issues += self.widget_problems()
        if issues:
            for idx in self.visible_sections():
                if self.check(idx, everything=True):
                    self.go_to(idx)
                    self.check(idx, everything=True)
                    self._focus_first_issue()
                    break
            self.summary.setText(self.tr("{n} answer(s) need attention before saving.").format(
                n=QLocale().toString(len(issues))))
            return None
        self.autosave_timer.stop()
        self.autosave_max_timer.stop()
        rid = interviews.submit(self.vault, self.form, answers, record_id=self.record_id,
                                attachment_ids=self.attachments.ids(), draft_id=self.draft_id).record_id
        self.draft_id = None
        self.dirty = False
        self.closed.emit(rid)
        return rid

    def discard(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard interview"),
                          self.tr("Discard this interview and its draft? Files added to it are removed too."),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda r: self._discard_now() if r == QMessageBox.StandardButton.Discard else None)
        self.discard_box = box
        box.open()

    def _discard_now(self) -> None:
        self.autosave_timer.stop()
        self.autosave_max_timer.stop()
        self.attachments.stop()
        if self.draft_id:
            self.vault.discard_draft(self.draft_id)
            self.draft_id = None
        if not self.record_id:
            self.attachments.discard_unlinked()
        self.dirty = False
        self.closed.emit("")
