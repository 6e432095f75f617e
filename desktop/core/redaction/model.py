"""Statistical person-name finder: a linear-chain CRF (python-crfsuite) per
language, trained by ``tools/train_ner.py`` and shipped in
``resources/models/`` (see docs/model-card-ner.md).

Features are word shape, affixes, Arabic clitics and morphology, the shipped
name lists as gazetteers, and the words around.  The same feature code is used
for training and at run time, so they cannot drift apart.

Offsets are into the text given (the redactor passes normalised text).
"""
from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from ..paths import ResourcesMissing, resources_dir
from .lexicon import Lexicon, lexicon
from .modelwords import ABBREV, AR_PREFIXES, AR_SUFFIXES
from .modelwords import ORG_WORDS as ORG_WORDS  # re-exported: names.py, modelspans.py, the redactor
from .wordclass import WordClasses

# Words, numbers, single punctuation marks.
MTOKEN_RE = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*|[\u0621-\u064a\u066e-\u06d3]+|\d+(?:[.,]\d+)*|[^\s\w]",
                       re.UNICODE)
SENT_END = {".", "!", "?", "؟", ";", "\n"}
# Languages whose model knows only its vocabulary file's words by name (Arabic:
# its annotated text is small and its generated text has invented names, so a
# word never seen outside a person's name is only its shape, affixes and flags).
VOCAB_LANGS = ("ar",)
# Threshold on the marginal probability that a token is part of a person's name.
THRESHOLD = 0.5
# An Arabic word that is both a listed name and an ordinary word (علي, كامل), or a
# bare family name, counts as a name alone only when the model is this sure.
LISTED_ALONE = 0.8
# An Arabic span with no listed part, nisba, kunya or cue is redacted on the
# model's word alone when it is this sure (below: offered for review); chosen
# on the Wojood tuning sentences (docs/model-card-ner.md).
AR_ALONE = 0.95
# An unlisted Arabic word right after a listed given name is its family name
# when the model gives it at least this.
AFTER_GIVEN = 0.15
# Candidates between these and THRESHOLD are reported as uncertain (for review).
UNCERTAIN_LOW = 0.15


@dataclass(frozen=True)
class ModelSpan:
    start: int
    end: int
    score: float          # lowest per-token marginal of the span
    lang: str
    gen: bool = False     # found by the Arabic testimony-style model


def is_ar(w: str) -> bool:
    return bool(w) and "\u0600" <= w[0] <= "\u06ff"


def mtokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in MTOKEN_RE.finditer(text)]


