"""The analyst's desk walked with real key presses and mouse clicks (xdotool), with
screenshots, in English and Arabic; and the report draft's pages.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/screenshots/take_desk_screenshots.py

Uses a throwaway analyst vault with the fictional demo interviews, the second
account of the demo's killing and 60 generated testimonies. The passphrase is
typed into the unlock screen, Ctrl+3 opens the desk, and every step after that
is a click on the widget a person would click (tabs, Find suggestions, the
suggestion, File as one incident, Same person, the level, Set level): the
demo's killing is filed as one incident, its victim confirmed, a corroboration
level set. Exits 1 if a click did not do what it says. Then picks a quotation,
writes the report draft as PDF and renders its pages to PNG with pdftoppm
(Debian poppler-utils), as a reader would see them. Writes
docs/screenshots/<lang>-4x-desk-*.png and docs/screenshots/report-<lang>-<page>.png.
Needs Debian's xdotool.
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

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QListWidget, QTabWidget, QWidget  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "screenshots"))
from take_screenshots import settle, shot, wait_for  # noqa: E402


def prepare(path: Path):
    from desktop.core import cards
    from desktop.core.crypto import FLOOR
    from desktop.core.desk import sample

    vault, _code, _card = cards.init_hq(path, "desk screenshots passphrase", "Syria desk (fictional)", kdf=FLOOR)
    sample.fill(vault, 60)
    return vault


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)
    settle(250)  # the window handles the events the X server queued


def click(widget: QWidget, at: QPoint | None = None) -> None:
    """A left click where a person would click: the widget's centre, or ``at`` inside it."""
    p = widget.mapToGlobal(at if at is not None else widget.rect().center())
    xdo("mousemove", str(p.x()), str(p.y()), "click", "1")


def click_tab(tabs: QTabWidget, page: QWidget) -> None:
    bar = tabs.tabBar()
    click(bar, bar.tabRect(tabs.indexOf(page)).center())


def click_row(items: QListWidget, row: int) -> None:
    item = items.item(row)
    items.scrollToItem(item)
    settle(100)
    click(items.viewport(), items.visualItemRect(item).topLeft() + QPoint(40, 6))


def check(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"FAILED: {what}")
    print("ok:", what)


def run(lang: str) -> None:
    from desktop.core.services import desk
    from desktop.ui.analyst.window import AnalystScreen
    from desktop.ui.app import ShellWindow, _make_app

    app, translations = _make_app(lang)
    vault = prepare(TMP / lang / "hq")
    path = vault.path
    vault.lock()
    window = ShellWindow(path, translations)
    window.show()
    settle(800)
    xdo("windowfocus", "--sync", str(int(window.winId())))
    xdo("type", "--delay", "20", "desk screenshots passphrase")
    xdo("key", "Return")
    wait_for(lambda: isinstance(window.main, AnalystScreen), 60)
    main = window.main
    vault = window.session.vault
    settle(500)
    xdo("key", "ctrl+3")
    check(main.home.currentWidget() is main.desk, "Ctrl+3 opens the desk")
    page = main.desk.suggestions
    click_tab(main.desk.tabs, page)
    check(main.desk.tabs.currentWidget() is page, "a click on Suggestions opens that tab")
    click(page.find_button)
    wait_for(lambda: page.result is not None, 120)
    settle()
    d = desk.load(vault)
    eyewitness = next(a for a in d.acts if a.form_id == "eyewitness_force" and a.victims)
    n = next(i for i, p in enumerate(page.result.incidents) if eyewitness.key in {a.key for a in p.acts})
    row = next(r for r in range(page.incidents.count()) if page.incidents.item(r).data(Qt.ItemDataRole.UserRole) == n)
    click_row(page.incidents, row)
    check(page.incidents.currentRow() == row, "a click chooses the suggested incident")
    shot(window, lang, "40-desk-suggested-incidents")
    click(page._buttons[page.incidents][0])
    check(len(desk.load(vault).incidents) == 1, "File as one incident files it")
    pn = next(i for i, s in enumerate(page.result.people) if eyewitness.record_id in (s.a.record_id, s.b.record_id))
    click_tab(page.tabs, page.people.parentWidget())
    row = next(r for r in range(page.people.count()) if page.people.item(r).data(Qt.ItemDataRole.UserRole) == pn)
    click_row(page.people, row)
    check(page.people.currentRow() == row, "a click chooses the suggested same victim")
    shot(window, lang, "41-desk-suggested-same-victim")
    click(page._buttons[page.people][0])
    check(len(set(desk.load(vault).confirmed.values())) == 1, "Same person confirms one person")
    inc = main.desk.incidents
    click_tab(main.desk.tabs, inc)
    inc.level.setFocus()
    xdo("key", "Home", "Down", "Down", "Down")  # "corroborated", chosen at the keyboard
    click(inc.note)
    xdo("type", "--delay", "5", "Two independent accounts agree on the day and place.")
    click(inc.save_level)
    level = desk.load(vault).incidents[0]["corroboration"]
    check(level == "corroborated", f"Set level stores '{level}'")
    if lang == "ar":  # the note as an Arabic-speaking analyst writes it (xdotool types Latin keys only)
        inc.note.setText("روايتان مستقلتان (شاهد عيان وشقيق الضحية) تتفقان على اليوم والمكان وموقع مطلق النار.")
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
