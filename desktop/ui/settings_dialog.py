"""Settings: language, auto-lock, default export recipient, safety options, passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QLineEdit, QPushButton,
    QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.core.errors import refusal_of
from desktop.core.services import access, exchange

from .base import refusals, workers
from .base.session import Session
from .base.settings import Settings
from .base.widgets import PlainLabel


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    autolock_changed = Signal(int)
    passphrase_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = Settings()
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        # the content scrolls, the buttons stay: Settings fits a 1280x800 screen
        outer = QVBoxLayout(self)
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 6, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll_area, 1)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("العربية", "ar")
        self.language.setCurrentIndex(max(0, self.language.findData(session.lang)))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("&Language:"), self.language)
        self.digits = QComboBox()
        self.digits.addItem(self.tr("Arabic-Indic in Arabic (٠١٢٣)"), "native")
        self.digits.addItem(self.tr("Western everywhere (0123)"), "western")
        self.digits.setCurrentIndex(max(0, self.digits.findData(self.settings.digits)))
        self.digits.setAccessibleName(self.tr("Digits"))
        form.addRow(self.tr("&Digits:"), self.digits)
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setSpecialValueText(self.tr("never"))
        self.autolock.setValue(self.settings.autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after idle minutes"))
        form.addRow(self.tr("Lock after &idle:"), self.autolock)
        self.recipient = QLineEdit(self.settings.export_recipient)
        self.recipient.setPlaceholderText(self.tr("fingerprint of the headquarters recipient card"))
        self.recipient.setAccessibleName(self.tr("Default export recipient fingerprint"))
        form.addRow(self.tr("Default export &recipient:"), self.recipient)
        # Kept inside the encrypted vault (not in the settings file): bundles carry it,
        # so headquarters notices when a known researcher's device key changes.
        self.researcher = QLineEdit(exchange.researcher_code(session.vault))
        self.researcher.setMaxLength(32)
        self.researcher.setPlaceholderText(self.tr("the code headquarters gave you, e.g. R-07"))
        self.researcher.setAccessibleName(self.tr("Researcher code"))
        form.addRow(self.tr("Researcher &code:"), self.researcher)
        self.device_fp = PlainLabel(exchange.device_fingerprint(session.vault))
        self.device_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_fp.setAccessibleName(self.tr("This laptop's device fingerprint"))
        self.device_fp.setToolTip(self.tr(
            "Headquarters sees this fingerprint when it imports your first bundle; read it to them."))
        form.addRow(self.tr("Device fingerprint:"), self.device_fp)
        lay.addLayout(form)

        safety = QGroupBox(self.tr("Optional safety measures (off by default)"))
        s = QFormLayout(safety)
        self.wipe_after = QSpinBox()
        self.wipe_after.setRange(0, access.MAX_UNLOCK_LIMIT)
        self.wipe_after.setSpecialValueText(self.tr("off"))
        # Kept with the vault (its unlock guard), not in the settings file; the command line honours it too.
        self.wipe_after.setValue(access.unlock_limit(session.vault))
        self.wipe_after.setAccessibleName(self.tr("Wipe after failed unlocks"))
        s.addRow(self.tr("Wipe after failed unlocks:"), self.wipe_after)
        honest = PlainLabel(self.tr(
            "Honestly: this protects against someone guessing at this application's unlock screen. "
            "It does not stop a person who copies the vault folder and guesses elsewhere; against "
            "that, only a long passphrase helps. A mistyped passphrase counts too, so a low number "
            "can destroy your own work."))
        honest.setObjectName("hint")
        s.addRow(honest)
        lay.addWidget(safety)

        duress = QGroupBox(self.tr("Duress passphrase (optional)"))
        d = QFormLayout(duress)
        explain = PlainLabel(self.tr(
            "If you are forced to unlock, typing this second passphrase destroys the vault at once and "
            "opens an empty one, as if nothing had been recorded. Its key slot looks exactly like the "
            "real one. Honestly: a copy of the vault taken earlier is not destroyed, an empty vault may "
            "itself raise suspicion, and changing your passphrase removes the duress passphrase."))
        explain.setObjectName("hint")
        d.addRow(explain)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.duress1 = QLineEdit()
        self.duress1.setEchoMode(QLineEdit.EchoMode.Password)
        self.duress1.setAccessibleName(self.tr("Duress passphrase"))
        self.duress2 = QLineEdit()
        self.duress2.setEchoMode(QLineEdit.EchoMode.Password)
        self.duress2.setAccessibleName(self.tr("Repeat duress passphrase"))
        d.addRow(self.tr("Current passphrase:"), self.current)
        d.addRow(self.tr("Duress passphrase:"), self.duress1)
        d.addRow(self.tr("Repeat:"), self.duress2)
        self.duress_button = QPushButton(self.tr("Set duress passphrase"))
        self.duress_button.clicked.connect(self._set_duress)
        self.duress_message = PlainLabel("")
        self.duress_message.setObjectName("hint")
        d.addRow(self.duress_button)
        d.addRow(self.duress_message)
        lay.addWidget(duress)

        pw = QGroupBox(self.tr("Change passphrase"))
        p = QFormLayout(pw)
        self.old_passphrase = QLineEdit()
        self.old_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_passphrase.setAccessibleName(self.tr("Current passphrase"))
        p.addRow(self.tr("Current passphrase:"), self.old_passphrase)
        self.new1 = QLineEdit()
        self.new1.setEchoMode(QLineEdit.EchoMode.Password)
        self.new1.setAccessibleName(self.tr("New passphrase"))
        self.new2 = QLineEdit()
        self.new2.setEchoMode(QLineEdit.EchoMode.Password)
        self.new2.setAccessibleName(self.tr("Repeat new passphrase"))
        p.addRow(self.tr("New passphrase:"), self.new1)
        p.addRow(self.tr("Repeat:"), self.new2)
        self.rotate = QCheckBox(self.tr("The laptop may have been searched or copied: also replace every key "
                                        "(gives a new recovery code)"))
        p.addRow(self.rotate)
        self.pw_button = QPushButton(self.tr("Change passphrase"))
        self.pw_button.clicked.connect(self._change_passphrase)
        self.pw_message = PlainLabel("")
        self.pw_message.setObjectName("hint")
        p.addRow(self.pw_button)
        p.addRow(self.pw_message)
        lay.addWidget(pw)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.scroll_area.setWidget(content)
        outer.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        want = content.sizeHint().height() + buttons.sizeHint().height() + 40
        if screen is not None:
            self.resize(max(self.minimumWidth(), content.sizeHint().width() + 40),
                        min(want, screen.height() - 80))

    def _change_passphrase(self) -> None:
        old, a, b = self.old_passphrase.text(), self.new1.text(), self.new2.text()
        try:
            access.check_new_passphrase(a, b)
        except access.Refusal as exc:
            self.pw_message.setText(refusals.message(exc))
            return
        if not old:
            self.pw_message.setText(self.tr("Type your current passphrase first."))
            self.old_passphrase.setFocus()
            return
        vault = self.session.vault
        self.pw_button.setEnabled(False)
        self.pw_message.setText(self.tr("Changing the passphrase…"))
        rotate = self.rotate.isChecked()
        self.task = workers.run_task(lambda: access.change_passphrase(vault, a, b, rotate=rotate, current=old))
        self.task.finished.connect(self._pw_done)
        self.task.failed.connect(self._pw_failed)

    def _set_duress(self) -> None:
        current, a, b = self.current.text(), self.duress1.text(), self.duress2.text()
        try:
            access.check_new_passphrase(a, b)
        except access.Refusal as exc:
            self.duress_message.setText(refusals.message(exc))
            return
        vault = self.session.vault
        self.duress_button.setEnabled(False)
        self.duress_message.setText(self.tr("Setting the duress passphrase…"))
        self.duress_task = workers.run_task(lambda: access.set_duress_passphrase(vault, a, current, b))
        self.duress_task.finished.connect(self._duress_done)
        self.duress_task.failed.connect(self._duress_failed)

    def _duress_failed(self, exc: BaseException) -> None:
        self.duress_message.setText(refusals.message(exc))
        self.duress_button.setEnabled(True)

    def _pw_failed(self, exc: BaseException) -> None:
        self.pw_message.setText(refusals.message(exc))
        self.pw_button.setEnabled(True)
        if refusal_of(exc).code == "passphrase.current_wrong":
            self.old_passphrase.selectAll()
            self.old_passphrase.setFocus()

    def _new_code(self, code: str) -> str:
        return self.tr("Every key of the vault was replaced, so the old recovery code no longer works. "
                       "New recovery code (write it down now; it is not shown again):") + "\n" + code

    def _duress_done(self, result: object) -> None:
        for w in (self.current, self.duress1, self.duress2):
            w.clear()
        self.duress_button.setEnabled(True)
        self.duress_message.setText(self.tr("Duress passphrase set.") + " " + self._new_code(str(result)))

    def _pw_done(self, result: object) -> None:
        self.old_passphrase.clear()
        self.new1.clear()
        self.new2.clear()
        self.pw_button.setEnabled(True)
        if isinstance(result, str):
            self.pw_message.setText(self.tr("Passphrase changed.") + " " + self._new_code(result))
        else:
            self.pw_message.setText(self.tr("Passphrase changed. The recovery code still works."))
        self.rotate.setChecked(False)
        self.passphrase_changed.emit()

    def save(self) -> None:
        self.settings.autolock_minutes = self.autolock.value()
        self.settings.export_recipient = self.recipient.text()
        access.set_unlock_limit(self.session.vault, self.wipe_after.value())
        exchange.set_researcher_code(self.session.vault, self.researcher.text())
        lang = self.language.currentData()
        self.settings.language = lang
        digits_changed = self.digits.currentData() != self.settings.digits
        self.settings.digits = self.digits.currentData()
        self.accept()
        self.autolock_changed.emit(self.autolock.value())
        if lang != self.session.lang or (digits_changed and lang == "ar"):
            self.language_changed.emit(lang)
