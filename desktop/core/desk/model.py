"""What the desk works on: acts of testimonies, victim and unit mentions,
sources and their independence. Built from rows the vault returns; no SQL."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..forms.expr import date_interval
from ..vault.act_rows import victim_count

# Acts an analyst may well file as the same incident when two witnesses name them differently.
TYPE_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("killing", "attempted_killing", "injury_force", "excessive_force", "attack_on_funeral",
                     "indiscriminate_attack"), "force"),
    **dict.fromkeys(("arbitrary_arrest", "arbitrary_detention", "incommunicado_detention", "enforced_disappearance",
                     "house_raid", "arrest_of_patients"), "liberty"),
    **dict.fromkeys(("torture", "ill_treatment", "sexual_violence", "death_in_custody", "coerced_statement"),
                    "custody"),
    **dict.fromkeys(("attack_on_medical", "obstruction_of_medical_care"), "medical"),
}

# The kind of source each interview form is (the field method's categories).
SOURCE_KINDS: dict[str, str] = {
    "eyewitness_force": "eyewitness",
    "injured_person": "victim",
    "detention_torture": "victim",
    "family_of_killed": "family",
    "relative_of_disappeared": "family",
    "medical_worker": "medical",
    "aid_displaced": "aid_worker",
    "researcher_observation": "researcher_observation",
    "footage_review": "footage",
}

CORROBORATION_LEVELS = ("unassessed", "single_source", "partly_corroborated", "corroborated",
                        "strongly_corroborated", "contested")


def similar_types(a: str | None, b: str | None) -> float:
    """1 for the same type, 0.5 for the same family, 0 otherwise."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    fa, fb = TYPE_FAMILIES.get(a), TYPE_FAMILIES.get(b)
    return 0.5 if fa is not None and fa == fb else 0.0


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


@dataclass(slots=True)
class ActRef:
    """One act of one testimony, with what the desk needs to compare it."""

    record_id: str
    act_index: int
    form_id: str
    act_type: str | None
    date: dict[str, Any] | None
    start: _dt.date | None
    end: _dt.date | None
    city: str | None
    district: str | None
    description: str | None
    witness_connection: str | None
    device: str | None
    researcher: str | None
    interviewee: str | None
    source_type: str | None
    victims: list[dict[str, Any]] = field(default_factory=list)
    perpetrators: list[dict[str, Any]] = field(default_factory=list)
    victim_count: int | None = None  # the estimated total the testimony gave, listed victims included
    key: tuple[str, int] = ("", 0)  # (record id, act index), set at creation

    def __post_init__(self) -> None:
        self.key = (self.record_id, self.act_index)

    @property
    def month(self) -> str | None:
        return self.start.strftime("%Y-%m") if self.start else None

    @property
    def source_key(self) -> str:
        """One interviewee is one source however many testimonies they gave (code per device)."""
        if self.interviewee:
            return f"{self.device or '?'}/{self.interviewee}"
        return self.record_id

    @property
    def source_kind(self) -> str:
        return SOURCE_KINDS.get(self.form_id, "other")


def act_refs(rows: list[tuple[str, str, dict[str, Any] | None, dict[str, Any], int, dict[str, Any]]]) -> list[ActRef]:
    out: list[ActRef] = []
    for rid, form_id, origin, facts, ai, act in rows:
        interval = date_interval(act.get("act_date"))
        end = date_interval(act.get("act_end_date"))
        loc_value = act.get("act_location")
        loc: dict[str, Any] = loc_value if isinstance(loc_value, dict) else {}
        origin = origin or {}
        out.append(ActRef(
            record_id=rid, act_index=ai, form_id=form_id,
            act_type=_str(act.get("act_type")),
            date=act.get("act_date") if isinstance(act.get("act_date"), dict) else None,
            start=interval.earliest if interval else None,
            end=(end.latest if end else interval.latest) if interval else None,
            city=_str(loc.get("city")), district=_str(loc.get("district")),
            description=_str(act.get("act_description")),
            witness_connection=_str(act.get("act_witness_connection")),
            device=_str(origin.get("device")),
            researcher=_str(origin.get("researcher")) or _str(facts.get("researcher_code")),
            interviewee=_str(facts.get("interviewee_code")),
            source_type=_str(facts.get("source_type")),
            victims=[v for v in act.get("act_victims") or [] if isinstance(v, dict)],
            perpetrators=[p for p in act.get("act_perpetrators") or [] if isinstance(p, dict)],
            victim_count=victim_count(act.get("act_victim_count")),
        ))
    return out


