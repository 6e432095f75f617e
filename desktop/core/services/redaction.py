"""Redaction as the front ends use it: redact a text, review detections of a record's answers."""

from __future__ import annotations

from typing import Any

from collections.abc import Sequence

from ..forms import Form
from ..records import text_field as _text_field
from ..records import text_fields as _text_fields
from ..redaction import LABELS, KnownName, Span, apply_decisions, redact_text
from ..redaction import redact_request as _redact_request

__all__ = ["LABELS", "KnownName", "Span", "apply_decisions", "redact", "redact_request", "text_field", "text_fields"]


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
