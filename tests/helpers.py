"""Shared test helpers: canary scanning and a reader of SQLCipher pages."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

FLOOR_ENV = {"TESTIMONY_KDF_PROFILE": "floor"}


def encodings_of(canary: str) -> list[bytes]:
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def files_containing(roots: Iterable[Path], canary: str) -> list[Path]:
    needles = encodings_of(canary)
    hits = []
    for root in roots:
        if not root.exists():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                p = Path(dirpath) / name
                try:
                    data = p.read_bytes()
                except OSError:
                    continue
                if any(n in data for n in needles):
                    hits.append(p)
    return hits


def decrypted_pages(db_path: Path, raw_key: bytes, layout: tuple[int, str] | None = None) -> list[bytes]:
    """Decrypt every page of a SQLCipher 4 file, free pages included.

    Used only to prove what is *not* left in the file (forgotten identities):
    SQLCipher 4 encrypts each page with AES-256-CBC under the raw key, the IV
    sits in the page's reserved tail (16 bytes IV, then the HMAC: 32 bytes for
    HMAC-SHA256, 64 for HMAC-SHA512), and page 1 starts with a 16-byte
    plaintext salt. ``layout`` is (page size, HMAC), by default a new vault's.
    Checks itself: page 1 must decrypt to a header naming that page size.
    """
    from desktop.core.vault.types import DB_PROFILES

    page_size, hmac = layout or DB_PROFILES[0]
    reserve = 16 + (32 if hmac == "HMAC_SHA256" else 64)
    data = db_path.read_bytes()
    assert len(data) % page_size == 0, "not a file of whole pages of this layout"
    pages = []
    for offset in range(0, len(data), page_size):
        page = data[offset : offset + page_size]
        start = 16 if offset == 0 else 0
        iv = page[page_size - reserve : page_size - reserve + 16]
        body = page[start : page_size - reserve]
        dec = Cipher(algorithms.AES(raw_key), modes.CBC(iv)).decryptor()
        pages.append(dec.update(body) + dec.finalize())
    assert int.from_bytes(pages[0][:2], "big") == page_size % 65536, "page 1 did not decrypt: wrong key or layout"
    return pages


def db_opens(db_path: Path, raw_key: bytes, layout: tuple[int, str] | None = None) -> bool:
    """Whether SQLCipher reads ``db_path`` under this key and page layout (page
    size, HMAC; by default a new vault's), opened here, not through the vault."""
    import sqlcipher3

    from desktop.core.vault.types import DB_PROFILES

    page_size, hmac = layout or DB_PROFILES[0]
    conn = sqlcipher3.connect(str(db_path))
    try:
        conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
        conn.execute(f"PRAGMA cipher_page_size = {page_size}")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def forge_store(folder, mutate) -> None:
    """Rewrite both copies of a vault's keyslots.bin with its JSON description
    changed by ``mutate(doc)`` and a valid checksum, as an adversary who can
    write the file (and knows the format) would."""
    import json as _json

    from desktop.core.vault import slotstore as ss

    path = folder / ss.STORE
    data = path.read_bytes()
    copy = data[: ss.COPY_BYTES]
    _magic, seq, length = ss._PREFIX.unpack_from(copy)
    doc = _json.loads(copy[ss._PREFIX.size : ss._PREFIX.size + length])
    text = mutate(doc)
    if not isinstance(text, bytes):
        text = _json.dumps(doc).encode()
    room = ss.HEADER_BYTES - ss.CHECKSUM_BYTES - ss._PREFIX.size
    assert len(text) <= room, len(text)
    head = ss._PREFIX.pack(ss.MAGIC, seq, len(text)) + text + bytes(room - len(text))
    body = copy[ss.HEADER_BYTES :]
    forged = head + ss._checksum(head + body) + body
    path.write_bytes(forged + forged)
