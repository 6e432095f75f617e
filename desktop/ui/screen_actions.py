"""What the field and the analyst screens share: settings, quick wipe and the
toolbar-action helper. It opens screens, so it lives beside them (not in
ui/base, which imports no screen). Each screen has ``session``, ``shell``,
``idle`` and ``toolbar``; ``_before_wipe`` lets a screen drop unsaved work first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QToolBar

from .base.widgets import WIPE_SHORTCUT, Shortcut, toolbar_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.core.services import Vault

    from .base.idle import IdleWatcher
    from .base.session import Session
    from .settings_dialog import SettingsDialog
    from .wipe_dialog import QuickWipeDialog

    _Screen = QWidget  # the mixin is only ever a base of a QWidget screen
else:
    _Screen = object

__all__ = ["WIPE_SHORTCUT", "ScreenActions", "Shell"]


class Shell(Protocol):
    """What a screen asks of the window that holds it."""

    def set_language(self, lang: str) -> None: ...
    def lock(self) -> None: ...
    def wiped(self) -> None: ...


class ScreenActions(_Screen):
    session: Session
    vault: Vault
    shell: Shell
    idle: IdleWatcher
    toolbar: QToolBar
    settings_dialog: SettingsDialog
    wipe_dialog: QuickWipeDialog

    def _action(self, text: str, shortcut: Shortcut | None, slot: Callable[[], object],
                icon: QIcon | None = None) -> QAction:
        return toolbar_action(self, self.toolbar, text, shortcut, slot, icon)

    def settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.session, self)
        dlg.language_changed.connect(self.shell.set_language)
        dlg.autolock_changed.connect(self.idle.set_minutes)
        self.settings_dialog = dlg
        dlg.open()

    def quick_wipe(self) -> None:
        from .wipe_dialog import QuickWipeDialog

        dlg = QuickWipeDialog(self)
        dlg.confirmed.connect(self._wipe)
        self.wipe_dialog = dlg
        dlg.open()

    def _before_wipe(self) -> None:
        """Overridden where a screen holds unsaved work to abandon."""

    def _wipe(self) -> None:
        from desktop.core.services import access

        shell, path = self.shell, self.vault.path
        self._before_wipe()
        self.session.locked.disconnect()
        self.session.lock()
        access.wipe(path)
        shell.wiped()
