"""Patterns, drawn: victims by status per month and per neighbourhood,
violations by perpetrator type, and incidents with their independent sources."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QScrollArea, QSizePolicy, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from desktop.core import analysis
from desktop.core.vault import Vault

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
    out = []
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
        self.tabs.addTab(_chart_page(self.tr("Victims by status, per month"), self.tr(
            "Each victim of each act counted once per testimony, in the month the act began. "
            "Two testimonies about the same victim count twice until they are linked and reviewed."),
            self.by_month), self.tr("Victims by month"))
        self.tabs.addTab(_chart_page(self.tr("Victims by status, per neighbourhood"), self.tr(
            "Neighbourhood (district), or the city when no district was given."),
            self.by_place), self.tr("By neighbourhood"))
        self.tabs.addTab(_chart_page(self.tr("Violations by perpetrator type"), self.tr(
            "Acts per alleged perpetrator (force, unit or group), by type of act."),
            self.by_perpetrator), self.tr("By perpetrator"))
        self.incidents = QTableWidget()
        self.incidents.setAccessibleName(self.tr("Incidents and independent sources"))
        inc_page = QWidget()
        il = QVBoxLayout(inc_page)
        for label in _header(self.tr("Incidents and corroboration"), self.tr(
                "Acts of the same type, day (or month) and place form an incident; testimonies linked as the "
                "same incident are merged. Independent sources are distinct field devices.")):
            il.addWidget(label)
        il.addWidget(self.incidents, 1)
        self.tabs.addTab(inc_page, self.tr("Incidents"))

    def refresh(self, acts: list[analysis.Act] | None = None) -> None:
        acts = analysis.acts(self.vault) if acts is None else acts
        statuses = [Series(s, self.labels.status(s), QColor(STATUS_COLORS[s])) for s in analysis.VICTIM_STATUSES]

        by_month = analysis.victims_by_status(acts, "month")
        months = month_range(list(by_month)) + (["unknown"] if "unknown" in by_month else [])
        self.by_month.set_data([self.labels.month(m) for m in months], statuses,
                               [[by_month.get(m, Counter())[s.key] for s in statuses] for m in months])

        by_place = analysis.victims_by_status(acts, "place")
        places = sorted(by_place, key=lambda k: (-sum(by_place[k].values()), k))
        self.by_place.set_data([self.labels.place(p) for p in places], statuses,
                               [[by_place[p][s.key] for s in statuses] for p in places])

        table = analysis.violations_by_perpetrator(acts)
        kinds = Counter()
        for counts in table.values():
            kinds.update(counts)
        kind_order = [k for k, _n in kinds.most_common()]
        series = [Series(k, self.labels.violation(k), QColor(PALETTE[i % len(PALETTE)]))
                  for i, k in enumerate(kind_order)]
        perps = sorted(table, key=lambda k: (-sum(table[k].values()), k))
        self.by_perpetrator.set_data([self.labels.perpetrator(p) for p in perps], series,
                                     [[table[p][k] for k in kind_order] for p in perps])
        for chart in (self.by_place, self.by_perpetrator):
            chart.setMinimumHeight(max(220, chart.sizeHint().height()))
        self._fill_incidents(analysis.incidents(self.vault, acts))

    def _fill_incidents(self, incidents: list[analysis.Incident]) -> None:
        t = self.incidents
        t.clear()
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels([self.tr("Violation"), self.tr("When"), self.tr("Where"),
                                     self.tr("Testimonies"), self.tr("Independent sources")])
        t.setRowCount(len(incidents))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        for i, inc in enumerate(incidents):
            cells = [self.labels.violation(inc.act_type), self.labels.month(inc.when), self.labels.place(inc.place),
                     str(len(inc.records)), str(inc.sources)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(i, col, item)
        header = t.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
