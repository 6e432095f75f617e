"""Arabic annotated data for tools/train_ner.py: the Wojood sample.

    DATA/wojood/train.txt   training
    DATA/wojood/val.txt     the only Arabic tuning set (``--dev``: trained without it, scored on it);
                            trained on in the shipped run
    DATA/wojood/test.txt    held out: never read here (the benchmark's Arabic set)

The sample of the Wojood corpus (Jarrar, Khalilia and Ghanem, *Wojood: Nested
Arabic Named Entity Corpus and Recognition using BERT*, LREC 2022) published in
the ``data/`` folder of github.com/SinaLab/ArabicNER (MIT licence).  One token
a line, ``word TAG [TAG ...]`` (nested mentions: several BIO tags a token),
a blank line between sentences; ``$#$`` tokens mark a sentence's end and are
dropped.  A token is part of a person if any of its tags is B-/I-PERS; else
the first of its GPE, LOC, FAC (-> LOC) or ORG tags decides; every other class
(dates, occupations, nationalities, events, ...) is O.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.core.redaction.model import mtokenize
from desktop.core.redaction.normalize import norm

WOJOOD_TYPES = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
WOJOOD_SPLITS = ("train.txt", "val.txt")  # test.txt is never read for training or tuning

Sentence = list[tuple[str, str]]


def _tag(tags: list[str]) -> tuple[str, str]:
    """(B or I, PER / LOC / ORG) of a token's nested tags, or ("", "O")."""
    per = [t for t in tags if t[2:] == "PERS" and t[:2] in ("B-", "I-")]
    if per:
        return ("B" if "B-PERS" in per else "I"), "PER"
    for t in tags:
        typ = WOJOOD_TYPES.get(t[2:])
        if typ and t[:2] in ("B-", "I-"):
            return t[0], typ
    return "", "O"


def read_wojood(path: Path) -> list[Sentence]:
    """Sentences of (word, BIO tag), words split as the application splits them."""
    sents: list[Sentence] = []
    cur: Sentence = []
    prev = "O"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if cur:
                sents.append(cur)
            cur, prev = [], "O"
            continue
        if cols[0] == "$#$":
            continue
        bio, typ = _tag(cols[1:])
        word = norm(cols[0])
        pieces = [p for _a, _b, p in mtokenize(word)]
        for k, piece in enumerate(pieces):
            if typ == "O":
                tag = "O"
            elif k == 0 and (bio == "B" or prev != typ):
                tag = "B-" + typ
            else:
                tag = "I-" + typ
            cur.append((piece, tag))
            prev = typ
    if cur:
        sents.append(cur)
    return [s for s in sents if s]


def wojood(data: Path, dev: bool) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, tuning sentences): a --dev run trains on train.txt
    and tunes on val.txt; the shipped run trains on both."""
    d = data / "wojood"
    train = read_wojood(d / "train.txt") if (d / "train.txt").is_file() else []
    val = read_wojood(d / "val.txt") if (d / "val.txt").is_file() else []
    if not dev:
        return train + val, []
    return train, val


def score_val(models: Path, val: list[Sentence]) -> dict:
    """The whole pipeline (no known identities) on the tuning sentences, scored
    as the benchmark scores its held-out sets, with the models in ``models``."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "tests" / "benchmarks"))
    from bench_redaction import score_corpus

    from desktop.core.redaction import model as m

    saved = m._cached
    nm = m.NameModel(models)
    m._cached = lambda: nm  # type: ignore[assignment]
    try:
        return score_corpus(val)
    finally:
        m._cached = saved


def swap_people(sents: list[Sentence], rng, k: float) -> list:
    """Copies of a share ``k`` of the sentences with a person in them, each
    person renamed with a generated Arabic name (shipped lists, Faker's Arabic
    locales, invented name-shaped words): the model learns the real contexts,
    not the corpus's names.  -> (words, tags, indices of the new name words)."""
    from tools.train_ner import NameGen

    gen = NameGen(rng)
    out = []
    for s in sents:
        if not any(t == "B-PER" for _w, t in s) or rng.random() >= k:
            continue
        words: list[str] = []
        tags: list[str] = []
        names: list[int] = []
        i = 0
        while i < len(s):
            w, t = s[i]
            if t != "B-PER":
                words.append(w)
                tags.append(t)
                i += 1
                continue
            j = i + 1
            while j < len(s) and s[j][1] == "I-PER":
                j += 1
            new = [p for part in gen.ar() for _a, _b, p in mtokenize(norm(part))]
            names.extend(range(len(words), len(words) + len(new)))
            words.extend(new)
            tags.extend(["B-PER"] + ["I-PER"] * (len(new) - 1))
            i = j
        out.append((words, tags, names))
    return out
