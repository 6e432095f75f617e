"""Redaction as the front ends use it: redact a text, review detections of a record's answers."""

from __future__ import annotations

from typing import Any

from collections.abc import Sequence

from ..forms import Form
from ..records import text_fields as _text_fields
from ..redaction import LABELS, Span, apply_decisions, redact_text

__all__ = ["LABELS", "Span", "apply_decisions", "redact", "text_fields"]


def redact(text: str, known: Sequence[str] = (), lang: str = "auto") -> dict[str, Any]:
    """``{"text": redacted, "spans": [...]}`` for a free text (names, phones, IDs, ...)."""
    return redact_text(text, known=known, lang=lang)


def text_fields(form: Form, public: dict[str, Any]) -> list[tuple[str, str]]:
    """(answer path, text) of every free-text answer that goes through redaction."""
    return _text_fields(form, public)
