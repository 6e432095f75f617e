"""Attachments of an interview: add by dialog or drag and drop; encrypted in the background."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import Attachment, Vault, attachments

from .base import refusals, workers
from .base.widgets import PlainLabel, clean_text


class AttachmentsPanel(QGroupBox):
    """Queues files, imports them one by one on a worker thread, lists the result."""

    changed = Signal()
    imported = Signal(object)  # Attachment
    import_failed = Signal(str)
    idle = Signal()
    sources_removed = Signal(object)  # list of problems (empty: all removed)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Attachments"))
        self.vault = vault
        self.items: list[Attachment] = []
        self.queue: list[Path] = []
        self.task: workers.Task | None = None
        self.current_source: Path | None = None
        lay = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Attached files"))
        lay.addWidget(self.list, 1)
        self.hint = PlainLabel(self.tr("Drop photos, audio, video or documents here."))
        self.hint.setObjectName("hint")
        lay.addWidget(self.hint)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Encrypting"))
        self.progress.setVisible(False)
        self.status = PlainLabel("")
        self.status.setObjectName("hint")
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.choose)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel encrypting"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected attachment"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        self.sources: list[tuple[Path, str]] = []  # originals on this computer, with their SHA-256
        self.source_box = QFrame()
        self.source_box.setObjectName("notice")
        box = QVBoxLayout(self.source_box)
        self.source_text = PlainLabel("")
        box.addWidget(self.source_text)
        brow = QHBoxLayout()
        self.delete_sources_button = QPushButton(self.tr("Delete the originals"))
        self.delete_sources_button.setAccessibleName(self.tr("Delete the original files from this computer"))
        self.delete_sources_button.clicked.connect(self.delete_sources)
        self.keep_sources_button = QPushButton(self.tr("Keep them"))
        self.keep_sources_button.clicked.connect(self.keep_sources)
        brow.addWidget(self.delete_sources_button)
        brow.addWidget(self.keep_sources_button)
        brow.addStretch(1)
        box.addLayout(brow)
        self.source_box.setVisible(False)
        lay.addWidget(self.source_box)
        self.source_task: workers.Task | None = None
        self.setAcceptDrops(True)

    # ---------------------------------------------------------------- adding
    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files to the interview"))
        self.add_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([p for p in paths if p.is_file()])
        event.acceptProposedAction()

    def add_files(self, paths: list[Path]) -> None:
        self.queue.extend(paths)
        self._next()

    def _next(self) -> None:
        if self.task is not None:
            return
        if not self.queue:
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self._offer_source_removal()
            self.idle.emit()
            return
        path = self.queue.pop(0)
        self.current_source = path
        vault = self.vault
        self.status.setText(self.tr("Encrypting {name}…").format(name=clean_text(path.name)))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.task = workers.run_task(
            lambda progress, cancelled: vault.import_attachment(path, progress=progress, cancel=cancelled),
            with_progress=True)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 1000)

    def _done(self, att: Attachment) -> None:
        self.task = None
        if self.current_source is not None:
            self.sources.append((self.current_source, att.sha256))
        self.add_existing([att])
        self.status.setText(self.tr("{name} encrypted and added.").format(name=clean_text(att.filename)))
        self.imported.emit(att)
        self.changed.emit()
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if getattr(exc, "code", "") == "cancelled":
            message = self.tr("Cancelled; nothing was stored.")
        else:
            message = refusals.message(exc)
        self.status.setText(message)
        self.import_failed.emit(message)
        self._next()

    # ---------------------------------------------------------------- the originals on this computer
    def _offer_source_removal(self) -> None:
        if not self.sources or self.source_task is not None:
            return
        names = ", ".join(clean_text(p.name) for p, _ in self.sources[:5])
        more = len(self.sources) - 5
        if more > 0:
            names += " " + self.tr("and {n} more").format(n=more)
        self.source_text.setText(self.tr(
            "The vault now holds an encrypted copy. The original files are still on this computer: {names}. "
            "Delete them? They are overwritten and removed, but on SSDs, USB sticks and memory cards "
            "deleting does not reliably erase: copies of the data can remain on the chip until it is reused. "
            "Only full-disk encryption protects against that.").format(names=names))
        self.source_box.setVisible(True)

    def keep_sources(self) -> None:
        self.sources = []
        self.source_box.setVisible(False)

    def delete_sources(self) -> None:
        todo: list[tuple[Path | str, str]] = list(self.sources)
        self.sources = []
        self.delete_sources_button.setEnabled(False)
        self.keep_sources_button.setEnabled(False)

        self.source_task = workers.run_task(partial(attachments.remove_originals, todo))
        self.source_task.finished.connect(self._sources_deleted)
        self.source_task.failed.connect(self._sources_failed)

    def _sources_deleted(self, problems: list[str]) -> None:
        self.source_task = None
        self.source_box.setVisible(False)
        self.delete_sources_button.setEnabled(True)
        self.keep_sources_button.setEnabled(True)
        if problems:
            self.status.setText("; ".join(problems))
        else:
            self.status.setText(self.tr("The original files were deleted from this computer."))
        self.sources_removed.emit(problems)

    def _sources_failed(self, exc: BaseException) -> None:
        self._sources_deleted([str(exc)])

    def cancel(self) -> None:
        self.queue.clear()
        if self.task is not None:
            self.task.cancel()

    def stop(self) -> None:
        """Cancel and wait (before locking)."""
        task = self.task
        self.cancel()
        if task is not None and task.thread is not None:
            task.thread.quit()
            task.thread.wait(10000)

    # ---------------------------------------------------------------- list
    def add_existing(self, atts: list[Attachment]) -> None:
        loc = QLocale()
        for att in atts:
            if any(a.id == att.id for a in self.items):
                continue
            self.items.append(att)
            text = f"{clean_text(att.filename)} — {loc.formattedDataSize(att.size)}"
            item = QListWidgetItem(text)
            item.setToolTip(f"SHA-256 {att.sha256}")
            item.setData(256, att.id)
            self.list.addItem(item)
        self.hint.setVisible(not self.items)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        att = self.items[row]
        if att.record_id is None:
            self.vault.discard_attachment(att.id)
        self.items.pop(row)
        self.list.takeItem(row)
        self.hint.setVisible(not self.items)
        self.changed.emit()

    def ids(self) -> list[str]:
        return [a.id for a in self.items]

    def discard_unlinked(self) -> None:
        for att in self.items:
            if att.record_id is None:
                self.vault.discard_attachment(att.id)
        self.items = []
        self.list.clear()
