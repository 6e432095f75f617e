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
    """The benchmark's own scoring (one rule for tuning and held-out figures)."""
    from tests.benchmarks.bench_redaction import score_corpus

    f = score_corpus(sents, errors)
    return {"people": f["people"], "hidden": f["hidden"], "placeorg": f["placeorg_redacted"],
            "ordinary": f["ordinary_redacted"]}


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
