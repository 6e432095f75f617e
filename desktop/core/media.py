"""Metadata stripping of photos, audio, video and PDF, on in-memory bytes.

Nothing here touches the disk: the caller (the vault) decrypts an attachment
into memory, calls :func:`clean`, and encrypts the result.  Anything that cannot
be cleaned comes back with ``status="not_cleaned"`` and a reason; it is never
an exception (hostile input is expected).

- Photos (JPEG, PNG, WebP, TIFF, GIF; HEIC only if Pillow can open it): EXIF
  orientation is applied to the pixels, then the image is re-encoded from raw
  pixels, so no EXIF, GPS, maker notes, XMP, IPTC, ICC profile, comments or
  thumbnails survive.  JPEG at quality 95 with the original chroma subsampling;
  PNG and TIFF lossless.
- Audio (MP3, FLAC, Ogg Vorbis/Opus, WAV) through mutagen on a BytesIO;
  MP4/M4A/MOV: the user-data and metadata boxes (tags, ©xyz location, Apple
  keys) are turned into ``free`` boxes and the creation times are zeroed.
- PDF through pypdf: pages copied into a new document without document
  information or XMP metadata.
"""
from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass, field

MAX_CLEAN_BYTES = 512 * 1024 * 1024
MAX_IMAGE_PIXELS = 89_478_485  # Pillow's default warning threshold; larger images are refused

KINDS = ("image", "audio", "video", "pdf", "other")


@dataclass
class CleanResult:
    data: bytes | None
    status: str                     # "cleaned" | "not_cleaned"
    kind: str                       # image | audio | video | pdf | other
    removed: list[str] = field(default_factory=list)
    reason: str = ""
    mime: str = "application/octet-stream"


def _not(kind: str, mime: str, reason: str) -> CleanResult:
    return CleanResult(None, "not_cleaned", kind, [], reason, mime)


# ----------------------------------------------------------------------------- sniff
_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
_EXT = {
    "jpg": ("image", "image/jpeg"), "jpeg": ("image", "image/jpeg"), "png": ("image", "image/png"),
    "webp": ("image", "image/webp"), "tif": ("image", "image/tiff"), "tiff": ("image", "image/tiff"),
    "gif": ("image", "image/gif"), "heic": ("image", "image/heic"), "heif": ("image", "image/heif"),
    "mp3": ("audio", "audio/mpeg"), "m4a": ("audio", "audio/mp4"), "flac": ("audio", "audio/flac"),
    "ogg": ("audio", "audio/ogg"), "opus": ("audio", "audio/ogg"), "wav": ("audio", "audio/wav"),
    "amr": ("audio", "audio/amr"), "mp4": ("video", "video/mp4"), "mov": ("video", "video/quicktime"),
    "3gp": ("video", "video/3gpp"), "webm": ("video", "video/webm"), "mkv": ("video", "video/x-matroska"),
    "avi": ("video", "video/x-msvideo"), "pdf": ("pdf", "application/pdf"),
}


