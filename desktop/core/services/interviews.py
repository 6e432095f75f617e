"""Interviews: submit (validate, prune, save), drafts, reveal.

The window and the command line save through :func:`submit`, so the same
answers are stored whichever way they arrive: answers made irrelevant by skip
logic are dropped, invalid answers refuse the whole save. Identifying details
are revealed only through :func:`reveal`, which writes the custody entry itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import masking as _masking
from .. import records as _records
from ..errors import Refusal
from ..forms import Form, FormRegistry
from ..vault import Attachment, CancelFn, Draft, ProgressFn, Record, RecordSummary, Vault

__all__ = [
    "Attachment",
    "Draft",
    "Form",
    "InvalidAnswers",
    "Record",
    "RecordSummary",
    "discard_draft",
    "drafts",
    "ensure_search_index",
    "form",
    "forms",
    "list_facts",
    "load_draft",
    "masked",
    "masked_view",
    "needs_indexing",
    "new_entry_defaults",
    "new_interview_defaults",
    "reveal",
    "save_draft",
    "submit",
    "validate",
]


class InvalidAnswers(Refusal):
    """Answers that do not satisfy the form; ``issues`` says which (nothing was saved)."""

    default_code = "record.invalid_answers"

    def __init__(self, issues: list[Any]) -> None:
        self.issues = list(issues)
        super().__init__(code="record.invalid_answers", count=len(self.issues))


def forms(registry: FormRegistry) -> list[Form]:
    return registry.list()


def form(registry: FormRegistry, form_id: str, version: str | None = None) -> Form:
    return registry.get(form_id, version)


def validate(form: Form, answers: dict[str, Any]) -> list[Any]:
    """The issues that would refuse a save (an empty list: the answers can be saved)."""
    return list(form.validate(answers))


def new_interview_defaults(vault: Vault, today: str) -> dict[str, Any]:
    """What a new interview already knows: the day (``today``, YYYY-MM-DD) and the
    researcher's code from the settings. Only answers the researcher may change."""
    out: dict[str, Any] = {"interview_date": {"precision": "day", "date": today}}
    code = vault.meta("researcher_code")
    if code:
        out["researcher_code"] = code
    return out


# Answers about the interview itself and the researcher's assessments never tell records apart in a list.
_NOT_LISTED = ("interview", "source_", "risk_", "consent_")


