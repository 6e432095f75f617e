"""Suggestions, found off the GUI thread with progress and cancel: acts that
look like one incident, victims and perpetrator units that look like the same
person or unit. Nothing is linked until the analyst accepts; names are
compared where headquarters received them but never shown here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services.desk import Mention
from desktop.core.services import desk
from desktop.core.services import Cancelled, Vault

from ..base import refusals, workers
from ..base.labels import Labels
from ..base.widgets import PlainLabel
from . import desk_text as words

ROLE = Qt.ItemDataRole.UserRole


class SuggestionsPage(QWidget):
    changed = Signal()
    found = Signal(int, int, int)  # incidents, people, units (for tests and the status line)

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.labels = labels
        self.task: workers.Task | None = None
        self.result: desk.Suggestions | None = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find suggestions"))
        self.find_button.setShortcut("Ctrl+G")
        self.find_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress of the suggestions"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        # shown only while comparing (an idle bar at 0 % looks stuck); its place is kept
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(keep)
        self.progress.setVisible(False)
        bar.addWidget(self.find_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress, 1)
        lay.addLayout(bar)
        self.status = PlainLabel(self.tr("Suggestions compare every testimony; nothing is linked until you accept."))
        lay.addWidget(self.status)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        self._buttons: dict[QListWidget, list[QPushButton]] = {}
        self.incidents = self._page(self.tr("Possible incidents"), self.tr("File as one incident"),
                                    self.accept_incident, self.tr("Not one incident"), self.drop_incident)
        self.people = self._page(self.tr("Possible same victims"), self.tr("Same person"), self.accept_person,
                                 self.tr("Not the same person"), self.reject_person)
        self.units = self._page(self.tr("Possible same units"), self.tr("Same unit"), self.accept_unit,
                                self.tr("Not the same unit"), self.reject_unit)

    def _page(self, title: str, yes: str, on_yes: Callable[[], None], no: str,
              on_no: Callable[[], None]) -> QListWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        items = QListWidget()
        items.setAccessibleName(title)
        items.setWordWrap(True)
        lay.addWidget(items, 1)
        row = QHBoxLayout()
        buttons = []
        for text, slot in ((yes, on_yes), (no, on_no)):
            b = QPushButton(text)
            b.setEnabled(False)  # until a suggestion is chosen: a click on nothing must not look like it did something
            b.clicked.connect(slot)
            row.addWidget(b)
            buttons.append(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.tabs.addTab(page, title)
        self._buttons[items] = buttons
        items.currentItemChanged.connect(self._chosen)
        return items

    def _chosen(self) -> None:
        for items, buttons in self._buttons.items():
            for b in buttons:
                b.setEnabled(items.currentItem() is not None)

    # ---------------------------------------------------------------- the worker
    def start(self) -> None:
        if self.task is not None:
            return
        vault = self.vault

        def work(progress: desk.ProgressFn, cancelled: desk.CancelFn) -> desk.Suggestions:
            return desk.suggest(vault, progress, cancelled)

        self.find_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Comparing testimonies…"))
        self.task = workers.run_task(work, with_progress=True)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.find_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled; nothing was changed.") if isinstance(exc, Cancelled) else
                            refusals.message(exc))

    def _done(self, result: desk.Suggestions) -> None:
        self._finish()
        self.result = result
        self._fill()
        self.status.setText(self.tr(
            "{i} possible incidents, {p} possible same victims, {u} possible same units. Names were compared in "
            "{n} testimonies whose identities headquarters received; they are not shown here.").format(
            i=words.num(len(result.incidents)), p=words.num(len(result.people)), u=words.num(len(result.units)),
            n=words.num(result.names_used)))
        self.found.emit(len(result.incidents), len(result.people), len(result.units))

    # ---------------------------------------------------------------- lists
    def _mention(self, m: Mention) -> str:
        bits = [self.labels.status(m.status)]
        if m.sex:
            bits.append(self.labels.sex(m.sex))
        if m.age is not None:
            bits.append(self.tr("age {age}").format(age=words.num(m.age)))
        return self.tr("{act}: victim ({details})").format(act=words.act_line(self.labels, m.act),
                                                           details=words.comma().join(bits))

    def _fill(self) -> None:
        r = self.result
        for w in (self.incidents, self.people, self.units):
            w.clear()
        if r is None:
            return
        for n, p in enumerate(r.incidents):
            lines = [self.tr("{n} testimonies — {reasons}").format(n=words.num(len(p.records)),
                                                                        reasons=words.reasons(p.reasons))]
            lines += ["    " + words.act_line(self.labels, a) for a in p.acts]
            item = QListWidgetItem("\n".join(lines))
            item.setData(ROLE, n)
            self.incidents.addItem(item)
        for n, s in enumerate(r.people):
            item = QListWidgetItem(self.tr("{a}\n{b}\n    {score}: {reasons}").format(
                a=self._mention(s.a), b=self._mention(s.b), score=words.percent(s.score),
                reasons=words.reasons(s.reasons)))
            item.setData(ROLE, n)
            self.people.addItem(item)
        for n, u in enumerate(r.units):
            item = QListWidgetItem(self.tr("{force}: “{a}” and “{b}”, {n} testimonies — {reasons}").format(
                force=self.labels.perpetrator(u.a.perp_type), a=u.a.unit, b=u.b.unit,
                n=words.num(len({k[0] for k in u.mentions})), reasons=words.reasons(u.reasons)))
            item.setData(ROLE, n)
            self.units.addItem(item)

    def _take(self, widget: QListWidget) -> int | None:
        item = widget.currentItem()
        if item is None:
            return None
        n = int(item.data(ROLE))
        widget.takeItem(widget.row(item))
        return n

    def _run(self, fn: Callable[..., object], *args: object, done: str = "") -> None:
        try:
            fn(self.vault, *args)
        except Exception as exc:  # noqa: BLE001 - one line for the analyst; nothing changed
            self.status.setText(refusals.message(exc))
            return
        self.status.setText(done)
        self._chosen()
        self.changed.emit()

    def accept_incident(self) -> None:
        n = self._take(self.incidents)
        if n is not None and self.result is not None:
            p = self.result.incidents[n]
            self._run(desk.accept_proposal, [a.key for a in p.acts],
                      done=self.tr("Filed as one incident: {n} testimonies (Incidents tab).").format(
                          n=words.num(len(p.records))))

    def drop_incident(self) -> None:
        n = self._take(self.incidents)
        if n is not None and self.result is not None:
            self._run(desk.reject_proposal, [a.key for a in self.result.incidents[n].acts],
                      done=self.tr("Not one incident: this suggestion will not be made again."))

    def accept_person(self) -> None:
        n = self._take(self.people)
        if n is not None and self.result is not None:
            s = self.result.people[n]
            self._run(desk.confirm_same, s.a.key, s.b.key, "victim",
                      done=self.tr("Confirmed as one person (People tab)."))

    def reject_person(self) -> None:
        n = self._take(self.people)
        if n is not None and self.result is not None:
            s = self.result.people[n]
            self._run(desk.reject_same, s.a.key, s.b.key,
                      done=self.tr("Not the same person: this pair will not be suggested again."))

    def accept_unit(self) -> None:
        n = self._take(self.units)
        if n is not None and self.result is not None:
            u = self.result.units[n]
            self._run(desk.confirm_group, u.mentions, "unit", done=self.tr("Confirmed as one unit (People tab)."))

    def reject_unit(self) -> None:
        n = self._take(self.units)
        if n is not None and self.result is not None:
            u = self.result.units[n]
            self._run(desk.reject_same, u.a.key, u.b.key,
                      done=self.tr("Not the same unit: this pair will not be suggested again."))
