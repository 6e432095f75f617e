"""Lock when the session's screen locks or the machine goes to sleep.

Qt cannot tell this portably. On Linux we listen on D-Bus, where available:
``org.freedesktop.ScreenSaver.ActiveChanged`` (and GNOME's variant) on the
session bus and logind's ``PrepareForSleep`` on the system bus. Elsewhere,
``applicationStateChanged`` and the idle timer are what we have.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Signal, Slot

try:
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # pragma: no cover - QtDBus is part of PySide6-Essentials on Linux
    QDBusConnection = None  # type: ignore[assignment,misc]


# PySide6's stubs type connect()'s slot as bytes, but at run time it takes only the str
# that SLOT() returns (bytes raise ValueError): hence the two call-overload ignores below.


class ScreenLockWatcher(QObject):
    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        if QDBusConnection is None:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, iface in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):
                if session.connect(service, path, iface, "ActiveChanged", self,  # type: ignore[call-overload]
                                   SLOT("_on_active(bool)")):
                    self.listening.append(iface)
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(  # type: ignore[call-overload]
                "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, SLOT("_on_sleep(bool)")):
            self.listening.append("login1")

    @Slot(bool)
    def _on_active(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot(bool)
    def _on_sleep(self, going: bool) -> None:
        if going:
            self.screen_locked.emit()
