"""Interviews list: a lazily paged table model over the vault, with search and filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLineEdit,
    QTableView, QVBoxLayout, QWidget,
)

from desktop.core.services import Draft, RecordSummary, Vault

from .base.timefmt import local_time
from .base.forms import FormCatalog
from .base.widgets import PlainLabel

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


@dataclass
class Filters:
    query: str = ""
    form_id: str | None = None
    status: str | None = None  # None | "draft" | "complete" | "exported"
    since: str | None = None
    until: str | None = None

    def args(self) -> dict[str, Any]:
        return {"form_id": self.form_id, "query": self.query or None, "status": self.status,
                "since": self.since, "until": self.until}


def _short_time(iso: str) -> str:
    return local_time(iso)


class RecordsModel(QAbstractTableModel):
    """Rows come from ``vault.list_records`` a page at a time (fetchMore)."""

    COLUMNS = ("type", "code", "event_date", "place", "summary", "updated", "status")

    def __init__(self, vault: Vault, forms: FormCatalog, lang: str = "en", page: int = PAGE) -> None:
        super().__init__()
        self.vault = vault
        self.forms = forms
        self.lang = lang
        self.page = page
        self.filters = Filters()
        self.rows: list[RecordSummary] = []
        self.total = 0
        self._titles: dict[str, str] = {}
        self._facts: dict[str, dict[str, str]] = {}
        self.drafts_shown = 0  # drafts come first when no filter hides them
        self.pages_fetched = 0

    # -- data
    def set_filters(self, filters: Filters) -> None:
        self.beginResetModel()
        self.filters = filters
        self.rows = []
        self._facts = {}
        self.pages_fetched = 0
        self.drafts_shown = 0
        plain = not (filters.query or filters.since or filters.until)
        if filters.status == "draft" or (filters.status is None and plain):
            drafts = [d for d in self.vault.drafts() if not filters.form_id or d.form_id == filters.form_id]
            self.rows = [self._draft_row(d) for d in drafts]
            for d in drafts:
                self._facts[d.id] = self._facts_of(d.form_id, d.form_version, d.answers)
            self.drafts_shown = len(self.rows)
        if filters.status == "draft":
            self.total = len(self.rows)
        else:
            self.total = self.drafts_shown + self.vault.count_records(**filters.args())
        self.endResetModel()

    def _facts_of(self, form_id: str, version: str, answers: dict[str, Any]) -> dict[str, str]:
        from .answers_format import record_facts

        return record_facts(self.forms.get(form_id, version), answers, self.lang)

    def facts(self, r: RecordSummary) -> dict[str, str]:
        if r.id not in self._facts:
            try:
                rec = self.vault.get_record(r.id)
                self._facts[r.id] = self._facts_of(r.form_id, r.form_version, rec.public)
            except Exception:  # noqa: BLE001 - a list row never fails the list
                self._facts[r.id] = {}
        return self._facts[r.id]

    @staticmethod
    def _draft_row(d: Draft) -> RecordSummary:
        return RecordSummary(d.id, d.form_id, d.form_version, d.updated_at, d.updated_at, 0, "draft")

    def refresh(self) -> None:
        self.set_filters(self.filters)

    def canFetchMore(self, parent: Index | None = None) -> bool:  # noqa: N802
        return not (parent is not None and parent.isValid()) and len(self.rows) < self.total

    def fetchMore(self, parent: Index | None = None) -> None:  # noqa: N802
        if (parent is not None and parent.isValid()) or self.filters.status == "draft":
            return
        more = self.vault.list_records(limit=self.page, offset=len(self.rows) - self.drafts_shown,
                                       **self.filters.args())
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.pages_fetched += 1
        self.endInsertRows()

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Interview type"), self.tr("Interviewee"), self.tr("Event date"), self.tr("Place"),
                self.tr("Summary"), self.tr("Last change"), self.tr("Status")][section]

    def status_text(self, status: str) -> str:
        return {"draft": self.tr("Draft"), "complete": self.tr("Complete"),
                "exported": self.tr("Exported")}.get(status, status)

    def _title(self, form_id: str) -> str:
        if form_id not in self._titles:
            self._titles[form_id] = self.forms.title(form_id, self.lang)
        return self._titles[form_id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "type":
                return self._title(r.form_id)
            if col in ("code", "event_date", "place", "summary"):
                return self.facts(r).get({"event_date": "date"}.get(col, col), "")
            if col == "updated":
                return _short_time(r.updated_at)
            if col == "status":
                if r.status == "draft":
                    return self.status_text(r.status)
                return self.tr("{status}, revision {n}").format(status=self.status_text(r.status),
                                                                 n=QLocale().toString(r.rev))
        if role == Qt.ItemDataRole.ToolTipRole and col in ("type", "code"):
            return self.tr("Reference {ref}").format(ref=r.id[:8])
        if role == Qt.ItemDataRole.UserRole:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("code", "event_date", "updated"):
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        return None


class RecordsListView(QWidget):
    """The list screen: search box, filters, counts and the table."""

    open_record = Signal(str)
    open_draft = Signal(str)
    searched = Signal()

    def __init__(self, vault: Vault, forms: FormCatalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.lang = lang
        self.model = RecordsModel(vault, forms, lang)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the interviews (words in answers; not names)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.form_filter = QComboBox()
        self.form_filter.setAccessibleName(self.tr("Interview type filter"))
        self.form_filter.addItem(self.tr("All interview types"), None)
        for f in self.model.forms.interview_forms():
            self.form_filter.addItem(f.title(lang), f.id)
        bar.addWidget(self.form_filter, 2)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        for text, value in ((self.tr("Any status"), None), (self.tr("Drafts"), "draft"),
                            (self.tr("Complete"), "complete"), (self.tr("Exported"), "exported")):
            self.status_filter.addItem(text, value)
        bar.addWidget(self.status_filter, 1)
        lay.addLayout(bar)

        dates = QHBoxLayout()
        self.since_on = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until_on = QCheckBox(self.tr("To"))
        self.until = QDateEdit(QDate.currentDate())
        for cb, edit, name in ((self.since_on, self.since, self.tr("From date")),
                               (self.until_on, self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 2026-12-01, never 01-12-2026 in Arabic
            edit.setEnabled(False)
            edit.setAccessibleName(name)
            cb.toggled.connect(edit.setEnabled)
            cb.toggled.connect(self._schedule)
            edit.dateChanged.connect(self._schedule)
            dates.addWidget(cb)
            dates.addWidget(edit)
        dates.addStretch(1)
        self.counts = PlainLabel("", wrap=False)
        self.counts.setObjectName("hint")
        self.counts.setAccessibleName(self.tr("Counts"))
        dates.addWidget(self.counts)
        lay.addLayout(dates)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Interviews"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed widths from the font, not ResizeToContents: that would read every loaded row.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        summary = RecordsModel.COLUMNS.index("summary")
        header.setSectionResizeMode(summary, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        pad = fm.horizontalAdvance("MM")
        samples = {"type": "M" * 14, "code": "I-0000-00", "event_date": "0000-00-00", "place": "M" * 14,
                   "updated": "0000-00-00 00:00", "status": self.model.tr("{status}, revision {n}").format(
                       status=self.model.status_text("exported"), n="00")}
        for col, key in enumerate(RecordsModel.COLUMNS):
            if key in samples:
                head = str(self.model.headerData(col, Qt.Orientation.Horizontal))
                header.resizeSection(col, max(fm.horizontalAdvance(samples[key]), fm.horizontalAdvance(head)) + pad)
        self.table.verticalHeader().setDefaultSectionSize(fm.lineSpacing() + fm.height() // 2)
        self.table.setTabKeyNavigation(False)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        lay.addWidget(self.table, 1)
        self.empty = PlainLabel(self.tr("No interviews yet. Start one with “New interview” (Ctrl+N)."))
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply)
        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply)
        self.form_filter.currentIndexChanged.connect(self.apply)
        self.status_filter.currentIndexChanged.connect(self.apply)
        self.apply()

    def _schedule(self) -> None:
        self._timer.start()

    def current_filters(self) -> Filters:
        since = self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else None
        until = (self.until.date().addDays(1).toString("yyyy-MM-dd") if self.until_on.isChecked() else None)
        return Filters(query=self.search.text().strip(), form_id=self.form_filter.currentData(),
                       status=self.status_filter.currentData(), since=since, until=until)

    def apply(self) -> None:
        self._timer.stop()
        self.model.set_filters(self.current_filters())
        if self.model.canFetchMore():
            self.model.fetchMore()
        self._update_counts()
        self.searched.emit()

    def refresh(self) -> None:
        self.apply()

    def _update_counts(self) -> None:
        everything = self.vault.count_records()
        drafts = len(self.vault.drafts())
        loc = QLocale()
        self.counts.setText(self.tr("{shown} shown · {total} interviews · {drafts} drafts").format(
            shown=loc.toString(self.model.total), total=loc.toString(everything), drafts=loc.toString(drafts)))
        self.empty.setVisible(everything == 0 and drafts == 0)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, Qt.ItemDataRole.UserRole)
        if row is None:
            return
        if row.status == "draft":
            self.open_draft.emit(row.id)
        else:
            self.open_record.emit(row.id)
