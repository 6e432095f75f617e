"""Collect Python garbage on the GUI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate
when a threshold is crossed. If that is a worker thread (encrypting an
attachment, importing a bundle) and the garbage holds Qt wrappers that belong
to the GUI thread, Qt objects are destroyed from the wrong thread and the
process can crash. So automatic collection is switched off and a timer on the
GUI thread collects instead (the pattern PyQt/PySide applications use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGC(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start(interval_ms)

    def check(self) -> None:
        # the same thresholds Python would use, but only ever on this thread
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gc.collect(0)
            if c1 > t1:
                gc.collect(1)
                if c2 > t2:
                    gc.collect(2)


def install(app: QObject) -> MainThreadGC:
    return MainThreadGC(app)
