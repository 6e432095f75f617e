"""A researcher's day walked with real key presses and mouse clicks (xdotool), with
screenshots: first run, a whole eyewitness interview at the keyboard, export, the
import at headquarters of a bundle from a device not seen before, and then of a second
bundle from the same device naming a changed researcher code (warned, ticked, two clicks).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/screenshots/walk_interview.py en
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/walk_interview.py ar

Set from code, as a courier and the Settings would: the headquarters card trusted, the
researcher code, and the second bundle (made between the windows). Nothing else is set
from code once the windows are open: the passphrase and recovery code
are typed, the interview type is chosen with Return, every question is reached with
Tab and answered from the keyboard (letters, digits, arrow keys, Space), the next
section with Return on the focused Next, the interview saved with Ctrl+S; export and
import are clicked with the mouse. At every section the script checks that Discard,
Back, Next and Save are inside the screen. Exits 1 if a key or click did not do what
it says. Screenshots of the whole screen go to $TESTIMONY_SHOTS_OUT (default: a
temporary folder, printed). Needs Debian's xdotool, setxkbmap (x11-xkb-utils) and a throwaway X server (Xvfb).
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
TMP = Path(tempfile.mkdtemp(prefix="testimony-walk-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(TMP / var.lower())
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton, QStyle, QStyleOptionButton, QWidget  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "screenshots"))
from take_screenshots import settle, wait_for  # noqa: E402

PASSPHRASE = "river lantern quietly orange"
HQ_PASSPHRASE = "headquarters lantern quietly river"
# what the researcher types into the questions the form requires (and a few more)
TYPED = {
    "en": {"interviewee_code": "W-201", "witness_position": "On the steps of the bakery, facing the square.",
           "event_route": "From the mosque to the square.", "interpreter_code": "I-1",
           "forces_description": "Men in dark uniforms, two armoured cars."},
    # typed as an Arabic-speaking researcher types them: with the Arabic keyboard layout
    # (type_text switches the X server's layout to "ara" for Arabic text)
    "ar": {"interviewee_code": "W-201", "witness_position": "على درج الفرن، مقابل الساحة.",
           "event_route": "من الجامع إلى الساحة.", "interpreter_code": "I-1",
           "forces_description": "رجال بزي داكن وعربتان مصفحتان."},
}
SAID = {"en": "As the witness said it.", "ar": "كما قالها الشاهد."}
DATES = {"event_date": "20120518", "act_date": "20120518"}
OUT = Path(os.environ.get("TESTIMONY_SHOTS_OUT") or TMP / "shots")
steps = 0


def xdo(*args: str, wait: int = 60) -> None:
    global steps
    steps += 1
    subprocess.run(["xdotool", *args], check=True)
    settle(wait)  # the window handles the events the X server queued


def key(*names: str) -> None:
    xdo("key", "--delay", "15", *names)


def type_text(text: str) -> None:
    """Type as a person does: Arabic text on the Arabic keyboard layout, the rest on the US one
    (xdotool's own remapping of letters missing from the layout does not reach Qt's keymap)."""
    arabic = any("\u0600" <= ch <= "\u06ff" for ch in text)
    if arabic:
        subprocess.run(["setxkbmap", "-layout", "ara"], check=True)
    try:
        xdo("type", "--delay", "15", text, wait=120)
    finally:
        if arabic:
            subprocess.run(["setxkbmap", "-layout", "us"], check=True)


def click(widget: QWidget) -> None:
    p = widget.mapToGlobal(widget.rect().center())
    if isinstance(widget, QCheckBox):  # on its box, which sits at the right in Arabic
        opt = QStyleOptionButton()
        widget.initStyleOption(opt)
        r = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, widget)
        p = widget.mapToGlobal(r.center())
    xdo("mousemove", str(p.x()), str(p.y()), "click", "1", wait=200)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def check(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"FAILED: {what}")
    print("ok:", what)


def screen_shot(lang: str, name: str) -> None:
    settle(300)
    screen = QGuiApplication.primaryScreen()
    path = OUT / f"{lang}-{screen.size().width()}x{screen.size().height()}-{name}.png"
    screen.grabWindow(0).save(str(path))
    print("wrote", path)


def on_screen(widget: QWidget) -> bool:
    area = QGuiApplication.primaryScreen().geometry()
    corner = widget.mapToGlobal(widget.rect().bottomRight())
    return widget.isVisible() and area.contains(widget.mapToGlobal(QPoint(0, 0))) and area.contains(corner)


def row_of(widget: QWidget | None):
    from desktop.ui.fields import FieldRow

    while widget is not None and not isinstance(widget, FieldRow):
        widget = widget.parentWidget()
    return widget


# ---------------------------------------------------------------- first run


def first_run(lang: str, translations, path: Path):
    from desktop.ui.app import ShellWindow

    window = ShellWindow(path, translations)
    window.show()
    window.activateWindow()
    screen = window.current
    wait_for(lambda: focused() is screen.pass1)
    check(True, "first run: the cursor is in the passphrase field")
    type_text(PASSPHRASE)
    key("Tab")
    type_text(PASSPHRASE)
    wait_for(lambda: screen.create_button.isEnabled())
    screen_shot(lang, "01-first-run")
    click(screen.create_button)
    wait_for(lambda: screen.stack.currentIndex() == 1, timeout=60)
    code = screen.code_label.text()
    screen_shot(lang, "02-recovery-code")
    check(focused() is screen.kept, "the recovery page starts on 'I have written it down'")
    key("space")
    key("Tab")
    check(focused() is screen.next_button, "Tab reaches Continue")
    key("Return")
    check(screen.stack.currentIndex() == 2, "Enter on the focused Continue goes on")
    type_text(code)
    key("Return")
    wait_for(lambda: window.main is not None)
    check(True, "the vault opens after the code is typed back")
    return window


# ---------------------------------------------------------------- the interview


def answer(lang: str, row) -> None:
    """Answer the focused question from the keyboard, as a person would."""
    from desktop.ui.fields import (
        ApproxDateEditor, ChoiceButtons, IntegerEditor, LocationEditor, NarrativeEditor, SelectMultipleEditor,
        SelectOneEditor, TextEditor,
    )

    editor, fid = row.editor, row.field.id
    if isinstance(editor, ChoiceButtons):
        key("space")  # yes, or agrees
    elif isinstance(editor, SelectOneEditor):
        key("Down")
    elif isinstance(editor, SelectMultipleEditor):
        key("space")
    elif isinstance(editor, ApproxDateEditor):
        for _ in range(8):
            if editor.precision.currentData() == "day":
                break
            key("Down")
        key("Tab")
        type_text(DATES.get(fid, "20120518"))
    elif isinstance(editor, LocationEditor):
        key("Down")  # the first place of the gazetteer
    elif isinstance(editor, IntegerEditor):
        type_text("3")
    elif isinstance(editor, NarrativeEditor | TextEditor):
        text = TYPED[lang].get(fid, "R-07" if fid == "researcher_code" else SAID[lang])
        type_text(text)
        check(editor.value() == text, f"{fid}: typed words arrived")


def interview(lang: str, window) -> str:
    main = window.main
    check(focused() is main.list_view.table, "after unlocking, the keyboard is in the interviews list")
    key("ctrl+n")
    view = main.interview
    wait_for(lambda: focused() is view.types)
    screen_shot(lang, "06-new-interview-type")
    key("Return")  # the first type: an eyewitness of force
    wait_for(lambda: view.form is not None)
    check(view.form.id == "eyewitness_force", "Return on the type list starts the first type")
    attempts: dict[int, int] = {}
    shot_taken: set[str] = set()
    shots = {"interview": "07-interview-keyboard", "event": "08-interview-event",
             "casualties": "09-interview-casualties", "acts_section": "10-interview-act"}
    seen_sections: set[str] = set()
    added: set[int] = set()
    for _ in range(900):
        page = view.pages[view.section_index]
        sid = page.section.id
        if sid not in seen_sections:
            seen_sections.add(sid)
            for b in (view.discard_button, view.back_button, view.next_button, view.finish_button):
                check(on_screen(b), f"{sid}: '{b.text()}' is on the screen")
        w = focused()
        if w is view.next_button:
            if sid in shots and sid not in shot_taken:
                shot_taken.add(sid)
                screen_shot(lang, shots[sid])
            key("Return")
            continue
        if w in (view.finish_button, view.back_button, view.discard_button) or (
                w is not None and not view.isAncestorOf(w)):
            if not view.next_button.isEnabled():
                break  # the last section is done
            key("Tab")
            continue
        row = row_of(w)
        if isinstance(w, QPushButton) and row is not None and w is getattr(row.editor, "add_button", None):
            if id(row.editor) not in added and row.editor.value() is None and row.field.id in ("acts", "casualties",
                                                                                                 "act_victims"):
                added.add(id(row.editor))
                key("Return")  # adds an entry and puts the cursor in its first question
                continue
            key("Tab")
            continue
        if row is not None and attempts.get(id(row), 0) < 2:
            wanted = row.field.required or row.field.id in TYPED[lang]
            if wanted and row.editor.value() is None:
                attempts[id(row)] = attempts.get(id(row), 0) + 1
                answer(lang, row)
        key("Tab")
    screen_shot(lang, "11-interview-last-section")
    before = window.session.vault.count_records()
    key("ctrl+s")
    wait_for(lambda: window.main.interview is None or view.summary.text(), timeout=30)
    if window.main.interview is not None:
        screen_shot(lang, "12-interview-refused")
        raise SystemExit(f"FAILED: Ctrl+S did not save: {view.summary.text()}")
    check(window.session.vault.count_records() == before + 1, "Ctrl+S saved the interview")
    screen_shot(lang, "13-record-saved")
    return window.session.vault.list_records()[0].id


# ---------------------------------------------------------------- export and headquarters


def export(lang: str, window, card_fingerprint: str, out: Path) -> None:
    main = window.main
    key("ctrl+e")
    wait_for(lambda: getattr(main, "export_dialog", None) is not None and main.export_dialog.isVisible())
    dlg = main.export_dialog
    combo: QComboBox = dlg.recipient
    combo.setFocus()
    for _ in range(5):
        if combo.currentData() == card_fingerprint:
            break
        key("Down")
    dlg.out.setFocus()
    key("ctrl+a")
    type_text(str(out))
    click(dlg.export_button)
    # nobody reviewed the narratives: the dialog asks first (review now, or automatic redaction only)
    wait_for(lambda: out.exists() or dlg.send_automatic.isVisible(), timeout=60)
    if not out.exists():
        screen_shot(lang, "14-export-asks-review")
        click(dlg.send_automatic)
    wait_for(lambda: out.exists() and dlg.progress.value() == dlg.progress.maximum(), timeout=60)
    check(dlg.progress.value() == dlg.progress.maximum(), "export progress ends at 100 %")
    check(out.suffix == ".tstm", "the bundle is a .tstm file")
    screen_shot(lang, "15-export-done")
    click(dlg.cancel_button)


def headquarters(lang: str, translations, hq_path: Path, bundle: Path, second: Path | None = None) -> None:
    from desktop.ui.app import ShellWindow

    window = ShellWindow(hq_path, translations)
    window.show()
    window.activateWindow()
    un = window.current
    wait_for(lambda: focused() is un.secret)
    type_text(HQ_PASSPHRASE)
    key("Return")
    wait_for(lambda: window.main is not None, timeout=60)
    main = window.main
    key("ctrl+i")
    wait_for(lambda: getattr(main, "import_dialog", None) is not None and main.import_dialog.isVisible())
    dlg = main.import_dialog
    click(dlg.path)
    type_text(str(bundle))
    click(dlg.import_button)  # the path that crashed: a mouse click, a device not seen before
    wait_for(lambda: dlg.device_box.isVisible(), timeout=60)
    screen_shot(lang, "20-hq-import-new-device")
    click(dlg.accept_device_button)
    wait_for(lambda: dlg.report_box.isVisible(), timeout=60)
    check(window.session.vault.count_records() == 1, "the interview arrived at headquarters")
    screen_shot(lang, "21-hq-import-report")
    if second is not None:
        # the same device now names another researcher code: a warning, a tick and two clicks
        click(dlg.path)
        key("ctrl+a")
        type_text(str(second))
        click(dlg.import_button)
        wait_for(lambda: dlg.key_box.isVisible() or dlg.report_box.isVisible()
                 or dlg.message.text().startswith(("Refused", "رُفض", "رفض")), timeout=60)
        check(dlg.key_box.isVisible(), f"headquarters warns before taking the changed code ({dlg.message.text()})")
        check("R-08" in dlg.key_warning.text(), "the warning names the new researcher code")
        screen_shot(lang, "23-hq-changed-researcher-code")
        click(dlg.accept_key_button)  # not ticked yet: nothing happens
        check(dlg.key_box.isVisible() and not dlg.report_box.isVisible(), "no import before the box is ticked")
        click(dlg.key_verified)
        click(dlg.accept_key_button)  # arms
        check(not dlg.report_box.isVisible(), "the first click only arms the acceptance")
        click(dlg.accept_key_button)  # imports
        wait_for(lambda: dlg.report_box.isVisible(), timeout=60)
        check("R-08" in dlg.report_fields["source"].text(), "the report names the new researcher code")
        screen_shot(lang, "24-hq-changed-researcher-code-accepted")
    click(dlg.cancel_button)
    screen_shot(lang, "22-hq-testimonies")
    window.lock()
    window.close()


def run(lang: str) -> None:
    from desktop.core.services import access, exchange, forms_admin
    from desktop.ui.app import _make_app

    OUT.mkdir(parents=True, exist_ok=True)
    _app, translations = _make_app(lang)
    base = TMP / lang
    hq = access.create_vault(base / "hq", HQ_PASSPHRASE, org="Headquarters (walk)")
    assert hq.card is not None
    access.lock(hq.vault)
    window = first_run(lang, translations, base / "field")
    exchange.trust_card(window.session.vault, hq.card.to_json().encode())  # the card a courier brought
    exchange.set_researcher_code(window.session.vault, "R-07")  # as set in Settings
    interview(lang, window)
    bundle = base / "to-headquarters.tstm"
    export(lang, window, hq.card.fingerprint, bundle)
    window.lock()
    window.close()
    # the researcher corrects their researcher code and sends the interview again
    field = access.unlock(base / "field", PASSPHRASE).vault
    exchange.set_researcher_code(field, "R-08")
    second = base / "again.tstm"
    exchange.export(field, hq.card.fingerprint, second, forms_admin.FormRegistry(),
                    record_ids=[r.id for r in field.list_records(limit=10)], send_unreviewed=True)
    access.lock(field)
    headquarters(lang, translations, base / "hq", bundle, second)
    print(f"{lang}: {steps} key presses and clicks")


def main() -> int:
    if len(sys.argv) < 2:  # one process per language: a fresh QApplication for each
        codes = [subprocess.call([sys.executable, __file__, lang]) for lang in ("en", "ar")]
        shutil.rmtree(TMP, ignore_errors=True)
        return max(codes)
    try:
        run(sys.argv[1])
    finally:
        from desktop.ui.base import workers

        workers.wait_all()
        shutil.rmtree(TMP / sys.argv[1], ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
