"""Files the user names (bundles, cards, receipts, tables, form definitions, reports).

Every such file is new: an existing file (or link) is never replaced, and
nothing is written inside a vault folder, where a wrong name
(``keyslots.bin``, ``vault.db``) would destroy the vault's keys or data.
Refusals carry codes (``file.exists``, ``file.inside_vault``,
``file.no_folder``) that the window translates.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Refusal

# A folder holding any of these is a vault (field or headquarters).
VAULT_MARKERS = ("keyslots.bin", "keyslots.json", "vault.db", "unlock-guard.json")


class OutputRefused(Refusal):
    """The output path is refused; nothing was written."""

    default_code = "file.exists"


def vault_containing(path: Path | str) -> Path | None:
    """The vault folder that ``path`` would be written into (or is), if any."""
    try:
        target = Path(path).absolute()
        parent = target.parent.resolve()
    except (OSError, RuntimeError):
        return None
    folders = [parent, *parent.parents]
    if target.is_dir():
        folders.insert(0, target.resolve())
    for folder in folders:
        try:
            if any((folder / marker).exists() for marker in VAULT_MARKERS):
                return folder
        except OSError:
            continue
    return None


def check_output(path: Path | str, refusal: type[Refusal] = OutputRefused) -> Path:
    """``path`` if a new file may be written there; else a refusal (of the
    caller's class, ``refusal``, so that its callers' handling stays the same)."""
    out = Path(path)
    if out.exists() or out.is_symlink():
        raise refusal(code="file.exists", path=out)
    vault = vault_containing(out)
    if vault is not None:
        raise refusal(code="file.inside_vault", path=out, vault=vault)
    if not out.absolute().parent.is_dir():
        raise refusal(code="file.no_folder", path=out)
    return out


def publish(tmp: Path, out: Path, refusal: type[Refusal] = OutputRefused) -> None:
    """Give a finished temporary file its final name, never replacing a file.

    ``tmp`` is removed in every case; the folder is fsynced after the link."""
    try:
        check_output(out, refusal)
        try:
            os.link(tmp, out)  # fails if the name was taken meanwhile
        except FileExistsError:
            raise refusal(code="file.exists", path=out) from None
    finally:
        tmp.unlink(missing_ok=True)
    fd = os.open(out.absolute().parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
