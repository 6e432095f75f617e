"""The unlocked main screen: toolbar, interviews list, interview and record views."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QPushButton, QStackedWidget, QStyle, QToolBar, QVBoxLayout,
    QWidget,
)

from .base.idle import IdleWatcher
from .base.session import Session
from .base.settings import Settings
from .screen_actions import WIPE_SHORTCUT, ScreenActions, Shell
from .base.widgets import PlainLabel
from .records_list import RecordsListView

if TYPE_CHECKING:
    from .interview import InterviewView
    from .record_view import RecordView


def bundle_available() -> bool:
    return importlib.util.find_spec("desktop.core.bundle") is not None


class MainScreen(ScreenActions, QWidget):
    """Owns the views of one unlocked session; destroyed on lock."""

    view_changed = Signal(str)

    def __init__(self, session: Session, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main")
        self.session = session
        self.vault = session.vault
        self.lang = session.lang
        self.shell = shell
        self.interview: InterviewView | None = None
        self.record_view: RecordView | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.toolbar = QToolBar(self.tr("Main actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setAccessibleName(self.tr("Main actions"))
        lay.addWidget(self.toolbar)
        style = self.style()
        self.act_list = self._action(self.tr("Interviews"), "Ctrl+1", self.show_list,
                                     style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.act_new = self._action(self.tr("New interview"), QKeySequence.StandardKey.New, self.new_interview,
                                    style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.act_export = self.act_recipients = self.act_handover = None
        if bundle_available():
            self.act_export = self._action(self.tr("Export…"), "Ctrl+E", self.export,
                                           style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
            self.act_recipients = self._action(self.tr("Recipients…"), None, self.recipients,
                                               style.standardIcon(QStyle.StandardPixmap.SP_DialogYesButton))
            self.act_handover = self._action(self.tr("Receipts…"), None, self.handover,
                                             style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.toolbar.addSeparator()
        self.act_settings = self._action(self.tr("Settings"), "Ctrl+,", self.settings,
                                         style.standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView))
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        self.toolbar.addWidget(spacer)
        self.act_wipe = self._action(self.tr("Quick wipe…"), WIPE_SHORTCUT, self.quick_wipe,
                                     style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.act_lock = self._action(self.tr("Lock"), "Ctrl+L", self.shell.lock,
                                     style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
        self.act_lock.setObjectName("lockAction")

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        b = QHBoxLayout(self.banner)
        self.banner_text = PlainLabel("")
        b.addWidget(self.banner_text, 1)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume the unfinished interview"))
        self.resume_button.clicked.connect(self._resume_latest)
        self.show_drafts_button = QPushButton(self.tr("Show drafts"))
        self.show_drafts_button.clicked.connect(self._show_drafts)
        dismiss = QPushButton(self.tr("Later"))
        dismiss.clicked.connect(self.banner.hide)
        for w in (self.resume_button, self.show_drafts_button, dismiss):
            b.addWidget(w)
        self.banner.hide()
        lay.addWidget(self.banner)

        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.list_view = RecordsListView(self.vault, session.forms, self.lang)
        self.list_view.open_record.connect(self.open_record)
        self.list_view.open_draft.connect(self.open_draft)
        self.stack.addWidget(self.list_view)

        self.idle = IdleWatcher(Settings().autolock_minutes, self)
        self.idle.idle.connect(self.shell.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.destroyed.connect(lambda *_: None)
        session.locking.connect(self._on_locking)


    # ---------------------------------------------------------------- lock
    def _on_locking(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        if self.interview is not None:
            self.interview.flush()
        if self.record_view is not None:
            self.record_view.hide_identities()

    # ---------------------------------------------------------------- drafts
    def offer_drafts(self) -> None:
        drafts = self.vault.drafts()
        if not drafts:
            self.banner.hide()
            return
        self.banner_text.setText(self.tr(
            "{n} unfinished interview(s) were kept as encrypted drafts. Resume the latest?").format(
                n=QLocale().toString(len(drafts))))
        self.banner.show()

    def _resume_latest(self) -> None:
        drafts = self.vault.drafts()
        self.banner.hide()
        if drafts:
            self.open_draft(drafts[0].id)

    def _show_drafts(self) -> None:
        self.banner.hide()
        self.show_list()
        idx = self.list_view.status_filter.findData("draft")
        self.list_view.status_filter.setCurrentIndex(idx)

    # ---------------------------------------------------------------- views
    def _set_view(self, widget: QWidget, name: str) -> None:
        for attr in ("interview", "record_view"):
            old = getattr(self, attr)
            if old is not None and old is not widget:
                if attr == "interview":
                    old.flush()
                self.stack.removeWidget(old)
                old.deleteLater()
                setattr(self, attr, None)
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.view_changed.emit(name)

    def show_list(self) -> None:
        self._set_view(self.list_view, "list")
        self.list_view.refresh()
        self.list_view.table.setFocus()

    def new_interview(self) -> None:
        from .interview import InterviewView

        view = InterviewView(self.session)
        view.closed.connect(self._interview_closed)
        self.interview = view
        self._set_view(view, "interview")
        view.types.setFocus()  # Ctrl+N, arrows, Enter

    def open_draft(self, draft_id: str) -> None:
        from .interview import InterviewView

        view = InterviewView(self.session)
        view.closed.connect(self._interview_closed)
        self.interview = view
        self._set_view(view, "interview")
        view.load_draft(draft_id)

    def _interview_closed(self, record_id: str) -> None:
        if record_id:
            self.open_record(record_id)
        else:
            self.show_list()

    def open_record(self, record_id: str) -> None:
        from .record_view import RecordView

        view = RecordView(self.session, record_id)
        view.back.connect(self.show_list)
        view.edit.connect(self.edit_record)
        self.record_view = view
        self._set_view(view, "record")

    def edit_record(self, record_id: str) -> None:
        from .interview import InterviewView

        view = InterviewView(self.session)
        view.closed.connect(self._interview_closed)
        self.interview = view
        self._set_view(view, "interview")
        view.load_record(record_id)

    # ---------------------------------------------------------------- dialogs
    def _before_wipe(self) -> None:
        if self.interview is not None:
            self.interview.abandon_for_wipe()

    def export(self) -> None:
        from .export_dialog import ExportDialog

        dlg = ExportDialog(self.session, self)
        dlg.review_requested.connect(self.review_record)
        self.export_dialog = dlg
        dlg.open()

    def review_record(self, record_id: str) -> None:
        """Open a record on its review of every answer (review before sealing)."""
        self.open_record(record_id)
        view = self.record_view
        if view is not None:
            view.show_review()

    def recipients(self) -> None:
        from .recipients_dialog import TrustedRecipientsDialog

        dlg = TrustedRecipientsDialog(self.vault, self)
        self.recipients_dialog = dlg
        dlg.open()

    def handover(self) -> None:
        from .handover_dialog import HandoverDialog

        dlg = HandoverDialog(self.vault, self)
        dlg.handed_over.connect(self._after_handover)
        self.handover_dialog = dlg
        dlg.open()

    def _after_handover(self, ids: list[str]) -> None:
        if self.record_view is not None and self.record_view.record_id in ids:
            self.show_list()  # its identities or the whole record are gone: reopen from the list
        else:
            self.list_view.refresh()

    # ---------------------------------------------------------------- language switch
    def save_state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"view": "list"}
        if self.interview is not None and self.stack.currentWidget() is self.interview:
            self.interview.flush()
            state = {"view": "interview", "draft_id": self.interview.draft_id,
                     "section": self.interview.section_index}
        elif self.record_view is not None and self.stack.currentWidget() is self.record_view:
            state = {"view": "record", "record_id": self.record_view.record_id}
        return state

    def restore_state(self, state: dict[str, Any]) -> None:
        if state.get("view") == "interview" and state.get("draft_id"):
            self.open_draft(state["draft_id"])
            if self.interview is not None and state.get("section") is not None:
                self.interview.go_to(state["section"])
        elif state.get("view") == "record":
            self.open_record(state["record_id"])
