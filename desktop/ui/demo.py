"""`testimony --demo`: a throwaway vault filled with fictional sample interviews."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core import paths
from desktop.core.services import Vault, access, interviews

from .base.forms import FormCatalog

# Public on purpose: the unlock screen shows it (a throwaway vault of fictional interviews).
DEMO_PASSPHRASE = "demo vault with fictional interviews only"  # noqa: S105


def demo_dir() -> Path:
    return paths.resources_dir() / "demo"


def create_demo_vault(path: Path, forms: FormCatalog) -> Vault:
    """Create ``path`` (floor key derivation) and save every sample interview into it."""
    vault = access.create_demo_vault(path, DEMO_PASSPHRASE)
    photo = demo_dir() / "sample_photo.png"
    first = True
    for file in sorted(demo_dir().glob("*.json")):
        form = forms.get(file.stem)
        if form is None:
            continue
        for answers in json.loads(file.read_text(encoding="utf-8")):
            att_ids = []
            if first and photo.is_file():
                att_ids = [vault.import_attachment(photo).id]
                first = False
            interviews.submit(vault, form, answers, attachment_ids=att_ids)
    return vault
