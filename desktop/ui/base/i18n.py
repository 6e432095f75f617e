"""Loading the interface language (Qt's own .qm files) and its direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.core import paths

LANGUAGES = ("en", "ar")


class Translations:
    """Holds the installed translators so they can be swapped at run time."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.lang = "en"

    def install(self, lang: str) -> bool:
        """Switch to ``lang``; returns False if its translation is missing."""
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
        QLocale.setDefault(QLocale(QLocale.Language.Arabic if self.lang == "ar" else QLocale.Language.English))
        self._app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.lang == "ar" else Qt.LayoutDirection.LeftToRight)
        return ok


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
