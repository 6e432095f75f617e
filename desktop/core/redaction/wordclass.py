"""English word classes and capitalisation shares learnt from unlabelled text
(``tools/word_clusters.py``, see docs/model-card-ner.md): features of the
English name model."""
from __future__ import annotations

import gzip
from pathlib import Path

from ..paths import ResourcesMissing


class WordClasses:
    """Distributional classes of word forms and how often a word is capitalised
    inside a sentence, learnt from unlabelled English text
    (``tools/word_clusters.py``): what tells an unseen name from other words."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise ResourcesMissing(f"this installation of Testimony is incomplete: missing {path}; reinstall it")
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        lines = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
        self.coarse = lines[2].split(" ")
        # plain string dicts built at C speed: the model loads in well under a second
        self.cls = dict(zip(lines[0].split(" "), lines[1].split(" "), strict=True))
        self.cap = dict(zip(lines[3].split(" "), lines[4].split(" "), strict=True))

    def features(self, w: str, lw: str) -> tuple[list[str], str]:
        """(features of the word, its coarse class for its neighbours)."""
        c = self.cls.get(w) or self.cls.get(lw) or self.cls.get(lw.capitalize())
        r = self.cap.get(lw)
        k = self.coarse[int(c)] if c else "none"
        f = ["wc=" + c, "wk=" + k] if c else ["wc=none"]
        if r:
            share, n = r.split("|")
            f.append("cr=" + share + "|" + str(min(int(n) // 3, 5)))
            f.append("cr=" + share)
        else:
            f.append("cr=none")
        return f, k
