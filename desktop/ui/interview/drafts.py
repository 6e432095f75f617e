"""The encrypted draft: saved while typing, resumed at the section being edited; editing a record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop.core.services import interviews

from .page import ATTACHMENTS_KEY, SECTION_KEY
from .parts import ViewParts


class InterviewDrafts(ViewParts):
    """Drafts of an :class:`~desktop.ui.interview.InterviewView`."""


    if TYPE_CHECKING:  # the view's own, for the type checker
        def answers(self) -> dict[str, Any]: ...
        def set_answers(self, answers: dict[str, Any]) -> None: ...
        def start(self, form_id: str, version: str | None = None) -> None: ...
        def go_to(self, index: int, remember: bool = True) -> None: ...
        def visible_sections(self) -> list[int]: ...

    # ---------------------------------------------------------------- drafts
    def save_draft(self) -> None:
        self.autosave_timer.stop()
        self.autosave_max_timer.stop()
        if self.form is None or self.vault.is_locked or not self.dirty:
            return
        payload = dict(self.answers())
        payload[ATTACHMENTS_KEY] = self.attachments.ids()
        payload[SECTION_KEY] = self.pages[self.section_index].section.id if self.pages else ""
        self.draft_id = self.vault.save_draft(self.form.id, str(self.form.version), payload,
                                              draft_id=self.draft_id, record_id=self.record_id)
        self.dirty = False
        time = QLocale().toString(QDateTime.currentDateTime().time(), QLocale.FormatType.ShortFormat)
        self.saved_label.setText(
            QCoreApplication.translate("InterviewView", "Draft saved (encrypted) at {time}").format(time=time))
        self.autosaved.emit()

    def flush(self) -> None:
        """Save the draft now (before locking or leaving)."""
        if self.form is not None:
            self.attachments.stop()
            self.save_draft()

    def abandon_for_wipe(self) -> None:
        self.autosave_timer.stop()
        self.autosave_max_timer.stop()
        self.check_timer.stop()
        self.dirty = False
        if self.form is not None:
            self.attachments.stop()

    def load_draft(self, draft_id: str) -> None:
        d = self.vault.load_draft(draft_id)
        answers = dict(d.answers)
        att_ids = answers.pop(ATTACHMENTS_KEY, []) or []
        section = answers.pop(SECTION_KEY, "")
        self.start(d.form_id, d.form_version)
        if self.form is None:
            return
        self.draft_id, self.record_id = d.id, d.record_id
        self.set_answers(answers)
        atts = []
        for att_id in att_ids:
            try:
                att = self.vault.attachment(att_id)
            except Exception:  # noqa: BLE001 - a discarded file: leave it out
                att = None
            if att is not None:
                atts.append(att)
        self.attachments.add_existing(atts)
        self.context.set_attachments([(a.id, a.filename) for a in self.attachments.items])
        self.set_answers(answers)  # attachment fields need the list first
        for i, page in enumerate(self.pages):
            if page.section.id == section and i in self.visible_sections():
                self.go_to(i, remember=False)
                break
        self.saved_label.setText(QCoreApplication.translate("InterviewView", "Resumed from the encrypted draft"))

    def load_record(self, record_id: str) -> None:
        rec = interviews.reveal(self.vault, record_id, via="gui-edit")
        self.start(rec.form_id, rec.form_version)
        if self.form is None:
            return
        self.record_id = record_id
        answers = self.form.merge(rec.public, rec.identity or {})
        self.attachments.add_existing(rec.attachments)
        self.context.set_attachments([(a.id, a.filename) for a in self.attachments.items])
        self.set_answers(answers)
        self.saved_label.setText(QCoreApplication.translate("InterviewView", "Editing: saving adds a new revision"))
