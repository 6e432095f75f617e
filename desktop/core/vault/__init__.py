"""The encrypted store: a SQLCipher database plus age-encrypted attachments.

A vault is a folder holding ``keyslots.bin`` (the vault master key wrapped
by passphrase and recovery-code slots, in a fixed-size store updated in place;
see slotstore), ``vault.db`` (SQLCipher 4 with a raw
key derived from the master key) and ``blobs/`` (attachments, each an age
file encrypted to the vault's own X25519 identity, whose secret lives only
inside the encrypted database).

One module per concern: handle (open, transactions, meta), access (key slots,
passphrases, duress, wipe), guard (failed unlocks), slotstore (the key-slot file), rotation
(a new master key), decoy (what the duress decoy keeps), records, identities, drafts, blobs,
integrity, exchange tables, bundle tables, the analyst's desk.
All of the vault's SQL lives in this package.
"""
from __future__ import annotations

from .access import AccessMixin
from .bundles import BundlesMixin
from .desk import DeskMixin
from .drafts import DraftsMixin
from .exchange import ExchangeMixin
from .guard import GuardMixin
from .integrity import IntegrityMixin
from .pseudonyms import PseudonymsMixin
from .records import RecordsMixin, fts_query
from .search import searchable_text
from .types import (
    BLOBS,
    CHUNK,
    DB,
    PAGE_SIZE,
    Attachment,
    CancelFn,
    Cancelled,
    Draft,
    ProgressFn,
    Record,
    RecordSummary,
    VaultError,
    WrongSecret,
    default_kdf,
)


class Vault(AccessMixin, GuardMixin, RecordsMixin, DraftsMixin, IntegrityMixin, ExchangeMixin, BundlesMixin,
            DeskMixin, PseudonymsMixin):
    """An unlocked vault. Create with :meth:`create` or :meth:`unlock`."""


__all__ = ["BLOBS", "CHUNK", "DB", "PAGE_SIZE", "Attachment", "CancelFn", "Cancelled",
           "Draft", "ProgressFn", "Record", "RecordSummary", "Vault", "VaultError", "WrongSecret", "default_kdf",
           "fts_query", "searchable_text"]
