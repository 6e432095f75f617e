"""Perpetrator units named in different testimonies that may be one unit: the
same force and the same words once ordinals and unit words are normalised
("4th Division" = "الفرقة الرابعة"). Suggestions only; the analyst confirms."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .model import UnitMention


@dataclass
class UnitSuggestion:
    a: UnitMention
    b: UnitMention
    score: float
    reasons: list[str]
    mentions: list[tuple[str, str]] = field(default_factory=list)  # every mention the suggestion would link



# ---------------------------------------------------------------- perpetrator units

_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
             "eighth": "8", "ninth": "9", "tenth": "10", "الاول": "1", "الاولى": "1", "الثاني": "2", "الثانيه": "2",
             "الثالث": "3", "الثالثه": "3", "الرابع": "4", "الرابعه": "4", "الخامس": "5", "الخامسه": "5",
             "السادس": "6", "السادسه": "6", "السابع": "7", "السابعه": "7", "الثامن": "8", "الثامنه": "8",
             "التاسع": "9", "التاسعه": "9", "العاشر": "10", "العاشره": "10"}
_UNIT_WORDS = {"division": "div", "فرقه": "div", "الفرقه": "div", "brigade": "bde", "لواء": "bde", "اللواء": "bde",
               "regiment": "rgt", "فوج": "rgt", "الفوج": "rgt", "battalion": "btn", "كتيبه": "btn", "الكتيبه": "btn",
               "branch": "branch", "فرع": "branch", "intelligence": "intel", "مخابرات": "intel", "المخابرات": "intel",
               "air": "air", "الجويه": "air", "جويه": "air", "force": "", "security": "sec", "امن": "sec",
               "الامن": "sec", "military": "mil", "العسكريه": "mil", "عسكريه": "mil", "armoured": "", "armored": "",
               "المدرعه": "", "republican": "rep", "الجمهوري": "rep", "guard": "guard", "الحرس": "guard",
               "حرس": "guard", "the": "", "of": "", "al": ""}


def unit_tokens(text: str) -> frozenset[str]:
    from .names import _arabic_norm

    words = re.split(r"[\s\-_.,;:/()]+", _arabic_norm(text.lower()))
    out = set()
    for w in words:
        if not w:
            continue
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", w)
        if m:
            out.add(m.group(1))
            continue
        w = _ORDINALS.get(w, w)
        w = _UNIT_WORDS.get(w, w)
        if w:
            out.add(w)
    return frozenset(out)


def suggest_units(mentions: list[UnitMention], confirmed: dict[tuple[str, str], str],
                  rejected: set[tuple[tuple[str, str], tuple[str, str]]]) -> list[UnitSuggestion]:
    """Perpetrator units named in different testimonies that may be one unit (same force, same words).

    Mentions naming a unit with the same words form one group; a suggestion
    joins two groups (or confirms one group named alike in several
    testimonies) and lists every mention it would link."""
    groups: dict[tuple[str, frozenset[str]], list[UnitMention]] = defaultdict(list)
    for m in mentions:
        toks = unit_tokens(m.unit)
        if toks:
            groups[(m.perp_type or "?", toks)].append(m)
    keys = list(groups)
    out = []

    def open_keys(ms: list[UnitMention]) -> list[tuple[str, str]]:
        return [m.key for m in ms]

    for i, ka in enumerate(keys):
        for kb in keys[i:]:
            if ka[0] != kb[0]:
                continue
            union = ka[1] | kb[1]
            score = len(ka[1] & kb[1]) / len(union)
            if score < 0.6:
                continue
            members = groups[ka] + (groups[kb] if kb != ka else [])
            if len({m.record_id for m in members}) < 2:
                continue
            people = {confirmed.get(m.key) for m in members}
            if len(people) == 1 and None not in people:
                continue  # already one unit
            a, b = members[0], next((m for m in members[1:] if m.record_id != members[0].record_id), members[-1])
            pair = (a.key, b.key) if a.key <= b.key else (b.key, a.key)
            if pair in rejected:
                continue
            reasons = ["same_force", "unit_name"]
            out.append(UnitSuggestion(a, b, round(score, 2), reasons, open_keys(members)))
    out.sort(key=lambda s: (-s.score, -len(s.mentions), s.a.key))
    return out
