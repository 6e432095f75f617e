"""On a machine that lacks Qt's system libraries, `testimony` prints the exact
apt-get line instead of letting Qt abort."""

import subprocess
import sys

from desktop import syscheck


def test_missing_libraries_name_their_packages(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    msg = syscheck.desktop_problem(loadable=lambda so: so not in absent)
    assert msg is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in msg


def test_ready_machine_has_no_problem(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    assert syscheck.desktop_problem(loadable=lambda so: True) is None


def test_offscreen_needs_no_x11_libraries(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert syscheck.missing_qt_packages(loadable=lambda so: False) == []


def test_no_display_is_said_in_one_message(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c")}
    proc = subprocess.run([sys.executable, "-m", "desktop.cli"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "testimony --help" in proc.stderr
