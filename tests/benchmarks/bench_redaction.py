"""Benchmark: redaction speed, the name model's cost, and how much of real,
independently annotated text the redaction hides.

Runs as plain pytest tests (prints figures, no timing assertion):
    .venv/bin/python -m pytest tests/benchmarks/bench_redaction.py -q -s -p no:cacheprovider
or directly: .venv/bin/python tests/benchmarks/bench_redaction.py

Held-out data (never used for training or tuning, see docs/model-card-ner.md) is
read from ``$TESTIMONY_EVAL_DATA`` (default ``/work/ner-data``):

    UNER_English-PUD/en_pud-ud-test.iob2   Universal NER v1 English PUD (CC BY-SA 3.0), news and
                                           Wikipedia: the English held-out set
    wojood/test.txt                        the Wojood sample (github.com/SinaLab/ArabicNER, data/, MIT):
                                           the Arabic held-out set (train.txt and val.txt are for
                                           training and tuning, see tools/ner_ar.py)
    AQMAR/<article>.txt                    AQMAR Arabic Wikipedia NER (CC BY-SA 3.0); only the
                                           articles in tools/train_ner.AQMAR_TEST are read
    PII-synthetic/pii_syn_nano_en.json     synthetic PII sentences (github.com/Nannigalaxy/
                                           PII-synthetic_dataset, MIT): people wholly hidden

Missing files are reported and skipped.  ``BENCH_SCALE=smoke`` uses the small
committed PUD sample and a few Wojood tuning sentences (tests/data/eval/) and a 2,000-word narrative instead.
"""
from __future__ import annotations

import json
import os
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import phonenumbers  # noqa: E402

from desktop.core.redaction import Redactor  # noqa: E402
from desktop.core.redaction.model import NameModel  # noqa: E402
from tools.ner_ar import read_wojood  # noqa: E402
from tools.train_ner import AQMAR_TEST, read_iob2  # noqa: E402

DATA = ROOT / "tests" / "data" / "redaction"
SAMPLE = ROOT / "tests" / "data" / "eval" / "en_pud_sample.iob2"
AR_SAMPLE = ROOT / "tests" / "data" / "eval" / "ar_wojood_sample.txt"  # see README.md there
SMOKE = os.environ.get("BENCH_SCALE", "").lower() == "smoke"
EVAL = Path(os.environ.get("TESTIMONY_EVAL_DATA", "/work/ner-data"))


def build_narrative(words: int = 10_000) -> tuple[str, list[str]]:
    recs = []
    for f in sorted(DATA.glob("corpus_*.json")):
        recs.extend(json.loads(f.read_text(encoding="utf-8")))
    known = sorted({k for r in recs[:6] for k in r["known"]})
    parts: list[str] = []
    n = 0
    i = 0
    while n < words:
        t = recs[i % len(recs)]["text"]
        parts.append(t)
        n += len(t.split())
        i += 1
    return "\n\n".join(parts), known


