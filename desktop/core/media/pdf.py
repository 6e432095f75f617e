"""PDF: pages copied into a new document through an allow-list (pikepdf/qpdf).

The new document holds only the page tree: no document information, XMP,
outline, names tree (embedded files, JavaScript), open action, forms,
structure tree or page labels.  Each page keeps only the keys needed to draw
it (no annotations, links, actions, thumbnails, piece info); every object
left is walked to remove metadata streams, piece info, actions and the PTEX
keys pdfTeX leaves with author file paths; embedded JPEG images are rebuilt
from their pixels (EXIF inside them goes too).
"""
from __future__ import annotations

import warnings
import zlib
from pathlib import Path
from typing import Any, BinaryIO, cast

from .report import CLEANED, CleanError, CleanReport, Kept, Sink

MAX_PAGES = 20_000
MAX_OBJECTS = 2_000_000
MAX_IMAGE_STREAM = 64 * 1024 * 1024
# The pages' drawing instructions, decoded, in all: qpdf parses them whole to find
# the resources they use (about three times their size in memory), so a small file
# whose content stream inflates to gigabytes (a decompression bomb) is refused first.
MAX_CONTENT = 64 * 1024 * 1024
# the most a filter other than Flate could expand (LZW's worst case, about 2,700x)
_OTHER_FILTER_RATIO = 3000

_PAGE_KEYS = {"/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox",
              "/ArtBox", "/Contents", "/Rotate", "/Group", "/UserUnit"}
_DROP_ANYWHERE = {"/Metadata", "/PieceInfo", "/LastModified", "/AA", "/A", "/JS", "/OpenAction",
                  "/URI", "/Thumb", "/OPI", "/StructParent", "/StructParents", "/ID"}


def _count_found(src: Any) -> tuple[list[str], int]:
    import pikepdf

    found: list[str] = []
    info = src.trailer.get("/Info")
    if info is not None and len(info.keys()):
        found.append(f"document information ({', '.join(sorted(str(k)[1:] for k in info)[:10])})")
    root = src.Root
    if "/Metadata" in root:
        found.append("XMP metadata")
    names = root.get("/Names")
    if names is not None:
        if "/EmbeddedFiles" in names:
            found.append("embedded file attachments")
        if "/JavaScript" in names:
            found.append("document JavaScript")
    for key, label in (("/OpenAction", "open action"), ("/AA", "document actions"), ("/Outlines", "bookmarks"),
                       ("/AcroForm", "form fields"), ("/StructTreeRoot", "structure tree"),
                       ("/PageLabels", "page labels"), ("/OCProperties", "layer names")):
        if key in root:
            found.append(label)
    annots: dict[str, int] = {}
    page_meta = 0
    for page in src.pages:
        for a in page.obj.get("/Annots", []) or []:
            try:
                sub = str(a.get("/Subtype", "/Unknown"))[1:]
            except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
                sub = "Unknown"
            annots[sub] = annots.get(sub, 0) + 1
        if any(k in page.obj for k in ("/PieceInfo", "/Metadata", "/LastModified", "/AA", "/Thumb")):
            page_meta += 1
    if annots:
        found.append("annotations (" + ", ".join(f"{n} {k}" for k, n in sorted(annots.items())) + ")")
    if page_meta:
        found.append(f"page metadata, actions or thumbnails on {page_meta} pages")
    ptex = js = meta = piece = 0
    n = 0
    for obj in src.objects:
        n += 1
        if n > MAX_OBJECTS:
            raise CleanError("PDF has too many objects")
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            keys = set(obj.keys())
            ptex += sum(1 for k in keys if str(k).startswith("/PTEX."))
            js += "/JS" in keys
            meta += "/Metadata" in keys
            piece += "/PieceInfo" in keys
    if ptex:
        found.append(f"pdfTeX keys with source file paths ({ptex})")
    if js and "document JavaScript" not in found:
        found.append("JavaScript actions")
    if piece:
        found.append("piece info (application private data)")
    if meta > ("/Metadata" in root):
        found.append("XMP metadata on objects")
    return found, n


def _clean_images(dst: Any, report: CleanReport) -> None:
    import pikepdf

    from .images import clean_image

    rebuilt = exif = 0
    for obj in list(dst.objects):
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != pikepdf.Name.Image:
            continue
        filters = _filters(obj)
        if filters == ["/DCTDecode"]:
            raw = obj.read_raw_bytes()
            if len(raw) > MAX_IMAGE_STREAM:
                report.kept.append(Kept("a very large embedded JPEG", "over the size this cleaner rebuilds"))
                continue
            try:
                data, sub = clean_image(raw, "image/jpeg")
            except Exception as exc:  # noqa: BLE001 - hostile input: any failure is a refusal
                report.kept.append(Kept("an embedded JPEG image", f"could not be rebuilt ({exc})"[:200]))
                continue
            if sub.found:
                exif += 1
            obj.write(data, filter=pikepdf.Name.DCTDecode)
            rebuilt += 1
        elif "/JPXDecode" in filters:
            report.kept.append(Kept("an embedded JPEG 2000 image", "its metadata boxes cannot be rebuilt here"))
    if exif:
        report.found.append(f"EXIF or other metadata inside {exif} embedded JPEG images")
        report.removed.append(f"EXIF or other metadata inside {exif} embedded JPEG images")
    if rebuilt:
        report.notes.append(f"{rebuilt} embedded JPEG images re-encoded from their pixels")


