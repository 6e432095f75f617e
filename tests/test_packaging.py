"""Packaging: the PyInstaller build runs its own --self-test, opens the GUI,
and ships its desktop integration files (packaging/, issue 6).

The build takes about a minute on two cores; it runs once per session into a
temporary folder. Skipped only when PyInstaller is not installed.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "org.testimony.Testimony"

_spec = importlib.util.spec_from_file_location("testimony_packaging_build", PACKAGING / "build.py")
packaging_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(packaging_build)

needs_pyinstaller = pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (it comes with the test extras: pip install -e '.[test]')",
)


# ----------------------------------------------------------- static files


def _desktop_entry() -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # keys are case-sensitive
    cp.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return cp["Desktop Entry"]


def test_desktop_file():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Testimony"
    assert entry["Icon"] == APP_ID  # found in hicolor by the reverse-DNS name
    assert entry["Exec"].split()[0] == "testimony"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")


def test_metainfo():
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.findtext("provides/binary") == "testimony"
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert version in [r.get("version") for r in root.iter("release")], "add a <release> for this version"


def test_icons():
    from PIL import Image

    ET.parse(PACKAGING / "icons" / f"{APP_ID}.svg")  # well-formed
    for size in packaging_build.ICON_SIZES:
        with Image.open(PACKAGING / "icons" / f"{APP_ID}-{size}.png") as im:
            assert im.size == (size, size) and im.mode == "RGBA"
            assert im.getpixel((0, 0))[3] == 0, "corners are transparent"
            assert im.getpixel((size // 2, size // 2))[3] == 255
    with Image.open(PACKAGING / "icons" / "testimony.ico") as im:  # Windows (the spec's icon=)
        assert (256, 256) in im.info["sizes"]
    with Image.open(PACKAGING / "icons" / "testimony.icns") as im:  # macOS
        assert im.size == (1024, 1024)


def test_spec_keeps_the_qt_modules_the_app_imports():
    spec = (PACKAGING / "testimony.spec").read_text(encoding="utf-8")
    block = spec[spec.index("qt_excludes = ["):spec.index("excludes = qt_excludes")]
    excluded = set(re.findall(r'"(Qt\w+)"', block))
    imported = set()
    for py in (ROOT / "desktop").rglob("*.py"):
        imported |= set(re.findall(r"\bPySide6\.(Qt\w+)", py.read_text(encoding="utf-8")))
    assert {"QtCore", "QtWidgets"} <= imported
    assert not imported & excluded, f"the spec excludes Qt modules the app imports: {imported & excluded}"


# ----------------------------------------------------------- the build


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Build once into a temporary folder; returns dist/testimony."""
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work"), "--no-check"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    print(f"\nPyInstaller build: {time.monotonic() - started:.0f} s")
    return out / "dist" / "testimony"


@needs_pyinstaller
@pytest.mark.slow
def test_built_binary_passes_self_test(built, tmp_path):
    env = packaging_build.isolated_env(tmp_path)
    proc = subprocess.run([str(packaging_build.executable(built)), "--self-test"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout
    # It used a temporary folder and cleaned it up; it never made a vault in the data folder.
    assert not any((tmp_path / "tmp").iterdir())
    assert not any((tmp_path / "data").rglob("keyslots.*"))


@needs_pyinstaller
@pytest.mark.slow
def test_built_binary_uses_bundled_resources(built, tmp_path):
    """Forms, vocabularies and word lists are found inside the bundle."""
    env = packaging_build.isolated_env(tmp_path)
    forms = subprocess.run([str(packaging_build.executable(built)), "forms", "list"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert forms.returncode == 0, forms.stderr
    assert len(forms.stdout.strip().splitlines()) >= 2
    redact = subprocess.run([str(packaging_build.executable(built)), "redact"], env=env,
                            input="Call me on +44 20 7946 0958.\n", capture_output=True, text=True,
                            timeout=120)
    assert redact.returncode == 0, redact.stderr
    assert "7946" not in redact.stdout and "[PHONE-1]" in redact.stdout


@needs_pyinstaller
@pytest.mark.slow
def test_built_gui_paints_first_run(built, tmp_path):
    """A plain start with a fresh data folder paints the first-run screen and keeps running."""
    env = packaging_build.isolated_env(tmp_path)
    env["QT_LOGGING_RULES"] = "qt.widgets.painting=true"  # Qt logs each widget it draws
    err_path = tmp_path / "stderr.txt"
    painted = re.compile(r"Drawing .* of (FirstRunScreen\(|\w+\([^)]*name=\"firstRun\")")
    with open(err_path, "w") as err:
        proc = subprocess.Popen([str(packaging_build.executable(built))], env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                if painted.search(err_path.read_text(errors="replace")):
                    break
                time.sleep(0.2)
            log = err_path.read_text(errors="replace")
            assert proc.poll() is None, f"the GUI exited with {proc.returncode}:\n{log[-3000:]}"
            assert painted.search(log), "the first-run screen was never painted"
            time.sleep(1.5)  # still alive a moment after painting
            assert proc.poll() is None, f"the GUI exited with {proc.returncode}:\n{log[-3000:]}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert "Traceback" not in err_path.read_text(errors="replace")


@needs_pyinstaller
@pytest.mark.slow
def test_bundle_layout(built):
    internal = built / "_internal"
    # resources sit inside the import package, where importlib.resources finds them.
    assert (internal / "desktop" / "resources" / "forms").is_dir()
    assert (internal / "desktop" / "resources" / "i18n" / "testimony_ar.qm").is_file()
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ar.qm").is_file()
    # Desktop integration next to the binary (Linux).
    if sys.platform.startswith("linux"):
        share = built / "share"
        assert (share / "applications" / f"{APP_ID}.desktop").is_file()
        assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
        assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
        assert (built / "install.sh").is_file()
    # Only the Qt we use: no QML/Quick, WebEngine, 3D, Multimedia, Network.
    heavy = re.compile(r"Qt6?(Qml|Quick|WebEngine|3D|Multimedia|Network|Pdf|Designer)")
    assert not [p.name for p in internal.rglob("*") if heavy.search(p.name)]
    assert not [str(p) for p in built.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    size = packaging_build.folder_size(built)
    # 300 MiB before media cleaning and faces; FFmpeg's libraries (PyAV, about 100 MB), qpdf
    # (pikepdf) and onnxruntime with numpy for the face model brought it to about 365 MiB.
    assert size < 400 * 2**20, f"the build grew to {size / 2**20:.0f} MiB"
