"""Interface preferences in a QSettings INI file under the config folder.

Only preferences live here: language, auto-lock minutes, the default export
recipient's fingerprint. Never testimony, names,
passphrases, recent files or window contents.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.core import paths
from desktop.core.services import DIGIT_STYLES  # Arabic-Indic (٠١٢٣) in Arabic, or 0123 everywhere

ALLOWED = {"language", "autolock_minutes", "export_recipient", "digits"}


class Settings:
    def __init__(self) -> None:
        path = paths.config_dir() / "ui.ini"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._q = QSettings(str(path), QSettings.Format.IniFormat)

    def _int(self, key: str, default: int) -> int:
        """A whole-number setting; ValueError or TypeError when what is stored is not one."""
        value = self._q.value(key, default)
        if not isinstance(value, (int, float, str, bytes)):
            raise TypeError(f"{key}: {type(value).__name__} is not a number")
        return int(value)

    def _set(self, key: str, value: object) -> None:
        assert key in ALLOWED, key
        self._q.setValue(key, value)
        self._q.sync()

    @property
    def language(self) -> str:
        value = str(self._q.value("language", "en"))
        return value if value in ("en", "ar") else "en"

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value if value in ("en", "ar") else "en")

    @property
    def digits(self) -> str:
        value = str(self._q.value("digits", "native"))
        return value if value in DIGIT_STYLES else "native"

    @digits.setter
    def digits(self, value: str) -> None:
        self._set("digits", value if value in DIGIT_STYLES else "native")

    @property
    def autolock_minutes(self) -> int:
        try:
            return max(0, min(240, self._int("autolock_minutes", 5)))
        except (TypeError, ValueError):
            return 5

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self._set("autolock_minutes", int(value))

    @property
    def export_recipient(self) -> str:
        value = str(self._q.value("export_recipient", "") or "")
        # A fingerprint only: hex digits, spaces and dashes, short.
        return value if len(value) <= 80 and all(c in "0123456789abcdefABCDEF -:" for c in value) else ""

    @export_recipient.setter
    def export_recipient(self, value: str) -> None:
        self._set("export_recipient", value.strip())

    def take_legacy_wipe_after(self) -> int:
        """The wipe-after-failures setting of older releases, which kept it here (it now
        lives in the vault); read once, then removed with its counter."""
        try:
            value = max(0, self._int("wipe_after_failures", 0))
        except (TypeError, ValueError):
            value = 0
        if self._q.contains("wipe_after_failures") or self._q.contains("failed_unlocks"):
            self._q.remove("wipe_after_failures")
            self._q.remove("failed_unlocks")
            self._q.sync()
        return value
