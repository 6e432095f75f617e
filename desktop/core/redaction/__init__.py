"""Redaction of identifying details in free text (English, Arabic, mixed).

Public API::

    r = Redactor(known=["Mohammed al-Hamwi"], publishable=["Khaled Darwish"], places=["Baba Amr"])
    spans = r.detect(text)             # list[Span], offsets into the original text
    result = r.redact(text)            # RedactionResult(text, spans)
    apply(text, spans)                 # apply a reviewed subset
    apply_decisions(text, spans, decisions, r)

The `testimony redact --json` contract (a dict for a text) is the use case
``desktop.core.services.redaction.redact``.

The pipeline: normalise (offset map kept) -> known identities -> structured
identifiers -> unknown names (lists + cues) -> policy (places, organisations,
publishable names, overlaps) -> consistent pseudonyms.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import SupportsIndex, SupportsInt
from dataclasses import dataclass, field

from .known import KnownMatcher, KnownName, known_values
from .lexicon import PhraseMatcher, lexicon, phrase_tokens
from .model import ORG_WORDS, THRESHOLD, name_model
from .modelspans import model_hits
from .names import NameFinder
from .normalize import Normalized, norm, normalize
from .policy import resolve
from .pseudonyms import PseudonymTable
from .structured import Hit, find_structured
from .units import Unit, build_units, tokenize

__all__ = [
    "LABELS",
    "Candidate",
    "KnownName",
    "RedactionResult",
    "Redactor",
    "Span",
    "apply",
    "apply_decisions",
    "normalize",
]

LABELS = ("PERSON", "PHONE", "EMAIL", "URL", "HANDLE", "ID_NUMBER", "ADDRESS",
          "DATE_OF_BIRTH", "PLATE", "COORDINATES")
SOURCES = ("known", "pattern", "names", "cue", "model", "manual")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    replacement: str
    source: str


@dataclass(frozen=True)
class Candidate:
    """A word or phrase that might be a person's name but was left visible: for
    the researcher's quick yes/no review.  ``reason``: "capitalised" (an unknown
    capitalised word), "cue" (right after a cue word such as "my brother"),
    "model" (the name finder's score is below its threshold but not far)."""
    start: int
    end: int
    text: str
    reason: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason,
                "score": round(self.score, 3)}


@dataclass
class RedactionResult:
    text: str
    spans: list[Span] = field(default_factory=list)
    uncertain: list[Candidate] = field(default_factory=list)


def _split_places(places: Iterable[str]) -> list[str]:
    out: list[str] = []
    for p in places or ():
        if not p or not str(p).strip():
            continue
        p = str(p).strip()
        out.append(p)
        for part in re.split(r"[,،;\n/]+", p):
            part = part.strip()
            if len(part) >= 2:
                out.append(part)
    return out


_STOP_AFTER = re.compile(r"(?:\b[A-Z]|\b[JS]r)$")


def _with_stop(h: Hit, t: str) -> Hit:
    """A name ending in an initial or Jr./Sr. takes its full stop ("William L.")."""
    if h.label == "PERSON" and t[h.end:h.end + 1] == "." and _STOP_AFTER.search(t[max(0, h.end - 3):h.end]):
        return dataclasses.replace(h, end=h.end + 1)
    return h


