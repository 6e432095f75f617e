"""What the interview view provides to its parts (checks, drafts): one declaration for the type checker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QListWidget, QProgressBar, QPushButton, QWidget

from ..attachments import AttachmentsPanel
from ..base.session import Session
from ..base.widgets import PlainLabel
from ..fields import EditorContext
from .page import SectionPage


class ViewParts(QWidget):
    # provided by InterviewView
    form: Any
    vault: Any
    session: Session
    lang: str
    pages: list[SectionPage]
    section_index: int
    sections: QListWidget
    progress: QProgressBar
    progress_label: PlainLabel
    back_button: QPushButton
    next_button: QPushButton
    summary: PlainLabel
    saved_label: PlainLabel
    attachments: AttachmentsPanel
    context: EditorContext
    draft_id: str | None
    record_id: str | None
    dirty: bool
    autosave_timer: QTimer
    autosave_max_timer: QTimer
    check_timer: QTimer
    autosaved: Any
    checked: Any
