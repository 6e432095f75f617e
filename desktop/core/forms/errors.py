"""Errors of the form language."""
from __future__ import annotations

from ..errors import Refusal


def one_line(text: object, limit: int = 400) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


class FormError(Refusal):
    """A form definition (or XLSForm, or vocabulary) was refused.

    ``str(err)`` is a single line suitable for showing to the user; ``details``
    may hold further lines (for example one per refused XLSForm row).
    """

    default_code = "form.refused"

    def __init__(self, message: str, details: list[str] | None = None):
        self.details = list(details or [])
        super().__init__(one_line(message))

    def __str__(self) -> str:  # always one line
        return self.message
