"""The analyst's desk: incidents filed as records of their own, with their
sources and how independent they are, the corroboration level the analyst
sets, candidate acts to accept or reject, and quotations picked from the
redacted narratives. Suggestions and people have their own pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.desk import CORROBORATION_LEVELS
from desktop.core.services import desk
from desktop.core.services import Vault

from ..base import refusals
from ..base.labels import Labels
from ..base.widgets import PlainLabel, heading
from . import desk_text as words

ROLE = Qt.ItemDataRole.UserRole


class _ToViewport(QVBoxLayout):
    """The incident's detail in its scroll area: sized to what is visible (lists shrink first)
    and scrolled only below its minimum, not grown to the preferred height its wrapped labels
    ask for (a scroll area gives a height-for-width layout that height, pushing the buttons
    out of sight). Wrapped labels keep their own minimum height (PlainLabel)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False


class IncidentsPage(QWidget):
    """The list of filed incidents and the one selected."""

    changed = Signal()

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.labels = labels
        self.current: str | None = None
        self.snapshot: desk.Desk | None = None
        self.dialog: QDialog | None = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New incident…"))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(self.new_incident)
        self.report_button = QPushButton(self.tr("Report draft…"))
        self.report_button.setShortcut("Ctrl+R")
        self.report_button.clicked.connect(self.report)
        bar.addWidget(self.new_button)
        bar.addWidget(self.report_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.summary = PlainLabel("")
        self.summary.setObjectName("hint")
        lay.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        lay.addWidget(split, 1)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selected)
        split.addWidget(self.table)
        detail = QWidget()
        d = _ToViewport(detail)
        self.title = heading("", 2)
        d.addWidget(self.title)
        self.facts = PlainLabel("")
        d.addWidget(self.facts)
        d.addWidget(heading(self.tr("Sources"), 3))
        self.sources_line = PlainLabel("")
        d.addWidget(self.sources_line)
        self.sources = QListWidget()
        self.sources.setAccessibleName(self.tr("Sources of the incident"))
        self.sources.setWordWrap(True)
        self.sources.currentRowChanged.connect(self._show_narrative)
        d.addWidget(self.sources, 1)
        row = QHBoxLayout()
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Corroboration level"))
        for code in CORROBORATION_LEVELS:
            self.level.addItem(words.level(code), code)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Evidence for the corroboration level"))
        self.note.setPlaceholderText(self.tr("The evidence for this level"))
        self.save_level = QPushButton(self.tr("Set level"))
        self.save_level.clicked.connect(self.set_level)
        row.addWidget(self.level)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_level)
        d.addLayout(row)
        tabs = QTabWidget()
        d.addWidget(tabs, 2)
        cand = QWidget()
        c = QVBoxLayout(cand)
        c.addWidget(PlainLabel(self.tr("Acts of testimonies in no incident, at the same place, on overlapping dates, "
                                       "of a similar type.")))
        self.candidates = QListWidget()
        self.candidates.setAccessibleName(self.tr("Candidate acts"))
        self.candidates.setWordWrap(True)
        c.addWidget(self.candidates, 1)
        cb = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Attach"))
        self.accept_button.clicked.connect(self.accept_candidate)
        self.reject_button = QPushButton(self.tr("Not this incident"))
        self.reject_button.clicked.connect(self.reject_candidate)
        self.detach_button = QPushButton(self.tr("Detach selected source"))
        self.detach_button.clicked.connect(self.detach_source)
        for b in (self.accept_button, self.reject_button, self.detach_button):
            cb.addWidget(b)
        cb.addStretch(1)
        c.addLayout(cb)
        tabs.addTab(cand, self.tr("Candidates"))
        quote_page = QWidget()
        q = QVBoxLayout(quote_page)
        q.addWidget(PlainLabel(self.tr("The selected source's narrative, as redacted. Select words and quote them.")))
        self.narrative = QPlainTextEdit()
        self.narrative.setReadOnly(True)
        self.narrative.setAccessibleName(self.tr("Redacted narrative"))
        q.addWidget(self.narrative, 1)
        self.quote_button = QPushButton(self.tr("Quote the selection"))
        self.quote_button.clicked.connect(self.quote_selection)
        q.addWidget(self.quote_button)
        self.quotes = QListWidget()
        self.quotes.setAccessibleName(self.tr("Quotations"))
        q.addWidget(self.quotes, 1)
        tabs.addTab(quote_page, self.tr("Quotations"))
        self.error = PlainLabel("")
        self.error.setObjectName("error")
        d.addWidget(self.error)
        # the incident's detail scrolls rather than make the window taller than a 1366x768 screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(detail)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 660])
        self.refresh()

    # ---------------------------------------------------------------- list
    def refresh(self) -> None:
        self.snapshot = desk.load(self.vault)
        incs = self.snapshot.incidents
        t = self.table
        t.clear()
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels([self.tr("Violation"), self.tr("When"), self.tr("Where"),
                                     self.tr("Independent sources"), self.tr("Corroboration")])
        t.setRowCount(len(incs))
        keep = None
        for i, inc in enumerate(incs):
            view = desk.incident_view(self.vault, inc["id"], self.snapshot)
            cells = [self.labels.violation(inc["act_type"]), self._date(inc),
                     self.labels.place(inc["district"] or inc["city"], inc["city"]),
                     words.num(view.sources.independent),
                     words.level(inc["corroboration"])]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, inc["id"])
                t.setItem(i, col, item)
            if inc["id"] == self.current:
                keep = i
        header = t.horizontalHeader()
        for col in range(5):  # every column as wide as its words; the last one takes what is left
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        loose, total = desk.loose_acts(self.vault)
        self.summary.setText(self.tr("Incidents filed: {n}; acts of testimonies in no incident yet: {loose} of "
                                     "{total}.").format(n=words.num(len(incs)), loose=words.num(loose),
                                                        total=words.num(total)))
        target = keep if keep is not None else (0 if incs else None)
        self.current = incs[target]["id"] if target is not None else None
        t.blockSignals(True)
        if target is not None:
            t.selectRow(target)
        t.blockSignals(False)
        self._show(self.current)

    def _date(self, inc: dict[str, Any]) -> str:
        if inc["date_from"] == inc["date_to"]:
            return self.labels.month(inc["date_from"])
        if inc["date"].get("precision") == "month":
            return self.labels.month(inc["date_from"][:7])
        return self.tr("{start} to {end}").format(start=self.labels.month(inc["date_from"]),
                                                 end=self.labels.month(inc["date_to"]))

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        items = [self.table.item(r, 0) for r in rows]
        return [i.data(ROLE) for i in items if i is not None]

    def _selected(self) -> None:
        ids = self.selected_ids()
        self.current = ids[0] if ids else None
        self._show(self.current)

    # ---------------------------------------------------------------- one incident
    def _show(self, incident_id: str | None) -> None:
        self.error.setText("")
        for lst in (self.sources, self.candidates, self.quotes):
            lst.clear()
        self.narrative.setPlainText("")
        enabled = incident_id is not None
        for w in (self.level, self.note, self.save_level, self.accept_button, self.reject_button,
                  self.detach_button, self.quote_button):
            w.setEnabled(enabled)
        if incident_id is None or self.snapshot is None:
            self.title.setText(self.tr("No incident selected"))
            self.facts.setText(self.tr("File an incident with “New incident…”, or accept a suggested one."))
            self.sources_line.setText("")
            return
        view = desk.incident_view(self.vault, incident_id, self.snapshot)
        inc = view.incident
        self.title.setText(self.tr("{type} — {place}, {date}").format(
            type=self.labels.violation(inc["act_type"]), place=self.labels.place(inc["district"] or inc["city"],
                                                                                 inc["city"]),
            date=self._date(inc)))
        self.facts.setText(inc["description"] or self.tr("No description yet."))
        s = view.sources
        kinds = words.comma().join(words.kinds_counted(k, n) for k, n in sorted(s.kinds.items()))
        self.sources_line.setText(self.tr("{sources} ({kinds}) in {testimonies}, from {devices} and {researchers}; "
                                          "{victims}.").format(
            sources=words.counted("source", s.independent), kinds=kinds or "—",
            testimonies=words.counted("testimony", s.testimonies), devices=words.counted("device", s.devices),
            researchers=words.counted("researcher", s.researchers), victims=words.counted("victim", len(view.victims)))
            + (" " + self.tr("About {n} more victims by the testimonies' estimated totals (not listed one by one).")
               .format(n=words.num(view.estimated_more)) if view.estimated_more else ""))
        for a in view.acts:
            item = QListWidgetItem(self.tr("{act} · researcher {researcher} · device {device}").format(
                act=words.act_line(self.labels, a), researcher=words.code(a.researcher or "—"),
                device=words.code(a.device or "—")))
            item.setData(ROLE, (a.record_id, a.act_index))
            self.sources.addItem(item)
        self.level.setCurrentIndex(max(0, self.level.findData(inc["corroboration"])))
        self.note.setText(inc["corroboration_note"])
        for c in desk.candidates(self.vault, incident_id, self.snapshot):
            item = QListWidgetItem(self.tr("{act} — {reasons}").format(act=words.act_line(self.labels, c.act),
                                                                      reasons=words.reasons(c.reasons)))
            item.setData(ROLE, c.act.key)
            self.candidates.addItem(item)
        for qid, _rid, _field, text in view.quotes:
            item = QListWidgetItem(f"“{text}”")
            item.setData(ROLE, qid)
            self.quotes.addItem(item)
        if self.sources.count():
            self.sources.setCurrentRow(0)

    def _show_narrative(self, row: int) -> None:
        item = self.sources.item(row) if row >= 0 else None
        if item is None:
            self.narrative.setPlainText("")
            return
        rid, ai = item.data(ROLE)
        self.narrative.setPlainText(self.vault.desk_narrative(rid, f"acts[{ai}].act_description") or "")

    def _run(self, fn: Callable[..., object], *args: object) -> bool:
        try:
            fn(self.vault, *args)
        except Exception as exc:  # noqa: BLE001 - one line for the analyst; nothing changed
            self.error.setText(refusals.message(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def set_level(self) -> None:
        if self.current:
            self._run(desk.set_corroboration, self.current, self.level.currentData(), self.note.text())

    def accept_candidate(self) -> None:
        item = self.candidates.currentItem()
        if self.current and item is not None:
            self._run(desk.attach, self.current, [item.data(ROLE)])

    def reject_candidate(self) -> None:
        item = self.candidates.currentItem()
        if self.current and item is not None:
            rid, ai = item.data(ROLE)
            self._run(desk.reject_candidate, self.current, rid, ai)

    def detach_source(self) -> None:
        item = self.sources.currentItem()
        if self.current and item is not None:
            rid, ai = item.data(ROLE)
            self._run(desk.detach, self.current, rid, ai)

    def quote_selection(self) -> None:
        item = self.sources.currentItem()
        cursor = self.narrative.textCursor()
        if not (self.current and item is not None and cursor.hasSelection()):
            self.error.setText(self.tr("Select words of the narrative first."))
            return
        rid, ai = item.data(ROLE)
        self._run(desk.add_quote, self.current, rid, f"acts[{ai}].act_description", cursor.selectionStart(),
                  cursor.selectionEnd())

    # ---------------------------------------------------------------- dialogs
    def new_incident(self) -> None:
        from .desk_dialogs import IncidentDialog

        dlg = IncidentDialog(self.vault, self.labels, self)
        dlg.created.connect(self._created)
        self.dialog = dlg
        dlg.open()

    def _created(self, iid: str) -> None:
        self.current = iid
        self.refresh()
        self.changed.emit()

    def report(self) -> None:
        from .desk_dialogs import ReportDialog

        dlg = ReportDialog(self.vault, self.selected_ids() if len(self.selected_ids()) > 1 else [],
                           self.labels.lang, self)
        self.dialog = dlg
        dlg.open()


class DeskView(QWidget):
    """Incidents, suggestions and people: the analyst's desk."""

    changed = Signal()

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .desk_people import PeoplePage
        from .desk_suggest import SuggestionsPage

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        lay.addWidget(self.tabs)
        self.incidents = IncidentsPage(vault, labels)
        self.suggestions = SuggestionsPage(vault, labels)
        self.people = PeoplePage(vault, labels)
        self.tabs.addTab(self.incidents, self.tr("Incidents"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.addTab(self.people, self.tr("People"))
        for page in (self.incidents, self.suggestions, self.people):
            page.changed.connect(self._changed)

    def _changed(self) -> None:
        sender = self.sender()
        if sender is not self.incidents:
            self.incidents.refresh()
        if sender is not self.people:
            self.people.refresh()
        self.changed.emit()
