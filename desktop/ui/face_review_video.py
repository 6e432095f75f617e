"""Review of the faces in a video before they are hidden.

What the review covers, honestly: the detector runs on frames spread over the
video (six by default) and shows what it found on each, so the researcher
can judge how well it sees the faces in this footage. Those boxes are not
edited one by one: when the copy is made the detector runs again on one
frame in five of the whole video, and its boxes are carried to the frames in
between. Boxes drawn here by hand (a face the detector misses, a name on a
wall) are filled in every frame. The work runs on a worker thread with
progress and a Cancel button; the original and the cleaned copy stay in the vault.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsRectItem, QHBoxLayout, QMessageBox, QProgressBar, QPushButton, QWidget

from desktop.core.services import Attachment, Cancelled, Vault, attachments

from .base import workers
from .base.widgets import PlainLabel
from .face_review import FaceReviewDialog


class FoundItem(QGraphicsRectItem):
    """A box the detector found on the sample frame shown (for judging it; not edited)."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__(rect)
        self.setPen(QPen(QColor("#00c8ff"), 2, Qt.PenStyle.DashLine))
        self.setBrush(QBrush(QColor(0, 200, 255, 40)))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-0.5)  # above the frame, beneath the boxes drawn by hand (which take the mouse)


class VideoFaceReviewDialog(FaceReviewDialog):
    def __init__(self, vault: Vault, att: Attachment, parent: QWidget | None = None) -> None:
        self.samples: list[Any] = []
        self.index = 0
        self.hide_task: workers.Task | None = None
        super().__init__(vault, att, parent)
        self.setWindowTitle(self.tr("Hide faces in a video"))
        self.intro.setText(self.tr(
            "These are frames from across the video, with the faces the detector found on each (dashed). "
            "When you hide the faces, it looks for faces on one frame in five of the whole video and fills "
            "them, also in the frames between. Draw a box on a frame for anything it misses: boxes you draw "
            "are filled in every frame. The original stays in the vault."))
        self.find_button.setVisible(False)
        self.fill_mode.setCurrentIndex(self.fill_mode.findData("solid"))
        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("Previous frame"))
        self.prev_button.clicked.connect(lambda: self.show_sample(self.index - 1))
        self.next_button = QPushButton(self.tr("Next frame"))
        self.next_button.clicked.connect(lambda: self.show_sample(self.index + 1))
        self.frame_label = PlainLabel("")
        for w in (self.prev_button, self.next_button):
            w.setEnabled(False)
            nav.addWidget(w)
        nav.addWidget(self.frame_label, 1)
        self.main_layout.insertLayout(3, nav)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Hiding the faces"))
        self.main_layout.insertWidget(self.main_layout.count() - 1, self.progress)
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self._cancel_or_close)

    # ---------------------------------------------------------------- samples
    def _load(self) -> None:
        vault, att_id = self.vault, self.att.id
        self._run(lambda: attachments.video_face_samples(vault, att_id), self._show_samples,
                  self.tr("Decrypting the video and looking for faces on frames across it…"))

    def _show_samples(self, samples: list[Any]) -> None:
        self.samples = [s for s in samples if not QImage.fromData(s.jpeg).isNull()]
        if not self.samples:
            self._failed(ValueError(self.tr("No frame of this video can be shown.")))
            return
        self.hide_button.setEnabled(True)
        self.show_sample(0)
        for b in (self.att.faces or {}).get("boxes", []):  # boxes drawn in a review before
            self.add_box(QRectF(b["x1"], b["y1"], b["x2"] - b["x1"], b["y2"] - b["y1"]))
        found = sum(1 for s in self.samples if s.boxes)
        self.message.setText(self.tr("Faces found on {found} of {n} frames shown. Check each frame.").format(
            found=found, n=len(self.samples)))
        self.faces_found.emit(sum(len(s.boxes) for s in self.samples))

    def show_sample(self, index: int) -> None:
        if not self.samples:
            return
        self.index = max(0, min(len(self.samples) - 1, index))
        sample = self.samples[self.index]
        for item in self.scene.items():
            if isinstance(item, FoundItem):
                self.scene.removeItem(item)
        pixmap = QPixmap.fromImage(QImage.fromData(sample.jpeg))
        if self.pixmap_item is None:
            self.pixmap_item = self.scene.addPixmap(pixmap)
            self.pixmap_item.setZValue(-1)
            self.scene.setSceneRect(self.pixmap_item.boundingRect())
            self.view.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
        else:
            self.pixmap_item.setPixmap(pixmap)
        for b in sample.boxes:
            self.scene.addItem(FoundItem(QRectF(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1)))
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.samples) - 1)
        self.frame_label.setText(self.tr("Frame {i} of {n}, at {t} s: {k} face(s) found").format(
            i=self.index + 1, n=len(self.samples), t=f"{sample.time:.1f}", k=len(sample.boxes)))

    # ---------------------------------------------------------------- hiding
    def confirm_and_hide(self) -> None:
        n = len(self.reviewed_boxes())
        text = self.tr("Make a copy of the video with every face the detector finds filled, and {n} area(s) "
                       "drawn by hand filled in every frame? The picture is re-encoded; the sound is copied as it "
                       "is. This can take a while.").format(n=n)
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Hide faces"), text,
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirm.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(self.hide_faces)
        self.confirm.open()

    def hide_faces(self) -> None:
        if self.hide_task is not None:
            return
        vault, att_id, boxes, mode = self.vault, self.att.id, self.reviewed_boxes(), self.fill_mode.currentData()
        self.hide_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.close_button.setText(self.tr("Cancel"))
        self.message.setText(self.tr("Hiding the faces in every frame…"))
        task = workers.run_task(lambda progress, cancelled: attachments.hide_faces(
            vault, att_id, boxes, mode, progress=progress, cancel=cancelled), with_progress=True)
        task.progress.connect(self._progress)
        task.finished.connect(self._hidden)
        task.failed.connect(self._hide_failed)
        task.done.connect(self._hide_done)
        self.hide_task = task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _hidden(self, att: Attachment) -> None:
        self.att = att
        self.hide_button.setEnabled(True)
        frames = (att.faces or {}).get("frames", 0)
        self.message.setText(self.tr("Done: faces filled in the {frames} frames of the copy that will be sent.").format(
            frames=frames))
        self.hidden.emit(att)

    def _hide_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Cancelled: no copy was made."))
            self.hide_button.setEnabled(True)
            return
        self._failed(exc)

    def _hide_done(self) -> None:
        self.hide_task = None
        self.progress.setVisible(False)
        self.close_button.setText(self.tr("Close"))

    def _cancel_or_close(self) -> None:
        if self.hide_task is not None:
            self.hide_task.cancel()
            self.message.setText(self.tr("Cancelling…"))
            return
        self.reject()
