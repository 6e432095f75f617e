"""Counts that count each person and incident once, with how many are not confirmed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...desk.model import (
    sources_of,
)
from ...vault import Vault

from .picture import Desk, VICTIM_STATUSES, load


# ---------------------------------------------------------------- counts


@dataclass
class Counts:
    """Distinct people and incidents, with how many of them are not confirmed yet."""

    table: dict[str, dict[str, int]]
    unconfirmed: dict[str, dict[str, int]]

    def total_unconfirmed(self) -> int:
        return sum(sum(v.values()) for v in self.unconfirmed.values())


def victims_by_status(vault: Vault, by: str = "month") -> Counts:
    raw = vault.count_victims(by, VICTIM_STATUSES)
    return Counts({k: {s: n for s, (n, _u) in v.items()} for k, v in raw.items()},
                  {k: {s: u for s, (_n, u) in v.items() if u} for k, v in raw.items()})


def violations_by_perpetrator(vault: Vault) -> Counts:
    raw = vault.count_violations_by_perpetrator()
    return Counts({k: {s: n for s, (n, _u) in v.items()} for k, v in raw.items()},
                  {k: {s: u for s, (_n, u) in v.items() if u} for k, v in raw.items()})


def incidents_by_sources(vault: Vault, desk: Desk | None = None) -> dict[int, int]:
    """{number of independent sources: incidents} for the incidents analysts filed."""
    desk = desk or load(vault, filed_only=True)
    out: Counter[int] = Counter()
    for inc in desk.incidents:
        out[sources_of(desk.incident_acts(inc["id"])).independent] += 1
    return dict(sorted(out.items()))


def loose_acts(vault: Vault) -> tuple[int, int]:
    """(acts not yet in any incident, all acts): the unconfirmed part of every incident count."""
    return vault.count_loose_acts()


