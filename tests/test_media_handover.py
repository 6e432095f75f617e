"""Dirty files end to end: attached, exported by default, imported at headquarters,
checked there with exiftool and a PDF object walk; reports stored and carried;
partial cleaning never labelled cleaned; a decrypted copy taken out."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pyrage
import pytest

from desktop.core.bundle import export_bundle, import_bundle
from desktop.core.vault import VaultError
from tests.bundle_kit import open_tar, simple_view
from tests.media_kit import (
    CANARY,
    MAT2,
    bwf,
    dirty_pdf,
    exiftool,
    heic_photo,
    identifying,
    image,
    metadata_groups,
    mp3_with_tail_tags,
    mp4_with_unknown_box,
    needs_exiftool,
    pdf_strings,
    video,
)


def _dirty_set(tmp: Path) -> list[Path]:
    own = tmp / "own"
    own.mkdir()
    files = [MAT2 / n for n in ("dirty.jpg", "dirty.gif", "dirty.bmp", "dirty.avif", "dirty.flac", "dirty.ogg",
                                "dirty.aiff", "dirty.avi", "dirty.pdf", "comment.docx", "dirty.odt")]
    (own / "IMG_0001.HEIC").write_bytes(heic_photo())
    files.append(own / "IMG_0001.HEIC")
    for fmt, name in (("JPEG", "gps.jpg"), ("PNG", "text.png"), ("TIFF", "exif.tif"), ("WEBP", "x.webp")):
        (own / name).write_bytes(image(fmt))
        files.append(own / name)
    files += [mp4_with_unknown_box(own / "phone.mp4"), bwf(own / "recorder.wav"), mp3_with_tail_tags(own / "t.mp3"),
              dirty_pdf(own / "annotated.pdf"), video(own / "clip.mkv", fmt="matroska"),
              video(own / "clip.wmv", fmt="asf", vcodec="wmv2", acodec="libmp3lame")]
    return files


@needs_exiftool
def test_dirty_files_reach_headquarters_clean_and_none_withheld(pair, tmp_path):
    files = _dirty_set(tmp_path)
    atts = [pair.field.import_attachment(f) for f in files]
    for f, a in zip(files, atts, strict=True):
        assert a.clean_status == "cleaned", (f.name, a.report)
        assert a.report and a.report["status"] == "cleaned" and a.report["method"]
    rid = pair.field.add_record("footage", "1", {"narrative": "clips"}, {"name": "W"},
                                attachment_ids=[a.id for a in atts])
    out = tmp_path / "b.tstm"
    result = export_bundle(pair.field, pair.card.fingerprint, out, simple_view)
    assert result.skipped == [] and result.attachments == len(files)  # nothing withheld
    members = {m.name: data for m, data in open_tar(pair, out)}
    manifest = json.loads(members["manifest.json"])
    reports = [f["cleaning"] for f in manifest["files"] if f["name"].startswith("attachments/")]
    assert len(reports) == len(files) and all(r["sent"] == "cleaned" and r["status"] == "cleaned" for r in reports)
    import_bundle(pair.hq, out, trust_new_device=True)
    got = pair.hq.get_record(rid).attachments
    assert len(got) == len(files)
    hq_dir = tmp_path / "at-hq"
    hq_dir.mkdir()
    for n, a in enumerate(got):
        assert a.report and a.report["status"] == "cleaned"  # the report came along
        dst = hq_dir / f"{n}-{a.filename}"
        pair.hq.export_attachment(a.id, dst)
        data = dst.read_bytes()
        assert CANARY.encode() not in data and CANARY.encode("utf-16-le") not in data, a.filename
        tags = exiftool(dst)
        assert identifying(tags) == [], (a.filename, identifying(tags))
        structural = {"Vorbis"} | ({"IFD0"} if a.mime == "image/tiff" else set())  # TIFF's own tags live in IFD0
        assert metadata_groups(tags) - structural == set(), (a.filename, metadata_groups(tags))
        if a.mime == "application/pdf":
            walk = pdf_strings(dst)
            assert CANARY not in walk and "PTEX" not in walk
        if a.kind == "document":
            with zipfile.ZipFile(dst) as z:
                assert not any(CANARY.encode() in z.read(i) for i in z.namelist())


def test_report_kept_with_attachment_and_partial_never_labelled_cleaned(pair, tmp_path):
    doc = tmp_path / "with-object.docx"
    with zipfile.ZipFile(MAT2 / "comment.docx") as src, zipfile.ZipFile(doc, "w") as dst:
        for i in src.infolist():
            dst.writestr(i, src.read(i))
        dst.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + CANARY.encode() * 10)
    att = pair.field.import_attachment(doc)
    assert att.clean_status == "partial" and not att.cleaned
    assert att.report["kept"] and "oleObject1.bin" in att.report["kept"][0]["what"]
    again = pair.field.attachment(att.id)
    assert again.report == att.report and again.clean_status == "partial"
    rid = pair.field.add_record("footage", "1", {"narrative": "doc"}, {}, attachment_ids=[att.id])
    res = export_bundle(pair.field, pair.card.fingerprint, tmp_path / "a.tstm", simple_view)
    assert res.attachments == 0 and "could not be removed" in res.skipped[0]
    pair.field.revise_record(rid, {"narrative": "doc again"}, {})
    res = export_bundle(pair.field, pair.card.fingerprint, tmp_path / "b.tstm", simple_view, include_uncleaned=True)
    members = {m.name: d for m, d in open_tar(pair, tmp_path / "b.tstm")}
    rec = json.loads(members[f"records/{rid}.json"])
    assert rec["attachments"][0]["cleaned"] == "partial"  # sent, and said to be partial
    assert rec["attachments"][0]["sha256"] == att.clean_sha256  # the partly cleaned copy, not the original


def test_failed_cleaning_keeps_no_copy_and_says_why(pair, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(image("JPEG")[:200])
    att = pair.field.import_attachment(bad)
    assert att.clean_status == "not_cleaned" and att.clean_sha256 is None and att.report["reason"]
    assert not list((pair.field.path / "blobs").glob("*.part"))
    assert len(list((pair.field.path / "blobs").iterdir())) == 1  # only the original


def test_export_attachment_checks_hash_refuses_overwrite_and_logs(pair, tmp_path):
    src = tmp_path / "gps.jpg"
    src.write_bytes(image("JPEG"))
    att = pair.field.import_attachment(src)
    out = tmp_path / "copy.jpg"
    sha = pair.field.export_attachment(att.id, out)
    assert sha == att.clean_sha256 and CANARY.encode() not in out.read_bytes()
    with pytest.raises(VaultError, match="already exists"):
        pair.field.export_attachment(att.id, out)
    orig = tmp_path / "orig.jpg"
    pair.field.export_attachment(att.id, orig, original=True)
    assert orig.read_bytes() == src.read_bytes()
    actions = [(e.action, e.details.get("copy")) for e in pair.field.custody() if e.action == "attachment.export"]
    assert actions == [("attachment.export", "cleaned"), ("attachment.export", "original")]
    # a blob swapped for another valid one is caught by the hash check and no copy is left
    other = tmp_path / "other.png"
    other.write_bytes(image("PNG"))
    att2 = pair.field.import_attachment(other)
    blobs = pair.field.path / "blobs"
    a_blob, b_blob = pair.field.blob_path(att.id, cleaned=True), pair.field.blob_path(att2.id, cleaned=True)
    a_blob.write_bytes(b_blob.read_bytes())
    with pytest.raises(VaultError, match="does not match"):
        pair.field.export_attachment(att.id, tmp_path / "swapped.jpg")
    assert not (tmp_path / "swapped.jpg").exists() and blobs.exists()


def test_no_plaintext_of_the_cleaned_copy_on_disk(pair, tmp_path):
    src = tmp_path / "gps.jpg"
    src.write_bytes(image("JPEG"))
    att = pair.field.import_attachment(src)
    clean = io.BytesIO()
    pair.field.read_attachment(att.id, clean, cleaned=True)
    marker = clean.getvalue()[-64:]
    for p in pair.field.path.rglob("*"):
        if p.is_file():
            assert marker not in p.read_bytes()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(pair.field.blob_path(att.id, cleaned=True).read_bytes(), [pyrage.x25519.Identity.generate()])


def test_remove_source_only_if_unchanged(tmp_path):
    import hashlib

    from desktop.core.media.source import SourceError, remove_source

    f = tmp_path / "witness.jpg"
    f.write_bytes(image("JPEG"))
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    f.write_bytes(b"a different file since")
    with pytest.raises(SourceError, match="changed"):
        remove_source(f, sha)
    assert f.exists()
    f.write_bytes(image("JPEG"))
    remove_source(f, hashlib.sha256(f.read_bytes()).hexdigest())
    assert not f.exists()
    with pytest.raises(SourceError, match="already gone"):
        remove_source(f, sha)
    link = tmp_path / "link.jpg"
    target = tmp_path / "t.jpg"
    target.write_bytes(b"x")
    link.symlink_to(target)
    with pytest.raises(SourceError, match="not a plain file"):
        remove_source(link, hashlib.sha256(b"x").hexdigest())
    assert target.exists()
