"""The in-memory model of a loaded form: Form, Section, Field, FieldIssue."""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import FormError
from .expr import Expr
from .values import (  # noqa: F401 - re-exported: the form model's vocabulary
    CONTAINER_TYPES,
    DATE_PRECISIONS,
    FIELD_TYPES,
    MONTH_PARTS,
    TIME_PERIODS,
    YES_NO_UNKNOWN,
    FieldIssue,
)
from .vocab import Choice, Gazetteer, pick


@dataclass(eq=False)
class Field:
    id: str
    type: str
    label: dict[str, str]
    guidance: dict[str, str] = field(default_factory=dict)
    required: bool = False
    identifying: bool = False
    identity: str = ""  # what an identifying value is: name, aliases, contact, document, other
    relevant: Expr | None = None
    constraint: Expr | None = None
    constraint_message: dict[str, str] = field(default_factory=dict)
    choices: list[Choice] | None = None
    choices_ref: str | None = None
    max_length: int | None = None
    publishable_flag: str | None = None
    gazetteer: Gazetteer | None = None
    repeat: bool = False
    min_repeats: int | None = None
    max_repeats: int | None = None
    repeat_count: Expr | None = None
    entry_label: dict[str, str] = field(default_factory=dict)  # one entry of a repeat: "Act"
    add_label: dict[str, str] = field(default_factory=dict)  # its Add button: "Add an act"
    fields: list[Field] = field(default_factory=list)
    builtin: bool = False  # a standard part of a person field
    parent: Field | None = None
    section: Section | None = None
    path: str = ""  # dotted definition path, e.g. "acts.act_victims.age"

    def title(self, lang: str = "en") -> str:
        return pick(self.label, lang) or self.id

    def guidance_text(self, lang: str = "en") -> str:
        return pick(self.guidance, lang)

    def entry_text(self, lang: str = "en") -> str:
        return pick(self.entry_label, lang)

    def add_text(self, lang: str = "en") -> str:
        return pick(self.add_label, lang)

    @property
    def is_container(self) -> bool:
        return self.type in CONTAINER_TYPES

    def choice(self, value: str) -> Choice | None:
        for c in self.choices or ():
            if c.value == value:
                return c
        return None

    def choice_values(self) -> list[str]:
        if self.type == "yes_no_unknown":
            return list(YES_NO_UNKNOWN)
        return [c.value for c in self.choices or ()]

    def ancestors(self) -> list[Field]:
        out, f = [], self.parent
        while f is not None:
            out.append(f)
            f = f.parent
        return out[::-1]

    def child(self, fid: str) -> Field | None:
        for c in self.fields:
            if c.id == fid:
                return c
        return None

    def __repr__(self) -> str:
        return f"<Field {self.path} {self.type}>"


@dataclass(eq=False)
class Section:
    id: str
    label: dict[str, str]
    guidance: dict[str, str] = field(default_factory=dict)
    relevant: Expr | None = None
    fields: list[Field] = field(default_factory=list)
    block: str | None = None  # the block file it came from, if included

    def title(self, lang: str = "en") -> str:
        return pick(self.label, lang) or self.id

    def guidance_text(self, lang: str = "en") -> str:
        return pick(self.guidance, lang)

    def __repr__(self) -> str:
        return f"<Section {self.id}>"


_INDEX = re.compile(r"\[\d+\]")


