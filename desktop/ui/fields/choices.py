"""Answers chosen among a few buttons, from the keyboard: yes / no / not known, consent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QWidget,
)

from .base import Editor, register


class ChoiceButtons(Editor):
    """A row of radio buttons answered from the keyboard like one control.

    One Tab stop (the chosen button, else the first); the arrow keys move to
    the next or previous button and choose it, following the reading
    direction; Space chooses the focused button and never un-chooses it.
    """

    OPTIONS: tuple[tuple[Any, str], ...] = ()

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.order: list[QRadioButton] = []
        self.values: dict[QRadioButton, Any] = {}
        title = self.field.title(self.lang)
        for value, text in self.options():
            rb = QRadioButton(text)
            rb.setAccessibleName(f"{title}: {text}")
            rb.installEventFilter(self)
            self.group.addButton(rb)
            self.order.append(rb)
            self.values[rb] = value
            lay.addWidget(rb)
        lay.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)
        self._update_tab_stop()

    def options(self) -> list[tuple[Any, str]]:
        return []

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        self._update_tab_stop()
        if checked:
            self.changed.emit()

    def _update_tab_stop(self) -> None:
        stop = self.group.checkedButton() or (self.order[0] if self.order else None)
        for b in self.order:
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is stop else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt API
        if obj in self.values and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            forward = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            forward[Qt.Key.Key_Right] = -1 if rtl else 1
            forward[Qt.Key.Key_Left] = 1 if rtl else -1
            if key in forward and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                        Qt.KeyboardModifier.KeypadModifier):
                i = (self.order.index(obj) + forward[key]) % len(self.order)
                self.order[i].setChecked(True)
                self.order[i].setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key == Qt.Key.Key_Space and obj.isChecked():
                return True  # already the answer: Space does not take it back
        return super().eventFilter(obj, event)

    def value(self) -> Any:
        b = self.group.checkedButton()
        return self.values.get(b) if isinstance(b, QRadioButton) else None

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for b, v in self.values.items():
            b.blockSignals(True)
            b.setChecked(value is not None and v == value)
            b.blockSignals(False)
        self.group.setExclusive(True)
        self._update_tab_stop()
        self.changed.emit()

    def clear(self) -> None:
        self.set_value(None)

    def focus_target(self) -> QWidget:
        return self.group.checkedButton() or self.order[0]


@register("yes_no_unknown")
class YesNoUnknownEditor(ChoiceButtons):
    def options(self) -> list[tuple[Any, str]]:
        return [("yes", self.tr("Yes")), ("no", self.tr("No")), ("unknown", self.tr("Not known"))]

    @property
    def buttons(self) -> dict[str, QRadioButton]:
        return {self.values[b]: b for b in self.order}


@register("consent")
class ConsentEditor(ChoiceButtons):
    """Agrees / does not agree; neither chosen means not asked yet."""

    def options(self) -> list[tuple[Any, str]]:
        return [(True, self.tr("Agrees")), (False, self.tr("Does not agree"))]

    @property
    def yes(self) -> QRadioButton:
        return self.order[0]

    @property
    def no(self) -> QRadioButton:
        return self.order[1]
