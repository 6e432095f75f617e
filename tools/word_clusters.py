"""Word clusters and capitalisation ratios for the English name model, learnt
from unlabelled English text (no annotation is read here).

    DATA/wikipedia_en/dump/*.txt   20,000 English Wikipedia articles as plain text (CC BY-SA 3.0/4.0;
                                   the stored copy github.com/kirito-0512/data: each file is an id
                                   line, a title line, then the article's text)

    # writes resources/models/wordclass_en.txt.gz, without the held-out English sentences:
    .venv/bin/python tools/word_clusters.py --data DATA \\
        --exclude-sentences DATA/UNER_English-PUD/en_pud-ud-test.iob2

``--exclude-sentences`` leaves out every line of the text that holds a
sentence of 8 words or more of the held-out set (UNER English PUD, itself
partly Wikipedia): verbatim (its letters and digits in order, whatever the
tokenisation or punctuation) or edited (a run of 8 words in common); see
``HeldOut``.  Only the words of those sentences are read, never their labels.

Each frequent word form gets a distributional class: its left and right
neighbours are counted (the most frequent lower-case words as contexts),
weighted by positive pointwise mutual information, reduced by a truncated SVD
and grouped by k-means into ``--k`` classes, which are then grouped again into
coarser classes (a two-level hierarchy, as Brown-cluster prefixes give).
Every lower-case word also gets how often it is written with a capital inside
a sentence.  Words that occur in a name of an unseen person ("Kowalczyk",
"Ngozi") share a class with other names and are nearly always capitalised
mid-sentence, which the name model can learn from the annotated text.

Training only (numpy, scipy); the run-time reads the written table
(``desktop.core.redaction.model.WordClasses``).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.redaction.model import MTOKEN_RE, SENT_END  # noqa: E402
from desktop.core.redaction.normalize import norm  # noqa: E402

REF_RX = re.compile(r"\[(?:\d+|[a-z]|citation needed|note \d+)\]")
START_AFTER = SENT_END | {'"', ":", "-", "(", "\n"}
WORD_RX = re.compile(r"\w+")
KEY = 20  # characters of a held-out sentence that index it (HeldOut)


class HeldOut:
    """The held-out sentences (iob2 files) of ``min_words`` words or more, to be
    kept out of the unlabelled text.  A line holds one if it has the sentence's
    letters and digits in order, case-folded, from the start of one of its words
    (a verbatim copy, whatever the tokenisation: "do n't", "can not", spaces
    around punctuation), or shares a run of ``run`` words with it (an edited
    copy: "Literacy had been lost and the Mycenaean script forgotten")."""

    def __init__(self, files: list[Path], min_words: int = 8, run: int = 8):
        from tools.train_ner import read_iob2

        self.run = run
        sents = sorted({" ".join(w for w, _ in x).casefold() for f in files for x in read_iob2(f)
                        if len(x) >= min_words})
        self.flat = ["".join(WORD_RX.findall(x)) for x in sents]
        self.key = min([KEY, *map(len, self.flat)])
        self.starts: dict[str, list[int]] = {}
        self.grams: dict[tuple[str, ...], list[int]] = {}
        for i, x in enumerate(sents):
            self.starts.setdefault(self.flat[i][: self.key], []).append(i)
            w = WORD_RX.findall(x)
            for j in range(len(w) - run + 1):
                self.grams.setdefault(tuple(w[j:j + run]), []).append(i)
        self.first = {g[0] for g in self.grams}

    def __len__(self) -> int:
        return len(self.flat)

    def found(self, line: str) -> set[int]:
        """The held-out sentences (their numbers) that the normalised line holds."""
        parts = WORD_RX.findall(line.casefold())
        flat = "".join(parts)
        hits: set[int] = set()
        p = 0
        for j, w in enumerate(parts):
            for i in self.starts.get(flat[p:p + self.key], ()):
                if flat.startswith(self.flat[i], p):
                    hits.add(i)
            if w in self.first:
                hits.update(self.grams.get(tuple(parts[j:j + self.run]), ()))
            p += len(w)
        return hits


def read_tokens(files: list[Path], exclude: HeldOut | None = None) -> tuple[list[str], array]:
    """All tokens of the texts as ids into the returned list of forms; "\\n"
    (id 0) ends each line.  ``exclude``: the lines that hold a held-out
    sentence are left out."""
    ids: dict[str, int] = {"\n": 0}
    stream = array("i")
    dropped = 0
    found: set[int] = set()
    for k, p in enumerate(files):
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()[2:]  # id and title lines
        for line in lines:
            line = REF_RX.sub("", line).strip()
            if len(line) < 20:  # headings, list stubs
                continue
            line = norm(line)
            if exclude and (hit := exclude.found(line)):
                dropped += 1
                found.update(hit)
                continue
            toks = MTOKEN_RE.findall(line)
            stream.extend([ids.setdefault(t, len(ids)) for t in toks])
            stream.append(0)
        if k % 2000 == 0:
            print(f"  {k}/{len(files)} files, {len(stream):,} tokens, {len(ids):,} forms", flush=True)
    if exclude:
        print(f"  left out {dropped:,} lines holding {len(found)} of the "
              f"{len(exclude)} held-out sentences", flush=True)
    forms = [""] * len(ids)
    for w, i in ids.items():
        forms[i] = w
    return forms, stream


def kmeans(x, k: int, rng, iters: int = 25, weights=None):
    import numpy as np

    n = x.shape[0]
    # k-means++ lite: seeds drawn by weight from a sample
    p = (weights / weights.sum()) if weights is not None else None
    c = x[rng.choice(n, size=k, replace=False, p=p)].copy()
    xx = (x * x).sum(1)
    lab = np.zeros(n, dtype=np.int64)
    for _it in range(iters):
        for a in range(0, n, 20000):
            d = xx[a:a + 20000, None] - 2 * x[a:a + 20000] @ c.T + (c * c).sum(1)[None, :]
            lab[a:a + 20000] = d.argmin(1)
        w = weights if weights is not None else np.ones(n)
        sums = np.zeros_like(c)
        np.add.at(sums, lab, x * w[:, None])
        cnt = np.bincount(lab, weights=w, minlength=k)
        empty = cnt == 0
        c[~empty] = sums[~empty] / cnt[~empty, None]
        if empty.any():
            c[empty] = x[rng.choice(n, size=int(empty.sum()), replace=False)]
    return lab, c


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "desktop" / "resources" / "models" / "wordclass_en.txt.gz")
    ap.add_argument("--vocab", type=int, default=120_000, help="word forms that get a class")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--contexts", type=int, default=4000, help="lower-case context words")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--k", type=int, default=800, help="fine classes")
    ap.add_argument("--k2", type=int, default=120, help="coarse classes")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--limit", type=int, default=0, help="read only the first N files (a quick test)")
    ap.add_argument("--exclude-sentences", nargs="+", type=Path, default=[], metavar="IOB2",
                    help="held-out sets: leave out every line holding one of their sentences of 8 words or more")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    files = sorted((args.data / "wikipedia_en" / "dump").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no texts under {args.data / 'wikipedia_en' / 'dump'}", file=sys.stderr)
        return 1
    exclude = HeldOut(args.exclude_sentences) if args.exclude_sentences else None
    forms, stream = read_tokens(files, exclude)
    s = np.frombuffer(stream, dtype=np.int32).astype(np.int64)
    nf = len(forms)
    print(f"{len(files)} files, {len(s):,} tokens, {nf:,} forms, {time.time() - t0:.0f} s", flush=True)
    count = np.bincount(s, minlength=nf)
    # lower-case keys
    lower_ids: dict[str, int] = {}
    low = np.array([lower_ids.setdefault(f.lower(), len(lower_ids)) for f in forms], dtype=np.int64)
    lforms = [""] * len(lower_ids)
    for w, i in lower_ids.items():
        lforms[i] = w
    alpha = np.array([f[:1].isalpha() and f.isascii() for f in forms])
    capf = np.array([f[:1].isupper() for f in forms])
    # capitalisation inside a sentence: the previous token does not start one
    starts = {i for i, f in enumerate(forms) if f in START_AFTER}
    prev = np.concatenate([[0], s[:-1]])
    mid = ~np.isin(prev, list(starts))
    ls = low[s]
    mid_n = np.bincount(ls[mid], minlength=len(lforms))
    mid_cap = np.bincount(ls[mid & capf[s]], minlength=len(lforms))
    # rows: the most frequent alphabetic forms
    order = np.argsort(-count)
    rows = [i for i in order if alpha[i] and count[i] >= args.min_count][: args.vocab]
    row_of = np.full(nf, -1, dtype=np.int64)
    row_of[rows] = np.arange(len(rows))
    # contexts: the most frequent lower-case keys (any token), by their count
    lcount = np.bincount(ls, minlength=len(lforms))
    ctx = np.argsort(-lcount)[: args.contexts]
    ctx_of = np.full(len(lforms), -1, dtype=np.int64)
    ctx_of[ctx] = np.arange(len(ctx))
    nc = len(ctx)
    m = None
    for k, off in enumerate((-1, 1, -2, 2)):
        a = s[max(0, -off): len(s) - max(0, off)]
        b = s[max(0, off): len(s) - max(0, -off)]
        r = row_of[a]
        c = ctx_of[low[b]]
        ok = (r >= 0) & (c >= 0)
        part = coo_matrix((np.ones(int(ok.sum()), dtype=np.float32), (r[ok].astype(np.int32),
                           (c[ok] + nc * k).astype(np.int32))), shape=(len(rows), nc * 4)).tocsr()
        del a, b, r, c, ok
        m = part if m is None else m + part
    assert m is not None
    m = m.astype(np.float64)
    total = m.sum()
    rs = np.asarray(m.sum(1)).ravel()
    cs = np.asarray(m.sum(0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    mc = m.tocoo()
    pmi = np.log(mc.data * total / (rs[mc.row] * cs[mc.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (mc.row[keep], mc.col[keep])), shape=m.shape).tocsr()
    print(f"context matrix {ppmi.shape}, {ppmi.nnz:,} non-zero, {time.time() - t0:.0f} s", flush=True)
    u, sv, _vt = svds(ppmi, k=args.dim)
    x = u * np.sqrt(sv)[None, :]
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    w = np.log1p(count[rows]).astype(np.float64)
    lab, cent = kmeans(x, args.k, rng, weights=w)
    cent /= np.linalg.norm(cent, axis=1, keepdims=True) + 1e-9
    lab2, _ = kmeans(cent, args.k2, rng)
    print(f"classes {args.k} / {args.k2}, {time.time() - t0:.0f} s", flush=True)
    # capitalisation ratio of each lower-case key seen at least min_count times inside sentences
    caps = [li for li in np.nonzero(mid_n >= args.min_count)[0]
            if lforms[li][:1].isalpha() and lforms[li].isascii() and " " not in lforms[li]]
    lines = [
        "# Distributional word classes and mid-sentence capitalisation, a feature of the English name model.",
        "# Learnt by tools/word_clusters.py from 20,000 English Wikipedia articles (CC BY-SA; the stored copy",
        "# github.com/kirito-0512/data); no annotation. Left out: every line holding a sentence of 8 words or more",
        "# of " + (", ".join(p.name for p in args.exclude_sentences) or "no held-out set") + " (--exclude-sentences).",
        "# Lines: word forms; their classes; the coarse class",
        "# of each class; lower-case words; for each, the share of its occurrences inside a sentence written",
        "# with a capital (0-9) and log2 of their number, as 'share|log2'.",
        " ".join(forms[ri] for ri in rows),
        " ".join(str(x) for x in lab),
        " ".join(str(x) for x in lab2),
        " ".join(lforms[li] for li in caps),
        " ".join(f"{min(int(mid_cap[li] / mid_n[li] * 10), 9)}|{min(int(np.log2(mid_n[li])), 20)}" for li in caps),
    ]
    import gzip

    args.out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
