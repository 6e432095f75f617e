"""Long work off the GUI thread.

A :class:`Task` is a QObject that runs one plain function on a QThread and
re-emits its result, failure or progress as signals. The function is core
code (unlock, import an attachment, calibrate); nothing domain-specific lives
here. Tests wait on ``finished`` / ``failed`` with ``qtbot.waitSignal``.

The Task itself stays on the thread that created it (the GUI thread); only a
private runner moves to the worker thread. The runner's signals reach the
Task's slots through queued connections, and the Task re-emits them on the GUI
thread. So whatever is connected to a Task's signals -- a bound method, or a
lambda without a receiver -- runs on the GUI thread and may touch widgets.
(A lambda connected directly to a signal emitted by a worker thread runs in
that worker thread: setting a progress bar from there is what crashed the
headquarters window with "Recursive repaint detected".)

Running tasks are kept by a :class:`TaskPool` that is a child of the
application object (so a task is never collected while its thread runs, and
``wait_all`` at exit finds them); there is no module-level registry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot


class _Runner(QObject):
    """Lives on the worker thread; only ever talks to its Task through signals."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    done = Signal()

    def __init__(self, fn: Callable[..., Any], with_progress: bool, cancel: threading.Event) -> None:
        super().__init__()
        self._home = self.thread()  # where the Task lives; the runner goes back there when done
        self._fn: Callable[..., Any] | None = fn
        self._with_progress = with_progress
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        fn = self._fn
        assert fn is not None
        try:
            if self._with_progress:
                result = fn(self.progress.emit, self._cancel.is_set)
            else:
                result = fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        del fn
        self.moveToThread(self._home)  # only an object's own thread may push it: so, from here
        self.done.emit()


class Task(QObject):
    """Runs ``fn(progress, cancelled)`` on its own thread.

    ``progress(done, total)`` and ``cancelled() -> bool`` are handed to the
    function so core code can report and honour a cancel. Every signal of a
    Task is emitted on the thread that created it.
    """

    finished = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)
    done = Signal()  # after finished or failed, always

    def __init__(self, fn: Callable[..., Any], with_progress: bool = False) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._runner = _Runner(fn, with_progress, self._cancel)
        self.thread: QThread | None = None  # type: ignore[assignment]  # the worker thread, not QObject.thread()
        self.pool: TaskPool | None = None
        self.is_done = False
        # bound methods of a QObject: Qt queues them to this object's thread
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._runner.progress.connect(self._on_progress)
        self._runner.done.connect(self._on_done)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self.is_done:
            self.progress.emit(done, total)

    @Slot()
    def _on_done(self) -> None:
        self.is_done = True
        self._runner._fn = None  # the closure is let go on this thread, never on the worker
        self.done.emit()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.pool is not None:
            self.pool.tasks.discard(self)
            self.pool = None
        if self.thread is not None:
            self.thread.wait()  # finished is emitted just before the thread really ends
            self.thread.deleteLater()
            self.thread = None


class TaskPool(QObject):
    """The tasks running in one application; a child of the application object."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("testimony-task-pool")
        self.tasks: set[Task] = set()

    @staticmethod
    def of(app: QCoreApplication | None = None) -> TaskPool:
        """The pool of ``app`` (the running application by default), made on first use."""
        owner = app if app is not None else QCoreApplication.instance()
        if owner is None:
            raise RuntimeError("tasks need a running Qt application")
        pool = owner.findChild(TaskPool, "testimony-task-pool")
        return pool if isinstance(pool, TaskPool) else TaskPool(owner)

    def start(self, task: Task) -> Task:
        """Move the task's runner to a fresh QThread and start it; cleans up after itself."""
        thread = QThread()
        task.thread = thread
        task.pool = self
        runner = task._runner
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        runner.done.connect(thread.quit)  # QThread.quit is thread-safe
        thread.finished.connect(task._on_thread_finished)  # queued to the task's (GUI) thread
        self.tasks.add(task)
        thread.start()
        return task

    def wait_all(self, timeout_ms: int = 10000) -> None:
        """Cancel and wait for every running task (at exit, before wiping a demo vault)."""
        for task in list(self.tasks):
            task.cancel()
            if task.thread is not None:
                task.thread.quit()
                task.thread.wait(timeout_ms)


def start(task: Task) -> Task:
    return TaskPool.of().start(task)


def run_task(fn: Callable[..., Any], with_progress: bool = False) -> Task:
    return start(Task(fn, with_progress))


def running(app: QCoreApplication | None = None) -> set[Task]:
    """The tasks of ``app`` whose threads have not finished yet."""
    return set(TaskPool.of(app).tasks)


def wait_all(app: QCoreApplication | None = None, timeout_ms: int = 10000) -> None:
    TaskPool.of(app).wait_all(timeout_ms)
