"""The text a record's search entry is built from (its answers' strings)."""

from __future__ import annotations

from collections.abc import Iterator


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def searchable_text(public: dict[str, object]) -> str:
    return "\n".join(t for t in _texts(public) if t.strip())
