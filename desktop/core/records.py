"""Saving interviews: the one path from form answers to the vault, shared by
the command line and the desktop app."""

from __future__ import annotations

from collections.abc import Sequence
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
