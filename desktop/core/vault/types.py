"""Value types, constants and refusals of the vault."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import Refusal
from ..crypto import (
    FLOOR,
    KdfParams,
    calibrate,
)

DB = "vault.db"
BLOBS = "blobs"
# SQLCipher's page layout, (page size, page HMAC). New vaults take the first:
# 4 KiB pages and HMAC-SHA256, which this CPU class computes in hardware, cost a
# durable save about a fifth less than 8 KiB pages with SQLCipher 4's default
# HMAC-SHA512, because every save rewrites about twenty pages
# (tests/benchmarks/bench_vault.py). A vault made before opens with the second.
DB_PROFILES = ((4096, "HMAC_SHA256"), (8192, "HMAC_SHA512"))
PAGE_SIZE = DB_PROFILES[0][0]
CHUNK = 1024 * 1024

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]



class VaultError(Refusal):
    """A refused vault operation. ``str()`` is one clear line for the user."""

    default_code = "vault.error"


class WrongSecret(VaultError):
    default_code = "unlock.wrong_passphrase"


class Cancelled(VaultError):
    def __init__(self) -> None:
        super().__init__(code="cancelled")


@dataclass
class Attachment:
    id: str
    record_id: str | None
    filename: str
    mime: str
    kind: str
    size: int
    sha256: str
    clean_status: str
    clean_sha256: str | None
    clean_size: int | None
    removed: list[str]
    clean_reason: str
    created_at: str
    clean_mime: str | None = None      # type of the cleaned copy (None: same as the original or no copy)
    report: dict[str, Any] | None = None  # the cleaning report (desktop.core.media.CleanReport.to_dict())
    faces_sha256: str | None = None    # the copy with faces hidden (made from the cleaned copy), if any
    faces_size: int | None = None
    faces: dict[str, Any] | None = None  # {"boxes": [...], "mode": "pixelate"|"solid"}

    @property
    def cleaned(self) -> bool:
        """True only for a copy rebuilt with nothing known to identify left in it."""
        return self.clean_status == "cleaned" and bool(self.clean_sha256)


@dataclass
class RecordSummary:
    id: str
    form_id: str
    form_version: str
    created_at: str
    updated_at: str
    rev: int
    status: str  # "complete" | "exported"
    origin: dict[str, Any] | None = None  # analyst side: bundle, device, researcher of the latest revision


@dataclass
class Record:
    id: str
    form_id: str
    form_version: str
    created_at: str
    updated_at: str
    rev: int
    current_rev: int
    public: dict[str, Any]
    identity: dict[str, Any] | None  # None unless revealed
    identity_forgotten: bool
    attachments: list[Attachment] = field(default_factory=list)
    redaction: dict[str, Any] | None = None
    status: str = "complete"
    exported_bundle: str | None = None
    origin: dict[str, Any] | None = None


@dataclass
class Draft:
    id: str
    form_id: str
    form_version: str
    record_id: str | None
    updated_at: str
    answers: dict[str, Any]


def default_kdf() -> KdfParams:
    """Calibrated parameters; ``TESTIMONY_KDF_PROFILE=floor`` selects the floor.

    The floor setting exists for tests and slow machines; nothing goes below it.
    """
    if os.environ.get("TESTIMONY_KDF_PROFILE", "").lower() == "floor":
        return FLOOR
    return calibrate()
