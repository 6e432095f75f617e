"""Run the command line as a separate process, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict | None = None, stdin: str | None = None, timeout: int = 120):
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "TESTIMONY_KDF_PROFILE": "floor"}
    full_env.pop("TESTIMONY_PASSPHRASE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], input=stdin, capture_output=True, text=True,
        env=full_env, timeout=timeout, cwd=ROOT,
    )
