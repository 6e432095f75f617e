"""The face review of a video edited with the mouse, as a researcher does it: boxes drawn,
moved, resized and removed on the frames shown (real mouse events on the view), and the
boxes drawn by hand filled in every frame of the copy that is sent."""
from __future__ import annotations

from PIL import ImageStat
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.core.services import attachments
from tests.media_kit import FACE_VIDEO_FRAMES, face_video

from .helpers import open_record_with


def _at(dlg, x: float, y: float) -> QPoint:
    return dlg.view.mapFromScene(QPointF(x, y))


def _drag(dlg, start: tuple[float, float], end: tuple[float, float]) -> None:
    vp = dlg.view.viewport()
    a, b = _at(dlg, *start), _at(dlg, *end)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for k in range(1, 5):
        QTest.mouseMove(vp, a + (b - a) * (k / 4))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def _click(dlg, x: float, y: float) -> None:
    QTest.mouseClick(dlg.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _at(dlg, x, y))


def _close(r: QRectF, x1: float, y1: float, x2: float, y2: float, tol: float = 3.0) -> bool:
    got = (r.left(), r.top(), r.right(), r.bottom())
    return all(abs(a - b) <= tol for a, b in zip(got, (x1, y1, x2, y2), strict=True))


def test_boxes_drawn_moved_resized_and_removed_with_the_mouse_are_filled_in_every_frame(qtbot, unlocked, tmp_path):
    from desktop.ui.face_review_video import VideoFaceReviewDialog

    window = unlocked
    vault = window.main.session.vault
    view, (att,) = open_record_with(window, [face_video(tmp_path / "march.mp4")])
    qtbot.mouseClick(view.faces_button, Qt.MouseButton.LeftButton)
    dlg = view.face_dialog
    assert isinstance(dlg, VideoFaceReviewDialog)
    with qtbot.waitSignal(dlg.faces_found, timeout=60000):
        pass
    qtbot.waitExposed(dlg)
    dlg.view.fitInView(dlg.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)

    # draw a box on the background, move it, resize it by its lower right corner
    _drag(dlg, (10, 150), (60, 200))
    assert len(dlg.boxes()) == 1
    box = dlg.boxes()[0]
    assert _close(box.scene_rect(), 10, 150, 60, 200)
    _drag(dlg, (35, 175), (55, 185))
    assert len(dlg.boxes()) == 1 and _close(box.scene_rect(), 30, 160, 80, 210)
    _drag(dlg, (79, 209), (99, 224))
    assert len(dlg.boxes()) == 1 and _close(box.scene_rect(), 30, 160, 100, 225)

    # a box drawn over a face the detector found stays movable on every frame shown
    face = dlg.samples[1].boxes[0]
    qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    _drag(dlg, (face.x1, face.y1), (face.x2, face.y2))
    assert len(dlg.boxes()) == 2
    over = next(b for b in dlg.boxes() if b is not box)
    qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.prev_button, Qt.MouseButton.LeftButton)  # the detector's boxes are drawn again
    cx, cy = (face.x1 + face.x2) / 2, (face.y1 + face.y2) / 2
    before = over.scene_rect()
    _drag(dlg, (cx, cy), (cx + 12, cy + 8))
    assert len(dlg.boxes()) == 2, "pressing on a box drawn by hand drew a new one"
    assert _close(over.scene_rect(), before.left() + 12, before.top() + 8, before.right() + 12, before.bottom() + 8)
    # ... and removed: selected with a click, then the button
    _click(dlg, cx + 12, cy + 8)
    assert over.isSelected() and not box.isSelected()
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert dlg.boxes() == [box]

    dlg.fill_mode.setCurrentIndex(dlg.fill_mode.findData("solid"))
    qtbot.mouseClick(dlg.hide_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.hidden, timeout=120000) as sig:
        qtbot.mouseClick(dlg.confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    hidden = sig.args[0]
    (drawn,) = hidden.faces["boxes"]
    assert _close(QRectF(QPointF(drawn["x1"], drawn["y1"]), QPointF(drawn["x2"], drawn["y2"])), 30, 160, 100, 225)
    from desktop.core.media import video_faces

    qtbot.waitUntil(lambda: dlg.hide_task is None, timeout=10000)
    out = tmp_path / "out"
    out.mkdir()
    copy = out / attachments.copy_filename(hidden)
    attachments.export_copy(vault, att.id, copy)
    frames = list(video_faces.frames_of(copy.read_bytes()))
    assert len(frames) == FACE_VIDEO_FRAMES
    for i, im in enumerate(frames):
        # the box drawn by hand is black in every frame (the fill grows boxes a little), its surroundings are not
        assert max(ImageStat.Stat(im.convert("RGB").crop((40, 170, 90, 215))).mean) < 12, i
        assert max(ImageStat.Stat(im.convert("RGB").crop((130, 180, 180, 200))).mean) > 60, i