def sniff(data_head: bytes, filename: str = "") -> tuple[str, str]:
    """(kind, mime) from magic bytes; the file name only breaks ties."""
    h = bytes(data_head[:64])
    ext = filename.rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    if h.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg"
    if h.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png"
    if h[:6] in (b"GIF87a", b"GIF89a"):
        return "image", "image/gif"
    if h[:4] == b"RIFF" and h[8:12] == b"WEBP":
        return "image", "image/webp"
    if h[:4] == b"RIFF" and h[8:12] == b"WAVE":
        return "audio", "audio/wav"
    if h[:4] == b"RIFF" and h[8:12] == b"AVI ":
        return "video", "video/x-msvideo"
    if h[:4] in (b"II*\x00", b"MM\x00*"):
        return "image", "image/tiff"
    if h.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if h[4:8] == b"ftyp":
        brand = h[8:12]
        if brand in _HEIF_BRANDS:
            return "image", "image/avif" if brand in (b"avif", b"avis") else "image/heic"
        if brand in _MP4_AUDIO_BRANDS:
            return "audio", "audio/mp4"
        if brand.startswith(b"3gp") or brand.startswith(b"3g2"):
            return "video", "video/3gpp"
        if brand == b"qt  ":
            return "video", "video/quicktime"
        return ("audio", "audio/mp4") if ext == "m4a" else ("video", "video/mp4")
    if h.startswith(b"ID3") or (len(h) > 1 and h[0] == 0xFF and (h[1] & 0xE0) == 0xE0 and ext in ("mp3", "")):
        return "audio", "audio/mpeg"
    if h.startswith(b"fLaC"):
        return "audio", "audio/flac"
    if h.startswith(b"OggS"):
        return "audio", "audio/ogg"
    if h.startswith(b"#!AMR"):
        return "audio", "audio/amr"
    if h.startswith(b"\x1aE\xdf\xa3"):
        return "video", "video/webm" if ext == "webm" else "video/x-matroska"
    return "other", _EXT.get(ext, ("other", "application/octet-stream"))[1] if ext in _EXT else "application/octet-stream"


# ----------------------------------------------------------------------------- entry
def clean(data: bytes, filename: str = "", mime: str | None = None) -> CleanResult:
    if data is None:
        return _not("other", mime or "application/octet-stream", "no data")
    data = bytes(data)
    kind, sniffed = sniff(data[:64], filename)
    mime_out = sniffed if kind != "other" else (mime or sniffed)
    if len(data) > MAX_CLEAN_BYTES:
        return _not(kind, mime_out, "too large to clean in memory")
    if not data:
        return _not(kind, mime_out, "empty file")
    try:
        if kind == "image":
            return _clean_image(data, sniffed)
        if kind == "pdf":
            return _clean_pdf(data)
        if sniffed in ("video/mp4", "video/quicktime", "video/3gpp", "audio/mp4"):
            return _clean_mp4(data, kind, sniffed)
        if kind == "audio":
            return _clean_audio(data, sniffed)
        if kind == "video":
            return _not(kind, mime_out, "no pure-Python cleaner for this video container")
        return _not(kind, mime_out, "unknown file type: cannot check it for metadata")
    except MemoryError:
        return _not(kind, mime_out, "too large to clean in memory")
    except Exception as exc:  # hostile or corrupt input: never crash the caller
        return _not(kind, mime_out, f"could not be read ({type(exc).__name__})")


# ----------------------------------------------------------------------------- images
def _image_findings(im, data: bytes) -> list[str]:
    from PIL import ExifTags

    found: list[str] = []
    try:
        exif = im.getexif()
    except Exception:
        exif = None
    if exif:
        if ExifTags.IFD.GPSInfo in exif or exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.append("EXIF GPS position")
        if 0x010F in exif or 0x0110 in exif:
            found.append("camera make/model")
        if 0x0112 in exif and exif.get(0x0112, 1) != 1:
            found.append("EXIF orientation (applied to the pixels)")
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        if 0x927C in sub:
            found.append("maker notes")
        if 0x0132 in exif or 0x9003 in sub or 0x9004 in sub:
            found.append("EXIF date and time")
        if 0xA431 in sub or 0xA435 in sub or 0xA420 in sub:
            found.append("camera serial numbers")
        try:
            if exif.get_ifd(ExifTags.IFD.IFD1):
                found.append("embedded thumbnail")
        except Exception:
            pass
        found.append("EXIF")
    info = im.info or {}
    if data.count(b"\xff\xd8\xff") > 1 and "embedded thumbnail" not in found:
        found.append("embedded thumbnail")
    if (b"http://ns.adobe.com/xap/1.0/" in data or "xmp" in info or "XML:com.adobe.xmp" in info):
        found.append("XMP")
    if b"Photoshop 3.0" in data or "photoshop" in info or b"8BIM" in data[:65536]:
        found.append("IPTC / Photoshop data")
    if info.get("icc_profile"):
        found.append("ICC colour profile")
    if info.get("comment"):
        found.append("comment")
    texts = [k for k in info if isinstance(info.get(k), str) and k not in ("xmp",)]
    if texts and im.format == "PNG":
        found.append("PNG text chunks")
    return found