class Redactor:
    """Detects identifying details; one instance per record so pseudonyms stay
    consistent across every field of that record."""

    def __init__(self, known: Sequence[str | KnownName] = (), publishable: Sequence[str] = (),
                 places: Sequence[str] = (), lang: str = "auto", use_model: bool = True):
        """``known``: the record's identities, each a name string or a
        :class:`KnownName` (name plus aliases: nicknames, kunya, other
        spellings; every form gets the person's one pseudonym).  ``lang``:
        "auto" decides per sentence; "en" / "ar" force the name model's
        language."""
        if lang not in ("auto", "en", "ar"):
            raise ValueError("lang must be auto, en or ar")
        self.lang = lang
        self.known = known_values(known)
        self.publishable = [p for p in (publishable or ()) if p and str(p).strip()]
        self.places = _split_places(places)
        self._lex = lexicon()
        self._model = name_model() if use_model else None
        self._known = KnownMatcher(self.known, self.publishable,
                                   self._model.common_en if self._model is not None else frozenset())
        self._names = NameFinder(self._lex)
        self._places = PhraseMatcher(self.places)
        self.table = PseudonymTable()

    # ------------------------------------------------------------------
    def _detect_norm(self, nz: Normalized) -> tuple[list[tuple[Hit, str]], list[tuple[int, int, str, float]]]:
        t = nz.text
        toks = tokenize(t)
        units = build_units(t, toks)
        cands: list[tuple[Hit, str]] = []
        keep: list[tuple[int, int]] = []

        def original_of(s: int, e: int) -> str:
            a, b = nz.to_original(s, e)
            return nz.original[a:b]

        if self._known:
            for h, pub in self._known.find(t, units, original_of):
                if pub:
                    keep.append((h.start, h.end))
                else:
                    cands.append((h, "known"))
        cands.extend((h, "pattern") for h in find_structured(t))
        cands.extend(self._names.find(t, units, original_of))
        model_unsure: list[tuple[int, int, float]] = []
        if self._model is not None:
            for h, score in model_hits(t, units, self._names, self._model, self._lex, self.lang):
                if score >= THRESHOLD:
                    cands.append((h, "model"))
                else:
                    model_unsure.append((h.start, h.end, score))
        ptoks = phrase_tokens(t)
        protected = self._lex.protected_matcher.find(t, ptoks)
        caller = self._places.find(t, ptoks) if self._places else []
        nf = self._names

        def name_evidence(s: int, e: int) -> bool:
            return any(s <= u.start and u.end <= e and ((nf.given(u)[0] and not nf.ambiguous(u)) or nf.family(u)
                                                         or nf.nisba(u) or u.prefix == "abd")
                       for u in units)

        taken = resolve(cands, protected, keep, t, caller, name_evidence)
        again = self._repeated_parts(units, taken)
        if again:
            taken = resolve(cands + again, protected, keep, t, caller, name_evidence)
        taken = [(_with_stop(h, t), src) for h, src in taken]
        unsure = self._collect_uncertain(t, units, taken, model_unsure, list(protected) + list(caller) + keep)
        return taken, unsure

    def _repeated_parts(self, units: list[Unit], taken: list[tuple[Hit, str]]) -> list[tuple[Hit, str]]:
        """A name part found once (model, lists, cue) is the same person where
        it comes again alone in the text ("George F. Hauser ... Hauser")."""
        if self._model is None:
            return []
        spans = [(h.start, h.end, src) for h, src in taken if h.label == "PERSON" and src in ("model", "names", "cue")]
        if not spans:
            return []
        nf = self._names
        common, vocab_ar = self._model.common_en, self._model.vocab("ar")

        gz = self._model.gaz
        lower = {u.core for u in units if not u.ar and not u.cap}

        def repeatable(u: Unit) -> bool:
            if u.prefix or len(u.core) < 3 or nf.stop(u) or nf.connector(u):
                return False
            if u.ar:
                return not nf.ambiguous(u) and u.core not in vocab_ar and u.raw not in self._lex.cues_ar
            # a word of the text written in lower case elsewhere, a place or organisation word is no name part
            return u.cap and not any(u.core in ws for ws in (common, lower, gz.world, gz.town, ORG_WORDS,
                                                              self._lex.cue_words_en))

        starts = [u.start for u in units]

        def within(a: int, b: int) -> list[Unit]:
            k = bisect.bisect_left(starts, a)
            out: list[Unit] = []
            while k < len(units) and units[k].start < b:
                if units[k].end <= b and not nf.connector(units[k]):
                    out.append(units[k])
                k += 1
            return out

        inside = [within(a, b) for a, b, _c in spans]
        parts: dict[tuple[bool, str], str] = {}
        for us, (_a, _b, src) in zip(inside, spans, strict=True):
            if len(us) >= 2:  # a whole name ("Tomo Milicevic"), not a lone word the model took for one
                for u in us:
                    if repeatable(u):
                        parts.setdefault((u.ar, u.core), src)
        if not parts:
            return []
        occupied = sorted((h.start, h.end) for h, _src in taken)
        o_starts = [a for a, _b in occupied]

        def free(u: Unit) -> bool:
            k = bisect.bisect_left(o_starts, u.end) - 1  # the last taken span starting before u ends
            return k < 0 or max(b for _a, b in occupied[max(0, k - 8):k + 1]) <= u.start

        return [(Hit(u.start, u.end, "PERSON", nf.key([u])), parts[(u.ar, u.core)]) for u in units
                if (u.ar, u.core) in parts and free(u)]

    def _collect_uncertain(self, t: str, units: list[Unit], taken: list[tuple[Hit, str]],
                           model_unsure: list[tuple[int, int, float]],
                           protected: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
        """Candidates left visible that a reviewer should look at."""
        occupied = sorted((h.start, h.end) for h, _src in taken) + sorted(protected)

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in occupied)

        out: dict[tuple[int, int], tuple[int, int, str, float]] = {}
        for s, e, score in model_unsure:
            if free(s, e):
                out[(s, e)] = (s, e, "model", score)
        marks = self._names.cue_marks(t, units)
        common = self._model.common_en if self._model is not None else frozenset()
        for k, u in enumerate(units):
            if (u.start, u.end) in out or not free(u.start, u.end):
                continue
            if k in marks and not self._names.stop(u) and not self._names.connector(u):
                # "called me", "called for help": an ordinary lower-case word after a cue is no name;
                # nor is a kinship word after another ("ابن عمي", my cousin)
                if (u.ar and u.raw not in self._lex.cues_ar) or (not u.ar and u.cap) \
                        or (not u.ar and len(u.core) >= 3 and u.core not in common):
                    out[(u.start, u.end)] = (u.start, u.end, "cue", 0.0)
                continue
            if u.ar or not u.cap or self._names.stop(u) or u.core in self._lex.cue_words_en:
                continue
            prev = t[max(0, u.start - 3):u.start].rstrip(" \"'“‘(")
            if u.start == 0 or not prev or prev[-1] in ".!?:\n":
                continue  # capitalised because it starts a sentence
            out[(u.start, u.end)] = (u.start, u.end, "capitalised", 0.0)
        return sorted(out.values())

    def detect(self, text: str) -> list[Span]:
        return self._run(text)[0]

    def redact(self, text: str) -> RedactionResult:
        spans, unsure = self._run(text)
        return RedactionResult(apply(text, spans), spans, unsure)

    def _run(self, text: str) -> tuple[list[Span], list[Candidate]]:
        if not text:
            return [], []
        nz = normalize(text)
        spans: list[Span] = []
        taken, unsure = self._detect_norm(nz)
        for h, src in taken:
            s, e = nz.to_original(h.start, h.end)
            if e <= s:
                continue
            rep = self.table.get(h.label, h.key)
            if h.names_key:
                self.table.link_name(h.names_key, rep)
            spans.append(Span(s, e, h.label, text[s:e], rep, src))
        cands = []
        for s, e, reason, score in unsure:
            a, b = nz.to_original(s, e)
            if b > a:
                cands.append(Candidate(a, b, text[a:b], reason, score))
        return spans, cands

    def pseudonym_for(self, label: str, span_text: str) -> str:
        """Pseudonym for a span the researcher added by hand: the known identity
        or name it spells if any, else a new one keyed by its normalised text."""
        if label == "PERSON" and span_text.strip():
            nz = normalize(span_text)
            t = nz.text
            units = build_units(t, tokenize(t))
            for h, _pub in self._known.find(t, units):
                if h.start <= 1 and h.end >= len(t.rstrip()) - 1:
                    return self.table.get("PERSON", h.key)
            for h, _src in self._names.find(t, units):
                if h.start <= 1 and h.end >= len(t.rstrip()) - 1:
                    return self.table.get("PERSON", h.key)
        return self.table.get(label, "manual:" + " ".join(norm(span_text).lower().split()))


