"""Stable pseudonyms per record: which "[PERSON-n]" stands for whom, stored.

The table never holds a name: each entry is keyed by an HMAC of what the
detector calls the person (a known identity, a normalised name), under a key
derived from the vault master key, so that the same person keeps the same
number in every field, revision, review and bundle of a record.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from ..crypto import hkdf
from .handle import VaultCore

_LABEL_PSEUDONYM_TAGS = b"testimony/pseudonym-tags/v1"
_REPLACEMENT = re.compile(r"^\[([A-Z_]+)-(\d+)\]$")


class PseudonymsMixin(VaultCore):
    def _pseudonym_tag(self, record_id: str, label: str, key: str) -> str:
        assert self._vmk is not None
        tag_key = hkdf(bytes(self._vmk), _LABEL_PSEUDONYM_TAGS)
        return hmac.new(tag_key, f"{record_id}\x1f{label}\x1f{key}".encode(), hashlib.sha256).hexdigest()

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
        top = self.conn.execute("SELECT max(number) FROM pseudonyms WHERE record_id = ? AND label = ?",
                                (record_id, label)).fetchone()[0]
        return (top or 0) + 1
