"""`testimony --demo`: throwaway vaults filled with fictional sample interviews: a field
laptop's and a headquarters', with the interviews already sent from one to the other."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core import paths
from desktop.core.services import Vault, access, exchange, interviews

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


DEMO_ORG = "Demo headquarters (fictional)"
DEMO_RESEARCHER = "R-DEMO"


def create_demo_pair(root: Path, forms: FormCatalog) -> tuple[Vault, Vault]:
    """A field vault and a headquarters vault under ``root``; the field vault trusts the
    headquarters card and its interviews arrived there in a signed bundle, as in real use."""
    field = create_demo_vault(root / "field", forms)
    exchange.set_researcher_code(field, DEMO_RESEARCHER)
    hq = access.create_demo_vault(root / "hq", DEMO_PASSPHRASE, org=DEMO_ORG)
    card = exchange.hq_card(hq)
    exchange.trust_card(field, card.to_json().encode())
    out = root / ("from-the-field" + exchange.BUNDLE_SUFFIX)
    # fictional narratives: sent with automatic redaction, as a researcher may choose
    exchange.export(field, card.fingerprint, out, forms.registry(), send_unreviewed=True)
    exchange.import_bundle(hq, out, trust_new_device=True, registry=forms.registry())
    out.unlink()  # encrypted, but nothing of the demo outlives its vaults
    return field, hq
