"""Fictional testimonies for the analyst's desk: the shipped demo interviews,
a second account of the demo's killing (a relative, another researcher and
device, the victim's name in Arabic), and any number of generated ones.

Used by tests, the benchmark, the screenshots and ``testimony hq demo``
(which only ever writes into a new, throwaway analyst vault). Every person,
place detail and event is invented."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import paths

if TYPE_CHECKING:
    from ..vault import Vault


@dataclass
class Sample:
    form_id: str
    form_version: str
    public: dict[str, Any]
    identity: dict[str, Any]
    origin: dict[str, Any]


def _names(kind: str) -> list[str]:
    path = paths.resources_dir() / "names" / kind
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def demo_samples() -> list[Sample]:
    return [Sample(s.form_id, s.form_version, json.loads(json.dumps(s.public)), json.loads(json.dumps(s.identity)),
                   dict(s.origin)) for s in _demo_samples()]


@lru_cache(maxsize=1)
def _demo_samples() -> tuple[Sample, ...]:
    """The shipped demo interviews (split into public and identity parts as a bundle would carry them)."""
    from ..forms.registry import FormRegistry

    registry = FormRegistry()
    out = []
    for file in sorted((paths.resources_dir() / "demo").glob("*.json")):
        if not registry.versions(file.stem):
            continue  # a demo file without its form is left out
        form = registry.get(file.stem)
        for i, answers in enumerate(json.loads(file.read_text(encoding="utf-8"))):
            public, identity = form.split(answers)
            out.append(Sample(form.id, str(form.version), public, identity,
                              {"device": "DEMO-DEVICE-R07", "researcher": "R-07", "bundle": f"demo-{file.stem}-{i}"}))
    return tuple(out)


def companion_of_demo_killing() -> Sample:
    """The demo's killing (Khalidiya, early February 2012) told by the victim's brother to another researcher."""
    public = {
        "interview_date": {"precision": "day", "date": "2012-04-02"},
        "researcher_code": "R-12",
        "interviewee_code": "F-311",
        "interviewee_sex": "male",
        "source_type": "indirect_witness",
        "deceased_person": {"status": "killed", "sex": "male", "age": 16, "name_publishable": True},
        "death_circumstances": "He went to the funeral with his friends. They carried him home; "
                               "[PERSON-1] said the shot came from the school roof.",
        "acts": [{
            "act_type": "killing",
            "act_date": {"precision": "day", "date": "2012-02-04"},
            "act_location": {"city": "homs", "district": "khalidiya"},
            "act_description": "My brother was shot in the chest during the funeral procession, near the "
                               "mosque. [PERSON-1] carried him to a house; he died before the doctor came.",
            "act_witness_connection": "told_by_witness",
            "act_victims": [{"status": "killed", "sex": "male", "age": 16, "name_publishable": True,
                             "role": "protester"}],
            "act_perpetrators": [{"perp_type": "army", "perp_unit": "الفرقة الرابعة"}],
        }],
    }
    identity = {"interviewee_name": "سامي الحلبي (خيالي)",
                "deceased_person": {"name": "ياسر الحلبي"},
                "acts": [{"act_victims": [{"name": "ياسر الحلبي"}]}]}
    return Sample("family_of_killed", "1.0.0", public, identity,
                  {"device": "DEMO-DEVICE-R12", "researcher": "R-12", "bundle": "demo-companion"})


_CITIES = {"homs": ["baba_amr", "khalidiya", "bab_sbaa", "inshaat", "waer"], "damascus": ["midan", "barzeh", "qaboun"],
           "douma": ["centre"], "rastan": [], "zabadani": []}
_TYPES = [("killing", "killed"), ("injury_force", "injured"), ("arbitrary_arrest", "arrested"),
          ("enforced_disappearance", "disappeared"), ("attack_on_funeral", "injured"), ("torture", "tortured")]
_FORMS = [("eyewitness_force", "direct_witness"), ("family_of_killed", "indirect_witness"),
          ("injured_person", "victim"), ("medical_worker", "professional"), ("detention_torture", "victim"),
          ("relative_of_disappeared", "indirect_witness"), ("footage_review", "documentary")]
_UNITS = ["4th Division", "Fourth Armoured Division", "الفرقة الرابعة", "Air Force Intelligence",
          "Military Security branch 215", "فرع الأمن العسكري 215", "Republican Guard", "الحرس الجمهوري"]
_FORCES = ["army", "pro_government_militia", "military_intelligence"]


def generated(n: int, seed: int = 7) -> Iterator[Sample]:
    """``n`` fictional testimonies across cities and months of 2011-2013, some about the same events."""
    rng = random.Random(seed)  # noqa: S311 - fictional sample data, nothing secret
    given = _names("given_lat.txt")[:120] + _names("given_ar.txt")[:120]
    family = _names("family_lat.txt")[:80] + _names("family_ar.txt")[:80]
    devices = [f"GEN-DEVICE-{i:02d}" for i in range(12)]
    events: list[tuple[str, str | None, str, str]] = []
    for _ in range(max(1, n // 3)):
        city = rng.choice(list(_CITIES))
        district = rng.choice(_CITIES[city]) if _CITIES[city] else None
        day = 1 + rng.randrange(28)
        events.append((city, district, f"{2011 + rng.randrange(3)}-{1 + rng.randrange(12):02d}-{day:02d}",
                       rng.choice(_TYPES)[0]))
    victims_of = [[(rng.choice(given), rng.choice(family), rng.choice(["male", "female"]), 10 + rng.randrange(50))
                   for _ in range(1 + rng.randrange(2))] for _ in events]
    for i in range(n):
        e = rng.randrange(len(events))
        city, district, when, act_type = events[e]
        status = dict(_TYPES).get(act_type, "injured")
        form_id, source_type = rng.choice(_FORMS)
        device = rng.choice(devices)
        precise = rng.random() < 0.6
        date = {"precision": "day", "date": when} if precise else \
            {"precision": "month", "month": when[:7]}
        victims: list[dict[str, Any]] = []
        names: list[dict[str, Any]] = []
        for given_name, family_name, sex, age in victims_of[e]:
            victims.append({"status": status, "sex": sex, "age": age + rng.choice([0, 0, 1, -1]),
                            "name_publishable": status in ("killed", "disappeared") and rng.random() < 0.5})
            names.append({"name": f"{given_name} {family_name}"})
        act = {"act_type": act_type, "act_date": date,
               "act_location": {"city": city, **({"district": district} if district else {})},
               "act_description": f"Generated account {i} of event {e}.",
               "act_witness_connection": "saw_directly", "act_victims": victims,
               "act_perpetrators": [{"perp_type": rng.choice(_FORCES), "perp_unit": rng.choice(_UNITS)}]}
        public = {"researcher_code": f"R-{devices.index(device):02d}", "interviewee_code": f"G-{i:05d}",
                  "source_type": source_type, "acts": [act]}
        identity = {"acts": [{"act_victims": names}]} if rng.random() < 0.8 else {}
        yield Sample(form_id, "1.0.0", public, identity,
                     {"device": device, "researcher": public["researcher_code"], "bundle": f"gen-{i // 50}"})


def fill(vault: Vault, n: int = 0, seed: int = 7) -> list[str]:
    """Add the demo interviews, the companion account and ``n`` generated testimonies; returns their ids."""
    ids = []
    for s in [*demo_samples(), companion_of_demo_killing(), *generated(n, seed)]:
        ids.append(vault.add_record(s.form_id, s.form_version, s.public, s.identity or None, origin=s.origin))
    return ids
