"""The installed forms as the screens see them: one catalogue per window.

Loading every form definition takes a moment, so the shell creates one
:class:`FormCatalog`, starts loading it on a worker thread while the user
types the passphrase, and hands it to the session; every screen reaches it
through ``session.forms`` (no module-level registry). A lock makes a screen
that needs the forms earlier wait for that one load instead of starting a second.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from desktop.core.services.forms_admin import FormRegistry

# The order of the field methodology: the interviews a researcher does most come first.
INTERVIEW_ORDER = ("eyewitness_force", "injured_person", "family_of_killed", "detention_torture",
                   "relative_of_disappeared", "medical_worker", "aid_displaced", "researcher_observation",
                   "footage_review")


def _rank(form: Any) -> tuple[int, str]:
    fid = getattr(form, "id", "")
    return (INTERVIEW_ORDER.index(fid) if fid in INTERVIEW_ORDER else len(INTERVIEW_ORDER), fid)


class FormCatalog:
    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._lock = threading.Lock()
        self._registry: FormRegistry | None = None
        self._interview: list[Any] | None = None

    def registry(self) -> FormRegistry:
        with self._lock:
            if self._registry is None:
                self._registry = FormRegistry(self._root)
            return self._registry

    def interview_forms(self) -> list[Any]:
        reg = self.registry()
        with self._lock:
            if self._interview is None:
                self._interview = sorted((f for f in reg.list() if getattr(f, "kind", "interview") == "interview"),
                                         key=_rank)
            return list(self._interview)

    def get(self, form_id: str, version: str | None = None) -> Any | None:
        reg = self.registry()
        with self._lock:
            try:
                return reg.get(form_id, version)
            except Exception:  # noqa: BLE001 - an unknown or archived version: try the current one
                try:
                    return reg.get(form_id)
                except Exception:  # noqa: BLE001 - unknown form: shown by its id
                    return None

    def title(self, form_id: str, lang: str) -> str:
        form = self.get(form_id)
        return form.title(lang) if form is not None else form_id
