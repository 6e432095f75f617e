"""Counts that count each person and incident once, with how many are not confirmed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...desk.model import (
    sources_of,
)
from ...vault import Vault

from .picture import Desk, VICTIM_STATUSES, load


# ---------------------------------------------------------------- counts


@dataclass
class Counts:
    """Distinct people and incidents, with how many of them are not confirmed yet.

    For victims, ``estimated`` is the part of ``table`` that comes from acts'
    estimated totals (people counted but not listed one by one), and
    ``estimated_without_status`` those of acts whose type says nothing of their
    fate (in no status column, so not in ``table``)."""

    table: dict[str, dict[str, int]]
    unconfirmed: dict[str, dict[str, int]]
    estimated: dict[str, dict[str, int]] = field(default_factory=dict)
    estimated_without_status: int = 0

    def total_unconfirmed(self) -> int:
        return sum(sum(v.values()) for v in self.unconfirmed.values())

    def total_estimated(self) -> int:
        return sum(sum(v.values()) for v in self.estimated.values())


def victims_by_status(vault: Vault, by: str = "month") -> Counts:
    """Victims by status per month (or place): each person listed once where the desk
    confirmed who they are, plus the victims acts' estimated totals give beyond those
    listed (an incident's acts once), as estimates."""
    listed = vault.count_victims(by, VICTIM_STATUSES)
    out = Counts({k: {s: n for s, (n, _u) in v.items()} for k, v in listed.items()},
                 {k: {s: u for s, (_n, u) in v.items() if u} for k, v in listed.items()})
    for key, row in vault.count_estimated_victims(by).items():
        for status, (n, unconfirmed) in row.items():
            if status is None:
                out.estimated_without_status += n
                continue
            for table, add in ((out.table, n), (out.unconfirmed, unconfirmed), (out.estimated, n)):
                if add:
                    table.setdefault(key, {})[status] = table.get(key, {}).get(status, 0) + add
    out.table = dict(sorted(out.table.items()))
    return out


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


