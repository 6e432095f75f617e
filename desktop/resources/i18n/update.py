"""Refresh the Arabic translation with Qt's tools.

    .venv/bin/python desktop/resources/i18n/update.py

1. pyside6-lupdate collects every self.tr()/translate() string of desktop/ui
   into testimony_ar.ts (kept in git: translators may edit it in Qt Linguist);
2. translations from ar.json (source text -> Arabic) fill unfinished entries;
3. pyside6-lrelease compiles testimony_ar.qm, which the app loads.
Prints the strings that still lack a translation.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BIN = Path(sys.executable).parent
TS = HERE / "testimony_ar.ts"
QM = HERE / "testimony_ar.qm"


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)),
                    "-target-language", "ar", "-no-obsolete", "-locations", "none"], cwd=ROOT, check=True)
    table = json.loads((HERE / "ar.json").read_text(encoding="utf-8"))
    # Our own catalogue, just written by pyside6-lupdate above: not untrusted input.
    tree = ET.parse(TS)  # noqa: S314
    missing = []
    for msg in tree.iter("message"):
        source, tr = msg.find("source"), msg.find("translation")
        if source is None or tr is None:  # lupdate writes both in every message
            continue
        src = source.text or ""
        if src in table:
            tr.text = table[src]
            tr.attrib.pop("type", None)
        elif not (tr.text or "").strip():
            missing.append(src)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for m in missing:
        print("untranslated:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