def _filters(obj: Any) -> list[str]:
    import pikepdf

    filt = obj.get("/Filter")
    return [str(f) for f in filt] if isinstance(filt, pikepdf.Array) else ([str(filt)] if filt else [])


def _decoded_size(obj: Any, budget: int) -> int:
    """How many bytes a stream decodes to, counted without holding more than 1 MiB of
    it (Flate); stops counting once over ``budget``."""
    raw = obj.read_raw_bytes()
    filters = _filters(obj)
    if not filters:
        return len(raw)
    if filters == ["/FlateDecode"]:
        d = zlib.decompressobj()
        n, buf = 0, raw
        try:
            while buf and n <= budget:
                n += len(d.decompress(buf, 1 << 20))
                buf = d.unconsumed_tail
        except zlib.error:
            pass  # damaged data: qpdf decodes no more of it than this either
        return n
    if len(raw) * _OTHER_FILTER_RATIO <= budget:
        return len(raw) * _OTHER_FILTER_RATIO
    raise CleanError("the PDF's page contents use filters whose expanded size cannot be bounded here")


def _check_content_size(dst: Any) -> None:
    """Refuse page contents (pages, forms, Type 3 glyphs) that decode to more than MAX_CONTENT."""
    import pikepdf

    streams: dict[tuple[int, int], Any] = {}

    def add(obj: Any) -> None:
        if isinstance(obj, pikepdf.Array):
            for o in obj:
                add(o)
        elif isinstance(obj, pikepdf.Stream):
            streams[obj.objgen] = obj

    for page in dst.pages:
        add(page.obj.get("/Contents"))
    for obj in dst.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Form:
            streams[obj.objgen] = obj
        elif isinstance(obj, pikepdf.Dictionary) and "/CharProcs" in obj:
            for glyph in obj.CharProcs.values():
                add(glyph)
    total = 0
    for obj in streams.values():
        total += _decoded_size(obj, MAX_CONTENT - total)
        if total > MAX_CONTENT:
            raise CleanError(f"the PDF's page contents expand to more than {MAX_CONTENT >> 20} MiB "
                             "(a decompression bomb?)")


def _scrub(dst: Any) -> None:
    import pikepdf

    for obj in list(dst.objects):
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for k in list(obj.keys()):
                ks = str(k)
                if ks in _DROP_ANYWHERE or ks.startswith("/PTEX."):
                    del obj[k]


class _Forward:
    """What pikepdf wants to write to (it asks for ``seek``), forwarding front to back."""

    def __init__(self, out: Sink) -> None:
        self.out, self.pos = out, 0

    def write(self, b: Any) -> int:
        n = self.out.write(bytes(b))
        self.pos += len(b)
        return n if n is not None else len(b)

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        target = offset if whence == 0 else self.pos + offset if whence == 1 else -1
        if target != self.pos:
            raise OSError("the cleaned PDF is written front to back")
        return self.pos

    def seekable(self) -> bool:
        return False

    def flush(self) -> None:
        pass


def clean_pdf(path: Path, out: Sink) -> CleanReport:
    import pikepdf

    try:
        src = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise CleanError("encrypted PDF: cannot clean it without its password") from None
    except pikepdf.PdfError as exc:
        raise CleanError(f"damaged or not a PDF ({str(exc).splitlines()[0][:100]})") from None
    with src:
        if len(src.pages) > MAX_PAGES:
            raise CleanError(f"PDF has more than {MAX_PAGES} pages")
        found, _ = _count_found(src)
        report = CleanReport(CLEANED, "pdf", "application/pdf", "application/pdf",
                             "pages copied into a new PDF through an allow-list (pikepdf)", list(found), list(found))
        with pikepdf.new() as dst:
            for page in src.pages:
                dst.pages.append(page)
            for page in dst.pages:
                for k in list(page.obj.keys()):
                    if str(k) not in _PAGE_KEYS:
                        del page.obj[k]
            _check_content_size(dst)
            dst.remove_unreferenced_resources()
            _clean_images(dst, report)
            _scrub(dst)
            for k in list(dst.trailer.keys()):
                if str(k) not in ("/Root", "/Size"):
                    del dst.trailer[k]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # orphaned widgets: the annotations are dropped on purpose
                dst.save(cast(BinaryIO, _Forward(out)), deterministic_id=True, fix_metadata_version=False)
    return report.finish()