_TIFF_STRUCTURAL = {254, 255, 256, 257, 258, 259, 262, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283,
                    284, 296, 317, 320, 322, 323, 324, 325, 338, 339, 340, 341, 530, 531, 532}


def _clean_image(data: bytes, mime: str) -> CleanResult:
    from PIL import Image, ImageOps, UnidentifiedImageError

    kind = "image"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data" on hostile files
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        # Pillow's own guard (Image.MAX_IMAGE_PIXELS) stays as it is (a global shared with
        # other threads); ours is checked on the header, before any pixel is decoded.
        try:
            try:
                im = Image.open(io.BytesIO(data))
            except UnidentifiedImageError:
                return _not(kind, mime, "image format not supported (cannot re-encode, e.g. HEIC)")
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                return _not(kind, mime, "image too large (decompression bomb guard)")
            with im:
                fmt = im.format
                if getattr(im, "n_frames", 1) > 1:
                    return _not(kind, mime, "animated or multi-page image: not re-encoded")
                w, h = im.size
                if w * h > MAX_IMAGE_PIXELS:
                    return _not(kind, mime, "image too large (decompression bomb guard)")
                removed = _image_findings(im, data)
                subsampling = -1
                if fmt == "JPEG":
                    from PIL import JpegImagePlugin
                    try:
                        subsampling = JpegImagePlugin.get_sampling(im)
                    except Exception:
                        subsampling = -1
                lossless_webp = fmt == "WEBP" and (b"VP8L" in data[12:64] or im.info.get("lossless"))
                im.load()
                rot = ImageOps.exif_transpose(im)
                transparency = im.info.get("transparency")
                # a new image object (exif_transpose never returns `im` itself) whose
                # info dict is emptied: only pixels and palette are carried over, and
                # every encoder below gets explicit parameters.  The result is checked.
                fresh = rot if rot is not im else im.copy()
                fresh.info = {}
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return _not(kind, mime, "image too large (decompression bomb guard)")
        except (OSError, SyntaxError, ValueError) as exc:
            return _not(kind, mime, f"corrupt or truncated image ({exc.__class__.__name__})")

    out = io.BytesIO()
    if fmt == "JPEG":
        if fresh.mode not in ("RGB", "L", "CMYK"):
            fresh = fresh.convert("RGB")
        params = {"quality": 95, "optimize": False}
        if subsampling in (0, 1, 2):
            params["subsampling"] = subsampling
        fresh.save(out, "JPEG", **params)
        out_mime = "image/jpeg"
    elif fmt == "WEBP":
        if lossless_webp:
            fresh.save(out, "WEBP", lossless=True, exact=True)
        else:
            fresh.save(out, "WEBP", quality=95)
        out_mime = "image/webp"
    elif fmt == "TIFF":
        fresh.save(out, "TIFF", compression="tiff_lzw")
        out_mime = "image/tiff"
    elif fmt == "GIF":
        params = {}
        if transparency is not None:
            params["transparency"] = transparency
        fresh.save(out, "GIF", **params)
        out_mime = "image/gif"
    else:  # PNG and anything else Pillow opened: lossless PNG
        params = {}
        if transparency is not None and fresh.mode in ("P", "L", "RGB"):
            params["transparency"] = transparency
        fresh.save(out, "PNG", **params)
        out_mime = "image/png"
    result = out.getvalue()
    # check the output really carries no metadata
    with Image.open(io.BytesIO(result)) as chk:
        # TIFF keeps its structural tags (size, strips, compression...) in the same IFD
        extra = set(chk.getexif()) - _TIFF_STRUCTURAL
        if extra or chk.info.get("xmp") or chk.info.get("icc_profile"):
            return _not(kind, mime, "metadata survived re-encoding")
    return CleanResult(result, "cleaned", kind, removed, "", out_mime)


