"""Metadata removal: one cleaner per format family, each rebuilding the file
from an allow-list of what is needed to show or play it.

:func:`clean_file` reads an original from a path and writes the cleaned copy,
front to back, into ``out`` (the vault encrypts it as it arrives: nothing in
plaintext touches the disk).  It returns a :class:`CleanReport`; it never
raises for bad input (hostile files are expected), only for a cancel.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .report import (
    CLEANED,
    FAILED,
    PARTIAL,
    CleanCancelled,
    CleanError,
    CleanReport,
    Kept,
    Sink,
    failed,
)
from .sniff import sniff, sniff_path

__all__ = [
    "CLEANED",
    "FAILED",
    "PARTIAL",
    "CleanCancelled",
    "CleanError",
    "CleanReport",
    "Kept",
    "clean_bytes",
    "clean_file",
    "sniff",
    "sniff_path",
]

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def _clean_image(data: bytes, mime: str) -> tuple[bytes, CleanReport]:
    """Photos: HEIC/HEIF through libheif (converted), the others through Pillow."""
    from .heif import HEIF_MIMES, clean_heif
    from .images import clean_image

    return clean_heif(data, mime) if mime in HEIF_MIMES else clean_image(data, mime)


def _dispatch(path: Path, out: Sink, kind: str, mime: str, progress: ProgressFn | None,
              cancel: CancelFn | None) -> CleanReport:
    if kind == "image":
        from .images import MAX_FILE_BYTES

        if path.stat().st_size > MAX_FILE_BYTES:
            raise CleanError(f"image file over {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        data, report = _clean_image(path.read_bytes(), mime)
        out.write(data)
        return report.finish()
    if kind == "pdf":
        from .pdf import clean_pdf

        return clean_pdf(path, out).finish()
    if kind == "document":
        from .office import clean_office

        return clean_office(path, out, mime).finish()
    if kind in ("audio", "video"):
        from .av import clean_av

        return clean_av(path, out, mime, kind, progress, cancel)
    raise CleanError("unknown file type: it cannot be checked for metadata")


def clean_file(path: Path | str, out: Sink, filename: str = "", progress: ProgressFn | None = None,
               cancel: CancelFn | None = None) -> CleanReport:
    """Clean the file at ``path`` into ``out``.  On a report that is not
    cleaned or partial, whatever reached ``out`` must be thrown away."""
    path = Path(path)
    try:
        kind, mime = sniff_path(path, filename or path.name)
    except OSError as exc:
        return failed("other", "application/octet-stream", f"cannot read the file ({exc.strerror})")
    try:
        if path.stat().st_size == 0:
            return failed(kind, mime, "empty file")
        return _dispatch(path, out, kind, mime, progress, cancel)
    except CleanCancelled:
        raise
    except CleanError as exc:
        return failed(kind, mime, str(exc))
    except MemoryError:
        return failed(kind, mime, "not enough memory to clean this file")
    except Exception as exc:  # noqa: BLE001 - hostile or corrupt input: never crash the caller
        return failed(kind, mime, f"could not be read ({type(exc).__name__})")


def clean_bytes(data: bytes, filename: str = "") -> tuple[bytes | None, CleanReport]:
    """Convenience for small in-memory inputs (tests, embedded images):
    the cleaned bytes (None unless cleaned or partial) and the report."""
    kind, mime = sniff(data[:128], filename)
    if kind == "image":
        try:
            out, report = _clean_image(data, mime)
            return out, report.finish()
        except CleanError as exc:
            return None, failed(kind, mime, str(exc))
        except Exception as exc:  # noqa: BLE001 - hostile input: any failure is a refusal
            return None, failed(kind, mime, f"could not be read ({type(exc).__name__})")
    raise ValueError("clean_bytes handles images; use clean_file for other kinds")


