"""Bar charts drawn with QPainter: plain and stacked, vertical or horizontal.

No chart library: a few rectangles and labels are enough, and drawing them
ourselves keeps Arabic labels shaped by Qt's text engine and lets the whole
chart mirror in right-to-left layouts (categories run from the right, labels
sit on the right of horizontal bars, the legend starts on the right).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .widgets import clean_text

PALETTE = ("#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#7b4173")


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    color: QColor


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round step (1, 2, 5 × 10^n) giving about ``ticks`` grid lines up to ``maximum``."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return max(1.0, m * mag)
    return max(1.0, 10 * mag)


class StackedBarChart(QWidget):
    """Categories × series of non-negative counts; one bar per category.

    ``set_data(categories, series, values)`` with ``values[i][j]`` the count of
    series ``j`` in category ``i``. Vertical bars suit short category labels
    (months); horizontal bars suit long ones (places, forces).
    """

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Vertical,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orientation = orientation
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.values: list[list[float]] = []
        self._hit: list[tuple[QRectF, int, int]] = []
        self.labelled: list[int] = []  # the categories whose label the last paint drew (vertical bars)
        self.empty_text = ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    # ---------------------------------------------------------------- data
    def set_data(self, categories: list[str], series: list[Series], values: list[list[float]]) -> None:
        if len(values) != len(categories) or any(len(row) != len(series) for row in values):
            raise ValueError("values must have one row per category and one column per series")
        self.categories = [clean_text(c) for c in categories]
        self.series = [Series(s.key, clean_text(s.label), QColor(s.color)) for s in series]
        self.values = [[max(0.0, float(v)) for v in row] for row in values]
        self._describe()
        self.updateGeometry()
        self.update()

    def totals(self) -> list[float]:
        return [sum(row) for row in self.values]

    def is_empty(self) -> bool:
        return not any(self.totals())

    def _describe(self) -> None:
        parts = [f"{c}: {self._fmt(t)}" for c, t in zip(self.categories, self.totals(), strict=True)]
        self.setAccessibleDescription("; ".join(parts))

    @staticmethod
    def _fmt(v: float) -> str:
        from PySide6.QtCore import QLocale

        return QLocale().toString(int(v)) if float(v).is_integer() else QLocale().toString(v, "f", 1)

    # ---------------------------------------------------------------- geometry
    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _x(self, rect: QRectF, x: float, w: float = 0.0) -> float:
        """Mirror a left-to-right x position (of something ``w`` wide) inside ``rect`` when RTL."""
        return rect.right() - (x - rect.left()) - w if self._rtl() else x

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        if self.orientation == Qt.Orientation.Horizontal:
            rows = max(1, len(self.categories))
            return QSize(640, int(rows * fm.height() * 1.9 + fm.height() * 5))
        return QSize(640, 320)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, 200)

    def _legend(self, p: QPainter | None, area: QRectF) -> float:
        """Lay out (and draw when ``p`` is given) the legend; returns its height."""
        if len(self.series) < 2 and self.orientation == Qt.Orientation.Horizontal:
            return 0.0
        if not self.series:
            return 0.0
        fm = self.fontMetrics()
        box = fm.height() * 0.8
        gap = fm.horizontalAdvance("  ")
        x, y, line = area.left(), area.top(), fm.height() * 1.4
        for s in self.series:
            w = box + gap / 2 + fm.horizontalAdvance(s.label) + gap
            if x + w > area.right() and x > area.left():
                x, y = area.left(), y + line
            if p is not None:
                sx = self._x(area, x, box)
                p.fillRect(QRectF(sx, y + (line - box) / 2, box, box), s.color)
                tw = fm.horizontalAdvance(s.label) + 2
                tx = self._x(area, x + box + gap / 2, tw)
                p.setPen(self.palette().windowText().color())
                p.drawText(QRectF(tx, y, tw, line), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                           s.label)
            x += w
        return y - area.top() + line + fm.height() * 0.4

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pad = self.fontMetrics().height() * 0.6
        area = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        self._hit = []
        if self.is_empty():
            p.setPen(self.palette().placeholderText().color())
            p.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            return
        legend_h = self._legend(p, area)
        plot = area.adjusted(0, legend_h, 0, 0)
        if self.orientation == Qt.Orientation.Horizontal:
            self._paint_horizontal(p, plot)
        else:
            self._paint_vertical(p, plot)
        p.end()

    def _grid_pen(self) -> QPen:
        c = QColor(self.palette().mid().color())
        c.setAlpha(110)
        return QPen(c, 1, Qt.PenStyle.DotLine)

    def _paint_vertical(self, p: QPainter, plot: QRectF) -> None:
        fm = self.fontMetrics()
        top = max(self.totals())
        step = nice_step(top)
        ymax = step * math.ceil(top / step)
        axis_w = max(fm.horizontalAdvance(self._fmt(ymax)), fm.horizontalAdvance("0")) + fm.horizontalAdvance(" ")
        label_h = fm.height() * 1.5
        value_h = fm.height()
        bars = QRectF(plot.left() + axis_w, plot.top() + value_h, plot.width() - axis_w,
                      plot.height() - label_h - value_h)
        if self._rtl():  # the axis goes on the right: the bars start at the left edge
            bars.moveLeft(plot.left())
        text = self.palette().windowText().color()
        # grid and axis labels
        v = 0.0
        while v <= ymax + 1e-9:
            y = bars.bottom() - bars.height() * (v / ymax)
            p.setPen(self._grid_pen())
            p.drawLine(QPointF(bars.left(), y), QPointF(bars.right(), y))
            p.setPen(text)
            ax = QRectF(plot.right() - axis_w, y - fm.height() / 2, axis_w - 4, fm.height()) if self._rtl() \
                else QRectF(plot.left(), y - fm.height() / 2, axis_w - 4, fm.height())
            p.drawText(ax, int(Qt.AlignmentFlag.AlignVCenter
                               | (Qt.AlignmentFlag.AlignLeft if self._rtl() else Qt.AlignmentFlag.AlignRight)),
                       self._fmt(v))
            v += step
        n = len(self.categories)
        slot = bars.width() / n
        bw = min(slot * 0.7, fm.horizontalAdvance("M") * 6)
        every, widest = self.label_step(slot)
        self.labelled = []
        for i, (cat, row) in enumerate(zip(self.categories, self.values, strict=True)):
            x = self._x(bars, bars.left() + slot * i, slot)
            bx = x + (slot - bw) / 2
            y = bars.bottom()
            for j, val in enumerate(row):
                if val <= 0:
                    continue
                h = bars.height() * (val / ymax)
                r = QRectF(bx, y - h, bw, h)
                p.fillRect(r, self.series[j].color)
                self._hit.append((r, i, j))
                y -= h
            p.setPen(text)
            if sum(row) > 0:
                p.drawText(QRectF(x, y - value_h, slot, value_h),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self._fmt(sum(row)))
            if i % every == 0:  # whole labels, spaced so that they do not run into each other
                centre = x + slot / 2
                left = min(max(plot.left(), centre - widest / 2), plot.right() - widest)
                p.drawText(QRectF(left, bars.bottom() + 2, widest, label_h),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), cat)
                self.labelled.append(i)
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(bars.left(), bars.bottom()), QPointF(bars.right(), bars.bottom()))

    def label_step(self, slot: float) -> tuple[int, float]:
        """(label every how many bars, the widest label's width): bars too narrow for their
        labels (five years of months) are labelled every few bars, never cut to "Feb …";
        the tooltip of every bar names it."""
        fm = self.fontMetrics()
        widest = max(fm.horizontalAdvance(c) for c in self.categories) + fm.horizontalAdvance("  ")
        return max(1, math.ceil(widest / max(slot, 1.0))), float(widest)

    def _paint_horizontal(self, p: QPainter, plot: QRectF) -> None:
        fm = self.fontMetrics()
        top = max(self.totals())
        step = nice_step(top)
        xmax = step * math.ceil(top / step)
        label_w = min(max(fm.horizontalAdvance(c) for c in self.categories) + fm.horizontalAdvance("  "),
                      plot.width() * 0.42)
        value_w = fm.horizontalAdvance(self._fmt(top)) + fm.horizontalAdvance("  ")
        axis_h = fm.height() * 1.3
        ltr_bars = QRectF(plot.left() + label_w, plot.top(), plot.width() - label_w - value_w,
                          plot.height() - axis_h)
        text = self.palette().windowText().color()
        n = len(self.categories)
        slot = ltr_bars.height() / n
        bh = min(slot * 0.7, fm.height() * 1.4)
        v = 0.0
        while v <= xmax + 1e-9:
            x = self._x(plot, ltr_bars.left() + ltr_bars.width() * (v / xmax))
            p.setPen(self._grid_pen())
            p.drawLine(QPointF(x, ltr_bars.top()), QPointF(x, ltr_bars.bottom()))
            p.setPen(text)
            tick_w = fm.horizontalAdvance(self._fmt(v)) + 4
            p.drawText(QRectF(x - tick_w / 2, ltr_bars.bottom() + 2, tick_w, axis_h),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self._fmt(v))
            v += step
        for i, (cat, row) in enumerate(zip(self.categories, self.values, strict=True)):
            y = ltr_bars.top() + slot * i
            by = y + (slot - bh) / 2
            p.setPen(text)
            lw = label_w - fm.horizontalAdvance(" ")
            label = fm.elidedText(cat, Qt.TextElideMode.ElideRight, int(lw))
            lx = self._x(plot, plot.left(), lw)
            p.drawText(QRectF(lx, y, lw, slot), int(Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if self._rtl() else Qt.AlignmentFlag.AlignRight)), label)
            x = ltr_bars.left()
            for j, val in enumerate(row):
                if val <= 0:
                    continue
                w = ltr_bars.width() * (val / xmax)
                r = QRectF(self._x(plot, x, w), by, w, bh)
                p.fillRect(r, self.series[j].color)
                self._hit.append((r, i, j))
                x += w
            p.setPen(text)
            vw = value_w
            p.drawText(QRectF(self._x(plot, x + 4, vw), y, vw, slot), int(Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if self._rtl() else Qt.AlignmentFlag.AlignLeft)), self._fmt(sum(row)))
        p.setPen(QPen(text, 1))
        ax = self._x(plot, ltr_bars.left())
        p.drawLine(QPointF(ax, ltr_bars.top()), QPointF(ax, ltr_bars.bottom()))

    # ---------------------------------------------------------------- tooltips
    def bar_at(self, pos: QPointF) -> tuple[int, int] | None:
        for rect, i, j in self._hit:
            if rect.contains(pos):
                return i, j
        return None

    def event(self, e: QEvent) -> bool:  # noqa: D401 - Qt API
        if e.type() == e.Type.ToolTip and isinstance(e, QHelpEvent):
            hit = self.bar_at(QPointF(e.pos()))
            if hit is None:
                QToolTip.hideText()
            else:
                i, j = hit
                name = self.series[j].label
                text = f"{self.categories[i]}\n{name}: {self._fmt(self.values[i][j])}" if name else \
                    f"{self.categories[i]}: {self._fmt(self.values[i][j])}"
                QToolTip.showText(e.globalPos(), text, self)
            return True
        return super().event(e)


class BarChart(StackedBarChart):
    """A single series: ``set_values(labels, values)``."""

    def set_values(self, labels: list[str], values: list[float], color: str = PALETTE[0], label: str = "") -> None:
        self.set_data(labels, [Series("value", label, QColor(color))], [[v] for v in values])
