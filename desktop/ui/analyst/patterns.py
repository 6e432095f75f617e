"""Patterns, drawn: victims by status per month and per neighbourhood,
violations by perpetrator type, and incidents by their independent sources,
each person and each incident counted once where the desk confirmed links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import Vault, analysis, desk

from ..base.charts import PALETTE, Series, StackedBarChart
from ..base.labels import Labels
from .desk_text import num

STATUS_COLORS = {"killed": "#8b1e1e", "injured": "#e07b00", "arrested": "#1f5fa8", "disappeared": "#6b3fa0"}


def month_range(keys: list[str]) -> list[str]:
    """Every month from the first to the last of ``keys`` (YYYY-MM), so gaps show as empty."""
    months = sorted(k for k in keys if len(k) == 7 and k[4] == "-" and k[:4].isdigit() and k[5:].isdigit())
    if not months:
        return []
    y, m = int(months[0][:4]), int(months[0][5:])
    end = (int(months[-1][:4]), int(months[-1][5:]))
    out: list[str] = []
    while (y, m) <= end and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _header(title: str, note: str) -> list[QLabel]:
    """A page title and its note: fixed interface text, shown as plain text."""
    head = QLabel(title)
    head.setObjectName("subheading")
    font = head.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.15)
    head.setFont(font)
    hint = QLabel(note)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    for label in (head, hint):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return [head, hint]


def _chart_page(title: str, note: str, chart: StackedBarChart) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    for label in _header(title, note):
        lay.addWidget(label)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(chart)
    lay.addWidget(scroll, 1)
    return page


class PatternsView(QWidget):
    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.labels = labels
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        empty = self.tr("No victims with a known status (killed, injured, arrested, disappeared) yet.")
        self.by_month = StackedBarChart(Qt.Orientation.Vertical)
        self.by_month.setAccessibleName(self.tr("Victims by status per month"))
        self.by_month.empty_text = empty
        self.by_place = StackedBarChart(Qt.Orientation.Horizontal)
        self.by_place.setAccessibleName(self.tr("Victims by status per neighbourhood"))
        self.by_place.empty_text = empty
        self.by_perpetrator = StackedBarChart(Qt.Orientation.Horizontal)
        self.by_perpetrator.setAccessibleName(self.tr("Violations by perpetrator type"))
        self.by_perpetrator.empty_text = self.tr("No acts recorded yet.")
        self.month_page = _chart_page(self.tr("Victims by status, per month"), "", self.by_month)
        self.tabs.addTab(self.month_page, self.tr("Victims by month"))
        self.place_page = _chart_page(self.tr("Victims by status, per neighbourhood"), "", self.by_place)
        self.tabs.addTab(self.place_page, self.tr("By neighbourhood"))
        self.perp_page = _chart_page(self.tr("Violations by perpetrator type"), "", self.by_perpetrator)
        self.tabs.addTab(self.perp_page, self.tr("By perpetrator"))
        self.by_sources = StackedBarChart(Qt.Orientation.Vertical)
        self.by_sources.setAccessibleName(self.tr("Incidents by number of independent sources"))
        self.by_sources.empty_text = self.tr("No incidents filed yet (Desk, Ctrl+3).")
        self.sources_page = _chart_page(self.tr("Incidents by number of independent sources"), "", self.by_sources)
        self.tabs.addTab(self.sources_page, self.tr("Incidents"))

    @staticmethod
    def _note(page: QWidget, text: str) -> None:
        hint = page.findChild(QLabel, "hint")
        if hint is None:
            raise LookupError("a chart page without its note")  # every page has one (_chart_page)
        hint.setText(text)

    def _victims(self, chart: StackedBarChart, counts: desk.Counts, keys: list[str],
                 label: Callable[[str], str]) -> None:
        """Listed victims by status, then those only counted in acts' estimated totals, in a
        paler shade of their status's colour and named as estimates."""
        listed = [Series(s, self.labels.status(s), QColor(STATUS_COLORS[s])) for s in analysis.VICTIM_STATUSES]
        guessed = [Series("estimate:" + s, self.tr("{status} (estimate)").format(status=self.labels.status(s)),
                          QColor(STATUS_COLORS[s]).lighter(165))
                   for s in analysis.VICTIM_STATUSES if any(s in row for row in counts.estimated.values())]

        def value(key: str, series: Series) -> int:
            estimated = counts.estimated.get(key, {})
            if series.key.startswith("estimate:"):
                return estimated.get(series.key.removeprefix("estimate:"), 0)
            return counts.table.get(key, {}).get(series.key, 0) - estimated.get(series.key, 0)

        series = listed + guessed
        chart.set_data([label(k) for k in keys], series, [[value(k, s) for s in series] for k in keys])

    def _estimates_note(self, counts: desk.Counts) -> str:
        out = ""
        if counts.total_estimated():
            out += " " + self.tr(
                "{n} of them are estimates: victims an act counted (“an arrest of 4”) without listing them one "
                "by one, with the status its type implies.").format(n=num(counts.total_estimated()))
        if counts.estimated_without_status:
            out += " " + self.tr(
                "{n} more victims were counted in acts whose type does not say what happened to them "
                "(not in this chart).").format(n=num(counts.estimated_without_status))
        return out

    def refresh(self, acts: list[analysis.Act] | None = None) -> None:
        """Counts from the desk: each person and each incident once where links are confirmed."""
        del acts  # the counts come from the vault itself (SQL), not from the testimonies list
        month_counts = desk.victims_by_status(self.vault, "month")
        by_month = month_counts.table
        months = month_range(list(by_month)) + (["unknown"] if "unknown" in by_month else [])
        self._victims(self.by_month, month_counts, months, self.labels.month)
        self._note(self.month_page, self.tr(
            "Each person counted once, in the month the act began; testimonies confirmed as the same person "
            "(Desk) count as one. {n} of these counts are victims not yet confirmed across testimonies, so "
            "two accounts of one victim may still count twice.").format(n=num(month_counts.total_unconfirmed()))
            + self._estimates_note(month_counts))

        place_counts = desk.victims_by_status(self.vault, "place")
        by_place = place_counts.table
        places = sorted(by_place, key=lambda k: (-sum(by_place[k].values()), k))
        self._victims(self.by_place, place_counts, places, self.labels.place)
        self._note(self.place_page, self.tr(
            "Neighbourhood (district), or the city when no district was given. Each person counted once; "
            "{n} not yet confirmed across testimonies.").format(n=num(place_counts.total_unconfirmed()))
            + self._estimates_note(place_counts))

        perp_counts = desk.violations_by_perpetrator(self.vault)
        table = perp_counts.table
        kinds: Counter[str] = Counter()
        for counts in table.values():
            kinds.update(counts)
        kind_order = [k for k, _n in kinds.most_common()]
        series = [Series(k, self.labels.violation(k), QColor(PALETTE[i % len(PALETTE)]))
                  for i, k in enumerate(kind_order)]
        perps = sorted(table, key=lambda k: (-sum(table[k].values()), k))
        self.by_perpetrator.set_data([self.labels.perpetrator(p) for p in perps], series,
                                     [[table[p].get(k, 0) for k in kind_order] for p in perps])
        loose, total = desk.loose_acts(self.vault)
        self._note(self.perp_page, self.tr(
            "Incidents per alleged perpetrator (force, unit or group), by type of act: acts filed in one "
            "incident count once. {loose} of {total} acts are in no incident yet and count on their own.").format(
            loose=num(loose), total=num(total)))

        by_sources = desk.incidents_by_sources(self.vault)
        keys = sorted(by_sources)
        one = [Series("incidents", self.tr("Incidents"), QColor(PALETTE[0]))]
        self.by_sources.set_data([num(k) for k in keys], one, [[by_sources[k]] for k in keys])
        self._note(self.sources_page, self.tr(
            "Filed incidents by the number of independent sources (different interviewees) behind them. "
            "{loose} of {total} acts of testimonies are in no incident yet.").format(
            loose=num(loose), total=num(total)))
        for chart in (self.by_place, self.by_perpetrator):
            chart.setMinimumHeight(max(220, chart.sizeHint().height()))
