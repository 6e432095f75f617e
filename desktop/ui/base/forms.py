"""Access to the form registry for the screens (loaded once per process).

Loading every form definition takes a few seconds with today's loader, so
the shell starts it on a worker thread while the user types the passphrase;
a lock makes any screen that needs the forms earlier wait for that one load
instead of starting a second.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_registry: Any = None
_interview: list[Any] | None = None


def registry() -> Any:
    global _registry
    with _lock:
        if _registry is None:
            from desktop.core.services.forms_admin import FormRegistry

            _registry = FormRegistry()
        return _registry


def interview_forms() -> list[Any]:
    global _interview
    reg = registry()
    with _lock:
        if _interview is None:
            try:
                _interview = [f for f in reg.list() if getattr(f, "kind", "interview") == "interview"]
            except ImportError:
                _interview = []
        return list(_interview)


def get(form_id: str, version: str | None = None) -> Any | None:
    reg = registry()
    with _lock:
        try:
            return reg.get(form_id, version)
        except Exception:  # noqa: BLE001 - an unknown or archived version: try the current one
            try:
                return reg.get(form_id)
            except Exception:  # noqa: BLE001 - unknown form: shown by its id
                return None


def title(form_id: str, lang: str) -> str:
    form = get(form_id)
    return form.title(lang) if form is not None else form_id