def run(repeats: int = 5) -> dict:
    text, known = build_narrative(2_000 if SMOKE else 10_000)
    figs: dict = {"words": len(text.split()), "chars": len(text)}
    for name, use_model in (("lists only (reference)", False), ("with name model", True)):
        r = Redactor(known=known, places=["Baba Amr", "Douma"], use_model=use_model)
        r.redact(text[:2000])  # warm-up: word lists and model loaded once per process
        times, cpu = [], []
        for _ in range(repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            res = r.redact(text)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        figs[name] = {"spans": len(res.spans), "best_s": min(times), "median_s": sorted(times)[len(times) // 2],
                      "cpu_best_s": min(cpu)}
    return figs


def test_benchmark_redaction_10k_words():
    fig = run(repeats=1) if SMOKE else run()
    print(f"\nredaction benchmark: {fig['words']} words ({fig['chars']} chars)")
    for name in ("lists only (reference)", "with name model"):
        f = fig[name]
        print(f"  {name:<24} {f['spans']:>4} spans, wall best {f['best_s'] * 1000:.0f} ms, median "
              f"{f['median_s'] * 1000:.0f} ms, CPU best {f['cpu_best_s'] * 1000:.0f} ms, "
              f"{fig['words'] / f['best_s']:,.0f} words/s")
    ref, mod = fig["lists only (reference)"], fig["with name model"]
    print(f"  model costs x{mod['best_s'] / ref['best_s']:.2f} the list-only time")


def test_model_load_and_memory():
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    m = NameModel()
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    text, _known = build_narrative(2_000 if SMOKE else 10_000)
    m.find(text[:2000])
    c1 = time.process_time()
    m.find(text)
    tag_cpu = time.process_time() - c1
    tracemalloc.start()  # slows Python down: memory only, after the timings
    m.find(text)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = sum(p.stat().st_size for p in (ROOT / "desktop" / "resources" / "models").iterdir())
    print(f"\nname model: load {load * 1000:.0f} ms wall, {load_cpu * 1000:.0f} ms CPU; tagging "
          f"{len(text.split())} words {tag_cpu * 1000:.0f} ms CPU; files {size / 1e6:.1f} MB; Python peak "
          f"while tagging {peak / 1e6:.1f} MB; process peak RSS {max(rss0, rss1) / 1024:.0f} MB")


# ------------------------------------------------------------------ held-out text
def _sentence_text(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    offs = []
    pos = 0
    parts = []
    for w in words:
        offs.append((pos, pos + len(w)))
        parts.append(w)
        pos += len(w) + 1
    return " ".join(parts), offs


# A proclitic (conjunction, preposition) glued to an Arabic name may stay
# visible: "لزهدي" is hidden when "زهدي" is.
AR_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _hidden_word(w: str, a: int, b: int, red: list[tuple[int, int]]) -> bool:
    if any(x <= a and b <= y for x, y in red):
        return True
    if not ("\u0621" <= w[:1] <= "\u064a"):
        return False
    return any(w.startswith(c) and len(w) - len(c) >= 2 and any(x <= a + len(c) and b <= y for x, y in red)
               for c in AR_CLITICS)


def score_corpus(sents, errors: list[dict] | None = None) -> dict:
    """People wholly hidden; place/organisation and ordinary words redacted
    (ratios, and the counts as ``*_n``).  ``errors``: if given, each person missed
    or partly hidden and each word wrongly redacted is appended, with its context
    (tools/ner_dev_eval.py, on the tuning sets only)."""

    def note(kind: str, i: int, j: int) -> None:
        if errors is not None:
            errors.append({"kind": kind, "words": " ".join(words[i:j + 1]),
                           "context": " ".join(words[max(0, i - 6):i + 7])})

    people = hidden = 0
    po_tok = po_red = o_tok = o_red = 0
    for s in sents:
        words = [w for w, _t in s]
        tags = [t for _w, t in s]
        text, offs = _sentence_text(words)
        spans = Redactor().detect(text)
        red = [(sp.start, sp.end) for sp in spans]
        covered = [any(x < b and a < y for x, y in red) for a, b in offs]
        whole = [_hidden_word(w, a, b, red) for w, (a, b) in zip(words, offs, strict=True)]

        i = 0
        while i < len(s):
            if tags[i] == "B-PER":
                j = i
                while j + 1 < len(s) and tags[j + 1] == "I-PER":
                    j += 1
                people += 1
                ok = all(whole[k] for k in range(i, j + 1) if words[k][:1].isalnum())
                hidden += ok
                if not ok:
                    note("partial" if any(covered[i:j + 1]) else "missed", i, j)
                i = j + 1
                continue
            if words[i][:1].isalpha():
                if tags[i][2:] in ("LOC", "ORG"):
                    po_tok += 1
                    po_red += covered[i]
                    if covered[i]:
                        note("place/org", i, i)
                elif tags[i] == "O":
                    o_tok += 1
                    o_red += covered[i]
                    if covered[i]:
                        note("ordinary", i, i)
            i += 1
    return {"people": people, "hidden_n": hidden, "placeorg_red_n": po_red, "ordinary_red_n": o_red,
            "hidden": hidden / max(people, 1), "placeorg_words": po_tok,
            "placeorg_redacted": po_red / max(po_tok, 1), "ordinary_words": o_tok,
            "ordinary_redacted": o_red / max(o_tok, 1)}


def _print(name: str, f: dict, target: float) -> None:
    print(f"  {name:<34} people {f['people']:>4}  wholly hidden {f['hidden']:.3f} = {f['hidden_n']} "
          f"(target >= {target})  place/org words redacted {f['placeorg_redacted']:.3f} = {f['placeorg_red_n']} "
          f"of {f['placeorg_words']}  ordinary words redacted {f['ordinary_redacted']:.4f} = "
          f"{f['ordinary_red_n']} of {f['ordinary_words']}")


def test_held_out_corpora():
    print("\nheld-out annotated text (not trained or tuned on):")
    pud = SAMPLE if SMOKE else EVAL / "UNER_English-PUD" / "en_pud-ud-test.iob2"
    if pud.is_file():
        _print(f"English, UNER PUD{' sample' if SMOKE else ''}", score_corpus(read_iob2(pud)), 0.85)
    else:
        print(f"  English: {pud} not found, skipped")
    wj = AR_SAMPLE if SMOKE else EVAL / "wojood" / "test.txt"
    if wj.is_file():
        name = "Arabic, Wojood val sample (smoke, trained on)" if SMOKE else "Arabic, Wojood test"
        _print(name, score_corpus(read_wojood(wj)), 0.70)
    else:
        print(f"  Arabic: {wj} not found, skipped")
    aq = EVAL / "AQMAR"
    files = [aq / f"{a}.txt" for a in AQMAR_TEST if (aq / f"{a}.txt").is_file()]
    if files and not SMOKE:
        sents = [s for f in files for s in read_iob2(f)]
        _print(f"Arabic, AQMAR ({len(files)} test articles)", score_corpus(sents), 0.70)
    elif not SMOKE:
        print(f"  Arabic: no AQMAR test articles under {aq}, skipped")


def score_pii_records(records: list[dict]) -> dict:
    """Synthetic PII records ``{"text", "NER": [{"entity", "label"}]}``: people
    (label PERSON) whose every word is inside a redacted span."""
    people = hidden = 0
    for r in records:
        text = r["text"]
        red = [(sp.start, sp.end) for sp in Redactor().detect(text)]
        pos = 0
        for e in r["NER"]:
            if e["label"] != "PERSON":
                continue
            a = text.find(e["entity"], pos)
            if a < 0:
                a = text.find(e["entity"])
            if a < 0:
                continue
            people += 1
            words = [(a + m.start(), a + m.end()) for m in re.finditer(r"\w+", e["entity"])]
            words = [(x, y) for x, y in words if text[x:y].lower().rstrip(".") not in ("dr", "mr", "mrs", "ms", "prof")]
            hidden += all(any(s <= x and y <= t for s, t in red) for x, y in words)
            pos = a + len(e["entity"])
    return {"people": people, "hidden": hidden / max(people, 1)}


def test_synthetic_pii():
    f = EVAL / "PII-synthetic" / "pii_syn_nano_en.json"
    if SMOKE or not f.is_file():
        print(f"\nsynthetic PII: {f} not found (or smoke run), skipped")
        return
    r = score_pii_records(json.loads(f.read_text(encoding="utf-8")))
    print(f"\nsynthetic PII (Nannigalaxy/PII-synthetic_dataset, MIT, English): people {r['people']}, "
          f"wholly hidden {r['hidden']:.3f} (target >= 0.80; titles such as Dr. not counted)")


# ------------------------------------------------------------------ phone numbers
PHONE_REGIONS = ("LB", "TR", "JO", "IQ", "SY", "DE", "FR", "GB", "IT", "ES", "NL", "BE", "SE", "US")
FORMATS = {
    "international": lambda n: phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    "e164": lambda n: phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164),
    "00": lambda n: "00" + phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)[1:],
    "national": lambda n: phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL),
}
CONTEXTS = ("You can reach him on {} most evenings.", "Her number was {} before the arrest.",
            "رقم هاتفه {} لكنه لا يرد.", "اتصلنا على {} بعد منتصف الليل.", "{}")
