"""Arabic-aware comparison of personal names, in Arabic script and in Latin
transliteration.

A name is cut into tokens; particles (al-, bin, ibn, bint) are dropped,
"Abd" is joined to what follows ("Abd al-Rahman" = "Abdulrahman" =
"عبد الرحمن"), and a kunya ("Abu Ahmad", "أم محمد", also written in
parentheses after a name) is kept apart. Each token becomes a consonant
skeleton plus, between consonants, the vowels it writes:

- Arabic script writes long vowels only (ا و ي): they must appear, in the
  same place, in a Latin spelling of the same name.
- Latin spellings write short vowels too: "Mohammad", "Muhammed" and
  "Mohamad" agree because each gap's vowels are compatible (o~u, e~a/i);
  "Mohammad" and "Mahmoud" do not (a against u after the second m; "ou" is
  a long vowel that محمد does not write).
- Two Arabic spellings must agree after the usual normalisation (hamza
  seats, alef forms, ta marbuta, alef maqsura, diacritics, tatweel, al-).

Two names match when every token of the shorter name (at least two, or one
token plus the same kunya) matches a different token of the longer, in any
order (given + family or family + given), and their kunyas, when both have
one, agree. Known limit: an Arabic spelling that writes no long vowel where
a Latin one writes a short vowel cannot tell "Mahmud" (محمود) from محمد;
such pairs are suggested for the analyst to decide, never merged alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_AR_NORMAL = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "پ": "ب", "چ": "ج", "گ": "ك", "ڤ": "ف",
})
# Arabic letter -> consonant class ("" for letters a Latin spelling leaves out).
_AR_CONS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g",
    "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "",
}
_LAT_DIGRAPHS = (("kh", "x"), ("sh", "S"), ("ch", "S"), ("gh", "g"), ("th", "t"), ("dh", "d"),
                 ("ph", "f"), ("dj", "j"), ("zh", "z"), ("ck", "k"))
_LAT_CONS = {"b": "b", "p": "b", "t": "t", "j": "j", "h": "h", "x": "x", "d": "d", "r": "r", "z": "z",
             "s": "s", "S": "S", "g": "g", "f": "f", "v": "f", "q": "k", "k": "k", "c": "k", "l": "l",
             "m": "m", "n": "n", "w": "w", "y": "y"}
_LAT_VOWEL = {"a": {"a"}, "e": {"a", "i"}, "i": {"i"}, "o": {"u"}, "u": {"u"}, "y": {"i"}, "w": {"u"}}
_LAT_LONG = re.compile("ou|oo|uu|ee|ii|aa|ei|ai|ay|ey|ie|ae|aw|ow")
_PARTICLES_LAT = {"al", "el", "il", "ul", "bin", "ben", "ibn", "bint", "bent", "ould"}
_PREFIXES_LAT = {"al", "el", "il", "ul", "as", "ash", "ad", "ar", "an", "at", "az", "ath", "adh", "es", "ed", "er",
                 "en", "et", "ez"}
_PARTICLES_AR = {"بن", "ابن", "بنت"}
_KUNYA_LAT = {"abu": "abu", "abou": "abu", "abo": "abu", "aboo": "abu",
              "umm": "umm", "um": "umm", "om": "umm", "oum": "umm", "omm": "umm", "im": "umm"}
_KUNYA_AR = {"ابو": "abu", "ام": "umm"}


@dataclass(frozen=True)
class Token:
    """One word of a name: its script, its normal form and its skeleton."""

    script: str  # "ar" or "lat"
    norm: str
    cons: tuple[str, ...]
    # per gap (before the first consonant, between consonants, after the last):
    # Arabic: the long vowels written there (each a set of acceptable classes);
    # Latin: the vowel classes written there, and whether one is a long vowel.
    gaps: tuple[tuple[frozenset[str], ...], ...] = ()
    vowels: tuple[frozenset[str], ...] = ()
    longs: tuple[bool, ...] = ()
    open_end: bool = False  # ends in a vowel (Latin) or in ta marbuta / final ha (Arabic): Samir vs Samira


@dataclass
class Name:
    tokens: list[Token] = field(default_factory=list)
    kunya: tuple[str, Token] | None = None  # ("abu" | "umm", the child's name)


def _strip_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _arabic_norm(word: str) -> str:
    word = _AR_DIACRITICS.sub("", unicodedata.normalize("NFKC", word)).translate(_AR_NORMAL)
    return word


def _arabic_token(word: str) -> Token:
    norm = word
    open_end = False
    cons: list[str] = []
    gaps: list[list[frozenset[str]]] = [[]]
    for i, ch in enumerate(norm):
        last = i == len(norm) - 1
        if ch == "ا":
            if i > 0:
                gaps[-1].append(frozenset({"a"}))
        elif ch in "وي":
            if i == 0:
                cons.append("w" if ch == "و" else "y")
                gaps.append([])
            elif last and ch == "ي":
                gaps[-1].append(frozenset({"a", "i"}))  # final ي/ى: -i or -a (Mustafa, Halabi)
            else:
                gaps[-1].append(frozenset({"u"} if ch == "و" else {"i"}))
        elif ch == "ه" and last and i > 0:
            open_end = True  # ta marbuta (normalised to ه) or a final h that Latin spellings often drop
        else:
            c = _AR_CONS.get(ch)
            if c is None or c == "":
                continue
            if cons and cons[-1] == c and not gaps[-1]:
                continue  # doubled letter
            cons.append(c)
            gaps.append([])
    return _finish(Token("ar", norm, tuple(cons), tuple(tuple(g) for g in gaps), open_end=open_end))


def _latin_token(word: str) -> Token:
    w = word
    for a, b in _LAT_DIGRAPHS:
        w = w.replace(a, b)
    cons: list[str] = []
    vowels: list[set[str]] = [set()]
    runs: list[str] = [""]
    for i, ch in enumerate(w):
        is_vowel = ch in "aeiou" or (ch in "wy" and i > 0)  # medial w/y: as Arabic و/ي, a vowel or a glide
        if is_vowel:
            vowels[-1] |= _LAT_VOWEL[ch]
            runs[-1] += ch
            continue
        c = _LAT_CONS.get(ch)
        if c is None:
            continue
        if cons and cons[-1] == c and not runs[-1]:
            continue  # doubled letter
        cons.append(c)
        vowels.append(set())
        runs.append("")
    open_end = bool(vowels[-1])
    if cons and cons[-1] == "h":  # final h: Fatimah = Fatima, Abdullah = Abdulla
        open_end = True
        cons.pop()
        tail = vowels.pop()
        runs_tail = runs.pop()
        vowels[-1] |= tail
        runs[-1] += "|" + runs_tail  # Taha: two short vowels, not a long one
    longs = tuple(bool(_LAT_LONG.search(r)) for r in runs)
    tok = Token("lat", word, tuple(cons), vowels=tuple(frozenset(v) for v in vowels), longs=longs,
                open_end=open_end)
    return tok


def _finish(tok: Token) -> Token:
    if tok.cons and tok.cons[-1] == "h":
        cons = tok.cons[:-1]
        gaps = (*tok.gaps[:-2], tok.gaps[-2] + tok.gaps[-1])
        return Token(tok.script, tok.norm, cons, gaps, open_end=True)
    return tok


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-_.,;:/()\[\]\"]+", text) if w]


def _latin_words(text: str) -> list[str]:
    text = _strip_latin(text).lower().replace("'", "").replace("\u2019", "").replace("`", "").replace("\u02bf", "")
    out: list[str] = []
    for raw in re.split(r"[\s_.,;:/()\[\]\"]+", text):
        parts = [p for p in raw.split("-") if p]
        if len(parts) > 1 and parts[0] in _PREFIXES_LAT:
            parts = parts[1:]
        for p in parts:
            if len(p) >= 6 and p[:2] in ("al", "el") and p[2] not in "aeiouy" and p[2] != "l":
                p = p[2:]  # Alhalabi, Elkhatib
            out.append(p)
    return out


def _join_abd(words: list[str], latin: bool) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if latin:
            m = re.fullmatch(r"abd(?:[aeiou]l?)?(.*)", w)
            if m:
                rest = m.group(1)
                if not rest and i + 1 < len(words):
                    rest = words[i + 1]
                    i += 1
                out.append("abd" + rest)
                i += 1
                continue
        elif w == "عبد" and i + 1 < len(words):
            nxt = words[i + 1]
            out.append("عبد" + (nxt[2:] if nxt.startswith("ال") and len(nxt) > 3 else nxt))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _token(word: str) -> Token:
    return _arabic_token(word) if _AR_LETTERS.search(word) else _latin_token(word)


@lru_cache(maxsize=65536)
def parse(text: str) -> Name:
    """Cut a name into comparable tokens and a kunya (cached: names repeat)."""
    name = Name()
    text = (text or "").strip()
    if not text:
        return name
    if "(" in text and ")" in text:  # "Mohammad al-Halabi (Abu Ahmad)": the alias in brackets
        inner = text[text.index("(") + 1:text.index(")")]
        outer = text[:text.index("(")] + " " + text[text.index(")") + 1:]
        alias = parse(inner) if "fictional" not in inner.lower() else Name()
        name = parse(outer)
        if name.kunya is None and alias.kunya is not None:
            name.kunya = alias.kunya
        return name
    arabic = bool(_AR_LETTERS.search(text))
    if arabic:
        words = []
        for w in _words(_arabic_norm(text)):
            if w in _PARTICLES_AR:
                continue
            if w.startswith("عبدال") and len(w) > 6:
                w = "عبد" + w[5:]
            elif w.startswith("ال") and len(w) > 3 and w != "الله":
                w = w[2:]
            elif w == "الله":
                w = "له"
            words.append(w)
    else:
        words = [w for w in _latin_words(text) if w not in _PARTICLES_LAT]
    kunya_words = _KUNYA_AR if arabic else _KUNYA_LAT
    words = _join_abd(words, latin=not arabic)
    i = 0
    while i < len(words):
        w = words[i]
        if w in kunya_words and i + 1 < len(words) and name.kunya is None:
            name.kunya = (kunya_words[w], _token(words[i + 1]))
            i += 2
            continue
        name.tokens.append(_token(w))
        i += 1
    return name


def _gap_ok_lat_lat(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def token_match(x: Token, y: Token) -> bool:
    if x.script == "ar" and y.script == "ar":
        return x.norm == y.norm
    if x.cons != y.cons or not x.cons:
        return False
    if x.script == "lat" and y.script == "lat":
        return x.open_end == y.open_end and all(_gap_ok_lat_lat(a, b) for a, b in zip(x.vowels, y.vowels, strict=True))
    ar, lat = (x, y) if x.script == "ar" else (y, x)
    if ar.open_end and not lat.open_end:
        return False  # سميرة is Samira, not Samir
    if lat.open_end and not ar.open_end and not ar.gaps[-1]:
        return False  # Samira is not سمير
    for needs, written, long in zip(ar.gaps, lat.vowels, lat.longs, strict=True):
        if any(not (n & written) for n in needs):
            return False  # Arabic writes a long vowel that the Latin spelling lacks
        if long and not needs:
            return False  # the Latin spelling writes a long vowel that Arabic does not
    return True


def _matched(short: list[Token], long: list[Token]) -> int:
    """How many tokens of ``short`` match distinct tokens of ``long`` (greedy, any order)."""
    used: set[int] = set()
    n = 0
    for t in short:
        for j, u in enumerate(long):
            if j not in used and token_match(t, u):
                used.add(j)
                n += 1
                break
    return n


def similarity(a: str, b: str) -> float:
    """0 (different people's names) to 1 (the same name, however spelt)."""
    x, y = parse(a), parse(b)
    kunya_same: bool | None = None
    if x.kunya and y.kunya:
        kunya_same = x.kunya[0] == y.kunya[0] and token_match(x.kunya[1], y.kunya[1])
        if not kunya_same:
            return 0.0
    short, long = sorted((x.tokens, y.tokens), key=len)
    matched = _matched(short, long)
    if kunya_same:
        if not short or (matched == len(short)):
            return 1.0 if len(short) == len(long) else 0.9
        return 0.0
    if len(short) < 2 or matched < len(short):
        return 0.0
    return 1.0 if len(short) == len(long) else 0.85


def names_match(a: str, b: str) -> bool:
    return similarity(a, b) >= 0.8


def pair_keys(text: str) -> set[str]:
    """Blocking keys: any two names that match share at least one (pairs of token skeletons, or the kunya)."""
    name = parse(text)
    skel = sorted({"".join(t.cons) for t in name.tokens if t.cons})
    keys = {f"{a}+{b}" for i, a in enumerate(skel) for b in skel[i + 1:]}
    if name.kunya:
        keys.add("k:" + name.kunya[0] + ":" + "".join(name.kunya[1].cons))
    return keys
