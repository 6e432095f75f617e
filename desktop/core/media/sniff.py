"""File type from magic bytes (the name only breaks ties)."""
from __future__ import annotations

import zipfile
from pathlib import Path

_MP4_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_ASF = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")

OOXML = {
    "word/": ("document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("document", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
ODF_MIMES = {
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.graphics",
}

_EXT = {
    "jpg": ("image", "image/jpeg"), "jpeg": ("image", "image/jpeg"), "png": ("image", "image/png"),
    "webp": ("image", "image/webp"), "tif": ("image", "image/tiff"), "tiff": ("image", "image/tiff"),
    "gif": ("image", "image/gif"), "heic": ("image", "image/heic"), "heif": ("image", "image/heif"),
    "avif": ("image", "image/avif"), "bmp": ("image", "image/bmp"),
    "mp3": ("audio", "audio/mpeg"), "m4a": ("audio", "audio/mp4"), "flac": ("audio", "audio/flac"),
    "ogg": ("audio", "audio/ogg"), "opus": ("audio", "audio/ogg"), "wav": ("audio", "audio/wav"),
    "amr": ("audio", "audio/amr"), "aif": ("audio", "audio/aiff"), "aiff": ("audio", "audio/aiff"),
    "mp4": ("video", "video/mp4"), "mov": ("video", "video/quicktime"),
    "3gp": ("video", "video/3gpp"), "webm": ("video", "video/webm"), "mkv": ("video", "video/x-matroska"),
    "avi": ("video", "video/x-msvideo"), "wmv": ("video", "video/x-ms-wmv"), "wma": ("audio", "audio/x-ms-wma"),
    "pdf": ("pdf", "application/pdf"),
}


def extension(mime: str) -> str:
    """The usual file name extension of a type we clean into (``""`` if none is known)."""
    for ext, (_kind, m) in _EXT.items():
        if m == mime:
            return "." + ext
    return ""


def sniff(data_head: bytes, filename: str = "") -> tuple[str, str]:
    """(kind, mime) from the first bytes of a file."""
    h = bytes(data_head[:128])
    ext = filename.rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    if h.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg"
    if h.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png"
    if h[:6] in (b"GIF87a", b"GIF89a"):
        return "image", "image/gif"
    if h[:2] == b"BM" and len(h) >= 18 and h[6:10] == b"\x00\x00\x00\x00":
        return "image", "image/bmp"
    if h[:4] == b"RIFF" and h[8:12] == b"WEBP":
        return "image", "image/webp"
    if h[:4] == b"RIFF" and h[8:12] == b"WAVE":
        return "audio", "audio/wav"
    if h[:4] in (b"RF64", b"BW64") and h[8:12] == b"WAVE":
        return "audio", "audio/wav"
    if h[:4] == b"RIFF" and h[8:12] == b"AVI ":
        return "video", "video/x-msvideo"
    if h[:4] == b"FORM" and h[8:12] in (b"AIFF", b"AIFC"):
        return "audio", "audio/aiff"
    if h[:4] in (b"II*\x00", b"MM\x00*"):
        return "image", "image/tiff"
    if h.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if h[:16] == _ASF:
        return ("audio", "audio/x-ms-wma") if ext == "wma" else ("video", "video/x-ms-wmv")
    if h[4:8] == b"ftyp":
        brand = h[8:12]
        box = min(len(h), max(16, int.from_bytes(h[:4], "big")))
        compatible = {h[i:i + 4] for i in range(16, box - 3, 4)}
        if brand in _AVIF_BRANDS or (brand in (b"mif1", b"msf1") and compatible & _AVIF_BRANDS
                                     and not compatible & (_HEIC_BRANDS - {b"mif1", b"msf1"})):
            return "image", "image/avif"
        if brand in _HEIC_BRANDS:
            return "image", "image/heic"
        if brand in _MP4_AUDIO_BRANDS:
            return "audio", "audio/mp4"
        if brand.startswith((b"3gp", b"3g2")):
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
    if h.startswith(b"PK\x03\x04") and h[30:38] == b"mimetype":
        odf = h[38:128].split(b"PK")[0].decode("ascii", "replace")
        if odf in ODF_MIMES:
            return "document", odf
    if ext in _EXT:
        return "other", _EXT[ext][1]
    return "other", "application/octet-stream"


def sniff_path(path: Path, filename: str = "") -> tuple[str, str]:
    """Like :func:`sniff`, looking inside ZIP containers for Office and ODF documents."""
    with open(path, "rb") as f:
        head = f.read(128)
    kind, mime = sniff(head, filename or path.name)
    if head.startswith(b"PK\x03\x04") and kind == "other":
        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()[:5000]
                if "mimetype" in names:
                    m = z.read("mimetype")[:100].decode("ascii", "replace").strip()
                    if m in ODF_MIMES:
                        return "document", m
                if "[Content_Types].xml" in names:
                    for prefix, km in OOXML.items():
                        if any(n.startswith(prefix) for n in names):
                            return km
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
            pass
    return kind, mime
