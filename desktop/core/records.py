"""Saving interviews: the one path from form answers to the vault, shared by
the command line and the desktop app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from pathlib import Path

from .vault import CancelFn, ProgressFn, Vault


def save_new_record(
    vault: Vault,
    form,  # desktop.core.forms.Form
    answers: dict,
    attachments: Sequence[Path] = (),
    attachment_ids: Sequence[str] = (),
    draft_id: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> str:
    """Split identifying answers into the identity compartment and save.

    Files in ``attachments`` are streamed in first; if anything fails, the
    attachments imported by this call are removed again and nothing is saved.
    """
    public, identity = form.split(answers)
    imported: list[str] = []
    try:
        for path in attachments:
            imported.append(vault.import_attachment(path, progress=progress, cancel=cancel).id)
        return vault.add_record(
            form.id, str(form.version), public, identity,
            attachment_ids=[*attachment_ids, *imported], draft_id=draft_id,
        )
    except BaseException:
        for att_id in imported:
            vault.discard_attachment(att_id)
        raise


def save_revision(vault: Vault, record_id: str, form, answers: dict,
                  attachment_ids: Sequence[str] = (), draft_id: str | None = None) -> int:
    public, identity = form.split(answers)
    return vault.revise_record(record_id, public, identity, attachment_ids=list(attachment_ids),
                               draft_id=draft_id)


# ---------------------------------------------------------------- redaction of what leaves the laptop

FREE_TEXT_TYPES = {"text", "narrative"}


def _walk_text(fields: dict, container: dict, prefix: str, out: list[tuple[str, str]]) -> None:
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


def text_fields(form, public: dict) -> list[tuple[str, str]]:
    """Every free-text answer of the non-identifying part as (path, text):
    narratives, short texts and places described in words."""
    out: list[tuple[str, str]] = []
    _walk_text({f.id: f for f in form.fields if f.parent is None}, public, "", out)
    return out


def text_field(form: Any, path: str) -> Any:
    """The field a free-text path of text_fields() belongs to ("place.text" is the location's words)."""
    if path.endswith(".text") and not form.has_field(path):
        return form.field(path[: -len(".text")])
    return form.field(path)


def _set_path(container: dict, path: str, value: str) -> None:
    import re

    parts = re.findall(r"([^.\[\]]+)(?:\[(\d+)\])?", path)
    cur: object = container
    for n, (key, index) in enumerate(parts):
        last = n == len(parts) - 1
        if last and not index:
            cur[key] = value  # type: ignore[index]
            return
        cur = cur[key]  # type: ignore[index]
        if index:
            if last:
                cur[int(index)] = value  # type: ignore[index]
                return
            cur = cur[int(index)]  # type: ignore[index]


def location_names(field, value: object) -> list[str]:
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


def record_redactor(form, public: dict, identity: dict):
    """A Redactor primed with this record's identities, publishable names and incident places."""
    from .redaction import Redactor

    answers = form.merge(public, identity)
    places: list[str] = []

    def collect(fields, container):
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
    return Redactor(known=form.identity_values(identity), publishable=form.publishable_names(answers),
                    places=places)


def detect_for_review(form, public: dict, identity: dict) -> dict[str, list]:
    """Detections per free-text field, for the researcher's review."""
    redactor = record_redactor(form, public, identity)
    return {path: redactor.detect(text) for path, text in text_fields(form, public)}


def redacted_public(form, public: dict, identity: dict, review: dict | None = None) -> dict:
    """The non-identifying answers with every free text redacted.

    Where the researcher reviewed a field, their decisions are applied to the
    detections; elsewhere every detection is replaced.
    """
    import copy

    from .redaction import apply_decisions

    out = copy.deepcopy(public)
    redactor = record_redactor(form, public, identity)
    for path, text in text_fields(form, public):
        decisions = ((review or {}).get(path) or {}).get("decisions")
        if decisions is not None:
            result = apply_decisions(text, redactor.detect(text), decisions, redactor)
        else:
            result = redactor.redact(text)
        _set_path(out, path, result.text)
    return out


def export_view(vault: Vault, record_id: str, include_identities: bool, registry=None) -> dict:
    """A record as it leaves the laptop in a bundle (pass one ``registry`` for many records)."""
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
        "answers": rec.public if include_identities else redacted_public(form, rec.public, identity, rec.redaction),
        "identity": identity if include_identities else None,
        "redaction": "reviewed" if rec.redaction else "automatic",
    }


def forget_identities(vault: Vault, record_ids: list[str], registry=None) -> None:
    """Forget the identities of records: the compartment's key is destroyed and
    every revision's free text is redacted in place (with the identities known
    until now and the researcher's review), so names leave the narratives and
    the search index too. Records of a form this laptop no longer has keep
    their text (nothing to redact it with) but still lose the compartment."""
    from .forms import FormError, FormRegistry

    reg = registry or FormRegistry()
    redacted: dict[str, dict[int, dict]] = {}
    for rid in record_ids:
        rec = vault.get_record(rid)
        try:
            form = reg.get(rec.form_id, rec.form_version)
        except FormError:
            continue
        redacted[rid] = {}
        for rev in range(1, rec.current_rev + 1):
            r = vault.get_record(rid, rev=rev, reveal=True)
            redacted[rid][rev] = redacted_public(form, r.public, r.identity or {}, r.redaction)
    vault.forget_identities(record_ids, redacted)