def list_facts(form: Form, answers: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """What may tell one interview from another in a list, as (field, value):
    ``code`` (the interviewee's code), ``date`` and ``place`` (the first event
    date and named place), ``summary`` (the first kind-of-event choice).
    Never an identifying answer, never free text (a place given only in words
    is left out), never the source or risk assessment."""
    out: dict[str, tuple[Any, Any]] = {}
    if not isinstance(answers, dict):
        return out
    code = answers.get("interviewee_code")
    if isinstance(code, str) and form.has_field("interviewee_code") and not form.field("interviewee_code").identifying:
        out["code"] = (form.field("interviewee_code"), code)
    for section in form.sections:
        for f in section.fields:
            value = answers.get(f.id)
            if f.identifying or f.id.startswith(_NOT_LISTED) or value is None:
                continue
            if f.type == "approx_date" and "date" not in out and isinstance(value, dict):
                out["date"] = (f, value)
            elif f.type == "location" and "place" not in out and isinstance(value, dict):
                named = {k: v for k, v in value.items() if k in ("city", "district")}
                if named:
                    out["place"] = (f, named)
            elif f.type == "select_one" and f.id.endswith("_type") and "summary" not in out:
                out["summary"] = (f, value)
    return out


# The type of an answer about the event -> the act's field that starts with it.
_ACT_CARRIED = {"approx_date": "act_date", "time": "act_time", "location": "act_location"}


def new_entry_defaults(form: Form, answers: dict[str, Any], repeat_path: str, index: int) -> dict[str, Any]:
    """A new act starts with the date, time and place of the event already told
    (the first such answer of each type, before the acts; never an identifying
    one nor one about the interview itself), and the first act with the
    casualties already listed as its victims. All stay editable."""
    if repeat_path != "acts" or not form.has_field("acts"):
        return {}
    acts = form.field("acts")
    children = {c.id for c in acts.fields}
    out: dict[str, Any] = {}
    for section in form.sections:
        if any(f.id == "acts" for f in section.fields):
            break  # only what was told before the acts
        for f in section.fields:
            target = _ACT_CARRIED.get(f.type)
            if (target is None or target not in children or target in out or f.id.startswith("interview")
                    or f.identifying or answers.get(f.id) is None):
                continue
            out[target] = answers[f.id]
    victims = answers.get("casualties")
    if index == 0 and isinstance(victims, list) and "act_victims" in children:
        parts = {c.id for c in form.field("acts.act_victims").fields}
        listed = [{k: v for k, v in p.items() if k in parts} for p in victims if isinstance(p, dict)]
        if listed:
            out["act_victims"] = listed
    return out


@dataclass(frozen=True)
class Submitted:
    record_id: str
    answers: dict[str, Any]  # what was stored (after pruning), identities included


def submit(vault: Vault, form: Form, answers: dict[str, Any], record_id: str | None = None,
           attachments: Sequence[Path] = (), attachment_ids: Sequence[str] = (),
           draft_id: str | None = None, progress: ProgressFn | None = None,
           cancel: CancelFn | None = None) -> Submitted:
    """Validate, drop answers skip logic made irrelevant, and save (a new record, or a
    new revision of ``record_id``). Invalid answers raise :class:`InvalidAnswers`."""
    issues = validate(form, answers)
    if issues:
        raise InvalidAnswers(issues)
    pruned = form.prune(answers)
    if record_id is not None:
        if attachments:
            raise Refusal("Files are added to an existing record in the interview screen")
        _records.save_revision(vault, record_id, form, pruned, attachment_ids=attachment_ids, draft_id=draft_id)
        return Submitted(record_id, pruned)
    rid = _records.save_new_record(vault, form, pruned, attachments, attachment_ids=attachment_ids,
                                   draft_id=draft_id, progress=progress, cancel=cancel)
    return Submitted(rid, pruned)


def reveal(vault: Vault, record_id: str, via: str, rev: int | None = None) -> Record:
    """The record with its identifying details; writes exactly one custody entry."""
    return _masking.reveal_record(vault, record_id, rev=rev, via=via)


def masked(vault: Vault, record_id: str, rev: int | None = None, registry: FormRegistry | None = None) -> Record:
    """The record as the masked state shows it: identities withheld, narratives
    redacted (reviewed decisions where they exist, automatic detection otherwise)."""
    return _masking.masked_record(vault, record_id, rev=rev, registry=registry).record


def masked_view(vault: Vault, record_id: str, rev: int | None = None,
                registry: FormRegistry | None = None) -> _masking.Masked:
    """:func:`masked` with how each answer was redacted (reviewed, changed,
    automatic) and which attachments are identifying (no preview until revealed)."""
    return _masking.masked_record(vault, record_id, rev=rev, registry=registry)


def ensure_search_index(vault: Vault, progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> int:
    """Index, from their redacted text, the records the search index does not cover
    (a vault from a release whose index held raw text); returns how many."""
    return _records.ensure_search_index(vault, progress=progress, cancel=cancel)


def needs_indexing(vault: Vault) -> bool:
    return bool(vault.unindexed_records())


def redactor_for(vault: Vault, form: Form, record_id: str, via: str = "redaction-detect") -> Any:
    """A redactor that knows this record's identities and its stored pseudonyms,
    for a review screen (which shows the original text): a reveal, logged once."""
    rec = reveal(vault, record_id, via=via)
    return _records.record_redactor(form, rec.public, rec.identity or {}, vault, record_id)


def save_draft(vault: Vault, form: Form, answers: dict[str, Any], draft_id: str | None = None,
               record_id: str | None = None) -> str:
    return vault.save_draft(form.id, str(form.version), answers, draft_id=draft_id, record_id=record_id)


def drafts(vault: Vault) -> list[Draft]:
    return vault.drafts()


def load_draft(vault: Vault, draft_id: str) -> Draft:
    return vault.load_draft(draft_id)


def discard_draft(vault: Vault, draft_id: str) -> None:
    vault.discard_draft(draft_id)
