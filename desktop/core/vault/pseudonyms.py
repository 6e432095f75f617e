"""Stable pseudonyms per record: which "[PERSON-n]" stands for whom, stored.

The table never holds a name: each entry is keyed by an HMAC of what the
detector calls the person (a known identity, a normalised name), under a
random key kept sealed in the vault (a secret like the device keys, so it is
re-sealed, not lost, when the master key rotates), so that the same person
keeps the same number in every field, revision, review and bundle of a record.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

from ..crypto import b64d, b64e
from .handle import VaultCore

TAG_KEY = "pseudonym_tag_key"
_REPLACEMENT = re.compile(r"^\[([A-Z_]+)-(\d+)\]$")


class PseudonymsMixin(VaultCore):
    def _pseudonym_tag_key(self) -> bytes:
        value = self.meta(TAG_KEY)
        if value is None:
            with self._tx() as c:  # made once, on first use; a concurrent first use keeps the winner
                c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                          (TAG_KEY, b64e(self._seal_secret(os.urandom(32), TAG_KEY))))
                value = str(c.execute("SELECT value FROM meta WHERE key = ?", (TAG_KEY,)).fetchone()[0])
        return self._open_secret(b64d(value), TAG_KEY)

    def _pseudonym_tag(self, record_id: str, label: str, key: str) -> str:
        return hmac.new(self._pseudonym_tag_key(), f"{record_id}\x1f{label}\x1f{key}".encode(),
                        hashlib.sha256).hexdigest()

    def pseudonym(self, record_id: str, label: str, key: str) -> str | None:
        """The stored pseudonym of this person (or identifier) in this record, if any."""
        row = self.conn.execute(
            "SELECT number FROM pseudonyms WHERE record_id = ? AND label = ? AND tag = ?",
            (record_id, label, self._pseudonym_tag(record_id, label, key))).fetchone()
        return f"[{label}-{row[0]}]" if row else None

    def assign_pseudonym(self, record_id: str, label: str, key: str, replacement: str | None = None,
                         fresh: bool = True) -> str:
        """Store ``replacement`` (or the next free number) for this key; an
        existing assignment always wins. A ``fresh`` number (not one shared with
        another form of the same person) that another key took meanwhile is
        replaced by the next free one. Atomic across threads."""
        tag = self._pseudonym_tag(record_id, label, key)
        with self._tx() as c:
            row = c.execute("SELECT number FROM pseudonyms WHERE record_id = ? AND label = ? AND tag = ?",
                            (record_id, label, tag)).fetchone()
            if row:
                return f"[{label}-{row[0]}]"
            m = _REPLACEMENT.match(replacement or "")
            number = int(m.group(2)) if m and m.group(1) == label else None
            if number is not None and fresh and c.execute(
                    "SELECT 1 FROM pseudonyms WHERE record_id = ? AND label = ? AND number = ?",
                    (record_id, label, number)).fetchone():
                number = None
            if number is None:
                top = c.execute("SELECT max(number) FROM pseudonyms WHERE record_id = ? AND label = ?",
                                (record_id, label)).fetchone()[0]
                number = (top or 0) + 1
            c.execute("INSERT INTO pseudonyms(record_id, label, tag, number) VALUES (?,?,?,?)",
                      (record_id, label, tag, number))
            return f"[{label}-{number}]"

    def next_pseudonym_number(self, record_id: str, label: str) -> int:
        row = self.conn.execute("SELECT max(number) FROM pseudonyms WHERE record_id = ? AND label = ?",
                                (record_id, label)).fetchone()
        return int((row[0] if row else None) or 0) + 1
