"""House rules that keep the code honest: the core never imports Qt, and
nothing in the application evaluates code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_qt():
    modules = sorted(
        "desktop.core." + ".".join(p.relative_to(ROOT / "desktop" / "core").with_suffix("").parts)
        for p in (ROOT / "desktop" / "core").rglob("*.py") if p.name != "__init__.py"
    )
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + \
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\nprint(bad)\n"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
    assert len(modules) > 15


def test_no_eval_or_exec_in_the_application():
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_only_the_vault_package_runs_sql():
    """All SQL lives in desktop/core/vault: no other module reaches for a vault's
    connection (the bundle and custody code once ran their own statements)."""
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("desktop/core/vault/") or rel == "desktop/core/schema.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                offenders.append(f"{rel}:{node.lineno}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany")):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def test_bundle_and_custody_modules_stay_small():
    for path in [*(ROOT / "desktop" / "core" / "bundle").glob("*.py"), ROOT / "desktop" / "core" / "custody.py"]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