@dataclass(slots=True)
class Mention:
    """A victim as one testimony describes them (path into the record's answers)."""

    record_id: str
    path: str
    act: ActRef
    status: str | None
    sex: str | None
    age: int | None
    age_group: str | None
    name: str | None  # only where headquarters received the identity compartment
    publishable: bool
    key: tuple[str, str] = ("", "")  # (record id, path), set at creation

    def __post_init__(self) -> None:
        self.key = (self.record_id, self.path)


def victim_mentions(acts: list[ActRef], identities: dict[str, dict[str, Any]]) -> list[Mention]:
    out: list[Mention] = []
    for a in acts:
        ident_acts = (identities.get(a.record_id) or {}).get("acts")
        ident_act = ident_acts[a.act_index] if isinstance(ident_acts, list) and a.act_index < len(ident_acts) else {}
        ident_victims = ident_act.get("act_victims") if isinstance(ident_act, dict) else None
        for vi, v in enumerate(a.victims):
            iv = ident_victims[vi] if isinstance(ident_victims, list) and vi < len(ident_victims) else {}
            iv = iv if isinstance(iv, dict) else {}
            age = v.get("age")
            out.append(Mention(
                record_id=a.record_id, path=f"acts[{a.act_index}].act_victims[{vi}]", act=a,
                status=_str(v.get("status")), sex=_str(v.get("sex")),
                age=age if isinstance(age, int) and not isinstance(age, bool) else None,
                age_group=_str(v.get("age_group")), name=_str(iv.get("name")) or _str(v.get("name")),
                publishable=(v.get("name_publishable") is True) or (iv.get("name_publishable") is True),
            ))
    return out


@dataclass(slots=True)
class UnitMention:
    record_id: str
    path: str
    act: ActRef
    perp_type: str | None
    unit: str
    key: tuple[str, str] = ("", "")

    def __post_init__(self) -> None:
        self.key = (self.record_id, self.path)


def unit_mentions(acts: list[ActRef]) -> list[UnitMention]:
    out = []
    for a in acts:
        for pi, p in enumerate(a.perpetrators):
            unit = _str(p.get("perp_unit"))
            if unit:
                out.append(UnitMention(a.record_id, f"acts[{a.act_index}].act_perpetrators[{pi}]", a,
                                       _str(p.get("perp_type")), unit))
    return out


@dataclass
class Sources:
    """Who says an incident happened, and how independent they are of one another."""

    testimonies: int = 0
    independent: int = 0  # distinct interviewees (or testimonies without an interviewee)
    devices: int = 0
    researchers: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # source kind -> independent sources of that kind
    items: list[ActRef] = field(default_factory=list)


def sources_of(acts: list[ActRef]) -> Sources:
    s = Sources(items=sorted(acts, key=lambda a: (a.start or _dt.date.max, a.record_id)))
    s.testimonies = len({a.record_id for a in acts})
    by_source: dict[str, ActRef] = {}
    for a in s.items:
        by_source.setdefault(a.source_key, a)
    s.independent = len(by_source)
    s.devices = len({a.device for a in acts if a.device})
    s.researchers = len({a.researcher for a in acts if a.researcher})
    for a in by_source.values():
        s.kinds[a.source_kind] = s.kinds.get(a.source_kind, 0) + 1
    return s


def overlap_days(a_start: _dt.date | None, a_end: _dt.date | None,
                 b_start: _dt.date | None, b_end: _dt.date | None, slack: int = 0) -> bool:
    if not (a_start and a_end and b_start and b_end):
        return False
    d = _dt.timedelta(days=slack)
    return a_start <= b_end + d and b_start <= a_end + d
