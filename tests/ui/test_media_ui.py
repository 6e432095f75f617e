"""Cleaning reports in the record view and export dialog, "Save a copy…", and
the offer to delete the originals after import."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from desktop.core.records import save_new_record
from tests.media_kit import CANARY, image

from .helpers import demo_answers, open_record_with, write_file
from .test_interview import add_attachment, start


def _record_with_files(window, tmp_path):
    vault = window.main.session.vault
    good = vault.import_attachment(write_file(tmp_path, "gps.jpg", image("JPEG")))
    bad = vault.import_attachment(write_file(tmp_path, "broken.jpg", image("JPEG")[:200]))
    form = window.main.session.forms.get("eyewitness_force")
    rid = save_new_record(vault, form, demo_answers("eyewitness_force"), [])
    vault.revise_record(rid, vault.get_record(rid).public, {}, attachment_ids=[good.id, bad.id])
    return rid, good, bad


def test_record_view_report_and_save_a_copy(qtbot, unlocked, tmp_path):
    window = unlocked
    rid, good, _bad = _record_with_files(window, tmp_path)
    window.main.open_record(rid)
    view = window.main.record_view
    table = view.att_table
    assert table.rowCount() == 2
    statuses = [table.item(r, 4).text() for r in range(2)]
    assert statuses[0] == "cleaned" and statuses[1].startswith("not cleaned")
    assert "EXIF GPS position" in table.item(0, 5).text()
    assert table.item(1, 5).text()  # why it could not be cleaned

    table.setCurrentCell(0, 0)
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    dlg = view.report_dialog
    removed = dlg.lists["Removed"]
    assert "EXIF GPS position" in [removed.item(i).text() for i in range(removed.count())]
    dlg.reject()

    qtbot.mouseClick(view.save_copy_button, Qt.MouseButton.LeftButton)
    save = view.save_dialog
    assert save.cleaned.isChecked() and save.cleaned.isEnabled()
    out = tmp_path / "copy.jpg"
    save.out.setText(str(out))
    with qtbot.waitSignal(save.saved, timeout=10000) as sig:
        qtbot.mouseClick(save.save_button, Qt.MouseButton.LeftButton)
    assert sig.args[1] == good.clean_sha256 and CANARY.encode() not in out.read_bytes()
    with qtbot.waitSignal(save.save_failed, timeout=10000) as sig:
        qtbot.mouseClick(save.save_button, Qt.MouseButton.LeftButton)
    assert "already exists" in sig.args[0]
    save.reject()

    table.setCurrentCell(1, 0)
    qtbot.mouseClick(view.save_copy_button, Qt.MouseButton.LeftButton)
    save = view.save_dialog
    assert not save.cleaned.isEnabled() and save.original.isChecked()  # no cleaned copy to offer
    save.reject()
    exports = [e for e in window.main.session.vault.custody() if e.action == "attachment.export"]
    assert len(exports) == 1


def test_export_dialog_lists_what_each_file_becomes(qtbot, unlocked, tmp_path):
    window = unlocked
    _record_with_files(window, tmp_path)
    from desktop.ui.export_dialog import ExportDialog

    dlg = ExportDialog(window.main.session, window)
    qtbot.addWidget(dlg)
    lines = [dlg.files.item(i).text() for i in range(dlg.files.count())]
    assert any(line.startswith("gps.jpg: cleaned copy") and "EXIF GPS position" in line for line in lines)
    assert any(line.startswith("broken.jpg: left out") for line in lines)
    assert "1 sent, 1 left out" in dlg.files_label.text()
    dlg.uncleaned.setChecked(True)
    lines = [dlg.files.item(i).text() for i in range(dlg.files.count())]
    assert any(line.startswith("broken.jpg: the original, NOT cleaned") for line in lines)


def test_offer_to_delete_originals_after_import(qtbot, unlocked, tmp_path):
    view = start(qtbot, unlocked, "eyewitness_force")
    src = write_file(tmp_path, "scene.jpg", image("JPEG"))
    add_attachment(qtbot, view, src)
    panel = view.attachments
    assert panel.source_box.isVisible()
    assert "SSD" in panel.source_text.text() and "scene.jpg" in panel.source_text.text()
    with qtbot.waitSignal(panel.sources_removed, timeout=10000) as sig:
        qtbot.mouseClick(panel.delete_sources_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == [] and not src.exists() and not panel.source_box.isVisible()
    # keeping them leaves the file where it was
    other = write_file(tmp_path, "other.jpg", image("JPEG"))
    add_attachment(qtbot, view, other)
    qtbot.mouseClick(panel.keep_sources_button, Qt.MouseButton.LeftButton)
    assert other.exists() and not panel.source_box.isVisible()


def test_face_review_find_edit_and_hide(qtbot, unlocked, tmp_path):
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    window = unlocked
    astronaut = Path(__file__).resolve().parents[1] / "data" / "media" / "faces" / "astronaut.jpg"
    view, _atts = open_record_with(window, [write_file(tmp_path, "crowd.jpg", astronaut.read_bytes())])
    assert view.faces_button.isEnabled()
    qtbot.mouseClick(view.faces_button, Qt.MouseButton.LeftButton)
    dlg = view.face_dialog
    with qtbot.waitSignal(dlg.faces_found, timeout=30000) as sig:
        pass
    assert sig.args == [1] and len(dlg.boxes()) == 1
    # add one by hand, make it larger, then remove it again; add another that stays
    dlg.add_centered_box()
    extra = next(b for b in dlg.boxes() if b.isSelected())
    before = extra.scene_rect().width()
    qtbot.mouseClick(dlg.larger_button, Qt.MouseButton.LeftButton)
    assert extra.scene_rect().width() > before
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert len(dlg.boxes()) == 1
    dlg.add_box(QRectF(5, 200, 30, 30))
    qtbot.mouseClick(dlg.hide_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.hidden, timeout=30000) as sig:
        qtbot.mouseClick(dlg.confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    hidden = sig.args[0]
    assert hidden.faces_sha256 and len(hidden.faces["boxes"]) == 2
    assert "2 face(s) hidden" in view.att_table.item(0, 5).text()


def test_video_face_review_shows_samples_and_hides_with_progress(qtbot, unlocked, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.face_review_video import FoundItem, VideoFaceReviewDialog
    from tests.media_kit import FACE_VIDEO_FRAMES, face_video

    window = unlocked
    view, _atts = open_record_with(window, [face_video(tmp_path / "march.mp4")])
    assert view.faces_button.isEnabled()
    qtbot.mouseClick(view.faces_button, Qt.MouseButton.LeftButton)
    dlg = view.face_dialog
    assert isinstance(dlg, VideoFaceReviewDialog)
    with qtbot.waitSignal(dlg.faces_found, timeout=60000) as sig:
        pass
    assert sig.args[0] >= 1 and len(dlg.samples) == 6
    found = [i for i in dlg.scene.items() if isinstance(i, FoundItem)]
    assert len(found) == len(dlg.samples[0].boxes)
    qtbot.mouseClick(dlg.next_button, Qt.MouseButton.LeftButton)
    assert dlg.index == 1 and "2 of 6" in dlg.frame_label.text()
    dlg.add_box(QRectF(280, 200, 30, 30))  # drawn by hand: filled in every frame
    qtbot.mouseClick(dlg.hide_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.hidden, timeout=120000) as sig:
        qtbot.mouseClick(dlg.confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        assert dlg.hide_task is not None and dlg.progress.isVisible()
    hidden = sig.args[0]
    assert hidden.faces_sha256 and hidden.faces["frames"] == FACE_VIDEO_FRAMES and len(hidden.faces["boxes"]) == 1
    assert "faces hidden in the video" in view.att_table.item(0, 5).text()
    qtbot.waitUntil(lambda: dlg.hide_task is None, timeout=10000)
    assert dlg.close_button.text() == "Close"
