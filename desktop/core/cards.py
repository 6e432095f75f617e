"""Headquarters identity, recipient cards, trusted devices and receipts.

Headquarters holds an age X25519 identity (bundles are encrypted to it) and
an Ed25519 key (receipts are signed with it), published as a recipient card
with a short fingerprint to read aloud or compare on paper. Each field vault
signs its bundles with its own Ed25519 device key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import x25519

from .crypto import KdfParams, b64d, b64e, canonical_json, public_key_bytes, signing_key_from_bytes
from .custody import now
from .keystore import write_new
from .vault import Vault, VaultError

CARD_FORMAT = "testimony-recipient-card"
RECEIPT_FORMAT = "testimony-receipt"
MAX_CARD_BYTES = 64 * 1024


class TrustError(VaultError):
    default_code = "trust.refused"


# No 0/O and no 1/I: a fingerprint is read aloud and compared on paper.
FINGERPRINT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def fingerprint(*parts: bytes) -> str:
    """80 bits of SHA-256 as 16 unambiguous letters and digits in groups of four."""
    n = int.from_bytes(hashlib.sha256(b"testimony-fingerprint-v1" + b"".join(parts)).digest()[:10], "big")
    chars = "".join(FINGERPRINT_ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(16)))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str:
    """What a person typed, as printed: case, spaces and dashes do not matter."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def device_fingerprint(public_raw: bytes) -> str:
    return fingerprint(b"device", public_raw)


@dataclass(frozen=True)
class Card:
    org: str
    age_recipient: str
    signing_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(b"hq", self.age_recipient.encode(), self.signing_key)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": CARD_FORMAT,
                "version": 1,
                "org": self.org,
                "age_recipient": self.age_recipient,
                "signing_key": b64e(self.signing_key),
                "fingerprint": self.fingerprint,
            },
            ensure_ascii=False,
            indent=2,
        )


def parse_card(data: bytes) -> Card:
    if len(data) > MAX_CARD_BYTES:
        raise TrustError(code="trust.card_too_large")
    try:
        doc = json.loads(data)
        if doc.get("format") != CARD_FORMAT or doc.get("version") != 1:
            raise ValueError
        card = Card(str(doc["org"]), str(doc["age_recipient"]), b64d(doc["signing_key"]))
        x25519.Recipient.from_str(card.age_recipient)
        Ed25519PublicKey.from_public_bytes(card.signing_key)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, Exception) as exc:
        if isinstance(exc, TrustError):
            raise
        raise TrustError(code="trust.card_invalid") from None
    if normalize_fingerprint(str(doc.get("fingerprint", ""))) != card.fingerprint:
        raise TrustError(code="trust.card_altered")
    return card


# ---------------------------------------------------------------- headquarters


def init_hq(path: Path, passphrase: str, org: str, kdf: KdfParams | None = None) -> tuple[Vault, str, Card]:
    """Create an analyst vault with its age and signing identities."""
    if not org.strip():
        raise TrustError(code="trust.org_empty")
    vault, code = Vault.create(path, passphrase, kdf=kdf, mode="analyst")
    identity = x25519.Identity.generate()
    from .crypto import new_signing_key, signing_key_bytes

    signing = new_signing_key()
    vault.store_secret("hq_age_identity", str(identity).encode())
    vault.store_secret("hq_signing_key", signing_key_bytes(signing))
    vault.set_meta("org", org.strip())
    card = Card(org.strip(), str(identity.to_public()), public_key_bytes(signing))
    vault.set_meta("hq_fingerprint", card.fingerprint)
    vault.log("hq.init", None, org=org.strip(), fingerprint=card.fingerprint)
    return vault, code, card


def hq_card(vault: Vault) -> Card:
    if vault.mode != "analyst":
        raise TrustError(code="trust.not_hq")
    identity = x25519.Identity.from_str(vault.secret("hq_age_identity").decode())
    signing = signing_key_from_bytes(vault.secret("hq_signing_key"))
    return Card(vault.meta("org") or "", str(identity.to_public()), public_key_bytes(signing))


def write_card(card: Card, out: Path) -> None:
    try:
        write_new(Path(out), card.to_json().encode())
    except FileExistsError:
        raise TrustError(code="file.exists", path=str(out)) from None


# ---------------------------------------------------------------- field side


def trust_card(vault: Vault, data: bytes) -> Card:
    card = parse_card(data)
    vault.add_recipient(card.fingerprint, card.org, card.age_recipient, card.signing_key)
    vault.refresh_decoy()  # the duress decoy keeps the same recipients
    return card


