"""The statistical name finder's spans as person hits for the redactor:
ordinary words trimmed, name particles and initials kept inside, the Arabic
model's spans without listed evidence held to a higher score (see
docs/model-card-ner.md)."""
from __future__ import annotations

import bisect
import re

from .lexicon import Lexicon
from .model import AFTER_GIVEN, AR_ALONE, LISTED_ALONE, ORG_WORDS, THRESHOLD, UNCERTAIN_LOW, NameModel, ar_stem
from .modelwords import COMPANY_SUFFIXES, PLACE_HEADS, SURNAME_HEADS
from .names import _TITLES, NameFinder
from .structured import Hit
from .units import Unit, strip_al

_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")  # "Meredith H." before "Shade"
# Lower-case particles inside a Latin-script name ("Pierre de Marca").
_PARTICLES = frozenset(["de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "dos",
                        "das", "do", "ter", "ten", "af", "zu"])


def _named_after(t: str, units: list[Unit], i: int, k: int, place_after: frozenset[str] | set[str],
                 given: bool) -> bool:
    """The name of units ``i``..``k`` is that of a place or organisation: its
    last word, or the capitalised word after it (after a possessive too), is
    one that ends such names ("Rumba Room", "Carnegie Hall", "Noonan's
    Liquor"), or a company's suffix follows ("Hagler Bailly, Inc.", "Beatty &
    Associates").  Its last word counts only if it is not a common family
    name too ("Ji-sung Park"), after a first word that is no known given name
    (``given``: "Tom Hall" is a person)."""
    if k > i and not given and units[k].cap and units[k].core in PLACE_HEADS - SURNAME_HEADS:
        return True
    j = k + 1
    if j < len(units) and units[j].core == "s" and t[units[k].end:units[j].start].strip() in ("'", "\u2019"):
        j += 1  # a possessive: "Howe's Brigade"
    if j >= len(units) or units[j].ar or not units[j].cap:
        return False
    gap, w = t[units[k].end:units[j].start].strip(" "), units[j].core
    if gap in (",", "&") and j == k + 1:
        return w in (COMPANY_SUFFIXES if gap == "," else COMPANY_SUFFIXES | {"associates", "sons", "partners"})
    if gap.strip("'s\u2019"):
        return False
    return w in PLACE_HEADS or w in place_after or (j > k + 1 and w in ORG_WORDS)


_ACRONYM_OPEN = re.compile(r"\b([A-Z]{2,})\s*\(([^()]*)$")  # "OASA (Organismos Astikon", up to the name
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z]{2,})\s*\)")  # "(TPN)" after the name
_BRACKET_END = re.compile(r"[)/;,]")
_CAP_WORD = re.compile(r"\b[A-Z][^\W\d_]*")
_SAID_PLACE = re.compile(r"^\s*(?:is|was)\s+(?:a|an)\s+(?:small\s+|large\s+)?(?:village|town|city|hamlet|parish|suburb|"
                         r"district|county|province|region|river|company|firm|band)\b")


def _spelt_out(t: str, s: int, e: int) -> bool:
    """The name at ``s``..``e`` spells out an acronym beside it, in brackets
    ("OASA (Organismos Astikon Syngoinonion Athinon)", "Towarzystwo Pomocy
    Naukowej (TPN)"): an organisation's name.  The initials of the capitalised
    words in the brackets, or of those ending just before them, are the acronym."""
    m = _ACRONYM_OPEN.search(t[max(0, s - 200):s])
    if m is not None:
        close = _BRACKET_END.search(t, e)  # "(Organismos ... Athinon / Athens Urban Transport ...)"
        inside = m.group(2) + t[s:close.start() if close else e]
        return "".join(w[0] for w in _CAP_WORD.findall(inside)) == m.group(1)
    m = _ACRONYM_AFTER.match(t[e:])
    if m is None:
        return False
    acr = m.group(1)
    words = _CAP_WORD.findall(t[max(0, s - 200):e])
    return len(words) >= len(acr) and "".join(w[0] for w in words[-len(acr):]) == acr


