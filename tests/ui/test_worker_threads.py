"""Worker results reach widgets on the GUI thread only.

The headquarters window crashed (SIGSEGV, "Recursive repaint detected") when
Import was clicked with the mouse for a bundle from a new device: the import
progress was connected to a lambda, which ran on the worker thread and
repainted the progress bar from there.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop.core import bundle
from desktop.ui.analyst.import_dialog import ImportDialog
from desktop.ui.base import workers


def test_task_signals_reach_lambdas_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress, cancelled):
        progress(1, 2)
        progress(2, 2)
        return 42

    task = workers.run_task(work, with_progress=True)
    task.progress.connect(lambda d, t: seen.setdefault("progress", threading.get_ident()))
    with qtbot.waitSignal(task.finished, timeout=5000) as done:
        task.finished.connect(lambda r: seen.setdefault("finished", threading.get_ident()))
    assert done.args == [42]
    assert seen == {"progress": gui, "finished": gui}

    failing = workers.run_task(lambda: 1 / 0)
    with qtbot.waitSignal(failing.failed, timeout=5000):
        failing.failed.connect(lambda e: seen.setdefault("failed", threading.get_ident()))
    assert seen["failed"] == gui
    qtbot.waitUntil(lambda: not workers.running() & {failing, task}, timeout=5000)


def test_import_clicked_with_the_mouse_for_a_new_device(qtbot, hq_and_field):
    ns = hq_and_field
    gui = threading.get_ident()
    dlg = ImportDialog(ns.hq)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    threads: list[int] = []
    real_set_value = dlg.progress.setValue

    def set_value(v: int) -> None:  # every progress update, whoever makes it
        threads.append(threading.get_ident())
        real_set_value(v)

    dlg.progress.setValue = set_value  # type: ignore[method-assign]
    dlg.path.setText(str(ns.bundle))
    with qtbot.waitSignal(dlg.refused, timeout=20000) as refused:
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].kind == "new_device"
    qtbot.waitUntil(lambda: dlg.device_box.isVisible(), timeout=5000)
    assert dlg.device_fp.text() == refused.args[0].fingerprint
    assert not ns.hq.list_records()  # nothing added before the device is accepted

    with qtbot.waitSignal(dlg.imported, timeout=20000) as imported:
        qtbot.mouseClick(dlg.accept_device_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].records_added == len(ns.ids)
    assert dlg.progress.value() == dlg.progress.maximum()
    assert threads and set(threads) == {gui}
    dlg.grab()  # paints without a worker thread in the way
    qtbot.waitUntil(lambda: not workers.running(), timeout=5000)


def test_export_progress_ends_at_full_and_the_bundle_imports(qtbot, hq_and_field, monkeypatch):
    from desktop.ui.base.session import Session
    from desktop.ui.export_dialog import ExportDialog

    from .conftest import FORMS, save_examples

    ns = hq_and_field
    bundle.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    save_examples(ns.field, ["injured_person"])  # one interview not yet sent
    session = Session(ns.field, FORMS)
    dlg = ExportDialog(session)
    qtbot.addWidget(dlg)
    dlg.show()
    # the save dialog proposes the bundle extension the import dialog looks for
    proposed: list[str] = []

    def fake_save(*args, **kwargs):
        proposed.append(args[2])
        return str(ns.tmp / "chosen-name"), ""

    monkeypatch.setattr("desktop.ui.export_dialog.QFileDialog.getSaveFileName", fake_save)
    dlg.choose_file()
    assert proposed[0].endswith(bundle.SUFFIX) and dlg.out.text().endswith("chosen-name" + bundle.SUFFIX)
    # review before sealing: nobody reviewed these narratives, so the dialog asks first
    with qtbot.waitSignal(dlg.unreviewed_shown, timeout=5000):
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.exported, timeout=20000) as done:
        qtbot.mouseClick(dlg.send_automatic, Qt.MouseButton.LeftButton)
    assert dlg.progress.value() == dlg.progress.maximum()
    qtbot.waitUntil(lambda: not workers.running(), timeout=5000)
    assert dlg.progress.value() == dlg.progress.maximum()  # no late update after the end
    report = bundle.import_bundle(ns.hq, done.args[0].path)
    assert report.records_added == 1
