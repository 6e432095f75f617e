"""Turning stored answers into display text (labels from the form, in the UI language)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.core.services import interviews

from .base.i18n import date_text
from .base.widgets import clean_text

if TYPE_CHECKING:
    from desktop.core.forms import Field


def _word(words: dict[str, str], code: object) -> str:
    """The word for a stored code ("" for a code it does not know)."""
    return words.get(code, "") if isinstance(code, str) else ""


def _pick(texts: dict[str, str], lang: str) -> str:
    if not texts:
        return ""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def format_date(v: dict[str, Any]) -> str:
    p = v.get("precision")
    if p == "day":
        return date_text(str(v.get("date", "")))
    if p == "month":
        return date_text(str(v.get("month", "")))
    if p == "part_of_month":
        parts = {
            "early": QCoreApplication.translate("AnswersFormat", "early"),
            "mid": QCoreApplication.translate("AnswersFormat", "middle of"),
            "late": QCoreApplication.translate("AnswersFormat", "late"),
        }
        part = _word(parts, v.get("part"))
        return f"{part} {date_text(str(v.get('month', '')))}"
    if p == "year":
        return date_text(str(v.get("year", "")))
    if p == "range":
        return QCoreApplication.translate("AnswersFormat", "between {a} and {b}").format(
            a=date_text(str(v.get("from", ""))), b=date_text(str(v.get("to", ""))))
    if p == "unknown":
        return QCoreApplication.translate("AnswersFormat", "not known")
    return json.dumps(v, ensure_ascii=False)


def format_value(field: Field, value: Any, lang: str) -> str:
    if value is None:
        return ""
    t = getattr(field, "type", "text")
    if t in ("select_one",):
        c = field.choice(value) if hasattr(field, "choice") else None
        return clean_text(c.text(lang) if c else value)
    if t == "select_multiple" and isinstance(value, list):
        out = []
        for v in value:
            c = field.choice(v)
            out.append(c.text(lang) if c else str(v))
        return clean_text(", ".join(out))
    if t == "yes_no_unknown":
        return {
            "yes": QCoreApplication.translate("AnswersFormat", "Yes"),
            "no": QCoreApplication.translate("AnswersFormat", "No"),
            "unknown": QCoreApplication.translate("AnswersFormat", "Not known"),
        }.get(value, str(value))
    if t == "consent":
        if value:
            return QCoreApplication.translate("AnswersFormat", "Agrees")
        return QCoreApplication.translate("AnswersFormat", "Does not agree")
    if t == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return QLocale().toString(value)
    if t == "boolean":
        if value:
            return QCoreApplication.translate("AnswersFormat", "Yes")
        return QCoreApplication.translate("AnswersFormat", "No")
    if t == "approx_date" and isinstance(value, dict):
        return format_date(value)
    if t == "time" and isinstance(value, dict):
        if value.get("precision") == "exact":
            return date_text(str(value.get("time", "")))
        if value.get("precision") == "period":
            periods = {
                "morning": QCoreApplication.translate("AnswersFormat", "morning"),
                "afternoon": QCoreApplication.translate("AnswersFormat", "afternoon"),
                "evening": QCoreApplication.translate("AnswersFormat", "evening"),
                "night": QCoreApplication.translate("AnswersFormat", "night"),
            }
            return _word(periods, value.get("period"))
        return QCoreApplication.translate("AnswersFormat", "not known")
    if t == "location" and isinstance(value, dict):
        parts = []
        gaz = getattr(field, "gazetteer", None)
        city = value.get("city")
        if city:
            place = gaz.places.get(city) if gaz else None
            parts.append(_pick(place.label, lang) if place else city)
            d = value.get("district")
            if d:
                parts.append(_pick(place.districts.get(d, {}), lang) if place else d)
        if value.get("text"):
            parts.append(value["text"])
        if value.get("lat") is not None:
            parts.append(f"{value.get('lat')}, {value.get('lon')}")
        return clean_text(" — ".join(p for p in parts if p))
    if isinstance(value, (dict, list)):
        return clean_text(json.dumps(value, ensure_ascii=False))
    return clean_text(value)


def record_facts(form: Any, answers: dict[str, Any], lang: str) -> dict[str, str]:
    """The list's words for what tells one interview from another (chosen by
    ``interviews.list_facts``: no identifying answer, no free text)."""
    out = {"code": "", "date": "", "place": "", "summary": ""}
    if form is None:
        return out
    for key, (f, value) in interviews.list_facts(form, answers).items():
        out[key] = clean_text(value) if key == "code" else format_value(f, value, lang)
    return out


def human_path(form: Any, path: str, lang: str, leaf: Any = None) -> str:
    """Where an answer sits, as the researcher saw it: "Act 2 › Victim 1 › Name", not
    ``acts[1].act_victims[0].name``. ``leaf``: the field to name last when the path ends
    below a field (a place's words: ``event_location.text``)."""
    out: list[str] = []
    definition: list[str] = []
    last = None
    for seg in path.split("."):
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?", seg)
        if not m or not form.has_field(".".join([*definition, m.group(1)])):
            break
        definition.append(m.group(1))
        last = form.field(".".join(definition))
        if m.group(2) is not None:
            name = last.entry_text(lang) or last.title(lang)
            out.append(f"{name} {QLocale().toString(int(m.group(2)) + 1)}")
            last = None
    named = leaf if leaf is not None else last
    if named is not None:
        out.append(named.title(lang))
    return clean_text(" › ".join(out)) if out else clean_text(path)
