"""Redaction as the front ends use it: redact a text, review detections of a record's answers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import review as _review
from .. import review_records as _review_records
from ..forms import Form, FormRegistry
from ..records import text_field as _text_field
from ..records import text_fields as _text_fields
from ..redaction import LABELS, KnownName, Span, apply_decisions, redact_text
from ..redaction import redact_request as _redact_request
from ..vault import CancelFn, ProgressFn, Vault

__all__ = ["CHANGED", "LABELS", "REVIEWED", "UNREVIEWED", "AnswerReview", "Finding", "KnownName", "Span",
           "apply_decisions", "redact", "redact_request", "review_overview", "review_status",
           "reviewed_entry", "save_review", "save_review_overview", "text_field", "text_fields",
           "unreviewed_records"]


def redact(text: str, known: Sequence[str | KnownName] = (), lang: str = "auto") -> dict[str, Any]:
    """``{"text": redacted, "spans": [...], "uncertain": [...]}`` for a free text
    (names, phones, IDs, ...); ``known``: name strings or KnownName (name plus aliases)."""
    return redact_text(text, known=known, lang=lang)


def redact_request(obj: object) -> dict[str, Any]:
    """One `testimony redact --jsonl` line: ``{"text", "known", "lang"}`` -> the
    redact() result; ValueError with a one-line reason for a malformed one."""
    return _redact_request(obj)


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
