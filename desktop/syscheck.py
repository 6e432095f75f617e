"""Before Qt is imported: are the system libraries it needs on this machine?

Minimal Debian and Ubuntu images lack some of the libraries that Qt's X11
platform plugin loads; without them Qt aborts with a message that names the
wrong package. We try to load each one first and, if any is missing, print the
exact ``apt-get install`` line instead of starting.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# soname -> Debian/Ubuntu package that provides it (what PySide6's xcb plugin loads)
QT_XCB_LIBS: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_qt_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """Debian packages to install before the window can open (empty when ready)."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []  # offscreen, wayland...: not the xcb plugin
    return sorted({pkg for so, pkg in QT_XCB_LIBS.items() if not loadable(so)})


def desktop_problem(loadable: Callable[[str], bool] = _loadable) -> str | None:
    """One message saying why the window cannot open here, or None."""
    missing = missing_qt_packages(loadable)
    if missing:
        return ("the window needs system libraries that this machine lacks; install them with:\n"
                f"    sudo apt-get install {' '.join(missing)}\n"
                "(the command line works without them: testimony --help)")
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        return ("no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                "start it from the desktop session, or use the command line: testimony --help")
    return None
