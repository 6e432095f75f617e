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
