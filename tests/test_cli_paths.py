"""Where commands act and write: the vault named on the command line, never
the default one; output files never replace a file or land inside a vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run

ENV = {"TESTIMONY_PASSPHRASE": "paths passphrase"}


def refused(r) -> str:
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    return lines[0]


@pytest.fixture
def homes(tmp_path: Path) -> dict[str, str]:
    data = tmp_path / "xdg-data"
    return {**ENV, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
            "HOME": str(tmp_path / "home")}


@pytest.mark.parametrize("where", ["before", "after"])
def test_wipe_with_vault_option_wipes_that_vault_only(tmp_path, homes, where):
    """`testimony --vault OTHER vault wipe --yes` wiped the default vault once."""
    default = tmp_path / "xdg-data" / "Testimony" / "vault"
    other = tmp_path / "other"
    assert run("vault", "init", env=homes).returncode == 0
    assert default.exists()
    assert run("vault", "init", "--vault", str(other), env=homes).returncode == 0
    args = (["--vault", str(other), "vault", "wipe", "--yes"] if where == "before"
            else ["vault", "wipe", "--yes", "--vault", str(other)])
    r = run(*args, env=homes)
    assert r.returncode == 0, r.stderr
    assert not other.exists()
    assert run("vault", "check", env=homes).returncode == 0  # the default vault is untouched
