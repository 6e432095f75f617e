"""Dirty files for the media tests: mat2's public ones and our own, made here.

Every identifying value we plant contains CANARY (or the GPS position
33.5138 N 36.2765 E), so a test can search the cleaned bytes and exiftool's
output for it.
"""
from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

MAT2 = Path(__file__).parent / "data" / "media" / "mat2"
CANARY = "WITNESS-CANARY-4471"
GPS = "+33.5138+036.2765/"

needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None,
                                    reason="exiftool (Debian libimage-exiftool-perl) is not installed")


def exiftool(path: Path) -> dict:
    out = subprocess.run(check=False, args=["exiftool", "-j", "-a", "-G1", "-ee", "-u", str(path)], capture_output=True,
                         text=True, timeout=60)
    return json.loads(out.stdout)[0]


def identifying(tags: dict) -> list[str]:
    """The tags exiftool shows that could identify someone (technical ones left out)."""
    bad = ("GPS", "Location", "Author", "Artist", "Creator", "Title", "Comment", "Make", "Model", "Serial",
           "Owner", "Copyright", "Software", "Producer", "Album", "Genre", "Originator", "CodingHistory",
           "Description", "Keywords", "Lyrics", "LastModifiedBy", "Company", "Subject", "Product",
           "Encoder", "Application", "Date", "UserDefined", "XMP", "Warning", "Annotation")
    harmless = {"False", "True", "VideoHandler", "SoundHandler", "DataHandler", "0000:00:00 00:00:00",
                "1980:01:01 00:00:00"}
    allowed_groups = ("System", "ExifTool")
    out = []
    for k, v in tags.items():
        group, _, name = k.partition(":")
        if group in allowed_groups or k == "SourceFile":
            continue
        if name == "SampleGroupDescription":
            continue
        if any(b.lower() in name.lower() for b in bad) or name == "Name":
            if name in ("Encoding", "ZipModifyDate") or str(v) in harmless or str(v).startswith("0000:00:00") \
                    or str(v).strip() == "":
                continue
            out.append(f"{k}={v}")
    return out


# ----------------------------------------------------------------- images
def gps_exif():
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "FieldCam " + CANARY       # Make
    exif[0x0110] = "FC-1000"                  # Model
    exif[0x013B] = "Artist " + CANARY         # Artist
    exif[0x0132] = "2012:03:15 12:00:00"
    exif[0x8825] = {1: "N", 2: (33.0, 30.0, 49.7), 3: "E", 4: (36.0, 16.0, 35.4)}
    return exif


def gradient(w: int = 64, h: int = 48):
    from PIL import Image

    im = Image.new("RGB", (w, h))
    im.putdata([(x * 255 // w, y * 255 // h, (x + y) * 255 // (w + h)) for y in range(h) for x in range(w)])
    return im


XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="' + CANARY + '"/>'
       '</rdf:RDF></x:xmpmeta>').encode()


def image(fmt: str) -> bytes:
    """A small image of the format with GPS EXIF, XMP and a comment where the format has them."""
    from PIL import Image, PngImagePlugin

    im = gradient()
    out = io.BytesIO()
    if fmt == "JPEG":
        im.save(out, "JPEG", quality=95, exif=gps_exif(), xmp=XMP, comment=CANARY.encode())
    elif fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", CANARY)
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        im.save(out, "PNG", pnginfo=info, exif=gps_exif())
    elif fmt == "WEBP":
        im.save(out, "WEBP", exif=gps_exif(), xmp=XMP, lossless=True)
    elif fmt == "TIFF":
        src = io.BytesIO()
        im.save(src, "JPEG", exif=gps_exif())
        with Image.open(src) as loaded:  # an Exif read from a file: TIFF can then write its GPS IFD
            im.save(out, "TIFF", exif=loaded.getexif())
    elif fmt == "GIF":
        frames = [gradient().rotate(a) for a in (0, 90, 180)]
        frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300],
                       loop=0, comment=CANARY.encode())
    elif fmt == "BMP":
        im.save(out, "BMP")
        return out.getvalue()
    elif fmt == "AVIF":
        im.save(out, "AVIF", exif=gps_exif(), xmp=XMP)
    return out.getvalue()


