"""The key-slot store: a fixed-size file updated in place, destroyed for real.

``keyslots.bin`` holds two copies of the same content (as LUKS2 keeps two
headers). Each copy is a header block (magic, sequence number, a bounded JSON
description of the slots, SHA-256 checksum of the whole copy) followed by a
fixed number of slot areas and one sealed area for the duress decoy. A slot's
sealed vault master key is anti-forensically split (LUKS's AF-split, built on
SHA-256 from ``cryptography``) over a whole area, so overwriting any part of
the area destroys the key.

Updates never write a new file and rename it (the old blocks would stay on the
disk): both copies are rewritten in place, the older one first, each fsynced,
so a crash mid-write always leaves one complete copy. Wiping overwrites both
copies with random bytes and fsyncs before anything else is removed.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from cryptography.hazmat.primitives import hashes

from .. import keystore
from ..crypto import SALT_BYTES, CryptoError, KdfParams, KeySlot, b64d, b64e

STORE = "keyslots.bin"
LEGACY = keystore.KEYSLOTS  # keyslots.json of vaults made before the in-place store
MAGIC = b"TSTYKS\x00\x02"
FORMAT = "testimony-keyslots"
VERSION = 2

HEADER_BYTES = 4096
CHECKSUM_BYTES = 32
MAX_SLOTS = 6  # passphrase, duress, recovery, the rotation link, two spare
STRIPES = 4000  # LUKS's default anti-forensic stripe count
SEALED_BYTES = 12 + 33 + 16  # nonce + (purpose byte + 32-byte key) + tag
AREA_BYTES = 60 * 4096  # holds STRIPES * SEALED_BYTES (244,000 bytes), block aligned
KIT_BYTES = 16 * 1024  # the sealed decoy kit, or random bytes when there is none
COPY_BYTES = HEADER_BYTES + MAX_SLOTS * AREA_BYTES + KIT_BYTES
FILE_BYTES = 2 * COPY_BYTES
_PREFIX = struct.Struct(">8sQI")  # magic, sequence number, JSON length
KINDS = ("passphrase", "recovery", "previous")


class StoreError(Exception):
    """The key slots are missing or unreadable; one line for the user.

    With ``code`` (an entry of ``desktop.core.errors.MESSAGES``) the vault
    raises it as a coded refusal the window translates."""

    def __init__(self, message: str, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class StoreDamaged(StoreError):
    pass


@dataclass
class SlotStore:
    vault_id: str
    slots: list[KeySlot]
    # The previous master key sealed under the new one, only while a key
    # rotation is being carried out (a crash then is finished at next unlock).
    previous: bytes | None = None
    kit: bytes | None = None  # sealed decoy kit (KIT_BYTES) or None
    seq: int = 0


# ---------------------------------------------------------------- AF-split


_DIGEST = 64  # SHA-512: one hash diffuses a whole stripe (a sealed key is 61 bytes)


def _diffuse(buf: bytes) -> bytes:
    """LUKS's diffusion: each digest-sized block hashed with its index."""
    out = bytearray()
    for i in range(0, len(buf), _DIGEST):
        block = buf[i : i + _DIGEST]
        h = hashes.Hash(hashes.SHA512())
        h.update(struct.pack(">I", i // _DIGEST))
        h.update(block)
        out += h.finalize()[: len(block)]
    return bytes(out)


def _xor(a: bytes, b: bytes) -> bytes:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).to_bytes(len(a), "big")


def af_split(data: bytes, stripes: int = STRIPES) -> bytes:
    """Spread ``data`` over ``stripes`` blocks; all are needed to get it back."""
    n = len(data)
    out = bytearray()
    buf = bytes(n)
    for _ in range(stripes - 1):
        block = os.urandom(n)
        out += block
        buf = _diffuse(_xor(buf, block))
    out += _xor(buf, data)
    return bytes(out)


def af_merge(material: bytes, n: int, stripes: int = STRIPES) -> bytes:
    buf = bytes(n)
    for i in range(stripes - 1):
        buf = _diffuse(_xor(buf, material[i * n : (i + 1) * n]))
    return _xor(buf, material[(stripes - 1) * n : stripes * n])


# ---------------------------------------------------------------- encoding


def _checksum(copy_without_sum: bytes) -> bytes:
    h = hashes.Hash(hashes.SHA256())
    h.update(copy_without_sum)
    return h.finalize()


def sealed(slot: KeySlot) -> KeySlot:
    """The slot with its sealed key merged back from the anti-forensic stripes."""
    if not slot.wrapped and slot.material is not None:
        slot.wrapped = af_merge(slot.material, SEALED_BYTES)
    return slot


def _area(sealed: bytes) -> bytes:
    if len(sealed) != SEALED_BYTES:
        raise StoreError("A key slot has an unexpected size")
    material = af_split(sealed)
    return material + os.urandom(AREA_BYTES - len(material))


def encode(store: SlotStore) -> bytes:
    entries = list(store.slots) + ([None] if store.previous is not None else [])
    if len(entries) > MAX_SLOTS:
        raise StoreError(f"At most {MAX_SLOTS} key slots fit in the store")
    areas: list[bytes] = []
    described: list[dict[str, Any]] = []
    for index, slot in enumerate(entries):
        if slot is None:
            assert store.previous is not None
            described.append({"kind": "previous", "area": index})
            areas.append(_area(store.previous))
            continue
        d: dict[str, Any] = {"kind": slot.kind, "area": index, "kdf": slot.kdf.to_dict(), "salt": b64e(slot.salt)}
        if slot.legacy:
            d["legacy"] = True
        described.append(d)
        areas.append(_area(sealed(slot).wrapped))
    while len(areas) < MAX_SLOTS:
        areas.append(os.urandom(AREA_BYTES))
    doc = {"format": FORMAT, "version": VERSION, "vault_id": store.vault_id, "slots": described}
    text = json.dumps(doc, separators=(",", ":")).encode()
    room = HEADER_BYTES - CHECKSUM_BYTES - _PREFIX.size
    if len(text) > room:
        raise StoreError("The key slot description does not fit in the store header")
    kit = store.kit if store.kit is not None else os.urandom(KIT_BYTES)
    if len(kit) != KIT_BYTES:
        raise StoreError("The decoy kit has an unexpected size")
    head = _PREFIX.pack(MAGIC, store.seq, len(text)) + text + os.urandom(room - len(text))
    body = b"".join(areas) + kit
    return head + _checksum(head + body) + body


def _kdf(d: object) -> KdfParams:
    if not isinstance(d, dict):
        raise TypeError("kdf")
    params = KdfParams.from_dict(d)  # bounded: floor and ceiling
    return params


def _check(copy: bytes) -> tuple[int, int]:
    """Magic, size and checksum of one copy; returns (sequence number, JSON length)."""
    if len(copy) != COPY_BYTES:
        raise StoreDamaged("truncated")
    magic, seq, length = _PREFIX.unpack_from(copy)
    if magic != MAGIC:
        raise StoreDamaged("not a Testimony key slot store")
    head_end = HEADER_BYTES - CHECKSUM_BYTES
    if _checksum(copy[:head_end] + copy[HEADER_BYTES:]) != copy[head_end:HEADER_BYTES]:
        raise StoreDamaged("checksum mismatch")
    if length > head_end - _PREFIX.size:
        raise StoreDamaged("header too long")
    return seq, length


def decode(copy: bytes) -> SlotStore:
    """One copy to a store; raises StoreDamaged with the reason."""
    seq, length = _check(copy)
    try:
        doc = json.loads(copy[_PREFIX.size : _PREFIX.size + length])
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("format")
        vault_id = doc["vault_id"]
        entries = doc["slots"]
        if not isinstance(vault_id, str) or not isinstance(entries, list) or not 1 <= len(entries) <= MAX_SLOTS:
            raise ValueError("slots")
        slots: list[KeySlot] = []
        previous = None
        used: set[int] = set()
        for d in entries:
            if not isinstance(d, dict) or d.get("kind") not in KINDS:
                raise ValueError("kind")
            index = d.get("area")
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < MAX_SLOTS or index in used:
                raise ValueError("area")
            used.add(index)
            start = HEADER_BYTES + index * AREA_BYTES
            material = copy[start : start + STRIPES * SEALED_BYTES]
            if d["kind"] == "previous":
                if previous is not None:
                    raise ValueError("previous")
                previous = af_merge(material, SEALED_BYTES)
                continue
            salt = b64d(d["salt"])
            if len(salt) != SALT_BYTES:
                raise ValueError("salt")
            # Merged only when the slot is tried or rewritten (see sealed()).
            slots.append(KeySlot(kind=d["kind"], kdf=_kdf(d.get("kdf")), salt=salt, wrapped=b"",
                                 legacy=d.get("legacy") is True, material=material))
        if not slots:
            raise ValueError("no slots")
    except CryptoError as exc:
        raise StoreDamaged(str(exc)) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise StoreDamaged("its description is malformed") from None
    kit = copy[COPY_BYTES - KIT_BYTES :]
    return SlotStore(vault_id=vault_id, slots=slots, previous=previous, kit=kit, seq=seq)


# ---------------------------------------------------------------- files


def exists(folder: Path) -> bool:
    return (folder / STORE).exists() or (folder / LEGACY).exists()


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size != FILE_BYTES:
        raise StoreDamaged(f"{path} has the wrong size ({size} bytes); the vault's key slots are damaged",
                           "vault.slots_damaged", path=str(path), reason=f"wrong size: {size} bytes")
    with open(path, "rb") as f:
        return f.read(FILE_BYTES)


def _sequences(data: bytes) -> tuple[list[int], list[str]]:
    """Each copy's sequence number (-1 when damaged) and why the damaged ones are."""
    seqs, reasons = [-1, -1], []
    for i in range(2):
        try:
            seqs[i] = _check(data[i * COPY_BYTES : (i + 1) * COPY_BYTES])[0]
        except StoreDamaged as exc:
            reasons.append(str(exc))
    return seqs, reasons


def load(folder: Path) -> SlotStore:
    """The newest sound copy; migrates a vault's old ``keyslots.json``."""
    path = folder / STORE
    if not path.exists():
        if (folder / LEGACY).exists():
            return _migrate(folder)
        if (folder / "vault.db").exists():
            raise StoreError(f"{path} is missing: the vault's keys are gone (wiped or deleted); it cannot be opened",
                             "vault.slots_missing", path=str(path))
        raise StoreError(f"No vault at {folder} (no key slots); create one with 'testimony vault init'")
    data = _read(path)
    seqs, reasons = _sequences(data)
    order = sorted((i for i in range(2) if seqs[i] >= 0), key=lambda i: -seqs[i])
    for i in order:
        try:
            return decode(data[i * COPY_BYTES : (i + 1) * COPY_BYTES])
        except StoreDamaged as exc:
            reasons.append(str(exc))
    raise StoreDamaged(f"{path} is damaged ({reasons[0]}); the vault cannot be opened",
                       "vault.slots_damaged", path=str(path), reason=reasons[0])


def create(folder: Path, store: SlotStore) -> None:
    """Write a new store (both copies); never replaces an existing file."""
    path = folder / STORE
    store.seq = 1
    copy = encode(store)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, copy)
        os.write(fd, copy)
        os.fsync(fd)
    finally:
        os.close(fd)
    keystore.fsync_dir(folder)


