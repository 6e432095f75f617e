"""Images: rebuilt from pixels (desktop/core/media/images.py), and the honest report."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from desktop.core import media
from desktop.core.media import CleanReport, Kept, sniff
from tests.media_kit import (
    CANARY,
    MAT2,
    exiftool,
    gradient,
    identifying,
    image,
    metadata_groups,
    needs_exiftool,
    png_header_only,
)


def _clean(tmp_path: Path, data: bytes, name: str) -> tuple[bytes, CleanReport]:
    src = tmp_path / name
    src.write_bytes(data)
    out = io.BytesIO()
    report = media.clean_file(src, out)
    return out.getvalue(), report


def _diff(a: Image.Image, b: Image.Image) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean)


FORMATS = [("JPEG", "x.jpg", "image/jpeg"), ("PNG", "x.png", "image/png"), ("WEBP", "x.webp", "image/webp"),
           ("TIFF", "x.tif", "image/tiff"), ("GIF", "x.gif", "image/gif"), ("BMP", "x.bmp", "image/bmp"),
           ("AVIF", "x.avif", "image/avif")]


@pytest.mark.parametrize("fmt,name,mime", FORMATS)
def test_every_image_format_rebuilt_with_its_own_type(tmp_path, fmt, name, mime):
    data = image(fmt)
    out, report = _clean(tmp_path, data, name)
    assert report.status == "cleaned", report
    assert report.mime == mime and report.clean_mime == mime
    assert CANARY.encode() not in out and b"FieldCam" not in out
    with Image.open(io.BytesIO(out)) as got, Image.open(io.BytesIO(data)) as orig:
        assert got.format == fmt and got.size == orig.size
        assert not got.getexif() or fmt == "TIFF"
        tolerance = 6 if fmt in ("JPEG", "AVIF") else 0.5
        assert _diff(got.convert("RGB"), orig.convert("RGB")) <= tolerance
    if fmt in ("JPEG", "PNG", "WEBP", "TIFF", "AVIF"):
        assert "EXIF GPS position" in report.found and report.found == report.removed


def test_animated_gif_keeps_frames_and_timing(tmp_path):
    out, report = _clean(tmp_path, image("GIF"), "a.gif")
    assert report.cleaned and "comment" in report.removed
    with Image.open(io.BytesIO(out)) as got:
        assert got.n_frames == 3
        durations = []
        for i in range(3):
            got.seek(i)
            durations.append(got.info["duration"])
        assert durations == [100, 200, 300]
        assert "comment" not in got.info


def test_gif_with_repeated_frames_is_cleaned(tmp_path):
    # tools often write a still picture as several identical frames, or hold a frame by
    # repeating it: the encoder merges them, which used to fail the cleaning (TypeError)
    red, blue = Image.new("RGB", (40, 30), (200, 0, 0)), Image.new("RGB", (40, 30), (0, 0, 200))
    # one frame written three times over (Pillow itself would merge them: the file is spliced by hand)
    one = io.BytesIO()
    red.save(one, "GIF", duration=100, loop=0, comment=CANARY.encode())
    data = one.getvalue()
    frame = data[data.index(b"\x21\xf9"):-1]  # graphic control extension .. image data, before the trailer
    still = data[:data.index(b"\x21\xf9")] + frame * 3 + b"\x3b"
    with Image.open(io.BytesIO(still)) as src:
        assert src.n_frames == 3
    out, report = _clean(tmp_path, still, "still.gif")
    assert report.cleaned, report.reason
    with Image.open(io.BytesIO(out)) as got:
        assert got.n_frames == 1 and got.convert("RGB").getpixel((5, 5)) == (200, 0, 0)
    assert CANARY.encode() not in out
    held = io.BytesIO()
    red.save(held, "GIF", save_all=True, append_images=[red.copy(), blue], duration=[100, 200, 300], loop=0)
    out, report = _clean(tmp_path, held.getvalue(), "held.gif")
    assert report.cleaned, report.reason
    with Image.open(io.BytesIO(out)) as got:
        assert got.n_frames == 2
        shown = []
        for i in range(2):
            got.seek(i)
            shown.append((got.convert("RGB").getpixel((5, 5)), got.info["duration"]))
        assert shown == [((200, 0, 0), 300), ((0, 0, 200), 300)]  # the red frame held as long as before


@needs_exiftool
@pytest.mark.parametrize("name", ["dirty.jpg", "dirty.gif", "dirty.bmp", "dirty.webp", "dirty.avif"])
def test_mat2_dirty_images(tmp_path, name):
    src = MAT2 / name
    out = io.BytesIO()
    report = media.clean_file(src, out)
    assert report.cleaned, report
    dst = tmp_path / name
    dst.write_bytes(out.getvalue())
    after = exiftool(dst)
    assert identifying(after) == [] and metadata_groups(after) == set()
    before = exiftool(src)
    assert identifying(before) or metadata_groups(before) or name == "dirty.bmp"  # really dirty


@needs_exiftool
def test_jpeg_gps_gone_for_exiftool(tmp_path):
    out, report = _clean(tmp_path, image("JPEG"), "gps.jpg")
    dst = tmp_path / "clean.jpg"
    dst.write_bytes(out)
    tags = exiftool(dst)
    assert not [k for k in tags if "GPS" in k] and identifying(tags) == []
    assert {"EXIF GPS position", "camera make and model", "XMP", "comment"} <= set(report.removed)


def test_orientation_applied_to_pixels(tmp_path):
    im = gradient(64, 32)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display
    buf = io.BytesIO()
    im.save(buf, "PNG", exif=exif)
    out, report = _clean(tmp_path, buf.getvalue(), "o.png")
    with Image.open(io.BytesIO(out)) as got:
        assert got.size == (32, 64)
    assert "EXIF orientation (applied to the pixels)" in report.removed


def test_pixel_bomb_refused_by_bytes_per_pixel_without_decoding(tmp_path):
    """9400 x 9400 RGBA is 337 MiB decoded: refused from the header, in small memory."""
    src = tmp_path / "bomb.png"
    src.write_bytes(png_header_only(9400, 9400))
    # VmHWM is this process's own peak (ru_maxrss would carry pytest's over from the fork)
    code = ("import io, re, sys; from desktop.core import media; "
            "r = media.clean_file(sys.argv[1], io.BytesIO()); "
            "print(r.status); print(r.reason); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    res = subprocess.run([sys.executable, "-c", code, str(src)], check=False, capture_output=True, text=True,
                         timeout=60,
                         cwd=Path(__file__).parent.parent, env={**os.environ, "PYTHONPATH": "."})
    status, reason, rss_kib = res.stdout.strip().splitlines()
    assert status == "not_cleaned"
    assert "9400 x 9400 pixels x 4 bytes" in reason and "\n" not in reason
    assert int(rss_kib) < 150 * 1024
    # the same area in one byte per pixel fits the budget: the limit counts bytes, not pixels
    from desktop.core.media.images import MAX_DECODED_BYTES, decoded_bytes
    assert decoded_bytes(9400, 9400, "L", 1) < MAX_DECODED_BYTES < decoded_bytes(9400, 9400, "RGBA", 1)


@pytest.mark.parametrize("data,name", [
    (b"", "empty.jpg"),
    (image("JPEG")[:300], "truncated.jpg"),
    (image("PNG")[:60], "truncated.png"),
    (b"\xff\xd8\xff\xe0" + os.urandom(2000), "garbage.jpg"),
    (b"GIF89a" + b"\xff" * 50, "bad.gif"),
    (os.urandom(4096), "random.bin"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + os.urandom(200), "photo.heic"),
])
def test_hostile_or_unsupported_images_give_one_line_and_no_copy(tmp_path, data, name):
    _out, report = _clean(tmp_path, data, name)
    assert report.status == "not_cleaned" and not report.cleaned
    assert report.reason and "\n" not in report.reason and len(report.reason) < 200


def test_polyglot_jpeg_with_zip_appended_loses_the_zip(tmp_path):
    import zipfile

    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("secret.txt", CANARY)
    out, report = _clean(tmp_path, image("JPEG") + z.getvalue(), "poly.jpg")
    assert report.cleaned and b"PK\x03\x04" not in out and CANARY.encode() not in out


def test_report_round_trip_and_partial_never_cleaned():
    r = CleanReport("cleaned", "document", "a", "a", "m", ["x"], ["x"], [Kept("embedded object", "binary")])
    r.finish()
    assert r.status == "partial" and not r.cleaned
    back = CleanReport.from_json(r.to_json())
    assert back == r and not back.cleaned
    # a forged report claiming "cleaned" while listing something kept is read back as partial
    forged = r.to_dict() | {"status": "cleaned"}
    assert CleanReport.from_dict(forged).status == "partial"
    assert CleanReport.from_dict({"status": "perfect"}).status == "not_cleaned"


def test_sniff():
    assert sniff(b"\xff\xd8\xff\xe0") == ("image", "image/jpeg")
    assert sniff(b"\x00\x00\x00\x1cftypavif") == ("image", "image/avif")
    assert sniff(b"\x00\x00\x00\x1cftypheic") == ("image", "image/heic")
    assert sniff(b"FORM\x00\x00\x00\x00AIFF") == ("audio", "audio/aiff")
    assert sniff(bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")) == ("video", "video/x-ms-wmv")
    assert sniff(b"BM\x00\x00\x00\x00\x00\x00\x00\x00" + b"\x00" * 10) == ("image", "image/bmp")
    assert media.sniff_path(MAT2 / "dirty.odt")[1] == "application/vnd.oasis.opendocument.text"
    assert media.sniff_path(MAT2 / "comment.docx")[0] == "document"
