"""The cleaning report kept with every attachment.

A report says what a cleaner found in a file, what it removed and what it
could not remove (with the reason).  Only a report with status ``cleaned``
lets the cleaned copy be labelled and sent as cleaned: ``partial`` (something
known to identify could not be removed) and ``failed`` (no usable copy) are
never shown or shipped as cleaned.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

CLEANED = "cleaned"      # rebuilt from an allow-list; nothing known to identify is left
PARTIAL = "partial"      # a copy exists but something listed in ``kept`` is still in it
FAILED = "not_cleaned"   # no cleaned copy (unreadable, unsupported, too large, ...)
STATUSES = (CLEANED, PARTIAL, FAILED)


@dataclass
class Kept:
    what: str
    why: str


@dataclass
class CleanReport:
    status: str
    kind: str                      # image | audio | video | pdf | document | other
    mime: str                      # type of the original
    clean_mime: str = ""           # type of the cleaned copy (may differ: e.g. HEIC -> JPEG)
    method: str = ""               # how the copy was made, in one line
    found: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    reason: str = ""               # why there is no cleaned copy (status not_cleaned)
    notes: list[str] = field(default_factory=list)  # limits worth knowing that are not metadata
    clean_ext: str = ""            # file name extension of the cleaned copy when it differs (e.g. ".jpg")

    def finish(self) -> CleanReport:
        """Settle the status honestly: anything kept makes a cleaned copy partial."""
        if self.status == CLEANED and self.kept:
            self.status = PARTIAL
        return self

    @property
    def cleaned(self) -> bool:
        return self.status == CLEANED

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CleanReport:
        def strs(v: object, limit: int = 100) -> list[str]:
            return [str(x)[:300] for x in v][:limit] if isinstance(v, list) else []

        kept = []
        for k in d.get("kept", [])[:100] if isinstance(d.get("kept"), list) else []:
            if isinstance(k, dict):
                kept.append(Kept(str(k.get("what", ""))[:300], str(k.get("why", ""))[:300]))
        status = str(d.get("status", FAILED))
        return cls(
            status=status if status in STATUSES else FAILED,
            kind=str(d.get("kind", "other"))[:20], mime=str(d.get("mime", ""))[:100],
            clean_mime=str(d.get("clean_mime", ""))[:100], method=str(d.get("method", ""))[:300],
            found=strs(d.get("found")), removed=strs(d.get("removed")), kept=kept,
            reason=str(d.get("reason", ""))[:300], notes=strs(d.get("notes")),
            clean_ext=_ext(d.get("clean_ext")),
        ).finish()

    @classmethod
    def from_json(cls, text: str | None) -> CleanReport | None:
        if not text:
            return None
        try:
            d = json.loads(text)
        except ValueError:
            return None
        return cls.from_dict(d) if isinstance(d, dict) else None


def _ext(v: object) -> str:
    text = str(v or "")[:10]
    return text if text.startswith(".") and text[1:].isalnum() else ""


def failed(kind: str, mime: str, reason: str, found: list[str] | None = None) -> CleanReport:
    return CleanReport(FAILED, kind, mime, "", "", list(found or []), [], [], reason)


class CleanError(Exception):
    """A file that cannot be cleaned; ``str()`` is one line for the report."""


class CleanCancelled(Exception):
    """The user cancelled; nothing is kept."""


class Sink(Protocol):
    """Where a cleaner writes its copy: front to back, never read back."""

    def write(self, data: bytes, /) -> int | None: ...
