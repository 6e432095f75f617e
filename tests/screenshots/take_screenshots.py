"""Screenshots of every screen, in English and Arabic, in a real window.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/take_screenshots.py

Writes docs/screenshots/<lang>-<screen>.png (or to $TESTIMONY_SHOTS_OUT, e.g. to look
at a 1366x768 screen: -screen 0 1366x768x24). Windows open at the size the app
chooses for the screen. Uses a throwaway vault with the fictional demo
interviews, in a temporary folder that is wiped at the end.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="testimony-shots-"))
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(TMP / var.lower())
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"
OUT = Path(os.environ.get("TESTIMONY_SHOTS_OUT") or ROOT / "docs" / "screenshots")


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
    print("wrote", path)


def run(lang: str) -> None:
    from desktop.core.vault import Vault
    from desktop.ui.app import ShellWindow, _make_app
    from desktop.ui.base.forms import FormCatalog
    from desktop.ui.demo import DEMO_PASSPHRASE, create_demo_vault

    _app, translations = _make_app(lang)
    base = TMP / lang
    # first run
    window = ShellWindow(base / "new-vault", translations)
    window.show()
    screen = window.current
    wait_for(lambda: screen.kdf is not None)
    screen.pass1.setText("river lantern quietly orange")
    screen.pass2.setText("river lantern quietly orange")
    shot(window, lang, "01-first-run")
    screen.role_hq.setChecked(True)
    screen.org.setText("Headquarters" if lang == "en" else "المقر")
    shot(window, lang, "18-first-run-headquarters")
    screen.role_field.setChecked(True)
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
    catalog = FormCatalog()
    create_demo_vault(demo, catalog).lock()
    window = ShellWindow(demo, translations, demo=True, forms=catalog)
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
    casualties = next(i for i, p in enumerate(view.pages) if p.section.id == "casualties")
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
    # show a narrative with its redaction (pseudonyms, and the Redaction column saying how)
    marked = [rv.answers.topLevelItem(i).child(j) for i in range(rv.answers.topLevelItemCount())
              for j in range(rv.answers.topLevelItem(i).childCount())
              if "[PERSON-" in rv.answers.topLevelItem(i).child(j).text(1)]
    if marked:
        rv.answers.scrollToItem(marked[0], rv.answers.ScrollHint.PositionAtTop)
        rv.answers.setCurrentItem(marked[0])
    shot(window, lang, "10-record-masked")
    rv.reveal()
    shot(window, lang, "11-record-revealed")
    rv.hide_identities()
    rv.tabs.setCurrentIndex(1)
    rv.att_table.setCurrentCell(0, 0)
    wait_for(lambda: rv.preview.pixmap() is not None and not rv.preview.pixmap().isNull(), 10)
    shot(window, lang, "12-record-attachments")
    rv.show_cleaning_report()
    shot(rv.report_dialog, lang, "32-cleaning-report")
    rv.report_dialog.reject()
    rv.save_copy()
    shot(rv.save_dialog, lang, "33-save-a-copy")
    rv.save_dialog.reject()
    faces(lang, main, window)
    rv = main.record_view  # the face review opened the record again (a new revision)
    rv.tabs.setCurrentWidget(rv.custody)
    shot(window, lang, "13-record-custody")
    if rv.redaction_panel is not None:
        rv.tabs.setCurrentWidget(rv.redaction_panel)
        rv.redaction_panel.detect()
        shot(window, lang, "14-redaction-review")
    if rv.review_overview is not None:
        ov = rv.review_overview
        rv.tabs.setCurrentWidget(ov)
        ov.start()
        wait_for(lambda: ov.task is None and bool(ov.answers), 60)
        row = next((r for r, a in enumerate(ov.answers) if len(a.findings) > 1), 0)
        ov.select(row, 0)
        ov.decide("reject")
        settle()
        shot(window, lang, "35-review-overview")

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
        headquarters(lang, base, window)
    window.lock()
    window.close()
    Vault.wipe(demo)


def faces(lang: str, main, window) -> None:
    """The face review on a public-domain portrait (tests/data/media/faces)."""
    from PySide6.QtCore import QRectF, Qt

    src = TMP / lang / "portrait.jpg"
    src.write_bytes((ROOT / "tests" / "data" / "media" / "faces" / "astronaut.jpg").read_bytes())
    att = main.vault.import_attachment(src)
    rid = main.record_view.record_id
    rec = main.vault.get_record(rid, reveal=True)
    main.vault.revise_record(rid, rec.public, rec.identity or {}, attachment_ids=[a.id for a in rec.attachments]
                             + [att.id])
    main.open_record(rid)
    rv = main.record_view
    rv.tabs.setCurrentIndex(1)
    rv.att_table.setCurrentCell(len(rv.record.attachments) - 1, 0)
    rv.review_faces()
    dlg = rv.face_dialog
    found: list[int] = []
    dlg.faces_found.connect(found.append)
    wait_for(lambda: bool(found), 60)
    dlg.add_box(QRectF(10, 196, 40, 40))  # one added by hand
    dlg.boxes()[0].setSelected(True)
    dlg.view.fitInView(dlg.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    shot(dlg, lang, "34-face-review")
    dlg.reject()
    video_faces(lang, main)


def video_faces(lang: str, main) -> None:
    """The face review of a video: sample frames with what the detector found, a box drawn by hand."""
    from PySide6.QtCore import QRectF, Qt

    from tests.media_kit import face_video

    att = main.vault.import_attachment(face_video(TMP / lang / "march.mp4"))
    rid = main.record_view.record_id
    rec = main.vault.get_record(rid, reveal=True)
    main.vault.revise_record(rid, rec.public, rec.identity or {}, attachment_ids=[a.id for a in rec.attachments]
                             + [att.id])
    main.open_record(rid)
    rv = main.record_view
    rv.tabs.setCurrentIndex(1)
    rv.att_table.setCurrentCell(len(rv.record.attachments) - 1, 0)
    rv.review_faces()
    dlg = rv.face_dialog
    found: list[int] = []
    dlg.faces_found.connect(found.append)
    wait_for(lambda: bool(found), 120)
    dlg.show_sample(2)
    dlg.add_box(QRectF(278, 198, 34, 34))  # drawn by hand: filled in every frame
    dlg.view.fitInView(dlg.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    shot(dlg, lang, "35-video-face-review")
    dlg.reject()


def _choose(combo, value) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def headquarters(lang: str, base: Path, field_window) -> None:
    """The analyst side, fed by a bundle from the demo laptop; then the field's handover."""
    import json

    from desktop.core import bundle, cards
    from desktop.core.crypto import FLOOR
    from desktop.core.records import export_view, save_new_record
    from desktop.core.vault import Vault
    from desktop.ui.app import ShellWindow
    translations = field_window.translations
    forms = field_window.forms
    field = field_window.main
    hq_path = base / "hq"
    hq, _code, card = cards.init_hq(hq_path, "headquarters passphrase long enough",
                                    "Headquarters (demo)", kdf=FLOOR)
    card_file = base / "card.json"
    cards.write_card(card, card_file)
    field.recipients()
    dlg = field.recipients_dialog
    dlg.load_card(card_file)
    shot(dlg, lang, "19-trusted-recipients")
    dlg.matches.setChecked(True)
    dlg.confirm()
    dlg.reject()
    # review before sealing: the export lists what nobody reviewed and asks (nothing is written)
    field.export()
    field.export_dialog.out.setText(str(base / "not-written.tstm"))
    field.export_dialog.start()
    wait_for(lambda: not field.export_dialog.review_box.isHidden())
    shot(field.export_dialog, lang, "37-export-asks")
    field.export_dialog.reject()
    vault = field.vault
    vault.set_meta("researcher_code", "R-07")
    for p in sorted((ROOT / "tests" / "data" / "forms" / "examples").glob("*.json")):
        doc = json.loads(p.read_text(encoding="utf-8"))
        save_new_record(vault, forms.get(doc["form"], doc["version"]), doc["answers"])
    out = base / "from-the-field.tstm"
    # fictional interviews, sent with automatic redaction by choice (the manifest says so)
    bundle.export_bundle(vault, card.fingerprint, out, export_view, unreviewed=[r.id for r in vault.list_records()])

    window = ShellWindow(hq_path, translations, forms=forms)
    window.show()
    window.open_session(hq)
    main = window.main
    main.import_bundle()
    imp = main.import_dialog
    imp.path.setText(str(out))
    imp.start()
    wait_for(lambda: imp.refusal is not None)
    shot(imp, lang, "20-hq-import-new-device")
    imp.accept_device()
    wait_for(lambda: imp.report is not None)
    shot(imp, lang, "21-hq-import-report")
    imp.reject()
    main.show_list()
    shot(window, lang, "22-hq-testimonies")
    tv = main.testimonies
    _choose(tv.violation_filter, "killing")
    ids = [r.id for r in tv.model.rows][:2]
    tv.select_ids(ids)
    tv.link_selected("same_incident")
    tv.select_ids(ids)
    shot(window, lang, "23-hq-testimonies-filtered-linked")
    main.open_record(ids[0])
    main.record_view.tabs.setCurrentWidget(main.record_view.origins)
    shot(window, lang, "24-hq-record-origin")
    main.show_patterns()
    for i, name in enumerate(("25-hq-victims-by-month", "26-hq-victims-by-neighbourhood",
                              "27-hq-violations-by-perpetrator", "28-hq-incidents")):
        main.patterns.tabs.setCurrentIndex(i)
        shot(window, lang, name)
    main.receipts()
    receipt = base / "receipt.json"
    main.receipt_dialog.write(main.receipt_dialog.selected_bundle(), receipt)
    shot(main.receipt_dialog, lang, "29-hq-receipt")
    main.receipt_dialog.reject()
    main.show_card()
    shot(main.card_dialog, lang, "30-hq-recipient-card")
    main.card_dialog.reject()
    window.lock()
    window.close()
    Vault.wipe(hq_path)

    field.handover()
    hd = field.handover_dialog
    hd.load_receipt(receipt)
    hd.ask_handover()
    shot(hd, lang, "31-receipts-handover")
    hd.reject()


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
