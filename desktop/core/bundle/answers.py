"""Imported answers against their form version.

A bundle's answers become columns of the analysts' tables and CSV: a key
that its form does not have (``=HYPERLINK(...)``, or anything a trusted
device makes up) is refused at import, before anything is stored, as is a
record of a form version this headquarters does not have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..forms.validate import DATE_KEYS, LOCATION_KEYS
from .format import BundleError

if TYPE_CHECKING:
    from ..forms import FormRegistry
    from ..forms.model import Field, Form

# Keys inside the values of structured fields (dates, times, places).
VALUE_KEYS: dict[str, frozenset[str]] = {
    "approx_date": frozenset({"precision"}.union(*DATE_KEYS.values())),
    "time": frozenset({"precision", "time", "period"}),
    "location": frozenset(LOCATION_KEYS),
}
MAX_SHOWN = 3


def unknown_keys(form: Form, answers: dict[str, Any]) -> list[str]:
    """Answer paths whose key is not a field of ``form`` (containers and structured values too)."""
    out: list[str] = []

    def walk(fields: dict[str, Field], cont: dict[str, Any], path: str) -> None:
        for key, value in cont.items():
            p = f"{path}.{key}" if path else str(key)
            f = fields.get(key)
            if f is None:
                out.append(p)
                continue
            if f.is_container:
                children = {c.id: c for c in f.fields}
                items = value if isinstance(value, list) else [value]
                for i, item in enumerate(items):
                    if isinstance(item, dict):
                        walk(children, item, f"{p}[{i}]" if f.repeat else p)
            elif isinstance(value, dict):
                allowed = VALUE_KEYS.get(f.type, frozenset())
                out.extend(f"{p}.{k}" for k in value if k not in allowed)

    walk(form.top_fields, answers, "")
    return out


def check_records(records: dict[str, dict[str, Any]], forms: FormRegistry) -> None:
    """Refuse the bundle if any record names a form version this headquarters lacks,
    or holds answers (public or identifying) that its form does not have."""
    from ..forms import FormError

    for rid, doc in sorted(records.items()):
        form_id, version = str(doc["form_id"]), str(doc["form_version"])
        try:
            form = forms.get(form_id, version)
        except FormError:
            raise BundleError(code="bundle.unknown_form", record_id=rid, form_id=form_id[:80],
                              version=version[:40]) from None
        bad = unknown_keys(form, doc["answers"]) + unknown_keys(form, doc.get("identity") or {})
        if bad:
            shown = ", ".join(k[:80] for k in bad[:MAX_SHOWN]) + (f" and {len(bad) - MAX_SHOWN} more"
                                                                  if len(bad) > MAX_SHOWN else "")
            raise BundleError(code="bundle.unknown_answers", record_id=rid, form_id=form_id, version=version,
                              keys=shown)
