"""UI benchmark: cold start to the unlock window; the interviews list with 10,000 records.

    .venv/bin/python tests/benchmarks/bench_ui.py          (offscreen; prints figures)

No timing asserts: the numbers are for reading. Uses a temporary vault and
floor key derivation (creation speed is not what is measured here).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
N_RECORDS = 300 if os.environ.get("BENCH_SCALE", "").lower() == "smoke" else 10_000
os.environ["TESTIMONY_KDF_PROFILE"] = "floor"

COLD = r"""
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from desktop.ui.app import ShellWindow, _make_app
from desktop.ui.unlock import UnlockScreen
app, tr = _make_app("en")
w = ShellWindow(sys.argv[2], tr)
w.show()
def painted():
    assert isinstance(w.current, UnlockScreen)
    print(f"{time.perf_counter() - t0:.3f}")
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
from desktop.ui.base import workers
workers.wait_all()
"""


def cold_start(vault_dir: Path) -> float:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", COLD, str(ROOT), str(vault_dir)], capture_output=True,
                         text=True, env={**os.environ}, check=True).stdout.strip().splitlines()[-1]
    return time.perf_counter() - t0, float(out)


def main() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.vault import Vault

    tmp = Path(tempfile.mkdtemp(prefix="testimony-bench-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    path = tmp / "vault"
    vault, _ = Vault.create(path, "benchmark passphrase words")
    t0 = time.perf_counter()
    words = ["street", "square", "mosque", "checkpoint", "funeral", "hospital", "school", "bakery"]
    with vault._tx() as c:  # bulk load straight into the tables (setup, not measured)
        import json
        import uuid

        from desktop.core.custody import now
        for i in range(N_RECORDS):
            rid = str(uuid.uuid4())
            ts = now()
            text = f"interview {i} near the {words[i % 8]} and the {words[(i * 7) % 8]}"
            if i % 100 == 0:
                text += " sniper"
            c.execute("INSERT INTO records(id, form_id, form_version, created_at, updated_at, current_rev)"
                      " VALUES (?,?,?,?,?,1)", (rid, "injured_person", "1.0.0", ts, ts))
            c.execute("INSERT INTO revisions(record_id, rev, created_at, public_json) VALUES (?,?,?,?)",
                      (rid, 1, ts, json.dumps({"injury_circumstances": text})))
            c.execute("INSERT INTO record_fts(record_id, body) VALUES (?, ?)", (rid, text))
    print(f"setup: {N_RECORDS:,} records in {time.perf_counter() - t0:.2f} s")
    vault.lock()

    total, to_paint = cold_start(path)
    print(f"cold start to unlock window painted: {to_paint * 1000:.0f} ms in-process, "
          f"{total * 1000:.0f} ms including interpreter start")

    app = QApplication.instance() or QApplication([])
    from desktop.ui.app import ShellWindow
    from desktop.ui.base.i18n import Translations

    tr = Translations(app)
    tr.install("en")
    vault = Vault.unlock(path, passphrase="benchmark passphrase words")
    print(f"unlock: key derivation {vault.timings['kdf'] * 1000:.0f} ms, open {vault.timings['open'] * 1000:.0f} ms")
    from desktop.ui.base.forms import FormCatalog

    catalog = FormCatalog()
    t0 = time.perf_counter()
    catalog.interview_forms()
    print(f"loading the form definitions (done on a worker while the passphrase is typed): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    window = ShellWindow(path, tr, forms=catalog)
    window.resize(1180, 760)
    window.show()
    t0 = time.perf_counter()
    window.open_session(vault)
    window.main.list_view.table.viewport().repaint()
    first_paint = time.perf_counter() - t0
    lv = window.main.list_view
    print(f"interviews list, {N_RECORDS:,} records: first paint {first_paint * 1000:.0f} ms "
          f"({lv.model.rowCount()} rows loaded of {lv.model.total})")
    t0 = time.perf_counter()
    lv.search.setText("sniper")
    lv.apply()
    lv.table.viewport().repaint()
    print(f"search 'sniper': {lv.model.total} results shown in {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    lv.search.setText("funeral school")
    lv.apply()
    lv.table.viewport().repaint()
    print(f"search 'funeral school': {lv.model.total} results shown in {(time.perf_counter() - t0) * 1000:.0f} ms")
    lv.search.clear()
    lv.apply()
    t0 = time.perf_counter()
    lv.table.scrollToBottom()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    print(f"scroll to bottom (fetches another page): {(time.perf_counter() - t0) * 1000:.0f} ms, "
          f"{lv.model.rowCount()} rows loaded")
    window.lock()
    from desktop.ui.base import workers

    workers.wait_all()
    Vault.wipe(path)


def test_ui_benchmark() -> None:
    """Runs main() in its own process (its own QApplication and data folders); prints its figures."""
    proc = subprocess.run([sys.executable, __file__], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=900)
    print(proc.stdout)
    assert proc.returncode == 0, proc.stderr[-3000:]


if __name__ == "__main__":
    main()
