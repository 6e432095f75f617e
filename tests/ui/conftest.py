"""Fixtures for the desktop tests: a fresh temporary vault and environment per test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """XDG folders and TMPDIR inside tmp_path, floor KDF so vaults open fast."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        d = tmp_path / var.lower()
        d.mkdir()
        monkeypatch.setenv(var, str(d))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("TESTIMONY_KDF_PROFILE", "floor")
    yield tmp_path
    from desktop.ui.base import workers

    workers.wait_all()


@pytest.fixture
def translations(qapp):
    from desktop.ui.base.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    yield t
    t.install("en")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def make_vault(vault_path: Path):
    """Create the vault directly (tests not about the first-run screen)."""
    from desktop.core.vault import Vault

    def make():
        vault, _code = Vault.create(vault_path, PASSPHRASE)
        return vault

    return make


@pytest.fixture
def shell(qtbot, vault_path: Path, translations):
    from desktop.ui.app import ShellWindow

    def build():
        window = ShellWindow(vault_path, translations)
        qtbot.addWidget(window)
        window.show()
        return window

    return build


@pytest.fixture
def unlocked(qtbot, shell, make_vault):
    """A shell window with an unlocked session on a fresh vault."""
    vault = make_vault()
    window = shell()
    window.open_session(vault)
    yield window
    window.lock()
