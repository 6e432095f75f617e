"""HEIC / HEIF photos (the iPhone default): rebuilt from the primary image's pixels.

libheif (through pillow-heif) decodes only the primary image; the copy is a
new JPEG (PNG when the photo has transparency) encoded from those pixels
with explicit parameters.  EXIF (GPS, device, dates), XMP, thumbnails,
depth maps, auxiliary images (HDR gain maps, portrait mattes), other images
of the file and any unknown box therefore cannot reach the copy.  It is an
honest conversion: the report names the new type and extension, and the
bundle and "Save a copy" use them.

Orientation: HEIF keeps it in the image's rotation and mirror properties
(``irot``/``imir``), which libheif applies while decoding; phones copy the
same value into the EXIF orientation tag, which the HEIF specification says
not to apply a second time.  The pixels of the copy are therefore upright
and it carries no orientation of its own.

Limits: the declared size is checked against ``images.MAX_DECODED_BYTES``
before a pixel is decoded, and libheif's own security limits stay on.
"""
from __future__ import annotations

import io
import warnings
from typing import Any

from .images import MAX_DECODED_BYTES, MAX_FILE_BYTES, _findings, _fresh, _verify, decoded_bytes
from .report import CLEANED, CleanError, CleanReport

HEIF_MIMES = ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")
JPEG_QUALITY = 95


def _heif_findings(img: Any, pil: Any, data: bytes, images: int) -> list[str]:
    found = _findings(pil, data)
    info = img.info
    if info.get("thumbnails"):
        found.append("embedded thumbnail")
    if info.get("depth_images"):
        found.append("depth map")
    if info.get("aux"):
        found.append("auxiliary images (HDR gain map, portrait matte or similar)")
    if images > 1:
        found.append(f"{images - 1} other image(s) in the file (burst, live photo or edits)")
    if info.get("metadata"):
        found.append("other metadata blocks")
    orientation = pil.info.get("original_orientation")
    if orientation not in (None, 1) and "EXIF orientation (applied to the pixels)" not in found:
        found.append("EXIF orientation (applied to the pixels)")
    return list(dict.fromkeys(found))


def clean_heif(data: bytes, mime: str) -> tuple[bytes, CleanReport]:
    """The photo ``data`` rebuilt as JPEG (or PNG with transparency) and the report."""
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover - a dependency of the app
        raise CleanError("HEIC support (pillow-heif) is not installed") from None

    if len(data) > MAX_FILE_BYTES:
        raise CleanError(f"image file over {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            heif = pillow_heif.open_heif(data, convert_hdr_to_8bit=True)
            images = len(heif)
            img = heif[heif.primary_index]
            w, h = img.size
            mode = img.mode
        except (ValueError, EOFError, SyntaxError, RuntimeError, OSError, IndexError) as exc:
            raise CleanError(f"this HEIC/HEIF file cannot be read ({_first_line(exc)})") from None
        bpp_mode = "RGBA" if img.has_alpha else "RGB"
        need = decoded_bytes(w, h, bpp_mode, 1)
        if w <= 0 or h <= 0 or need > MAX_DECODED_BYTES:
            raise CleanError(f"image too large to rebuild safely: {w} x {h} pixels = {need // (1024 * 1024)} MiB "
                             f"decoded (limit {MAX_DECODED_BYTES // (1024 * 1024)} MiB)")
        try:
            pil = img.to_pillow()  # decodes the primary image only
        except (ValueError, EOFError, SyntaxError, RuntimeError, OSError) as exc:
            raise CleanError(f"this HEIC/HEIF file cannot be decoded ({_first_line(exc)})") from None
        found = _heif_findings(img, pil, data, images)
        del heif, img
    pixels = _fresh(pil)
    del pil
    out = io.BytesIO()
    if "A" in mode or pixels.mode in ("RGBA", "LA", "PA"):
        pixels = pixels.convert("RGBA")
        pixels.save(out, "PNG")
        clean_mime, ext, how = "image/png", ".png", "PNG, lossless, transparency kept"
    else:
        if pixels.mode not in ("RGB", "L"):
            pixels = pixels.convert("RGB")
        pixels.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
        clean_mime, ext, how = "image/jpeg", ".jpg", f"JPEG quality {JPEG_QUALITY}, lossy"
    result = out.getvalue()
    _verify(result)
    report = CleanReport(CLEANED, "image", mime, clean_mime,
                         f"converted from HEIC/HEIF: primary image decoded and re-encoded as {how}",
                         list(found), list(found), clean_ext=ext)
    report.notes.append(f"the copy is a {ext[1:].upper()} file ({clean_mime}), not HEIC: "
                        "HEIC is read here but only the decoded picture is kept")
    return result, report


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__


__all__ = ["HEIF_MIMES", "clean_heif"]
