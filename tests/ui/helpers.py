"""Helpers for driving the interview view in tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from desktop.core import paths


def demo_answers(form_id: str, n: int = 0) -> dict:
    data = json.loads((paths.resources_dir() / "demo" / f"{form_id}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data[n])


def row_for(view, path: str):
    """The FieldRow whose editor has answer path ``path`` (any section)."""
    for page in view.pages:
        for row in page.all_rows():
            if row.editor.path == path:
                return row
    raise KeyError(path)


def section_of(view, field_id: str) -> int:
    for i, page in enumerate(view.pages):
        if any(r.field.id == field_id for r in page.rows):
            return i
    raise KeyError(field_id)


def write_file(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


def open_record_with(window, files: list[Path]):
    """A saved eyewitness interview with ``files`` attached, open in the record view with
    its first attachment selected: (the record view, the attachments)."""
    from desktop.core.records import save_new_record

    vault = window.main.session.vault
    atts = [vault.import_attachment(f) for f in files]
    form = window.main.session.forms.get("eyewitness_force")
    rid = save_new_record(vault, form, demo_answers("eyewitness_force"), [])
    vault.revise_record(rid, vault.get_record(rid).public, {}, attachment_ids=[a.id for a in atts])
    window.main.open_record(rid)
    view = window.main.record_view
    view.att_table.setCurrentCell(0, 0)
    return view, atts
