"""Dates (typed as digits, with a calendar beside; approximate dates) and times."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ..base.widgets import PlainLabel
from .base import Editor, register


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


@register("approx_date")
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


@register("time")
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
