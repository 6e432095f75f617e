"""Consistent pseudonyms within a record: "[PERSON-1]" every time the same
person appears, in every field."""
from __future__ import annotations

import threading


class PseudonymTable:
    def __init__(self):
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
