"""Drive the review overview with real key presses (xdotool) in a real window.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/drive_review_xdotool.py [en|ar]

Opens a throwaway demo vault, shows an interview's "Review all answers" tab,
runs detection, then lets xdotool type N (next finding), K (keep), R (redact)
and Ctrl+S (save) into the window, as a researcher would. Prints what was
decided and saved, and exits 1 if the keys did not do what they say. In Arabic
(``ar``) the window is in Arabic and the interview opened is one more, saved
with an Arabic account of the route (the demo interviews are in English).
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
os.environ.setdefault("TESTIMONY_KDF_PROFILE", "floor")

from PySide6.QtCore import QTimer  # noqa: E402 - after the path and environment above


def main() -> int:
    from desktop.core.services.redaction import CHANGED, REVIEWED
    from desktop.ui.app import ShellWindow, _make_app
    from desktop.ui.base.forms import FormCatalog
    from desktop.ui.demo import create_demo_vault

    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    tmp = Path(tempfile.mkdtemp(prefix="testimony-xdotool-"))
    app, translations = _make_app(lang)
    catalog = FormCatalog()
    vault = create_demo_vault(tmp / "vault", catalog)
    if lang == "ar":
        import json

        from desktop.core.services import interviews
        from desktop.ui.demo import demo_dir

        answers = json.loads((demo_dir() / "eyewitness_force.json").read_text(encoding="utf-8"))[0]
        answers["event_route"] = ("خرج الموكب من الجامع باتجاه المقبرة. اتصل بي ابن عمي عمر الخطيب من السطح "
                                  "على الرقم 0933 123 456 ليحذرنا، ثم رأيت جارنا سومر قبلاوي يركض نحو الباب.")
        photo = vault.import_attachment(demo_dir() / "sample_photo.png").id
        interviews.submit(vault, catalog.get("eyewitness_force"), answers, attachment_ids=[photo])
    window = ShellWindow(tmp / "vault", translations, demo=True, forms=catalog)
    window.resize(1280, 780)
    window.show()
    window.open_session(vault)
    rid = next(r.id for r in vault.list_records() if r.form_id == "eyewitness_force"
               and vault.get_record(r.id).attachments
               and (lang != "ar" or "سومر" in str(vault.get_record(r.id).public)))
    window.main.open_record(rid)
    view = window.main.record_view
    ov = view.review_overview
    view.tabs.setCurrentWidget(ov)
    result: dict[str, object] = {}

    def keys(*seq: str) -> None:
        wid = str(int(window.winId()))
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=True)
        subprocess.run(["xdotool", "key", "--delay", "120", *seq], check=True)

    def after_detection() -> None:
        ov.findings.setFocus()
        r0, i0 = ov.current
        result["first"] = ov.answers[r0].findings[i0].text
        keys("n")
        QTimer.singleShot(400, step2)

    def step2() -> None:
        result["after_n"] = ov.current
        r, i = ov.current
        result["kept"] = ov.answers[r].findings[i].text
        keys("k")
        QTimer.singleShot(400, step3)

    def step3() -> None:
        r, i = ov.current
        result["redacted"] = ov.answers[r].findings[i].text
        keys("r", "ctrl+s")
        QTimer.singleShot(800, finish)

    def finish() -> None:
        window.grab().save(str(ROOT / "docs" / "screenshots" / f"{lang}-36-review-overview-keys.png"))
        result["locked"] = vault.is_locked
        if not vault.is_locked:
            result["stored"] = vault.get_record(rid).redaction or {}
        app.quit()

    ov.loaded.connect(lambda: QTimer.singleShot(300, after_detection))
    QTimer.singleShot(500, ov.start)
    QTimer.singleShot(60000, app.quit)
    app.exec()
    stored: dict = result.get("stored") or {}  # type: ignore[assignment]
    if result.get("locked"):
        print("the vault locked itself during the run (the window lost focus?)")
    decisions = [d for e in stored.values() if isinstance(e, dict) for d in e.get("decisions", [])]
    kept = [d for d in decisions if d.get("decision") == "reject"]
    reviewed = [a.path for a in ov.answers if a.status == REVIEWED]
    partly = [a.path for a in ov.answers if a.status == CHANGED]
    print(f"first finding selected: {result.get('first')!r}; after N: {result.get('after_n')}")
    print(f"K kept: {result.get('kept')!r}; R redacted: {result.get('redacted')!r}")
    print(f"saved with Ctrl+S: {len(decisions)} decisions, {len(kept)} keep; answers reviewed: {reviewed}, "
          f"partly reviewed: {partly}")
    if not vault.is_locked:
        window.lock()
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    # every finding decided: the answer is reviewed; one left undecided: partly reviewed
    ok = bool(kept) and len(decisions) >= 2 and bool(partly or reviewed) and result.get("after_n") != (0, 0)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
