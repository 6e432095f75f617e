#!/usr/bin/env python3
"""Build Testimony as a self-contained folder with PyInstaller, then prove it
works by running the built binary's ``--self-test``.

    .venv/bin/python packaging/build.py                 # -> dist/testimony/
    .venv/bin/python packaging/build.py --tarball       # also dist/testimony-<v>-linux-<arch>.tar.gz
    .venv/bin/python packaging/build.py --dist D --work W --no-check

Runs offline: everything comes from the virtual environment it is started
with (PyInstaller must be installed there: ``pip install pyinstaller``).
On Linux the folder also gets the desktop integration files under share/
(.desktop, AppStream metainfo, icons) and install.sh; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_ID = "org.testimony.Testimony"
ICON_SIZES = (48, 128, 256)


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def executable(folder: Path) -> Path:
    """The built binary that prints to the terminal (the one --self-test uses)."""
    if sys.platform == "win32":
        return folder / "testimony-cli.exe"
    return folder / "testimony"


def isolated_env(base: Path) -> dict[str, str]:
    """An environment whose home, XDG folders and temp folder are all under ``base``,
    so a check never touches the user's own vault or settings."""
    env = dict(os.environ)
    for name in ("home", "data", "config", "cache", "state", "runtime", "tmp"):
        (base / name).mkdir(parents=True, exist_ok=True)
    (base / "runtime").chmod(0o700)
    env.update({
        "HOME": str(base / "home"), "USERPROFILE": str(base / "home"),
        "XDG_DATA_HOME": str(base / "data"), "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_CACHE_HOME": str(base / "cache"), "XDG_STATE_HOME": str(base / "state"),
        "XDG_RUNTIME_DIR": str(base / "runtime"),
        "TMPDIR": str(base / "tmp"), "TEMP": str(base / "tmp"), "TMP": str(base / "tmp"),
        "QT_QPA_PLATFORM": "offscreen", "TESTIMONY_KDF_PROFILE": "floor",
    })
    for name in ("TESTIMONY_RESOURCES", "TESTIMONY_PASSPHRASE", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)  # the bundle must find its own resources and code
    return env


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit(f"PyInstaller is not installed in {sys.prefix}: {sys.executable} -m pip install pyinstaller")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    cmd.append(str(PACKAGING / "testimony.spec"))
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)


def add_linux_integration(folder: Path) -> None:
    """share/ with the .desktop file, metainfo and icons, plus install.sh."""
    share = folder / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        d = icons / f"{size}x{size}" / "apps"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PACKAGING / "icons" / f"{APP_ID}-{size}.png", d / f"{APP_ID}.png")
    d = icons / "scalable" / "apps"
    d.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "icons" / f"{APP_ID}.svg", d)
    shutil.copy2(PACKAGING / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)


def self_test(folder: Path) -> None:
    binary = executable(folder)
    with tempfile.TemporaryDirectory(prefix="testimony-build-check-") as tmp:
        proc = subprocess.run([str(binary), "--self-test"], env=isolated_env(Path(tmp)),
                              capture_output=True, text=True, timeout=300)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0 or "self-test passed" not in proc.stdout:
        sys.exit(f"the built binary failed its self-test (exit {proc.returncode})")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def tarball(folder: Path, dist: Path) -> Path:
    arch = platform.machine().lower() or "unknown"
    name = f"testimony-{version()}-linux-{arch}"
    out = dist / f"{name}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname=name)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                   help="PyInstaller's work folder (default: build/pyinstaller)")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    p.add_argument("--no-check", action="store_true", help="do not run the built binary's --self-test")
    p.add_argument("--tarball", action="store_true", help="also pack the folder as a .tar.gz (Linux)")
    args = p.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.monotonic()
    run_pyinstaller(dist, work, args.clean)
    folder = dist / "testimony"
    if sys.platform.startswith("linux"):
        add_linux_integration(folder)
    built = time.monotonic() - started
    print(f"built {folder} in {built:.0f} s, {folder_size(folder) / 2**20:.0f} MiB")
    if not args.no_check:
        self_test(folder)
    if args.tarball and sys.platform.startswith("linux"):
        out = tarball(folder, dist)
        print(f"packed {out} ({out.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
