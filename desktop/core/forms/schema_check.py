"""Checking a form definition against the published JSON Schema of the form language."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema

from ..paths import resources_dir
from .errors import FormError, one_line
from .values import FIELD_TYPES

PACKAGE_RESOURCES = resources_dir()


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((PACKAGE_RESOURCES / "forms" / "schema.json").read_text("utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def schema_check(data: Any, name: str) -> None:
    if not isinstance(data, dict):
        raise FormError(f"{name}: a form definition must be a mapping (got {type(data).__name__})")
    v = _validator()
    errors = list(v.iter_errors(data))
    if not errors:
        return
    err = min(errors, key=lambda e: (-len(e.absolute_path), str(e.message)))
    err = jsonschema.exceptions.best_match(errors) or err
    # descend into if/then/oneOf to the most specific reason
    while err.context:
        err = min(err.context, key=lambda e: (-len(e.absolute_path), e.message))
    where = _path_str(err.absolute_path)
    inst = err.instance
    last = where.rsplit(".", 1)[-1] if where else "definition"
    shown = repr(inst) if len(repr(inst)) <= 60 else repr(inst)[:57] + "..."
    if err.validator == "enum" and where.endswith(".type"):
        msg = f"unknown field type {inst!r} (allowed: {', '.join(FIELD_TYPES)})"
    elif err.validator == "additionalProperties":
        msg = err.message.replace("Additional properties are not allowed", "unknown key(s)")
    elif err.validator == "pattern" and last == "include":
        msg = f"include {shown} must be a relative path inside the forms folder (no '..', no leading '/'); refused"
    elif err.validator == "pattern":
        msg = f"{shown} is not a valid {last} (expected letters, digits and _ in the form {err.validator_value})"
    elif err.validator == "maxLength":
        msg = f"text is too long (more than {err.validator_value} characters)"
    else:
        msg = err.message if len(err.message) < 300 else err.message[:297] + "..."
    raise FormError(f"{name}: {where + ': ' if where else ''}{one_line(msg)}")


def _path_str(path: Any) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out