def png_header_only(w: int, h: int, color_type: int = 6) -> bytes:
    """A tiny PNG that claims to be w x h (RGBA): a decompression bomb by dimensions."""
    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) \
        + chunk(b"IEND", b"")


# ----------------------------------------------------------------- HEIC
HEIC_SIZE = (96, 64)  # as stored (sideways); upright it is 64 x 96


def heic_upright():  # -> PIL.Image.Image
    """What the photo looks like on the phone: a green band on top of red."""
    from PIL import Image

    im = Image.new("RGB", (HEIC_SIZE[1], HEIC_SIZE[0]), (200, 20, 20))
    im.paste((20, 200, 20), (0, 0, HEIC_SIZE[1], 24))
    return im


def heic_photo(orientation: int = 6, size: tuple[int, int] | None = None) -> bytes:
    """A HEIC as a phone writes it: stored sideways with rotation 6 (in irot and EXIF),
    GPS and owner in EXIF, XMP naming the author, a thumbnail and a second image."""
    import pillow_heif
    from PIL import Image

    stored = heic_upright().transpose(Image.Transpose.ROTATE_90) if orientation == 6 else heic_upright()
    if size is not None:
        stored = Image.new("RGB", size, (90, 90, 90))
    exif = gps_exif()
    exif[0x0112] = orientation
    exif[0xA431] = "SN-" + CANARY  # body serial number
    second = pillow_heif.from_pillow(Image.new("RGB", (32, 32), (1, 2, 3)))
    out = io.BytesIO()
    pillow_heif.from_pillow(stored).save(out, quality=90, exif=exif.tobytes(), xmp=XMP, thumbnails=[32],
                                         append_images=[second[0]], save_all=True)
    return out.getvalue()


# ----------------------------------------------------------------- a video with a face
FACE_VIDEO_SIZE = (320, 240)
FACE_VIDEO_FRAMES = 24
FACE_VIDEO_HAND = (280, 200, 310, 230)  # an area with no face, boxed by hand in the review


def face_video_at(i: int) -> tuple[int, int, int, int]:
    face = (90, 28, 136, 88)  # the face in the portrait (x1, y1, x2, y2)
    dx, dy = 10 + 3 * i, -10
    return face[0] + dx, face[1] + dy, face[2] + dx, face[3] + dy


