"""Which digits a language writes, and the month names its dates use: the one
rule the window (through Qt's locale) and the core's documents (the report
draft, no Qt) share.

Arabic is written with Arabic-Indic digits (٠١٢٣) unless the researcher's
setting says Western (0123); every other language with Western digits. Counts
and dates follow the rule; codes (pseudonyms, device names) and people's own
words keep the characters they were written with.

This module imports nothing from the application: every layer may use it.
"""

from __future__ import annotations

DIGIT_STYLES = ("native", "western")  # Arabic-Indic in Arabic, or 0123 everywhere
ARABIC_INDIC_ZERO = "\u0660"

# The Levantine month names the researchers and their witnesses use (not Egypt's فبراير
# nor the Maghreb's فيفري), whatever the digit setting.
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "ar": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
           "تشرين الثاني", "كانون الأول"],
}


def month_name(month: int, lang: str) -> str:
    """The name of ``month`` (1-12) in ``lang`` (English for a language without its own)."""
    return MONTHS.get(lang, MONTHS["en"])[month - 1]


def zero_digit(lang: str, style: str = "native") -> str:
    """The zero of the digits ``lang`` is written with under the digit setting ``style``."""
    return ARABIC_INDIC_ZERO if lang == "ar" and style != "western" else "0"


def write_digits(text: str, zero: str) -> str:
    """``text`` with its ASCII digits written from ``zero`` on; nothing else changes."""
    if zero == "0" or not text:
        return text
    base = ord(zero)
    return "".join(chr(base + ord(c) - 48) if "0" <= c <= "9" else c for c in text)
