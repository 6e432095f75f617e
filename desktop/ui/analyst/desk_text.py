"""Words the desk shows for the core's codes (reasons, source kinds,
corroboration levels), translated through Qt like every interface string."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.core.services.desk import ActRef

from ..base.i18n import ltr
from ..base.labels import Labels


def num(n: int | float) -> str:
    """A count in the interface's digit style (Arabic-Indic in Arabic unless Settings say Western)."""
    return QLocale().toString(n)


# "1 testimony", "2 testimonies": each count with its noun in the form the number takes
# (Arabic says "٢ من الشهادات" for any number).
_COUNTED = {
    "source": (QT_TRANSLATE_NOOP("Desk", "{n} independent source"),
               QT_TRANSLATE_NOOP("Desk", "{n} independent sources")),
    "testimony": (QT_TRANSLATE_NOOP("Desk", "{n} testimony"), QT_TRANSLATE_NOOP("Desk", "{n} testimonies")),
    "device": (QT_TRANSLATE_NOOP("Desk", "{n} device"), QT_TRANSLATE_NOOP("Desk", "{n} devices")),
    "researcher": (QT_TRANSLATE_NOOP("Desk", "{n} researcher"), QT_TRANSLATE_NOOP("Desk", "{n} researchers")),
    "victim": (QT_TRANSLATE_NOOP("Desk", "{n} victim"), QT_TRANSLATE_NOOP("Desk", "{n} victims")),
}


def counted(kind: str, n: int) -> str:
    one, many = _COUNTED[kind]
    return _t(one if n == 1 else many).format(n=num(n))


def percent(share: float) -> str:
    return QLocale().toString(round(share * 100)) + QLocale().percent()


def code(text: str) -> str:
    """A code (interviewee, researcher, device, pseudonym) kept left to right inside Arabic text."""
    return ltr(text)


def _t(text: object) -> str:
    return QCoreApplication.translate("Desk", str(text))


def reason(code: str) -> str:
    return _t({
        "same_type": QT_TRANSLATE_NOOP("Desk", "same type of act"),
        "similar_type": QT_TRANSLATE_NOOP("Desk", "similar type of act"),
        "same_place": QT_TRANSLATE_NOOP("Desk", "same place"),
        "same_district": QT_TRANSLATE_NOOP("Desk", "same neighbourhood"),
        "overlapping_dates": QT_TRANSLATE_NOOP("Desk", "overlapping dates"),
        "same_day": QT_TRANSLATE_NOOP("Desk", "same day"),
        "vague_date": QT_TRANSLATE_NOOP("Desk", "date known only roughly"),
        "name": QT_TRANSLATE_NOOP("Desk", "names match (compared, not shown)"),
        "same_status": QT_TRANSLATE_NOOP("Desk", "same status"),
        "status_history": QT_TRANSLATE_NOOP("Desk", "a later status of the same person"),
        "same_incident": QT_TRANSLATE_NOOP("Desk", "same incident"),
        "same_sex": QT_TRANSLATE_NOOP("Desk", "same sex"),
        "age": QT_TRANSLATE_NOOP("Desk", "ages agree"),
        "same_force": QT_TRANSLATE_NOOP("Desk", "same force"),
        "unit_name": QT_TRANSLATE_NOOP("Desk", "unit named alike"),
    }.get(code, code))


def comma() -> str:
    return QCoreApplication.translate("Desk", ", ")


def reasons(codes: list[str]) -> str:
    return comma().join(reason(c) for c in codes) if codes else ""


def source_kind(code: str) -> str:
    return _t({
        "eyewitness": QT_TRANSLATE_NOOP("Desk", "eyewitness"),
        "victim": QT_TRANSLATE_NOOP("Desk", "victim"),
        "family": QT_TRANSLATE_NOOP("Desk", "relative"),
        "medical": QT_TRANSLATE_NOOP("Desk", "medical worker"),
        "aid_worker": QT_TRANSLATE_NOOP("Desk", "aid volunteer"),
        "researcher_observation": QT_TRANSLATE_NOOP("Desk", "researcher's observation"),
        "footage": QT_TRANSLATE_NOOP("Desk", "footage"),
    }.get(code, QT_TRANSLATE_NOOP("Desk", "other source")))


def kinds_counted(code: str, n: int) -> str:
    """"2 eyewitnesses", "1 relative": a number of sources of one kind."""
    forms = {
        "eyewitness": (QT_TRANSLATE_NOOP("Desk", "{n} eyewitness"), QT_TRANSLATE_NOOP("Desk", "{n} eyewitnesses")),
        "victim": (QT_TRANSLATE_NOOP("Desk", "{n} victim interviewed"),
                   QT_TRANSLATE_NOOP("Desk", "{n} victims interviewed")),
        "family": (QT_TRANSLATE_NOOP("Desk", "{n} relative"), QT_TRANSLATE_NOOP("Desk", "{n} relatives")),
        "medical": (QT_TRANSLATE_NOOP("Desk", "{n} medical worker"),
                    QT_TRANSLATE_NOOP("Desk", "{n} medical workers")),
        "aid_worker": (QT_TRANSLATE_NOOP("Desk", "{n} aid volunteer"),
                       QT_TRANSLATE_NOOP("Desk", "{n} aid volunteers")),
        "researcher_observation": (QT_TRANSLATE_NOOP("Desk", "{n} researcher's observation"),
                                   QT_TRANSLATE_NOOP("Desk", "{n} researcher's observations")),
        "footage": (QT_TRANSLATE_NOOP("Desk", "{n} footage review"), QT_TRANSLATE_NOOP("Desk", "{n} footage reviews")),
    }
    one, many = forms.get(code, (QT_TRANSLATE_NOOP("Desk", "{n} other source"),
                                 QT_TRANSLATE_NOOP("Desk", "{n} other sources")))
    return _t(one if n == 1 else many).format(n=num(n))


def level(code: str) -> str:
    return _t({
        "unassessed": QT_TRANSLATE_NOOP("Desk", "Not assessed yet"),
        "single_source": QT_TRANSLATE_NOOP("Desk", "Single source"),
        "partly_corroborated": QT_TRANSLATE_NOOP("Desk", "Partly corroborated"),
        "corroborated": QT_TRANSLATE_NOOP("Desk", "Corroborated"),
        "strongly_corroborated": QT_TRANSLATE_NOOP("Desk", "Strongly corroborated"),
        "contested": QT_TRANSLATE_NOOP("Desk", "Contested"),
    }.get(code, code))


def date_text(labels: Labels, act: ActRef) -> str:
    if act.start is None:
        return labels.unknown()
    if act.start == act.end:
        return labels.month(act.start.isoformat())
    if act.end and act.start.day == 1 and act.start.month == act.end.month and act.start.year == act.end.year \
            and (act.end + _dt.timedelta(days=1)).day == 1:
        return labels.month(act.start.isoformat()[:7])  # the whole month
    return QCoreApplication.translate("Desk", "{start} to {end}").format(start=labels.month(act.start.isoformat()),
                                        end=labels.month(act.end.isoformat() if act.end else None))


def act_line(labels: Labels, act: ActRef) -> str:
    """One act as the desk lists it: type, date, place, source."""
    return QCoreApplication.translate("Desk", "{type} · {date} · {place} · {source} {code}").format(
        type=labels.violation(act.act_type), date=date_text(labels, act),
        place=labels.place(act.district or act.city, act.city), source=source_kind(act.source_kind),
        code=code(act.interviewee or act.record_id[:8]))
