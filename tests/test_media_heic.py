"""HEIC/HEIF (the iPhone default): rebuilt from the primary image's pixels into an
honest JPEG, upright, with nothing of the original's metadata; hostile files refused
in one line."""
from __future__ import annotations

import io
import json
import time

import pytest
from PIL import Image, ImageChops, ImageStat

from desktop.core import media
from desktop.core.bundle import export_bundle, import_bundle
from tests.bundle_kit import open_tar, simple_view
from tests.media_kit import CANARY, HEIC_SIZE, exiftool, gps_exif, identifying, metadata_groups, needs_exiftool
from tests.media_kit import heic_photo as heic
from tests.media_kit import heic_upright as _upright

pillow_heif = pytest.importorskip("pillow_heif")
W, H = HEIC_SIZE


def _diff(a: Image.Image, b: Image.Image) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean)


@needs_exiftool
def test_the_fixture_really_carries_what_a_phone_leaves(tmp_path):
    data = heic()
    f = pillow_heif.open_heif(data)
    assert len(f) == 2 and f[0].info.get("thumbnails")
    p = tmp_path / "IMG_0001.HEIC"
    p.write_bytes(data)
    tags = exiftool(p)
    assert any("GPS" in k for k in tags) and any(CANARY in str(v) for v in tags.values())
    assert identifying(tags)


@needs_exiftool
def test_heic_becomes_an_upright_jpeg_with_nothing_left(tmp_path):
    src = tmp_path / "IMG_0001.HEIC"
    src.write_bytes(heic())
    out = io.BytesIO()
    report = media.clean_file(src, out)
    assert report.status == media.CLEANED, report
    assert (report.mime, report.clean_mime, report.clean_ext) == ("image/heic", "image/jpeg", ".jpg")
    for what in ("EXIF GPS position", "XMP", "embedded thumbnail", "EXIF orientation (applied to the pixels)"):
        assert what in report.found and what in report.removed, what
    assert any("other image" in f for f in report.found)
    data = out.getvalue()
    assert data.startswith(b"\xff\xd8\xff") and CANARY.encode() not in data and b"33.5138" not in data
    dst = tmp_path / "copy.jpg"
    dst.write_bytes(data)
    tags = exiftool(dst)
    assert identifying(tags) == [] and metadata_groups(tags) == set(), tags
    assert not any(k.endswith("Orientation") for k in tags)
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (H, W) and not im.getexif() and im.info.get("exif") is None
        assert _diff(im, _upright()) < 6  # upright: the rotation was applied once, not twice
    assert media.CleanReport.from_json(report.to_json()).clean_ext == ".jpg"


def test_heic_with_transparency_becomes_png():
    rgba = Image.new("RGBA", (40, 40), (10, 20, 200, 128))
    buf = io.BytesIO()
    pillow_heif.from_pillow(rgba).save(buf, quality=90, exif=gps_exif().tobytes())
    out, report = media.clean_bytes(buf.getvalue(), "a.heic")
    assert report.cleaned and (report.clean_mime, report.clean_ext) == ("image/png", ".png")
    assert out is not None
    with Image.open(io.BytesIO(out)) as im:
        assert im.mode == "RGBA" and not im.getexif()


def test_hostile_heic_one_line_in_bounded_time(tmp_path):
    good = heic(orientation=1, size=(64, 64))
    i = good.find(b"ispe")
    assert i > 0
    huge = good[: i + 8] + (20000).to_bytes(4, "big") * 2 + good[i + 16:]
    cases = {"huge.heic": (huge, "too large"), "truncated.heic": (good[: len(good) - 200], ""),
             "header.heic": (good[:64], ""), "garbage.heic": (good[:32] + b"\x00" * 4000, "")}
    for name, (data, words) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        out = io.BytesIO()
        t = time.monotonic()
        report = media.clean_file(p, out)
        assert time.monotonic() - t < 5, name
        assert report.status == media.FAILED and report.reason and "\n" not in report.reason, (name, report)
        assert words in report.reason, (name, report.reason)


def test_avif_labelled_mif1_is_not_taken_for_heic():
    ftyp = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf"
    assert media.sniff(ftyp, "x.heic") == ("image", "image/avif")
    heic_ftyp = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heicmiaf"
    assert media.sniff(heic_ftyp, "x") == ("image", "image/heic")


def test_bundle_carries_the_jpeg_under_its_own_type_and_extension(pair, tmp_path):
    src = tmp_path / "IMG_0002.HEIC"
    src.write_bytes(heic())
    att = pair.field.import_attachment(src)
    assert att.cleaned and att.clean_mime == "image/jpeg"
    rid = pair.field.add_record("footage", "1", {"narrative": "photo"}, {}, attachment_ids=[att.id])
    out = tmp_path / "b.tstm"
    export_bundle(pair.field, pair.card.fingerprint, out, simple_view)
    members = {m.name: d for m, d in open_tar(pair, out)}
    sent = json.loads(members[f"records/{rid}.json"])["attachments"][0]
    assert sent["mime"] == "image/jpeg" and sent["filename"].endswith(".jpg")
    import_bundle(pair.hq, out, trust_new_device=True)
    got = pair.hq.get_record(rid).attachments[0]
    assert got.mime == "image/jpeg" and got.filename.endswith(".jpg")
    buf = io.BytesIO()
    pair.hq.read_attachment(got.id, buf)
    assert buf.getvalue().startswith(b"\xff\xd8\xff") and CANARY.encode() not in buf.getvalue()


def test_saved_copy_is_offered_under_the_jpeg_extension(pair, tmp_path):
    from desktop.core.services import attachments

    src = tmp_path / "IMG_0003.HEIC"
    src.write_bytes(heic())
    att = pair.field.import_attachment(src)
    assert attachments.copy_filename(att) == "IMG_0003.jpg"
    assert attachments.copy_filename(att, original=True) == "IMG_0003.HEIC"
    dst = tmp_path / attachments.copy_filename(att)
    attachments.export_copy(pair.field, att.id, dst)
    with Image.open(dst) as im:
        assert im.format == "JPEG"
