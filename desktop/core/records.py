"""Saving interviews: the one path from form answers to the vault, shared by
the command line and the desktop app."""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import review
from .vault import CancelFn, ProgressFn, Vault

if TYPE_CHECKING:
    from .forms import Field, Form, FormRegistry
    from .redaction import RedactionResult, Redactor, Span
    from .redaction.pseudonyms import StoredPseudonymTable


def save_new_record(
    vault: Vault,
    form: Form,
    answers: dict[str, Any],
    attachments: Sequence[Path] = (),
    attachment_ids: Sequence[str] = (),
    draft_id: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> str:
    """Split identifying answers into the identity compartment and save.

    Files in ``attachments`` are streamed in first; if anything fails, the
    attachments imported by this call are removed again and nothing is saved.
    The full-text index gets the redacted text only.
    """
    public, identity = form.split(answers)
    rid = str(uuid.uuid4())
    search_text = index_text(form, public, identity, None, record_redactor(form, public, identity, vault, rid))
    imported: list[str] = []
    try:
        for path in attachments:
            imported.append(vault.import_attachment(path, progress=progress, cancel=cancel).id)
        return vault.add_record(
            form.id, str(form.version), public, identity,
            attachment_ids=[*attachment_ids, *imported], draft_id=draft_id, record_id=rid,
            search_text=search_text,
        )
    except BaseException:
        for att_id in imported:
            vault.discard_attachment(att_id)
        raise


def save_revision(vault: Vault, record_id: str, form: Form, answers: dict[str, Any],
                  attachment_ids: Sequence[str] = (), draft_id: str | None = None) -> int:
    """A new revision; review decisions whose words are unchanged carry over,
    changed answers are flagged for review."""
    from . import review

    public, identity = form.split(answers)
    before = vault.get_record(record_id)
    old_form = _form_or_none(before.form_id, before.form_version) or form
    redaction = review.carry(dict(text_fields(old_form, before.public)), dict(text_fields(form, public)),
                             before.redaction)
    search_text = index_text(form, public, identity, redaction,
                             record_redactor(form, public, identity, vault, record_id))
    return vault.revise_record(record_id, public, identity, attachment_ids=list(attachment_ids),
                               draft_id=draft_id, redaction=redaction, search_text=search_text)


def _form_or_none(form_id: str, version: str, registry: FormRegistry | None = None) -> Form | None:
    from .forms import FormError, FormRegistry

    try:
        return (registry or FormRegistry()).get(form_id, version)
    except (FormError, KeyError, OSError):
        return None


# ---------------------------------------------------------------- redaction of what leaves the laptop

FREE_TEXT_TYPES = {"text", "narrative"}


def _walk_text(fields: dict[str, Field], container: dict[str, Any], prefix: str, out: list[tuple[str, str]]) -> None:
    for key, value in container.items():
        f = fields.get(key)
        if f is None:
            continue
        path = f"{prefix}{key}"
        if f.type in FREE_TEXT_TYPES and isinstance(value, str) and value.strip():
            out.append((path, value))
        elif f.type == "location" and isinstance(value, dict):
            # a place described in words ("outside the house of ...") is free text too
            text = value.get("text")
            if isinstance(text, str) and text.strip():
                out.append((f"{path}.text", text))
        elif f.fields:
            children = {c.id: c for c in f.fields}
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    sub = f"{path}[{i}]." if isinstance(value, list) else f"{path}."
                    _walk_text(children, item, sub, out)


def text_fields(form: Form, public: dict[str, Any]) -> list[tuple[str, str]]:
    """Every free-text answer of the non-identifying part as (path, text):
    narratives, short texts and places described in words."""
    out: list[tuple[str, str]] = []
    _walk_text({f.id: f for f in form.fields if f.parent is None}, public, "", out)
    return out


def text_field(form: Form, path: str) -> Field:
    """The field a free-text path of text_fields() belongs to ("place.text" is the location's words)."""
    if path.endswith(".text") and not form.has_field(path):
        return form.field(path[: -len(".text")])
    return form.field(path)


def _set_path(container: dict[str, Any], path: str, value: str) -> None:
    """Set the answer at a path of text_fields() (made from this same container)."""
    parts = re.findall(r"([^.\[\]]+)(?:\[(\d+)\])?", path)
    cur: dict[str, Any] | list[Any] = container
    for n, (key, index) in enumerate(parts):
        last = n == len(parts) - 1
        assert isinstance(cur, dict)  # a name in the path is a key of an answers object
        if last and not index:
            cur[key] = value
            return
        cur = cur[key]
        if index:
            assert isinstance(cur, list)  # an [index] follows a repeat's list of entries
            if last:
                cur[int(index)] = value
                return
            cur = cur[int(index)]


def narratives(form: Form, public: dict[str, Any]) -> dict[str, str]:
    """The answers a researcher must review before a record leaves redacted:
    its narratives (short texts are redacted automatically all the same)."""
    return {p: t for p, t in text_fields(form, public) if text_field(form, p).type == "narrative"}


def location_names(field: Field, value: object) -> list[str]:
    """Every name of an incident location: gazetteer labels in all languages.

    The location's words ("outside the house of ...") are not a place name to
    keep: they are free text, redacted like any other (see text_fields).
    """
    if not isinstance(value, dict):
        return []
    out: list[str] = []
    gaz = getattr(field, "gazetteer", None)
    place = gaz.places.get(value.get("city")) if gaz is not None and isinstance(value.get("city"), str) else None
    if place is not None:
        out += [v for v in place.label.values() if v]
        district = place.districts.get(value.get("district")) if isinstance(value.get("district"), str) else None
        if district:
            out += [v for v in district.values() if v]
    return out


def record_redactor(form: Form, public: dict[str, Any], identity: dict[str, Any], vault: Vault | None = None,
                    record_id: str | None = None) -> Redactor:
    """A Redactor primed with this record's known names, publishable names and
    incident places; with a vault and record id its pseudonyms are the record's
    stored ones (the same in review, bundle, headquarters and every revision)."""
    from .redaction import Redactor

    answers = form.merge(public, identity)
    places: list[str] = []

    def collect(fields: dict[str, Field], container: dict[str, Any]) -> None:
        for key, value in container.items():
            f = fields.get(key)
            if f is None:
                continue
            if f.type == "location" and not f.identifying:
                places.extend(location_names(f, value))
            if f.fields:
                children = {c.id: c for c in f.fields}
                for item in (value if isinstance(value, list) else [value]):
                    if isinstance(item, dict):
                        collect(children, item)

    collect({f.id: f for f in form.fields if f.parent is None}, public)
    redactor = Redactor(known=form.known_names(identity), publishable=form.publishable_names(answers),
                        places=places)
    if vault is not None and record_id:
        redactor.table = stored_pseudonyms(vault, record_id, redactor)
    return redactor


_RUN_ORDER_KEY = re.compile(r"^((?:known|kunya:[a-z]+)):(\d+)$")


def stored_pseudonyms(vault: Vault, record_id: str, redactor: Redactor) -> StoredPseudonymTable:
    """The record's pseudonym table in the vault, for this redactor."""
    from .redaction.normalize import norm
    from .redaction.pseudonyms import StoredPseudonymTable

    idents = getattr(getattr(redactor, "_known", None), "ids", None) or []

    def canon(key: str) -> str:
        # "known:3" is the fourth known person of this run; the person is its
        # first form's value (its name), the same in every run
        m = _RUN_ORDER_KEY.match(key)
        if m:
            group = int(m.group(2))
            value = next((getattr(i, "value", None) for i in idents if getattr(i, "idx", None) == group), None)
            if isinstance(value, str):
                return f"{m.group(1)}={' '.join(norm(value).lower().split())}"
        return key

    return StoredPseudonymTable(
        lookup=lambda label, key: vault.pseudonym(record_id, label, key),
        assign=lambda label, key, rep, fresh: vault.assign_pseudonym(record_id, label, key, rep, fresh),
        next_number=lambda label: vault.next_pseudonym_number(record_id, label),
        canon=canon)


def detect_for_review(form: Form, public: dict[str, Any], identity: dict[str, Any], vault: Vault | None = None,
                      record_id: str | None = None) -> dict[str, list[Span]]:
    """Detections per free-text field, for the researcher's review."""
    redactor = record_redactor(form, public, identity, vault, record_id)
    return {path: redactor.detect(text) for path, text in text_fields(form, public)}


def redact_answer(redactor: Redactor, text: str, entry: dict[str, Any] | None) -> RedactionResult:
    """One answer redacted: the researcher's decisions where they exist, else every detection."""
    from .redaction import apply_decisions

    if not isinstance(entry, dict) or not isinstance(entry.get("decisions"), list):
        return redactor.redact(text)
    decisions, damaged = review.usable_decisions(text, entry)
    if damaged:
        # a damaged review is not trusted to keep anything: every detection is
        # replaced, and the words the researcher added stay hidden too
        decisions = [d for d in decisions if d["decision"] != "reject"]
    return apply_decisions(text, redactor.detect(text), decisions, redactor)


def redacted_public(form: Form, public: dict[str, Any], identity: dict[str, Any],
                    review: dict[str, Any] | None = None, redactor: Redactor | None = None) -> dict[str, Any]:
    """The non-identifying answers with every free text redacted.

    Where the researcher reviewed a field, their decisions are applied to the
    detections; elsewhere every detection is replaced.
    """
    out = copy.deepcopy(public)
    redactor = redactor or record_redactor(form, public, identity)
    for path, text in text_fields(form, public):
        _set_path(out, path, redact_answer(redactor, text, (review or {}).get(path)).text)
    return out


_PSEUDONYM = re.compile(r"\[[A-Z_]+-\d+\]")


def index_text(form: Form, public: dict[str, Any], identity: dict[str, Any], review: dict[str, Any] | None,
               redactor: Redactor | None = None) -> str:
    """What the full-text index may hold for a record: its non-identifying
    answers with every narrative redacted, pseudonyms left out (searching
    "PERSON" must not list every record that names someone)."""
    redactor = redactor or record_redactor(form, public, identity)
    text = form.searchable_text(redacted_public(form, public, identity, review, redactor))
    return _PSEUDONYM.sub(" ", text)


def reindex_record(vault: Vault, record_id: str, registry: FormRegistry | None = None) -> None:
    """Index one record again from its redacted text (after a migration, an
    import, or forgetting its identities)."""
    from .redaction import Redactor
    from .vault import searchable_text

    rec = vault.get_record(record_id, reveal=True)
    form = _form_or_none(rec.form_id, rec.form_version, registry)
    if form is None:
        # a form this installation does not know: every string, redacted
        text = _PSEUDONYM.sub(" ", Redactor().redact(searchable_text(rec.public)).text)
    else:
        text = index_text(form, rec.public, rec.identity or {}, rec.redaction,
                          record_redactor(form, rec.public, rec.identity or {}, vault, record_id))
    vault.set_search_text(record_id, text)


def sender_index_text(form: Form, public: dict[str, Any]) -> str:
    """What the index holds for answers a sender already redacted (a bundle
    without identities: every free text went through the sender's redaction,
    with the record's known names and the researcher's review, before it was
    signed). Its pseudonyms are left out, as index_text leaves them out."""
    return _PSEUDONYM.sub(" ", form.searchable_text(public))


def ensure_search_index(vault: Vault, registry: FormRegistry | None = None, progress: ProgressFn | None = None,
                        cancel: CancelFn | None = None) -> int:
    """Index every record the full-text index does not cover; returns how many."""
    from .forms import FormRegistry

    todo = vault.unindexed_records()
    registry = registry or FormRegistry()
    for n, rid in enumerate(todo):
        if cancel is not None and cancel():
            break
        reindex_record(vault, rid, registry)
        if progress is not None:
            progress(n + 1, len(todo))
    return len(todo)


def export_view(vault: Vault, record_id: str, include_identities: bool,
                registry: FormRegistry | None = None) -> dict[str, Any]:
    """A record as it leaves the laptop in a bundle (pass one ``registry`` for many records)."""
    from . import review as _review
    from .forms import FormRegistry

    rec = vault.get_record(record_id, reveal=True)
    form = (registry or FormRegistry()).get(rec.form_id, rec.form_version)
    identity = rec.identity or {}
    return {
        "id": rec.id,
        "form_id": rec.form_id,
        "form_version": rec.form_version,
        "rev": rec.current_rev,
        "created_at": rec.created_at,
        "answers": rec.public if include_identities else redacted_public(
            form, rec.public, identity, rec.redaction, record_redactor(form, rec.public, identity, vault, rec.id)),
        "identity": identity if include_identities else None,
        # whether the researcher reviewed every narrative of this revision (headquarters shows it)
        "redaction": "automatic" if _review.needs_review(narratives(form, rec.public), rec.redaction)
        else "reviewed",
        # with the raw answers, the researcher's decisions (offsets and labels, no text)
        **({"review": review_decisions(rec.redaction)} if include_identities and rec.redaction else {}),
    }


def review_decisions(redaction: dict[str, Any] | None) -> dict[str, Any]:
    """The review entries of a revision that travel with its raw answers."""
    return {k: v for k, v in (redaction or {}).items()
            if isinstance(v, dict) and isinstance(v.get("decisions"), list) and not k.startswith("_")}


def forget_identities(vault: Vault, record_ids: list[str], registry: FormRegistry | None = None) -> None:
    """Forget the identities of records: the compartment's key is destroyed and
    every revision's free text is redacted in place (with the identities known
    until now and the researcher's review), so names leave the narratives and
    the search index too. Records of a form this laptop no longer has keep
    their text (nothing to redact it with) but still lose the compartment."""
    from .forms import FormError, FormRegistry

    reg = registry or FormRegistry()
    redacted: dict[str, dict[int, dict[str, Any]]] = {}
    for rid in record_ids:
        rec = vault.get_record(rid)
        try:
            form = reg.get(rec.form_id, rec.form_version)
        except FormError:
            continue
        redacted[rid] = {}
        for rev in range(1, rec.current_rev + 1):
            r = vault.get_record(rid, rev=rev, reveal=True)
            redacted[rid][rev] = redacted_public(form, r.public, r.identity or {}, r.redaction,
                                                 record_redactor(form, r.public, r.identity or {}, vault, rid))
    vault.forget_identities(record_ids, redacted)
    for rid in redacted:  # the index without pseudonyms, like every other record's
        reindex_record(vault, rid, reg)
