"""Shared controlled vocabularies and the gazetteer (resources/vocabularies, resources/gazetteer)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import FormError
from .safeyaml import load_file

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
VALUE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")
LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def pick(texts: dict[str, str] | None, lang: str = "en") -> str:
    """The text in ``lang``, else English, else any language, else ''."""
    if not texts:
        return ""
    if lang in texts:
        return texts[lang]
    base = lang.split("-")[0].split("_")[0]
    if base in texts:
        return texts[base]
    if "en" in texts:
        return texts["en"]
    return next(iter(texts.values()), "")


def check_texts(obj: Any, where: str, required: bool = True) -> dict[str, str]:
    if obj is None and not required:
        return {}
    if not isinstance(obj, dict) or not obj:
        raise FormError(f"{where}: must be a mapping of language code to text, e.g. {{en: ..., ar: ...}}")
    for k, v in obj.items():
        if not isinstance(k, str) or not LANG_RE.match(k):
            raise FormError(f"{where}: {k!r} is not a language code")
        if not isinstance(v, str):
            raise FormError(f"{where}.{k}: must be text")
    return dict(obj)


@dataclass(frozen=True)
class Choice:
    value: str
    label: dict[str, str]

    def text(self, lang: str = "en") -> str:
        return pick(self.label, lang) or self.value


@dataclass
class Vocabulary:
    id: str
    title: dict[str, str]
    terms: list[Choice]
    source: str = ""

    def values(self) -> list[str]:
        return [t.value for t in self.terms]


@dataclass
class Place:
    id: str
    label: dict[str, str]
    districts: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Gazetteer:
    id: str
    title: dict[str, str]
    places: dict[str, Place]


def parse_choices(items: Any, where: str) -> list[Choice]:
    if not isinstance(items, list) or not items:
        raise FormError(f"{where}: must be a non-empty list of choices")
    out: list[Choice] = []
    seen: set[str] = set()
    for i, it in enumerate(items):
        w = f"{where}[{i}]"
        if not isinstance(it, dict):
            raise FormError(f"{w}: a choice must be a mapping with 'value' (or 'id') and 'label'")
        value = it.get("value", it.get("id"))
        if not isinstance(value, str) or not VALUE_RE.match(value):
            raise FormError(f"{w}: choice value {value!r} must be a short code of letters, digits, _ . -")
        if value in seen:
            raise FormError(f"{w}: duplicate choice value {value!r}")
        seen.add(value)
        out.append(Choice(value, check_texts(it.get("label"), f"{w}.label")))
    return out


class VocabStore:
    """Loads vocabularies and gazetteers on demand, by name, from a resources folder."""

    def __init__(self, resources: Path):
        self.resources = Path(resources)
        self._vocabs: dict[str, Vocabulary] = {}
        self._gaz: dict[str, Gazetteer] = {}

    def _file(self, folder: str, name: str, what: str) -> Path:
        if not NAME_RE.match(name or ""):
            raise FormError(f"{what} name {name!r} is not valid")
        base = self.resources / folder
        for ext in (".yaml", ".yml", ".json"):
            p = base / f"{name}{ext}"
            if p.is_file():
                return p
        raise FormError(f"unknown {what} {name!r} (no file {folder}/{name}.yaml)")

    def vocabulary(self, name: str) -> Vocabulary:
        if name in self._vocabs:
            return self._vocabs[name]
        p = self._file("vocabularies", name, "vocabulary")
        data = load_file(p)
        if not isinstance(data, dict) or data.get("vocabulary") != name:
            raise FormError(f"{p.name}: must be a mapping with 'vocabulary: {name}'")
        terms = parse_choices(data.get("terms"), f"{p.name}: terms")
        v = Vocabulary(name, check_texts(data.get("title"), f"{p.name}: title"), terms, str(data.get("source", "")))
        self._vocabs[name] = v
        return v

    def vocabulary_names(self) -> list[str]:
        base = self.resources / "vocabularies"
        return sorted(p.stem for p in base.glob("*.yaml")) if base.is_dir() else []

    def gazetteer(self, name: str) -> Gazetteer:
        if name in self._gaz:
            return self._gaz[name]
        p = self._file("gazetteer", name, "gazetteer")
        data = load_file(p)
        if not isinstance(data, dict) or data.get("gazetteer") != name:
            raise FormError(f"{p.name}: must be a mapping with 'gazetteer: {name}'")
        places: dict[str, Place] = {}
        items = data.get("places")
        if not isinstance(items, list):
            raise FormError(f"{p.name}: 'places' must be a list")
        for i, it in enumerate(items):
            w = f"{p.name}: places[{i}]"
            if not isinstance(it, dict) or not isinstance(it.get("id"), str) or not VALUE_RE.match(it["id"]):
                raise FormError(f"{w}: needs an 'id' code")
            if it["id"] in places:
                raise FormError(f"{w}: duplicate place {it['id']!r}")
            districts = ({c.value: c.label for c in parse_choices(it["districts"], f"{w}.districts")}
                         if it.get("districts") else {})
            places[it["id"]] = Place(it["id"], check_texts(it.get("label"), f"{w}.label"), districts)
        g = Gazetteer(name, check_texts(data.get("title"), f"{p.name}: title", required=False), places)
        self._gaz[name] = g
        return g

    def default_gazetteer(self) -> str | None:
        base = self.resources / "gazetteer"
        names = sorted(p.stem for p in base.glob("*.yaml")) if base.is_dir() else []
        return names[0] if names else None
