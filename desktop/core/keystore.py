"""The vault's ``keyslots.json``: atomic writes, strict reads, quick destruction."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import Refusal
from .crypto import CryptoError, KeySlot

KEYSLOTS = "keyslots.json"
FORMAT = "testimony-keyslots"
MAX_KEYSLOTS_BYTES = 64 * 1024


class KeystoreError(Refusal):
    """Key slots missing or unreadable; the message is one line for the user."""

    default_code = "keystore.refused"


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file, fsync, rename, fsync the folder: never a half-written file."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_new(path: Path, data: bytes) -> None:
    """Write a file the user named, never replacing one that exists and never
    inside a vault (a receipt or card must not land on a vault's key slots)."""
    import uuid

    from .outputs import check_output, publish

    check_output(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    publish(tmp, path)


def write_slots(folder: Path, vault_id: str, slots: list[KeySlot]) -> None:
    doc = {
        "format": FORMAT,
        "version": 1,
        "vault_id": vault_id,
        "slots": [s.to_dict() for s in slots],
    }
    atomic_write(folder / KEYSLOTS, json.dumps(doc, indent=2).encode())


def read_slots(folder: Path) -> tuple[str, list[KeySlot]]:
    path = folder / KEYSLOTS
    if not path.exists():
        if (folder / "vault.db").exists():
            raise KeystoreError(
                f"{path} is missing: the vault's keys are gone (wiped or deleted); it cannot be opened"
            )
        raise KeystoreError(f"No vault at {folder} (no {KEYSLOTS}); create one with 'testimony vault init'")
    try:
        if path.stat().st_size > MAX_KEYSLOTS_BYTES:
            raise ValueError("too large")
        doc = json.loads(path.read_bytes())
        if doc.get("format") != FORMAT or doc.get("version") != 1:
            raise ValueError("not a key slot file")
        vault_id = str(doc["vault_id"])
        slots = [KeySlot.from_dict(s) for s in doc["slots"]]
        if not slots:
            raise ValueError("no slots")
    except CryptoError as exc:
        raise KeystoreError(f"{path} is damaged: {exc}") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise KeystoreError(f"{path} is damaged or not a Testimony key slot file; the vault cannot be opened") from None
    return vault_id, slots


def destroy(folder: Path) -> None:
    """Overwrite the key slots with random bytes, flush, and delete them.

    With the slots gone the vault master key cannot be recovered, so the
    database and attachments are unreadable from this moment on.
    """
    for name in (KEYSLOTS, KEYSLOTS + ".tmp"):
        path = folder / name
        if not path.exists():
            continue
        size = max(path.stat().st_size, 4096)
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, os.urandom(size))
            os.fsync(fd)
        finally:
            os.close(fd)
        path.unlink()
    fsync_dir(folder)
