"""The Qt binding must not leak or drop references on signal emission: PySide6 6.12.0
under Python 3.11 dropped one reference to True on every emit, so a long session (or
a full test run) died with "bool_dealloc" at any moment. Pinned below 6.12."""

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class S(QObject):
    sig = Signal(int)
s = S()
s.sig.connect(lambda n: None)
before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
for i in range(1000):
    s.sig.emit(i)
print(sys.getrefcount(True) - before_true, sys.getrefcount(False) - before_false)
"""


def test_signal_emit_keeps_reference_counts():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    d_true, d_false = (int(x) for x in proc.stdout.split())
    assert abs(d_true) < 10 and abs(d_false) < 10, (d_true, d_false)
