"""Photos: rebuilt from their pixels (an allow-list of one thing: the image).

The new file is encoded from decoded pixels with explicit encoder parameters,
so EXIF (GPS, serial numbers, dates, maker notes), XMP, IPTC, ICC profiles,
comments, text chunks and thumbnails cannot survive.  Frames and their
timing are kept for animations (GIF, WebP).  A file is refused before any
pixel is decoded when width x height x bytes per pixel x frames goes over
``MAX_DECODED_BYTES``.
"""
from __future__ import annotations

import io
import warnings
from typing import Any

from .report import CLEANED, CleanError, CleanReport

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_DECODED_BYTES = 256 * 1024 * 1024
MAX_FRAMES = 5000

# bytes per pixel of Pillow's modes once decoded (animated GIF frames become RGBA)
_BPP = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "La": 2, "I;16": 2, "I;16B": 2, "I;16L": 2,
        "RGB": 3, "YCbCr": 3, "LAB": 3, "HSV": 3, "RGBA": 4, "RGBa": 4, "CMYK": 4, "RGBX": 4,
        "I": 4, "F": 4}

_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "TIFF": "image/tiff",
            "GIF": "image/gif", "BMP": "image/bmp", "AVIF": "image/avif"}
_TIFF_STRUCTURAL = {254, 255, 256, 257, 258, 259, 262, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283,
                    284, 296, 317, 320, 322, 323, 324, 325, 338, 339, 340, 341, 530, 531, 532}
_META_INFO_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop", "iptc",
                   "dpi_comment", "Software", "Author", "Comment")


def _findings(im: Any, data: bytes) -> list[str]:
    from PIL import ExifTags

    found: list[str] = []
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
        exif = None
    if exif:
        structural = set(exif) - _TIFF_STRUCTURAL if im.format == "TIFF" else set(exif)
        try:
            gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
            gps = {}
        try:
            sub = exif.get_ifd(ExifTags.IFD.Exif)
        except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
            sub = {}
        if gps or ExifTags.IFD.GPSInfo in exif:
            found.append("EXIF GPS position")
        if 0x010F in exif or 0x0110 in exif:
            found.append("camera make and model")
        if 0x0112 in exif and exif.get(0x0112, 1) != 1:
            found.append("EXIF orientation (applied to the pixels)")
        if 0x927C in sub:
            found.append("maker notes")
        if 0x0132 in exif or 0x9003 in sub or 0x9004 in sub:
            found.append("EXIF dates and times")
        if 0xA431 in sub or 0xA435 in sub or 0xA420 in sub:
            found.append("camera serial numbers")
        if 0x013B in exif or 0x8298 in exif or 0xA430 in sub:
            found.append("owner, artist or copyright")
        if 0x0131 in exif:
            found.append("software name")
        try:
            if exif.get_ifd(ExifTags.IFD.IFD1):
                found.append("embedded thumbnail")
        except Exception:  # noqa: BLE001, S110 - optional finding
            pass
        if structural or sub or gps:
            found.append("EXIF")
    info = im.info or {}
    if data.count(b"\xff\xd8\xff") > 1 and "embedded thumbnail" not in found:
        found.append("embedded thumbnail")
    if b"http://ns.adobe.com/xap/1.0/" in data or "xmp" in info or "XML:com.adobe.xmp" in info:
        found.append("XMP")
    if b"Photoshop 3.0" in data or "photoshop" in info or "iptc" in info:
        found.append("IPTC / Photoshop data")
    if info.get("icc_profile"):
        found.append("ICC colour profile")
    if info.get("comment"):
        found.append("comment")
    texts = [k for k, v in info.items() if isinstance(v, str) and k not in ("xmp",)]
    if texts and im.format == "PNG":
        found.append("PNG text chunks")
    return found


def decoded_bytes(width: int, height: int, mode: str, frames: int) -> int:
    return int(width) * int(height) * _BPP.get(mode, 4) * max(1, int(frames))


def _check_budget(im: Any, animated: bool) -> int:
    w, h = im.size
    frames = getattr(im, "n_frames", 1) if animated else 1
    if frames > MAX_FRAMES:
        raise CleanError(f"image has {frames} frames; the limit is {MAX_FRAMES}")
    mode = "RGBA" if (animated and im.format in ("GIF", "WEBP")) else im.mode
    need = decoded_bytes(w, h, mode, frames)
    if need > MAX_DECODED_BYTES:
        raise CleanError(
            f"image too large to rebuild safely: {w} x {h} pixels x {_BPP.get(mode, 4)} bytes"
            f"{f' x {frames} frames' if frames > 1 else ''} = {need // (1024 * 1024)} MiB decoded"
            f" (limit {MAX_DECODED_BYTES // (1024 * 1024)} MiB)")
    return frames


