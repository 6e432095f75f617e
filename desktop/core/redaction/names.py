"""Unknown person names, without any model: shipped name lists (Arabic script and
Latin transliteration) plus cues (titles, kinship words, kunya)."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable

from .lexicon import Lexicon
from .model import ORG_WORDS
from .structured import Hit
from .units import AR_CONNECT, LAT_CONNECT, Unit, lat_key, strip_al

_POSSESSIVE_AR = ("ي", "ه", "ها", "هم", "نا", "ون", "ين", "ات", "كم")
_TITLES = {"dr", "mr", "mrs", "ms", "prof", "st", "sheikh", "hajj", "haj", "doctor", "colonel", "captain",
           "lieutenant", "sergeant", "general", "brigadier", "major"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}


def _contiguous(text: str, a: Unit, b: Unit) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 3 and gap.strip(" -") == "" and "\n" not in gap


class NameFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self._tls = threading.local()  # per-call state, so one finder can serve several threads

    @property
    def _maqsura(self) -> set[int]:
        return getattr(self._tls, "maqsura", set())

    def _set_maqsura(self, units: list[Unit], original_of: Callable[[int, int], str] | None) -> None:
        # على (on) folds to علي (Ali); إلى to الي: remember which units were spelled with ى
        found: set[int] = set()
        self._tls.maqsura = found
        if original_of is None:
            return
        for u in units:
            if u.ar and u.core.endswith("ي") and original_of(u.start, u.end).rstrip().endswith("ى"):
                found.add(u.start)

    # --- unit classification -------------------------------------------------
    def given(self, u: Unit) -> tuple[bool, int]:
        lex = self.lex
        if u.prefix == "abd":
            return True, 0
        if u.prefix:
            return False, 0
        if u.ar:
            if u.had_article or (u.start in self._maqsura and u.core in ("علي", "وعلي", "فعلي")):
                return False, 0
            for shift, v in (u.shift or [(0, u.core)]):
                if v in lex.given_ar:
                    return True, shift
            return False, 0
        return (u.cap and u.core in lex.given_lat), 0

    def family(self, u: Unit) -> bool:
        lex = self.lex
        if u.prefix:
            return False
        if u.ar:
            return any(strip_al(v) in lex.family_ar for _shift, v in (u.shift or [(0, u.core)]))
        return u.cap and u.core in lex.family_lat

    def ambiguous(self, u: Unit) -> bool:
        if u.prefix == "abd":
            return False
        if u.ar:
            return any(strip_al(v) in self.lex.ambiguous_ar for _s, v in (u.shift or [(0, u.core)]))
        return u.core in self.lex.ambiguous_lat

    def stop(self, u: Unit) -> bool:
        if u.ar:
            return any(v in self.lex.stop_ar for _s, v in (u.shift or [(0, u.core)])) or \
                (u.had_article and ("ال" + u.core) in self.lex.stop_ar)
        return u.core in self.lex.stop_en or u.core in _MONTHS

    def connector(self, u: Unit) -> bool:
        return not u.prefix and (u.core in LAT_CONNECT or u.core in AR_CONNECT)

    def name_like(self, u: Unit) -> bool:
        """Could be a name after a cue, even if not in the lists."""
        if self.stop(u) or self.connector(u):
            return False
        if not u.ar and u.core in self.lex.cue_words_en:
            return False
        if u.ar and u.raw in self.lex.cues_ar:
            return False
        if u.ar:
            if u.had_article and not (self.family(u) or u.core.endswith("ي")):
                return False
            if self.given(u)[0] or self.family(u):
                return True
            c = u.core
            return not (len(c) < 3 or c.endswith(_POSSESSIVE_AR))
        return u.cap and len(u.core) >= 2 and u.core not in self.lex.place_after

    def name_like_base(self, u: Unit) -> bool:
        """Not a stop word, connector or cue (the looser test for a word inside
        a sure model span)."""
        if self.stop(u) or self.connector(u):
            return False
        return not (u.ar and u.raw in self.lex.cues_ar) and len(u.core) >= 2

    def nisba(self, u: Unit) -> bool:
        return u.ar and u.had_article and u.core.endswith("ي") and len(u.core) >= 4 and not self.stop(u)

    def key(self, units: list[Unit]) -> str:
        parts = []
        for u in units:
            if self.connector(u):
                continue
            if u.ar:
                parts.append(u.prefix + ":" + strip_al(u.core))
            else:
                k, v = lat_key(u.core)
                parts.append(u.prefix + ":" + k + v)
        return "name:" + "|".join(parts)

    # --- context ---------------------------------------------------------------
    def cue_marks(self, text: str, units: list[Unit]) -> set[int]:
        """Indices of units that directly follow a cue."""
        marks: set[int] = set()
        starts = [u.start for u in units]
        import bisect
        cue_first = self.lex.cue_first_en
        for k, u in enumerate(units):
            if u.ar or u.prefix:
                continue
            seqs = cue_first.get(u.raw.lower())
            if not seqs:
                continue
            for seq in seqs:
                L = len(seq)
                if k + L > len(units):
                    continue
                ok = True
                for q in range(1, L):
                    a, b = units[k + q - 1], units[k + q]
                    if b.raw.lower() != seq[q] or text[a.end:b.start].strip() != "":
                        ok = False
                        break
                if not ok or k + L >= len(units):
                    continue
                last, nxt = units[k + L - 1], units[k + L]
                gap = text[last.end:nxt.start]
                allowed = " ,:." if seq[-1] in _TITLES else " ,:"
                if len(gap) <= 3 and gap.strip(allowed) == "":
                    marks.add(k + L)
                    break
        for k, u in enumerate(units):
            if not u.ar or u.prefix or k + 1 >= len(units):
                continue
            forms = {v for _s, v in (u.shift or [(0, u.raw)])}
            forms.add(u.raw)
            if forms & self.lex.cues_ar:
                nxt = units[k + 1]
                gap = text[u.end:nxt.start]
                if len(gap) <= 3 and gap.strip(" ,:") == "":
                    marks.add(k + 1)
        # "د. أحمد"
        for m in re.finditer(r"(?<![\u0621-\u064a])د\s?\.\s*", text):
            k = bisect.bisect_left(starts, m.end())
            if k < len(units) and units[k].start == m.end():
                marks.add(k)
        return marks

    def placey(self, text: str, units: list[Unit], i: int, j: int) -> bool:
        """Name-like words that are a place or organisation (شارع X, X Street)."""
        lex = self.lex
        if i > 0:
            p = units[i - 1]
            gap = text[p.end:units[i].start]
            if len(gap) <= 3 and gap.strip(" -") == "":
                cands = {p.raw.lower(), p.core}
                if p.ar:
                    cands |= {v for _s, v in (p.shift or [])}
                if cands & lex.place_before:
                    return True
                if i > 1 and (units[i - 2].core + " " + p.core) in lex.place_before:
                    return True
        if j + 1 < len(units):
            nx = units[j + 1]
            gap = text[units[j].end:nx.start]
            if len(gap) <= 3 and gap.strip(" -") == "" and (nx.core in lex.place_after
                                                             or (not nx.ar and nx.cap and nx.core in ORG_WORDS)):
                return True  # "X Street"; "Mahdi Army"
        return False

    # --- main ------------------------------------------------------------------
    def find(self, text: str, units: list[Unit],
             original_of: Callable[[int, int], str] | None = None) -> list[tuple[Hit, str]]:
        hits: list[tuple[Hit, str]] = []
        self._set_maqsura(units, original_of)
        marks = self.cue_marks(text, units)
        n = len(units)
        i = 0
        while i < n:
            u = units[i]
            start = False
            shift = 0
            source = "names"
            g, sh = self.given(u)
            if u.prefix in ("abu", "umm"):
                probe = Unit(u.start, u.end, "", u.core, u.ar, u.cap, [(0, u.core)])
                start = (self.given(probe)[0] or not self.stop(u)) and (u.ar or u.cap)
                source = "cue"
            elif g and not self.ambiguous(u):
                start, shift = True, sh
            elif i in marks and self.name_like(u):
                start, shift = True, (sh if g else 0)
                source = "cue"
                if u.ar and not g:
                    # strip a clitic only if it leaves a listed name
                    shift = 0
            elif g or (self.family(u) and not self.ambiguous(u)):
                # an ambiguous given name or a bare family name: needs a name next to it
                nxt_ok = (i + 1 < n and _contiguous(text, u, units[i + 1])
                          and (self.given(units[i + 1])[0] or self.family(units[i + 1])))
                if nxt_ok:
                    start, shift = True, sh
                elif self.family(u) and not self.ambiguous(u) and (u.had_article or not u.ar):
                    start = True
            if not start:
                i += 1
                continue
            j = i
            while j + 1 < n and _contiguous(text, units[j], units[j + 1]):
                v = units[j + 1]
                if self.connector(v):
                    if j + 2 < n and _contiguous(text, v, units[j + 2]) and self.name_like(units[j + 2]):
                        j += 2
                        continue
                    break
                if v.ar and v.core[:1] in "وف" and not v.prefix and v.core not in self.lex.given_ar \
                        and strip_al(v.core) not in self.lex.family_ar:
                    break  # "خالد وبخالد": the conjunction starts another name
                if v.prefix == "abd" or self.given(v)[0] or self.family(v) or self.nisba(v):
                    j += 1
                    continue
                if not v.ar and v.cap and not self.stop(v) and v.core not in self.lex.place_after:
                    j += 1
                    continue
                break
            if self.placey(text, units, i, j) or (source == "cue" and any(
                    not v.ar and v.core in ORG_WORDS for v in units[i:j + 1])):
                i = j + 1  # "Hay Street"; "a broadcaster called Racing Radio"
                continue
            hits.append((Hit(u.start + shift, units[j].end, "PERSON", self.key(units[i:j + 1])), source))
            i = j + 1
        return hits
