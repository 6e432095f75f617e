"""Attachment use cases for both front ends: decrypted copies, cleaning reports,
faces hidden on request, and removing the researcher's own copy after import.

The window and the command line call these; neither reaches into the media
package or the vault's blob store itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Refusal
from ..media import source as _source
from ..media.sniff import extension as _extension
from ..media.faces import Box
from ..media.video_faces import Sample
from ..vault import Attachment, CancelFn, ProgressFn, Vault

__all__ = ["Attachment", "Box", "cleaning_report", "copy_filename", "detect_faces", "export_copy", "hide_faces",
           "read_copy", "remove_originals", "video_face_samples"]

FILLS = ("pixelate", "solid")


def export_copy(vault: Vault, att_id: str, out: Path | str, original: bool = False,
                progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> str:
    """Decrypt a copy into a new file ``out`` (never over an existing one); returns its SHA-256.

    The copy a bundle would carry (cleaned, faces hidden when that was done) unless
    ``original``; checked against the hash recorded at import and logged in custody.
    """
    return vault.export_attachment(att_id, Path(out), original=original, progress=progress, cancel=cancel)


def copy_filename(att: Attachment, original: bool = False) -> str:
    """The name to offer for a saved copy: the cleaned copy of a converted file
    (a HEIC photo cleaned into a JPEG) gets its own type's extension."""
    name = att.filename
    faces_ext = (att.faces or {}).get("ext") if att.cleaned and att.faces_sha256 else None
    if original or not (faces_ext or (att.clean_mime and att.clean_mime != att.mime)):
        return name
    ext = str(faces_ext or (att.report or {}).get("clean_ext") or _extension(att.clean_mime or ""))
    if ext.lower() == Path(name).suffix.lower():
        return name
    return str(Path(name).with_suffix(ext)) if ext and Path(name).suffix else name + ext


def read_copy(vault: Vault, att_id: str, out: Any, cleaned: bool = False) -> None:
    """Decrypt an attachment into the stream ``out`` (in memory; nothing touches the disk)."""
    vault.read_attachment(att_id, out, cleaned=cleaned)


def cleaning_report(vault: Vault, att_id: str) -> dict[str, Any]:
    """What the cleaner found, removed and kept (and why) for one attachment."""
    att = vault.attachment(att_id)
    return {"status": att.clean_status, "removed": list(att.removed), "reason": att.clean_reason,
            **(att.report or {})}


def detect_faces(vault: Vault, att_id: str) -> list[Box]:
    """Boxes around the faces found in the cleaned copy of a photo (for the researcher to review)."""
    return vault.detect_faces(att_id)


def video_face_samples(vault: Vault, att_id: str, count: int = 6, cancel: CancelFn | None = None) -> list[Sample]:
    """Frames spread over a cleaned video with the faces found on each (what the review shows)."""
    return vault.video_face_samples(att_id, count, cancel)


def hide_faces(vault: Vault, att_id: str, boxes: list[Box], mode: str = "pixelate",
               progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> Attachment:
    """Fill faces for good in a new copy (what bundles and exports then carry).

    A photo: the reviewed boxes. A video: every face the model finds (on one
    frame in five, carried to the frames between) plus ``boxes`` in every frame.
    """
    if mode not in FILLS:
        raise Refusal(f"Unknown fill {mode!r}: use pixelate or solid")
    return vault.hide_faces(att_id, boxes, mode, progress=progress, cancel=cancel)


def remove_originals(files: list[tuple[Path | str, str]]) -> list[str]:
    """Overwrite and delete the researcher's own copies of imported files.

    ``files`` pairs each path with the SHA-256 recorded at import: a file that
    changed since is left alone. Returns one line per file that was not removed.
    On SSDs and flash the old blocks may survive (callers say so).
    """
    problems = []
    for path, sha in files:
        try:
            _source.remove_source(path, sha)
        except _source.SourceError as exc:
            problems.append(str(exc))
    return problems
