"""A report draft's HTML (built by the core) turned into a PDF by Qt's text
engine: QTextDocument shapes Arabic (HarfBuzz) and lays paragraphs out right
to left; QPdfWriter embeds the fonts. Pages are numbered in the report's
digits (Arabic-Indic in Arabic unless the setting says Western). Used by the
window and by ``testimony hq report``; the PDF is written whole to memory,
then to the file the user named (never over an existing one)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from desktop.core.services import write_digits, zero_digit


def ensure_app() -> QGuiApplication:
    """A Qt application for fonts and text layout (offscreen when the command line has no screen)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def pdf_bytes(html: str, lang: str, title: str = "Testimony report", digits: str = "native") -> tuple[bytes, int]:
    """(the PDF, its number of pages); ``digits`` is the digit setting ("native" or "western")."""
    ensure_app()
    rtl = lang == "ar"
    doc = QTextDocument()
    font = QFont("Noto Sans Arabic" if rtl else "Noto Sans")
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    option = doc.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setHtml(html)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setTitle(title)
    writer.setCreator("Testimony")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    _print(doc, writer, font, zero_digit(lang, digits))
    del writer  # finishes the PDF
    buf.close()
    pdf = bytes(data.data())
    return pdf, pdf_pages(pdf)


def _print(doc: QTextDocument, writer: QPdfWriter, font: QFont, zero: str) -> None:
    """The document page by page, each numbered at its foot in the report's digits
    (QTextDocument.print_ would number them in Western digits whatever the language)."""
    doc.documentLayout().setPaintDevice(writer)
    width, height = writer.width(), writer.height()
    footer = height * 0.05
    body = height - footer
    doc.setPageSize(QSizeF(width, body))
    painter = QPainter(writer)
    try:
        painter.setFont(font)
        for page in range(doc.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body)
            doc.drawContents(painter, QRectF(0, page * body, width, body))
            painter.restore()
            painter.drawText(QRectF(0, body, width, footer), Qt.AlignmentFlag.AlignCenter,
                             write_digits(str(page + 1), zero))
    finally:
        painter.end()


def write_pdf(html: str, out: Path, lang: str, title: str = "Testimony report", digits: str = "native") -> int:
    from desktop.core.services.exchange import check_output_file
    from desktop.core.services.exchange import write_new_file as write_new

    check_output_file(out)  # before the work: never an existing file, never inside a vault
    data, pages = pdf_bytes(html, lang, title, digits)
    write_new(out, data)
    return pages


def pdf_pages(data: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
