"""Dialogs of the desk: a new incident (type, approximate date, place from the
gazetteer, description) and a report draft (incidents, language, file)."""

from __future__ import annotations

from typing import Any

from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import desk
from desktop.core.services import Vault

from ..base import refusals, workers
from ..base.labels import Labels
from ..base.settings import Settings
from ..base.widgets import PlainLabel
from . import desk_text as words


class IncidentDialog(QDialog):
    """Create an incident; the use case checks type, date and place and refuses with one line."""

    created = Signal(str)

    def __init__(self, vault: Vault, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("New incident"))
        form = QFormLayout(self)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Type of act"))
        for code, text in labels.violation_codes():
            self.type.addItem(text, code)
        form.addRow(self.tr("Type of act"), self.type)
        self.precision = QComboBox()
        self.precision.setAccessibleName(self.tr("Date precision"))
        for code, text in (("day", self.tr("Exact day")), ("month", self.tr("Month")),
                           ("range", self.tr("Between two dates"))):
            self.precision.addItem(text, code)
        form.addRow(self.tr("Date precision"), self.precision)
        dates = QHBoxLayout()
        self.start = QDateEdit(QDate(2012, 1, 1))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # year-month-day in Arabic too
        self.start.setAccessibleName(self.tr("Date or first day"))
        self.end = QDateEdit(QDate(2012, 1, 1))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # year-month-day in Arabic too
        self.end.setAccessibleName(self.tr("Last day"))
        dates.addWidget(self.start)
        dates.addWidget(self.end)
        form.addRow(self.tr("Date"), dates)
        self.precision.currentIndexChanged.connect(self._precision_changed)
        self._precision_changed()
        self.place = QComboBox()
        self.place.setAccessibleName(self.tr("Place"))
        for p in labels.places():
            self.place.addItem(p.label, (p.city, p.district))
        form.addRow(self.tr("Place"), self.place)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        form.addRow(self.tr("Description"), self.description)
        self.error = PlainLabel("")
        self.error.setObjectName("error")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _precision_changed(self) -> None:
        self.end.setEnabled(self.precision.currentData() == "range")

    def date_value(self) -> dict[str, Any]:
        p = self.precision.currentData()
        start = self.start.date().toString("yyyy-MM-dd")
        if p == "day":
            return {"precision": "day", "date": start}
        if p == "month":
            return {"precision": "month", "month": start[:7]}
        return {"precision": "range", "from": start, "to": self.end.date().toString("yyyy-MM-dd")}

    def save(self) -> None:
        city, district = self.place.currentData() or ("", None)
        try:
            iid = desk.create_incident(self.vault, self.type.currentData(), self.date_value(), city, district,
                                       self.description.toPlainText())
        except Exception as exc:  # noqa: BLE001 - one line for the analyst, nothing stored
            self.error.setText(refusals.message(exc))
            return
        self.created.emit(iid)
        self.accept()


class ReportDialog(QDialog):
    """Write a report draft (PDF or HTML) for the chosen incidents, off the GUI thread."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, vault: Vault, incident_ids: list[str], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.incident_ids = incident_ids
        self.task: workers.Task | None = None
        self.setWindowTitle(self.tr("Report draft"))
        lay = QVBoxLayout(self)
        n = len(incident_ids)
        lay.addWidget(PlainLabel(self.tr("{n} incidents chosen. Quotations come from redacted narratives; victims "
                                         "are named only when killed, or disappeared with their family's "
                                         "agreement.").format(n=words.num(n)) if n else
                                 self.tr("All filed incidents. Quotations come from redacted narratives; victims "
                                         "are named only when killed, or disappeared with their family's agreement.")))
        form = QFormLayout()
        self.lang = QComboBox()
        self.lang.setAccessibleName(self.tr("Report language"))
        self.lang.addItem("English", "en")
        self.lang.addItem("العربية", "ar")
        self.lang.setCurrentIndex(1 if lang == "ar" else 0)
        form.addRow(self.tr("Language"), self.lang)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File"))
        self.path.setPlaceholderText(self.tr("report-draft.pdf"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        lay.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.status = PlainLabel("")
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        lay.addWidget(self.buttons)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report draft"), "report-draft.pdf",
                                              self.tr("PDF (*.pdf);;HTML (*.html)"))
        if path:
            self.path.setText(path)

    def start(self) -> None:
        if self.task is not None:
            return
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a file first."))
            return
        out = Path(text)
        if out.exists():
            self.status.setText(self.tr("{path} already exists; choose another file name.").format(path=text))
            return
        vault, ids, lang = self.vault, list(self.incident_ids), self.lang.currentData()
        digits = Settings().digits  # the report writes numbers as the desk screens do

        def work(progress: desk.ProgressFn, cancelled: desk.CancelFn) -> str:
            from ..report_pdf import write_pdf

            html = desk.report_html(vault, ids or None, lang, progress, cancelled, digits)
            if cancelled():
                from desktop.core.services import Cancelled

                raise Cancelled()
            if out.suffix.lower() == ".pdf":
                write_pdf(html, out, lang, digits=digits)
            else:
                from desktop.core.services.exchange import write_new_file as write_new

                write_new(out, html.encode("utf-8"))
            return str(out)

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Writing the report draft…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.task = workers.run_task(work, with_progress=True)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, path: str) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.status.setText(self.tr("Report draft written to {path}.").format(path=path))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.written.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        from desktop.core.services import Cancelled

        text = self.tr("Cancelled; nothing was written.") if isinstance(exc, Cancelled) else \
            refusals.message(exc)
        self.status.setText(text)
        self.failed.emit(text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()
