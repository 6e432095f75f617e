"""Fixtures and a kit for crafting hostile bundles in tests."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import x25519

from desktop.core import cards
from desktop.core.bundle import export_bundle
from desktop.core.crypto import FLOOR
from desktop.core.vault import Vault

FIELD_PASS = "field passphrase long"
HQ_PASS = "hq passphrase long enough"


def simple_view(vault: Vault, rid: str, include_identities: bool) -> dict:
    rec = vault.get_record(rid, reveal=True)
    return {"id": rec.id, "form_id": rec.form_id, "form_version": rec.form_version, "rev": rec.current_rev,
            "created_at": rec.created_at, "answers": rec.public,
            "identity": rec.identity if include_identities else None}


@dataclass
class Pair:
    field: Vault
    hq: Vault
    hq_path: Path
    card: cards.Card
    tmp: Path

    def export(self, name: str = "b.tstm", **kw) -> Path:
        out = self.tmp / name
        export_bundle(self.field, self.card.fingerprint, out, simple_view, **kw)
        return out

    def hq_identity(self) -> x25519.Identity:
        return x25519.Identity.from_str(self.hq.secret("hq_age_identity").decode())

    def digest(self) -> dict[str, str]:
        """The analyst vault folder, byte for byte (locks it to flush)."""
        self.hq.lock()
        d = {str(p.relative_to(self.hq_path)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(self.hq_path.rglob("*")) if p.is_file()}
        self.hq = Vault.unlock(self.hq_path, HQ_PASS)
        return d


def make_pair(tmp: Path) -> Pair:
    field, _ = Vault.create(tmp / "field", FIELD_PASS, kdf=FLOOR)
    hq, _code, card = cards.init_hq(tmp / "hq", HQ_PASS, "Headquarters", kdf=FLOOR)
    cards.trust_card(field, card.to_json().encode())
    return Pair(field, hq, tmp / "hq", card, tmp)


def open_tar(pair: Pair, bundle: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    plain = pyrage.decrypt(bundle.read_bytes(), [pair.hq_identity()])
    out = []
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        for m in tar:
            f = tar.extractfile(m)
            out.append((m, f.read() if f else b""))
    return out


def build(pair: Pair, members: list[tuple[tarfile.TarInfo, bytes]], out: Path,
          resign: bool = True, recipient: x25519.Recipient | None = None) -> Path:
    """Re-sign manifest.json (when present) with the field device key, tar, encrypt."""
    members = list(members)
    names = [m.name for m, _ in members]
    if resign and "manifest.json" in names and "manifest.sig" in names:
        manifest = dict(members)[next(m for m, _ in members if m.name == "manifest.json")]
        sig = pair.field.device_signing_key().sign(manifest)
        members = [(m, sig if m.name == "manifest.sig" else d) for m, d in members]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for m, data in members:
            info = tarfile.TarInfo(m.name)
            for attr in ("type", "linkname", "mode", "devmajor", "devminor"):
                setattr(info, attr, getattr(m, attr))
            info.size = len(data) if m.isreg() else 0
            tar.addfile(info, io.BytesIO(data) if m.isreg() else None)
    rcpt = recipient or pair.hq_identity().to_public()
    out.write_bytes(pyrage.encrypt(buf.getvalue(), [rcpt]))
    return out


def with_manifest(members, edit) -> list:
    """Apply ``edit(dict)`` to manifest.json."""
    out = []
    for m, data in members:
        if m.name == "manifest.json":
            doc = json.loads(data)
            edit(doc)
            data = json.dumps(doc).encode()
        out.append((m, data))
    return out


def entry(name: str, data: bytes) -> dict:
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def rehash(members) -> list:
    """Update manifest.json's file entries to the members' current bytes."""
    def fix(doc):
        for f in doc["files"]:
            for m, d in members:
                if m.name == f["name"]:
                    f.update(entry(f["name"], d))

    return with_manifest(members, fix)
