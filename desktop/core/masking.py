"""The masked state: what the window, the command line and headquarters show
of a record until someone reveals it on purpose.

Every free-text answer appears in its redacted form, with the researcher's
reviewed decisions where they exist and automatic detection otherwise, and
each answer says which (``status``). Reading the identity compartment to
know the record's names primes detection and shows nothing, so it is not a
reveal; :func:`reveal_record` is, and writes one custody entry.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from . import review
from .records import _form_or_none, _set_path, record_redactor, redact_answer, text_fields
from .vault import Record, Vault

AUTOMATIC = "automatic"
FIELD_REVIEWED = "field-reviewed"    # headquarters: redacted in the field as the researcher reviewed it
FIELD_AUTOMATIC = "field-automatic"  # headquarters: redacted in the field automatically, nobody reviewed it


@dataclass
class Masked:
    """A record as the masked state shows it: identity withheld, every free-text
    answer redacted. ``status`` says, per answer path, whether the redaction is
    the researcher's (reviewed), theirs on an earlier text (changed), automatic
    detection only, or (at headquarters) what the field did.
    ``identifying_attachments``: files answered in identifying fields (footage
    that shows faces): no preview until revealed."""

    record: Record
    status: dict[str, str] = field(default_factory=dict)
    identifying_attachments: set[str] = field(default_factory=set)
    redacted: set[str] = field(default_factory=set)  # answers in which something was replaced


def _redact_strings(value: object, redactor: Any) -> object:
    if isinstance(value, str):
        return redactor.redact(value).text if value.strip() else value
    if isinstance(value, dict):
        return {k: _redact_strings(v, redactor) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_strings(v, redactor) for v in value]
    return value


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def masked_record(vault: Vault, record_id: str, rev: int | None = None, registry: Any = None) -> Masked:
    """The record with its narratives redacted (reviewed decisions where they
    exist, automatic detection otherwise) and its identities withheld."""
    from .redaction import Redactor

    rec = vault.get_record(record_id, rev=rev, reveal=True)
    identity = rec.identity or {}
    form = _form_or_none(rec.form_id, rec.form_version, registry)
    public: Any = copy.deepcopy(rec.public)
    status: dict[str, str] = {}
    redacted: set[str] = set()
    if form is None:
        public = _redact_strings(public, Redactor())
    else:
        redactor = record_redactor(form, rec.public, identity, vault, record_id)
        stored = rec.redaction or {}
        field_state = stored.get(review.FIELD_STATE)  # analyst side: redacted in the field
        for path, text in text_fields(form, rec.public):
            entry = stored.get(path)
            st = review.status_of(text, entry)
            if field_state in ("reviewed", "automatic") and st == review.UNREVIEWED:
                st = FIELD_REVIEWED if field_state == "reviewed" else FIELD_AUTOMATIC
            status[path] = AUTOMATIC if st == review.UNREVIEWED else st
            shown = redact_answer(redactor, text, entry).text
            if shown != text:
                redacted.add(path)
            _set_path(public, path, shown)
    ids = {a.id for a in rec.attachments}
    identifying = {s for s in _strings(identity) if s in ids}
    return Masked(dataclasses.replace(rec, public=public, identity=None), status, identifying, redacted)


def reveal_record(vault: Vault, record_id: str, rev: int | None = None, via: str = "gui") -> Record:
    """The raw record with its identities, after an explicit reveal: one custody entry."""
    rec = vault.get_record(record_id, rev=rev, reveal=True)
    vault.log("identity.reveal", record_id, via=via)
    return rec