def apply(text: str, spans: Iterable[Span]) -> str:
    """Replace each span by its replacement (overlapping spans: the earlier,
    then longer, one wins)."""
    out = []
    pos = 0
    for sp in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if sp.start < pos or sp.end <= sp.start or sp.end > len(text):
            continue
        out.append(text[pos:sp.start])
        out.append(sp.replacement or f"[{sp.label}]")
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)


def _offset(v: object) -> int:
    """A decision's start or end: an integer, or what int() reads as one ("12")."""
    if isinstance(v, (str, bytes, bytearray, SupportsInt, SupportsIndex)):
        return int(v)
    raise TypeError(f"not an offset: {v!r}")


def apply_decisions(text: str, detected_spans: Sequence[Span], decisions: Sequence[Mapping[str, object]],
                    redactor: Redactor | None = None) -> RedactionResult:
    """Apply the researcher's review.  Detected spans are accepted unless a
    decision rejects them (matched on start/end, and label when given);
    decisions with ``"decision": "add"`` add manual spans."""
    redactor = redactor or Redactor()
    rejected: set[tuple[int, int, object]] = set()
    added: list[Span] = []
    for d in decisions or ():
        try:
            s, e = _offset(d["start"]), _offset(d["end"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"decision needs integer start and end: {d!r}") from None
        dec = d.get("decision")
        label = d.get("label")
        if dec not in ("accept", "reject", "add"):
            raise ValueError(f"unknown decision {dec!r}")
        if not (0 <= s < e <= len(text)):
            raise ValueError(f"span {s}:{e} outside the text")
        detected_here = any(sp.start == s and sp.end == e for sp in detected_spans)
        if dec == "reject":
            rejected.add((s, e, label))
        elif dec == "add" or (dec == "accept" and not detected_here):
            # an accepted span the detector no longer finds (decisions replayed on a
            # newer detector) is kept as a manual one
            label = label or "PERSON"
            if not isinstance(label, str) or label not in LABELS:
                raise ValueError(f"unknown label {label!r}")
            added.append(Span(s, e, label, text[s:e], redactor.pseudonym_for(label, text[s:e]), "manual"))
    kept = [sp for sp in detected_spans
            if (sp.start, sp.end, sp.label) not in rejected and (sp.start, sp.end, None) not in rejected]
    # manual spans win over detections they overlap
    kept = [sp for sp in kept if not any(a.start < sp.end and sp.start < a.end for a in added)]
    final: list[Span] = []
    for sp in sorted(added + kept, key=lambda s: (s.start, -(s.end - s.start))):
        if final and sp.start < final[-1].end:
            continue
        final.append(sp)
    return RedactionResult(apply(text, final), final)
