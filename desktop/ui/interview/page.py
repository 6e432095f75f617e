"""One section of the interview as a scrolling page of questions; the timings and draft keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QScrollArea,
    QVBoxLayout, QWidget,
)


from ..base.widgets import PlainLabel, heading
from ..fields import (
    BooleanEditor, ChoiceButtons, EditorContext, FieldRow, SelectMultipleEditor, SelectOneEditor,
)

AUTOSAVE_MS = 2000  # a pause in typing this long saves the draft
AUTOSAVE_MAX_MS = 5000  # and during continuous typing, at most this long between two saves
CHECK_MS = 300
ATTACHMENTS_KEY = "__attachments__"  # kept in the encrypted draft next to the answers
SECTION_KEY = "__section__"  # the section being edited, to resume there
IMMEDIATE = (ChoiceButtons, SelectOneEditor, SelectMultipleEditor, BooleanEditor)


class SectionPage(QScrollArea):
    def __init__(self, form: Any, section: Any, lang: str, context: EditorContext) -> None:
        super().__init__()
        self.section = section
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addWidget(heading(section.title(lang), level=2))
        g = section.guidance_text(lang)
        if g:
            guide = PlainLabel(g)
            guide.setObjectName("guidance")
            lay.addWidget(guide)
        self.rows: list[FieldRow] = []
        for f in section.fields:
            row = FieldRow(f, lang, context)
            self.rows.append(row)
            lay.addWidget(row)
        lay.addStretch(1)
        self.setWidget(inner)

    def all_rows(self) -> list[FieldRow]:
        out: list[FieldRow] = []
        for r in self.rows:
            out.append(r)
            out.extend(r.editor.rows())
        return out

