"""Removing the researcher's own copy of a file once it is in the vault.

Only a file that still has the SHA-256 recorded at import is touched (a file
put there since under the same name is left alone).  Its bytes are
overwritten once with zeros and flushed before it is unlinked: on a hard disk
that erases them; on SSDs, flash drives, SD cards and copy-on-write or
journalling file systems the old blocks may survive anyway, which only
full-disk encryption covers.  Callers must say so to the user.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

CHUNK = 1024 * 1024


class SourceError(Exception):
    """The file was not removed; ``str()`` is one line for the user."""


def remove_source(path: Path | str, sha256: str) -> None:
    path = Path(path)
    try:
        st = path.lstat()
    except FileNotFoundError:
        raise SourceError(f"{path.name} is already gone") from None
    if not path.is_file() or path.is_symlink():
        raise SourceError(f"{path.name} is not a plain file; left alone")
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
        if h.hexdigest() != sha256:
            raise SourceError(f"{path.name} changed since it was added to the vault; left alone")
        with open(path, "r+b", buffering=0) as f:
            zeros = bytes(CHUNK)
            left = st.st_size
            while left > 0:
                n = f.write(zeros[:min(CHUNK, left)])
                left -= n or 0
            os.fsync(f.fileno())
        path.unlink()
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise SourceError(f"Could not remove {path.name}: {exc.strerror}") from None
