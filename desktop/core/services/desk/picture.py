"""The desk's picture of a vault (acts, incidents, people, links) and the checks every use case shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...desk.model import (
    ActRef,
    act_refs,
)
from ...vault import Vault, VaultError

VICTIM_STATUSES = ("killed", "injured", "arrested", "disappeared")
ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]




def _noop(_d: int, _t: int) -> None:
    return None


def _never() -> bool:
    return False


def _store() -> Any:
    from ...forms.loader import store_for
    from ...paths import resources_dir

    return store_for(resources_dir())


def check_place(city: str | None, district: str | None) -> None:
    store = _store()
    name = store.default_gazetteer()
    if not city:
        raise VaultError(code="desk.place_missing")
    gaz = store.gazetteer(name) if name else None
    if gaz is None or city not in gaz.places:
        raise VaultError(code="desk.city_unknown", city=city)
    if district and district not in gaz.places[city].districts:
        raise VaultError(code="desk.district_unknown", district=district, city=city)


def check_type(act_type: str) -> None:
    terms = {t.value for t in _store().vocabulary("violation_types").terms}
    if act_type not in terms:
        raise VaultError(code="desk.type_unknown", act_type=act_type)


# ---------------------------------------------------------------- the desk's picture


@dataclass
class Desk:
    """One reading of the vault: acts, incidents and people, with every link."""

    acts: list[ActRef]
    incidents: list[dict[str, Any]]
    links: dict[tuple[str, int], str]  # act -> incident id
    confirmed: dict[tuple[str, str], str]  # mention -> person id
    people: dict[str, tuple[str, str]]  # person id -> (kind, pseudonym)

    def act(self, key: tuple[str, int]) -> ActRef | None:
        return self._by_key.get(key)

    def __post_init__(self) -> None:
        self._by_key = {a.key: a for a in self.acts}
        self._by_incident: dict[str, list[ActRef]] = {}
        for a in self.acts:
            iid = self.links.get(a.key)
            if iid is not None:
                self._by_incident.setdefault(iid, []).append(a)

    def incident_acts(self, incident_id: str) -> list[ActRef]:
        return list(self._by_incident.get(incident_id, []))


def load(vault: Vault, filed_only: bool = False) -> Desk:
    """The whole picture; with ``filed_only``, only the acts of testimonies with an
    act in an incident (enough for what incidents hold, without reading every testimony)."""
    acts = act_refs(vault.desk_acts(filed_only=filed_only))
    links = {(rid, ai): iid for iid, rid, ai in vault.incident_links()}
    people = {pid: (kind, pseudo) for pid, kind, pseudo in vault.people()}
    return Desk(acts, vault.list_incidents(), links, vault.person_mentions(), people)