# ----------------------------------------------------------------------------- PDF
def _clean_pdf(data: bytes) -> CleanResult:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    kind, mime = "pdf", "application/pdf"
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return _not(kind, mime, "encrypted PDF: cannot clean without its password")
            except Exception:
                return _not(kind, mime, "encrypted PDF: cannot clean without its password")
        removed = []
        info = reader.metadata
        if info:
            for key, label in (("/Author", "PDF author"), ("/Creator", "PDF creator application"),
                               ("/Producer", "PDF producer"), ("/Title", "PDF title"),
                               ("/Subject", "PDF subject"), ("/Keywords", "PDF keywords"),
                               ("/CreationDate", "PDF creation date"), ("/ModDate", "PDF modification date")):
                if key in info:
                    removed.append(label)
            if not removed:
                removed.append("PDF document information")
        root = reader.trailer["/Root"]
        if "/Metadata" in root:
            removed.append("XMP")
        writer = PdfWriter()
        page_meta = False
        for page in reader.pages:
            for k in ("/Metadata", "/PieceInfo", "/LastModified"):
                if k in page:
                    del page[NameObject(k)]
                    page_meta = True
            writer.add_page(page)
        if page_meta:
            removed.append("page-level metadata")
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except Exception as exc:
        return _not(kind, mime, f"corrupt or unreadable PDF ({exc.__class__.__name__})")
    result = out.getvalue()
    chk = PdfReader(io.BytesIO(result))
    if chk.metadata or "/Metadata" in chk.trailer["/Root"]:
        return _not(kind, mime, "metadata survived cleaning")
    return CleanResult(result, "cleaned", kind, removed, "", mime)


# ----------------------------------------------------------------------------- audio
def _clean_audio(data: bytes, mime: str) -> CleanResult:
    import mutagen

    kind = "audio"
    if mime == "audio/amr":
        return CleanResult(data, "cleaned", kind, [], "", mime)  # AMR has no metadata
    buf = io.BytesIO(data)
    try:
        f = mutagen.File(buf)
    except Exception as exc:
        return _not(kind, mime, f"corrupt or unreadable audio ({exc.__class__.__name__})")
    if f is None:
        return _not(kind, mime, "audio format not supported by the cleaner")
    removed: list[str] = []
    name = type(f).__name__
    buf.seek(0)
    if name in ("MP3", "EasyMP3"):
        from mutagen import id3, apev2
        if f.tags:
            removed.append("ID3 tags")
        if data[-128:-125] == b"TAG":
            removed.append("ID3v1 tag")
        buf.seek(0)
        id3.delete(buf, delete_v1=True, delete_v2=True)
        try:
            buf.seek(0)
            apev2.APEv2(buf)
            buf.seek(0)
            apev2.delete(buf)
            removed.append("APE tags")
        except Exception:
            pass
    elif name == "FLAC":
        if f.tags:
            removed.append("Vorbis comments")
        if f.pictures:
            removed.append("embedded pictures")
        f.clear_pictures()
        if f.tags is not None:
            f.tags.clear()
        buf.seek(0)
        f.save(buf, deleteid3=True)
    elif name in ("OggVorbis", "OggOpus", "OggFLAC", "OggSpeex", "OggTheora"):
        if f.tags:
            removed.append("Vorbis comments")
        buf.seek(0)
        f.delete(buf)
    elif name == "WAVE":
        if f.tags:
            removed.append("ID3 tags")
            buf.seek(0)
            f.delete(buf)
        data2 = _riff_drop_info(buf.getvalue())
        if data2 is not None:
            removed.append("RIFF INFO chunk")
            buf = io.BytesIO(data2)
    else:
        return _not(kind, mime, f"audio container {name} not supported by the cleaner")
    result = buf.getvalue()
    chk = mutagen.File(io.BytesIO(result))
    if chk is None:
        return _not(kind, mime, "cleaned audio could not be read back")
    if chk.tags:
        return _not(kind, mime, "tags survived cleaning")
    if name == "FLAC" and chk.pictures:
        return _not(kind, mime, "pictures survived cleaning")
    return CleanResult(result, "cleaned", kind, removed, "", mime)


