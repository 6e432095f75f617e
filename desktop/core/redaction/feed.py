"""What feeds known-identity matching: names, never sentences.

A record's identifying answers are of several kinds. Only names (and the
researcher's "also known as" list) are matched in narratives under all their
forms; a free-text identifying answer ("Two weeks later an officer called his
brother ...") is itself redacted and only the identifiers found in it (the
people it names, phone numbers, e-mails) are fed on. Feeding a sentence word
by word would redact "later", "officer" or "him" in every narrative.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# Words that never occur in a person's name but occur in every sentence.
_STOP_EN = frozenset([
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "from", "by", "into", "onto",
    "about", "over", "under", "after", "before", "during", "since", "until", "and", "or", "but",
    "nor", "so", "then", "than", "because", "if", "when", "where", "while", "who", "whom", "whose",
    "which", "what", "that", "this", "these", "those", "he", "she", "him", "her", "his", "hers",
    "they", "them", "their", "theirs", "we", "us", "our", "ours", "i", "me", "my", "mine", "you",
    "your", "yours", "it", "its", "was", "were", "is", "are", "am", "be", "been", "being", "had",
    "has", "have", "do", "does", "did", "will", "would", "should", "could", "can", "may", "might",
    "must", "not", "no", "yes", "there", "here", "later", "soon", "ago", "again", "also", "very",
    "just", "only", "still", "even", "told", "said", "called", "asked", "came", "went", "took",
    "carried", "saw", "heard", "stop", "talking", "talk", "tell", "say", "call",
])
_STOP_AR = frozenset([
    "في", "من", "إلى", "الى", "على", "عن", "أن", "ان", "إن", "لا", "لم", "لن", "ما", "هذا", "هذه",
    "ذلك", "تلك", "التي", "الذي", "الذين", "كان", "كانت", "قال", "قالت", "ثم", "بعد", "قبل", "مع",
    "عند", "حتى", "لكن", "أو", "او", "هو", "هي", "هم", "نحن", "أنا", "انا", "أنت", "انت", "له",
    "لها", "لهم", "كل", "قد", "إذا", "اذا", "لقد", "وقال", "وكان",
])
# Lower-case parts of names in Latin script: al-, bin, ibn, abu, de, van ...
_CONNECT = frozenset([
    "al", "el", "ad", "ar", "as", "at", "az", "an", "bin", "ben", "ibn", "bint", "abu", "abou",
    "umm", "um", "abd", "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le",
    "du", "dos", "das", "ter", "ten",
])
_SENTENCE = re.compile(r"[.!?؟;:]\s+\S|[!?؟]\s*$")
_NOTE = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_ALIAS_SPLIT = re.compile(r"[,،;؛\n/|]+|\s+(?:or|aka|a\.k\.a\.|أو)\s+", re.IGNORECASE)
_WORD_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
MAX_NAME_WORDS = 7


def looks_like_name(value: str) -> bool:
    """A person's name (or a kunya, a nickname), not a phrase or a sentence."""
    v = _NOTE.sub("", value or "").strip()
    tokens = v.split()
    if not tokens or len(tokens) > MAX_NAME_WORDS or _SENTENCE.search(v):
        return False
    capitalised = lowercase = 0
    for raw in tokens:
        t = _WORD_EDGE.sub("", raw)
        if not t:
            continue
        low = t.lower()
        if (low in _STOP_EN and not (len(t) == 1 and raw.endswith("."))) or t in _STOP_AR:
            return False
        if t.isascii() and t[0].isalpha() and len(t) > 1:
            head = low.split("-")[0].split("'")[0]
            if t[0].isupper():
                capitalised += 1
            elif head not in _CONNECT:
                lowercase += 1
    # "Ahmad the baker" is caught by the stop words; "Colonel military police" by mixed case
    return not (capitalised and lowercase)


def split_aliases(value: str) -> list[str]:
    """The researcher's "also known as" list: one name per comma, line or "or"."""
    return [p.strip() for p in _ALIAS_SPLIT.split(value or "") if p and p.strip()]


Detect = Callable[[str], Iterable[Any]]  # text -> spans with a .text (Redactor().detect)


def identifiers_in(text: str, detect: Detect) -> list[str]:
    """The people, phones, e-mails and other identifiers that detection finds in
    a free text (used instead of the text itself)."""
    if not text or not text.strip():
        return []
    out: list[str] = []
    for sp in detect(text):
        t = sp.text.strip()
        if t and t not in out:
            out.append(t)
    return out


def names_from(values: Iterable[str], kind: str, detect: Detect) -> list[str]:
    """Known-identity strings from identifying values of one kind:
    ``name`` and ``aliases`` values that look like names are kept whole;
    anything else (sentences, addresses, notes) gives only what detection
    finds in it. ``contact`` and ``document`` values keep their identifiers."""
    out: list[str] = []

    def add(s: str) -> None:
        s = s.strip()
        if s and s not in out:
            out.append(s)

    for value in values:
        if not isinstance(value, str) or not value.strip():
            continue
        parts = split_aliases(value) if kind == "aliases" else [value]
        for p in parts:
            if (kind in ("name", "aliases") and looks_like_name(p)) or _plain_identifier(p):
                add(p)
            else:
                for found in identifiers_in(p, detect):
                    add(found)
    return out


def _plain_identifier(value: str) -> bool:
    """A phone, ID number, date or e-mail given on its own."""
    v = value.strip()
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v):
        return True
    digits = re.sub(r"\D", "", v)
    letters = re.sub(r"[\W\d_]", "", v)
    return len(digits) >= 5 and len(letters) <= 3


def known_from_command_line(values: Iterable[str], detect: Detect) -> list[str]:
    """`testimony redact --known VALUE`: a name is a name; a sentence is mined for names."""
    return names_from(values, "name", detect)
