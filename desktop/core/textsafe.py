"""Text from witnesses and from bundles, made safe to show and to tabulate.

Bidirectional controls (U+202A-U+202E embeddings and overrides, U+2066-U+2069
isolates, U+061C, U+200E, U+200F) inside untrusted text can make a name or a
phone number display reversed ("U+202E 654 321 3390" reads as another number).
They are removed before text reaches a CSV cell or a screen; the interface
adds its own isolates around witness text where it needs them.
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_TABLE: dict[int, None] = {ord(ch): None for ch in BIDI_CONTROLS}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def strip_bidi(text: str) -> str:
    """``text`` without any bidirectional control character."""
    return text.translate(_TABLE)


def has_bidi(text: str) -> bool:
    return any(ch in BIDI_CONTROLS for ch in text)


def safe_cell(text: str) -> str:
    """A spreadsheet cell that never runs as a formula nor shows reordered (header cells too:
    answer keys arrive in bundles)."""
    text = strip_bidi(text)
    return "'" + text if text[:1] in _FORMULA_STARTS else text
