"""Testimonies across researchers: a lazily paged table with search, filters on
interview type and on acts (violation, perpetrator, date, neighbourhood), and
linking of two testimonies as the same incident or the same victim."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal,
)
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from desktop.core.services import analysis
from desktop.core.services import RecordSummary, Vault

from ..base import refusals
from ..base.timefmt import local_time
from ..base.labels import Labels
from ..base.widgets import PlainLabel
from .filters import ActFilters

PAGE = 200
ALL = 10_000_000
Index = QModelIndex | QPersistentModelIndex


class TestimoniesModel(QAbstractTableModel):
    """Rows from ``vault.list_records`` a page at a time; search, interview type and
    act filters all run in the database, so the first page comes at once at any size."""

    # when and where: the first act's date and place, what tells testimonies apart (all arrive the same day)
    COLUMNS = ("type", "reference", "violations", "when", "where", "researcher", "device", "recorded", "rev")

    def __init__(self, vault: Vault, labels: Labels, page: int = PAGE) -> None:
        super().__init__()
        self.vault = vault
        self.labels = labels
        self.page = page
        self.query: str | None = None
        self.form_id: str | None = None
        self.acts: ActFilters | None = None
        self.rows: list[RecordSummary] = []
        self.total = 0
        self.violations: dict[str, list[str]] = {}
        self.first_acts: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._titles: dict[str, str] = {}

    def set_filters(self, query: str | None, form_id: str | None, acts: ActFilters | None) -> None:
        self.beginResetModel()
        self.query, self.form_id = query or None, form_id
        self.acts = acts if acts is not None and acts.active() else None
        self.rows = []
        self.violations = {}
        self.first_acts = {}
        self.total = self.vault.count_records(form_id=form_id, query=self.query, acts=self.acts)
        self.endResetModel()

    def canFetchMore(self, parent: Index | None = None) -> bool:
        return not (parent is not None and parent.isValid()) and len(self.rows) < self.total

    def fetchMore(self, parent: Index | None = None) -> None:
        if parent is not None and parent.isValid():
            return
        start = len(self.rows)
        more = self.vault.list_records(limit=self.page, offset=start, form_id=self.form_id, query=self.query,
                                       acts=self.acts)
        if not more:
            self.total = start
            return
        self.violations.update(self.vault.record_violations([r.id for r in more]))
        self.first_acts.update(self.vault.first_act_groups([r.id for r in more]))
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Interview type"), self.tr("Reference"), self.tr("Violations"), self.tr("When"),
                self.tr("Where"), self.tr("Researcher"), self.tr("Device"), self.tr("Recorded"),
                self.tr("Revision")][section]

    def _title(self, form_id: str) -> str:
        if form_id not in self._titles:
            self._titles[form_id] = self.labels.form(form_id)
        return self._titles[form_id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "type":
                return self._title(r.form_id)
            if col == "reference":
                return r.id[:8]
            if col == "violations":
                return ", ".join(self.labels.violation(v) for v in self.violations.get(r.id, []))
            if col in ("when", "where"):
                _type, when, where = self.first_acts.get(r.id, (None, None, None))
                if col == "when":
                    return self.labels.month(when) if when else "—"
                return self.labels.place(where) if where else "—"
            if col == "researcher":
                return str((r.origin or {}).get("researcher") or "—")
            if col == "device":
                return str((r.origin or {}).get("device") or "—")
            if col == "recorded":
                return local_time(r.created_at)
            if col == "rev":
                return QLocale().toString(r.rev)
        if role == Qt.ItemDataRole.UserRole:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        if role == Qt.ItemDataRole.FontRole and col == "device":
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None


class TestimoniesView(QWidget):
    open_record = Signal(str)
    searched = Signal()
    linked = Signal(str, str, str)

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.labels = labels
        self.model = TestimoniesModel(vault, labels)
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all testimonies (words in answers)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.form_filter = self._combo(self.tr("Interview type filter"), self.tr("All interview types"),
                                       [(f.id, f.title(labels.lang)) for f in labels.forms.interview_forms()])
        bar.addWidget(self.form_filter, 2)
        self.violation_filter = self._combo(self.tr("Violation filter"), self.tr("All violations"),
                                            labels.violation_codes())
        bar.addWidget(self.violation_filter, 2)
        lay.addLayout(bar)

        bar2 = QHBoxLayout()
        self.perpetrator_filter = self._combo(self.tr("Perpetrator filter"), self.tr("All perpetrators"),
                                              labels.perpetrator_codes())
        bar2.addWidget(self.perpetrator_filter, 2)
        self.place_filter = QComboBox()
        self.place_filter.setAccessibleName(self.tr("Neighbourhood filter"))
        self.place_filter.addItem(self.tr("All places"), None)
        for p in labels.places():
            self.place_filter.addItem(p.label, f"{p.city}/{p.district}" if p.district else p.city)
        bar2.addWidget(self.place_filter, 2)
        self.since_on = QCheckBox(self.tr("Acts from"))
        self.since = QDateEdit(QDate(2011, 1, 1))
        self.until_on = QCheckBox(self.tr("to"))
        self.until = QDateEdit(QDate.currentDate())
        for cb, edit, name in ((self.since_on, self.since, self.tr("Acts from date")),
                               (self.until_on, self.until, self.tr("Acts to date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 2026-12-01, never 01-12-2026 in Arabic
            edit.setEnabled(False)
            edit.setAccessibleName(name)
            cb.toggled.connect(edit.setEnabled)
            cb.toggled.connect(self._schedule)
            edit.dateChanged.connect(self._schedule)
            bar2.addWidget(cb)
            bar2.addWidget(edit)
        lay.addLayout(bar2)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Testimonies"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns = self.model.COLUMNS
        header.setSectionResizeMode(columns.index("violations"), QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        pad = fm.horizontalAdvance("MM")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        widths = {"type": fm.horizontalAdvance("M" * 16), "reference": fm.horizontalAdvance("0000000000"),
                  "when": fm.horizontalAdvance("00 September 0000"), "where": fm.horizontalAdvance("M" * 11),
                  "researcher": fm.horizontalAdvance("M" * 8),
                  "device": QFontMetrics(mono).horizontalAdvance("XXXX-XXXX-XXXX-XXXX"),
                  "recorded": fm.horizontalAdvance("0000-00-00 00:00"), "rev": fm.horizontalAdvance("000")}
        for name, w in widths.items():
            col = columns.index(name)
            head = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(w, fm.horizontalAdvance(head)) + pad)
        self.table.verticalHeader().setDefaultSectionSize(fm.lineSpacing() + fm.height() // 2)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        lay.addWidget(self.table, 1)

        foot = QHBoxLayout()
        self.counts = PlainLabel("", wrap=False)
        self.counts.setObjectName("hint")
        self.counts.setAccessibleName(self.tr("Counts"))
        foot.addWidget(self.counts)
        foot.addStretch(1)
        self.message = PlainLabel("")
        foot.addWidget(self.message, 2)
        self.same_incident = QPushButton(self.tr("Same incident"))
        self.same_incident.setToolTip(self.tr("Link the two selected testimonies: they describe the same incident"))
        self.same_victim = QPushButton(self.tr("Same victim"))
        self.same_victim.setToolTip(self.tr("Link the two selected testimonies: they concern the same victim"))
        self.same_incident.clicked.connect(lambda: self.link_selected("same_incident"))
        self.same_victim.clicked.connect(lambda: self.link_selected("same_victim"))
        foot.addWidget(PlainLabel(self.tr("Select two to link:"), wrap=False))
        foot.addWidget(self.same_incident)
        foot.addWidget(self.same_victim)
        lay.addLayout(foot)

        self.empty = PlainLabel(self.tr("No testimonies yet. Import a bundle from the field (“Import bundle…”)."))
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply)
        self.search.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply)
        for combo in (self.form_filter, self.violation_filter, self.perpetrator_filter, self.place_filter):
            combo.currentIndexChanged.connect(self.apply)
        self.refresh()

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _schedule(self) -> None:
        self._timer.start()

    def act_filters(self) -> ActFilters:
        city, _sep, district = (self.place_filter.currentData() or "").partition("/")
        return ActFilters(
            violation=self.violation_filter.currentData(), perpetrator=self.perpetrator_filter.currentData(),
            since=self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else None,
            until=self.until.date().toString("yyyy-MM-dd") if self.until_on.isChecked() else None,
            city=city or None, district=district or None)

    def refresh(self) -> None:
        """Read again (after an import or a link) and apply the filters."""
        self.apply()

    def apply(self) -> None:
        self._timer.stop()
        self.model.set_filters(self.search.text().strip(), self.form_filter.currentData(), self.act_filters())
        if self.model.canFetchMore():
            self.model.fetchMore()
        everything = self.vault.count_records()
        loc = QLocale()
        self.counts.setText(self.tr("{shown} shown · {total} testimonies").format(
            shown=loc.toString(self.model.total), total=loc.toString(everything)))
        self.empty.setVisible(everything == 0)
        self._selection_changed()
        self.searched.emit()

    # ---------------------------------------------------------------- selection and links
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def select_ids(self, ids: list[str]) -> None:
        sel = self.table.selectionModel()
        sel.clearSelection()
        for row, r in enumerate(self.model.rows):
            if r.id in ids:
                sel.select(self.model.index(row, 0), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)

    def _selection_changed(self, *_args: object) -> None:
        two = len(self.selected_ids()) == 2
        self.same_incident.setEnabled(two)
        self.same_victim.setEnabled(two)

    def link_selected(self, kind: str) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            self.message.setText(self.tr("Select exactly two testimonies to link them."))
            return
        try:
            analysis.link_records(self.vault, ids[0], ids[1], kind)
        except Exception as exc:  # noqa: BLE001 - a refused link is shown, not raised
            self.message.setText(refusals.message(exc))
            return
        text = self.tr("Linked {a} and {b} as the same incident.") if kind == "same_incident" else \
            self.tr("Linked {a} and {b} as the same victim.")
        self.message.setText(text.format(a=ids[0][:8], b=ids[1][:8]))
        self.linked.emit(ids[0], ids[1], kind)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(row, RecordSummary):
            self.open_record.emit(row.id)
