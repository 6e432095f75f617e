"""The attachment use cases both front ends call (desktop/core/services/attachments.py)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.core.errors import Refusal
from desktop.core.services import attachments
from tests.bundle_kit import make_pair
from tests.media_kit import CANARY, image


@pytest.fixture
def field(tmp_path: Path):
    p = make_pair(tmp_path)
    yield p.field
    for v in (p.field, p.hq):
        if not v.is_locked:
            v.lock()


def test_export_copy_is_the_cleaned_one_and_never_overwrites(field, tmp_path):
    src = tmp_path / "gps.jpg"
    src.write_bytes(image("JPEG"))
    att = field.import_attachment(src)
    out = tmp_path / "copy.jpg"
    assert attachments.export_copy(field, att.id, out) == att.clean_sha256
    assert CANARY.encode() not in out.read_bytes()
    before = out.read_bytes()
    with pytest.raises(Refusal) as refused:
        attachments.export_copy(field, att.id, out, original=True)
    assert refused.value.code == "file.exists" and refused.value.params["path"] == out
    assert out.read_bytes() == before


def test_cleaning_report_lists_what_was_removed(field, tmp_path):
    src = tmp_path / "gps.jpg"
    src.write_bytes(image("JPEG"))
    att = field.import_attachment(src)
    report = attachments.cleaning_report(field, att.id)
    assert report["status"] == "cleaned"
    assert "EXIF GPS position" in report["removed"]


def test_hide_faces_refuses_an_unknown_fill_and_changes_nothing(field, tmp_path):
    astronaut = Path(__file__).resolve().parent / "data" / "media" / "faces" / "astronaut.jpg"
    src = tmp_path / "crowd.jpg"
    src.write_bytes(astronaut.read_bytes())
    att = field.import_attachment(src)
    box = attachments.Box(10, 10, 60, 60, 1.0)
    with pytest.raises(Refusal, match="Unknown fill"):
        attachments.hide_faces(field, att.id, [box], mode="blur")
    assert field.attachment(att.id).faces_sha256 is None


def test_remove_originals_deletes_unchanged_files_and_reports_the_rest(tmp_path):
    kept, gone = tmp_path / "changed.jpg", tmp_path / "same.jpg"
    kept.write_bytes(image("JPEG"))
    gone.write_bytes(image("PNG"))
    old_sha = hashlib.sha256(kept.read_bytes()).hexdigest()
    kept.write_bytes(b"edited since the import")
    problems = attachments.remove_originals([(kept, old_sha), (gone, hashlib.sha256(gone.read_bytes()).hexdigest())])
    assert kept.exists() and not gone.exists()
    assert len(problems) == 1 and "changed.jpg" in problems[0]


def test_a_vault_from_before_the_cleaning_reports_gets_them_on_opening(tmp_path):
    from desktop.core import schema
    from desktop.core.vault import Vault
    from tests.bundle_kit import FIELD_PASS

    pair = make_pair(tmp_path)
    v = pair.field
    src = tmp_path / "old.jpg"
    src.write_bytes(image("JPEG"))
    old = v.import_attachment(src)
    with v.transaction() as c:  # back to schema 7, as the release before media cleaning left it
        for column in ("clean_mime", "clean_report_json", "faces_blob", "faces_sha256", "faces_size", "faces_json"):
            c.execute(f"ALTER TABLE attachments DROP COLUMN {column}")
        c.execute("PRAGMA user_version = 7")
    v.lock()
    pair.hq.lock()
    v = Vault.unlock(tmp_path / "field", FIELD_PASS)
    try:
        assert schema.version(v.conn) == schema.CURRENT_VERSION
        before = v.attachment(old.id)
        assert before.sha256 == old.sha256 and before.report is None and before.faces_sha256 is None
        new = v.import_attachment(src)
        assert attachments.cleaning_report(v, new.id)["status"] == "cleaned" and new.report
    finally:
        v.lock()