def shape(w: str) -> str:
    if is_ar(w):
        return "A"
    out: list[str] = []
    for ch in w[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def ar_stem(w: str) -> tuple[str, str]:
    """(proclitic, stem) with the article and one conjunction/preposition removed."""
    for p in AR_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return p, w[len(p):]
    return "", w


class Gazetteer:
    """The shipped lists as token-level flags."""

    def __init__(self, lex: Lexicon, root: Path | None = None):
        self.lex = lex
        gp = (root or model_dir()) / "gaz_person_lat.txt"
        if not gp.is_file():
            raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {gp}; reinstall it")
        self.person_lat = load_vocab(gp)
        self.world = load_vocab((root or model_dir()) / "gaz_place.txt")
        self.town = load_vocab((root or model_dir()) / "gaz_town.txt")
        self.wc = WordClasses((root or model_dir()) / "wordclass_en.txt.gz")
        prot_lat: set[str] = set()
        prot_ar: set[str] = set()
        for p in lex.protected:
            for t in MTOKEN_RE.findall(_norm(p)):
                if is_ar(t):
                    prot_ar.add(ar_stem(t)[1])
                elif len(t) > 2:
                    prot_lat.add(t.lower())
        self.prot_lat = prot_lat
        self.prot_ar = prot_ar
        self.cue_ar = {c for c in lex.cues_ar if " " not in c}
        self.cue_en = lex.cue_words_en

    def flags(self, w: str) -> list[str]:
        lex = self.lex
        out = []
        if is_ar(w):
            p, s = ar_stem(w)
            cands = {w, s}
            if p and p not in ("ال",):
                cands.add(w[1:])
            if cands & lex.given_ar:
                out.append("g")
            if {c.removeprefix("ال") for c in cands} & lex.family_ar:
                out.append("f")
            if cands & lex.ambiguous_ar:
                out.append("amb")
            if cands & lex.stop_ar:
                out.append("stop")
            if cands & self.cue_ar or w in lex.cues_ar:
                out.append("cue")
            if s in self.prot_ar:
                out.append("place")
            if s in self.world:
                out.append("wp")
            return out
        lw = w.lower()
        if lw in lex.given_lat:
            out.append("g")
        if lw in lex.family_lat:
            out.append("f")
        if lw in self.person_lat:
            out.append("gp")
        if lw in lex.ambiguous_lat:
            out.append("amb")
        if lw in lex.stop_en:
            out.append("stop")
        if lw in self.cue_en:
            out.append("cue")
        if lw in self.prot_lat:
            out.append("place")
        if lw in self.world:
            out.append("wp")
        elif lw in self.town:
            out.append("town")
        if lw in ORG_WORDS:
            out.append("org")
        if lw in lex.place_before or lw in lex.place_after:
            out.append("pword")
        return out


def _norm(s: str) -> str:
    from .normalize import norm

    return norm(s)


def token_features(words: list[str], gaz: Gazetteer, drop_gaz: set[int] | None = None,
                   vocab: frozenset[str] | None = None, unk: set[int] | None = None) -> list[list[str]]:
    """CRF features for one sentence.  ``drop_gaz``: indices whose gazetteer
    flags are hidden (training only, so the model learns context too).
    ``vocab``: the words the model knows by name (frequent ordinary words of
    its training text); any other word is only its shape, affixes and flags,
    so a word never seen in training is not taken for a name for that alone.
    ``unk``: indices treated as unknown words (training only: word dropout)."""
    n = len(words)
    base: list[list[str]] = []
    flags: list[list[str]] = []
    lows: list[str] = []
    shapes: list[str] = []
    wks = ["ar"] * n  # neighbours' word classes and capitalisation shares (English)
    wcs = ["ar"] * n
    crs = ["ar"] * n
    for i, w in enumerate(words):
        fl = [] if drop_gaz and i in drop_gaz else gaz.flags(w)
        flags.append(fl)
        sh = shape(w)
        shapes.append(sh)
        if is_ar(w):
            p, s = ar_stem(w)
            low = s if (vocab is None or s in vocab) and not (unk and i in unk) else "<unk>"
            f = ["ar", "st=" + low, "p=" + p, "s2=" + s[-2:], "s1=" + s[-1:], "b2=" + s[:2],
                 "len=" + str(min(len(s), 8))]
            for suf in AR_SUFFIXES:
                if s.endswith(suf) and len(s) - len(suf) >= 2:
                    f.append("suf=" + suf)
                    break
            if s.endswith("ي") and p.endswith("ال"):
                f.append("nisba")
        else:
            low = w.lower()
            if (vocab is not None and low not in vocab) or (unk and i in unk):
                low = "<unk>"
            f = ["w=" + low, "sh=" + sh, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3],
                 "len=" + str(min(len(w), 8))]
            if w[:1].isupper():
                f.append("cap")
                if i == 0 or words[i - 1] in SENT_END or words[i - 1] in ("\"", "“", "'", "-", ":"):
                    f.append("cap_first")
                else:
                    f.append("cap_mid")
            if w.isupper() and len(w) > 1:
                f.append("allcaps")
            if "-" in w:
                f.append("hyph")
            wf, wk = gaz.wc.features(w, w.lower())
            pos = "first" if "cap_first" in f else "mid" if "cap_mid" in f else "low"
            f.extend(wf)
            f.append(wf[-1] + "|" + pos)
            wks[i] = wk
            wcs[i] = wf[0][3:]
            crs[i] = wf[-1]
        f.extend("g:" + x for x in fl)
        base.append(f)
        lows.append(low)
    feats: list[list[str]] = []
    for i in range(n):
        f = ["bias"] + base[i]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}:w=" + lows[j])
                f.append(f"{d}:sh=" + shapes[j])
                if abs(d) == 1:
                    f.extend(f"{d}:g:" + x for x in flags[j])
                    f.append(f"{d}:wk=" + wks[j])
                    f.append(f"{d}:wc=" + wcs[j])
                    f.append(f"{d}:" + crs[j])
                else:
                    f.append(f"{d}:wk=" + wks[j])
            else:
                f.append(f"{d}:BOUND")
        if i > 0:
            f.append("bi-=" + lows[i - 1] + "|" + lows[i])
        if i + 1 < n:
            f.append("bi+=" + lows[i] + "|" + lows[i + 1])
        feats.append(f)
    return feats


