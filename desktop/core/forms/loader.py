"""Loading form definitions: includes, JSON Schema, semantic checks, building the model."""
from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..paths import resources_dir
from . import expr as E
from .errors import FormError
from .model import Field, Form, Section
from .safeyaml import load_file
from .schema_check import schema_check as _schema_check
from .values import CONTAINER_TYPES, FIELD_TYPES, PERSON_PARTS
from .vocab import Choice, VocabStore, check_texts, parse_choices

PACKAGE_RESOURCES = resources_dir()
MAX_INCLUDES = 50
MAX_FIELDS = 3000
MAX_GROUP_DEPTH = 5


def _default_identity(fid: str, ftype: str) -> str:
    """What an identifying field holds when the form does not say: only a text
    field called ``name`` or ``..._name`` is taken for a person's name."""
    if ftype == "text" and (fid == "name" or fid.endswith("_name")):
        return "name"
    if any(w in fid for w in ("contact", "phone", "email")):
        return "contact"
    return "other"

# ------------------------------------------------------------------ files and includes

def resources_for(path: Path) -> Path:
    """The resources folder a definition file belongs to (for vocabularies and includes)."""
    p = Path(path).resolve()
    for parent in p.parents:
        if parent.name == "forms" and (parent.parent / "vocabularies").is_dir():
            return parent.parent
    return PACKAGE_RESOURCES


_BLOCK_CACHE: dict[tuple[str, int, int], Any] = {}


def _load_block(target: Path, rel: str) -> Any:
    """A block file, parsed and schema-checked once per version of the file."""
    st = target.stat()
    key = (str(target), st.st_mtime_ns, st.st_size)
    if key not in _BLOCK_CACHE:
        block = load_file(target)
        _schema_check(block, rel)
        _BLOCK_CACHE[key] = block
    return copy.deepcopy(_BLOCK_CACHE[key])


def _resolve_includes(data: dict[str, Any], forms_root: Path, name: str) -> tuple[dict[str, Any], list[str | None]]:
    """Replace {include: blocks/x.yaml} items by the block's sections (one level only)."""
    out = copy.deepcopy(data)
    sections: list[Any] = []
    origins: list[str | None] = []
    count = 0
    root = forms_root.resolve()
    for item in data.get("sections", []):
        if isinstance(item, dict) and "include" in item:
            count += 1
            if count > MAX_INCLUDES:
                raise FormError(f"{name}: more than {MAX_INCLUDES} includes")
            rel = item["include"]
            target = (root / rel).resolve()
            try:
                target.relative_to(root)
            except ValueError:
                raise FormError(f"{name}: include {rel!r} points outside the forms folder; refused") from None
            if not target.is_file():
                raise FormError(f"{name}: included file {rel!r} not found in the forms folder")
            block = _load_block(target, rel)
            if "block" not in block:
                raise FormError(f"{name}: included file {rel!r} is not a block (it needs 'block: ID')")
            for s in block["sections"]:
                sections.append(s)
                origins.append(block["block"])
        else:
            sections.append(copy.deepcopy(item))
            origins.append(None)
    out["sections"] = sections
    return out, origins


# ------------------------------------------------------------------ building the model

