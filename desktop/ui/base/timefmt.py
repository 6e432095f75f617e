"""Timestamps and witness text for display."""

from __future__ import annotations

import unicodedata
from datetime import datetime


def local_time(iso: str) -> str:
    """A stored UTC timestamp as local "YYYY-MM-DD HH:MM", kept left to right
    (isolated) so that an Arabic, right-to-left layout does not reorder it."""
    try:
        text = datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        text = (iso or "")[:16].replace("T", " ")
    from .i18n import date_text

    return date_text(text)


def isolate(text: str) -> str:
    """Witness text in a right-to-left interface: an isolate in the direction
    of its first strong letter keeps an English sentence or a phone number in
    its own order ("0933 123 456", not "456 123 0933") whatever the
    surrounding direction. (Qt lays out a first-strong isolate without any
    letter, such as a phone number, right to left; the explicit isolate does
    what the Unicode rule says: left to right.)"""
    from PySide6.QtGui import QGuiApplication

    from desktop.core.services import strip_bidi

    text = strip_bidi(text)  # the witness's own controls never reach the screen
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication) or not app.isRightToLeft() or not text:
        return text
    first = next((unicodedata.bidirectional(c) for c in text if unicodedata.bidirectional(c) in ("L", "R", "AL")),
                 "L")
    return ("\u2067" if first in ("R", "AL") else "\u2066") + text + "\u2069"
