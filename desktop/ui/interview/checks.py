"""Which questions and sections apply, what needs attention, and how much is answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale


from .parts import ViewParts


# Strings use the context "InterviewView" (the screen they appear on) explicitly: lupdate
# and the runtime agree on it whatever class a method comes from.
class InterviewChecks(ViewParts):
    """Relevance, checks and progress of an :class:`~desktop.ui.interview.InterviewView`."""


    if TYPE_CHECKING:  # the view's own, for the type checker
        def answers(self) -> dict[str, Any]: ...

    # ---------------------------------------------------------------- relevance and checks
    def refresh_relevance(self) -> None:
        answers = self.answers()
        for i, page in enumerate(self.pages):
            relevant = self.form.section_relevant(page.section.id, answers)
            self.sections.item(i).setHidden(not relevant)
            if relevant:
                for row in page.all_rows():
                    row.setVisible(self.form.is_relevant(row.editor.path, answers))
        self._update_progress()

    def visible_sections(self) -> list[int]:
        return [i for i in range(len(self.pages)) if not self.sections.item(i).isHidden()]

    def answered_count(self) -> tuple[int, int]:
        """(answered, asked): the questions that apply now, in the sections that apply."""
        answers = self.answers()
        asked = answered = 0
        for i in self.visible_sections():
            for row in self.pages[i].rows:
                if row.field.type == "note" or not self.form.is_relevant(row.editor.path, answers):
                    continue
                asked += 1
                answered += row.editor.value() is not None
        return answered, asked

    def _update_progress(self) -> None:
        vis = self.visible_sections()
        answered, asked = self.answered_count()
        self.progress.setRange(0, max(asked, 1))
        self.progress.setValue(answered)
        loc = QLocale()
        pos = vis.index(self.section_index) + 1 if self.section_index in vis else 0
        self.progress_label.setText(QCoreApplication.translate(
            "InterviewView", "Section {n} of {m} · {a} of {q} questions answered").format(
            n=loc.toString(pos), m=loc.toString(len(vis)), a=loc.toString(answered), q=loc.toString(asked)))
        self.back_button.setEnabled(bool(vis) and self.section_index != vis[0])
        self.next_button.setEnabled(bool(vis) and self.section_index != vis[-1])

    def issue_text(self, issue: Any) -> str:
        field = self.form.field(issue.path) if self.form.has_field(issue.path) else None
        if issue.code == "required":
            return QCoreApplication.translate("InterviewView", "This question needs an answer.")
        if issue.code == "constraint" and field is not None and field.constraint_message:
            msgs = field.constraint_message
            return str(msgs.get(self.lang) or msgs.get("en") or issue.message)
        if self.lang != "en":
            return QCoreApplication.translate("InterviewView", "Check this answer: {detail}").format(
                detail=issue.message)
        return str(issue.message)

    def check(self, section_index: int | None = None, everything: bool = False) -> list[Any]:
        """Show the issues of a section; required-field issues only for touched fields."""
        self.check_timer.stop()
        self.refresh_relevance()
        i = self.section_index if section_index is None else section_index
        page = self.pages[i]
        answers = self.answers()
        issues = self.form.section_issues(page.section.id, answers)
        by_path = {iss.path: iss for iss in issues}
        shown = []
        for row in page.all_rows():
            iss = by_path.get(row.editor.path)
            own = row.editor.problem() if row.isVisibleTo(page) else ""
            if own:  # what the widget knows first: a half-typed or future date
                row.show_issue(own)
                shown.append(own)
            elif iss is not None and (iss.code != "required" or everything or row.touched):
                row.show_issue(self.issue_text(iss))
                shown.append(iss)
            else:
                row.show_issue("")
        mark = "⚠ " if shown else ""
        self.sections.item(i).setText(mark + page.section.title(self.lang))
        self.checked.emit()
        return shown

    def widget_problems(self) -> list[str]:
        """Problems only the widgets can see, in relevant questions."""
        answers = self.answers()
        out = []
        for i in self.visible_sections():
            for row in self.pages[i].all_rows():
                if self.form.is_relevant(row.editor.path, answers) and row.editor.problem():
                    out.append(row.editor.problem())
        return out

    def _focus_first_issue(self) -> None:
        page = self.pages[self.section_index]
        for row in page.all_rows():
            if row.issue.isVisible():
                page.ensureWidgetVisible(row)
                row.editor.focus_target().setFocus()
                return
