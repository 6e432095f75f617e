"""Policy: what survives (places, organisations, publishable names) and how
overlapping detections are resolved."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from .structured import Hit


class _Intervals:
    """Sorted, possibly overlapping intervals with a fast 'which overlap [s, e)'."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _b in self.spans]
        self.maxlen = max((b - a for a, b in self.spans), default=0)

    def overlapping(self, s: int, e: int) -> list[tuple[int, int]]:
        if not self.spans:
            return []
        lo = bisect.bisect_left(self.starts, s - self.maxlen)
        hi = bisect.bisect_left(self.starts, e)
        return [(a, b) for a, b in self.spans[lo:hi] if a < e and s < b]

TRIMMABLE = {"PERSON", "ADDRESS"}


def subtract(s: int, e: int, cuts: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """Remove protected intervals from [s, e); keep the longest remaining piece
    that still contains a letter or digit."""
    pieces = [(s, e)]
    for a, b in cuts:
        if b <= s or a >= e:
            continue
        nxt = []
        for x, y in pieces:
            if b <= x or a >= y:
                nxt.append((x, y))
                continue
            if x < a:
                nxt.append((x, a))
            if b < y:
                nxt.append((b, y))
        pieces = nxt
    best = None
    for x, y in pieces:
        while x < y and not text[x].isalnum():
            x += 1
        while y > x and not text[y - 1].isalnum():
            y -= 1
        if y - x >= 2 and (best is None or y - x > best[1] - best[0]):
            best = (x, y)
    return best


def _outside(s: int, e: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(s, e)]
    for a, b in cuts:
        nxt = []
        for x, y in pieces:
            if b <= x or a >= y:
                nxt.append((x, y))
                continue
            if x < a:
                nxt.append((x, a))
            if b < y:
                nxt.append((b, y))
        pieces = nxt
    return pieces


EXACT = {"EMAIL", "URL", "HANDLE"}


def _rank(h: Hit, src: str) -> tuple[int, int, int, int]:
    """Sort key: e-mails/URLs/handles first (a name inside one is part of it),
    then manual, then other structured identifiers, then person names, longest
    first (so "Samir Nahhas" beats the known family name "Nahhas" inside it),
    known identities winning ties."""
    if src == "manual":
        cls = 6
    elif h.label in EXACT:
        cls = 5
    elif h.label != "PERSON":
        cls = 4
    else:
        cls = 3
    return (-cls, -(h.end - h.start), 0 if src == "known" else 1, h.start)


def resolve(cands: list[tuple[Hit, str]], protected: list[tuple[int, int]],
            keep: list[tuple[int, int]], text: str,
            caller_places: Sequence[tuple[int, int]] = (),
            name_evidence: Callable[[int, int], bool] | None = None) -> list[tuple[Hit, str]]:
    """cands: (hit, source).  Applies protected places (shipped lists and the
    caller's incident places) and publishable names, then picks a
    non-overlapping set.  ``name_evidence(s, e)``: does [s, e) hold a name part
    of its own (a listed name, a nisba)?  A name with such a part outside the
    place words it touches is a person whole ("Jasim al-Hamwi"), not a place
    ("Abu Dhabi TV")."""
    staged: list[tuple[Hit, str]] = []
    known_by_start: dict[int, list[Hit]] = {}
    for h, src in cands:
        if src == "known" and h.label == "PERSON":
            known_by_start.setdefault(h.start, []).append(h)
    known_span = {(k.start, k.end): k for ks in known_by_start.values() for k in ks}
    known_iv = _Intervals(list(known_span))
    keep_iv = _Intervals(keep)
    prot_all = _Intervals(list(protected) + list(caller_places))
    prot_caller = _Intervals(list(caller_places))
    for h, src in cands:
        if h.label == "PERSON" and keep_iv.overlapping(h.start, h.end):
            continue
        # a full known name (two parts or more) beats the shipped place list
        # (a family name like Shaar is also a neighbourhood); incident places
        # given by the caller always win.
        prot = prot_caller if (src == "known" and h.multi) else prot_all
        if h.label == "ADDRESS" and h.key.startswith("words:"):
            # where someone lives ("I live on Baghdad Street"): a street named after a
            # listed place is still their address; only the caller's incident places stay
            prot = prot_caller
        if h.label in TRIMMABLE:
            over = prot.overlapping(h.start, h.end)
            if over:
                inside_place = any(a <= h.start and h.end <= b for a, b in over)
                if h.label == "PERSON" and src != "known" and not inside_place and name_evidence is not None:
                    rest = _outside(h.start, h.end, over)
                    if any(name_evidence(x, y) for x, y in rest):
                        staged.append((h, src))
                        continue
                if h.label == "PERSON" and (src != "known" or inside_place):
                    continue  # a name-like phrase touching a place ("Abu Dhabi TV") is not a person
                if h.label == "ADDRESS" and h.key.startswith("words:") and not inside_place:
                    staged.append((h, src))  # "next to the pharmacy on Baghdad Street": a street, whole
                    continue
                r = subtract(h.start, h.end, over, text)
                if r is None:
                    continue
                if h.label == "ADDRESS" and not any(c.isdigit() for c in text[r[0]:r[1]]):
                    continue
                h = Hit(r[0], r[1], h.label, h.key, h.multi)
        if h.label == "PERSON" and src != "known":
            # "Ahmad Hamwi" found by the name lists or the model where "Ahmad" is
            # a known identity's given name: the same person, the same pseudonym.
            # A span that only half-covers a known name is not taken.
            inside = known_iv.overlapping(h.start, h.end)
            if inside:
                if any(not (h.start <= a and b <= h.end) for a, b in inside):
                    continue
                a, b = inside[0]
                known = known_span[(a, b)]
                if known.key.startswith("known:"):
                    h = Hit(h.start, h.end, h.label, known.key, h.multi, h.key)
        staged.append((h, src))
    staged.sort(key=lambda hs: _rank(*hs))
    taken: list[tuple[Hit, str]] = []
    occ_starts: list[int] = []
    occ_ends: list[int] = []  # occupied intervals are disjoint, kept sorted
    for h, src in staged:
        if h.end <= h.start:
            continue
        pos = bisect.bisect_right(occ_starts, h.start)
        if pos > 0 and occ_ends[pos - 1] > h.start:
            continue
        if pos < len(occ_starts) and occ_starts[pos] < h.end:
            continue
        occ_starts.insert(pos, h.start)
        occ_ends.insert(pos, h.end)
        taken.append((h, src))
    taken.sort(key=lambda hs: hs[0].start)
    return taken
