"""Key derivation, key slots, AEAD and signing keys.

Everything here uses the chosen libraries: argon2-cffi for Argon2id,
cryptography for AES-256-GCM, HKDF-SHA256 and Ed25519. Nothing is hand-rolled.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import Refusal

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# Labels for subkeys derived from the vault master key (VMK).
LABEL_DB = b"testimony/v1/sqlcipher-key"
LABEL_IDENTITY_WRAP = b"testimony/v1/identity-key-wrap"
LABEL_SECRET_WRAP = b"testimony/v1/secret-wrap"


class CryptoError(Refusal):
    """A refused cryptographic operation; the message is one line for the user."""

    default_code = "crypto.refused"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with each key slot."""

    memory_kib: int
    iterations: int
    lanes: int = 4

    def to_dict(self) -> dict[str, int | str]:
        return {"alg": "argon2id", **asdict(self)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KdfParams:
        if d.get("alg") != "argon2id":
            raise CryptoError("Unsupported key derivation in key slot")
        values = (d.get("memory_kib"), d.get("iterations"), d.get("lanes"))
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise CryptoError("Key slot has malformed key derivation parameters")
        params = cls(*values)  # type: ignore[arg-type]
        if params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations:
            # A planted slot must not downgrade Argon2 (the next re-wrap would copy it).
            raise CryptoError("Key slot asks for a key derivation below the floor (m=64 MiB, t=3)")
        if not (1 <= params.lanes <= MAX_LANES and params.memory_kib <= MAX_MEMORY_KIB
                and params.memory_kib * params.iterations <= MAX_COST_KIB):
            # A hostile slot must not make unlocking exhaust the machine.
            raise CryptoError("Key slot asks for an unreasonable key derivation cost")
        return params


# The floor from the design: never below m=64 MiB, t=3.
FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
MAX_MEMORY_KIB = 1024 * 1024  # calibration never asks for more than 1 GiB
# Memory times passes: 1 GiB x 4 (about 2 s on the reference laptop). Calibration
# stays below it, and a slot read from disk above it is refused.
MAX_COST_KIB = MAX_MEMORY_KIB * 4
MAX_LANES = 16


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    try:
        return hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=params.iterations,
            memory_cost=params.memory_kib,
            parallelism=params.lanes,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    except HashingError as exc:
        raise CryptoError(f"Key derivation refused its parameters ({exc})") from None


def calibrate(target_seconds: float = 1.0) -> KdfParams:
    """Find Argon2id parameters costing about ``target_seconds`` here.

    Memory grows first (it is what makes guessing on GPUs expensive), up to
    1 GiB; then iterations. Never below the floor.
    """
    salt = os.urandom(SALT_BYTES)
    params = FLOOR
    start = time.perf_counter()
    derive_key(b"calibration", salt, params)
    elapsed = max(time.perf_counter() - start, 1e-3)
    factor = target_seconds / elapsed
    if factor <= 1.0:
        return FLOOR
    memory = min(MAX_MEMORY_KIB, int(FLOOR.memory_kib * factor))
    memory = max(FLOOR.memory_kib, memory // 1024 * 1024)
    remaining = factor * FLOOR.memory_kib / memory
    iterations = max(FLOOR.iterations, int(FLOOR.iterations * remaining))
    iterations = min(iterations, MAX_COST_KIB // memory)
    return KdfParams(memory_kib=memory, iterations=iterations, lanes=FLOOR.lanes)


def hkdf(master: bytes, label: bytes, length: int = KEY_BYTES) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=label).derive(master)


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """AES-256-GCM; returns nonce || ciphertext-and-tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise CryptoError("Encrypted value is truncated")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise CryptoError("Decryption failed: wrong key or damaged data") from None


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical_json(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# ---------------------------------------------------------------- recovery codes

_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_recovery_code() -> str:
    """160 random bits as 8 groups of 4 characters from an unambiguous alphabet."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(chars[i : i + 4] for i in range(0, 32, 4))


def normalize_recovery_code(code: str) -> bytes:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.replace("O", "0").replace("I", "1").encode("ascii", "ignore")


# ---------------------------------------------------------------- key slots


@dataclass
class KeySlot:
    kind: str  # "passphrase" | "recovery"
    kdf: KdfParams
    salt: bytes
    wrapped: bytes
    legacy: bool = False  # carried over from keyslots.json (its old associated data)
    material: bytes | None = field(default=None, repr=False)  # AF-split stripes, merged on use

    def header(self, vault_id: str) -> bytes:
        """Associated data binding the wrapped key to its slot and vault."""
        doc = {"vault_id": vault_id, "kind": self.kind, "kdf": self.kdf.to_dict(), "salt": b64e(self.salt)}
        if not self.legacy:
            doc["store"] = "keyslots.bin/2"
        return canonical_json(doc)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": self.kdf.to_dict(),
            "salt": b64e(self.salt),
            "wrapped": b64e(self.wrapped),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KeySlot:
        slot = cls(
            kind=str(d["kind"]),
            kdf=KdfParams.from_dict(d["kdf"]),
            salt=b64d(d["salt"]),
            wrapped=b64d(d["wrapped"]),
        )
        if len(slot.salt) != SALT_BYTES:
            raise CryptoError("Key slot has a malformed salt")
        return slot


# What a slot's sealed payload opens to. Both are 33 bytes and sealed, so a
# duress slot looks exactly like a passphrase slot in keyslots.json.
SLOT_VMK = b"\x01"
SLOT_DURESS = b"\x02"  # the key that follows opens the sealed decoy kit
SLOT_PREVIOUS = b"\x03"  # during a key rotation: the previous master key


def make_slot(kind: str, secret: bytes, vmk: bytes, params: KdfParams, vault_id: str,
              purpose: bytes = SLOT_VMK) -> KeySlot:
    """A slot wrapping ``vmk`` (for a duress slot: the decoy kit's key)."""
    slot = KeySlot(kind=kind, kdf=params, salt=os.urandom(SALT_BYTES), wrapped=b"")
    kek = derive_key(secret, slot.salt, params)
    payload = purpose + vmk
    slot.wrapped = seal(kek, payload, slot.header(vault_id))
    return slot


def open_slot(slot: KeySlot, secret: bytes, vault_id: str) -> tuple[bytes, bytes]:
    """Returns (purpose, key): SLOT_VMK with the vault master key, or SLOT_DURESS."""
    kek = derive_key(secret, slot.salt, slot.kdf)
    try:
        payload = open_sealed(kek, slot.wrapped, slot.header(vault_id))
    except CryptoError:
        raise CryptoError("wrong") from None
    if len(payload) == KEY_BYTES + 1 and payload[:1] in (SLOT_VMK, SLOT_DURESS):
        return payload[:1], payload[1:]
    raise CryptoError("Key slot payload is malformed")


# ---------------------------------------------------------------- signing keys


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signing_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def signing_key_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
