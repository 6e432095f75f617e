"""The desktop application's entry point and window shell.

``run_app(args)`` builds the QApplication, loads the language, and shows the
shell window, which swaps between first run, unlock and the main screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton, QStackedWidget, QWidget

from desktop.core import paths
from desktop.core.services import access

from .base import workers
from .base.forms import FormCatalog
from .base.i18n import Translations
from .base.settings import Settings
from .base.session import Session
from .first_run import FirstRunScreen
from .unlock import UnlockScreen

if TYPE_CHECKING:
    from desktop.core.services import Vault

    from .analyst.window import AnalystScreen
    from .main_window import MainScreen

APP_ID = "org.testimony.Testimony"


def vault_exists(path: Path) -> bool:
    return access.vault_exists(path)


def load_style(app: QApplication) -> None:
    qss = paths.resources_dir() / "styles" / "app.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


class ShellWindow(QMainWindow):
    """One top-level window; its centre is first run, unlock or the main screen."""

    unlocked = Signal()
    locked = Signal()

    def __init__(self, vault_path: Path, translations: Translations, demo: bool = False,
                 parent: QWidget | None = None, forms: FormCatalog | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell")
        self.vault_path = Path(vault_path)
        self.forms = forms if forms is not None else FormCatalog()
        self.translations = translations
        self.demo = demo
        self.session: Session | None = None
        self.main: MainScreen | AnalystScreen | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        screen = self.screen()
        self.fit_to(screen.availableGeometry() if screen is not None else None)
        self._set_title()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)
        from .base.screenlock import ScreenLockWatcher

        self.screen_watcher = ScreenLockWatcher(self)
        self.screen_watcher.screen_locked.connect(self.lock)
        if vault_exists(self.vault_path):
            self.show_unlock()
        else:
            self.show_first_run()
        # Loading the form definitions takes a moment; do it while the user types.
        QTimer.singleShot(100, self._warm_up_forms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _warm_up_forms(self) -> None:
        self._forms_warmup = workers.run_task(self.forms.interview_forms)

    # room for the window manager's title bar and borders, which Qt cannot know before showing
    FRAME_ALLOWANCE = QSize(16, 48)
    PREFERRED = QSize(1180, 760)

    def fit_to(self, available: QRect | None) -> None:
        """The preferred size, or the available screen area (a 1366x768 laptop with a panel)
        less the window frame, whichever is smaller: no button below the bottom edge."""
        size = QSize(self.PREFERRED)
        if available is not None and available.isValid():
            size = size.boundedTo(available.size() - self.FRAME_ALLOWANCE)
        self.resize(size)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter on a focused push button presses it, as Space does (Qt does this in dialogs only)."""
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and isinstance(obj, QPushButton)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and obj.isEnabled() and obj.isVisible() and obj.window() is self):
            obj.click()
            return True
        return super().eventFilter(obj, event)

    def _set_title(self) -> None:
        title = self.tr("Testimony")
        if self.demo:
            where = self.tr("headquarters") if self.vault_path.name == "hq" else self.tr("field laptop")
            title += " — " + self.tr("demo {where} (fictional data, wiped on exit)").format(where=where)
        self.setWindowTitle(title)

    def _replace(self, widget: QWidget) -> None:
        while self.stack.count():
            old = self.stack.widget(0)
            if old is None:
                break
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    @property
    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_first_run(self) -> None:
        screen = FirstRunScreen(self.vault_path)
        screen.created.connect(self.open_session)
        self._replace(screen)
        screen.pass1.setFocus()

    def show_unlock(self, message: str = "") -> None:
        screen = UnlockScreen(self.vault_path)
        screen.unlocked.connect(self.open_session)
        screen.wiped.connect(self.show_first_run)
        if message:
            screen.error.setText(message)
        if self.demo:
            from .demo import DEMO_PASSPHRASE

            screen.hint.setText(self.tr("Demo vault: the passphrase is “{p}”").format(p=DEMO_PASSPHRASE))
        self._replace(screen)
        screen.secret.setFocus()

    def _main_screen(self) -> MainScreen | AnalystScreen:
        """The analyst screen for a headquarters vault, the field screen otherwise."""
        assert self.session is not None
        if self.session.vault.mode == "analyst":
            from .analyst.window import AnalystScreen

            return AnalystScreen(self.session, self)
        from .main_window import MainScreen

        return MainScreen(self.session, self)

    def open_session(self, vault: Vault) -> None:
        screen = self.current
        tampered = isinstance(screen, UnlockScreen) and screen.guard_tampered
        self.session = Session(vault, self.forms, self)
        self.session.lang = self.translations.lang
        self.session.locked.connect(self._on_locked)
        main = self.main = self._main_screen()
        self._replace(main)
        self._focus_main()
        main.offer_drafts()
        self._reindex(vault)
        if tampered:
            self.warn_guard_tampered()
        from .recovery_dialog import remind_if_unconfirmed

        self.recovery_reminder = remind_if_unconfirmed(vault, main)
        self.unlocked.emit()

    def _reindex(self, vault: Vault) -> None:
        """Records the search index does not cover yet (a vault from an earlier
        release kept raw text there; the migration emptied it) are indexed from
        their redacted text, off the GUI thread."""
        from desktop.core.services import interviews

        if not interviews.needs_indexing(vault):
            return
        self.reindex_task = workers.run_task(
            lambda progress, cancelled: interviews.ensure_search_index(vault, progress, cancelled),
            with_progress=True)
        if self.session is not None:
            self.session.locking.connect(self.reindex_task.cancel)

    def warn_guard_tampered(self) -> None:
        """The failed-unlock counter was changed outside Testimony (recorded in custody)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unlock protection changed"), self.tr(
            "The failed-unlock counter of this vault was changed or removed outside Testimony since the last "
            "unlock. Someone may have tried to guess the passphrase. The setting was restored and the event "
            "recorded in the custody log."), QMessageBox.StandardButton.Ok, self)
        self.guard_warning = box
        box.open()

    def _focus_main(self) -> None:
        """After unlocking, keyboard focus in the list (the unlock field it was in is gone),
        so that the shortcuts work at once."""
        main = self.main
        view = getattr(main, "list_view", None) or getattr(main, "testimonies", None)
        target = getattr(view, "table", None) or main
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def lock(self) -> None:
        if self.session is not None and not self.session.is_locked:
            self.session.lock()

    def _on_locked(self) -> None:
        self.session = None
        self.main = None
        self.show_unlock(self.tr("Locked. Enter your passphrase to continue."))
        self.locked.emit()

    def wiped(self) -> None:
        """After a quick wipe: nothing left to unlock."""
        self.session = None
        self.main = None
        self.show_first_run()

    def set_language(self, lang: str) -> None:
        """Switch the interface language (or its digit style); rebuilds the screen in place."""
        if lang == self.translations.lang and Settings().digits == getattr(self.translations, "digits", None):
            return
        self.translations.install(lang)
        self._set_title()
        if self.session is not None and self.main is not None:
            self.session.lang = self.translations.lang
            state = self.main.save_state()
            self.main = self._main_screen()
            self._replace(self.main)
            self.main.restore_state(state)
        elif isinstance(self.current, UnlockScreen):
            self.show_unlock()
        else:
            self.show_first_run()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        # Suspended means the system is putting us to sleep (mobile, some desktops).
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.lock()
        super().closeEvent(event)


def _make_app(lang: str | None) -> tuple[QApplication, Translations]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Testimony")
    QCoreApplication.setOrganizationDomain("testimony.org")
    QCoreApplication.setApplicationName("Testimony")
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = paths.resources_dir() / "icons" / "testimony.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    load_style(app)
    from .base import gcguard

    app._gc_guard = gcguard.install(app)  # type: ignore[attr-defined]
    translations = Translations(app)
    translations.install(lang or Settings().language)
    return app, translations


def run_app(args: argparse.Namespace) -> int:
    paths.restrict_permissions()
    lang = getattr(args, "lang", None)
    demo = bool(getattr(args, "demo", False))
    vault_arg = getattr(args, "vault", None)
    demo_root: Path | None = None
    if demo:
        # throwaway vaults (encrypted like any other, fictional content), wiped on exit
        demo_root = Path(tempfile.mkdtemp(prefix="testimony-demo-"))
        os.environ.setdefault("TESTIMONY_KDF_PROFILE", "floor")
    app, translations = _make_app(lang)
    windows: list[ShellWindow] = []
    try:
        if demo_root is not None:
            windows = open_demo(demo_root, translations)
        else:
            path = Path(vault_arg) if vault_arg else paths.default_vault_dir()
            windows = [ShellWindow(path, translations)]
            windows[0].show()
        code = app.exec()
        for window in windows:
            window.lock()
        workers.wait_all()
        return int(code)
    finally:
        if demo_root is not None:
            close_demo(demo_root)


def open_demo(root: Path, translations: Translations) -> list[ShellWindow]:
    """The field laptop's window and the headquarters window, side by side."""
    from .demo import create_demo_pair

    catalog = FormCatalog()
    field, hq = create_demo_pair(root, catalog)
    windows = []
    for vault, where in ((field, "field"), (hq, "hq")):
        window = ShellWindow(root / where, translations, demo=True, forms=catalog)
        window.open_session(vault)
        window.show()
        windows.append(window)
    windows[1].move(windows[0].x() + 60, windows[0].y() + 60)
    return windows


def close_demo(root: Path) -> None:
    """Wipe what is left of the demo vaults (a quick wipe inside the demo may have done
    it already) and remove the temporary folder."""
    workers.wait_all()
    for where in ("field", "hq"):
        if vault_exists(root / where):
            access.wipe(root / where)
    shutil.rmtree(root, ignore_errors=True)
