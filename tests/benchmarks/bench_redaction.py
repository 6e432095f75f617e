"""Benchmark: redact a 10,000-word narrative and print the time.

Runs as a plain pytest test (prints figures, no timing assertion):
    .venv/bin/pytest tests/benchmarks/bench_redaction.py -s
or directly: .venv/bin/python tests/benchmarks/bench_redaction.py
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.redaction import Redactor  # noqa: E402

DATA = ROOT / "tests" / "data" / "redaction"


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
    text, known = build_narrative()
    r = Redactor(known=known, places=["Baba Amr", "Douma"])
    r.redact(text[:2000])  # warm-up: word lists loaded once per process
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        res = r.redact(text)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"words": len(text.split()), "chars": len(text), "spans": len(res.spans),
            "best_s": min(times), "median_s": sorted(times)[len(times) // 2], "cpu_best_s": min(cpu)}


def test_benchmark_redaction_10k_words():
    smoke = os.environ.get("BENCH_SCALE", "").lower() == "smoke"
    fig = run(repeats=1) if smoke else run()
    print(f"\nredaction benchmark: {fig['words']} words ({fig['chars']} chars), {fig['spans']} spans, "
          f"wall best {fig['best_s'] * 1000:.0f} ms, median {fig['median_s'] * 1000:.0f} ms, "
          f"CPU best {fig['cpu_best_s'] * 1000:.0f} ms")


if __name__ == "__main__":
    test_benchmark_redaction_10k_words()
