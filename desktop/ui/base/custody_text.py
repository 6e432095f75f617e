"""Custody-log details as a line people read ("revision 2 · via the window"), not JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from .i18n import digits, ltr
from .widgets import clean_text


def action_text(action: str) -> str:
    """A custody entry's action as people say it ("new revision"), the code when unknown."""
    names = {
        "record.create": QT_TRANSLATE_NOOP("CustodyText", "record created"),
        "record.revise": QT_TRANSLATE_NOOP("CustodyText", "new revision"),
        "identity.reveal": QT_TRANSLATE_NOOP("CustodyText", "identifying details revealed"),
        "attachment.import": QT_TRANSLATE_NOOP("CustodyText", "attachment imported"),
        "redaction.review": QT_TRANSLATE_NOOP("CustodyText", "redaction reviewed"),
        "export": QT_TRANSLATE_NOOP("CustodyText", "exported"),
        "identity.forget": QT_TRANSLATE_NOOP("CustodyText", "identities destroyed"),
        "record.link": QT_TRANSLATE_NOOP("CustodyText", "linked"),
        "bundle.import": QT_TRANSLATE_NOOP("CustodyText", "received from the field"),
        "bundle.export": QT_TRANSLATE_NOOP("CustodyText", "exported"),
        "record.delete": QT_TRANSLATE_NOOP("CustodyText", "deleted"),
    }
    return QCoreApplication.translate("CustodyText", str(names[action])) if action in names else action


def _names() -> dict[str, str]:
    return {
        "form": QCoreApplication.translate("CustodyText", "form"),
        "version": QCoreApplication.translate("CustodyText", "version"),
        "rev": QCoreApplication.translate("CustodyText", "revision"),
        "bundle": QCoreApplication.translate("CustodyText", "bundle"),
        "recipient": QCoreApplication.translate("CustodyText", "to"),
        "device": QCoreApplication.translate("CustodyText", "device"),
        "researcher": QCoreApplication.translate("CustodyText", "researcher"),
        "via": QCoreApplication.translate("CustodyText", "via"),
        "reason": QCoreApplication.translate("CustodyText", "reason"),
        "other": QCoreApplication.translate("CustodyText", "linked to"),
        "kind": QCoreApplication.translate("CustodyText", "link"),
        "attachments": QCoreApplication.translate("CustodyText", "attachments"),
        "attachment": QCoreApplication.translate("CustodyText", "attachment"),
        "sha256": QCoreApplication.translate("CustodyText", "SHA-256"),
        "fingerprint": QCoreApplication.translate("CustodyText", "fingerprint"),
        "org": QCoreApplication.translate("CustodyText", "organisation"),
        "records": QCoreApplication.translate("CustodyText", "records"),
        "mode": QCoreApplication.translate("CustodyText", "mode"),
    }


def _vias() -> dict[str, str]:
    return {
        "gui": QCoreApplication.translate("CustodyText", "the window"),
        "gui-edit": QCoreApplication.translate("CustodyText", "editing in the window"),
        "cli": QCoreApplication.translate("CustodyText", "the command line"),
    }


def _value(key: str, value: Any, form_title: Callable[[str], str] | None) -> str:
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("CustodyText", "yes")
        return QCoreApplication.translate("CustodyText", "no")
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, list):
        return QLocale().toString(len(value))
    if isinstance(value, dict):
        return QLocale().toString(len(value))
    text = clean_text(str(value))
    if key == "via":
        return _vias().get(text, text)
    if key == "form" and form_title is not None:  # the form's title, not its internal id
        return clean_text(form_title(text))
    if key in ("bundle", "attachment", "other", "sha256") and len(text) > 12:
        text = text[:8] + "…"  # an identifier: the start is enough to tell, the tooltip has it all
    if key in ("bundle", "attachment", "other", "sha256", "device", "fingerprint", "recipient", "version"):
        return ltr(digits(text))
    return text


def custody_details(details: dict[str, Any] | None, form_title: Callable[[str], str] | None = None) -> str:
    """One line of words; ``form_title`` names a form by its id (the screen's catalogue)."""
    if not details:
        return ""
    names = _names()
    parts = []
    for key in sorted(details):
        parts.append(f"{names.get(key, clean_text(key))}: {_value(key, details[key], form_title)}")
    return " · ".join(parts)