class _Builder:
    def __init__(self, name: str, store: VocabStore):
        self.name = name
        self.store = store
        self.ids: dict[str, str] = {}
        self.nfields = 0

    def err(self, where: str, msg: str) -> FormError:
        return FormError(f"{self.name}: {where}: {msg}")

    def choices(self, spec: Any, where: str) -> tuple[list[Choice], str | None]:
        if isinstance(spec, str):
            if not spec.startswith("vocab:"):
                raise self.err(where, f"choices {spec!r} must be 'vocab:NAME' or a list")
            vname = spec[len("vocab:"):]
            try:
                return list(self.store.vocabulary(vname).terms), vname
            except FormError as e:
                raise self.err(where, str(e)) from None
        try:
            return parse_choices(spec, where), None
        except FormError as e:
            raise FormError(f"{self.name}: {e}") from None

    def expr(self, src: Any, where: str, allow_current: bool) -> E.Expr:
        try:
            x = E.parse(src)
        except FormError as e:
            raise self.err(where, str(e)) from None
        if x.uses_current and not allow_current:
            raise self.err(where, "'.' (the current value) can only be used in a constraint")
        return x

    def field(self, d: dict[str, Any], where: str, parent: Field | None, depth: int, builtin: bool = False) -> Field:
        self.nfields += 1
        if self.nfields > MAX_FIELDS:
            raise self.err(where, f"more than {MAX_FIELDS} fields")
        fid, ftype = d["id"], d["type"]
        where = f"{where} ({fid})"
        if ftype not in FIELD_TYPES:
            raise self.err(where, f"unknown field type {ftype!r} (allowed: {', '.join(FIELD_TYPES)})")
        if not builtin:
            if fid in self.ids:
                raise self.err(where, f"duplicate field id {fid!r} (also at {self.ids[fid]})")
            self.ids[fid] = where
        f = Field(id=fid, type=ftype, label=dict(d["label"]), guidance=dict(d.get("guidance") or {}),
                  required=bool(d.get("required", False)), identifying=bool(d.get("identifying", False)),
                  constraint_message=dict(d.get("constraint_message") or {}), parent=parent, builtin=builtin)
        f.path = f"{parent.path}.{fid}" if parent else fid
        for lang_key in ("label", "guidance", "constraint_message", "entry_label", "add_label"):
            if d.get(lang_key) is not None:
                check_texts(d[lang_key], f"{self.name}: {where}.{lang_key}")
        # type-specific keys
        def only(key: str, types: tuple[str, ...]) -> None:
            if key in d and ftype not in types:
                raise self.err(where, f"'{key}' is not allowed on a {ftype} field")
        only("choices", ("select_one", "select_multiple"))
        only("fields", CONTAINER_TYPES)
        for k in ("repeat", "min_repeats", "max_repeats", "repeat_count"):
            only(k, CONTAINER_TYPES)
        for k in ("parts", "required_parts", "role_choices", "status_choices"):
            only(k, ("person",))
        only("gazetteer", ("location",))
        only("entry_label", CONTAINER_TYPES)
        only("add_label", CONTAINER_TYPES)
        f.entry_label = dict(d.get("entry_label") or {})
        f.add_label = dict(d.get("add_label") or {})
        only("max_length", ("text", "narrative"))
        only("publishable_flag", ("text",))
        if ftype == "note":
            for k in ("required", "constraint", "identifying"):
                if d.get(k):
                    raise self.err(where, f"a note shows text only; '{k}' is not allowed")
        if ftype in ("select_one", "select_multiple"):
            if "choices" not in d:
                raise self.err(where, f"a {ftype} field needs 'choices' (a list or vocab:NAME)")
            f.choices, f.choices_ref = self.choices(d["choices"], f"{where}.choices")
        if ftype == "group" and not d.get("fields"):
            raise self.err(where, "a group needs 'fields'")
        f.max_length = d.get("max_length") or (2000 if ftype == "text" else 200_000 if ftype == "narrative" else None)
        f.publishable_flag = d.get("publishable_flag")
        if "identity" in d and not f.identifying:
            raise self.err(where, "'identity' describes an identifying value; add 'identifying: true'")
        f.identity = d.get("identity") or (_default_identity(fid, ftype) if f.identifying else "")
        if ftype == "location":
            gname = d.get("gazetteer") or self.store.default_gazetteer()
            if gname:
                try:
                    f.gazetteer = self.store.gazetteer(gname)
                except FormError as e:
                    raise self.err(where, str(e)) from None
        if ftype in CONTAINER_TYPES:
            f.repeat = bool(d.get("repeat", ftype == "person"))
            if not f.repeat and any(k in d for k in ("min_repeats", "max_repeats", "repeat_count")):
                raise self.err(where, "min_repeats/max_repeats/repeat_count need 'repeat: true'")
            f.min_repeats, f.max_repeats = d.get("min_repeats"), d.get("max_repeats")
            if f.min_repeats is not None and f.max_repeats is not None and f.min_repeats > f.max_repeats:
                raise self.err(where, "min_repeats is larger than max_repeats")
            if depth >= MAX_GROUP_DEPTH:
                raise self.err(where, f"groups nested more than {MAX_GROUP_DEPTH} deep")
            if ftype == "person":
                f.fields = self.person_parts(d, f, where, depth)
            for i, c in enumerate(d.get("fields") or []):
                f.fields.append(self.field(c, f"{where}.fields[{i}]", f, depth + 1))
            seen: set[str] = set()
            for c in f.fields:
                if c.id in seen:
                    raise self.err(where, f"duplicate field id {c.id!r} inside it")
                seen.add(c.id)
        self.raw_exprs.append((f, d, where))
        return f

    def person_parts(self, d: dict[str, Any], f: Field, where: str, depth: int) -> list[Field]:
        parts = d.get("parts") or list(PERSON_PARTS)
        if "name" in parts and "name_publishable" not in parts:
            parts = [*parts, "name_publishable"]
        req = set(d.get("required_parts") or [])
        if not req <= set(parts):
            raise self.err(where, f"required_parts {sorted(req - set(parts))} are not among its parts")
        out = []
        for p in PERSON_PARTS:
            if p not in parts:
                continue
            spec = copy.deepcopy(PERSON_PARTS[p])
            spec["id"] = p
            if p == "role" and d.get("role_choices"):
                spec["choices"] = d["role_choices"]
            if p == "status" and d.get("status_choices"):
                spec["choices"] = d["status_choices"]
            spec["required"] = p in req
            out.append(self.field(spec, f"{where}.{p}", f, depth + 1, builtin=True))
        return out

    def build(self, data: dict[str, Any], origins: list[str | None]) -> list[Section]:
        self.raw_exprs: list[tuple[Field, dict[str, Any], str]] = []
        sections: list[Section] = []
        section_raw: list[tuple[Section, dict[str, Any]]] = []
        seen_sections: set[str] = set()
        for i, (sd, origin) in enumerate(zip(data["sections"], origins, strict=True)):
            where = f"sections[{i}] ({sd['id']})"
            if sd["id"] in seen_sections:
                raise self.err(where, f"duplicate section id {sd['id']!r}")
            seen_sections.add(sd["id"])
            s = Section(id=sd["id"], label=dict(sd["title"]), guidance=dict(sd.get("guidance") or {}), block=origin)
            for j, fd in enumerate(sd["fields"]):
                fld = self.field(fd, f"{where}.fields[{j}]", None, 0)
                s.fields.append(fld)
            for fld in _walk(s.fields):
                fld.section = s
            sections.append(s)
            section_raw.append((s, sd))
        self.known = {f.id: f for f, _, _ in self.raw_exprs if not f.builtin}
        # expressions
        for s, sd in section_raw:
            if "relevant" in sd:
                s.relevant = self.expr(sd["relevant"], f"section {s.id}.relevant", False)
                self.check_refs(s.relevant, f"section {s.id}.relevant")
        for f, d, where in self.raw_exprs:
            if "relevant" in d:
                f.relevant = self.expr(d["relevant"], f"{where}.relevant", False)
                self.check_refs(f.relevant, f"{where}.relevant")
            if "constraint" in d:
                f.constraint = self.expr(d["constraint"], f"{where}.constraint", True)
                self.check_refs(f.constraint, f"{where}.constraint")
            if "repeat_count" in d:
                f.repeat_count = self.expr(d["repeat_count"], f"{where}.repeat_count", False)
                self.check_refs(f.repeat_count, f"{where}.repeat_count")
            if f.publishable_flag:
                sib: list[Field] = []
                if f.parent:
                    sib = f.parent.fields
                elif f.section:
                    sib = f.section.fields
                flag = next((c for c in sib if c.id == f.publishable_flag), None)
                if flag is None or flag.type != "boolean":
                    raise self.err(
                        where, f"publishable_flag {f.publishable_flag!r} must name a boolean field beside it")
        self.check_cycles(sections)
        return sections

    def check_refs(self, x: E.Expr, where: str) -> None:
        for r in sorted(x.refs):
            if r not in self.known:
                raise self.err(where, f"refers to unknown field ${{{r}}}")

    def check_cycles(self, sections: list[Section]) -> None:
        deps: dict[str, set[str]] = {}
        for s in sections:
            deps[f"section:{s.id}"] = set(s.relevant.refs) if s.relevant else set()
            for f in _walk(s.fields):
                if f.builtin:
                    continue
                d: set[str] = set()
                if f.relevant:
                    d |= f.relevant.refs
                if f.repeat_count:
                    d |= f.repeat_count.refs
                anc = [a for a in f.ancestors() if not a.builtin]
                d.add(anc[-1].id if anc else f"section:{s.id}")
                deps[f.id] = d
        WHITE, GREY, BLACK = 0, 1, 2
        state = dict.fromkeys(deps, WHITE)
        for start in deps:
            if state[start] != WHITE:
                continue
            stack: list[tuple[str, list[str]]] = [(start, sorted(deps[start]))]
            trail = [start]
            state[start] = GREY
            while stack:
                node, todo = stack[-1]
                if not todo:
                    state[node] = BLACK
                    stack.pop()
                    trail.pop()
                    continue
                nxt = todo.pop()
                if nxt not in state:
                    continue
                if state[nxt] == GREY:
                    cyc = [*trail[trail.index(nxt):], nxt]
                    raise FormError(f"{self.name}: circular relevance: {' -> '.join(cyc)}")
                if state[nxt] == WHITE:
                    state[nxt] = GREY
                    trail.append(nxt)
                    stack.append((nxt, sorted(deps[nxt])))


