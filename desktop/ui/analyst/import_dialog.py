"""Import a bundle from the field: verify and ingest on a worker, with progress
and cancel; accept a new device after comparing its fingerprint; accept a
researcher's changed key only after a warning and a second confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLineEdit, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop.core.services import Vault, exchange
from desktop.core.services.exchange import ImportReport
from desktop.core.services.forms_admin import FormRegistry

from ..base import refusals, workers
from ..base.widgets import PlainLabel, heading
from .receipt_dialog import ask_receipt_path, save_receipt

@dataclass(frozen=True)
class Refusal:
    kind: str  # "new_device" | "changed_key" | "changed_researcher" | "other"
    message: str  # in the interface language
    fingerprint: str = ""  # the bundle's device
    known: str = ""  # the researcher's known device (changed key)
    researcher: str = ""  # the researcher code the bundle names
    bound: str = ""  # the code the device is registered for (changed researcher code)


KINDS = {"bundle.new_device": "new_device", "bundle.changed_key": "changed_key",
         "bundle.changed_researcher": "changed_researcher"}


def classify_refusal(exc: BaseException) -> Refusal:
    """Tell a new device and a changed key apart from other refusals, by the refusal's
    code and parameters (never by its text)."""
    code = getattr(exc, "code", "")
    params = getattr(exc, "params", {}) or {}
    kind = KINDS.get(code, "other")
    return Refusal(kind, refusals.message(exc), str(params.get("fingerprint", "")),
                   str(params.get("known_fingerprint", "")), str(params.get("researcher", "") or ""),
                   str(params.get("bound", "") or ""))


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport
    refused = Signal(object)  # Refusal
    receipt_written = Signal(str)

    def __init__(self, vault: Vault, parent: QWidget | None = None, registry: FormRegistry | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.registry = registry  # the session's forms, loaded once (else each import loads them again)
        self.task: workers.Task | None = None
        self.report: ImportReport | None = None
        self.refusal: Refusal | None = None
        self._key_stage = 0
        self.setWindowTitle(self.tr("Import a bundle"))
        self.setMinimumWidth(680)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Import a bundle from the field"), level=2))
        lay.addWidget(PlainLabel(self.tr(
            "The bundle is decrypted and every signature, name, size and hash is checked before anything "
            "is added. Importing the same bundle twice changes nothing.")))
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Bundle file"))
        self.path.setPlaceholderText(self.tr("a {suffix} file from a researcher").format(suffix=exchange.BUNDLE_SUFFIX))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay.addLayout(row)

        # a device seen for the first time
        self.device_box = QFrame()
        self.device_box.setObjectName("identityBar")
        d = QVBoxLayout(self.device_box)
        d.addWidget(PlainLabel(self.tr(
            "This bundle comes from a device headquarters has not seen before. Compare this fingerprint "
            "with the one the researcher reads from their laptop (in person or by a trusted channel):")))
        self.device_fp = PlainLabel("", wrap=False, selectable=True)
        self.device_fp.setObjectName("recoveryCode")
        self.device_fp.setFont(mono)
        self.device_fp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.device_fp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.device_fp.setAccessibleName(self.tr("Device fingerprint"))
        d.addWidget(self.device_fp)
        self.accept_device_button = QPushButton(self.tr("The fingerprints match: accept this device and import"))
        self.accept_device_button.clicked.connect(self.accept_device)
        d.addWidget(self.accept_device_button, 0, Qt.AlignmentFlag.AlignRight)
        self.device_box.hide()
        lay.addWidget(self.device_box)

        # a known researcher with a different key
        self.key_box = QFrame()
        self.key_box.setObjectName("identityBar")
        k = QVBoxLayout(self.key_box)
        self.key_warning = PlainLabel("")
        self.key_warning.setObjectName("error")
        k.addWidget(self.key_warning)
        self.key_verified = QCheckBox(self.tr("I have verified the new fingerprint with the researcher in person"))
        k.addWidget(self.key_verified)
        self.accept_key_button = QPushButton(self.tr("Accept the change…"))
        self.accept_key_button.setObjectName("danger")
        self.accept_key_button.setEnabled(False)
        self.key_verified.toggled.connect(self._key_checked)
        self.accept_key_button.clicked.connect(self.accept_changed_key)
        k.addWidget(self.accept_key_button, 0, Qt.AlignmentFlag.AlignRight)
        self.key_box.hide()
        lay.addWidget(self.key_box)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Import progress"))
        lay.addWidget(self.progress)
        self.message = PlainLabel("")
        lay.addWidget(self.message)

        self.report_box = QFrame()
        form = QFormLayout(self.report_box)
        self.report_fields: dict[str, PlainLabel] = {}
        for key, text in (("source", self.tr("From:")), ("records_added", self.tr("Testimonies added:")),
                          ("revisions_added", self.tr("Revisions added:")),
                          ("duplicates_skipped", self.tr("Duplicates skipped:")),
                          ("attachments_added", self.tr("Attachments added:")),
                          ("refused", self.tr("Refused:")), ("custody", self.tr("Custody log:"))):
            label = PlainLabel("")
            label.setAccessibleName(text.rstrip(":"))
            # numbers alone would follow their own (left-to-right) direction: align by the layout's
            label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft))
            self.report_fields[key] = label
            form.addRow(text, label)
        self.report_box.hide()
        lay.addWidget(self.report_box)

        buttons = QHBoxLayout()
        self.receipt_button = QPushButton(self.tr("Write receipt…"))
        self.receipt_button.setVisible(False)
        self.receipt_button.clicked.connect(self._choose_receipt)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self.start())
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        lay.addLayout(buttons)
        self.path.textChanged.connect(self._path_changed)
        self._update()

    def _update(self) -> None:
        self.import_button.setEnabled(self.task is None and bool(self.path.text().strip()))

    def _path_changed(self) -> None:
        """Another file: an acceptance given for the refused bundle does not carry over."""
        if self.task is None:
            self.refusal = None
            self._key_stage = 0
            self.device_box.hide()
            self.key_box.hide()
        self._update()

    def choose_file(self) -> None:
        kinds = self.tr("Testimony bundles (*{suffix});;All files (*)").format(suffix=exchange.BUNDLE_SUFFIX)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bundle from the field"), "", kinds)
        if path:
            self.path.setText(path)

    # ---------------------------------------------------------------- running
    def start(self, trust_new_device: bool = False, accept_changed_key: bool = False,
              expect_device: str | None = None) -> None:
        """Import the file in the path box; an acceptance (new device, changed key or researcher
        code) holds only for the device the analyst was shown (``expect_device``)."""
        text = self.path.text().strip()
        if not text or self.task is not None:
            return
        vault, path, registry = self.vault, Path(text), self.registry
        self.device_box.hide()
        self.key_box.hide()
        self.report_box.hide()
        self.receipt_button.setVisible(False)
        self.report = None
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.message.setText(self.tr("Decrypting and checking the bundle…"))
        self.task = workers.run_task(
            lambda progress, cancelled: exchange.import_bundle(
                vault, path, trust_new_device=trust_new_device, accept_changed_key=accept_changed_key,
                progress=progress, cancel=cancelled, registry=registry, expect_device=expect_device),
            with_progress=True)
        self.task.progress.connect(self._progress)  # a bound method: runs on the GUI thread
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self._update()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _done(self, report: ImportReport) -> None:
        self.task = None
        self.progress.setValue(1000)
        self.cancel_button.setText(self.tr("Close"))
        self.report = report
        self.show_report(report)
        self._update()
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        self._update()
        if getattr(exc, "code", "") == "cancelled":
            self.message.setText(self.tr("Cancelled; nothing was imported."))
            return
        refusal = classify_refusal(exc)
        self.refusal = refusal
        if refusal.kind == "new_device":
            self.message.setText(self.tr("Not imported yet: the device is new to headquarters."))
            self.device_fp.setText(refusal.fingerprint)
            self.device_box.show()
        elif refusal.kind == "changed_key":
            self.key_verified.setText(self.tr("I have verified the new fingerprint with the researcher in person"))
            self._arm_key_box(self.tr(
                "Warning: researcher {who} is known with device {old}, but this bundle is signed by a "
                "different key, {new}. Someone may be impersonating them. Accept only if the researcher "
                "confirms in person that they changed laptops or re-created their vault.").format(
                    who=refusal.researcher, old=refusal.known, new=refusal.fingerprint))
            self.message.setText(self.tr("Refused: the researcher's key has changed."))
        elif refusal.kind == "changed_researcher":
            self.key_verified.setText(self.tr("I have confirmed the new researcher code with the researcher"))
            self._arm_key_box(self.tr(
                "Warning: device {device} is registered for researcher {old}, but this bundle names researcher "
                "{new}. Accept only if the researcher confirms they changed the code in their Settings (a typing "
                "mistake corrected, say); from then on the device is registered for {new}.").format(
                    device=refusal.fingerprint, old=refusal.bound, new=refusal.researcher))
            self.message.setText(self.tr("Refused: the device now names another researcher code."))
        else:
            self.message.setText(self.tr("Refused, nothing was changed: {reason}").format(reason=refusal.message))
        self.refused.emit(refusal)

    def _arm_key_box(self, warning: str) -> None:
        """The deliberate acceptance of a changed key or researcher code: unticked, two clicks."""
        self._key_stage = 0
        self.key_verified.setChecked(False)
        self.accept_key_button.setEnabled(False)
        self.accept_key_button.setText(self.tr("Accept the change…"))
        self.key_warning.setText(warning)
        self.key_box.show()

    def accept_device(self) -> None:
        if self.refusal is not None and self.refusal.kind == "new_device":
            self.start(trust_new_device=True, expect_device=self.refusal.fingerprint)

    def _key_checked(self, on: bool) -> None:
        self._key_stage = 0
        self.accept_key_button.setText(self.tr("Accept the change…"))
        self.accept_key_button.setEnabled(on)

    def accept_changed_key(self) -> None:
        """First click arms, second click imports: a deliberate, two-step acceptance."""
        if not self.key_verified.isChecked():
            return
        if self._key_stage == 0:
            self._key_stage = 1
            self.accept_key_button.setText(self.tr("Yes, accept the change and import"))
            self.message.setText(self.tr("Click again to confirm. This is recorded in the custody log."))
            return
        self._key_stage = 0
        if self.refusal is not None and self.refusal.kind in ("changed_key", "changed_researcher"):
            self.start(accept_changed_key=True, expect_device=self.refusal.fingerprint)

    # ---------------------------------------------------------------- report
    def show_report(self, r: ImportReport) -> None:
        f = self.report_fields
        f["source"].setText(self.tr("device {device}, researcher {who}").format(
            device=r.device, who=r.researcher or self.tr("not named")))
        loc = QLocale()
        for key in ("records_added", "revisions_added", "duplicates_skipped", "attachments_added"):
            f[key].setText(loc.toString(int(getattr(r, key))))
        f["refused"].setText("\n".join(r.refused) if r.refused else self.tr("nothing"))
        f["refused"].setObjectName("error" if r.refused else "")
        f["custody"].setText("\n".join(r.custody_problems) if r.custody_problems else self.tr("chain intact"))
        f["custody"].setObjectName("error" if r.custody_problems else "")
        for label in (f["refused"], f["custody"]):
            label.style().unpolish(label)
            label.style().polish(label)
        self.report_box.show()
        if r.already_imported:
            self.message.setText(self.tr("This bundle was imported before; nothing changed."))
        else:
            self.message.setText(self.tr("Imported and verified."))
        self.receipt_button.setVisible(True)

    def _choose_receipt(self) -> None:
        if self.report is None:
            return
        path = ask_receipt_path(self, self.report.bundle_id)
        if path:
            self.write_receipt(Path(path))

    def write_receipt(self, out: Path) -> bool:
        if self.report is None:
            return False
        try:
            save_receipt(self.vault, self.report.bundle_id, out)
        except Exception as exc:  # noqa: BLE001 - shown, not raised
            self.message.setText(refusals.message(exc))
            return False
        self.message.setText(QCoreApplication.translate("ReceiptDialog",
                                                        "Receipt written to {path}. Give it to the researcher.")
                             .format(path=str(out)))
        self.receipt_written.emit(str(out))
        return True

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.task is not None:
            self.task.cancel()
            return
        super().keyPressEvent(event)