def _riff_drop_info(data: bytes) -> bytes | None:
    """Rename LIST/INFO chunks of a RIFF file to JUNK (sizes unchanged)."""
    if data[:4] != b"RIFF":
        return None
    b = bytearray(data)
    pos = 12
    changed = False
    while pos + 8 <= len(b):
        cid = bytes(b[pos:pos + 4])
        size = struct.unpack("<I", b[pos + 4:pos + 8])[0]
        if cid == b"LIST" and b[pos + 8:pos + 12] == b"INFO":
            b[pos:pos + 4] = b"JUNK"
            b[pos + 8:pos + 8 + size] = bytes(size)
            changed = True
        pos += 8 + size + (size & 1)
    return bytes(b) if changed else None


# ----------------------------------------------------------------------------- MP4 / MOV
_MP4_DROP = {b"udta", b"meta", b"\xa9xyz", b"uuid"}


def _boxes(b: bytearray, start: int, end: int):
    pos = start
    while pos + 8 <= end:
        size = struct.unpack(">I", b[pos:pos + 4])[0]
        typ = bytes(b[pos + 4:pos + 8])
        hdr = 8
        if size == 1:
            if pos + 16 > end:
                raise ValueError("truncated box")
            size = struct.unpack(">Q", b[pos + 8:pos + 16])[0]
            hdr = 16
        elif size == 0:
            size = end - pos
        if size < hdr or pos + size > end:
            raise ValueError("bad box size")
        yield pos, size, hdr, typ
        pos += size


def _clean_mp4(data: bytes, kind: str, mime: str) -> CleanResult:
    import mutagen

    try:
        f = mutagen.File(io.BytesIO(data))
    except Exception as exc:
        return _not(kind, mime, f"corrupt or unreadable {kind} ({exc.__class__.__name__})")
    if f is None:
        return _not(kind, mime, f"{kind} container not recognised")
    b = bytearray(data)
    removed: set[str] = set()
    had_tags = bool(f.tags)

    def scrub(start: int, end: int, depth: int):
        for pos, size, hdr, typ in list(_boxes(b, start, end)):
            if typ in _MP4_DROP:
                if typ == b"\xa9xyz":
                    removed.add("location (©xyz)")
                elif typ == b"meta":
                    removed.add("metadata box (tags, Apple keys, location)")
                elif typ == b"udta":
                    removed.add("user data (tags, location, camera)")
                else:
                    removed.add("vendor uuid box")
                b[pos + 4:pos + 8] = b"free"
                b[pos + hdr:pos + size] = bytes(size - hdr)
            elif typ in (b"moov", b"trak", b"mdia") and depth < 4:
                scrub(pos + hdr, pos + size, depth + 1)
            elif typ in (b"mvhd", b"tkhd", b"mdhd"):
                ver = b[pos + hdr]
                n = 8 if ver == 1 else 4
                s = pos + hdr + 4
                if s + 2 * n <= pos + size and any(b[s:s + 2 * n]):
                    b[s:s + 2 * n] = bytes(2 * n)
                    removed.add("creation and modification times")

    try:
        scrub(0, len(b), 0)
    except ValueError as exc:
        return _not(kind, mime, f"corrupt {kind} container ({exc})")
    if had_tags:
        removed.add("MP4 tags")
    result = bytes(b)
    chk = mutagen.File(io.BytesIO(result))
    if chk is None or chk.tags:
        return _not(kind, mime, "tags survived cleaning")
    return CleanResult(result, "cleaned", kind, sorted(removed), "", mime)