def update(folder: Path, store: SlotStore) -> None:
    """Rewrite both copies in place: the older copy first, fsync, then the other."""
    path = folder / STORE
    seqs, _ = _sequences(_read(path))
    store.seq = max(seqs) + 1
    copy = encode(store)
    order = [0, 1] if seqs[0] <= seqs[1] else [1, 0]
    fd = os.open(path, os.O_WRONLY)
    try:
        for i in order:
            os.pwrite(fd, copy, i * COPY_BYTES)
            os.fsync(fd)
    finally:
        os.close(fd)


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    fd = os.open(path, os.O_WRONLY)
    try:
        done = 0
        while done < max(size, 4096):
            done += os.pwrite(fd, os.urandom(min(1 << 20, max(size, 4096) - done)), done)
        os.fsync(fd)
    finally:
        os.close(fd)


def destroy(folder: Path) -> None:
    """Overwrite both copies (and any old ``keyslots.json``) in place, fsync, delete."""
    for name in (STORE, LEGACY, LEGACY + ".tmp"):
        path = folder / name
        if path.exists():
            _overwrite(path)
    for name in (STORE, LEGACY, LEGACY + ".tmp"):
        (folder / name).unlink(missing_ok=True)
    keystore.fsync_dir(folder)


def _migrate(folder: Path) -> SlotStore:
    """Carry the slots of ``keyslots.json`` over as they are (their sealed keys
    keep their old associated data), then overwrite and remove the old file."""
    try:
        vault_id, slots = keystore.read_slots(folder)
    except keystore.KeystoreError as exc:
        raise StoreDamaged(str(exc)) from None
    for slot in slots:
        if len(slot.wrapped) != SEALED_BYTES:
            raise StoreDamaged(f"{folder / LEGACY} is damaged (a slot has the wrong size)")
        slot.legacy = True
    store = SlotStore(vault_id=vault_id, slots=slots)
    create(folder, store)
    for name in (LEGACY, LEGACY + ".tmp"):
        path = folder / name
        if path.exists():
            _overwrite(path)
            path.unlink()
    keystore.fsync_dir(folder)
    return load(folder)


__all__ = ["FILE_BYTES", "MAX_SLOTS", "STORE", "SlotStore", "StoreDamaged", "StoreError", "af_merge",
           "af_split", "create", "destroy", "exists", "load", "update"]
