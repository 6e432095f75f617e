"""Long work off the GUI thread.

A :class:`Task` is a QObject that runs one plain function on a QThread and
re-emits its result, failure or progress as signals. The function is core
code (unlock, import an attachment, calibrate); nothing domain-specific lives
here. Tests wait on ``finished`` / ``failed`` with ``qtbot.waitSignal``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class Task(QObject):
    """Runs ``fn(progress, cancelled)`` on its own thread.

    ``progress(done, total)`` and ``cancelled() -> bool`` are handed to the
    function so core code can report and honour a cancel.
    """

    finished = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)
    done = Signal()  # after finished or failed, always

    def __init__(self, fn: Callable[..., Any], with_progress: bool = False) -> None:
        super().__init__()
        self._fn = fn
        self._with_progress = with_progress
        self._cancel = threading.Event()
        self.thread: QThread | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(self.progress.emit, self._cancel.is_set)
            else:
                result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        self.done.emit()


_running: set[Task] = set()


def start(task: Task) -> Task:
    """Move ``task`` to a fresh QThread and start it; cleans up after itself."""
    thread = QThread()
    task.thread = thread
    task.moveToThread(thread)
    thread.started.connect(task.run)
    task.done.connect(thread.quit)
    thread.finished.connect(lambda: _running.discard(task))
    thread.finished.connect(thread.deleteLater)
    _running.add(task)
    thread.start()
    return task


def run_task(fn: Callable[..., Any], with_progress: bool = False) -> Task:
    return start(Task(fn, with_progress))


def wait_all(timeout_ms: int = 10000) -> None:
    """Wait for every running task (at exit, before wiping a demo vault)."""
    for task in list(_running):
        task.cancel()
        if task.thread is not None:
            task.thread.quit()
            task.thread.wait(timeout_ms)