def sentences(text: str, toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split tokens into sentences (end punctuation or a line break)."""
    out: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    prev_end = 0
    for t in toks:
        if cur and "\n" in text[prev_end:t[0]]:
            out.append(cur)
            cur = []
        cur.append(t)
        prev_end = t[1]
        initial = t[2] == "." and len(cur) > 1 and ((len(cur[-2][2]) == 1 and cur[-2][2].isupper())
                                                    or cur[-2][2].lower() in ABBREV) and cur[-2][1] == t[0]
        if (t[2] in SENT_END and len(cur) > 1 and not initial) or len(cur) >= 120:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def sentence_lang(sent: list[tuple[int, int, str]]) -> str:
    ar = sum(1 for _s, _e, w in sent if is_ar(w))
    lat = sum(1 for _s, _e, w in sent if w[:1].isascii() and w[:1].isalpha())
    return "ar" if ar > lat else "en"


def load_vocab(path: Path) -> frozenset[str]:
    if not path.is_file():
        raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {path}; reinstall it")
    return frozenset(w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#"))


def model_dir() -> Path:
    return resources_dir() / "models"


class NameModel:
    """Both language models, loaded once per process (see :func:`name_model`)."""

    def __init__(self, root: Path | None = None, lex: Lexicon | None = None):
        root = root or model_dir()
        self.gaz = Gazetteer(lex or lexicon(), root)
        self._paths = {}
        self._raw: dict[str, bytes] = {}  # gzip-compressed models, opened from memory
        for lang in ("en", "ar"):
            p = root / f"ner_{lang}.crfsuite"
            if p.with_suffix(".crfsuite.gz").is_file():
                self._raw[lang] = gzip.decompress(p.with_suffix(".crfsuite.gz").read_bytes())
            elif p.is_file():
                self._paths[lang] = str(p)
            else:
                raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {p}; reinstall it")
        common = root / "common_en.txt"
        self.common_en = load_vocab(common)
        self._vocab = {lang: load_vocab(root / f"vocab_{lang}.txt") if lang in VOCAB_LANGS else None
                       for lang in ("en", "ar")}
        # Arabic has a second model, trained on generated testimony-style sentences only
        # (first-hand accounts, kinship words): its spans count only with listed evidence.
        gen = root / "ner_ar_gen.crfsuite"
        if not gen.is_file():
            raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {gen}; reinstall it")
        self._paths["ar_gen"] = str(gen)
        self._vocab["ar_gen"] = load_vocab(root / "vocab_ar_gen.txt")
        self._tls = threading.local()  # a Tagger is not shared between threads
        for key in ("en", "ar", "ar_gen"):
            self._tagger(key)

    def vocab(self, lang: str) -> frozenset[str]:
        """The ordinary words the language's model knows by name (empty if none)."""
        return self._vocab.get(lang) or frozenset()

    def _tagger(self, lang: str) -> pycrfsuite.Tagger:
        taggers = getattr(self._tls, "taggers", None)
        if taggers is None:
            taggers = self._tls.taggers = {}
        t = taggers.get(lang)
        if t is None:
            t = pycrfsuite.Tagger()
            if lang in self._raw:
                t.open_inmemory(self._raw[lang])
            else:
                t.open(self._paths[lang])
            taggers[lang] = t
        return t

    def tag_sentence(self, words: list[str], lang: str) -> list[float]:
        """Per-token probability of being part of a person's name."""
        return self.tag_sentence_path(words, lang)[1]

    def tag_sentence_path(self, words: list[str], lang: str) -> tuple[list[str], list[float]]:
        """(best label path, per-token probability of being part of a person's name)."""
        if not words:
            return [], []
        t = self._tagger(lang)
        t.set(token_features(words, self.gaz, vocab=self._vocab[lang]))
        path = t.tag()
        per = [lab for lab in t.labels() if lab.endswith("PER")]
        return path, [sum(t.marginal(lab, i) for lab in per) for i in range(len(words))]

    def find(self, text: str, lang: str = "auto", low: float = UNCERTAIN_LOW, gen: bool = False) -> list[ModelSpan]:
        """Person spans with their score (lowest token marginal); spans scoring
        below THRESHOLD but at least ``low`` are included for review.  ``gen``:
        the Arabic sentences only, by the Arabic testimony-style model."""
        out: list[ModelSpan] = []
        toks = mtokenize(text)
        for sent in sentences(text, toks):
            sl = sentence_lang(sent) if lang == "auto" else lang
            if gen and sl != "ar":
                continue
            words = [w for _s, _e, w in sent]
            path, probs = self.tag_sentence_path(words, "ar_gen" if gen else sl)
            n = len(sent)
            i = 0
            while i < n:
                if path[i].endswith("PER") and words[i][:1].isalpha():
                    # the best path's name: score is its least sure token
                    j = i
                    while j + 1 < n:
                        if path[j + 1] == "I-PER" and words[j + 1][:1].isalpha():
                            j += 1
                        elif _initial(words, j) and j + 2 < n and path[j + 2] == "I-PER" \
                                and words[j + 2][:1].isalpha():
                            j += 2  # "Frederick H. Collier": one name across the initial's full stop
                        else:
                            break
                    end = sent[j + 1][1] if _initial(words, j) else sent[j][1]  # "William L." keeps its stop
                    out.append(ModelSpan(sent[i][0], end, min(probs[k] for k in range(i, j + 1)
                                                                 if words[k][:1].isalpha()), sl, gen))
                    i = j + 1
                    continue
                if probs[i] >= low and words[i][:1].isalpha():
                    out.append(ModelSpan(sent[i][0], sent[i][1], probs[i], sl, gen))
                i += 1
        return out


def _initial(words: list[str], j: int) -> bool:
    """words[j] is a capital initial followed by its full stop."""
    return len(words[j]) == 1 and words[j].isupper() and j + 1 < len(words) and words[j + 1] == "."


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _cached() -> NameModel:
    return NameModel()


def name_model() -> NameModel:
    with _LOCK:
        return _cached()
