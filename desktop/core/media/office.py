"""Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP, ODG).

The package is rebuilt member by member into a new ZIP (fixed dates, no
comments or extra fields): property parts (core, app, custom; ODF
``meta.xml`` replaced by an empty one), thumbnails, custom XML, people lists
and settings are left out and their references removed; in the XML that is
kept, revision-session ids, the authors, initials and dates of comments and
tracked changes are emptied, and tracked deletions (deleted text) dropped;
embedded images are rebuilt by the image cleaner and embedded Office
documents cleaned recursively.  Anything embedded that cannot be cleaned is
listed as kept, so the copy is never labelled cleaned.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import BinaryIO, cast

from .report import CLEANED, CleanError, CleanReport, Kept, Sink

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
# A text part (XML) is rewritten in memory, a few copies at a time: about four times its
# size at the peak. 64 MiB of XML is some ten million words, far beyond any real document.
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
MAX_DEPTH = 3

_OOXML_DROP = re.compile(r"^(docProps/(core|app|custom)\.xml|docProps/thumbnail\.\w+|customXml/.*"
                         r"|word/people\.xml|ppt/commentAuthors\.xml)$")
_ODF_DROP = re.compile(r"^(Thumbnails/.*|settings\.xml|layout-cache|meta\.xml)$")
_ODF_META = (b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office='
             b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/>'
             b'</office:document-meta>')
# parts with nothing of the author in them, copied as they are
_PLAIN_PARTS = (".ttf", ".otf", ".odttf", ".fntdata", ".woff", ".woff2", ".txt", ".css")
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")

_RSID = re.compile(rb'\s[\w.-]+:rsid\w*="[^"]*"')
_RSIDS_BLOCK = re.compile(rb"<w:rsids\b.*?</w:rsids>|<w:rsids\s*/>", re.DOTALL)
_AUTHOR = re.compile(rb'(\s[\w.-]+:(?:author|initials)|\s(?:author|initials|name)(?==))="[^"]*"')
_DATE_ATTR = re.compile(rb'\s(?:w:date|w15:dateUtc|dt)="[^"]*"')
_W_DEL = re.compile(rb"<w:(del|moveFrom)\b[^>]*(?<!/)>.*?</w:\1>", re.DOTALL)
_W_EMPTY = re.compile(rb"<w:(?:del|ins|moveFrom|moveTo)\b[^>]*/>")
_W_UNWRAP = re.compile(rb"</?w:(?:ins|moveTo)\b[^>]*>")
_W_MOVE_RANGES = re.compile(rb"<w:(?:moveFrom|moveTo)Range(?:Start|End)\b[^>]*/>")
_XL_AUTHORS = re.compile(rb"<authors>.*?</authors>", re.DOTALL)
_ODF_CREATOR = re.compile(rb"<dc:creator>.*?</dc:creator>|<dc:date>.*?</dc:date>"
                          rb"|<meta:creator-initials>.*?</meta:creator-initials>", re.DOTALL)
_ODF_TRACKED = re.compile(rb"<text:tracked-changes\b.*?</text:tracked-changes>"
                          rb"|<text:tracked-changes\b[^>]*/>", re.DOTALL)
_ODF_CHANGE_MARKS = re.compile(rb"<text:change(?:-start|-end)?\b[^>]*/>")


def _is_ooxml(names: list[str]) -> bool:
    return "[Content_Types].xml" in names


def _clean_xml(name: str, data: bytes, odf: bool, counts: dict[str, int]) -> bytes:
    def sub(rx: re.Pattern[bytes], repl: bytes, text: bytes, label: str) -> bytes:
        new, n = rx.subn(repl, text)
        if n:
            counts[label] = counts.get(label, 0) + n
        return new

    if odf:
        data = sub(_ODF_TRACKED, b"", data, "tracked changes (with deleted text)")
        data = sub(_ODF_CHANGE_MARKS, b"", data, "tracked change marks")
        data = sub(_ODF_CREATOR, b"", data, "authors and dates of comments")
        return data
    data = sub(_RSIDS_BLOCK, b"", data, "revision session ids")
    data = sub(_RSID, b"", data, "revision session ids")
    data = sub(_W_DEL, b"", data, "tracked deletions (deleted text)")
    data = sub(_W_MOVE_RANGES, b"", data, "tracked moves")
    data = sub(_W_EMPTY, b"", data, "tracked change marks")
    data = sub(_W_UNWRAP, b"", data, "tracked insertions (text kept, author removed)")
    data = sub(_AUTHOR, b'\\1=""', data, "authors and initials of comments and changes")
    data = sub(_DATE_ATTR, b"", data, "dates of comments and changes")
    if name.startswith("xl/comments"):
        data = sub(_XL_AUTHORS, b"<authors><author></author></authors>", data, "comment authors")
    return data


def _drop_refs(data: bytes, dropped: set[str]) -> bytes:
    """Remove relationships and content-type overrides pointing at dropped parts."""
    for part in dropped:
        tail = re.escape(part.rsplit("/", 1)[-1].encode())
        data = re.sub(rb'<Relationship\b[^>]*Target="[^"]*' + tail + rb'"[^>]*/>', b"", data)
        data = re.sub(rb'<Override\b[^>]*PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>', b"", data)
        data = re.sub(rb'<manifest:file-entry\b[^>]*manifest:full-path="' + re.escape(part.encode())
                      + rb'"[^>]*/>', b"", data)
    return data


def _read(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit, what = MAX_MEMBER_BYTES, "a part"
    if info.filename.lower().endswith((".xml", ".rels", ".rdf")):
        limit, what = MAX_XML_BYTES, "a text part"
    if info.file_size > limit:
        raise CleanError(f"{what} of this document is over {limit // (1024 * 1024)} MiB")
    if info.compress_size and info.file_size / max(1, info.compress_size) > MAX_RATIO and info.file_size > 1 << 20:
        raise CleanError("a part of this document expands suspiciously (ZIP bomb)")
    with z.open(info) as f:
        data = f.read(limit + 1)
    if len(data) != info.file_size:
        raise CleanError("a part of this document does not have the size it declares")
    return data


def _rebuild(src: BinaryIO, out: Sink, report: CleanReport, depth: int) -> None:
    from .images import clean_image

    try:
        z = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CleanError(f"damaged document ({exc})"[:150]) from None
    with z:
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise CleanError("document has too many parts")
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise CleanError("document expands to more than 1 GiB")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise CleanError("document has two parts with the same name")
        for i in infos:
            if i.flag_bits & 0x1:
                raise CleanError("encrypted document parts: cannot clean without the password")
            if i.filename.startswith("/") or ".." in i.filename.split("/"):
                raise CleanError("document has a part with an unsafe name")
        odf = not _is_ooxml(names)
        drop_rx = _ODF_DROP if odf else _OOXML_DROP
        dropped = {n for n in names if drop_rx.match(n)}
        labels = {"docProps/core.xml": "core properties (author, dates, title)",
                  "docProps/app.xml": "application properties (company, template, editing time)",
                  "docProps/custom.xml": "custom properties", "meta.xml": "document metadata (meta.xml)",
                  "settings.xml": "application settings (printer, view)", "word/people.xml": "list of editors",
                  "ppt/commentAuthors.xml": "comment authors"}
        for n in sorted(dropped):
            label = labels.get(n) or ("thumbnail" if "humbnail" in n else "custom XML data"
                                      if n.startswith("customXml/") else n)
            if label not in report.found:
                report.found.append(label)
                report.removed.append(label)
        counts: dict[str, int] = {}
        images = 0
        with zipfile.ZipFile(cast(BinaryIO, out), "w", compression=zipfile.ZIP_DEFLATED) as w:
            if odf and "meta.xml" in dropped:
                pass  # written below, after the mimetype
            for i in infos:
                n = i.filename
                if n.endswith("/"):
                    continue
                if n in dropped and n != "meta.xml":
                    continue
                data = _read(z, i) if n != "meta.xml" else _ODF_META
                low = n.lower()
                if n == "meta.xml":
                    pass
                elif low.endswith((".xml", ".rels", ".rdf")):
                    data = _clean_xml(n, data, odf, counts)
                    if n in ("[Content_Types].xml", "META-INF/manifest.xml") or low.endswith(".rels"):
                        folders = {d.rsplit("/", 1)[0] + "/" for d in dropped if "/" in d}
                        data = _drop_refs(data, (dropped | folders) - {"meta.xml"})
                elif data[:4].startswith(_IMAGE_MAGIC) or data[:4] in _IMAGE_MAGIC:
                    try:
                        data, _sub = clean_image(data, "image")
                        images += 1
                    except CleanError as exc:
                        report.kept.append(Kept(f"embedded image {n}", str(exc)))
                elif data[:4] == b"PK\x03\x04":
                    if depth >= MAX_DEPTH:
                        report.kept.append(Kept(f"embedded document {n}", "nested too deeply"))
                    else:
                        inner = io.BytesIO()
                        try:
                            _rebuild(io.BytesIO(data), inner, report, depth + 1)
                            data = inner.getvalue()
                            report.notes.append(f"embedded document {n} cleaned")
                        except CleanError as exc:
                            report.kept.append(Kept(f"embedded document {n}", str(exc)))
                elif low.startswith(("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")) or low.endswith(".bin"):
                    report.kept.append(Kept(f"embedded object {n}", "binary objects are not cleaned here"))
                elif n != "mimetype" and not low.endswith(_PLAIN_PARTS):
                    # audio, video, vector pictures (EMF/WMF carry a description string) and anything
                    # else this cleaner does not rebuild: copied as it is, so never called cleaned
                    report.kept.append(Kept(f"embedded file {n}", "this kind of embedded file is not cleaned here"))
                zi = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                w.writestr(zi, data)
        for label, count in sorted(counts.items()):
            text = f"{label} ({count})"
            report.found.append(text)
            report.removed.append(text)
        if images:
            report.notes.append(f"{images} embedded images rebuilt from their pixels")


def clean_office(path: Path, out: Sink, mime: str) -> CleanReport:
    report = CleanReport(CLEANED, "document", mime, mime,
                         "document parts rebuilt into a new package through an allow-list")
    with open(path, "rb") as f:
        _rebuild(f, out, report, 0)
    return report
