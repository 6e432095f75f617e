"""Text normalisation with an offset map back to the original string.

Every detector works on the normalised text; :class:`Normalized` maps spans found
there back to Python string offsets into the original text, so hidden characters
(zero-width joiners, bidi controls, tatweel, diacritics) cannot smuggle a name
past the detectors and the caller still gets offsets it can use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters removed entirely (zero-width, bidi controls, soft hyphen, BOM, tatweel).
_DROP = set(
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f"
    "\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e\u0640"
)

# Cyrillic / Greek / other look-alikes folded to Latin.
_HOMOGLYPHS = {
    # Cyrillic lower
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ո": "n", "ս": "u",
    # Cyrillic upper
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "I",
    "Ј": "J", "Һ": "H", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "η": "n", "μ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin odds
    "ı": "i", "ȷ": "j", "ℓ": "l",
    # Latin letters with no decomposition (Stanisław, Søren, Đorđe, Æsa)
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L",
    "ð": "d", "Ð": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
    # quotes / dashes that NFKC keeps
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02bf": "'", "\u02be": "'", "\u201c": '"',
    "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}

# Arabic letter folding (after NFKC turned presentation forms into base letters).
_ARABIC = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و", "ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه",
    "ے": "ي", "ې": "ي",
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?", "٪": "%",
}
# Arabic-Indic and Extended Arabic-Indic (Persian) digits to ASCII.
for _i in range(10):
    _ARABIC[chr(0x0660 + _i)] = str(_i)
    _ARABIC[chr(0x06F0 + _i)] = str(_i)


def _is_arabic_mark(ch: str) -> bool:
    o = ord(ch)
    return (0x064B <= o <= 0x065F) or o == 0x0670 or (0x06D6 <= o <= 0x06ED) or (0x0610 <= o <= 0x061A)


def fold_char(ch: str) -> str:
    """Normalised form of one original character ('' if it is dropped)."""
    if ch in _DROP:
        return ""
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c in _DROP or _is_arabic_mark(c):
            continue
        c = _HOMOGLYPHS.get(c, c)
        c = _ARABIC.get(c, c)
        if len(c) == 1 and unicodedata.combining(c):
            # Latin diacritics: keep base letter only (é -> e handled by NFKD below)
            continue
        out.append(c)
    s = "".join(out)
    if s and not s.isascii() and s.isalpha() and "\u00c0" <= s[0] <= "\u024f":
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s


_CACHE: dict[str, str] = {}


@dataclass
class Normalized:
    original: str
    text: str
    starts: list[int]  # starts[j] = original offset of the char that produced text[j]
    ends: list[int]    # ends[j]   = original end offset of that char

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.starts[start] if start < len(self.starts) else len(self.original)
            return o, o
        return self.starts[start], self.ends[end - 1]


def _fold_cached(ch: str) -> str:
    f = _CACHE.get(ch)
    if f is None:
        f = fold_char(ch)
        if len(_CACHE) < 20000:
            _CACHE[ch] = f
    return f


def normalize(text: str) -> Normalized:
    n = len(text)
    uniq = set(text)
    table: dict[int, str] = {}
    special: set[str] = set()
    folds = {ch: _fold_cached(ch) for ch in uniq}
    for ch, f in folds.items():
        if len(f) == 1:
            if f != ch:
                table[ord(ch)] = f
        else:
            special.add(ch)
    if not special:
        return Normalized(text, text.translate(table), list(range(n)), list(range(1, n + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    rx = re.compile("[" + "".join(re.escape(c) for c in special) + "]")
    for m in rx.finditer(text):
        i = m.start()
        if i > pos:
            out.append(text[pos:i].translate(table))
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        f = folds[text[i]]
        if f:
            out.append(f)
            starts.extend([i] * len(f))
            ends.extend([i + 1] * len(f))
        pos = i + 1
    if pos < n:
        out.append(text[pos:].translate(table))
        starts.extend(range(pos, n))
        ends.extend(range(pos + 1, n + 1))
    return Normalized(text, "".join(out), starts, ends)


def norm(text: str) -> str:
    """Normalised text only (for building dictionaries and keys)."""
    return normalize(text).text


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
