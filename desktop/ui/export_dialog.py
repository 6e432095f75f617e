"""Export: an encrypted, signed bundle for headquarters, written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import exchange

from .base import refusals, workers
from .base.i18n import ltr
from .base.session import Session
from .base.settings import Settings
from .base.widgets import PlainLabel, clean_text, heading, sentence
from .cleaning_report import CleaningWords


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    export_failed = Signal(str)
    review_requested = Signal(str)  # record id: the researcher chose to review before sealing
    unreviewed_shown = Signal(int)  # how many interviews have narratives nobody reviewed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vault = session.vault
        self.task: workers.Task | None = None
        self.setWindowTitle(self.tr("Export for headquarters"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Export an encrypted bundle"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "Only the chosen headquarters can open the bundle; it is signed by this laptop so any change "
            "is detected. By default it carries redacted narratives, no names and cleaned files.")))
        form = QFormLayout()
        row = QHBoxLayout()
        self.recipient = QComboBox()
        self.recipient.setAccessibleName(self.tr("Recipient"))
        row.addWidget(self.recipient, 1)
        add_card = QPushButton(self.tr("Register a card…"))
        add_card.clicked.connect(self.register_card)
        row.addWidget(add_card)
        form.addRow(self.tr("Recipient:"), row)
        self.pending = exchange.pending_records(self.vault)
        self.scope = PlainLabel(self.tr("{n} interview(s) not yet exported will be included.").format(
            n=QLocale().toString(len(self.pending))))
        form.addRow(self.tr("Interviews:"), self.scope)
        out_row = QHBoxLayout()
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Bundle file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_file)
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("Save as:"), out_row)
        lay.addLayout(form)
        self.identities = QCheckBox(self.tr(
            "Include identities and original files (names, contacts, unstripped media) — only when truly needed"))
        self.identities.setAccessibleName(self.tr("Include identities"))
        self.uncleaned = QCheckBox(self.tr("Include files whose metadata could not be removed"))
        lay.addWidget(self.identities)
        lay.addWidget(self.uncleaned)
        self.files_label = PlainLabel("")
        lay.addWidget(self.files_label)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files and their cleaning"))
        self.files.setMaximumHeight(140)
        lay.addWidget(self.files)
        self.identities.toggled.connect(self._fill_files)
        self.uncleaned.toggled.connect(self._fill_files)
        self._fill_files()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Export progress"))
        lay.addWidget(self.progress)
        self.message = PlainLabel("")
        lay.addWidget(self.message)
        self._review_box(lay)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        lay.addLayout(buttons)
        self._load_recipients()

    def _review_box(self, lay: QVBoxLayout) -> None:
        """Review before sealing: what nobody reviewed, and the two choices."""
        self.send_unreviewed = False
        self.unreviewed: dict[str, list[str]] = {}
        self.review_box = QWidget()
        rb = QVBoxLayout(self.review_box)
        rb.setContentsMargins(0, 0, 0, 0)
        self.review_text = PlainLabel("")
        rb.addWidget(self.review_text)
        self.review_list = QListWidget()
        self.review_list.setAccessibleName(self.tr("Interviews whose narratives nobody reviewed"))
        self.review_list.setMaximumHeight(140)
        rb.addWidget(self.review_list)
        row = QHBoxLayout()
        self.review_now = QPushButton(self.tr("Review now"))
        self.review_now.setAccessibleName(self.tr("Open the selected interview on its redaction review"))
        self.review_now.clicked.connect(self._review_now)
        self.send_automatic = QPushButton(self.tr("Send with automatic redaction only"))
        self.send_automatic.setAccessibleName(self.tr(
            "Send with automatic redaction only (recorded in the bundle and the custody log)"))
        self.send_automatic.clicked.connect(self._send_automatic)
        row.addStretch(1)
        row.addWidget(self.review_now)
        row.addWidget(self.send_automatic)
        rb.addLayout(row)
        self.review_box.setVisible(False)
        lay.addWidget(self.review_box)

    def _ask_review(self) -> None:
        """List what nobody reviewed and ask for an explicit choice (nothing is written yet)."""
        self.review_list.clear()
        for rid, paths in self.unreviewed.items():
            rec = self.vault.get_record(rid)
            form = self.session.forms.get(rec.form_id, rec.form_version)
            title = form.title(self.session.lang) if form is not None else rec.form_id
            n = len([p for p in paths if p != "*"]) or 1
            self.review_list.addItem(self.tr("{title} · reference {ref} · {n} narrative(s) not reviewed").format(
                title=clean_text(title), ref=rid[:8], n=n))
        self.review_list.setCurrentRow(0)
        self.review_text.setText(self.tr(
            "{n} interview(s) have narratives whose redaction nobody reviewed. Review them now, or send them "
            "with automatic redaction only: headquarters cannot undo a wrong replacement, and the bundle and "
            "the custody log will say that nobody reviewed them.").format(n=len(self.unreviewed)))
        self.review_box.setVisible(True)
        self.message.setText("")
        self.unreviewed_shown.emit(len(self.unreviewed))

    def _review_now(self) -> None:
        ids = list(self.unreviewed)
        if ids:
            row = min(max(0, self.review_list.currentRow()), len(ids) - 1)
            self.review_requested.emit(ids[row])
        self.accept()

    def _send_automatic(self) -> None:
        self.send_unreviewed = True
        self.start()

    def _fill_files(self) -> None:
        """Each attached file of the pending interviews and what the bundle will carry of it."""
        words = CleaningWords()
        self.files.clear()
        sent = left_out = 0
        ident, unclean = self.identities.isChecked(), self.uncleaned.isChecked()
        for rid in self.pending:
            for att in self.vault.attachments(rid):
                name = clean_text(att.filename)
                if ident:
                    line = self.tr("{name}: the original file, with its metadata").format(name=name)
                elif att.cleaned:
                    line = self.tr("{name}: cleaned copy — {what}").format(name=name, what=words.summary(att))
                elif unclean:
                    which = (self.tr("the partly cleaned copy") if att.clean_status == "partial" and att.clean_sha256
                             else self.tr("the original"))
                    line = self.tr("{name}: {which}, NOT cleaned — {why}").format(
                        name=name, which=which, why=words.summary(att))
                else:
                    left_out += 1
                    self.files.addItem(self.tr("{name}: left out — {why}").format(name=name, why=words.summary(att)))
                    continue
                sent += 1
                self.files.addItem(line)
        self.files_label.setText(self.tr("Files: {sent} sent, {left} left out (select a record and open "
                                         "its cleaning report for details).").format(sent=sent, left=left_out))
        self.files.setVisible(self.files.count() > 0)

    def _load_recipients(self) -> None:
        self.recipient.clear()
        default = Settings().export_recipient
        for card in exchange.recipients(self.vault):
            self.recipient.addItem(f"{card.org} — {card.fingerprint}", card.fingerprint)
        if default:
            idx = self.recipient.findData(exchange.normalize_fingerprint(default))
            if idx >= 0:
                self.recipient.setCurrentIndex(idx)
        if self.recipient.count() == 0:
            self.message.setText(self.tr("No headquarters card is registered yet. Register the card you "
                                         "received from headquarters and compare its fingerprint with them."))
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(self.task is None and self.recipient.count() > 0 and bool(self.pending))

    def register_card(self) -> None:
        """Register a card through the dialog that makes the user confirm its fingerprint."""
        from .recipients_dialog import TrustedRecipientsDialog

        dialog = TrustedRecipientsDialog(self.vault, self)
        dialog.trusted.connect(lambda card: self.message.setText(
            self.tr("Registered {org}. Fingerprint: {fp}").format(org=card.org, fp=card.fingerprint)))
        dialog.exec()
        self._load_recipients()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle"), "testimony-bundle" + exchange.BUNDLE_SUFFIX,
            self.tr("Testimony bundles (*{suffix})").format(suffix=exchange.BUNDLE_SUFFIX))
        if path and not path.lower().endswith(exchange.BUNDLE_SUFFIX):
            path += exchange.BUNDLE_SUFFIX
        if path:
            self.out.setText(path)

    def start(self) -> None:
        out = self.out.text().strip()
        if not out:
            self.message.setText(self.tr("Choose where to save the bundle."))
            return
        vault, to = self.vault, self.recipient.currentData()
        ident, unclean, ids = self.identities.isChecked(), self.uncleaned.isChecked(), list(self.pending)
        registry = self.session.forms.registry()
        if not ident and not self.send_unreviewed:
            self.unreviewed = exchange.unreviewed(vault, ids, registry)
            if self.unreviewed:
                self._ask_review()
                return
        send_unreviewed = self.send_unreviewed
        self.review_box.setVisible(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.message.setText(self.tr("Encrypting the bundle…"))
        self.task = workers.run_task(
            lambda progress, cancelled: exchange.export(
                vault, to, Path(out), registry, record_ids=ids,
                include_identities=ident,
                include_uncleaned=unclean, progress=progress, cancel=cancelled,
                send_unreviewed=send_unreviewed),
            with_progress=True)
        self.task.progress.connect(self._progress)  # a bound method: runs on the GUI thread
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self._update()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _done(self, result: exchange.ExportResult) -> None:
        self.task = None
        self.progress.setValue(1000)
        self.cancel_button.setText(self.tr("Close"))
        self.message.setText(sentence(self.tr("Exported {r} interview(s) and {a} file(s) to {path}."),
                                      r=QLocale().toString(result.records), a=QLocale().toString(result.attachments),
                                      path=ltr(str(result.path))))
        self.pending = []
        self._update()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        text = refusals.message(exc)
        self.message.setText(text)
        self._update()
        self.export_failed.emit(text)

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.task is not None:
            self.task.cancel()
            return
        super().keyPressEvent(event)
