"""Encrypted, signed bundles from the field to headquarters.

A bundle is an age-encrypted (pyrage) tar stream, so stock ``age -d | tar x``
opens it too. Members, in this order:

    manifest.json            format, bundle id, device key, recipient, files with SHA-256 and size
    manifest.sig             Ed25519 over the exact manifest bytes (device key)
    records/<uuid>.json      one per record (the revision being sent)
    attachments/<sha256>     attachment content (metadata-stripped by default)
    custody.jsonl            the sender's custody log (see export)

Export streams end to end (attachments are decrypted from the vault straight
into the tar, the tar straight into age), writes to a temporary name and
links it to its name only when complete. Import bounds the age header,
decrypts, checks every member name, type, size and hash and the signature
before anything is committed to the analyst vault, then ingests in one
transaction.

One module per concern: format (names, limits, manifest and record checks,
results), tarwrite and export (writing), tarread, parse and importing
(reading). The tables they use are the vault's (``desktop/core/vault/bundles.py``).
"""

from __future__ import annotations

from .export import export_bundle, pending_records
from .format import (
    FORMAT,
    FORMAT_VERSION,
    MAX_AGE_HEADER,
    MAX_AGE_STANZAS,
    SUFFIX,
    BundleError,
    CancelFn,
    DeviceRefused,
    ExportResult,
    ImportReport,
    ProgressFn,
    ViewFn,
)
from .importing import import_bundle

__all__ = ["FORMAT", "FORMAT_VERSION", "MAX_AGE_HEADER", "MAX_AGE_STANZAS", "SUFFIX", "BundleError", "CancelFn",
           "DeviceRefused", "ExportResult", "ImportReport", "ProgressFn", "ViewFn", "export_bundle",
           "import_bundle", "pending_records"]
