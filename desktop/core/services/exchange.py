"""Exchange between the field and headquarters: trust, export, import, receipts, handover.

Both front ends call these, so the rules cannot drift apart: a receipt or a
card never overwrites a file, an import refused for who signed it raises a
:class:`~desktop.core.bundle.DeviceRefused` whose code and parameters say why
(the window reads them, never the message text).
"""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import bundle as _bundle
from .. import cards as _cards
from .. import review_records as _review_records
from ..errors import Refusal
from ..forms import FormRegistry
from ..keystore import write_new
from ..outputs import check_output
from ..records import export_view
from ..vault import CancelFn, ProgressFn, Vault

BUNDLE_SUFFIX = _bundle.SUFFIX  # the one extension export proposes and import looks for
Card = _cards.Card
DeviceRefused = _bundle.DeviceRefused
ExportResult = _bundle.ExportResult
ImportReport = _bundle.ImportReport
MAX_CARD_BYTES = _cards.MAX_CARD_BYTES
MAX_RECEIPT_BYTES = 1024 * 1024
MAX_SMALL_FILE = 16 * 1024 * 1024

__all__ = ["BUNDLE_SUFFIX", "MAX_CARD_BYTES", "MAX_RECEIPT_BYTES", "Card", "DeviceRefused", "ExportResult",
           "ImportReport", "ImportedBundle", "UnreviewedRecords", "check_output_file", "device_fingerprint",
           "export", "handover", "hq_card", "import_bundle", "import_receipt", "imported_bundles",
           "normalize_fingerprint", "parse_card", "pending_records", "read_small_file", "received_records",
           "recipients", "researcher_code", "set_researcher_code", "trust_card", "unreviewed", "write_card",
           "write_new_file", "write_receipt"]


def read_small_file(path: Path | str, limit: int = MAX_SMALL_FILE) -> bytes:
    """A card or receipt the user chose, read with a size bound (never more than ``limit`` bytes)."""
    p = Path(path)
    try:
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise Refusal(f"Cannot read {p}: {exc.strerror}") from None
    if len(data) > limit:
        raise Refusal(f"{p} is too large for what it should hold")
    return data


# ---------------------------------------------------------------- field side


def parse_card(data: bytes) -> Card:
    """Check a recipient card and show what it says (nothing is trusted yet)."""
    return _cards.parse_card(data)


def trust_card(vault: Vault, data: bytes) -> Card:
    return _cards.trust_card(vault, data)


def recipients(vault: Vault) -> list[Card]:
    return _cards.recipients(vault)


def normalize_fingerprint(text: str) -> str:
    return _cards.normalize_fingerprint(text)


def device_fingerprint(vault: Vault) -> str:
    """This vault's device fingerprint, to read aloud to headquarters."""
    return _cards.device_identity(vault)[1]


def researcher_code(vault: Vault) -> str:
    return vault.meta("researcher_code") or ""


def set_researcher_code(vault: Vault, code: str) -> None:
    code = code.strip()
    if len(code) > 32:
        raise Refusal("The researcher code must be at most 32 characters")
    if code != researcher_code(vault):
        vault.set_meta("researcher_code", code)


def pending_records(vault: Vault) -> list[str]:
    return _bundle.pending_records(vault)


class UnreviewedRecords(Refusal):
    """Review before sealing: records whose narratives nobody reviewed; the
    researcher must choose (review them, or send them with automatic redaction
    only). ``records``: record id -> the narratives not reviewed. Nothing was written."""

    default_code = "export.unreviewed"

    def __init__(self, records: dict[str, list[str]]) -> None:
        self.records = dict(records)
        super().__init__(code="export.unreviewed", count=len(self.records),
                         records=", ".join(r[:8] for r in self.records))


def unreviewed(vault: Vault, record_ids: list[str], registry: FormRegistry | None = None) -> dict[str, list[str]]:
    """Of the records an export would send, those whose narratives nobody reviewed
    (record id -> narratives; ``["*"]`` for a form this laptop cannot show)."""
    return _review_records.unreviewed_records(vault, record_ids, registry)


