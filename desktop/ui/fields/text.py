"""Editors typed or picked in one control: text, narrative, number, choices, tick box, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..base.widgets import clean_text
from .base import Editor, register


@register("text")
class TextEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.edit = QLineEdit()
        if self.field.max_length:
            self.edit.setMaxLength(self.field.max_length)
        self.edit.textChanged.connect(self.changed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)

    def value(self) -> Any:
        t = self.edit.text().strip()
        return t or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else clean_text(value))

    def focus_target(self) -> QWidget:
        return self.edit


@register("narrative")
class NarrativeEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.edit.textChanged.connect(self.changed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)

    def value(self) -> Any:
        t = self.edit.toPlainText()
        return t if t.strip() else None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.edit


@register("integer")
class IntegerEditor(TextEditor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.edit.setValidator(QIntValidator(-999_999_999, 999_999_999, self))
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        lay = self.layout()
        if isinstance(lay, QHBoxLayout):
            lay.addStretch(1)

    def value(self) -> Any:
        t = self.edit.text().strip()
        try:
            return int(t) if t else None
        except ValueError:
            return None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


@register("select_one")
class SelectOneEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("— not answered —"), None)
        for c in self.field.choices or []:
            self.combo.addItem(clean_text(c.text(self.lang)), c.value)
        self.combo.currentIndexChanged.connect(self.changed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo)
        lay.addStretch(1)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)) if value is not None else 0)

    def focus_target(self) -> QWidget:
        return self.combo


@register("select_multiple")
class SelectMultipleEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[str, QCheckBox]] = []
        choices = self.field.choices or []
        cols = 2 if len(choices) > 4 else 1
        for i, c in enumerate(choices):
            cb = QCheckBox(clean_text(c.text(self.lang)))
            cb.toggled.connect(self.changed)
            self.boxes.append((c.value, cb))
            lay.addWidget(cb, i // cols, i % cols)

    def value(self) -> Any:
        picked = [v for v, cb in self.boxes if cb.isChecked()]
        return picked or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for v, cb in self.boxes:
            cb.setChecked(v in chosen)

    def focus_target(self) -> QWidget:
        return self.boxes[0][1] if self.boxes else self


@register("boolean")
class BooleanEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.box = QCheckBox(self.tr("Yes"))
        self.box.setAccessibleName(self.field.title(self.lang))
        self.box.toggled.connect(self.changed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        lay.addStretch(1)

    def value(self) -> Any:
        return True if self.box.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def focus_target(self) -> QWidget:
        return self.box


@register("note")
class NoteEditor(Editor):
    pass
