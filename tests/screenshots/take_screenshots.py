"""Screenshots of every screen, in English and Arabic, in a real window.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/take_screenshots.py

Writes docs/screenshots/<lang>-<screen>.png. Uses a throwaway vault with the
fictional demo interviews, in a temporary folder that is wiped at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="testimony-shots-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(TMP / var.lower())
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"
OUT = ROOT / "docs" / "screenshots"

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def _spin(ms: int) -> None:
    # A nested event loop, not processEvents(flags, ms): with Python 3.11 that
    # overload, called in a loop, trips a None refcount bug in shiboken.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(ms: int = 300) -> None:
    """Let layouts and paints finish (the screenshot script may wait; tests do not)."""
    _spin(ms)


def wait_for(cond, timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("screen did not become ready")
        _spin(30)


def shot(widget: QWidget, lang: str, name: str) -> None:
    settle()
    path = OUT / f"{lang}-{name}.png"
    widget.grab().save(str(path))
    print("wrote", path.relative_to(ROOT))


def run(lang: str) -> None:
    from desktop.core.vault import Vault
    from desktop.ui.app import ShellWindow, _make_app
    from desktop.ui.demo import DEMO_PASSPHRASE, create_demo_vault

    app, translations = _make_app(lang)
    base = TMP / lang
    # first run
    window = ShellWindow(base / "new-vault", translations)
    window.resize(1180, 760)
    window.show()
    screen = window.current
    wait_for(lambda: screen.kdf is not None)
    screen.pass1.setText("river lantern quietly orange")
    screen.pass2.setText("river lantern quietly orange")
    shot(window, lang, "01-first-run")
    screen.create_button.click()
    wait_for(lambda: screen.stack.currentIndex() == 1)
    shot(window, lang, "02-recovery-code")
    screen.kept.setChecked(True)
    screen.next_button.click()
    shot(window, lang, "03-recovery-confirm")
    window.close()
    window.deleteLater()

    # the demo vault: unlock, list, interview, record
    demo = base / "demo"
    create_demo_vault(demo).lock()
    window = ShellWindow(demo, translations, demo=True)
    window.resize(1180, 760)
    window.show()
    un = window.current
    un.secret.setText("not the passphrase")
    un.submit()
    wait_for(lambda: un.task is None)
    shot(window, lang, "04-unlock-wrong-passphrase")
    un.secret.setText(DEMO_PASSPHRASE)
    un.submit()
    wait_for(lambda: window.main is not None)
    main = window.main
    main.show_list()
    shot(window, lang, "05-interviews-list")

    main.new_interview()
    shot(window, lang, "06-new-interview-type")
    view = main.interview
    view.choose_type("eyewitness_force")
    view.start_button.click()
    view.next()  # shows the required answers of the first section
    shot(window, lang, "07-interview-checks")
    view.go_to(3)
    view.pages[3].rows[0].editor.set_value("demonstration")
    shot(window, lang, "08-interview-event")
    casualties = [i for i, p in enumerate(view.pages) if p.section.id == "casualties"][0]
    for row in view.pages[casualties].rows:
        if row.field.id == "casualties_seen":
            row.editor.set_value("yes")
    view.go_to(casualties)
    for row in view.pages[casualties].rows:
        if row.field.id == "casualties":
            row.editor.add_entry()
    view.refresh_relevance()
    settle()
    for row in view.pages[casualties].rows:
        if row.field.id == "casualties":
            view.pages[casualties].ensureWidgetVisible(row, 0, 0)
    shot(window, lang, "09-interview-repeat-group")
    view.autosave_timer.stop()
    view.dirty = False
    view.closed.emit("")

    rid = main.vault.list_records(limit=10, form_id="eyewitness_force")[-1].id
    for r in main.vault.list_records(limit=10):
        if main.vault.get_record(r.id).attachments:
            rid = r.id
    main.open_record(rid)
    rv = main.record_view
    shot(window, lang, "10-record-masked")
    rv.reveal()
    shot(window, lang, "11-record-revealed")
    rv.mask()
    rv.tabs.setCurrentIndex(1)
    rv.att_table.setCurrentCell(0, 0)
    wait_for(lambda: rv.preview.pixmap() is not None and not rv.preview.pixmap().isNull(), 10)
    shot(window, lang, "12-record-attachments")
    rv.tabs.setCurrentIndex(3)
    shot(window, lang, "13-record-custody")
    if rv.redaction_panel is not None:
        rv.tabs.setCurrentWidget(rv.redaction_panel)
        rv.redaction_panel.detect()
        shot(window, lang, "14-redaction-review")

    main.settings()
    shot(main.settings_dialog, lang, "15-settings")
    main.settings_dialog.reject()
    main.quick_wipe()
    shot(main.wipe_dialog, lang, "16-quick-wipe")
    main.wipe_dialog.reject()
    if main.act_export is not None:
        main.export()
        shot(main.export_dialog, lang, "17-export")
        main.export_dialog.reject()
    window.lock()
    window.close()
    Vault.wipe(demo)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) < 2:
        # one process per language: a fresh QApplication for each
        import subprocess

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
