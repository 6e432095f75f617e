"""tools/word_clusters.py --exclude-sentences: the lines of the unlabelled text
that hold a held-out sentence are found whatever the tokenisation."""
from __future__ import annotations

from pathlib import Path

from desktop.core.redaction.normalize import norm
from tools.word_clusters import HeldOut

IOB2 = """# text = He didn't cannot say, "Smith [sic] left Paris in 1999."
1\tHe\tO
2\tdid\tO
3\tn't\tO
4\tcan\tO
5\tnot\tO
6\tsay\tO
7\t,\tO
8\tSmith\tB-PER
9\tleft\tO
10\tParis\tB-LOC
11\tin\tO
12\t1999\tO
13\t.\tO

1\tToo\tO
2\tshort\tO
3\tto\tO
4\tcount\tO
5\t.\tO
"""


def test_held_out_lines(tmp_path: Path):
    f = tmp_path / "held.iob2"
    f.write_text(IOB2, encoding="utf-8")
    ho = HeldOut([f])
    assert len(ho) == 1  # sentences of 8 words or more only
    # verbatim, tokenised differently
    assert ho.found(norm("Before that. He didn't cannot say, Smith left Paris in 1999. After.")) == {0}
    # edited copy: a run of 8 words in common
    assert ho.found(norm("They can not say, Smith left Paris in 1999, they say.")) == {0}
    # the sentence's letters inside a word are not a copy; fewer than 8 words in common are not either
    assert not ho.found(norm("Xhe didn't cannot say, Smith left Paris in 1999."))
    assert not ho.found(norm("Too short to count, this line is kept."))
