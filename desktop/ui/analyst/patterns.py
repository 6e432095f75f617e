"""Patterns, drawn: victims by status per month and per neighbourhood,
violations by perpetrator type, and incidents by their independent sources,
each person and each incident counted once where the desk confirmed links."""

from __future__ import annotations

from collections import Counter

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

    def refresh(self, acts: list[analysis.Act] | None = None) -> None:
        """Counts from the desk: each person and each incident once where links are confirmed."""
        del acts  # the counts come from the vault itself (SQL), not from the testimonies list
        statuses = [Series(s, self.labels.status(s), QColor(STATUS_COLORS[s])) for s in analysis.VICTIM_STATUSES]

        month_counts = desk.victims_by_status(self.vault, "month")
        by_month = month_counts.table
        months = month_range(list(by_month)) + (["unknown"] if "unknown" in by_month else [])
        self.by_month.set_data([self.labels.month(m) for m in months], statuses,
                               [[by_month.get(m, {}).get(s.key, 0) for s in statuses] for m in months])
        unconfirmed = month_counts.total_unconfirmed()
        self._note(self.month_page, self.tr(
            "Each person counted once, in the month the act began; testimonies confirmed as the same person "
            "(Desk) count as one. {n} of these counts are victims not yet confirmed across testimonies, so "
            "two accounts of one victim may still count twice.").format(n=unconfirmed))

        place_counts = desk.victims_by_status(self.vault, "place")
        by_place = place_counts.table
        places = sorted(by_place, key=lambda k: (-sum(by_place[k].values()), k))
        self.by_place.set_data([self.labels.place(p) for p in places], statuses,
                               [[by_place[p].get(s.key, 0) for s in statuses] for p in places])
        self._note(self.place_page, self.tr(
            "Neighbourhood (district), or the city when no district was given. Each person counted once; "
            "{n} not yet confirmed across testimonies.").format(n=place_counts.total_unconfirmed()))

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
            loose=loose, total=total))

        by_sources = desk.incidents_by_sources(self.vault)
        keys = sorted(by_sources)
        one = [Series("incidents", self.tr("Incidents"), QColor(PALETTE[0]))]
        self.by_sources.set_data([str(k) for k in keys], one, [[by_sources[k]] for k in keys])
        self._note(self.sources_page, self.tr(
            "Filed incidents by the number of independent sources (different interviewees) behind them. "
            "{loose} of {total} acts of testimonies are in no incident yet.").format(loose=loose, total=total))
        for chart in (self.by_place, self.by_perpetrator):
            chart.setMinimumHeight(max(220, chart.sizeHint().height()))
