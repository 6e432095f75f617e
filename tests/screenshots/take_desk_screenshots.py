"""Screenshots of the analyst's desk and of the report draft's pages, in English and Arabic.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/take_desk_screenshots.py

Uses a throwaway analyst vault with the fictional demo interviews, the second
account of the demo's killing and 60 generated testimonies; files that killing
as one incident, confirms its victim, picks a quotation, then writes the report
draft as PDF and renders its pages to PNG with pdftoppm (Debian poppler-utils),
as a reader would see them. Writes docs/screenshots/<lang>-4x-desk-*.png and
docs/screenshots/report-<lang>-<page>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="testimony-desk-shots-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(TMP / var.lower())
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"
OUT = ROOT / "docs" / "screenshots"

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "screenshots"))
from take_screenshots import settle, shot, wait_for  # noqa: E402


def prepare(path: Path):
    from desktop.core import cards
    from desktop.core.crypto import FLOOR
    from desktop.core.desk import sample

    vault, _code, _card = cards.init_hq(path, "desk screenshots passphrase", "Syria desk (fictional)", kdf=FLOOR)
    sample.fill(vault, 60)
    return vault


def run(lang: str) -> None:
    from desktop.core.services import desk
    from desktop.ui.app import ShellWindow, _make_app

    app, translations = _make_app(lang)
    vault = prepare(TMP / lang / "hq")
    window = ShellWindow(vault.path, translations)
    window.resize(1180, 760)
    window.show()
    window.open_session(vault)
    main = window.main
    main.show_desk()
    page = main.desk.suggestions
    main.desk.tabs.setCurrentWidget(page)
    page.start()
    wait_for(lambda: page.result is not None, 60)
    d = desk.load(vault)
    eyewitness = next(a for a in d.acts if a.form_id == "eyewitness_force" and a.victims)
    n = next(i for i, p in enumerate(page.result.incidents) if eyewitness.key in {a.key for a in p.acts})
    for r in range(page.incidents.count()):
        if page.incidents.item(r).data(Qt.ItemDataRole.UserRole) == n:
            page.incidents.setCurrentRow(r)
    shot(window, lang, "40-desk-suggested-incidents")
    page.accept_incident()
    pn = next(i for i, s in enumerate(page.result.people) if eyewitness.record_id in (s.a.record_id, s.b.record_id))
    page.tabs.setCurrentIndex(1)
    for r in range(page.people.count()):
        if page.people.item(r).data(Qt.ItemDataRole.UserRole) == pn:
            page.people.setCurrentRow(r)
    shot(window, lang, "41-desk-suggested-same-victim")
    page.accept_person()
    inc = main.desk.incidents
    main.desk.tabs.setCurrentWidget(inc)
    inc.level.setCurrentIndex(inc.level.findData("corroborated"))
    inc.note.setText("Two independent accounts (an eyewitness and the victim's brother) agree on the day, place "
                     "and the shooter's position." if lang == "en" else
                     "روايتان مستقلتان (شاهد عيان وشقيق الضحية) تتفقان على اليوم والمكان وموقع مطلق النار.")
    inc.save_level.click()
    companion = next(a for a in d.acts if a.interviewee == "F-311")
    for r in range(inc.sources.count()):
        if inc.sources.item(r).data(Qt.ItemDataRole.UserRole)[0] == companion.record_id:
            inc.sources.setCurrentRow(r)
    cursor = inc.narrative.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(inc.narrative.toPlainText().index(","), cursor.MoveMode.KeepAnchor)
    inc.narrative.setTextCursor(cursor)
    inc.quote_button.click()
    settle()
    shot(window, lang, "42-desk-incident")
    main.desk.tabs.setCurrentWidget(main.desk.people)
    shot(window, lang, "43-desk-people")
    main.show_patterns()
    shot(window, lang, "44-patterns-counted-once")

    out = TMP / lang / "report.pdf"
    iid = desk.load(vault).incidents[0]["id"]
    from desktop.ui.report_pdf import write_pdf

    write_pdf(desk.report_html(vault, [iid], lang), out, lang)
    for old in OUT.glob(f"report-{lang}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(out), str(OUT / f"report-{lang}")], check=True)
    for p in sorted(OUT.glob(f"report-{lang}-*.png")):
        print("wrote", p.relative_to(ROOT))
    window.lock() if hasattr(window, "lock") else None
    del app


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) < 2:
        codes = [subprocess.call([sys.executable, __file__, lang]) for lang in ("en", "ar")]
        shutil.rmtree(TMP, ignore_errors=True)
        return max(codes)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        run(sys.argv[1])
    finally:
        from desktop.ui.base import workers

        workers.wait_all()
        shutil.rmtree(TMP, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