def recipients(vault: Vault) -> list[Card]:
    return [Card(org, rcpt, key) for org, rcpt, key in vault.recipient_rows()]


def recipient(vault: Vault, fp: str) -> Card:
    want = normalize_fingerprint(fp)
    for card in recipients(vault):
        if card.fingerprint == want:
            return card
    raise TrustError(code="trust.unknown_recipient", fingerprint=fp)


def device_identity(vault: Vault) -> tuple[bytes, str]:
    pub = vault.device_public_key()
    return pub, device_fingerprint(pub)


# ---------------------------------------------------------------- receipts


def make_receipt(vault: Vault, bundle_id: str) -> bytes:
    """Analyst side: a signed acknowledgement of what a bundle delivered."""
    card = hq_card(vault)
    row = vault.bundle_manifest_hash(bundle_id, "in")
    if row is None:
        raise TrustError(code="trust.unknown_bundle", bundle_id=bundle_id)
    records = vault.bundle_record_revisions(bundle_id)
    body = {
        "format": RECEIPT_FORMAT,
        "version": 1,
        "bundle_id": bundle_id,
        "manifest_sha256": row[1],
        "records": records,
        "fingerprint": card.fingerprint,
        "signed_at": now(),
    }
    signing = signing_key_from_bytes(vault.secret("hq_signing_key"))
    body["signature"] = b64e(signing.sign(canonical_json(body)))
    vault.log("bundle.receipt_issued", None, bundle=bundle_id)
    return json.dumps(body, indent=2).encode()


def import_receipt(vault: Vault, data: bytes) -> dict[str, Any]:
    """Field side: verify a receipt from a trusted headquarters and record it."""
    if len(data) > 16 * 1024 * 1024:
        raise TrustError(code="trust.receipt_too_large")
    try:
        doc = json.loads(data)
        if doc.get("format") != RECEIPT_FORMAT or doc.get("version") != 1:
            raise ValueError
        signature = b64d(doc.pop("signature"))
        bundle_id = str(doc["bundle_id"])
        records = {str(k): int(v) for k, v in dict(doc["records"]).items()}
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise TrustError(code="trust.receipt_invalid") from None
    card = recipient(vault, str(doc.get("fingerprint", "")))
    try:
        Ed25519PublicKey.from_public_bytes(card.signing_key).verify(signature, canonical_json(doc))
    except InvalidSignature:
        raise TrustError(code="trust.receipt_signature") from None
    row = vault.bundle_manifest_hash(bundle_id, "out")
    if row is None or row[0] != card.fingerprint or row[1] != doc.get("manifest_sha256"):
        raise TrustError(code="trust.receipt_not_ours")
    # Only what we sent and headquarters says it stored, at the revision we sent.
    confirmed = vault.record_receipt(bundle_id, records)
    return {"bundle_id": bundle_id, "records": records, "confirmed": confirmed}


def imported_bundles(vault: Vault) -> list[dict[str, Any]]:
    """Analyst side: every imported bundle with its device, researcher and record count."""
    return vault.imported_bundle_rows()


def received_records(vault: Vault, whole_only: bool = False) -> dict[str, int]:
    """Records headquarters confirmed storing: id -> highest revision confirmed.

    ``whole_only``: only where the whole record went (identities and every
    attachment's original), so that deleting it here loses nothing.
    """
    return vault.received_revisions(whole_only=whole_only)


def handover(vault: Vault, what: str, record_ids: list[str] | None = None) -> list[str]:
    """After a receipt: forget the identities ('identities') or the whole
    records ('records') of what headquarters confirmed receiving. A record
    edited since it was sent keeps its unsent revision and is left alone."""
    if what not in ("identities", "records"):
        raise TrustError(code="handover.what")
    received = received_records(vault, whole_only=what == "records")
    chosen = record_ids if record_ids is not None else list(received)
    done = []
    for rid in chosen:
        if rid not in received:
            if what == "records" and rid in received_records(vault):
                raise TrustError(code="handover.partial", record_id=rid)
            raise TrustError(code="handover.no_receipt", record_id=rid)
        current = vault.current_rev(rid)
        if current is None or current > received[rid]:
            continue
        done.append(rid)
    if what == "identities":
        from .records import forget_identities

        forget_identities(vault, done)
    else:
        vault.delete_records(done, reason="received by headquarters")
    return done
