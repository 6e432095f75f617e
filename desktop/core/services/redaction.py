"""Redaction as the front ends use it: redact a text, review detections of a record's answers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import review as _review
from .. import review_records as _review_records
from ..forms import Form, FormRegistry
from ..records import text_field as _text_field
from ..records import text_fields as _text_fields
from ..redaction import LABELS, KnownName, Redactor, Span, apply_decisions
from ..redaction.feed import known_from_command_line
from ..vault import CancelFn, ProgressFn, Vault

__all__ = ["CHANGED", "LABELS", "REVIEWED", "UNREVIEWED", "AnswerReview", "Finding", "KnownName", "Span",
           "apply_decisions", "redact", "redact_request", "review_overview", "review_status",
           "reviewed_entry", "save_review", "save_review_overview", "saved_decisions", "text_field",
           "text_fields", "unreviewed_records"]


def redact(text: str, known: Sequence[str | KnownName | dict[str, Any]] = (),
                lang: str = "auto") -> dict[str, Any]:
    """The `testimony redact --json` contract, plus ``uncertain``: candidates
    left visible for review (start, end, text, reason, score). A sentence given
    as known is mined for names, never used word by word."""
    names = [k for k in known if isinstance(k, str)]
    given: list[Any] = [k for k in known if not isinstance(k, str)]  # {"name", "aliases"}: a person, as given
    r = Redactor(known=[*known_from_command_line(names, Redactor().detect), *given], lang=lang)
    res = r.redact(text)
    return {"text": res.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label, "replacement": s.replacement}
                      for s in res.spans],
            "uncertain": [c.as_dict() for c in res.uncertain]}


MAX_REQUEST_CHARS = 2_000_000


def redact_request(obj: object) -> dict[str, Any]:
    """One line of `testimony redact --jsonl`: ``{"text": str, "known": [name or
    {"name", "aliases"}], "lang": "auto"|"en"|"ar"}`` -> the --json result.
    Raises ValueError with a one-line reason for a malformed request."""
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object with a \"text\" string")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("\"text\" must be a string")
    if len(text) > MAX_REQUEST_CHARS:
        raise ValueError(f"\"text\" is longer than {MAX_REQUEST_CHARS:,} characters")
    known = obj.get("known", [])
    if not isinstance(known, list):
        raise ValueError("\"known\" must be a list of names")
    lang = obj.get("lang", "auto")
    if lang not in ("auto", "en", "ar"):
        raise ValueError("\"lang\" must be auto, en or ar")
    try:
        return redact(text, known=known, lang=lang)
    except TypeError as exc:
        raise ValueError(str(exc)) from None


def text_field(form: Form, path: str) -> Any:
    """The field a path of text_fields() belongs to ("place.text": the location's words)."""
    return _text_field(form, path)


def text_fields(form: Form, public: dict[str, Any]) -> list[tuple[str, str]]:
    """(answer path, text) of every free-text answer that goes through redaction."""
    return _text_fields(form, public)


# ---------------------------------------------------------------- the researcher's review

AnswerReview = _review_records.AnswerReview
Finding = _review_records.Finding
REVIEWED, CHANGED, UNREVIEWED = _review.REVIEWED, _review.CHANGED, _review.UNREVIEWED


def review_status(text: str, entry: Any) -> str:
    """reviewed, changed (decisions carried from an earlier text, or a partial review) or unreviewed."""
    return _review.status_of(text, entry)


def saved_decisions(text: str, entry: Any) -> tuple[list[dict[str, Any]], int]:
    """The saved decisions of one answer that apply to its text, and how many are
    damaged (never applied, never shown; the answer then needs a new review)."""
    return _review.usable_decisions(text, entry)


def reviewed_entry(text: str, decisions: list[dict[str, Any]]) -> dict[str, Any]:
    """What is stored for an answer the researcher reviewed: the decisions and the text they were made on."""
    return _review.reviewed_entry(text, decisions)


def save_review(vault: Vault, record_id: str, reviewed: dict[str, dict[str, Any]]) -> None:
    """Store review decisions of the current revision (answer path -> reviewed_entry); one custody entry."""
    vault.set_redaction(record_id, reviewed)


def review_overview(vault: Vault, record_id: str, registry: FormRegistry | None = None,
                    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                    reveal_via: str | None = None) -> list[AnswerReview]:
    """Detection in every free-text answer at once, with the decisions already
    saved (for a worker). The screen shows the original texts: with
    ``reveal_via`` that is logged as one reveal (once per screen, by its caller)."""
    if reveal_via is not None:
        vault.log("identity.reveal", record_id, via=reveal_via)
    return _review_records.overview(vault, record_id, registry, progress, cancel)


def save_review_overview(vault: Vault, record_id: str, answers: list[AnswerReview]) -> list[str]:
    """Store the overview's decisions; returns the answers now reviewed."""
    return _review_records.save_overview(vault, record_id, answers)


def unreviewed_records(vault: Vault, record_ids: list[str], registry: FormRegistry | None = None
                       ) -> dict[str, list[str]]:
    """Record id -> its narratives nobody reviewed (or that changed since)."""
    return _review_records.unreviewed_records(vault, record_ids, registry)
