"""Small shared widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QToolBar, QWidget

from desktop.core.services import strip_bidi

_CONTROL = set(range(32)) - {9, 10}
WIPE_SHORTCUT = "Ctrl+Shift+Delete"  # quick wipe: the same on every screen, the lock screen included
_OWN_ISOLATES = (("\u2066", "\u2069"), ("\u2068", "\u2069"))  # what local_time() and isolate() add

# What a toolbar action's shortcut is given as: "Ctrl+L", a standard key, or a sequence.
Shortcut = str | QKeySequence | QKeySequence.StandardKey


def clean_text(text: object) -> str:
    """Remove control characters (keeps tab and newline) and every bidirectional
    control before display; an outer left-to-right or first-strong isolate (the
    interface's own, see timefmt) is kept around the cleaned text."""
    s = "" if text is None else str(text)
    for start, end in _OWN_ISOLATES:
        if len(s) >= 2 and s[0] == start and s[-1] == end:
            return start + _strip(s[1:-1]) + end  # one level only: never recursive on hostile nesting
    return _strip(s)


def _strip(s: str) -> str:
    return strip_bidi("".join(ch for ch in s if ord(ch) not in _CONTROL))


class Sentence(str):
    """Interface text built by :func:`sentence`: its values were cleaned one by one, so the
    isolates around them are the interface's own and survive display."""


def sentence(template: str, **parts: object) -> Sentence:
    """``template`` (interface text) filled with ``parts``, each cleaned on its own: a date or
    a code keeps the isolate the interface put around it (so "2026-12-01" is never shown as
    01-12-2026 inside Arabic text), and a value's own bidirectional controls are dropped."""
    return Sentence(_strip(template).format(**{k: clean_text(v) for k, v in parts.items()}))


class PlainLabel(QLabel):
    """A label that never interprets its text as rich text or markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None, wrap: bool = True,
                 selectable: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        # a Sentence's values were cleaned one by one: only its isolates (the interface's own) are left
        super().setText(text if isinstance(text, Sentence) else clean_text(text))
        self._fit()

    def _fit(self) -> None:
        # Nested layouts do not always pass height-for-width down; make sure a
        # wrapped label is never shorter than its text needs at its width.
        # QLabel's heightForWidth never answers less than the minimum height: without
        # clearing it first, a height needed once at a narrow width (before the first
        # layout) would stay for good and push the window past the screen.
        if self.wordWrap() and self.width() > 0:
            old = self.minimumHeight()
            self.setMinimumHeight(0)
            h = self.heightForWidth(self.width())
            self.setMinimumHeight(h if h > 0 else old)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> PlainLabel:
    label = PlainLabel(text, parent)
    label.setObjectName("heading" if level == 1 else "subheading")
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * (1.45 if level == 1 else 1.15))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def toolbar_action(owner: QWidget, toolbar: QToolBar, text: str, shortcut: Shortcut | None,
                   slot: Callable[[], object], icon: QIcon | None = None) -> QAction:
    """A toolbar action reachable by keyboard, its shortcut in the tooltip and a
    name for screen readers (shared by the field and analyst windows)."""
    act = QAction(text, owner)
    if icon is not None:
        act.setIcon(icon)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
    act.triggered.connect(slot)
    toolbar.addAction(act)
    btn = toolbar.widgetForAction(act)
    if btn is not None:
        btn.setAccessibleName(text)
    return act
