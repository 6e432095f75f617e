"""Shared pieces of the benchmarks: plausible interview text and a report printer.

The benchmark files are named ``bench_*.py`` so the normal suite (which only
collects ``test_*.py``) never runs them; see README.md in this folder.

Nothing here asserts on time: the figures are printed, and every comparison is
a ratio to a reference measured in the same run on the same machine.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")

# BENCH_SCALE=smoke runs every benchmark at a small size (seconds, in CI on each
# submission) so that none can rot; the figures still print. Unset: full size.
SMOKE = os.environ.get("BENCH_SCALE", "").lower() == "smoke"


def scale(full: T, smoke: T) -> T:
    """The full-size value, or the smoke-size one under BENCH_SCALE=smoke."""
    return smoke if SMOKE else full

# ---------------------------------------------------------------- word lists
# Plausible testimony in the register of the design's methodology: protests,
# funerals, shootings, detention, disappearance, secret field hospitals,
# displacement. Large enough that FTS has a real vocabulary and a long tail.

TIMES = [
    "in the early morning", "shortly after the noon prayer", "around midnight", "at dawn",
    "on Friday afternoon", "during the funeral procession", "after the evening prayer",
    "on the second day of the siege", "just before sunset", "late at night", "in the first week of Ramadan",
    "two days after the demonstration", "on the morning of the market", "while the curfew was on",
    "at about four in the afternoon", "on a cold winter morning", "a few hours before the power cut",
    "during the school holidays", "in the spring of that year", "on the third Friday of protests",
]
PLACES = [
    "Daraa", "Homs", "Baba Amr", "Douma", "Hama", "Deir ez-Zor", "Idlib", "Aleppo", "Salahuddin",
    "Bustan al-Qasr", "Khalidiya", "Moadamiya", "Zabadani", "Qusayr", "Tal Kalakh", "Jisr al-Shughur",
    "Saqba", "Harasta", "Kafr Nabl", "Binnish", "Latakia", "Banias", "al-Bayda", "Raqqa", "Tadamon",
    "Yarmouk", "Qaboun", "Barzeh", "Inkhil", "Nawa", "Jasim", "Tafas", "Busra al-Harir", "Rastan",
    "Talbiseh", "Karm al-Zeitoun", "Bab Amr", "Arbin", "Zamalka", "Jobar", "Midan", "Kafr Sousa",
    "Maarat al-Numan", "Saraqib", "Ariha", "Sheikh Maqsoud", "Bab al-Nairab", "Masaken Hanano",
]
LANDMARKS = [
    "the main square", "the Omari mosque", "the bakery on the corner", "the old market", "the municipality building",
    "the roundabout near the school", "the cemetery", "the bus station", "the national hospital",
    "the pharmacy of our street", "the football ground", "the orchards at the edge of town",
    "the grain silos", "the clock tower", "the bridge over the river", "the girls' secondary school",
    "the petrol station", "the vegetable market", "the court house", "the railway line",
]
ACTORS = [
    "security forces", "soldiers in green uniforms", "men in civilian clothes", "plainclothes agents",
    "snipers on the roof of the municipality building", "members of the militia", "the checkpoint guards",
    "an officer with a radio", "armed men in a white pickup truck", "the shabiha", "soldiers from the fourth division",
    "agents of the air force intelligence", "men wearing black masks", "a unit of the military police",
    "soldiers at the checkpoint", "the riot police", "men from the political security branch",
]
PEOPLE = [
    "my brother", "a young man of about twenty", "our neighbour", "the doctor", "two boys from the school",
    "an elderly woman", "my cousin", "a nurse", "the driver of the ambulance", "my father", "my husband",
    "a teacher from the village", "the son of our neighbour", "three students", "a woman carrying a child",
    "the imam of the mosque", "a pharmacist", "my uncle", "a volunteer from the relief committee",
    "a boy of fourteen", "the baker", "two brothers", "a journalist", "a man I did not know",
]
ACTIONS = [
    "opened fire on", "arrested", "beat", "dragged away", "blindfolded", "detained", "shot at", "interrogated",
    "searched", "stopped", "tortured", "transferred", "took away", "handcuffed", "kicked", "threatened",
    "insulted", "pushed into a car", "fired tear gas at", "chased", "surrounded", "photographed",
]
OBJECTS = [
    "a white pickup truck", "a bus with tinted windows", "tear gas canisters", "live ammunition",
    "the field hospital in a basement", "a mobile phone with videos", "the identity cards", "a list of names",
    "a green minibus", "a military ambulance", "rubber bullets", "a heavy machine gun mounted on a truck",
    "the banner we had painted", "a Kalashnikov", "electric cables", "a wooden stick", "a metal chair",
    "a tank at the entrance of the street", "plastic handcuffs", "a camera", "a loudspeaker", "the flag",
]
INJURIES = [
    "a gunshot wound to the leg", "bruises all over his back", "broken ribs", "burns from cigarettes",
    "a head injury", "shrapnel in the shoulder", "a bullet in the chest", "wounds on his wrists",
    "a broken arm", "a deep cut above the eye", "injuries to the abdomen", "swollen feet", "a fractured skull",
    "marks of electric shocks", "a wound in the neck", "lost teeth", "a dislocated shoulder",
]
FACILITIES = [
    "the air force intelligence branch", "the military security branch", "the central prison",
    "an underground cell", "a school used as a detention centre", "the political security branch",
    "the state security branch", "a military airport", "a police station", "a stadium used as a detention site",
    "branch two hundred and fifteen", "the military hospital", "a warehouse near the airport",
    "the criminal security department", "a checkpoint container",
]
FEELINGS = [
    "I was very afraid", "we did not dare to go out", "nobody told us anything", "we still do not know where he is",
    "I could not sleep for weeks", "my mother cried every night", "we left our house with nothing",
    "people were too frightened to speak", "I remember the smell of the smoke", "I still hear the shooting",
    "the children stopped going to school", "we were ashamed to ask for help", "we paid money to a lawyer for nothing",
    "I kept his shoes", "the neighbours helped us to hide", "I am telling you this so that it is known",
]
NAMES = [
    "Ahmad", "Mohammad", "Khaled", "Omar", "Yusuf", "Ibrahim", "Hassan", "Hussein", "Mahmoud", "Samir",
    "Rami", "Tariq", "Bilal", "Walid", "Ziad", "Nabil", "Fadi", "Hamza", "Anas", "Mustafa", "Ali", "Jamal",
    "Fatima", "Aisha", "Maryam", "Zainab", "Huda", "Rania", "Layla", "Nour", "Salma", "Hiba", "Amal", "Dima",
]
FAMILIES = [
    "Hamwi", "Halabi", "Homsi", "Shami", "Masri", "Haddad", "Najjar", "Khatib", "Hariri", "Zoubi", "Masalmeh",
    "Abazeid", "Kurdi", "Akkad", "Dabbagh", "Sabbagh", "Attar", "Hallak", "Jabri", "Darwish", "Qassem",
]
# Long tails of rarer words, each appearing in only a few narratives.
MEDICAL = [
    "antibiotics", "bandages", "crutches", "dialysis", "adrenaline", "forceps", "gauze", "sutures", "insulin",
    "ketamine", "lidocaine", "morphine", "needles", "oxygen", "paracetamol", "saline", "splints", "tourniquets",
    "anaesthetic", "plaster", "syringes", "iodine", "painkillers", "cannulas", "catheters", "blood-bags",
    "disinfectant", "stretchers", "bone-saws", "nebulisers", "scalpels",
]
GRAVES = ["the old cemetery", "a garden behind the mosque", "the martyrs' cemetery", "an orchard outside town",
          "a plot next to my grandfather", "a field near the river"]
RARE = [
    "apricot", "bulldozer", "cardamom", "dormitory", "embroidery", "fluorescent", "gravel", "hinge", "inhaler",
    "jasmine", "kerosene", "lantern", "mattress", "notebook", "olive", "parcel", "quilt", "radiator", "saucepan",
    "tarpaulin", "upholstery", "vaccine", "wheelbarrow", "yoghurt", "zinc", "accordion", "bandage", "courier", "diesel",
    "earring", "fountain", "generator", "harmonica", "insulin", "jerrycan", "kettle", "ladder", "megaphone",
    "nebuliser", "orchard", "plaster", "quarry", "rosary", "satellite", "thermos", "umbrella", "ventilator",
    "walkie-talkie", "basement", "cellar", "rooftop", "alleyway", "courtyard", "staircase", "balcony", "garage",
    "workshop", "olive-press", "mill", "tannery", "minaret", "dome", "graveyard", "shroud", "coffin", "eulogy",
    "condolence", "mourning", "vigil", "chant", "slogan", "placard", "graffiti", "stencil", "leaflet", "petition",
    "ransom", "bribe", "informant", "defector", "deserter", "hostage", "amnesty", "pardon", "verdict", "tribunal",
    "shelling", "barrel-bomb", "mortar", "cluster", "chlorine", "sarin", "rubble", "crater", "shrapnel", "siege",
    "blockade", "convoy", "corridor", "evacuation", "tent", "caravan", "camp", "border", "smuggler", "checkpoint",
    "permit", "passport", "visa", "asylum", "registration",
]
EVENTS = ["shooting at a demonstration", "shooting at a funeral", "arbitrary detention", "torture in detention",
          "enforced disappearance", "attack on medical workers", "displacement", "killing", "injury", "raid"]
ROLES = ["eyewitness", "injured person", "family member of a person killed", "survivor of detention",
         "relative of a disappeared person", "medical worker", "relief volunteer", "displaced person"]
AFFILIATIONS = ["army", "air force intelligence", "military security", "political security", "state security",
                "militia", "police", "unknown"]


def _sentence(rng: random.Random) -> str:
    c = rng.choice
    pick = rng.randrange(16)
    if pick == 0:
        s = f"{c(TIMES)} {c(ACTORS)} {c(ACTIONS)} {c(PEOPLE)} near {c(LANDMARKS)} in {c(PLACES)}."
    elif pick == 1:
        s = f"{c(PEOPLE)} was taken to {c(FACILITIES)} and we heard nothing for {rng.randint(2, 40)} days."
    elif pick == 2:
        s = f"When we found him he had {c(INJURIES)} and {c(INJURIES)}."
    elif pick == 3:
        s = f"They came in {c(OBJECTS)} and used {c(OBJECTS)} against the crowd."
    elif pick == 4:
        s = f"{c(FEELINGS)}, and {c(FEELINGS).lower()}."
    elif pick == 5:
        s = (f"A neighbour called {c(NAMES)} {c(FAMILIES)} told me that {c(ACTORS)} had {c(ACTIONS)} "
             f"{c(PEOPLE)} {c(TIMES)}.")
    elif pick == 6:
        s = (f"At {c(FACILITIES)} they kept about {rng.randint(10, 120)} people in one room; "
             f"the interrogators {c(ACTIONS)} us with {c(OBJECTS)}.")
    elif pick == 7:
        s = (f"We carried {c(PEOPLE)} to the field hospital because the soldiers were at {c(LANDMARKS)}; "
             f"the doctors had only a little {c(MEDICAL)} and {c(MEDICAL)}.")
    elif pick == 8:
        s = f"{c(TIMES)} the crowd walked from {c(LANDMARKS)} towards {c(LANDMARKS)} chanting for freedom."
    elif pick == 9:
        s = f"I saw with my own eyes how {c(ACTORS)} {c(ACTIONS)} {c(PEOPLE)}; I was hiding behind {c(LANDMARKS)}."
    elif pick == 10:
        s = (f"We fled from {c(PLACES)} to {c(PLACES)} and then to a camp near the border, "
             f"carrying only a {c(['blanket', 'suitcase', 'kettle', 'mattress', 'lantern', 'bag of bread'])}.")
    elif pick == 11:
        s = (f"The officer asked about {c(NAMES)} and about who filmed the videos; "
             f"he said they would bring my {c(['mother', 'sister', 'wife', 'daughter'])} if I did not speak.")
    elif pick == 12:
        s = (f"{c(PEOPLE)} died from {c(INJURIES)} before we could reach the hospital; "
             f"we buried him in {c(GRAVES)} at night.")
    elif pick == 13:
        s = (f"Later a released detainee told us he had seen {c(NAMES)} in {c(FACILITIES)}, "
             f"very thin and with {c(INJURIES)}.")
    elif pick == 14:
        s = f"There were {rng.randint(3, 60)} people wounded and at least {rng.randint(1, 15)} killed that day."
    else:
        s = f"{c(TIMES)} people spoke of {c(RARE)}, of {c(RARE)} and of {c(RARE)} in {c(PLACES)}."
    return s[0].upper() + s[1:]


def narrative(rng: random.Random, min_words: int = 300, max_words: int = 800) -> str:
    target = rng.randint(min_words, max_words)
    sentences: list[str] = []
    words = 0
    while words < target:
        s = _sentence(rng)
        sentences.append(s)
        words += s.count(" ") + 1
    # Paragraphs of 4-9 sentences, as transcribed interviews read.
    paras, i = [], 0
    while i < len(sentences):
        n = rng.randint(4, 9)
        paras.append(" ".join(sentences[i : i + n]))
        i += n
    return "\n\n".join(paras)


def interview(rng: random.Random) -> tuple[dict, dict]:
    """One record: (public answers with a narrative and a dozen short fields, identity)."""
    day = f"20{rng.randint(11, 19)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    public = {
        "narrative": narrative(rng),
        "summary": _sentence(rng),
        "date_of_incident": day,
        "location": rng.choice(PLACES),
        "place_detail": rng.choice(LANDMARKS),
        "event_type": rng.choice(EVENTS),
        "witness_role": rng.choice(ROLES),
        "perpetrator_affiliation": rng.choice(AFFILIATIONS),
        "interview_language": rng.choice(["Arabic", "Kurdish", "English"]),
        "interview_mode": rng.choice(["in person", "by phone", "secure messaging"]),
        "interviewer": rng.choice(["R1", "R2", "R3", "R4"]),
        "consent": rng.choice(["oral, recorded", "written", "oral, not recorded"]),
        "duration_minutes": rng.randint(20, 180),
        "follow_up_needed": rng.choice(["yes", "no"]),
    }
    identity = {
        "full_name": f"{rng.choice(NAMES)} {rng.choice(NAMES)} {rng.choice(FAMILIES)}",
        "phone": f"+963 9{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "address": f"{rng.choice(LANDMARKS)}, {rng.choice(PLACES)}",
        "date_of_birth": f"19{rng.randint(50, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "id_number": f"{rng.randint(10**10, 10**11 - 1)}",
        "contact_via": rng.choice(["cousin in Gaziantep", "a relief volunteer", "the local council"]),
    }
    return public, identity


def interviews(n: int, seed: int = 2) -> list[tuple[dict, dict]]:
    rng = random.Random(seed)
    return [interview(rng) for _ in range(n)]


# ---------------------------------------------------------------- timing and printing


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """Run ``fn`` ``repeat`` times; returns (first call seconds, all call seconds)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times[0], times


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:8.1f} MiB"


class Report:
    """Collects lines and prints them as one block (pytest -s shows it)."""

    def __init__(self, title: str):
        self.title = title
        self.lines: list[str] = []

    def __call__(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)

    def header(self) -> None:
        bar = "=" * 78
        print(f"\n{bar}\n{self.title}\n{bar}", flush=True)


@pytest.fixture
def report(request) -> Report:
    r = Report(f"BENCHMARK {request.node.nodeid}")
    r.header()
    return r
