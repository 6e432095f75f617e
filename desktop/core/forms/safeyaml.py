"""Loading YAML/JSON definition files defensively.

Refuses, with a one-line FormError: files over MAX_FILE_BYTES (checked before
reading), aliases and anchors (billion-laughs), nesting deeper than
MAX_NESTING, duplicate keys, non-string keys and any non-standard tag.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent)
from yaml.nodes import MappingNode

from .errors import FormError, one_line

MAX_FILE_BYTES = 1_000_000
MAX_NESTING = 20


class _Refused(Exception):
    def __init__(self, msg: str, mark: Any = None):
        super().__init__(msg)
        self.mark = mark


class _SafeLoader(yaml.SafeLoader):
    def __init__(self, stream: Any):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401
        # types-PyYAML leaves Parser.peek_event unannotated; it returns the next yaml Event
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed", event.start_mark)
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)) and event.anchor:
            raise _Refused("YAML anchors (&name) are not allowed", event.start_mark)
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self._depth += 1
            if self._depth > MAX_NESTING:
                raise _Refused(f"nested more than {MAX_NESTING} levels deep", event.start_mark)
            try:
                return Composer.compose_node(self, parent, index)
            finally:
                self._depth -= 1
        return Composer.compose_node(self, parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused("YAML merge keys (<<) are not allowed", key_node.start_mark)
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    raise _Refused(f"mapping key {key!r} must be text", key_node.start_mark)
                if key in seen:
                    raise _Refused(f"duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)


# YAML 1.2 booleans only: bare yes/no/on/off stay text (they are choice values here),
# and dates stay ISO text
_SafeLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _SafeLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


def _where(name: str, mark: Any) -> str:
    return f"{name} line {mark.line + 1}" if mark is not None else name


_FAST = getattr(yaml, "__with_libyaml__", False)


if _FAST:
    class _CLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _SafeLoader.yaml_implicit_resolvers
        construct_mapping = _SafeLoader.construct_mapping


def _prescan(text: str) -> None:
    """Walk the event stream (C parser) refusing aliases, anchors and deep nesting before composing."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed", event.start_mark)
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)) and event.anchor:
            raise _Refused("YAML anchors (&name) are not allowed", event.start_mark)
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                raise _Refused(f"nested more than {MAX_NESTING} levels deep", event.start_mark)
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            depth -= 1


def loads(text: str, name: str = "<definition>") -> Any:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise FormError(f"{name}: larger than {MAX_FILE_BYTES // 1_000_000} MB, refused")
    try:
        if _FAST:
            _prescan(text)
            loader: Any = _CLoader(text)
        else:
            loader = _SafeLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _Refused as e:
        raise FormError(f"{_where(name, e.mark)}: {e}") from None
    except yaml.MarkedYAMLError as e:
        raise FormError(f"{_where(name, e.problem_mark)}: invalid YAML: {one_line(e.problem or e)}") from None
    except yaml.YAMLError as e:
        raise FormError(f"{name}: invalid YAML: {one_line(e)}") from None
    except RecursionError:
        raise FormError(f"{name}: nested too deeply") from None


def load_file(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> Any:
    """Read and parse a definition file with every guard above."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except OSError as e:
        raise FormError(f"{name}: cannot read ({e.strerror or e})") from None
    if not p.is_file():
        raise FormError(f"{name}: not a regular file")
    if size > limit:
        raise FormError(
            f"{name}: file is {size / 1_000_000:.1f} MB, larger than the {limit // 1_000_000} MB limit; refused")
    try:
        with open(p, "rb") as f:
            raw = f.read(limit + 1)
    except OSError as e:
        raise FormError(f"{name}: cannot read ({e.strerror or e})") from None
    if len(raw) > limit:
        raise FormError(f"{name}: larger than the {limit // 1_000_000} MB limit; refused")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormError(f"{name}: not UTF-8 text") from None
    return loads(text, name)
