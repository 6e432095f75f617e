"""Form definitions as readable YAML."""
from __future__ import annotations

from typing import Any

import yaml


def dump_form(definition: dict[str, Any]) -> str:
    """A definition as readable YAML (UTF-8 text, Arabic kept as is)."""
    text: str = yaml.safe_dump(definition, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return text
