"""Consistent pseudonyms within a record: "[PERSON-1]" every time the same
person appears, in every field."""
from __future__ import annotations

import threading
from collections.abc import Callable


class PseudonymTable:
    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], str] = {}
        self._count: dict[str, int] = {}
        self._name_parts: dict[str, list[str]] = {}  # name part -> pseudonyms of multi-part names
        self._lock = threading.Lock()

    def _new(self, label: str) -> str:
        self._count[label] = self._count.get(label, 0) + 1
        return f"[{label}-{self._count[label]}]"

    def get(self, label: str, key: str) -> str:
        with self._lock:
            k = (label, key)
            if k in self._by_key:
                return self._by_key[k]
            if label == "PERSON" and key.startswith("name:"):
                parts = key[5:].split("|")
                if len(parts) == 1:
                    # "Ahmad" after "Ahmad Hamwi": the same person if only one candidate
                    owners = set(self._name_parts.get(parts[0], ()))
                    if len(owners) == 1:
                        rep = owners.pop()
                        self._by_key[k] = rep
                        return rep
            rep = self._new(label)
            self._by_key[k] = rep
            if label == "PERSON" and key.startswith("name:") and "|" in key:
                for part in key[5:].split("|"):
                    self._name_parts.setdefault(part, []).append(rep)
            return rep

    def link_name(self, names_key: str, rep: str) -> None:
        """A name-list key ("name:...") found as a known identity: its parts
        alone ("Loay" after "Loay Tabbaa") get that identity's pseudonym."""
        if not names_key.startswith("name:") or "|" not in names_key:
            return
        with self._lock:
            for part in names_key[5:].split("|"):
                owners = self._name_parts.setdefault(part, [])
                if rep not in owners:
                    owners.append(rep)

    def snapshot(self) -> dict[str, str]:
        with self._lock:
            return {f"{a}\x1f{b}": v for (a, b), v in self._by_key.items()}


class StoredPseudonymTable(PseudonymTable):
    """Pseudonyms that outlive one run: each person's number is looked up in,
    and new ones written to, a per-record store (the vault's pseudonyms
    table), so the review screen, the bundle, headquarters and every later
    revision say the same "[PERSON-n]".

    ``lookup(label, key)`` returns the stored replacement or None;
    ``assign(label, key, proposed, fresh)`` stores one atomically and returns
    the winner (a fresh number another run took meanwhile is replaced);
    ``next_number(label)`` is the first free number; ``canon(key)`` turns a
    detector key that depends on run order (``known:3``) into one that names
    the same person in every run.
    """

    def __init__(self, lookup: Callable[[str, str], str | None], assign: Callable[[str, str, str, bool], str],
                 next_number: Callable[[str], int], canon: Callable[[str], str] = lambda k: k):
        super().__init__()
        self._lookup, self._assign, self._next, self._canon = lookup, assign, next_number, canon

    def _new(self, label: str) -> str:
        n = max(self._next(label), self._count.get(label, 0) + 1)
        self._count[label] = n
        self._fresh = True
        return f"[{label}-{n}]"

    def get(self, label: str, key: str) -> str:
        key = self._canon(key)
        with self._lock:
            if (label, key) in self._by_key:
                return self._by_key[(label, key)]
            stored = self._lookup(label, key)
            if stored is not None:
                self._by_key[(label, key)] = stored
                if label == "PERSON" and key.startswith("name:") and "|" in key:
                    for part in key[5:].split("|"):
                        self._name_parts.setdefault(part, []).append(stored)
                return stored
        self._fresh = False
        rep = super().get(label, key)
        final = self._assign(label, key, rep, self._fresh)
        if final != rep:
            with self._lock:
                self._by_key[(label, key)] = final
        return final
