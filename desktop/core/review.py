"""The researcher's redaction review: which answers were reviewed, and
decisions that last across revisions while the text they cover is unchanged.

Stored per revision (``revisions.redaction_json``) as
``{answer path: {"decisions": [...], "text_sha256": HEX}}``; ``text_sha256``
is the text the researcher looked at. A revision carries every decision
whose words are still there (offsets moved to the new text); an answer
whose text changed is flagged ``"changed": true`` until reviewed again.
"""
from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from typing import Any

REVIEWED = "reviewed"
CHANGED = "changed"
UNREVIEWED = "unreviewed"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decision_ok(d: object, text: str) -> bool:
    """A stored decision that applies to ``text``: integer offsets of a span inside
    it, a known decision, a known label (or none)."""
    from .redaction import LABELS

    return (isinstance(d, Mapping) and type(d.get("start")) is int and type(d.get("end")) is int
            and 0 <= d["start"] < d["end"] <= len(text) and d.get("decision") in ("accept", "reject", "add")
            and (d.get("label") is None or d.get("label") in LABELS))


def usable_decisions(text: str, entry: Any) -> tuple[list[dict[str, Any]], int]:
    """The saved decisions of one answer that apply to ``text``, and how many are
    damaged (missing or non-integer offsets, a span outside the text, an unknown
    decision or label). A damaged decision is never applied nor shown."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("decisions"), list):
        return [], 0
    good = [dict(d) for d in entry["decisions"] if decision_ok(d, text)]
    return good, len(entry["decisions"]) - len(good)


def status_of(text: str, entry: Any) -> str:
    """reviewed (decisions made on exactly this text), changed (decisions carried
    from an earlier text, new words not looked at, or damaged) or unreviewed."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("decisions"), list):
        return UNREVIEWED
    if entry.get("changed") or entry.get("partial") or usable_decisions(text, entry)[1]:
        return CHANGED
    sha = entry.get("text_sha256")
    if sha is None or sha == text_sha256(text):  # records reviewed before the hash was kept
        return REVIEWED
    return CHANGED


def statuses(texts: Mapping[str, str], redaction: Mapping[str, Any] | None) -> dict[str, str]:
    return {path: status_of(text, (redaction or {}).get(path)) for path, text in texts.items()}


def needs_review(texts: Mapping[str, str], redaction: Mapping[str, Any] | None) -> list[str]:
    """Answers whose redaction nobody reviewed (or whose text changed since)."""
    return [p for p, s in statuses(texts, redaction).items() if s != REVIEWED]


def reviewed_entry(text: str, decisions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"decisions": list(decisions), "text_sha256": text_sha256(text)}


def _move(decisions: list[dict[str, Any]], old: str, new: str) -> list[dict[str, Any]]:
    """Decisions whose covered words are unchanged, at their offsets in ``new``."""
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    out = []
    for d in decisions:
        try:
            s, e = int(d["start"]), int(d["end"])
        except (KeyError, TypeError, ValueError):
            continue
        for tag, i1, i2, j1, _j2 in ops:
            if tag == "equal" and i1 <= s and e <= i2:
                out.append({**d, "start": j1 + s - i1, "end": j1 + e - i1})
                break
    return out


def carry(old_texts: Mapping[str, str], new_texts: Mapping[str, str],
          old: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The review of a new revision: unchanged answers keep theirs; changed
    answers keep the decisions on words still there and are flagged."""
    if not old:
        return None
    out: dict[str, Any] = {}
    for path, new in new_texts.items():
        entry = old.get(path)
        if not isinstance(entry, Mapping) or not isinstance(entry.get("decisions"), list):
            continue
        before = old_texts.get(path)
        if before is None:
            continue
        if before == new:
            out[path] = dict(entry)
            if "text_sha256" not in out[path]:
                out[path]["text_sha256"] = text_sha256(new)
            continue
        out[path] = {"decisions": _move(list(entry["decisions"]), before, new),
                     "text_sha256": entry.get("text_sha256") or text_sha256(before), "changed": True}
    return out or None


# ---------------------------------------------------------------- what travels to headquarters

MAX_TRAVELLING_ENTRIES = 10_000
FIELD_STATE = "_field"  # the analyst vault's note of what the field did ("reviewed" / "automatic")


def travelling_review_ok(value: object) -> bool:
    """Review decisions from a bundle: answer path -> {"decisions": [{start, end,
    label, decision}], "text_sha256": HEX, ...} (offsets and labels, no text)."""
    if not isinstance(value, dict) or len(value) > MAX_TRAVELLING_ENTRIES:
        return False
    for path, entry in value.items():
        if not (isinstance(path, str) and not path.startswith("_") and len(path) <= 500
                and isinstance(entry, dict) and isinstance(entry.get("decisions"), list)
                and len(entry["decisions"]) <= MAX_TRAVELLING_ENTRIES):
            return False
        for d in entry["decisions"]:
            if not (isinstance(d, dict)
                    and all(type(d.get(k)) is int for k in ("start", "end"))
                    and 0 <= d["start"] < d["end"] and d.get("decision") in ("accept", "reject", "add")
                    and (d.get("label") is None or isinstance(d.get("label"), str))):
                return False
        if entry.get("text_sha256") is not None and not isinstance(entry["text_sha256"], str):
            return False
    return True


def field_review(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What the analyst vault keeps of the field's review of an imported record:
    the decisions when the raw answers came (identities included), and always
    whether the field reviewed every narrative."""
    out: dict[str, Any] = {FIELD_STATE: doc.get("redaction") if doc.get("redaction") == "reviewed" else "automatic"}
    if doc.get("identity") is not None and isinstance(doc.get("review"), dict):
        out.update(doc["review"])
    return out
