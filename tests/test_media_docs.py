"""PDF (pikepdf allow-list) and Office/ODF documents (package rebuild)."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pikepdf
import pytest

from desktop.core import media
from tests.media_kit import (
    CANARY,
    MAT2,
    dirty_pdf,
    exiftool,
    identifying,
    needs_exiftool,
    pdf_strings,
)


def _clean(src: Path, tmp_path: Path) -> tuple[Path, media.CleanReport]:
    out = io.BytesIO()
    report = media.clean_file(src, out)
    dst = tmp_path / ("clean-" + src.name)
    dst.write_bytes(out.getvalue())
    return dst, report


def test_pdf_hidden_content_removed_object_walk(tmp_path):
    src = dirty_pdf(tmp_path / "report.pdf")
    assert CANARY in pdf_strings(src)
    dst, report = _clean(src, tmp_path)
    assert report.status == "cleaned", report
    walk = pdf_strings(dst)
    assert CANARY not in walk and "963 944" not in walk
    assert "/JavaScript" not in walk and "/EmbeddedFile" not in walk and "/Annots" not in walk
    found = " | ".join(report.found)
    for what in ("document information", "XMP metadata", "embedded file attachments", "document JavaScript",
                 "open action", "annotations (1 Link, 1 Text)", "pdfTeX keys", "piece info",
                 "EXIF or other metadata inside 1 embedded JPEG images"):
        assert what in found
    with pikepdf.open(dst) as pdf:
        assert len(pdf.pages) == 1
        img = pdf.pages[0].Resources.XObject.Im0
        assert pikepdf.PdfImage(img).as_pil_image().size == (64, 48)  # the picture is still there
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root


@needs_exiftool
def test_mat2_pdf_loses_ptex_paths_and_info(tmp_path):
    src = MAT2 / "dirty.pdf"
    assert "PTEX.FileName" in pdf_strings(src)
    dst, report = _clean(src, tmp_path)
    assert report.cleaned
    walk = pdf_strings(dst)
    assert "PTEX" not in walk and ".tex" not in walk.lower()
    assert identifying(exiftool(dst)) == []
    with pikepdf.open(src) as a, pikepdf.open(dst) as b:
        assert len(a.pages) == len(b.pages)


@pytest.mark.parametrize("data,why", [
    (b"%PDF-1.7\n" + b"garbage" * 100, "damaged"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "no pages"),
])
def test_hostile_pdf_one_line(tmp_path, data, why):
    f = tmp_path / "bad.pdf"
    f.write_bytes(data)
    out = io.BytesIO()
    report = media.clean_file(f, out)
    if report.status == "not_cleaned":
        assert report.reason and "\n" not in report.reason
    else:  # qpdf repaired it: what came out must still be a clean PDF
        assert b"/Info" not in out.getvalue()


def test_encrypted_pdf_not_cleaned(tmp_path):
    src = dirty_pdf(tmp_path / "a.pdf")
    with pikepdf.open(src) as pdf:
        pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="secret"))
    report = media.clean_file(tmp_path / "locked.pdf", io.BytesIO())
    assert report.status == "not_cleaned" and "password" in report.reason


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("name", ["comment.docx", "revision.docx", "embedded.docx", "dirty_with_nsid.docx"])
def test_docx_properties_rsids_authors_and_deleted_text_gone(tmp_path, name):
    src = MAT2 / name
    dst, report = _clean(src, tmp_path)
    assert report.status in ("cleaned", "partial"), report
    if name == "embedded.docx" and report.status == "partial":
        assert report.kept  # an embedded object it could not clean is named, and never "cleaned"
    got = _members(dst)
    assert not {"docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "word/people.xml"} & set(got)
    xml = b"".join(v for k, v in got.items() if k.endswith((".xml", ".rels")))
    assert not re.search(rb":rsid\w*=", xml)
    assert not re.search(rb':(author|initials)="[^"]+"', xml)
    assert b"<w:del " not in xml and b"<w:delText" not in xml
    assert b"docProps/core.xml" not in got["[Content_Types].xml"] and b"docProps/core.xml" not in got["_rels/.rels"]
    for n, info in ((i.filename, i) for i in zipfile.ZipFile(dst).infolist()):
        assert info.date_time == (1980, 1, 1, 0, 0, 0), n


@needs_exiftool
@pytest.mark.parametrize("name", ["comment.docx", "dirty.odt"])
def test_office_exiftool_sees_nothing(tmp_path, name):
    before = exiftool(MAT2 / name)
    assert identifying(before)
    dst, report = _clean(MAT2 / name, tmp_path)
    assert report.cleaned, report
    assert identifying(exiftool(dst)) == []


def test_odt_meta_thumbnail_settings_gone_and_mimetype_first(tmp_path):
    dst, report = _clean(MAT2 / "dirty.odt", tmp_path)
    assert report.clean_mime == "application/vnd.oasis.opendocument.text"
    with zipfile.ZipFile(dst) as z:
        infos = z.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        names = z.namelist()
        assert not [n for n in names if n.startswith("Thumbnails/")] and "settings.xml" not in names
        assert b"<office:meta/>" in z.read("meta.xml")
        manifest = z.read("META-INF/manifest.xml")
        assert b"Thumbnails/" not in manifest and b"settings.xml" not in manifest


def test_zip_bomb_and_traversal_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    report = media.clean_file(bomb, io.BytesIO())
    assert report.status == "not_cleaned" and ("MiB" in report.reason or "bomb" in report.reason)
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("../../etc/x.xml", "x")
    report = media.clean_file(evil, io.BytesIO())
    assert report.status == "not_cleaned" and "unsafe name" in report.reason


def test_embedded_video_in_a_presentation_is_never_called_cleaned(tmp_path):
    from tests.media_kit import video

    clip = video(tmp_path / "clip.mp4").read_bytes()
    doc = tmp_path / "talk.docx"
    with zipfile.ZipFile(MAT2 / "comment.docx") as src, zipfile.ZipFile(doc, "w") as dst:
        for i in src.infolist():
            dst.writestr(i, src.read(i))
        dst.writestr("word/media/media1.mp4", clip)
    report = media.clean_file(doc, io.BytesIO())
    assert report.status == "partial" and not report.cleaned
    assert any("media1.mp4" in k.what for k in report.kept)
    # fonts are plain: a document with one is still cleaned
    plain = tmp_path / "font.docx"
    with zipfile.ZipFile(MAT2 / "comment.docx") as src, zipfile.ZipFile(plain, "w") as dst:
        for i in src.infolist():
            dst.writestr(i, src.read(i))
        dst.writestr("word/fonts/font1.odttf", b"\0" * 100)
    assert media.clean_file(plain, io.BytesIO()).cleaned


def _bomb_pdf(path: Path, contents: list[tuple[bytes, list[str]]], form: bool = False) -> None:
    """One page whose content streams are ``(data, filters)``; a 1 KB page that draws
    a form XObject carrying them instead when ``form``."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    streams = []
    for data, filters in contents:
        st = pikepdf.Stream(pdf, data)
        if filters:
            names = [pikepdf.Name(f) for f in filters]
            st.Filter = pikepdf.Array(names) if len(names) > 1 else names[0]
        streams.append(st)
    if form:
        st = streams[0]
        st.Type, st.Subtype, st.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 10, 10]
        pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=st))
        pdf.pages[0].Contents = pikepdf.Stream(pdf, b"/Fm0 Do")
    else:
        pdf.pages[0].Contents = pikepdf.Array(streams)
    pdf.docinfo["/Author"] = CANARY
    pdf.save(path)


