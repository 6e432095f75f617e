"""A report draft's HTML (built by the core) turned into a PDF by Qt's text
engine: QTextDocument shapes Arabic (HarfBuzz) and lays paragraphs out right
to left; QPdfWriter embeds the fonts. Used by the window and by
``testimony hq report``; the PDF is written whole to memory, then to the
file the user named (never over an existing one)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)


def ensure_app() -> QGuiApplication:
    """A Qt application for fonts and text layout (offscreen when the command line has no screen)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def pdf_bytes(html: str, lang: str, title: str = "Testimony report") -> tuple[bytes, int]:
    """(the PDF, its number of pages)."""
    ensure_app()
    rtl = lang == "ar"
    doc = QTextDocument()
    font = QFont("Noto Sans Arabic" if rtl else "Noto Sans")
    font.setPointSizeF(10)
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
    doc.print_(writer)
    del writer  # finishes the PDF
    buf.close()
    pdf = bytes(data.data())
    return pdf, pdf_pages(pdf)


def write_pdf(html: str, out: Path, lang: str, title: str = "Testimony report") -> int:
    from desktop.core.services.exchange import check_output_file
    from desktop.core.services.exchange import write_new_file as write_new

    check_output_file(out)  # before the work: never an existing file, never inside a vault
    data, pages = pdf_bytes(html, lang, title)
    write_new(out, data)
    return pages


def pdf_pages(data: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