class Form:
    """A loaded, checked form definition.  Built by loader.build_form()."""

    def __init__(self, form_id: str, version: str, title: dict[str, str], sections: list[Section],
                 definition: dict[str, Any], kind: str = "interview",
                 description: dict[str, str] | None = None, source: str = ""):
        self.id = form_id
        self.version = version
        self.kind = kind
        self.label = title
        self.description_texts = description or {}
        self.sections = sections
        self.source = source
        self._definition = definition
        self._by_path: dict[str, Field] = {}
        self._by_id: dict[str, Field] = {}
        for f in self.iter_fields():
            self._by_path[f.path] = f
            if not f.builtin:
                self._by_id[f.id] = f
        self._top: dict[str, Field] = {f.id: f for s in sections for f in s.fields}

    # -- description
    def title(self, lang: str = "en") -> str:
        return pick(self.label, lang) or self.id

    def description(self, lang: str = "en") -> str:
        return pick(self.description_texts, lang)

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def languages(self) -> list[str]:
        langs: list[str] = []
        for d in [self.label] + [s.label for s in self.sections] + [f.label for f in self.fields]:
            for k in d:
                if k not in langs:
                    langs.append(k)
        return langs

    # -- fields
    def iter_fields(self) -> Iterator[Field]:
        def walk(fs: list[Field]) -> Iterator[Field]:
            for f in fs:
                yield f
                yield from walk(f.fields)
        for s in self.sections:
            yield from walk(s.fields)

    @property
    def fields(self) -> list[Field]:
        """Every field, depth first (children of groups and persons included)."""
        return list(self.iter_fields())

    @property
    def top_fields(self) -> dict[str, Field]:
        return dict(self._top)

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise FormError(f"form {self.id!r} has no section {section_id!r}")

    def field(self, path: str) -> Field:
        """A field by id, dotted path ('acts.act_victims.age') or answer path ('acts[0].act_victims[1].age')."""
        p = _INDEX.sub("", path or "")
        f = self._by_path.get(p) or self._by_id.get(p)
        if f is None:
            raise FormError(f"form {self.id!r} has no field {path!r}")
        return f

    def has_field(self, path: str) -> bool:
        p = _INDEX.sub("", path or "")
        return p in self._by_path or p in self._by_id

    def by_id(self, fid: str) -> Field | None:
        return self._by_id.get(fid)

    def to_dict(self) -> dict[str, Any]:
        """The resolved definition (includes expanded), loadable again with build_form()."""
        return copy.deepcopy(self._definition)

    # -- answers (implemented in validate.py / split.py)
    def validate(self, answers: dict[str, Any], strict: bool = False) -> list[FieldIssue]:
        from .validate import Engine
        return Engine(self, answers).validate(strict=strict)

    def section_issues(self, section_id: str, answers: dict[str, Any]) -> list[FieldIssue]:
        from .validate import Engine
        self.section(section_id)
        return Engine(self, answers).validate(section_id=section_id)

    def is_relevant(self, path_or_field_id: str, answers: dict[str, Any]) -> bool:
        from .validate import Engine
        return Engine(self, answers).is_relevant_path(path_or_field_id)

    def section_relevant(self, section_id: str, answers: dict[str, Any]) -> bool:
        from .validate import Engine
        return Engine(self, answers).section_relevant(self.section(section_id))

    def irrelevant_paths(self, answers: dict[str, Any]) -> list[str]:
        from .validate import Engine
        return Engine(self, answers).irrelevant_answer_paths()

    def prune(self, answers: dict[str, Any]) -> dict[str, Any]:
        from .validate import Engine
        return Engine(self, answers).pruned()

    def split(self, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        from .split import split
        return split(self, answers)

    def merge(self, public: dict[str, Any], identity: dict[str, Any]) -> dict[str, Any]:
        from .split import merge
        return merge(public, identity)

    def searchable_text(self, public: dict[str, Any]) -> str:
        from .split import searchable_text
        return searchable_text(self, public)

    def publishable_names(self, answers: dict[str, Any]) -> list[str]:
        from .split import publishable_names
        return publishable_names(self, answers)

    def known_names(self, identity: dict[str, Any]) -> list[str]:
        from .split import known_names
        return known_names(self, identity)

    def identity_values(self, identity: dict[str, Any]) -> list[str]:
        from .split import identity_values
        return identity_values(self, identity)

    def dump(self) -> str:
        """The resolved definition as YAML."""
        from .dump import dump_form
        return dump_form(self.to_dict())

    def __repr__(self) -> str:
        return f"<Form {self.id} {self.version}>"