def _flate_zeros(mib: int) -> bytes:
    co = zlib.compressobj(9)
    return b"".join(co.compress(b"0" * (1 << 20)) for _ in range(mib)) + co.flush()


@pytest.mark.parametrize("form", [False, True])
def test_pdf_decompression_bomb_refused_in_small_memory(tmp_path, form):
    """A 1 MB PDF whose drawing instructions inflate to 1 GiB: qpdf would parse them whole
    (3 GiB and half a minute); it is refused first, in one line, in bounded memory."""
    src = tmp_path / "bomb.pdf"
    _bomb_pdf(src, [(_flate_zeros(1024), ["/FlateDecode"])], form=form)
    assert src.stat().st_size < 2 * 1024 * 1024
    code = ("import io, re, sys; from desktop.core import media; "
            "r = media.clean_file(sys.argv[1], io.BytesIO()); "
            "print(r.status); print(r.reason); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    res = subprocess.run([sys.executable, "-c", code, str(src)], check=False, capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).parent.parent, env={**os.environ, "PYTHONPATH": "."})
    status, reason, rss_kib = res.stdout.strip().splitlines()
    assert status == "not_cleaned"
    assert "expand to more than" in reason and "\n" not in reason
    assert int(rss_kib) < 200 * 1024


def test_pdf_with_ordinary_page_contents_is_still_cleaned(tmp_path):
    # several content streams, Flate and plain, well under the bound: cleaned as before
    src = tmp_path / "ok.pdf"
    draw = b"0 0 m 10 10 l S\n" * 2000
    _bomb_pdf(src, [(zlib.compress(draw), ["/FlateDecode"]), (draw, []),
                    (zlib.compress(draw), ["/FlateDecode"])])
    dst, report = _clean(src, tmp_path)
    assert report.cleaned, report.reason
    assert CANARY not in pdf_strings(dst)
    # a filter whose expansion cannot be bounded is refused only when it could be huge
    src = tmp_path / "lzw.pdf"
    _bomb_pdf(src, [(os.urandom(64 * 1024), ["/LZWDecode"])])
    _dst, report = _clean(src, tmp_path)
    assert not report.cleaned and "cannot be bounded" in report.reason


def test_an_oversized_text_part_is_refused_before_it_is_read(tmp_path):
    """A real-sized package (stored, no compression to flag) whose document.xml is 72 MiB:
    rewriting it would take some 300 MB; refused from the zip header, in small memory."""
    big = tmp_path / "big.docx"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (72 << 20) + b"</w:document>")
    code = ("import io, re, sys; from desktop.core import media; "
            "r = media.clean_file(sys.argv[1], io.BytesIO()); print(r.status); print(r.reason); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    res = subprocess.run([sys.executable, "-c", code, str(big)], check=False, capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).parent.parent, env={**os.environ, "PYTHONPATH": "."})
    status, reason, rss_kib = res.stdout.strip().splitlines()
    assert status == "not_cleaned" and "text part" in reason and "64 MiB" in reason
    assert int(rss_kib) < 100 * 1024
