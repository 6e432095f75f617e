"""No plaintext anywhere: a canary typed into a narrative, an identity field and
an attachment never appears in any file the app writes (vault, bundle, temp,
config, cache, data folders), in UTF-8 or UTF-16."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.helpers import files_containing

ROOT = Path(__file__).resolve().parent.parent


def test_canary_never_on_disk(tmp_path):
    canary = f"Canary{uuid.uuid4().hex[:12]} Witness"
    app = tmp_path / "app"
    dirs = {name: app / name for name in ("tmp", "config", "cache", "data", "state")}
    for d in dirs.values():
        d.mkdir(parents=True)
    outside = tmp_path / "user-files"  # the researcher's own file, not ours to scan
    outside.mkdir()
    source = outside / "photo.bin"
    source.write_bytes(b"\x89 raw bytes " + canary.encode() + b" and " + canary.encode("utf-16-le") * 50)
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "TESTIMONY_KDF_PROFILE": "floor",
        "TMPDIR": str(dirs["tmp"]), "XDG_CONFIG_HOME": str(dirs["config"]), "XDG_CACHE_HOME": str(dirs["cache"]),
        "XDG_DATA_HOME": str(dirs["data"]), "XDG_STATE_HOME": str(dirs["state"]), "HOME": str(app),
    }
    vault_dir = dirs["data"] / "Testimony" / "vault"
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "canary_session.py"), str(vault_dir), str(source), canary],
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "session ok" in r.stdout
    assert (vault_dir / "vault.db").exists() and any((vault_dir / "blobs").iterdir())
    assert files_containing([app], canary) == []
    assert files_containing([app], canary.split()[0]) == []
