"""Bounds on an XLSForm workbook, checked before any parser reads it: file size, number of
parts, decompressed size, rows and cells (a 514 KB workbook can hold a million rows)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .errors import FormError

MAX_XLSFORM_BYTES = 10_000_000
# Checked in the zip before any parser sees the workbook: a 514 KB file can
# hold a million rows, a 617 KB one a label of hundreds of megabytes.
MAX_XLSFORM_MEMBERS = 200
MAX_XLSFORM_UNCOMPRESSED = 40_000_000
MAX_XLSFORM_ROWS = 50_000
MAX_XLSFORM_CELLS = 500_000
_ROW = re.compile(rb"<(?:[A-Za-z0-9_]+:)?row[\s>/]")
_CELL = re.compile(rb"<(?:[A-Za-z0-9_]+:)?c[\s>/]")


def check_workbook(p: Path) -> None:
    """Bound members, decompressed size, rows and cells, streaming, before parsing.

    zipfile never yields more than a member's declared size, so the declared
    sizes bound what any parser can be made to read.
    """
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            if len(infos) > MAX_XLSFORM_MEMBERS:
                raise FormError(f"XLSForm {p.name}: {len(infos)} parts in the workbook; refused")
            total = sum(i.file_size for i in infos)
            if total > MAX_XLSFORM_UNCOMPRESSED:
                raise FormError(f"XLSForm {p.name}: expands to {total // 1_000_000} MB "
                                f"(limit {MAX_XLSFORM_UNCOMPRESSED // 1_000_000} MB); refused")
            rows = cells = 0
            for info in infos:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                with z.open(info) as f:
                    # (a tag cut by a chunk boundary is missed: at most one per MiB, for a bound)
                    while chunk := f.read(1 << 20):
                        rows += len(_ROW.findall(chunk))
                        cells += len(_CELL.findall(chunk))
                if rows > MAX_XLSFORM_ROWS or cells > MAX_XLSFORM_CELLS:
                    raise FormError(f"XLSForm {p.name}: more than {MAX_XLSFORM_ROWS:,} rows or "
                                    f"{MAX_XLSFORM_CELLS:,} cells; refused")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, ValueError):
        raise FormError(f"XLSForm {p.name}: cannot open the workbook (not a readable .xlsx file)") from None
