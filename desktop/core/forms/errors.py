"""Errors of the form language."""
from __future__ import annotations


def one_line(text: object, limit: int = 400) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


class FormError(Exception):
    """A form definition (or XLSForm, or vocabulary) was refused.

    ``str(err)`` is a single line suitable for showing to the user; ``details``
    may hold further lines (for example one per refused XLSForm row).
    """

    def __init__(self, message: str, details: list[str] | None = None):
        self.message = one_line(message)
        self.details = list(details or [])
        super().__init__(self.message)

    def __str__(self) -> str:  # always one line
        return self.message
