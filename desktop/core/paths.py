"""Where things live by default. Paths come from platformdirs; tests override
them with ``--vault`` or the XDG variables, never by patching globals."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "Testimony"


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "vault"


def default_analyst_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "analyst-vault"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def resources_dir() -> Path:
    """The shipped resources (forms, vocabularies, translations, word lists)."""
    env = os.environ.get("TESTIMONY_RESOURCES")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "resources", here.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "resources"


def restrict_permissions() -> None:
    """Files we create are readable by the user only."""
    os.umask(0o077)
