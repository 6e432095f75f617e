"""People across testimonies: confirmed victims (by pseudonym) with their
status history, and perpetrator units. A victim's names show only when the
analyst reveals them, and every reveal is written in the custody log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import desk
from desktop.core.services import Vault

from ..base.labels import Labels
from ..base.widgets import PlainLabel, heading
from . import desk_text as words

ROLE = Qt.ItemDataRole.UserRole


class PeoplePage(QWidget):
    changed = Signal()
    revealed = Signal(list)

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.labels = labels
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        lay.addWidget(split, 1)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Confirmed people and units"))
        self.list.currentItemChanged.connect(self._selected)
        split.addWidget(self.list)
        right = QWidget()
        r = QVBoxLayout(right)
        self.title = heading("", 2)
        r.addWidget(self.title)
        r.addWidget(PlainLabel(self.tr("What the testimonies confirmed as this person say happened to them, in "
                                       "order.")))
        self.history = QTableWidget()
        self.history.setAccessibleName(self.tr("Status history"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        r.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("Reveal names…"))
        self.reveal_button.clicked.connect(self.reveal)
        self.split_button = QPushButton(self.tr("Remove this testimony from the person"))
        self.split_button.clicked.connect(self.remove_mention)
        row.addWidget(self.reveal_button)
        row.addWidget(self.split_button)
        row.addStretch(1)
        r.addLayout(row)
        self.names = PlainLabel("")
        self.names.setAccessibleName(self.tr("Revealed names"))
        r.addWidget(self.names)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        self.refresh()

    def refresh(self) -> None:
        current = self.list.currentItem().data(ROLE) if self.list.currentItem() else None
        self.list.clear()
        counts: dict[str, int] = {}
        for pid in self.vault.person_mentions().values():
            counts[pid] = counts.get(pid, 0) + 1
        for pid, kind, pseudonym in self.vault.people():
            text = self.tr("{pseudonym} · victim · {n} testimonies") if kind == "victim" else \
                self.tr("{pseudonym} · unit · {n} testimonies")
            item = QListWidgetItem(text.format(pseudonym=words.code(pseudonym), n=words.num(counts.get(pid, 0))))
            item.setData(ROLE, (pid, kind, pseudonym))
            self.list.addItem(item)
            if current and current[0] == pid:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            if self.list.count():
                self.list.setCurrentRow(0)
            else:
                self._selected(None, None)

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        self.names.setText("")  # a reveal lasts until another person is chosen
        self.history.clear()
        self.history.setRowCount(0)
        if item is None:
            self.title.setText(self.tr("No one confirmed yet"))
            self.reveal_button.setEnabled(False)
            self.split_button.setEnabled(False)
            return
        pid, kind, pseudonym = item.data(ROLE)
        self.title.setText(pseudonym)
        self.reveal_button.setEnabled(kind == "victim")
        self.split_button.setEnabled(True)
        self.history.setColumnCount(4)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Status"), self.tr("Act"),
                                                self.tr("Testimony")])
        if kind == "victim":
            entries = desk.person_history(self.vault, pid)
            self.history.setRowCount(len(entries))
            for i, e in enumerate(entries):
                cells = [self.labels.month(e.start.isoformat()) if e.start else self.labels.unknown(),
                         self.labels.status(e.status), self.labels.violation(e.act_type), e.record_id[:8]]
                for col, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    cell.setData(ROLE, e.record_id)
                    self.history.setItem(i, col, cell)
        else:
            d = desk.load(self.vault)
            mentions = [k for k, p in d.confirmed.items() if p == pid]
            self.history.setRowCount(len(mentions))
            for i, (rid, path) in enumerate(mentions):
                unit = self.vault.desk_narrative(rid, path + ".perp_unit") or ""
                for col, text in enumerate(["", "", unit, rid[:8]]):
                    cell = QTableWidgetItem(text)
                    cell.setData(ROLE, rid)
                    self.history.setItem(i, col, cell)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def reveal(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        pid, _kind, pseudonym = item.data(ROLE)
        answer = QMessageBox.question(
            self, self.tr("Reveal names"),
            self.tr("Show the names the testimonies give for {p}? The reveal is written in the custody log.").format(
                p=pseudonym))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.show_names(pid)

    def show_names(self, pid: str) -> None:
        names = desk.reveal_person(self.vault, pid, "analyst window")
        self.names.setText(self.tr("Names given: {names}").format(names=" · ".join(names)) if names else
                           self.tr("Headquarters received no name for this person."))
        self.revealed.emit(names)

    def remove_mention(self) -> None:
        item = self.list.currentItem()
        row = self.history.currentRow()
        if item is None or row < 0:
            return
        pid, _kind, _p = item.data(ROLE)
        cell = self.history.item(row, 3)
        if cell is None:
            return
        rid = cell.data(ROLE)
        d = desk.load(self.vault)
        for key, p in d.confirmed.items():
            if p == pid and key[0] == rid:
                desk.unlink(self.vault, key)
                break
        self.refresh()
        self.changed.emit()
