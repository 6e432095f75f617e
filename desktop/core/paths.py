"""Where things live by default. Paths come from platformdirs; tests override
them with ``--vault`` or the XDG variables, never by patching globals."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

APP = "Testimony"


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "vault"


def default_analyst_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "analyst-vault"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


class ResourcesMissing(RuntimeError):
    """A shipped resource folder is absent or empty: the installed copy is incomplete."""


# Folders the application cannot run without, and one file each must hold.
REQUIRED_RESOURCES: dict[str, str] = {
    "forms": "schema.json",
    "forms/blocks": "",
    "vocabularies": "",
    "gazetteer": "",
    "names": "given_lat.txt",
    "redaction": "cues_en.txt",
    "models": "gaz_person_lat.txt",
    "i18n": "testimony_ar.qm",
    "styles": "app.qss",
    "demo": "",
}


def resources_dir() -> Path:
    """The shipped resources (forms, vocabularies, translations, word lists), inside the
    import package (``desktop/resources``), found with importlib.resources so that a wheel,
    an editable install and the PyInstaller bundle all read the same files."""
    env = os.environ.get("TESTIMONY_RESOURCES")
    if env:
        return Path(env)
    return Path(str(files("desktop").joinpath("resources")))


def check_resources(root: Path | None = None) -> Path:
    """Return the resources folder, or raise ResourcesMissing naming what is absent."""
    root = root or resources_dir()
    missing = []
    for folder, must in REQUIRED_RESOURCES.items():
        d = root / folder
        if not d.is_dir() or not any(d.iterdir()):
            missing.append(folder + "/")
        elif must and not (d / must).is_file():
            missing.append(f"{folder}/{must}")
    if missing:
        raise ResourcesMissing(
            f"this installation of Testimony is incomplete: missing {', '.join(missing)} "
            f"in {root}; reinstall it")
    return root


def restrict_permissions() -> None:
    """Files we create are readable by the user only."""
    os.umask(0o077)