def _said_place(t: str, end: int) -> bool:
    """The sentence says the name is a place or organisation ("Atwick is a village")."""
    return _SAID_PLACE.match(t[end:]) is not None


def model_hits(t: str, units: list[Unit], nf: NameFinder, model: NameModel, lex: Lexicon,
               lang: str) -> list[tuple[Hit, float]]:
    """The statistical name finder's spans as person hits (normalised
    offsets), with their score.  Ordinary words at the edges of a span are
    trimmed; an Arabic span with no listed name part, nisba, kunya or cue
    before it counts as sure only from AR_ALONE (below, it is a candidate for
    review)."""
    out: list[tuple[Hit, float]] = []
    starts = [u.start for u in units]
    common = model.common_en
    marks = nf.cue_marks(t, units)
    vocab_ar = model.vocab("ar")
    def ordinary(u: Unit, gen: bool = False) -> bool:
        """Not a name part here: a stop word, title, cue or common word
        (``gen``: in a span of the Arabic testimony-style model)."""
        if nf.stop(u) and not (u.ar and nf.given(u)[0]):  # علي spelled with ي may be Ali
            return True
        if u.ar and not u.prefix and (u.core in lex.verbs_ar or ar_stem(u.raw)[1] in lex.verbs_ar) \
                and not (nf.given(u)[0] or nf.family(u)):
            return True  # "خالد هرب", "أبو خالد يركض": what the person did is no part of the name
        if nf.connector(u) or (not u.ar and (u.core in _TITLES or u.core in lex.cue_words_en)):
            return True
        if u.ar and gen:
            # "عمها" (her uncle), "المفقود" (the missing): a cue or a word no name looks like;
            # "هرب" (fled) after "أبو خالد": a word of real text never in a person's name
            return not nf.given(u)[0] and (u.raw in lex.cues_ar or not nf.name_like(u)
                                           or ar_stem(u.raw)[1] in vocab_ar or u.core in vocab_ar)
        if u.ar:
            # a cue, or a word of the model's training text that was never in a
            # person's name ("عمها", "المفقود", "السفر", "نابلس"); a listed given name never
            return not nf.given(u)[0] and (u.raw in lex.cues_ar or ar_stem(u.raw)[1] in vocab_ar
                                           or u.core in vocab_ar or not nf.name_like_base(u))
        if u.prefix or nf.given(u)[0] or nf.family(u):
            return False
        return u.core in common or not u.cap

    def surname_word(u: Unit, n_units: int, score: float) -> bool:
        """A capitalised ordinary word inside a sure name of two words or
        more, not capitalised by the sentence ("William Foot", "Kanye West")."""
        if u.ar or not u.cap or n_units < 2 or score < THRESHOLD or u.core not in common:
            return False
        if nf.stop(u) or u.core in _TITLES or u.core in lex.cue_words_en:
            return False
        prev = t[max(0, u.start - 5):u.start].rstrip(" \"'“‘(")
        return bool(prev) and (prev[-1] not in ".!?:\n" or _INITIAL_END.search(prev) is not None)

    for ms in model.find(t, lang, UNCERTAIN_LOW) + model.find(t, lang, UNCERTAIN_LOW, gen=True):
        gen = ms.gen
        a = bisect.bisect_left(starts, ms.start)
        # units overlapping the span (a unit may begin before it: "و" clitic, "Abu")
        if a > 0 and units[a - 1].end > ms.start:
            a -= 1
        b = a
        while b < len(units) and units[b].start < ms.end:
            b += 1

        # split at ordinary words inside ("لخالد وبخالد عن الحموي") and at an
        # Arabic conjunction that starts another name
        runs: list[list[int]] = []
        cur: list[int] = []
        for k in range(a, b):
            u = units[k]
            if (nf.connector(u) or (not u.ar and not u.cap and u.core in _PARTICLES)) and cur and k + 1 < b \
                    and not ordinary(units[k + 1], gen):
                cur.append(k)  # "Pierre de Marca", "Ludwig van Beethoven"
                continue
            if cur and not u.ar and u.cap and len(u.core) == 1 and t[u.end:u.end + 1] == "." and k + 1 < b \
                    and not ordinary(units[k + 1]):
                cur.append(k)  # an initial that is also a word: "John A. Corder", "Harry S. Truman"
                continue
            if not cur and not u.ar and u.cap and nf.connector(u) and k + 1 < b and not ordinary(units[k + 1]):
                cur.append(k)  # "Bin Laden", "Ibn Khaldun", "Ben Ali" begin with a connector
                continue
            if (u.ar and u.start in nf._maqsura) or (ordinary(u, gen) and not (k in marks and not cur)
                                                      and not surname_word(u, b - a, ms.score)):
                # على (on) folds to علي (Ali): never a name, even after a cue
                if cur:
                    runs.append(cur)
                cur = []
                continue
            if cur and u.ar and u.core[:1] in "وف" and not u.prefix and not nf.family(u) \
                    and u.core not in lex.given_ar:
                runs.append(cur)
                cur = []
            cur.append(k)
        if cur:
            runs.append(cur)
        gz = model.gaz
        for run in runs:
            score = ms.score
            prev = units[run[0] - 1] if run[0] > 0 else None
            first = units[run[0]]
            if prev is not None and prev.ar and first.ar and score >= AFTER_GIVEN and not nf.given(first)[0] \
                    and first.core[:1] not in "وف" and nf.given(prev)[0] and not nf.ambiguous(prev) \
                    and not t[prev.end:first.start].strip():
                # a name the model half sees right after a listed given name: its
                # family name ("خالد مشعل")
                run = [run[0] - 1, *run]
                score = max(score, THRESHOLD)
            us = units[run[0]:run[-1] + 1]
            lat = [u.core for u in us if not u.ar]
            nxt = units[run[-1] + 1] if run[-1] + 1 < len(units) else None
            if any(w in ORG_WORDS for w in lat) or (nxt is not None and not nxt.ar and nxt.core in ORG_WORDS):
                continue  # "Farrell Electric", "Cinema Club"
            known_first = bool(nf.given(us[0])[0]) or us[0].core in gz.person_lat
            if not us[-1].ar and _named_after(t, units, run[0], run[-1], lex.place_after, known_first):
                continue  # "Carnegie Hall", "Howe's Brigade", "Rumba Room": a place or organisation
            if not us[0].ar and not known_first and (_spelt_out(t, us[0].start, us[-1].end)
                                                            or _said_place(t, us[-1].end)):
                continue  # "OASA (Organismos Astikon Syngoinonion Athinon)"; "Atwick is a village"
            if len(us) == 1 and not us[0].ar and us[0].core in gz.world and not us[0].prefix \
                    and us[0].core not in gz.person_lat and not (nf.given(us[0])[0] or nf.family(us[0])):
                score = min(score, THRESHOLD - 0.01)  # "Birmingham": for review only
            if any(u.ar for u in us):
                listed = any((nf.given(u)[0] and not nf.ambiguous(u)) or nf.family(u) or nf.nisba(u)
                             or u.prefix for u in us)
                if len(us) == 1 and (nf.ambiguous(us[0]) or (nf.family(us[0]) and not us[0].had_article)):
                    # an ambiguous given name or a bare family name alone: the
                    # model must be sure, not just the list
                    listed = score >= LISTED_ALONE
                if not listed and not (run[0] in marks and nf.name_like(units[run[0]])) and (gen or score < AR_ALONE):
                    score = min(score, THRESHOLD - 0.01)
            s0 = us[0].start
            if us[0].ar and not us[0].prefix:
                # a clitic glued to a listed name stays outside the span ("لخالد")
                g, sh = nf.given(us[0])
                if not g:
                    sh = next((x for x, v in us[0].shift if x and strip_al(v) in lex.family_ar), 0)
                s0 += sh
            e0 = us[-1].end
            if run[-1] == b - 1 and t[e0:ms.end] == ".":
                e0 = ms.end  # an initial's full stop ("William L.")
            out.append((Hit(s0, e0, "PERSON", nf.key(us)), score))
    return out

