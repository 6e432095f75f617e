"""Review the faces found in a photo before they are hidden.

The model's boxes are drawn over the cleaned copy (decrypted in memory); the
researcher can move a box, resize it from its lower right corner (or with
Larger / Smaller), draw a new one by dragging on the photo, add one with the
button, or remove the selected one.  "Hide these faces" burns the fill into a
new copy through the same core call the command line would use; the original
stays in the vault.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeyEvent, QMouseEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsSceneMouseEvent,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import Attachment, Vault, attachments
from desktop.core.services.attachments import Box

from .base import workers
from .base.widgets import PlainLabel, clean_text, heading

HANDLE = 10.0


class BoxItem(QGraphicsRectItem):
    """A face box: drag to move, drag its lower right corner to resize."""

    def __init__(self, rect: QRectF, score: float = 1.0) -> None:
        super().__init__(rect)
        self.score = score
        self._resizing = False
        self.setFlags(QGraphicsRectItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsRectItem.GraphicsItemFlag.ItemIsFocusable)
        self.setPen(QPen(QColor("#ffcc00"), 3))
        self.setBrush(QBrush(QColor(255, 204, 0, 50)))

    def scene_rect(self) -> QRectF:
        return self.mapRectToScene(self.rect())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        corner = self.rect().bottomRight()
        self._resizing = (event.pos() - corner).manhattanLength() <= 2 * HANDLE
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            r = self.rect()
            r.setBottomRight(QPointF(max(r.left() + 8, event.pos().x()), max(r.top() + 8, event.pos().y())))
            self.setRect(r)
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._resizing = False
        super().mouseReleaseEvent(event)

    def scale_by(self, factor: float) -> None:
        r = self.rect()
        c = r.center()
        r.setWidth(max(8.0, r.width() * factor))
        r.setHeight(max(8.0, r.height() * factor))
        r.moveCenter(c)
        self.setRect(r)


class PhotoView(QGraphicsView):
    """Drag on the photo (not on a box) to draw a new box."""

    drawn = Signal(QRectF)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._start: QPointF | None = None
        self._band: QGraphicsRectItem | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # a box is grabbed wherever it is under the pointer, even beneath something drawn over it
        on_box = any(isinstance(i, BoxItem) for i in self.items(event.position().toPoint()))
        if event.button() == Qt.MouseButton.LeftButton and not on_box:
            self._start = self.mapToScene(event.position().toPoint())
            self._band = self.scene().addRect(QRectF(self._start, self._start), QPen(QColor("#ffcc00"), 2,
                                                                                    Qt.PenStyle.DashLine))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None and self._band is not None:
            self._band.setRect(QRectF(self._start, self.mapToScene(event.position().toPoint())).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is not None and self._band is not None:
            rect = self._band.rect()
            self.scene().removeItem(self._band)
            self._start, self._band = None, None
            if rect.width() >= 6 and rect.height() >= 6:
                self.drawn.emit(rect)
            return
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.scene() is not None and not self.scene().itemsBoundingRect().isEmpty():
            self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)


class FaceReviewDialog(QDialog):
    faces_found = Signal(int)
    hidden = Signal(object)       # the Attachment, with its face-hidden copy
    review_failed = Signal(str)

    def __init__(self, vault: Vault, att: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault, self.att = vault, att
        self.tasks: list[workers.Task] = []
        self.setWindowTitle(self.tr("Hide faces"))
        self.resize(900, 680)
        lay = self.main_layout = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Hide faces in {name}").format(name=clean_text(att.filename)), level=2))
        self.intro = PlainLabel(self.tr(
            "Check every box. Drag a box to move it, drag its lower right corner to resize it, drag on the "
            "photo to draw a box the detector missed, select a box and press Delete to remove it. The copy "
            "sent to headquarters will have these areas filled for good; the original stays in the vault."))
        lay.addWidget(self.intro)
        self.scene = QGraphicsScene(self)
        self.view = PhotoView(self.scene)
        self.view.setAccessibleName(self.tr("Photo with face boxes"))
        self.view.drawn.connect(self.add_box)
        lay.addWidget(self.view, 1)
        self.pixmap_item: QGraphicsPixmapItem | None = None
        row = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find faces"))
        self.find_button.clicked.connect(self.find_faces)
        self.add_button = QPushButton(self.tr("Add a box"))
        self.add_button.clicked.connect(self.add_centered_box)
        self.remove_button = QPushButton(self.tr("Remove the selected box"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.larger_button = QPushButton(self.tr("Larger"))
        self.larger_button.setAccessibleName(self.tr("Make the selected box larger"))
        self.larger_button.clicked.connect(lambda: self._scale_selected(1.15))
        self.smaller_button = QPushButton(self.tr("Smaller"))
        self.smaller_button.setAccessibleName(self.tr("Make the selected box smaller"))
        self.smaller_button.clicked.connect(lambda: self._scale_selected(1 / 1.15))
        for b in (self.find_button, self.add_button, self.remove_button, self.larger_button, self.smaller_button):
            row.addWidget(b)
        row.addStretch(1)
        self.fill_mode = QComboBox()
        self.fill_mode.setAccessibleName(self.tr("How to fill the faces"))
        self.fill_mode.addItem(self.tr("Coarse pixels with noise"), "pixelate")
        self.fill_mode.addItem(self.tr("Solid black"), "solid")
        row.addWidget(self.fill_mode)
        lay.addLayout(row)
        self.message = PlainLabel(self.tr("Decrypting the photo…"))
        lay.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.hide_button = QPushButton(self.tr("Hide these faces"))
        self.hide_button.setDefault(True)
        self.hide_button.setEnabled(False)
        self.hide_button.clicked.connect(self.confirm_and_hide)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.hide_button)
        lay.addLayout(buttons)
        self._load()

    # ---------------------------------------------------------------- loading and detection
    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], label: str) -> None:
        self.message.setText(label)
        task = workers.run_task(fn)
        task.finished.connect(done)
        task.failed.connect(self._failed)
        task.done.connect(self._task_done)
        self.tasks.append(task)

    def _task_done(self) -> None:
        task = self.sender()
        if task in self.tasks:
            self.tasks.remove(task)

    def _load(self) -> None:
        vault, att_id = self.vault, self.att.id

        def load() -> bytes:
            buf = io.BytesIO()
            attachments.read_copy(vault, att_id, buf, cleaned=True)
            return buf.getvalue()

        self._run(load, self._show_photo, self.tr("Decrypting the photo…"))

    def _show_photo(self, data: bytes) -> None:
        image = QImage.fromData(data)
        del data
        if image.isNull():
            self._failed(ValueError(self.tr("This photo cannot be shown.")))
            return
        self.pixmap_item = self.scene.addPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setZValue(-1)
        self.scene.setSceneRect(self.pixmap_item.boundingRect())
        self.view.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
        self.hide_button.setEnabled(True)
        for b in (self.att.faces or {}).get("boxes", []):  # a review made before
            box = Box.from_dict(b)
            self.add_box(QRectF(box.x1, box.y1, box.x2 - box.x1, box.y2 - box.y1), box.score)
        if not self.boxes():
            self.find_faces()
        else:
            self.message.setText(self.tr("{n} box(es) from the last review.").format(n=len(self.boxes())))

    def find_faces(self) -> None:
        vault, att_id = self.vault, self.att.id
        self.find_button.setEnabled(False)
        self._run(lambda: attachments.detect_faces(vault, att_id), self._found, self.tr("Looking for faces…"))

    def _found(self, boxes: list[Box]) -> None:
        self.find_button.setEnabled(True)
        have = [b.scene_rect() for b in self.boxes()]
        added = 0
        for b in boxes:
            rect = QRectF(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1)
            if not any(r.intersects(rect) for r in have):
                self.add_box(rect, b.score)
                added += 1
        self.message.setText(self.tr("{n} face(s) found. Check the photo for any the detector missed.").format(
            n=len(boxes)))
        self.faces_found.emit(len(boxes))

    def _failed(self, exc: BaseException) -> None:
        self._hiding = False
        self.hide_button.setEnabled(self.pixmap_item is not None)
        self.find_button.setEnabled(True)
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self.message.setText(text)
        self.review_failed.emit(text)

    # ---------------------------------------------------------------- editing
    def boxes(self) -> list[BoxItem]:
        return [i for i in self.scene.items() if isinstance(i, BoxItem)]

    def add_box(self, rect: QRectF, score: float = 1.0) -> BoxItem:
        item = BoxItem(rect, score)
        self.scene.addItem(item)
        return item

    def add_centered_box(self) -> None:
        bounds = self.scene.sceneRect()
        side = max(16.0, min(bounds.width(), bounds.height()) / 5)
        rect = QRectF(0, 0, side, side)
        rect.moveCenter(bounds.center())
        item = self.add_box(rect)
        self.scene.clearSelection()
        item.setSelected(True)
        item.setFocus()

    def remove_selected(self) -> None:
        for item in self.scene.selectedItems():
            if isinstance(item, BoxItem):
                self.scene.removeItem(item)

    def _scale_selected(self, factor: float) -> None:
        for item in self.scene.selectedItems():
            if isinstance(item, BoxItem):
                item.scale_by(factor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def reviewed_boxes(self) -> list[Box]:
        out = []
        for item in self.boxes():
            r = item.scene_rect()
            out.append(Box(r.left(), r.top(), r.right(), r.bottom(), item.score))
        return out

    # ---------------------------------------------------------------- hiding
    def confirm_and_hide(self) -> None:
        boxes = self.reviewed_boxes()
        if boxes:
            text = self.tr("Fill {n} area(s) in the copy that leaves the laptop? This cannot be undone on that "
                           "copy; the original stays in the vault.").format(n=len(boxes))
        else:
            text = self.tr("No boxes: the photo will be sent without hiding anything. Continue?")
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Hide faces"), text,
                                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirm.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm.button(QMessageBox.StandardButton.Yes).clicked.connect(self.hide_faces)
        self.confirm.open()

    def hide_faces(self) -> None:
        if getattr(self, "_hiding", False):
            return
        self._hiding = True
        vault, att_id, boxes, mode = self.vault, self.att.id, self.reviewed_boxes(), self.fill_mode.currentData()
        self.hide_button.setEnabled(False)
        self._run(lambda: attachments.hide_faces(vault, att_id, boxes, mode), self._hidden,
                  self.tr("Hiding the faces…"))

    def _hidden(self, att: Attachment) -> None:
        self._hiding = False
        self.att = att
        self.hide_button.setEnabled(True)
        n = len((att.faces or {}).get("boxes", []))
        self.message.setText(self.tr("Done: {n} area(s) filled in the copy that will be sent.").format(n=n))
        self.hidden.emit(att)