NOT_PHONES = ("The match ended 2-1, then 3-0 and 1-1 in the replay.", "Scores: 12 15 18 21 24 27 30.",
              "Table 3: 1200 1350 1475 1610 1720", "Results 2011-2012: 14-3, 11-5, 9-7.",
              "انتهت المباراة 2-1 ثم 3-0", "الجدول: 120 135 147 161 172 188",
              "Between 1998 and 2004 the population grew from 120,000 to 185,000.")


def phone_examples() -> list[tuple[str, str, str]]:
    out = []
    for region in PHONE_REGIONS:
        for typ in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            n = phonenumbers.example_number_for_type(region, typ)
            if n is None:
                continue
            for fname, f in FORMATS.items():
                out.append((region, fname, f(n)))
    return out


def test_phone_numbers():
    found = total = 0
    by_fmt: dict[str, list[int]] = {}
    misses = []
    for region, fname, num in phone_examples():
        for ctx in CONTEXTS:
            text = ctx.format(num)
            a = text.index(num)
            spans = Redactor().detect(text)
            ok = any(sp.label == "PHONE" and sp.start <= a and a + len(num) <= sp.end for sp in spans)
            total += 1
            found += ok
            by_fmt.setdefault(fname, [0, 0])
            by_fmt[fname][0] += ok
            by_fmt[fname][1] += 1
            if not ok:
                misses.append((region, fname, num))
    taken = [t for t in NOT_PHONES if any(sp.label == "PHONE" for sp in Redactor().detect(t))]
    print(f"\nphone numbers (phonenumbers example numbers, {len(PHONE_REGIONS)} regions, in context): "
          f"{found}/{total} = {found / total:.3f} (target >= 0.85)")
    for fname, (a, b) in by_fmt.items():
        print(f"  {fname:<14} {a}/{b} = {a / b:.3f}")
    print(f"  scores and number tables taken for phones: {len(taken)}/{len(NOT_PHONES)} {taken}")
    print(f"  missed (first 10): {sorted(set(misses))[:10]}")


if __name__ == "__main__":
    test_benchmark_redaction_10k_words()
    test_model_load_and_memory()
    test_held_out_corpora()
    test_synthetic_pii()
    test_phone_numbers()
