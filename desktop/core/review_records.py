"""The researcher's review of a record's answers: which records an export
would send with narratives nobody reviewed, and the review overview
(detection for every answer at once, with the decisions already saved)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .records import _form_or_none, narratives, record_redactor, text_field, text_fields
from .review import REVIEWED, needs_review, reviewed_entry, status_of, usable_decisions
from .vault import Cancelled


def unreviewed_records(vault: Any, record_ids: Iterable[str], registry: Any = None) -> dict[str, list[str]]:
    """Record id -> narratives nobody reviewed (or changed since), for the records given;
    ``["*"]`` for a record of a form this installation cannot show (nobody could review it here)."""
    from .forms import FormRegistry

    registry = registry or FormRegistry()
    out: dict[str, list[str]] = {}
    for rid in record_ids:
        rec = vault.get_record(rid)
        form = _form_or_none(rec.form_id, rec.form_version, registry)
        if form is None:
            out[rid] = ["*"]
            continue
        pending = needs_review(narratives(form, rec.public), rec.redaction)
        if pending:
            out[rid] = pending
    return out


# ---------------------------------------------------------------- the review overview


@dataclass
class Finding:
    """One detection (or uncertain candidate) in one answer, with the
    researcher's decision: "accept" (redact), "reject" (keep), "add" (a
    candidate confirmed as a name) or None (undecided)."""

    start: int
    end: int
    label: str
    text: str
    replacement: str
    source: str
    decision: str | None = None
    uncertain: bool = False
    score: float | None = None


@dataclass
class AnswerReview:
    path: str
    text: str
    status: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def undecided(self) -> int:
        return sum(1 for f in self.findings if f.decision is None)

    def decisions(self, with_undecided: bool = True) -> list[dict[str, Any]]:
        """The decisions to store (undecided detections count as redacted, or
        are left out of a partial review; undecided candidates stay visible)."""
        out: list[dict[str, Any]] = []
        for f in self.findings:
            if f.decision is None and not with_undecided:
                continue
            span = {"start": f.start, "end": f.end, "label": f.label}
            if f.uncertain:
                if f.decision in ("add", "reject"):
                    out.append({**span, "decision": f.decision})
            elif f.source == "manual":
                if f.decision != "reject":
                    out.append({**span, "decision": "add"})
            else:
                out.append({**span, "decision": "reject" if f.decision == "reject" else "accept"})
        return out


def _stored_decision(entry: Any, start: int, end: int) -> str | None:
    if not isinstance(entry, Mapping):
        return None
    for d in entry.get("decisions") or ():
        if isinstance(d, Mapping) and d.get("start") == start and d.get("end") == end:
            dec = d.get("decision")
            return dec if dec in ("accept", "reject", "add") else None
    return None


def _answer_review(redactor: Any, path: str, text: str, entry: Any) -> AnswerReview:
    status = status_of(text, entry)
    result = redactor.redact(text)
    findings = [Finding(s.start, s.end, s.label, s.text, s.replacement, s.source,
                        _stored_decision(entry, s.start, s.end)) for s in result.spans]
    seen = {(f.start, f.end) for f in findings}
    for c in result.uncertain or ():
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            findings.append(Finding(c.start, c.end, "PERSON", c.text, "", "uncertain",
                                    _stored_decision(entry, c.start, c.end), True, c.score))
    for d in usable_decisions(text, entry)[0]:  # a damaged one is left out; the answer shows as changed
        s, e = d["start"], d["end"]
        if d["decision"] == "add" and (s, e) not in seen:
            label = str(d.get("label") or "PERSON")
            seen.add((s, e))
            findings.append(Finding(s, e, label, text[s:e], redactor.pseudonym_for(label, text[s:e]),
                                    "manual", "add"))
    findings.sort(key=lambda f: (f.start, f.end))
    if status == REVIEWED:
        # a reviewed answer: what the researcher did not reject was redacted on purpose
        for f in findings:
            if f.decision is None and not f.uncertain:
                f.decision = "accept"
    return AnswerReview(path, text, status, findings)


def overview(vault: Any, record_id: str, registry: Any = None,
             progress: Callable[[int, int], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> list[AnswerReview]:
    """Detection for every free-text answer of a record at once (narratives
    first), with the decisions already saved; made for a background worker."""
    rec = vault.get_record(record_id, reveal=True)
    form = _form_or_none(rec.form_id, rec.form_version, registry)
    if form is None:
        return []
    redactor = record_redactor(form, rec.public, rec.identity or {}, vault, record_id)
    answers = sorted(text_fields(form, rec.public), key=lambda pt: text_field(form, pt[0]).type != "narrative")
    stored = rec.redaction or {}
    out: list[AnswerReview] = []
    for n, (path, text) in enumerate(answers):
        if cancel is not None and cancel():
            raise Cancelled()
        out.append(_answer_review(redactor, path, text, stored.get(path)))
        if progress is not None:
            progress(n + 1, len(answers))
    return out


def save_overview(vault: Any, record_id: str, answers: Iterable[AnswerReview]) -> list[str]:
    """Store the decisions of every answer whose findings are all decided (those
    answers count as reviewed; returns their paths); an answer partly decided
    keeps its decisions flagged as changed (not reviewed). One custody entry."""
    rec = vault.get_record(record_id)
    payload = {k: dict(v) for k, v in (rec.redaction or {}).items() if isinstance(v, Mapping)}
    done: list[str] = []
    touched = False
    for a in answers:
        if a.undecided == 0:
            payload[a.path] = reviewed_entry(a.text, a.decisions())
            done.append(a.path)
            touched = True
        elif any(f.decision is not None for f in a.findings):
            payload[a.path] = {**reviewed_entry(a.text, a.decisions(with_undecided=False)), "partial": True}
            touched = True
    if touched:
        vault.set_redaction(record_id, payload)
    return done
