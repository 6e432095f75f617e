"""Whole-pipeline figures on the two tuning sets of ``tools/train_ner.py --dev``
(UNER English EWT test; the first WIKIGOLD_DEV wikigold articles), with the
name models of a given folder in place of the shipped ones:

    .venv/bin/python tools/ner_dev_eval.py --data DATA /tmp/dev [--errors misses.json]

Each sentence is redacted on its own, as the benchmark does with its held-out
sets (tests/benchmarks/bench_redaction.score_corpus).  ``--errors`` writes the
people missed or partly hidden and the words wrongly redacted, for error
analysis.  Never run on the held-out sets.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def resources_with(models: Path, into: Path) -> Path:
    """A resources folder: the shipped one, with the files of ``models`` over its models."""
    src = ROOT / "desktop" / "resources"
    for p in src.iterdir():
        if p.name != "models":
            os.symlink(p, into / p.name)
    (into / "models").mkdir()
    for p in (src / "models").iterdir():
        os.symlink(p, into / "models" / p.name)
    for p in models.iterdir():
        if p.is_file():
            for name in {p.name, p.name.removesuffix(".gz"), p.name + ".gz"}:  # compressed or not
                t = into / "models" / name
                if t.is_symlink():
                    t.unlink()
            os.symlink(p.resolve(), into / "models" / p.name)
    return into


def score(sents, errors: list[dict]) -> dict:
    from desktop.core.redaction import Redactor
    from tests.benchmarks.bench_redaction import _sentence_text

    r = Redactor()
    people = hidden = po_tok = po_red = o_tok = o_red = 0
    for s in sents:
        words = [w for w, _t in s]
        tags = [t for _w, t in s]
        text, offs = _sentence_text(words)
        red = [(sp.start, sp.end) for sp in r.detect(text)]
        covered = [any(x < b and a < y for x, y in red) for a, b in offs]
        whole = [any(x <= a and b <= y for x, y in red) for a, b in offs]
        i = 0
        while i < len(s):
            ctx = " ".join(words[max(0, i - 6):i + 7])
            if tags[i] == "B-PER":
                j = i
                while j + 1 < len(s) and tags[j + 1] == "I-PER":
                    j += 1
                people += 1
                ok = all(whole[k] for k in range(i, j + 1) if words[k][:1].isalnum())
                hidden += ok
                if not ok:
                    kind = "partial" if any(covered[i:j + 1]) else "missed"
                    errors.append({"kind": kind, "words": " ".join(words[i:j + 1]), "context": ctx})
                i = j + 1
                continue
            if words[i][:1].isalpha():
                if tags[i][2:] in ("LOC", "ORG"):
                    po_tok += 1
                    po_red += covered[i]
                    if covered[i]:
                        errors.append({"kind": "place/org", "words": words[i], "context": ctx})
                elif tags[i] == "O":
                    o_tok += 1
                    o_red += covered[i]
                    if covered[i]:
                        errors.append({"kind": "ordinary", "words": words[i], "context": ctx})
            i += 1
    return {"people": people, "hidden": hidden / max(people, 1), "placeorg": po_red / max(po_tok, 1),
            "ordinary": o_red / max(o_tok, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("models", type=Path, help="folder written by train_ner.py --dev --out")
    ap.add_argument("--errors", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:  # symbolic links only, no text
        os.environ["TESTIMONY_RESOURCES"] = str(resources_with(args.models, Path(d)))
        from tools.train_ner import WIKIGOLD_DEV, read_iob2, read_wikigold

        ewt = read_iob2(args.data / "UNER_English-EWT" / "en_ewt-ud-test.iob2")
        _train, wg = read_wikigold(args.data / "wikigold" / "wikigold.conll.txt")
        errors: dict[str, list[dict]] = {}
        for name, sents in (("EWT test", ewt), (f"wikigold first {WIKIGOLD_DEV}", wg)):
            errors[name] = []
            f = score(sents, errors[name])
            print(f"{name:<20} people {f['people']:>4}  wholly hidden {f['hidden']:.3f}  place/org words "
                  f"redacted {f['placeorg']:.3f}  ordinary words redacted {f['ordinary']:.4f}")
    if args.errors:
        args.errors.write_text(json.dumps(errors, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
