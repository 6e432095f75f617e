"""What the field and the analyst screens share: settings, quick wipe and the
toolbar-action helper. It opens screens, so it lives beside them (not in
ui/base, which imports no screen). Each screen has ``session``, ``shell``,
``idle`` and ``toolbar``; ``_before_wipe`` lets a screen drop unsaved work first."""

from __future__ import annotations

from .base.widgets import WIPE_SHORTCUT, toolbar_action

__all__ = ["WIPE_SHORTCUT", "ScreenActions"]


class ScreenActions:
    def _action(self, text: str, shortcut, slot, icon=None):
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