def face_video(path: Path) -> Path:
    """A clip of the public-domain portrait of tests/data/media/faces moving right, with AAC sound."""
    import av
    import numpy as np
    from PIL import Image

    portrait = Image.open(Path(__file__).parent / "data" / "media" / "faces" / "astronaut.jpg").convert("RGB")
    with av.open(str(path), "w", format="mp4") as out:
        out.metadata.update({"location": "+33.5138+036.2765/", "title": "WITNESS-CANARY-4471"})
        v = out.add_stream("mpeg4", rate=24)
        v.width, v.height, v.pix_fmt, v.bit_rate = FACE_VIDEO_SIZE[0], FACE_VIDEO_SIZE[1], "yuv420p", 2_000_000
        a = out.add_stream("aac", rate=44100)
        for i in range(FACE_VIDEO_FRAMES):
            bg = Image.new("RGB", FACE_VIDEO_SIZE, (40, 90, 140))
            bg.paste((250, 250, 250), FACE_VIDEO_HAND)
            bg.paste(portrait, (10 + 3 * i, -10))
            for p in v.encode(av.VideoFrame.from_image(bg)):
                out.mux(p)
        for p in v.encode(None):
            out.mux(p)
        t = np.arange(FACE_VIDEO_FRAMES * 44100 // 24, dtype="float32") / 44100
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype("float32")
        for n in range(0, len(tone) - 1024, 1024):
            f = av.AudioFrame.from_ndarray(tone[None, n:n + 1024], format="fltp", layout="mono")
            f.sample_rate, f.pts = 44100, n
            for p in a.encode(f):
                out.mux(p)
        for p in a.encode(None):
            out.mux(p)
    return path


# ----------------------------------------------------------------- audio and video
def video(path: Path, fmt: str = "mp4", vcodec: str = "mpeg4", acodec: str | None = "aac",
          frames: int = 25, meta: dict | None = None, size: tuple[int, int] = (64, 48)) -> Path:
    import av
    from PIL import Image

    with av.open(str(path), "w", format=fmt) as out:
        out.metadata.update(meta if meta is not None else
                            {"location": GPS, "title": CANARY, "comment": "serial " + CANARY})
        v = None
        if vcodec:
            v = out.add_stream(vcodec, rate=25)
            v.width, v.height, v.pix_fmt = size[0], size[1], "yuv420p"
        rate = 48000 if acodec in ("libopus", "opus") else 8000 if acodec == "libopencore_amrnb" else 44100
        a = out.add_stream(acodec, rate=rate) if acodec else None
        if a is not None:
            a.layout = "mono"
        for i in range(frames if v else 0):
            fr = av.VideoFrame.from_image(Image.new("RGB", size, (i * 9 % 255, 40, 200 - i)))
            for p in v.encode(fr):
                out.mux(p)
        if a is not None:
            fmt_a = a.codec_context.codec.audio_formats[0].name
            for i in range(20):
                samples = {"libmp3lame": 1152, "libopus": 960, "libopencore_amrnb": 160}.get(acodec, 1024)
                fr = av.AudioFrame(format=fmt_a, layout="mono", samples=samples)
                for pl in fr.planes:
                    pl.update(bytes(pl.buffer_size))
                fr.sample_rate, fr.pts = rate, i * fr.samples
                for p in a.encode(fr):
                    out.mux(p)
        for s in (v, a):
            if s is not None:
                for p in s.encode(None):
                    out.mux(p)
    return path


def mp4_with_unknown_box(path: Path) -> Path:
    """An MP4 with a top-level box no standard defines, carrying GPS text (the
    kind a phone app leaves), and the same text in a 'uuid' box."""
    video(path)
    data = path.read_bytes()
    text = f"GPS {GPS} {CANARY}".encode()
    box = struct.pack(">I", 8 + len(text)) + b"xgps" + text
    uu = struct.pack(">I", 24 + len(text)) + b"uuid" + b"\x11" * 16 + text
    path.write_bytes(data + box + uu)
    return path


def riff_chunk(cid: bytes, body: bytes) -> bytes:
    return cid + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")


def bwf(path: Path) -> Path:
    """A Broadcast WAV: bext (originator, serial, coding history), iXML, XMP, LIST/INFO."""
    src = (MAT2 / "dirty.wav").read_bytes()
    assert src[:4] == b"RIFF"
    body = src[12:]
    bext = (CANARY.encode().ljust(256, b"\0") + b"REC-SN-" + CANARY.encode().ljust(25, b"\0")
            + b"REF".ljust(32, b"\0") + b"2012-03-15" + b"12:00:00" + bytes(8 + 2 + 64 + 10 + 180)
            + b"A=PCM,F=44100,W=16,M=stereo,T=" + CANARY.encode() + b"\r\n")
    extra = (riff_chunk(b"bext", bext) + riff_chunk(b"iXML", f"<BWFXML><NOTE>{CANARY}</NOTE></BWFXML>".encode())
             + riff_chunk(b"_PMX", XMP) + riff_chunk(b"LIST", b"INFO" + riff_chunk(b"IART", CANARY.encode() + b"\0")))
    new = b"WAVE" + extra + body
    path.write_bytes(b"RIFF" + struct.pack("<I", len(new)) + new)
    return path


def flac_with_foreign_blocks(path: Path) -> Path:
    """mat2's FLAC plus an APPLICATION block ('riff' foreign metadata) carrying the canary."""
    data = (MAT2 / "dirty.flac").read_bytes()
    assert data[:4] == b"fLaC"
    payload = b"riff" + riff_chunk(b"LIST", b"INFO" + riff_chunk(b"ICMT", CANARY.encode()))
    block = bytes([2]) + len(payload).to_bytes(3, "big") + payload  # type 2: APPLICATION, not last
    # insert right after STREAMINFO (4 + 4 + 34 bytes); STREAMINFO's "last" bit is clear already
    first_hdr = data[4]
    assert first_hdr & 0x7F == 0
    path.write_bytes(data[:42] + block + data[42:])
    return path


def mp3_with_tail_tags(path: Path) -> Path:
    """mat2's MP3 with an ID3v2 tag appended at the end and a Lyrics3 v2 tag."""
    data = (MAT2 / "dirty.mp3").read_bytes()
    frame = b"TIT2" + struct.pack(">I", len(CANARY) + 1) + b"\0\0" + b"\0" + CANARY.encode()
    id3 = b"ID3\x03\x00\x00" + bytes([0, 0, (len(frame) >> 7) & 0x7F, len(frame) & 0x7F]) + frame
    lyr = b"LYRICSBEGIN" + b"IND00003110" + b"LYR" + f"{len(CANARY):05d}".encode() + CANARY.encode()
    lyr += f"{len(lyr):06d}".encode() + b"LYRICS200"
    path.write_bytes(data + id3 + lyr)
    return path


# ----------------------------------------------------------------- PDF
def dirty_pdf(path: Path) -> Path:
    """A PDF with every kind of hidden content the issue lists."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    jpeg = image("JPEG")
    img = pikepdf.Stream(pdf, jpeg, Type=Name.XObject, Subtype=Name.Image, Width=64, Height=48,
                         ColorSpace=Name.DeviceRGB, BitsPerComponent=8, Filter=Name.DCTDecode)
    img["/Metadata"] = pikepdf.Stream(pdf, XMP, Type=Name.Metadata, Subtype=Name.XML)
    page.obj["/Resources"] = Dictionary(XObject=Dictionary(Im0=img))
    page.obj["/Contents"] = pdf.make_stream(b"q 64 0 0 48 10 10 cm /Im0 Do Q")
    page.obj["/PieceInfo"] = Dictionary(App=Dictionary(Private=String(CANARY)))
    page.obj["/AA"] = Dictionary(O=Dictionary(S=Name.JavaScript, JS=String(f"app.alert('{CANARY}')")))
    page.obj["/Annots"] = Array([
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=Array([10, 10, 30, 30]),
                                     Contents=String(f"Witness {CANARY} +963 944 123 456"),
                                     T=String("Researcher " + CANARY))),
        pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([40, 40, 60, 60]),
                                     A=Dictionary(S=Name.URI, URI=String("https://example.org/" + CANARY)))),
    ])
    form = pikepdf.Stream(pdf, b"", Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, 1, 1]))
    form["/PTEX.FileName"] = String(f"/home/{CANARY}/figure.pdf")
    form["/PTEX.InfoDict"] = pdf.make_indirect(Dictionary(Author=String(CANARY)))
    page.obj["/Resources"]["/XObject"]["/Fm0"] = form
    emb = pikepdf.Stream(pdf, f"secret attachment {CANARY}".encode(), Type=Name.EmbeddedFile)
    spec = Dictionary(Type=Name.Filespec, F=String(CANARY + ".txt"), EF=Dictionary(F=emb))
    pdf.Root["/Names"] = Dictionary(
        EmbeddedFiles=Dictionary(Names=Array([String(CANARY), spec])),
        JavaScript=Dictionary(Names=Array([String("js"), Dictionary(S=Name.JavaScript, JS=String(CANARY))])))
    pdf.Root["/OpenAction"] = Dictionary(S=Name.JavaScript, JS=String(f"this.submitForm('{CANARY}')"))
    pdf.Root["/Outlines"] = pdf.make_indirect(Dictionary(Type=Name.Outlines, Count=0))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [CANARY]
    pdf.docinfo["/Author"] = CANARY
    pdf.docinfo["/Producer"] = "Scanner " + CANARY
    pdf.save(path)
    return path


def pdf_strings(path: Path) -> str:
    """Every string, name and decoded stream of every object of a PDF, as text (the 'object walk')."""
    import pikepdf

    parts: list[str] = []
    with pikepdf.open(path) as pdf:
        parts.append(repr(pdf.trailer))
        for obj in pdf.objects:
            parts.append(repr(obj))
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    parts.append(obj.read_raw_bytes().decode("latin-1"))
    return "\n".join(parts)


META_GROUPS = ("IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "ICC", "Photoshop", "MakerNotes", "InteropIFD",
               "ID3", "Vorbis", "ItemList", "UserData", "Keys", "XML", "PDF-Info", "FlashPix", "Lyrics3", "APE")


def metadata_groups(tags: dict) -> set[str]:
    """exiftool groups that only metadata lives in (EXIF, XMP, IPTC, ID3 ...)."""
    groups = {k.partition(":")[0] for k in tags}
    return {g for g in groups if g.startswith(META_GROUPS)}
