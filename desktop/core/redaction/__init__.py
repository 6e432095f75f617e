"""Redaction of identifying details in free text (English, Arabic, mixed).

Public API::

    r = Redactor(known=["Mohammed al-Hamwi"], publishable=["Khaled Darwish"], places=["Baba Amr"])
    spans = r.detect(text)             # list[Span], offsets into the original text
    result = r.redact(text)            # RedactionResult(text, spans)
    apply(text, spans)                 # apply a reviewed subset
    apply_decisions(text, spans, decisions, r)
    redact_text(text, known=(), lang="auto")   # dict for `testimony redact --json`

The pipeline: normalise (offset map kept) -> known identities -> structured
identifiers -> unknown names (lists + cues) -> policy (places, organisations,
publishable names, overlaps) -> consistent pseudonyms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .known import KnownMatcher
from .lexicon import PhraseMatcher, lexicon, phrase_tokens
from .names import NameFinder
from .normalize import Normalized, norm, normalize
from .policy import resolve
from .pseudonyms import PseudonymTable
from .structured import Hit, find_structured
from .units import build_units, tokenize

__all__ = ["LABELS", "Span", "RedactionResult", "Redactor", "apply", "apply_decisions",
           "redact_text", "normalize"]

LABELS = ("PERSON", "PHONE", "EMAIL", "URL", "HANDLE", "ID_NUMBER", "ADDRESS",
          "DATE_OF_BIRTH", "PLATE", "COORDINATES")
SOURCES = ("known", "pattern", "names", "cue", "manual")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str
    replacement: str
    source: str


@dataclass
class RedactionResult:
    text: str
    spans: list[Span] = field(default_factory=list)


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


class Redactor:
    """Detects identifying details; one instance per record so pseudonyms stay
    consistent across every field of that record."""

    def __init__(self, known: Sequence[str] = (), publishable: Sequence[str] = (),
                 places: Sequence[str] = (), lang: str = "auto"):
        if lang not in ("auto", "en", "ar"):
            raise ValueError("lang must be auto, en or ar")
        self.lang = lang
        self.known = [k for k in (known or ()) if k and str(k).strip()]
        self.publishable = [p for p in (publishable or ()) if p and str(p).strip()]
        self.places = _split_places(places)
        self._lex = lexicon()
        self._known = KnownMatcher(self.known, self.publishable)
        self._names = NameFinder(self._lex)
        self._places = PhraseMatcher(self.places)
        self.table = PseudonymTable()

    # ------------------------------------------------------------------
    def _detect_norm(self, nz: Normalized) -> list[tuple[Hit, str]]:
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
        ptoks = phrase_tokens(t)
        protected = self._lex.protected_matcher.find(t, ptoks)
        caller = self._places.find(t, ptoks) if self._places else []
        return resolve(cands, protected, keep, t, caller)

    def detect(self, text: str) -> list[Span]:
        if not text:
            return []
        nz = normalize(text)
        spans: list[Span] = []
        for h, src in self._detect_norm(nz):
            s, e = nz.to_original(h.start, h.end)
            if e <= s:
                continue
            rep = self.table.get(h.label, h.key)
            spans.append(Span(s, e, h.label, text[s:e], rep, src))
        return spans

    def redact(self, text: str) -> RedactionResult:
        spans = self.detect(text)
        return RedactionResult(apply(text, spans), spans)

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


def apply_decisions(text: str, detected_spans: Sequence[Span], decisions: Sequence[Mapping],
                    redactor: Redactor | None = None) -> RedactionResult:
    """Apply the researcher's review.  Detected spans are accepted unless a
    decision rejects them (matched on start/end, and label when given);
    decisions with ``"decision": "add"`` add manual spans."""
    redactor = redactor or Redactor()
    rejected = set()
    added: list[Span] = []
    for d in decisions or ():
        try:
            s, e = int(d["start"]), int(d["end"])
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
            if label not in LABELS:
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


def redact_text(text: str, known: Sequence[str] = (), lang: str = "auto") -> dict:
    """The `testimony redact --json` contract."""
    r = Redactor(known=known, lang=lang)
    res = r.redact(text)
    return {"text": res.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label, "replacement": s.replacement}
                      for s in res.spans]}
