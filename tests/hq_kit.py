"""Plausible testimonies with acts, as headquarters receives them (tests and benchmarks)."""

from __future__ import annotations

import random

FORMS = ["eyewitness_force", "injured_person", "family_of_killed", "detention_torture", "relative_of_disappeared",
         "medical_worker", "aid_displaced", "researcher_observation", "footage_review"]
ACT_TYPES = ["killing", "attempted_killing", "injury_force", "excessive_force", "arbitrary_arrest",
             "arbitrary_detention", "incommunicado_detention", "torture", "ill_treatment", "enforced_disappearance",
             "death_in_custody", "attack_on_medical", "attack_on_funeral", "indiscriminate_attack", "house_raid",
             "forced_displacement", "threats_intimidation", "other"]
PERPS = ["army", "elite_units", "police", "riot_police", "military_intelligence", "air_force_intelligence",
         "political_security", "general_intelligence", "prison_staff", "pro_government_militia",
         "plainclothes_armed_men", "unidentified_armed_men", "unknown"]
STATUSES = ["killed", "injured", "arrested", "detained", "disappeared", "released", "tortured", "unknown"]
PLACES = {"homs": ["baba_amr", "khalidiya", "bab_sbaa", "inshaat", "karm_al_zeitoun", "bayada", "old_city", "waer"],
          "damascus": ["midan", "barzeh", "qaboun", "kafr_sousa", "rukn_al_din", "mezzeh", "qadam", "jobar"],
          "douma": ["centre"], "zabadani": [], "rastan": [], "daraa": [], "hama": [], "idlib": []}


def act_date(rng: random.Random) -> dict | str | None:
    y, m = rng.randint(2011, 2016), rng.randint(1, 12)
    pick = rng.random()
    if pick < 0.6:
        return {"precision": "day", "date": f"{y}-{m:02d}-{rng.randint(1, 28):02d}"}
    if pick < 0.85:
        return {"precision": "month", "month": f"{y}-{m:02d}"}
    if pick < 0.95:
        return {"precision": "year", "year": y}
    return None


def acts(rng: random.Random, malformed: bool = True) -> list:
    """Acts of one testimony; with ``malformed``, now and then an entry that is not an act."""
    out: list = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        city = rng.choice(list(PLACES))
        loc: dict = {"city": city}
        if PLACES[city] and rng.random() < 0.8:
            loc["district"] = rng.choice(PLACES[city])
        act: dict = {"act_type": rng.choice(ACT_TYPES), "act_location": loc,
                     "act_victims": [{"status": rng.choice(STATUSES), "role": "victim"}
                                     for _ in range(rng.choice([0, 1, 1, 1, 2, 3, 5]))],
                     "act_perpetrators": [{"perp_type": rng.choice(PERPS)} for _ in range(rng.choice([0, 1, 1, 2]))]}
        date = act_date(rng)
        if date is not None:
            act["act_date"] = date
        out.append(act)
    if malformed and rng.random() < 0.02:
        out.append("not an act")  # malformed entries are skipped, as the analysis always did
    return out


def narrative_fields(registry) -> dict[str, tuple[str, str]]:
    """Each interview form's (installed version, first narrative field): the answers a bundle carries."""
    out = {}
    for form_id in FORMS:
        form = registry.get(form_id)
        out[form_id] = (form.version, next(f.id for f in form.fields if f.parent is None and f.type == "narrative"))
    return out


def with_estimates(acts: list, rng: random.Random) -> list:
    """Now and then an act that also gives an estimated total of its victims (at least the
    listed ones, often more: "an arrest of 4"), as the acts form asks."""
    for act in acts:
        if isinstance(act, dict) and rng.random() < 0.4:
            act["act_victim_count"] = len(act["act_victims"]) + rng.choice([0, 0, 1, 3, 12])
    return acts
