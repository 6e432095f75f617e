"""Drafts of interviews being typed (encrypted like everything else)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from ..custody import now
from .handle import VaultCore
from .types import Draft, VaultError


class DraftsMixin(VaultCore):
    def save_draft(self, form_id: str, form_version: str, answers: dict[str, Any], draft_id: str | None = None,
                   record_id: str | None = None) -> str:
        did = draft_id or str(uuid.uuid4())
        with self._tx() as c:
            c.execute(
                "INSERT INTO drafts(id, form_id, form_version, record_id, updated_at, payload) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
                (did, form_id, str(form_version), record_id, now(), json.dumps(answers, ensure_ascii=False)),
            )
        return did

    def drafts(self) -> list[Draft]:
        rows = self.conn.execute(
            "SELECT id, form_id, form_version, record_id, updated_at, payload FROM drafts ORDER BY updated_at DESC"
        ).fetchall()
        return [Draft(a, b, c, d, e, json.loads(f)) for a, b, c, d, e, f in rows]

    def load_draft(self, draft_id: str) -> Draft:
        for d in self.drafts():
            if d.id == draft_id:
                return d
        raise VaultError(f"No draft {draft_id}")

    def discard_draft(self, draft_id: str) -> None:
        with self._tx() as c:
            c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
