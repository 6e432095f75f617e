"""The duress decoy's kit: what the decoy keeps so it looks like a vault in use.

The kit is sealed under a key that only the duress slot wraps, in a fixed
area of the slot store that holds random bytes in every vault without a
duress passphrase, so its presence tells nothing. It holds the device's
public key (so the fingerprint shown in settings is unchanged), the vault's
creation time, the researcher code, the trusted recipient cards and the
early custody history that carries no record (creation, recipients,
passphrase changes), replayed with their original times.

It never holds the device's private signing key. Whoever forces the duress
passphrase out of the researcher reads everything the decoy has; with the
real key they could sign bundles that headquarters accepts as the
researcher's own (planted testimony, under a trusted name), now and after the
laptop is handed back. The decoy signs with a key of its own and names the
real public key in its manifests, so a coerced export is refused at
headquarters ("signature not valid") and nothing in it is stored. The cost:
someone who decrypts the decoy's database and compares its signing key with
the fingerprint it shows can tell it is a decoy; the screens and the command
line cannot.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sqlcipher3

from . import custodylog as custody
from ..crypto import CryptoError, b64d, b64e, open_sealed, public_key_bytes, seal, signing_key_from_bytes
from . import slotstore

if TYPE_CHECKING:
    from .handle import VaultCore

KIT_KEY = "duress_kit_key"
_PLAIN = slotstore.KIT_BYTES - 12 - 16
_HISTORY = ("vault.create", "recipient.trust", "vault.passphrase_changed", "vault.keys_rotated")
_MAX_RECIPIENTS = 16
_MAX_HISTORY = 40


def _aad(vault_id: str) -> bytes:
    return f"{vault_id}/decoy-kit".encode()


def kit_contents(vault: VaultCore) -> dict[str, Any]:
    c = vault.conn
    recipients = [list(r) for r in c.execute(
        "SELECT fingerprint, org, age_recipient, signing_key, added_at FROM recipients ORDER BY added_at"
        " LIMIT ?", (_MAX_RECIPIENTS,)).fetchall()]
    history = [[e.ts, e.action, e.details] for e in vault.custody()
               if e.record_id is None and e.action in _HISTORY][:_MAX_HISTORY]
    return {
        "mode": vault.meta("mode") or "field",
        "db_layout": list(vault.db_layout),  # the decoy's pages look like the real vault's
        "created_at": vault.meta("created_at"),
        "device_public_key": b64e(vault.device_public_key()),  # never the private key
        "researcher_code": vault.meta("researcher_code"),
        "recipients": recipients,
        "history": history,
    }


def _pad(doc: dict[str, Any]) -> bytes:
    while True:
        text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
        if len(text) <= _PLAIN:
            return text + b" " * (_PLAIN - len(text))
        if doc["history"]:
            doc["history"].pop()
        elif doc["recipients"]:
            doc["recipients"].pop()
        else:
            doc["researcher_code"] = None


def build_kit(vault: VaultCore) -> bytes | None:
    """The sealed kit for this vault, or None if it has no duress passphrase."""
    if vault.meta(KIT_KEY) is None:
        return None
    key = vault.secret(KIT_KEY)
    plain = _pad(kit_contents(vault))
    store_kit = _current(vault, key)
    if store_kit == plain:
        return None  # unchanged: no write
    return seal(key, plain, _aad(vault.vault_id))


def _current(vault: VaultCore, key: bytes) -> bytes | None:
    try:
        store = slotstore.load(vault.path)
    except slotstore.StoreError:
        return None
    if store.kit is None:
        return None
    try:
        return open_sealed(key, store.kit, _aad(vault.vault_id))
    except CryptoError:
        return None


def open_kit(store: slotstore.SlotStore, key: bytes) -> dict[str, Any] | None:
    """The kit's contents, or None (no kit was written, or it is damaged)."""
    if store.kit is None:
        return None
    try:
        doc = json.loads(open_sealed(key, store.kit, _aad(store.vault_id)))
    except (CryptoError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def apply_kit(conn: sqlcipher3.Connection, kit: dict[str, Any]) -> None:
    """Inside the decoy's creation transaction: recipients, researcher code, history."""
    for row in kit.get("recipients") or []:
        conn.execute("INSERT OR IGNORE INTO recipients(fingerprint, org, age_recipient, signing_key, added_at)"
                     " VALUES (?,?,?,?,?)", tuple(str(v) for v in row[:5]))
    if isinstance(kit.get("researcher_code"), str):
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('researcher_code', ?)", (kit["researcher_code"],))
    history = [h for h in kit.get("history") or [] if isinstance(h, list) and len(h) == 3]
    if not any(h[1] == "vault.create" for h in history):
        history.insert(0, [kit.get("created_at") or custody.now(), "vault.create", {"mode": kit.get("mode")}])
    for ts, action, details in history:
        custody.append_at(conn, str(ts), str(action), None, details if isinstance(details, dict) else {})


def device_public_key(kit: dict[str, Any] | None) -> bytes | None:
    """The real device's public key, which the decoy shows (older kits held the private
    key: only its public half is taken from them)."""
    if not kit:
        return None
    try:
        if isinstance(kit.get("device_public_key"), str):
            return b64d(kit["device_public_key"])
        if isinstance(kit.get("device_signing_key"), str):
            return public_key_bytes(signing_key_from_bytes(b64d(kit["device_signing_key"])))
    except (TypeError, ValueError):
        return None
    return None