def _same_picture(a: Any, b: Any) -> bool:
    """Do two frames show the same pixels (as the encoders compare them, in RGBA)?"""
    from PIL import ImageChops

    if a.size != b.size:
        return False
    return ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")).getbbox(alpha_only=False) is None


def _fresh(frame: Any) -> Any:
    """A copy holding only pixels (and palette): the info dict is emptied."""
    out = frame.copy()
    out.info = {}
    return out


def clean_image(data: bytes, mime: str) -> tuple[bytes, CleanReport]:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    if len(data) > MAX_FILE_BYTES:
        raise CleanError(f"image file over {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            im = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise CleanError("this image format cannot be decoded here, so it cannot be rebuilt") from None
        except Image.DecompressionBombError:
            raise CleanError("image too large to rebuild safely (decompression bomb)") from None
        with im:
            fmt = im.format or ""
            if fmt not in _FORMATS:
                raise CleanError(f"image format {fmt or 'unknown'} has no cleaner")
            animated = getattr(im, "is_animated", False) and fmt in ("GIF", "WEBP", "TIFF", "PNG")
            frames = _check_budget(im, animated)
            found = _findings(im, data)
            lossy = ", lossy" if fmt in ("JPEG", "AVIF") else ""
            report = CleanReport(CLEANED, "image", mime, _FORMATS[fmt],
                                 f"re-encoded from decoded pixels ({fmt}{lossy})", list(found), list(found))
            subsampling = -1
            if fmt == "JPEG":
                from PIL import JpegImagePlugin
                try:
                    subsampling = JpegImagePlugin.get_sampling(im)
                except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
                    subsampling = -1
            lossless_webp = fmt == "WEBP" and (b"VP8L" in data[12:64] or bool(im.info.get("lossless")))
            loop = im.info.get("loop", 0)
            transparency = im.info.get("transparency")
            if animated:
                seq: list[Any] = []
                durations: list[int] = []
                disposal: list[int] = []
                for frame in ImageSequence.Iterator(im):
                    duration = int(frame.info.get("duration", 100) or 100)
                    fresh = _fresh(frame)
                    if seq and _same_picture(seq[-1], fresh):
                        durations[-1] += duration  # shown longer, as the encoder would merge it
                        continue
                    durations.append(duration)
                    disposal.append(int(getattr(frame, "disposal_method", 0) or 0))
                    seq.append(fresh)
                if len(seq) == 1:  # every frame the same picture: a still image
                    animated = False
                    durations, disposal = [], []
            else:
                im.load()
                rotated = ImageOps.exif_transpose(im)
                seq = [_fresh(rotated if rotated is not None else im)]
                durations, disposal = [], []
    out = io.BytesIO()
    first = seq[0]
    if fmt == "JPEG":
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        params: dict[str, Any] = {"quality": 95, "optimize": False}
        if subsampling in (0, 1, 2):
            params["subsampling"] = subsampling
        first.save(out, "JPEG", **params)
    elif fmt == "WEBP":
        params = {"lossless": True, "exact": True} if lossless_webp else {"quality": 95}
        if animated:
            params.update(save_all=True, append_images=seq[1:], duration=durations, loop=loop)
        first.save(out, "WEBP", **params)
    elif fmt == "TIFF":
        first.save(out, "TIFF", compression="tiff_lzw", save_all=animated, append_images=seq[1:])
    elif fmt == "GIF":
        params = {}
        if animated:
            params.update(save_all=True, append_images=seq[1:], duration=durations, loop=loop,
                          disposal=disposal)
        elif transparency is not None:
            params["transparency"] = transparency
        first.save(out, "GIF", **params)
    elif fmt == "BMP":
        if first.mode not in ("1", "L", "P", "RGB", "RGBA"):
            first = first.convert("RGB")
        first.save(out, "BMP")
    elif fmt == "AVIF":
        first.save(out, "AVIF", quality=90)
    else:  # PNG (animated PNG too): lossless
        params = {}
        if transparency is not None and first.mode in ("P", "L", "RGB"):
            params["transparency"] = transparency
        if animated:
            params.update(save_all=True, append_images=seq[1:], duration=durations, loop=loop)
        first.save(out, "PNG", **params)
    result = out.getvalue()
    _verify(result)
    if animated:
        report.notes.append(f"{frames} frames kept with their timing")
    return result, report


def _verify(result: bytes) -> None:
    """Open the new file and make sure no metadata structure is in it."""
    from PIL import Image

    with Image.open(io.BytesIO(result)) as chk:
        extra = set(chk.getexif())
        if chk.format == "TIFF":
            extra -= _TIFF_STRUCTURAL
        leftovers = [k for k in _META_INFO_KEYS if chk.info.get(k)]
        texts = [k for k, v in chk.info.items() if isinstance(v, str)] if chk.format == "PNG" else []
        if extra or leftovers or texts:
            raise CleanError("metadata survived re-encoding")