def export(vault: Vault, to: str, out: Path, registry: FormRegistry, record_ids: list[str] | None = None,
           include_identities: bool = False, include_uncleaned: bool = False,
           progress: ProgressFn | None = None, cancel: CancelFn | None = None,
           send_unreviewed: bool = False) -> ExportResult:
    """Write an encrypted, signed bundle for the recipient ``to`` (redacted unless asked otherwise).

    Review before sealing: a redacted export of records whose narratives nobody
    reviewed is refused (:class:`UnreviewedRecords`, nothing written) unless
    ``send_unreviewed`` says the researcher chose automatic redaction for them;
    the manifest and the custody log then list those records. With identities
    the raw answers travel, so there is no redaction to review."""
    ids = list(dict.fromkeys(record_ids)) if record_ids is not None else _bundle.pending_records(vault)
    pending = {} if include_identities else _review_records.unreviewed_records(vault, ids, registry)
    if pending and not send_unreviewed:
        raise UnreviewedRecords(pending)
    return _bundle.export_bundle(vault, to, Path(out), partial(export_view, registry=registry),
                                 record_ids=record_ids, include_identities=include_identities,
                                 include_uncleaned=include_uncleaned, progress=progress, cancel=cancel,
                                 unreviewed=list(pending))


def import_receipt(vault: Vault, data: bytes) -> dict[str, Any]:
    return _cards.import_receipt(vault, data)


def received_records(vault: Vault, whole_only: bool = False) -> dict[str, int]:
    return _cards.received_records(vault, whole_only=whole_only)


def handover(vault: Vault, what: str, record_ids: list[str] | None = None) -> list[str]:
    """Forget the identities (or whole records) headquarters confirmed storing."""
    if what not in ("identities", "records"):
        raise Refusal(f"Unknown handover {what!r}: forget identities or records")
    return _cards.handover(vault, what, record_ids)


# ---------------------------------------------------------------- headquarters side


def hq_card(vault: Vault) -> Card:
    return _cards.hq_card(vault)


def write_card(card: Card, out: Path) -> None:
    """Write the recipient card to a new file (never over an existing one)."""
    _write_new(Path(out), card.to_json().encode())


def import_bundle(vault: Vault, path: Path, trust_new_device: bool = False, accept_changed_key: bool = False,
                  progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                  registry: FormRegistry | None = None, expect_device: str | None = None) -> ImportReport:
    """Verify and ingest a bundle; its answers are checked against the installed forms
    (pass the session's ``registry`` when importing many; the shipped forms by default).
    ``expect_device``: the fingerprint an acceptance was given for (any other signer is refused)."""
    forms = registry or FormRegistry()
    return _bundle.import_bundle(vault, Path(path), trust_new_device=trust_new_device,
                                 accept_changed_key=accept_changed_key, progress=progress, cancel=cancel,
                                 registry=forms, forms=forms, expect_device=expect_device)


@dataclass(frozen=True)
class ImportedBundle:
    bundle_id: str
    device: str
    researcher: str | None
    records: int


def imported_bundles(vault: Vault) -> list[ImportedBundle]:
    return [ImportedBundle(b["bundle_id"], b["device"], b["researcher"], b["records"])
            for b in _cards.imported_bundles(vault)]


def write_receipt(vault: Vault, bundle_id: str, out: Path) -> None:
    """Sign a receipt for an imported bundle and write it to a new file (never over an existing one)."""
    out = check_output(Path(out))
    _write_new(out, _cards.make_receipt(vault, bundle_id))


def check_output_file(out: Path | str) -> Path:
    """Refuse, before any work, an output file that exists or lies inside a vault."""
    return check_output(Path(out))


def write_new_file(out: Path, data: bytes) -> None:
    """Write a file the user named, never over one that exists nor inside a vault (a refusal says so)."""
    _write_new(Path(out), data)


def _write_new(out: Path, data: bytes) -> None:
    write_new(out, data)