def _walk(fields: list[Field]) -> Iterator[Field]:
    for f in fields:
        yield f
        yield from _walk(f.fields)


def build_form(data: Any, *, name: str = "<definition>", resources: Path | None = None,
               source: str = "") -> Form:
    """Check a definition (already parsed) and build the Form."""
    resources = Path(resources) if resources else PACKAGE_RESOURCES
    _schema_check(data, name)
    if "block" in data:
        raise FormError(f"{name}: this is a block of sections (block: {data['block']}), not a form")
    resolved, origins = _resolve_includes(data, resources / "forms", name)
    b = _Builder(name, store_for(resources))
    sections = b.build(resolved, origins)
    check_texts(resolved["title"], f"{name}: title")
    return Form(resolved["form"], str(resolved["version"]), dict(resolved["title"]), sections, resolved,
                kind=resolved.get("kind", "interview"), description=resolved.get("description"), source=source)


_STORES: dict[Path, VocabStore] = {}


def store_for(resources: Path) -> VocabStore:
    key = Path(resources).resolve()
    if key not in _STORES:
        _STORES[key] = VocabStore(key)
    return _STORES[key]


def load_form(path: str | Path, *, resources: Path | None = None) -> Form:
    """Load and check one form definition file (YAML or JSON)."""
    p = Path(path)
    data = load_file(p)
    return build_form(data, name=p.name, resources=resources or resources_for(p), source=str(p))


def validate_form_file(path: str | Path) -> Form:
    """Same as load_form; raises FormError with a one-line reason."""
    return load_form(path)


def inline_vocabularies(form: Form) -> dict[str, Any]:
    """The resolved definition with every vocab:NAME replaced by its terms (for archiving)."""
    d = form.to_dict()

    def fix(fields: list[dict[str, Any]], parent_path: str) -> None:
        for fd in fields:
            path = f"{parent_path}.{fd['id']}" if parent_path else fd["id"]
            f = form.field(path)
            if isinstance(fd.get("choices"), str):
                fd["choices"] = [{"value": c.value, "label": dict(c.label)} for c in f.choices or []]
            if f.type == "person":
                for part, key in (("role", "role_choices"), ("status", "status_choices")):
                    c = f.child(part)
                    if c is not None:
                        fd[key] = [{"value": x.value, "label": dict(x.label)} for x in c.choices or []]
            if fd.get("fields"):
                fix(fd["fields"], path)

    for sd in d["sections"]:
        fix(sd["fields"], "")
    return d
