"""Loading the interface language (Qt's own .qm files) and its direction."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.core import paths
from desktop.core.services import write_digits, zero_digit

LANGUAGES = ("en", "ar")


class Translations:
    """Holds the installed translators so they can be swapped at run time."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.lang = "en"
        self.digits = "native"

    def install(self, lang: str, digits: str | None = None) -> bool:
        """Switch to ``lang``; returns False if its translation is missing.

        ``digits``: "native" (Arabic-Indic in Arabic, the default) or "western"
        (0123); read from the settings when not given. One style per screen:
        every number goes through the default QLocale or :func:`digits`."""
        if digits is None:
            from .settings import Settings

            digits = Settings().digits
        lang = lang if lang in LANGUAGES else "en"
        for t in self._translators:
            self._app.removeTranslator(t)
        self._translators = []
        ok = True
        if lang != "en":
            ours = QTranslator(self._app)
            ok = ours.load(str(paths.resources_dir() / "i18n" / f"testimony_{lang}.qm"))
            if ok:
                self._app.installTranslator(ours)
                self._translators.append(ours)
            qt = QTranslator(self._app)
            if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._app.installTranslator(qt)
                self._translators.append(qt)
        self.lang = lang if ok else "en"
        if self.lang == "ar":
            # ar_SY writes ٠١٢٣ and the Levantine months (شباط) the researchers use; no Arabic
            # locale has those months with 0123: ar_001 (0123, 1,234) (the rule: core/numerals.py)
            native = zero_digit(self.lang, digits) != "0"
            territory = QLocale.Country.Syria if native else QLocale.Country.World
            QLocale.setDefault(QLocale(QLocale.Language.Arabic, territory))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English))
        self.digits = digits
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.lang == "ar" else Qt.LayoutDirection.LeftToRight)
        return ok


def digits(text: str) -> str:
    """ASCII digits written in the interface's digit style (dates, times)."""
    return write_digits(text, QLocale().zeroDigit())


def ltr(text: str) -> str:
    """Kept left to right inside right-to-left text (a date, a path, JSON): an isolate,
    so that 2026-12-01 is never shown as 01-12-2026."""
    return "\u2066" + text + "\u2069" if text else text


def date_text(text: str) -> str:
    """A date or time in the interface's digits, kept in year-month-day order inside
    right-to-left text. Arabic-Indic digits are Arabic numbers to the bidi algorithm:
    joined by "-" they are laid out from the right (٠١-١٢-٢٠٢٦) even inside an isolate;
    joined by "/" they stay one number (٢٠٢٦/١٢/٠١), as Arabic dates are written."""
    written = digits(text)
    if written != text:
        written = re.sub(r"(?<=\d)-(?=\d)", "/", written)
    return ltr(written)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
