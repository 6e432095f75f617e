"""Analysis at headquarters: acts, victims by status, violations by perpetrator,
links between testimonies, flat exports (incidents are filed at the desk).

A thin door over ``desktop.core.analysis`` so that the window and the command
line reach the same functions through the services layer.
"""

from __future__ import annotations

from pathlib import Path

from .. import analysis as _analysis
from ..analysis import (
    VICTIM_STATUSES,
    Act,
    links,
    victims_by_status,
    violations_by_perpetrator,
)
from ..errors import Refusal
from ..vault.acts import ActFilters
from ..vault import Vault

__all__ = [
    "VICTIM_STATUSES",
    "Act",
    "ActFilters",
    "acts",
    "export_table",
    "link_records",
    "links",
    "victims_by_status",
    "violations_by_perpetrator",
]

FORMATS = ("csv", "json")


def acts(vault: Vault) -> list[Act]:
    return _analysis.acts(vault)


def link_records(vault: Vault, a: str, b: str, kind: str, note: str = "") -> None:
    _analysis.link_records(vault, a, b, kind, note)


def export_table(vault: Vault, out: Path, fmt: str) -> int:
    """All testimonies as CSV or JSON (spreadsheet formulas neutralised); returns the record count."""
    if fmt not in FORMATS:
        raise Refusal(f"Unknown export format {fmt!r}: use csv or json")
    return _analysis.export_table(vault, Path(out), fmt)
