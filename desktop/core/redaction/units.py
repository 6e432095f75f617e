"""Tokens, name units and transliteration keys.

A *unit* is one name element as it appears in text: "Mohammed", "Abdul Rahman"
(one unit: abd + rahman), "al-Hamwi" (article folded in), "الحموي", "Abu Khaled"
(a kunya unit).  Units compare across spellings: exact Arabic form after
normalisation, a consonant skeleton plus first-vowel class for Latin
transliterations (Mohammed = Muhammad = Mohamad), and the bare consonant
skeleton across scripts (محمد = Mohammed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|[\u0621-\u064a\u066e-\u06d3]+")

LAT_ARTICLES = {"al", "el", "ul"}
LAT_SUN_ARTICLES = {"ar", "as", "ash", "ad", "an", "at", "az", "adh", "ath", "er", "es", "ed", "en", "ez", "et"}
LAT_ABD = {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdou", "abed"}
LAT_ABD_JOINED = ("abdoul", "abdul", "abdel", "abdal", "abdol", "abdou", "abdu", "abd")
LAT_KUNYA = {"abu": "abu", "abou": "abu", "abo": "abu",
             "umm": "umm", "um": "umm", "oum": "umm", "om": "umm", "oumm": "umm"}
LAT_CONNECT = {"bin", "ibn", "ben", "bint"}
AR_KUNYA = {"ابو": "abu", "ابي": "abu", "ابا": "abu", "ام": "umm"}
AR_ABD = "عبد"
AR_CONNECT = {"بن", "ابن", "بنت"}
AR_CLITICS1 = ("و", "ف")
AR_CLITICS2 = ("ب", "ل")  # ك ("like") glued to a word makes too many false names (كريماً)

_AR_CONS = {
    "ب": "b", "ت": "t", "ث": "T", "ج": "j", "ح": "h", "خ": "X", "د": "d", "ذ": "D",
    "ر": "r", "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "G", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_VOWELS = set("aeiouy")


def is_ar_word(w: str) -> bool:
    return bool(w) and "\u0600" <= w[0] <= "\u06ff"


@lru_cache(maxsize=65536)
def lat_key(word: str) -> tuple[str, str]:
    """(consonant skeleton with initial-vowel marker, first vowel class)."""
    w = word.lower().replace("'", "").replace("-", "")
    if not w:
        return "", ""
    w = w.replace("ei", "ay").replace("ey", "ay")
    vclass = ""
    for ch in w:
        if ch in "a":
            vclass = "A"
            break
        if ch in "ei":
            vclass = "I"
            break
        if ch in "ou":
            vclass = "U"
            break
    w = re.sub(r"ou(?=[aei])", "w", w)
    w = (w.replace("kh", "X").replace("sh", "S").replace("ch", "S").replace("th", "T")
          .replace("dh", "D").replace("gh", "G").replace("ph", "f").replace("dj", "j"))
    w = w.replace("ck", "k").replace("q", "k").replace("c", "k").replace("g", "j")
    w = re.sub(r"(?<=[aeiouy])h$", "", w)
    out = []
    if w[0] in _VOWELS and w[0] != "y":
        out.append("V")
        rest = w[1:]
    else:
        rest = w
        if w[0] == "y":
            out.append("y")
            rest = w[1:]
    prev = ""
    for ch in rest:
        if ch in _VOWELS:
            prev = ch
            continue
        if prev == ch:  # doubled letter (Hassan, Ammar), not l-y-l in Layla
            continue
        out.append(ch)
        prev = ch
    return "".join(out), vclass


@lru_cache(maxsize=65536)
def ar_key(word: str) -> str:
    """Consonant skeleton of a normalised Arabic word (comparable with lat_key)."""
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch in "اع" and i == 0:
            out.append("V")
            continue
        if ch in "اعء":
            continue
        if ch == "ي":
            if i == 0:
                out.append("y")
            continue
        if ch == "و":
            nxt = word[i + 1] if i + 1 < n else ""
            if i == 0 or nxt in ("ا", "ي"):
                c = "w"
            else:
                continue
        elif ch == "ه" and i == n - 1 and i > 0:
            continue
        else:
            c = _AR_CONS.get(ch, "")
        if c and not (i > 0 and word[i - 1] == ch):
            out.append(c)
    return "".join(out)


def strip_al(w: str) -> str:
    if w.startswith("ال") and len(w) >= 4:
        return w[2:]
    return w


def ar_variants(tok: str) -> list[tuple[int, str]]:
    """(shift, core) candidates for an Arabic token: clitic prefixes removed."""
    out = [(0, tok)]
    if len(tok) >= 4 and tok[0] in AR_CLITICS1:
        out.append((1, tok[1:]))
        if len(tok) >= 5 and tok[1] in AR_CLITICS2:
            out.append((2, tok[2:]))
    if len(tok) >= 4 and tok[0] in AR_CLITICS2:
        out.append((1, tok[1:]))
    if tok.startswith("لل") and len(tok) >= 5:  # li + al
        out.append((2, "ال" + tok[2:]))
    return out


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    ar: bool


def tokenize(text: str) -> list[Tok]:
    toks = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        w = m.group()
        if not is_ar_word(w):
            lw = w.lower()
            if lw.endswith("'s") and len(w) > 3:
                w = w[:-2]
                e -= 2
                lw = lw[:-2]
            toks.append(Tok(s, e, w, lw, False))
        else:
            toks.append(Tok(s, e, w, w, True))
    return toks


def joinable(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 3 and (gap == "" or gap.strip(" -") == "") and "\n" not in gap


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    prefix: str            # "", "abd", "abu", "umm"
    core: str              # lower Latin or normalised Arabic, article removed
    ar: bool
    cap: bool              # Latin token capitalised (always True for Arabic)
    shift: list[tuple[int, str]] = field(default_factory=list)  # Arabic clitic variants
    first_tok: int = 0
    last_tok: int = 0
    had_article: bool = False
    raw: str = ""


def _lat_core(low: str) -> str:
    return low.replace("'", "")


def build_units(text: str, toks: list[Tok]) -> list[Unit]:
    """Group tokens into name units (articles, Abd- and kunya prefixes folded)."""
    units: list[Unit] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        j = i
        prefix = ""
        article = False
        lead = 0
        # kunya / abd prefixes
        if not t.ar:
            if t.low in LAT_KUNYA and j + 1 < n and joinable(text, t, toks[j + 1]) and not toks[j + 1].ar:
                prefix = LAT_KUNYA[t.low]
                j += 1
            elif t.low in LAT_ABD and j + 1 < n and joinable(text, t, toks[j + 1]) and not toks[j + 1].ar:
                prefix = "abd"
                j += 1
        else:
            nxt_ok = j + 1 < n and joinable(text, t, toks[j + 1]) and toks[j + 1].ar
            vs = ar_variants(t.text)
            if len(t.text) >= 3 and t.text[0] in AR_CLITICS1 + AR_CLITICS2:
                vs = [*vs, (1, t.text[1:])]
            for sh, v in vs:
                if nxt_ok and v in AR_KUNYA:
                    prefix = AR_KUNYA[v]
                elif nxt_ok and v == AR_ABD:
                    prefix = "abd"
                else:
                    continue
                lead = sh
                j += 1
                break
        # article before the core (Latin "al-", "el ", "as-")
        tj = toks[j]
        if not tj.ar and j + 1 < n and not toks[j + 1].ar:
            gap = text[tj.end:toks[j + 1].start]
            if (tj.low in LAT_ARTICLES and joinable(text, tj, toks[j + 1])
                    and (gap.strip() == "-" or gap == "" or toks[j + 1].text[:1].isupper())) or \
                    (tj.low in LAT_SUN_ARTICLES and gap == "-"):
                article = True
                j += 1
        core_tok = toks[j]
        if core_tok.ar:
            core = core_tok.text
            if core.startswith("ال") and len(core) >= 4:
                article = True
                core = core[2:]
            u = Unit(t.start + lead, core_tok.end, prefix, core, True, True, ar_variants(core_tok.text),
                     i, j, article, text[t.start + lead:core_tok.end])
            # joined Arabic abd: عبدالله / عبدالرحمن
            if not prefix and core.startswith("عبد") and len(core) >= 6:
                rest = core[3:]
                u.prefix = "abd"
                u.core = strip_al(rest) if rest.startswith("ال") else rest
        else:
            low = _lat_core(core_tok.low)
            core = low
            if not prefix and core_tok.text[:1].isupper():  # "abdomen", "abducted" are not Abd-
                for p in LAT_ABD_JOINED:
                    if low.startswith(p) and len(low) - len(p) >= 3:
                        rest = low[len(p):]
                        for a in ("al", "el", "ul", "ar", "as", "ad", "an", "ur", "er"):
                            if rest.startswith(a) and len(rest) - len(a) >= 3:
                                rest = rest[len(a):]
                                break
                        prefix = "abd"
                        core = rest
                        break
            u = Unit(t.start, core_tok.end, prefix, core, False, core_tok.text[:1].isupper(), [],
                     i, j, article, text[t.start:core_tok.end])
        units.append(u)
        i = j + 1
    return units


def unit_match(text_u: Unit, id_u: Unit, allow_lower: bool = False) -> int | None:
    """Does a text unit spell the identity unit?  Returns the start shift (Arabic
    clitic removed) or None."""
    if text_u.prefix != id_u.prefix:
        return None
    if text_u.ar and id_u.ar:
        for shift, v in (text_u.shift or [(0, text_u.core)]):
            if text_u.prefix:
                v = text_u.core
            else:
                v = strip_al(v)
            if v == id_u.core:
                return shift if not text_u.prefix else 0
        return None
    if not text_u.ar and not id_u.ar:
        if text_u.core == id_u.core:
            return 0
        if not text_u.cap and not allow_lower:
            return None
        a, va = lat_key(text_u.core)
        b, vb = lat_key(id_u.core)
        if len(a) < 2 or a != b:
            return None
        if va and vb and va != vb:
            return None
        if abs(len(text_u.core) - len(id_u.core)) > 3:
            return None
        return 0
    # cross-script: compare consonant skeletons
    if text_u.ar:
        lk, _ = lat_key(id_u.core)
        for shift, v in (text_u.shift or [(0, text_u.core)]):
            v = text_u.core if text_u.prefix else strip_al(v)
            if len(lk) >= 2 and ar_key(v) == lk:
                return shift if not text_u.prefix else 0
        return None
    if not text_u.cap:
        return None
    lk, _ = lat_key(text_u.core)
    if len(lk) >= 2 and lk == ar_key(id_u.core):
        return 0
    return None


def clear_caches() -> None:
    """Forget the memoised name keys: they hold witnesses' name parts (called on lock)."""
    lat_key.cache_clear()
    ar_key.cache_clear()
