"""Attaching phone footage with real clicks (xdotool), with screenshots: a 256 MiB MP4 with
GPS in its tags is added through "Add files..." and the file dialog (the path typed, as a
person types it), encrypted and cleaned by the vault (large files through its encrypting
child process), and listed as cleaned; then a 1 GiB file is added and Cancel is clicked
while it is being encrypted: nothing of it stays in the vault.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/screenshots/walk_footage.py en
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/screenshots/walk_footage.py ar

Exits 1 if a click did not do what it says. Screenshots go to $TESTIMONY_SHOTS_OUT.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import walk_interview as w  # noqa: E402  (sets the throwaway XDG folders and KDF first)

from take_screenshots import settle, wait_for  # noqa: E402

MiB = 1 << 20


def _make_sources(folder: Path) -> tuple[Path, Path]:
    from tests.benchmarks.bench_media import make_video

    video = folder / "phone-footage.mp4"
    make_video(video, 256 * MiB)
    big = folder / "camera-dump.bin"
    with open(big, "wb") as f:  # random-looking, as footage is: nothing for the disk to skip
        block = os.urandom(MiB)
        for i in range(1024):
            f.write(block[i % 97:] + block[:i % 97])
    return video, big


def _add_through_dialog(panel, path: Path, lang: str, shot: str) -> None:
    """Click "Add files...", then type the path into the file dialog and press Return.

    The dialog is modal: it runs its own event loop inside the click, so what is typed
    into it is scheduled by a timer that fires inside that loop once the dialog shows
    (waiting for it in a loop of our own would sit under the dialog's)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    done: list[bool] = []

    def pick() -> None:
        if not any(isinstance(x, QFileDialog) and x.isVisible() for x in QApplication.topLevelWidgets()):
            QTimer.singleShot(100, pick)
            return
        settle(300)
        w.screen_shot(lang, shot)
        w.key("ctrl+a")
        w.type_text(str(path))
        w.key("Return")
        done.append(True)

    QTimer.singleShot(100, pick)
    w.click(panel.add_button)
    wait_for(lambda: bool(done), timeout=60)


def run(lang: str) -> None:
    from desktop.ui.app import _make_app

    folder = w.TMP / lang
    folder.mkdir(parents=True, exist_ok=True)
    video, big = _make_sources(folder)
    w.OUT.mkdir(parents=True, exist_ok=True)
    _app, translations = _make_app(lang)
    window = w.first_run(lang, translations, folder / "vault")
    w.key("ctrl+n")
    view = window.main.interview
    wait_for(lambda: w.focused() is view.types)
    w.key("Return")
    wait_for(lambda: view.form is not None)
    panel = view.attachments
    blobs = window.session.vault.path / "blobs"
    w.check(w.on_screen(panel.add_button), "'Add files' is on the screen")
    _add_through_dialog(panel, video, lang, "f0-file-dialog")
    t = time.perf_counter()
    wait_for(lambda: panel.progress.isVisible(), timeout=30)
    w.screen_shot(lang, "f1-encrypting-footage")
    wait_for(lambda: len(panel.items) == 1 and panel.task is None, timeout=120)
    w.check(panel.items[0].clean_status == "cleaned", f"the footage is cleaned ({time.perf_counter() - t:.1f} s)")
    w.screen_shot(lang, "f2-footage-cleaned")
    _add_through_dialog(panel, big, lang, "f2b-file-dialog")
    wait_for(lambda: panel.progress.isVisible() and panel.progress.value() > 0, timeout=30)
    w.check(w.on_screen(panel.cancel_button), "Cancel is on the screen while it encrypts")
    w.click(panel.cancel_button)
    wait_for(lambda: panel.task is None, timeout=60)
    w.screen_shot(lang, "f3-cancelled")
    w.check(len(panel.items) == 1, "the cancelled file was not attached")
    left = sorted(p.name for p in blobs.iterdir())
    w.check(len(left) == 2 and not any(n.endswith(".part") for n in left),
            f"the vault holds the footage's two blobs and nothing of the cancelled file ({len(left)} files)")
    settle(200)


def main() -> int:
    try:
        run(sys.argv[1] if len(sys.argv) > 1 else "en")
    finally:
        from desktop.ui.base import workers

        workers.wait_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
