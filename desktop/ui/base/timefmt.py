"""Timestamps for display."""

from __future__ import annotations

from datetime import datetime


def local_time(iso: str) -> str:
    """A stored UTC timestamp as local "YYYY-MM-DD HH:MM", kept left to right
    (isolated) so that an Arabic, right-to-left layout does not reorder it."""
    try:
        text = datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        text = (iso or "")[:16].replace("T", " ")
    return "\u2066" + text + "\u2069"
