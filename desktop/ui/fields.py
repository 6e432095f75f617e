"""Answer editors for each field type of the form language.

Each editor turns one field's answer to and from widgets; ``value()`` returns
the answer in the form language's JSON shape, or None when unanswered.
Editors know nothing about saving, validation rules or relevance: the
interview view asks the form for those.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup, QCalendarWidget, QCheckBox, QComboBox, QCompleter, QFrame, QGridLayout, QHBoxLayout,
    QLineEdit, QMenu, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpinBox, QStackedWidget,
    QTimeEdit, QToolButton, QVBoxLayout, QWidget, QWidgetAction,
)

from .base.widgets import PlainLabel, clean_text



def _pick(texts: dict, lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "") if texts else ""


class Editor(QWidget):
    """Base of all editors."""

    changed = Signal()

    def __init__(self, field: Any, lang: str, context: "EditorContext", parent: QWidget | None = None) -> None:
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

    def rows(self) -> list["FieldRow"]:
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


class IntegerEditor(TextEditor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.edit.setValidator(QIntValidator(-999_999_999, 999_999_999, self))
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.layout().addStretch(1)

    def value(self) -> Any:
        t = self.edit.text().strip()
        try:
            return int(t) if t else None
        except ValueError:
            return None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


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
        return self.values.get(b) if b is not None else None

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


class YesNoUnknownEditor(ChoiceButtons):
    def options(self) -> list[tuple[Any, str]]:
        return [("yes", self.tr("Yes")), ("no", self.tr("No")), ("unknown", self.tr("Not known"))]

    @property
    def buttons(self) -> dict[str, QRadioButton]:
        return {self.values[b]: b for b in self.order}


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


class DateField(QWidget):
    """A date typed as digits (2026-12-01 or 20261201), with a calendar beside it.

    The text is always year-month-day and left to right, whatever the
    language. ``date()`` is invalid until a whole, real date is typed.
    """

    dateChanged = Signal(QDate)

    def __init__(self, date: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maximum = QDate()
        self.edit = QLineEdit()
        self.edit.setInputMask("0000-00-00")
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.edit.setPlaceholderText("yyyy-mm-dd")
        self.edit.textChanged.connect(self._typed)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Choose on a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the date is typed; the calendar is extra
        self.calendar_button.clicked.connect(self._pick)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)
        self.setDate(date)

    def _typed(self, _text: str) -> None:
        self.dateChanged.emit(self.date())

    def date(self) -> QDate:
        digits = "".join(ch for ch in self.edit.text() if ch.isdigit())
        return QDate.fromString(digits, "yyyyMMdd") if len(digits) == 8 else QDate()

    def raw(self) -> str:
        return self.edit.text().strip("-")

    def setDate(self, date: QDate) -> None:  # noqa: N802 - the QDateEdit name, for the callers
        self.edit.setText(date.toString("yyyy-MM-dd") if date.isValid() else "")

    def setMaximumDate(self, date: QDate) -> None:  # noqa: N802
        self.maximum = date

    def _pick(self) -> None:
        menu = QMenu(self)
        cal = QCalendarWidget()
        if self.maximum.isValid():
            cal.setMaximumDate(self.maximum)
        if self.date().isValid():
            cal.setSelectedDate(self.date())
        act = QWidgetAction(menu)
        act.setDefaultWidget(cal)
        menu.addAction(act)
        cal.clicked.connect(self.setDate)
        cal.clicked.connect(menu.close)
        cal.activated.connect(self.setDate)
        cal.activated.connect(menu.close)
        self._menu = menu
        menu.popup(self.calendar_button.mapToGlobal(self.calendar_button.rect().bottomLeft()))
        cal.setFocus()


class ApproxDateEditor(Editor):
    """A date as precise as the witness can give it: day, month, part of month, year, range."""

    PRECISIONS = ("", "day", "month", "part_of_month", "year", "range", "unknown")

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        names = {"": self.tr("— not answered —"), "day": self.tr("Exact day"), "month": self.tr("Month"),
                 "part_of_month": self.tr("Part of a month"), "year": self.tr("Year only"),
                 "range": self.tr("Between two dates"), "unknown": self.tr("Not known")}
        self.precision = QComboBox()
        self.precision.setAccessibleName(self.tr("Date precision"))
        for p in self.PRECISIONS:
            self.precision.addItem(names[p], p)
        self.stack = QStackedWidget()
        today = QDate.currentDate()

        def date_edit() -> DateField:
            d = DateField(today)
            d.setMaximumDate(today)  # testimony is about what happened: never a future date
            d.dateChanged.connect(self.changed)
            return d

        def year_spin() -> QSpinBox:
            s = QSpinBox()
            s.setRange(1900, today.year())
            s.setValue(today.year())
            s.setAccessibleName(self.tr("Year"))
            s.setGroupSeparatorShown(False)
            s.valueChanged.connect(self.changed)
            return s

        def month_combo() -> QComboBox:
            c = QComboBox()
            c.setAccessibleName(self.tr("Month"))
            for i, name in enumerate(self.month_names(), start=1):
                c.addItem(name, i)
            c.setCurrentIndex(today.month() - 1)
            c.currentIndexChanged.connect(self.changed)
            return c

        self.pages: dict[str, QWidget] = {}
        empty = QWidget()
        self.day = date_edit()
        self.day.setAccessibleName(self.tr("Date"))
        self.m_month, self.m_year = month_combo(), year_spin()
        self.p_part = QComboBox()
        self.p_part.setAccessibleName(self.tr("Part of the month"))
        for v, t in (("early", self.tr("early")), ("mid", self.tr("middle of")), ("late", self.tr("late"))):
            self.p_part.addItem(t, v)
        self.p_part.currentIndexChanged.connect(self.changed)
        self.p_month, self.p_year = month_combo(), year_spin()
        self.y_year = year_spin()
        self.r_from, self.r_to = date_edit(), date_edit()
        self.r_from.setAccessibleName(self.tr("From"))
        self.r_to.setAccessibleName(self.tr("To"))

        def page(*widgets: QWidget, between: str | None = None) -> QWidget:
            w = QWidget()
            h = QHBoxLayout(w)
            h.setContentsMargins(0, 0, 0, 0)
            for i, x in enumerate(widgets):
                if between and i == 1:
                    h.addWidget(PlainLabel(between, wrap=False))
                h.addWidget(x)
            h.addStretch(1)
            return w

        for key, w in (("", empty), ("day", page(self.day)), ("month", page(self.m_month, self.m_year)),
                       ("part_of_month", page(self.p_part, self.p_month, self.p_year)),
                       ("year", page(self.y_year)),
                       ("range", page(self.r_from, self.r_to, between=self.tr("and"))),
                       ("unknown", QWidget())):
            self.pages[key] = w
            self.stack.addWidget(w)
        self.precision.currentIndexChanged.connect(self._switch)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.precision)
        lay.addWidget(self.stack, 1)

    def problem(self) -> str:
        """A typed date that is incomplete, not a real day, or in the future."""
        p = self.precision.currentData()
        edits = [self.day] if p == "day" else [self.r_from, self.r_to] if p == "range" else []
        today = QDate.currentDate()
        for d in edits:
            if not d.date().isValid():
                return self.tr("Type a whole date, year-month-day (for example {example}).").format(
                    example=today.toString("yyyy-MM-dd"))
            if d.date() > today:
                return self.tr("This date is in the future.")
        if p == "month" and (self.m_year.value(), self.m_month.currentData()) > (today.year(), today.month()):
            return self.tr("This date is in the future.")
        if p == "part_of_month" and (self.p_year.value(), self.p_month.currentData()) > (today.year(),
                                                                                        today.month()):
            return self.tr("This date is in the future.")
        return ""

    def month_names(self) -> list[str]:
        return [self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
                self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
                self.tr("November"), self.tr("December")]

    def _switch(self) -> None:
        self.stack.setCurrentWidget(self.pages[self.precision.currentData()])
        self.changed.emit()

    def value(self) -> Any:
        p = self.precision.currentData()
        if not p:
            return None
        if p == "day":
            return {"precision": p, "date": self._text(self.day)}
        if p == "month":
            return {"precision": p, "month": f"{self.m_year.value():04d}-{self.m_month.currentData():02d}"}
        if p == "part_of_month":
            return {"precision": p, "month": f"{self.p_year.value():04d}-{self.p_month.currentData():02d}",
                    "part": self.p_part.currentData()}
        if p == "year":
            return {"precision": p, "year": str(self.y_year.value())}
        if p == "range":
            return {"precision": p, "from": self._text(self.r_from), "to": self._text(self.r_to)}
        return {"precision": "unknown"}

    @staticmethod
    def _text(d: DateField) -> str:
        return d.date().toString("yyyy-MM-dd") if d.date().isValid() else d.raw()

    def set_value(self, value: Any) -> None:
        v = value if isinstance(value, dict) else {}
        p = v.get("precision", "")
        if p not in self.PRECISIONS:
            p = ""

        def ym(s: Any) -> tuple[int, int]:
            try:
                y, m = str(s).split("-")[:2]
                return int(y), int(m)
            except ValueError:
                return QDate.currentDate().year(), QDate.currentDate().month()

        if p == "day":
            self.day.setDate(QDate.fromString(str(v.get("date")), "yyyy-MM-dd"))
        elif p == "month":
            y, m = ym(v.get("month"))
            self.m_year.setValue(y)
            self.m_month.setCurrentIndex(m - 1)
        elif p == "part_of_month":
            y, m = ym(v.get("month"))
            self.p_year.setValue(y)
            self.p_month.setCurrentIndex(m - 1)
            self.p_part.setCurrentIndex(max(0, self.p_part.findData(v.get("part"))))
        elif p == "year":
            try:
                self.y_year.setValue(int(str(v.get("year"))[:4]))
            except ValueError:
                pass
        elif p == "range":
            self.r_from.setDate(QDate.fromString(str(v.get("from")), "yyyy-MM-dd"))
            self.r_to.setDate(QDate.fromString(str(v.get("to")), "yyyy-MM-dd"))
        self.precision.setCurrentIndex(self.precision.findData(p))

    def focus_target(self) -> QWidget:
        return self.precision


class TimeEditor(Editor):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.precision = QComboBox()
        self.precision.setAccessibleName(self.tr("Time precision"))
        for text, v in ((self.tr("— not answered —"), ""), (self.tr("Exact time"), "exact"),
                        (self.tr("Time of day"), "period"), (self.tr("Not known"), "unknown")):
            self.precision.addItem(text, v)
        self.time = QTimeEdit(QTime(12, 0))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Time of day"))
        for text, v in ((self.tr("morning"), "morning"), (self.tr("afternoon"), "afternoon"),
                        (self.tr("evening"), "evening"), (self.tr("night"), "night")):
            self.period.addItem(text, v)
        self.precision.currentIndexChanged.connect(self._switch)
        self.time.timeChanged.connect(self.changed)
        self.period.currentIndexChanged.connect(self.changed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.precision, self.time, self.period):
            lay.addWidget(w)
        lay.addStretch(1)
        self._switch()

    def _switch(self) -> None:
        p = self.precision.currentData()
        self.time.setVisible(p == "exact")
        self.period.setVisible(p == "period")
        self.changed.emit()

    def value(self) -> Any:
        p = self.precision.currentData()
        if p == "exact":
            return {"precision": p, "time": self.time.time().toString("HH:mm")}
        if p == "period":
            return {"precision": p, "period": self.period.currentData()}
        if p == "unknown":
            return {"precision": p}
        return None

    def set_value(self, value: Any) -> None:
        v = value if isinstance(value, dict) else {}
        if v.get("precision") == "exact":
            self.time.setTime(QTime.fromString(str(v.get("time")), "HH:mm"))
        if v.get("precision") == "period":
            self.period.setCurrentIndex(max(0, self.period.findData(v.get("period"))))
        self.precision.setCurrentIndex(max(0, self.precision.findData(v.get("precision", ""))))

    def focus_target(self) -> QWidget:
        return self.precision


class LocationEditor(Editor):
    """City and neighbourhood from the gazetteer (with completion), or a description."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.gaz = self.field.gazetteer
        self.city = QComboBox()
        self.city.setEditable(True)
        self.city.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.city.setAccessibleName(self.tr("City or town"))
        self.city.lineEdit().setPlaceholderText(self.tr("City or town"))
        self.city.addItem("", None)
        places = sorted(self.gaz.places.values(), key=lambda p: _pick(p.label, self.lang)) if self.gaz else []
        for p in places:
            self.city.addItem(clean_text(_pick(p.label, self.lang) or p.id), p.id)
        completer = QCompleter(self.city.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.city.setCompleter(completer)
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.district.setAccessibleName(self.tr("Neighbourhood"))
        self.district.lineEdit().setPlaceholderText(self.tr("Neighbourhood"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Description (street, landmark, or a place not in the list)"))
        self.text.setAccessibleName(self.tr("Place description"))
        self.city.currentIndexChanged.connect(self._city_changed)
        self.district.currentIndexChanged.connect(self.changed)
        self.text.textChanged.connect(self.changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.city, 0, 0)
        grid.addWidget(self.district, 0, 1)
        grid.addWidget(self.text, 1, 0, 1, 2)
        self._city_changed()

    def _city_changed(self) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem("", None)
        cid = self.city.currentData()
        if self.gaz and cid in self.gaz.places:
            items = sorted(self.gaz.places[cid].districts.items(), key=lambda kv: _pick(kv[1], self.lang))
            for did, label in items:
                self.district.addItem(clean_text(_pick(label, self.lang) or did), did)
            completer = QCompleter(self.district.model(), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.district.setCompleter(completer)
        self.district.setEnabled(self.district.count() > 1)
        self.district.blockSignals(False)
        self.changed.emit()

    def value(self) -> Any:
        out: dict[str, Any] = {}
        cid = self.city.currentData()
        if cid and self.city.currentText() == self.city.itemText(self.city.currentIndex()):
            out["city"] = cid
            did = self.district.currentData()
            if did:
                out["district"] = did
        t = self.text.text().strip()
        if t:
            out["text"] = t
        return out or None

    def set_value(self, value: Any) -> None:
        v = value if isinstance(value, dict) else {}
        self.city.setCurrentIndex(max(0, self.city.findData(v.get("city"))) if v.get("city") else 0)
        if v.get("district"):
            self.district.setCurrentIndex(max(0, self.district.findData(v.get("district"))))
        self.text.setText(clean_text(v.get("text") or ""))

    def focus_target(self) -> QWidget:
        return self.city


class AttachmentFieldEditor(Editor):
    """Points at one of the files added to this interview."""

    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.field.title(self.lang))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        self.hint = PlainLabel(self.tr("Add files in the Attachments panel first."), wrap=True)
        self.hint.setObjectName("hint")
        lay.addWidget(self.hint)
        self._wanted: str | None = None
        self.context.listeners.append(self._reload)
        self.combo.currentIndexChanged.connect(self._picked)
        self._reload()

    def _picked(self) -> None:
        self._wanted = self.combo.currentData()
        self.changed.emit()

    def _reload(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— none —"), None)
        for att_id, name in self.context.attachments:
            self.combo.addItem(clean_text(name), att_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._wanted)) if self._wanted else 0)
        self.combo.blockSignals(False)
        self.hint.setVisible(not self.context.attachments)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self._wanted = value
        self._reload()


class NoteEditor(Editor):
    pass


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

    def rows(self) -> list["FieldRow"]:
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

    def all_rows(self) -> list["FieldRow"]:
        out: list[FieldRow] = []
        for row in self.rows_:
            out.append(row)
            out.extend(row.editor.rows())
        return out


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
        anchor = self.add_button.previousInFocusChain()  # the last control before this list's button
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

    def _chain(self, anchor: QWidget, entry: "EntryBox") -> None:
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

    def _reveal(self, entry: "EntryBox") -> None:
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

    def rows(self) -> list["FieldRow"]:
        out: list[FieldRow] = []
        for e in self.entries:
            out.extend(e.all_rows())
        return out

    def focus_target(self) -> QWidget:
        return self.add_button


EDITORS: dict[str, type[Editor]] = {
    "text": TextEditor, "narrative": NarrativeEditor, "integer": IntegerEditor,
    "select_one": SelectOneEditor, "select_multiple": SelectMultipleEditor,
    "yes_no_unknown": YesNoUnknownEditor, "boolean": BooleanEditor, "consent": ConsentEditor,
    "approx_date": ApproxDateEditor, "time": TimeEditor, "location": LocationEditor,
    "attachment": AttachmentFieldEditor, "note": NoteEditor,
}


def make_editor(field: Any, lang: str, context: EditorContext) -> Editor:
    if field.type in ("group", "person"):
        cls: type[Editor] = RepeatEditor if field.repeat else GroupEditor
    else:
        cls = EDITORS.get(field.type, TextEditor)
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
