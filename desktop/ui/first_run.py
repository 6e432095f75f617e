"""First run: choose a passphrase, see the unlock cost, keep the recovery code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QProgressBar, QPushButton, QRadioButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from desktop.core.services import Vault, access

from .base import refusals, workers
from .base.widgets import PlainLabel, heading


class FirstRunScreen(QWidget):
    """Three steps: passphrase → recovery code → confirm. Emits ``created(vault)``."""

    created = Signal(object)
    calibrated = Signal()
    code_shown = Signal()
    failed = Signal(str)

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.vault_path = Path(vault_path)
        self.kdf: access.KdfParams | None = None
        self._vault: Vault | None = None
        self._code = ""
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._passphrase_page())
        self.stack.addWidget(self._code_page())
        self.stack.addWidget(self._confirm_page())
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.stack.setMaximumWidth(720)
        row.addWidget(self.stack, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.pass1.setFocus()  # the passphrase is what to type first; the role has a default
        self._calibration = workers.run_task(access.calibrate_kdf)
        self._calibration.finished.connect(self._on_calibrated)
        self._calibration.failed.connect(self._calibration_failed)

    # ---------------------------------------------------------------- page 1
    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(heading(self.tr("Create your encrypted vault")))
        lay.addWidget(PlainLabel(self.tr(
            "Everything you record is encrypted with a key protected by this passphrase. "
            "Choose a long phrase of several words you can remember; it cannot be reset "
            "without the recovery code you will see next.")))
        role = QHBoxLayout()
        self.role_field = QRadioButton(self.tr("Field researcher"))
        self.role_field.setToolTip(self.tr("Record interviews on this laptop and send bundles to headquarters"))
        self.role_hq = QRadioButton(self.tr("Headquarters"))
        self.role_hq.setToolTip(self.tr("Receive bundles from researchers and analyse them"))
        self.role_field.setChecked(True)
        roles = QButtonGroup(self)
        roles.addButton(self.role_field)
        roles.addButton(self.role_hq)
        role.addWidget(PlainLabel(self.tr("This vault is for:"), wrap=False))
        role.addWidget(self.role_field)
        role.addWidget(self.role_hq)
        role.addStretch(1)
        lay.addLayout(role)
        form = QFormLayout()
        self.org = QLineEdit()
        self.org.setAccessibleName(self.tr("Organisation name"))
        self.org.setPlaceholderText(self.tr("shown to researchers on the recipient card"))
        form.addRow(self.tr("&Organisation:"), self.org)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setAccessibleName(self.tr("Passphrase"))
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setAccessibleName(self.tr("Repeat passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.pass1)
        form.addRow(self.tr("&Repeat:"), self.pass2)
        lay.addLayout(form)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = PlainLabel("")
        self.strength_label.setObjectName("hint")
        lay.addWidget(self.meter)
        lay.addWidget(self.strength_label)
        self.cost = PlainLabel(self.tr("Measuring how long unlocking takes on this computer…"))
        self.cost.setObjectName("hint")
        lay.addWidget(self.cost)
        self.error = PlainLabel("")
        self.error.setObjectName("error")
        lay.addWidget(self.error)
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Creating the vault"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.create_button)
        lay.addLayout(buttons)
        self.pass1.textChanged.connect(self._update)
        self.pass2.textChanged.connect(self._update)
        self.org.textChanged.connect(self._update)
        self.role_hq.toggled.connect(self._role_changed)
        self._org_form = form
        self._role_changed(False)
        self.pass1.returnPressed.connect(self.pass2.setFocus)
        self.pass2.returnPressed.connect(self._create)
        self.create_button.clicked.connect(self._create)
        self._update()
        return page

    def _strength_text(self, lvl: int) -> str:
        return [self.tr("Too weak: use at least 8 characters, better four or more words"),
                self.tr("Weak: add more words"), self.tr("Fair"), self.tr("Strong"),
                self.tr("Very strong")][lvl]

    def _update(self) -> None:
        p1, p2 = self.pass1.text(), self.pass2.text()
        lvl = access.strength_level(p1)
        self.meter.setValue(lvl if p1 else 0)
        self.meter.setProperty("level", lvl)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.strength_label.setText(self._strength_text(lvl) if p1 else "")
        if p2 and p1 != p2:
            self.error.setText(self.tr("The two passphrases differ."))
        else:
            self.error.setText("")
        self.create_button.setEnabled(
            lvl >= access.MIN_LEVEL and p1 == p2 and self.kdf is not None and not self.busy.isVisible()
            and (not self.role_hq.isChecked() or bool(self.org.text().strip())))

    def _role_changed(self, hq: bool) -> None:
        self._org_form.setRowVisible(self.org, hq)
        self._update()

    def _calibration_failed(self, exc: BaseException) -> None:
        self.cost.setText(refusals.message(exc))

    def _on_calibrated(self, result: tuple[access.KdfParams, float]) -> None:
        self.kdf, seconds = result
        self.cost.setText(self.tr(
            "Unlocking will take about {seconds} s on this computer (Argon2id, {mib} MiB, {passes} passes): "
            "slow on purpose, so guessing your passphrase is slow too.").format(
                seconds=f"{seconds:.1f}", mib=self.kdf.memory_kib // 1024, passes=self.kdf.iterations))
        self._update()
        self.calibrated.emit()

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = self.pass1.text()
        kdf, path = self.kdf, self.vault_path
        org = self.org.text().strip() if self.role_hq.isChecked() else None
        self.busy.setVisible(True)
        self.create_button.setEnabled(False)
        self.pass1.setEnabled(False)
        self.pass2.setEnabled(False)
        self.task = workers.run_task(
            lambda: access.create_vault(path, passphrase, kdf=kdf, org=org, confirm_code=True))
        self.task.finished.connect(self._on_created)
        self.task.failed.connect(self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.pass1.setEnabled(True)
        self.pass2.setEnabled(True)
        message = refusals.message(exc)
        self._update()
        self.error.setText(message)
        self.failed.emit(message)

    def _on_created(self, created: access.Created) -> None:
        self._vault, self._code = created.vault, created.recovery_code
        self.pass1.clear()
        self.pass2.clear()
        self.code_label.setText(self._code)
        self.stack.setCurrentIndex(1)
        self.kept.setFocus()
        self.code_shown.emit()

    # ---------------------------------------------------------------- page 2
    def _code_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(heading(self.tr("Your recovery code")))
        lay.addWidget(PlainLabel(self.tr(
            "If you forget the passphrase, this code is the only way back into the vault. "
            "Write it on paper now and keep it apart from this computer. "
            "It is shown only once and is not stored anywhere in readable form.")))
        self.code_label = PlainLabel("", wrap=False, selectable=True)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        lay.addWidget(self.code_label)
        self.kept = QCheckBox(self.tr("I have written the recovery code down and will keep it safe"))
        self.kept.setAccessibleName(self.tr("I have written the recovery code down"))
        lay.addWidget(self.kept)
        self.next_button = QPushButton(self.tr("Continue"))
        self.next_button.setEnabled(False)
        self.kept.toggled.connect(self.next_button.setEnabled)
        self.next_button.clicked.connect(self._to_confirm)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_button)
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    def _to_confirm(self) -> None:
        self.code_label.setText("")
        self.stack.setCurrentIndex(2)
        self.confirm_edit.setFocus()

    # ---------------------------------------------------------------- page 3
    def _confirm_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(heading(self.tr("Check that you kept it")))
        lay.addWidget(PlainLabel(self.tr(
            "Type the recovery code from your paper copy. Dashes and spaces do not matter.")))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setAccessibleName(self.tr("Recovery code from your paper copy"))
        self.confirm_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        lay.addWidget(self.confirm_edit)
        self.confirm_error = PlainLabel("")
        self.confirm_error.setObjectName("error")
        lay.addWidget(self.confirm_error)
        back = QPushButton(self.tr("Show the code again"))
        back.clicked.connect(self._back_to_code)
        self.finish_button = QPushButton(self.tr("Open the vault"))
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self._finish)
        self.confirm_edit.returnPressed.connect(self._finish)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    def _back_to_code(self) -> None:
        self.code_label.setText(self._code)
        self.stack.setCurrentIndex(1)

    @staticmethod
    def _norm(s: str) -> str:
        return "".join(c for c in s.upper() if c.isalnum()).replace("O", "0").replace("I", "1")

    def _finish(self) -> None:
        if self._norm(self.confirm_edit.text()) != self._norm(self._code):
            self.confirm_error.setText(self.tr("That does not match the recovery code. Check your copy."))
            return
        self._code = ""
        self.confirm_edit.clear()
        vault, self._vault = self._vault, None
        if vault is None:
            return
        access.confirm_recovery_code(vault)  # nothing to remind on the next start
        self.created.emit(vault)
