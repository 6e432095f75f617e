"""Groups and repeats: entries of nested questions, added in place, in the Tab order, in sight."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..base.widgets import PlainLabel
from .base import Editor, EditorContext, FieldRow, register


@register("group")
class GroupEditor(Editor):
    """A non-repeating group: its child fields in a frame."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.entry = EntryBox(self.field, self.lang, self.context, self.path, removable=False)
        self.entry.changed.connect(self.changed)
        lay.addWidget(self.entry)

    def set_path(self, path: str) -> None:
        self.path = path
        self.entry.set_path(path)

    def value(self) -> Any:
        return self.entry.value()

    def set_value(self, value: Any) -> None:
        self.entry.set_value(value if isinstance(value, dict) else {})

    def rows(self) -> list[FieldRow]:
        return self.entry.all_rows()


class EntryBox(QFrame):
    """One entry of a group: a row per child field, and a remove button."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, field: Any, lang: str, context: EditorContext, path: str, removable: bool,
                 title: str = "") -> None:
        super().__init__()
        self.setObjectName("entry")
        # never squeezed to fit the section's scroll area: it scrolls instead
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = field
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = PlainLabel(title, wrap=False)
        self.title.setObjectName("subheading")
        head.addWidget(self.title, 1)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setVisible(removable)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        head.addWidget(self.remove_button)
        if title or removable:
            lay.addLayout(head)
        self.rows_: list[FieldRow] = []
        for child in field.fields:
            row = FieldRow(child, lang, context)
            row.editor.changed.connect(self.changed)
            self.rows_.append(row)
            lay.addWidget(row)
        self.set_path(path)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self.remove_button.setAccessibleName(self.tr("Remove {entry}").format(entry=title))

    def set_path(self, path: str) -> None:
        for row in self.rows_:
            row.editor.set_path(f"{path}.{row.field.id}")

    def value(self) -> dict[str, Any] | None:
        out = {}
        for row in self.rows_:
            v = row.editor.value()
            if v is not None:
                out[row.field.id] = v
        return out

    def set_value(self, value: dict[str, Any]) -> None:
        for row in self.rows_:
            row.editor.set_value(value.get(row.field.id))

    def all_rows(self) -> list[FieldRow]:
        out: list[FieldRow] = []
        for row in self.rows_:
            out.append(row)
            out.extend(row.editor.rows())
        return out


@register("repeat")
class RepeatEditor(Editor):
    """A repeating group or person list: add and remove entries."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.entries: list[EntryBox] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.box = QVBoxLayout()
        lay.addLayout(self.box)
        self.empty_label = PlainLabel(self.tr("None added yet."))
        self.empty_label.setObjectName("hint")
        lay.addWidget(self.empty_label)
        label = self.field.title(self.lang)
        add = self.field.add_text(self.lang) if hasattr(self.field, "add_text") else ""
        self.add_button = QPushButton(add or self.tr("Add an entry"))
        self.add_button.setAccessibleName(self.tr("{add} ({list})").format(add=add or self.tr("Add an entry"),
                                                                          list=label))
        self.add_button.clicked.connect(self._add_by_user)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        lay.addLayout(row)

    def add_entry(self) -> EntryBox:
        entry = EntryBox(self.field, self.lang, self.context, self.path, removable=True)
        entry.changed.connect(self.changed)
        entry.remove_requested.connect(self.remove_entry)
        anchor = self.add_button.previousInFocusChain() or self  # the last control before this list's button
        self.entries.append(entry)
        self.box.addWidget(entry)
        self._chain(anchor, entry)
        self._renumber()
        self.changed.emit()
        if entry.rows_:
            entry.rows_[0].editor.focus_target().setFocus()
        QTimer.singleShot(0, self, lambda: self._reveal(entry))
        return entry

    def _add_by_user(self) -> None:
        """The Add button: a new entry, starting with what the interview already knows."""
        index = len(self.entries)
        defaults = self.context.entry_defaults(self.field, index) if self.context.entry_defaults else None
        entry = self.add_entry()
        if defaults:
            entry.set_value(defaults)
            self.changed.emit()
            if entry.rows_:
                entry.rows_[0].editor.focus_target().setFocus()

    def _chain(self, anchor: QWidget, entry: EntryBox) -> None:
        """Put the new entry's controls between what came before and the Add button.

        A widget added later joins the end of the window's Tab chain; without
        this, Tab from the new entry would jump to the navigation buttons.
        """
        if anchor is None or anchor.window() != self.add_button.window():
            return  # not in the same window yet: the entry is in creation order already
        window = self.add_button.window()
        focusable = [w for w in entry.findChildren(QWidget)  # not popups (a completer's list)
                     if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.focusProxy() is None
                     and w.window() == window]
        prev = anchor
        for w in [*focusable, self.add_button]:
            QWidget.setTabOrder(prev, w)
            prev = w

    def _reveal(self, entry: EntryBox) -> None:
        """Scroll the new entry into sight (it is added at the end, maybe below the fold)."""
        if entry not in self.entries:
            return
        w: QWidget | None = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        if isinstance(w, QScrollArea):
            w.ensureWidgetVisible(entry, 0, 0)
            first = entry.rows_[0].editor.focus_target() if entry.rows_ else entry
            w.ensureWidgetVisible(first)

    def remove_entry(self, entry: EntryBox) -> None:
        self.entries.remove(entry)
        self.box.removeWidget(entry)
        entry.deleteLater()
        self._renumber()
        self.changed.emit()

    def _renumber(self) -> None:
        for i, e in enumerate(self.entries):
            name = self.field.entry_text(self.lang) if hasattr(self.field, "entry_text") else ""
            e.set_title(self.tr("{entry} {n}").format(entry=name or self.tr("Entry"), n=QLocale().toString(i + 1)))
            e.set_path(f"{self.path}[{i}]")
        self.empty_label.setVisible(not self.entries)
        mx = self.field.max_repeats
        self.add_button.setEnabled(mx is None or len(self.entries) < mx)

    def set_path(self, path: str) -> None:
        self.path = path
        self._renumber()

    def value(self) -> Any:
        return [e.value() or {} for e in self.entries] or None

    def set_value(self, value: Any) -> None:
        for e in list(self.entries):
            self.remove_entry(e)
        for item in value if isinstance(value, list) else []:
            self.add_entry().set_value(item if isinstance(item, dict) else {})

    def rows(self) -> list[FieldRow]:
        out: list[FieldRow] = []
        for e in self.entries:
            out.extend(e.all_rows())
        return out

    def focus_target(self) -> QWidget:
        return self.add_button
