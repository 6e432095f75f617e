"""Shipped word lists (resources/names, resources/redaction), loaded once."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..paths import ResourcesMissing, resources_dir
from .normalize import norm



def _read(path: Path) -> list[str]:
    if not path.is_file():
        # Redaction never runs with a word list silently absent.
        raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {path}; "
                               "reinstall it")
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) >= 4 else w


class Lexicon:
    def __init__(self, root: Path | None = None) -> None:
        root = root or resources_dir()
        names = root / "names"
        red = root / "redaction"
        self.given_lat = {norm(w).lower() for w in _read(names / "given_lat.txt")}
        self.family_lat = {norm(w).lower() for w in _read(names / "family_lat.txt") if " " not in w}
        self.given_ar = {norm(w) for w in _read(names / "given_ar.txt")}
        self.family_ar = {_strip_al(norm(w)) for w in _read(names / "family_ar.txt") if " " not in w}
        amb = [norm(w) for w in _read(names / "ambiguous.txt")]
        self.ambiguous_ar = {w for w in amb if w and "\u0600" <= w[0] <= "\u06ff"}
        self.ambiguous_lat = {w.lower() for w in amb if w and w[0].isascii()}
        self.cues_en = [norm(w) for w in _read(red / "cues_en.txt")]
        self.cues_ar = {norm(w) for w in _read(red / "cues_ar.txt")}
        self.cue_words_en = {c.lower().rstrip(".") for c in self.cues_en if " " not in c}
        self.stop_ar = {norm(w) for w in _read(red / "stop_ar.txt")}
        # common testimony verbs: cut from the edges of the name model's spans (never a model feature)
        self.verbs_ar = {norm(w) for w in _read(red / "verbs_ar.txt")}
        self.stop_en = {w.lower() for w in _read(red / "stop_en.txt")}
        before: set[str] = set()
        after: set[str] = set()
        cur: set[str] | None = None
        for w in _read(red / "place_words.txt"):
            if w == "[before]":
                cur = before
            elif w == "[after]":
                cur = after
            elif cur is not None:
                cur.add(norm(w).lower())
        self.place_before = before
        self.place_after = after
        self.protected = (_read(red / "places.txt") + _read(red / "places_ar.txt")
                          + _read(red / "organisations.txt"))
        self.protected_matcher = PhraseMatcher(self.protected)
        self.cue_first_en: dict[str, list[tuple[str, ...]]] = {}
        for c in sorted(self.cues_en, key=lambda c: -len(c.split())):
            words = tuple(w.lower().rstrip(".") for w in c.split())
            self.cue_first_en.setdefault(words[0], []).append(words)


_PTOK = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*|[\u0621-\u064a\u066e-\u06d3]+")


# (start, end, key) of one word of a phrase search
PhraseToken = tuple[int, int, str]


def _pkey(w: str) -> str:
    return w.lower().replace("'", "")


class PhraseMatcher:
    """Token-sequence matcher for fixed phrases (places, organisations, caller places)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.index: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            toks = tuple(_pkey(t) for t in _PTOK.findall(norm(p)))
            if toks:
                self.index.setdefault(toks[0], []).append(toks)
        for v in self.index.values():
            v.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.index)

    def find(self, text: str, toks: list[PhraseToken] | None = None) -> list[tuple[int, int]]:
        if not self.index:
            return []
        if toks is None:
            toks = [(m.start(), m.end(), _pkey(m.group())) for m in _PTOK.finditer(text)]
        out: list[tuple[int, int]] = []
        n = len(toks)
        i = 0
        index = self.index
        while i < n:
            s, _e, k = toks[i]
            ar = "\u0600" <= k[0] <= "\u06ff"
            if not ar and k not in index:
                i += 1
                continue
            firsts = [(0, k)]
            if ar:
                if k[0] in "وف" and len(k) >= 3:
                    firsts.append((1, k[1:]))
                    if k[1] in "بلك" and len(k) >= 4:
                        firsts.append((2, k[2:]))
                if k[0] in "بلك" and len(k) >= 3:
                    firsts.append((1, k[1:]))
            best: tuple[int, int, int] | None = None
            for shift, fk in firsts:
                for cand in self.index.get(fk, ()):
                    length = len(cand)
                    if i + length > n:
                        continue
                    ok = True
                    for q in range(1, length):
                        _ps, pe, _pk = toks[i + q - 1]
                        qs, _qe, qk = toks[i + q]
                        if qk != cand[q] or text[pe:qs].strip(" -") != "" or qs - pe > 3:
                            ok = False
                            break
                    if ok:
                        if best is None or length > best[0]:
                            best = (length, s + shift, toks[i + length - 1][1])
                        break
            if best:
                out.append((best[1], best[2]))
                i += best[0]
            else:
                i += 1
        return out


def phrase_tokens(text: str) -> list[PhraseToken]:
    return [(m.start(), m.end(), _pkey(m.group())) for m in _PTOK.finditer(text)]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
