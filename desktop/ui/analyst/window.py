"""The unlocked headquarters screen: testimonies across researchers, patterns,
bundles in, receipts out, flat exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QSizePolicy, QStackedWidget, QStyle, QTabWidget, QToolBar,
    QVBoxLayout, QWidget,
)

from desktop.core.services import analysis, exchange

from ..base import refusals, workers
from ..base.idle import IdleWatcher
from ..base.labels import Labels
from ..base.session import Session
from ..base.settings import Settings
from ..screen_actions import WIPE_SHORTCUT, ScreenActions, Shell
from ..base.widgets import PlainLabel
from .patterns import PatternsView
from .testimonies import TestimoniesView

if TYPE_CHECKING:
    from .record import AnalystRecordView


class AnalystScreen(ScreenActions, QWidget):
    """Owns the views of one unlocked analyst session; destroyed on lock."""

    view_changed = Signal(str)
    table_exported = Signal(int)
    table_export_failed = Signal(str)

    def __init__(self, session: Session, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analyst")
        self.session = session
        self.vault = session.vault
        self.lang = session.lang
        self.shell = shell
        self.labels = Labels(self.lang, session.forms)
        self.record_view: AnalystRecordView | None = None
        self.export_task: workers.Task | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.toolbar = QToolBar(self.tr("Main actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setAccessibleName(self.tr("Main actions"))
        lay.addWidget(self.toolbar)
        sp = QStyle.StandardPixmap
        style = self.style()
        self.act_list = self._action(self.tr("Testimonies"), "Ctrl+1", self.show_list,
                                     style.standardIcon(sp.SP_FileDialogDetailedView))
        self.act_patterns = self._action(self.tr("Patterns"), "Ctrl+2", self.show_patterns,
                                         style.standardIcon(sp.SP_FileDialogContentsView))
        self.act_desk = self._action(self.tr("Desk"), "Ctrl+3", self.show_desk,
                                     style.standardIcon(sp.SP_DirLinkIcon))
        self.toolbar.addSeparator()
        self.act_import = self._action(self.tr("Import bundle…"), "Ctrl+I", self.import_bundle,
                                       style.standardIcon(sp.SP_DialogOpenButton))
        self.act_receipt = self._action(self.tr("Write receipt…"), None, self.receipts,
                                        style.standardIcon(sp.SP_DialogApplyButton))
        self.act_export = self._action(self.tr("Export CSV/JSON…"), "Ctrl+E", self.export_table,
                                       style.standardIcon(sp.SP_DialogSaveButton))
        self.act_card = self._action(self.tr("Recipient card…"), None, self.show_card,
                                     style.standardIcon(sp.SP_FileDialogInfoView))
        self.toolbar.addSeparator()
        self.act_settings = self._action(self.tr("Settings"), "Ctrl+,", self.settings,
                                         style.standardIcon(sp.SP_FileDialogListView))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.act_wipe = self._action(self.tr("Quick wipe…"), WIPE_SHORTCUT, self.quick_wipe,
                                     style.standardIcon(sp.SP_TrashIcon))
        self.act_lock = self._action(self.tr("Lock"), "Ctrl+L", self.shell.lock,
                                     style.standardIcon(sp.SP_DialogCloseButton))
        self.act_lock.setObjectName("lockAction")

        strip = QWidget()
        strip.setObjectName("hqStrip")
        s = QHBoxLayout(strip)
        try:
            card = exchange.hq_card(self.vault)
            who = self.tr("Headquarters: {org} · card fingerprint {fp}").format(org=card.org, fp=card.fingerprint)
        except Exception as exc:  # noqa: BLE001 - a damaged identity is shown, not hidden
            who = refusals.message(exc)
        self.hq_label = PlainLabel(who, wrap=False, selectable=True)
        self.hq_label.setObjectName("hint")
        s.addWidget(self.hq_label, 1)
        self.status = PlainLabel("")
        self.status.setAccessibleName(self.tr("Status"))
        s.addWidget(self.status, 1)
        lay.addWidget(strip)

        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.home = QTabWidget()
        self.home.setDocumentMode(True)
        self.testimonies = TestimoniesView(self.vault, self.labels)
        self.testimonies.open_record.connect(self.open_record)
        self.testimonies.linked.connect(lambda *_: self.refresh())
        self.patterns = PatternsView(self.vault, self.labels)
        self.home.addTab(self.testimonies, self.tr("Testimonies"))
        self.home.addTab(self.patterns, self.tr("Patterns"))
        from .desk import DeskView

        self.desk = DeskView(self.vault, self.labels)
        self.desk.changed.connect(self._desk_changed)
        self.home.addTab(self.desk, self.tr("Desk"))
        self.stack.addWidget(self.home)
        self.patterns.refresh()

        self.idle = IdleWatcher(Settings().autolock_minutes, self)
        self.idle.idle.connect(self.shell.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        session.locking.connect(self._on_locking)


    def _on_locking(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        if self.export_task is not None:
            self.export_task.cancel()
        if self.desk.suggestions.task is not None:
            self.desk.suggestions.task.cancel()
        self.desk.people.names.setText("")
        if self.record_view is not None:
            self.record_view.hide_identities()

    def offer_drafts(self) -> None:
        """Analysts write no interviews: nothing to resume."""

    # ---------------------------------------------------------------- views
    def refresh(self) -> None:
        """After an import or a link: the list and the charts, counted again in the database."""
        self.testimonies.refresh()
        self.patterns.refresh()

    def _drop_record_view(self) -> None:
        if self.record_view is not None:
            self.stack.removeWidget(self.record_view)
            self.record_view.deleteLater()
            self.record_view = None

    def show_list(self) -> None:
        self._drop_record_view()
        self.stack.setCurrentWidget(self.home)
        self.home.setCurrentWidget(self.testimonies)
        self.testimonies.table.setFocus()
        self.view_changed.emit("list")

    def _desk_changed(self) -> None:
        self.patterns.refresh()

    def show_desk(self) -> None:
        self._drop_record_view()
        self.stack.setCurrentWidget(self.home)
        self.home.setCurrentWidget(self.desk)
        self.desk.incidents.table.setFocus()
        self.view_changed.emit("desk")

    def show_patterns(self) -> None:
        self._drop_record_view()
        self.stack.setCurrentWidget(self.home)
        self.home.setCurrentWidget(self.patterns)
        self.view_changed.emit("patterns")

    def open_record(self, record_id: str) -> None:
        from .record import AnalystRecordView

        self._drop_record_view()
        view = AnalystRecordView(self.session, record_id, self.labels)
        view.back.connect(self.show_list)
        view.open_linked.connect(self.open_record)
        self.record_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.view_changed.emit("record")

    # ---------------------------------------------------------------- dialogs
    def import_bundle(self) -> None:
        from .import_dialog import ImportDialog

        dlg = ImportDialog(self.vault, self, registry=self.labels.forms.registry())
        dlg.imported.connect(lambda _report: self.refresh())
        self.import_dialog = dlg
        dlg.open()

    def receipts(self) -> None:
        from .receipt_dialog import ReceiptDialog

        dlg = ReceiptDialog(self.vault, self)
        self.receipt_dialog = dlg
        dlg.open()

    def show_card(self) -> None:
        from .card_dialog import CardDialog

        dlg = CardDialog(self.vault, self)
        self.card_dialog = dlg
        dlg.open()




    # ---------------------------------------------------------------- flat export
    def export_table(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export all testimonies"), "testimonies.csv",
            self.tr("CSV for spreadsheets (*.csv);;JSON (*.json)"))
        if path:
            fmt = "json" if path.lower().endswith(".json") or "json" in chosen.lower() else "csv"
            self.start_export_table(Path(path), fmt)

    def start_export_table(self, out: Path, fmt: str) -> None:
        if self.export_task is not None:
            return
        vault = self.vault
        self.status.setText(self.tr("Exporting…"))
        self.act_export.setEnabled(False)
        self._export_out = out
        self.export_task = workers.run_task(lambda: analysis.export_table(vault, out, fmt))
        self.export_task.finished.connect(self._export_finished)
        self.export_task.failed.connect(self._export_failed)

    def _export_finished(self, n: int) -> None:
        self._exported(n, self._export_out)

    def _exported(self, n: int, out: Path) -> None:
        self.export_task = None
        self.act_export.setEnabled(True)
        self.status.setText(self.tr("{n} testimonies exported to {path} (identities not included).").format(
            n=n, path=str(out)))
        self.table_exported.emit(n)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_task = None
        self.act_export.setEnabled(True)
        text = refusals.message(exc)
        self.status.setText(text)
        self.table_export_failed.emit(text)

    # ---------------------------------------------------------------- language switch
    def save_state(self) -> dict[str, str]:
        if self.record_view is not None and self.stack.currentWidget() is self.record_view:
            return {"view": "record", "record_id": self.record_view.record_id}
        if self.home.currentWidget() is self.desk:
            return {"view": "desk"}
        return {"view": "patterns" if self.home.currentWidget() is self.patterns else "list"}

    def restore_state(self, state: dict[str, str]) -> None:
        if state.get("view") == "record":
            self.open_record(state["record_id"])
        elif state.get("view") == "patterns":
            self.show_patterns()
        elif state.get("view") == "desk":
            self.show_desk()
