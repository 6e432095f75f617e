"""What every answer editor shares: the base class, the interview context, the
registry of editors by field type, and the question row that holds one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..base.widgets import PlainLabel

E = TypeVar("E", bound="Editor")


def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "") if texts else ""


class Editor(QWidget):
    """Base of all editors."""

    changed = Signal()

    def __init__(self, field: Any, lang: str, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        self.context = context
        self.path = field.id

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        pass

    def set_path(self, path: str) -> None:
        self.path = path

    def problem(self) -> str:
        """What the widget itself can tell is wrong (a half-typed date); '' when nothing."""
        return ""

    def focus_target(self) -> QWidget:
        return self

    def rows(self) -> list[FieldRow]:
        """Nested field rows (containers only)."""
        return []


class EditorContext:
    """What editors may need from the interview: the attachments added so far."""

    def __init__(self) -> None:
        self.attachments: list[tuple[str, str]] = []  # (id, filename)
        self.listeners: list[Any] = []
        # (repeat field, index of the new entry) -> answers it starts with (facts already given)
        self.entry_defaults: Any = None

    def set_attachments(self, items: list[tuple[str, str]]) -> None:
        self.attachments = list(items)
        for fn in list(self.listeners):
            fn()


# field type -> editor class; each module of this package registers its own ("group" and
# "repeat" stand for the containers, which are one or the other by ``field.repeat``)
EDITORS: dict[str, type[Editor]] = {}


def register(*types: str) -> Callable[[type[E]], type[E]]:
    def add(cls: type[E]) -> type[E]:
        for t in types:
            EDITORS[t] = cls
        return cls
    return add


def make_editor(field: Any, lang: str, context: EditorContext) -> Editor:
    if field.type in ("group", "person"):
        cls = EDITORS["repeat" if field.repeat else "group"]
    else:
        cls = EDITORS.get(field.type) or EDITORS["text"]
    return cls(field, lang, context)


class FieldRow(QFrame):
    """A question: label, editor and issue on one side, the guidance beside it."""

    def __init__(self, field: Any, lang: str, context: EditorContext) -> None:
        super().__init__()
        self.setObjectName("fieldBox")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.field = field
        self.touched = False  # answered or edited at least once: required checks apply
        self.editor = make_editor(field, lang, context)
        self.editor.changed.connect(self._touch)
        title = field.title(lang)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        main = QVBoxLayout()
        label_text = title + (" *" if field.required else "")
        self.label = PlainLabel(label_text)
        self.label.setObjectName("fieldLabel" if field.type != "note" else "note")
        font = self.label.font()
        font.setBold(field.type != "note")
        self.label.setFont(font)
        self.label.setBuddy(self.editor.focus_target())
        main.addWidget(self.label)
        if field.identifying:
            tag = PlainLabel(self.tr("Identifying: kept apart, hidden until revealed"))
            tag.setObjectName("hint")
            main.addWidget(tag)
        target = self.editor.focus_target()
        target.setAccessibleName(title)
        guidance = field.guidance_text(lang) if hasattr(field, "guidance_text") else ""
        if guidance:
            target.setAccessibleDescription(guidance)
        container = field.type in ("group", "person")
        if not container:
            main.addWidget(self.editor)
        self.issue = PlainLabel("")
        self.issue.setObjectName("issue")
        self.issue.setVisible(False)
        main.addWidget(self.issue)
        grid.addLayout(main, 0, 0)
        if container:  # entries use the full width; the guidance stays beside the heading
            grid.addWidget(self.editor, 1, 0, 1, 2)
        self.guidance = PlainLabel(guidance)
        self.guidance.setObjectName("guidance")
        self.guidance.setVisible(bool(guidance))
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.guidance, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2 if guidance else 0)

    def _touch(self) -> None:
        self.touched = True

    def show_issue(self, text: str) -> None:
        self.issue.setText(text)
        self.issue.setVisible(bool(text))
        if self.property("invalid") != bool(text):
            self.setProperty("invalid", bool(text))
            self.style().unpolish(self)
            self.style().polish(self)
