"""Creating and unlocking a vault, passphrases, duress, quick wipe."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Self

from .. import custody, keystore
from ..crypto import (
    FLOOR,
    SLOT_DURESS,
    CryptoError,
    KdfParams,
    make_slot,
    new_recovery_code,
    normalize_recovery_code,
    open_slot,
)
from .guard import remove_guard
from .handle import VaultCore
from .types import BLOBS, DB, VaultError, WrongSecret, default_kdf


class AccessMixin(VaultCore):
    """Key slots: create, unlock, change passphrase, duress, wipe."""

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, kdf: KdfParams | None = None, mode: str = "field"
    ) -> tuple[Self, str]:
        """Create a vault; returns it unlocked and the recovery code (show it once)."""
        path = Path(path)
        if not passphrase:
            raise VaultError("The passphrase must not be empty")
        if (path / keystore.KEYSLOTS).exists() or (path / DB).exists():
            raise VaultError(f"A vault already exists at {path}; refusing to overwrite it")
        params = kdf or default_kdf()
        if params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations:
            raise VaultError("Key derivation parameters below the floor (m=64 MiB, t=3) are refused")
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        (path / BLOBS).mkdir(exist_ok=True, mode=0o700)
        vmk = os.urandom(32)
        vault_id = str(uuid.uuid4())
        code = new_recovery_code()
        slots = [
            make_slot("passphrase", passphrase.encode(), vmk, params, vault_id),
            make_slot("recovery", normalize_recovery_code(code), vmk, FLOOR, vault_id),
        ]
        vault = cls(path, vault_id, vmk)
        vault._open_db(create=True, mode=mode)
        keystore.write_slots(path, vault_id, slots)
        return vault, code

    @classmethod
    def unlock(
        cls, path: Path | str, passphrase: str | None = None, recovery_code: str | None = None
    ) -> Self:
        path = Path(path)
        try:
            vault_id, slots = keystore.read_slots(path)
        except keystore.KeystoreError as exc:
            raise VaultError(str(exc)) from None
        if not (path / DB).exists():
            raise VaultError(f"{path / DB} is missing; the vault cannot be opened")
        kind, secret = (
            ("recovery", normalize_recovery_code(recovery_code))
            if recovery_code is not None
            else ("passphrase", (passphrase or "").encode())
        )
        t0 = time.perf_counter()
        vmk = None
        duress = False
        for slot in slots:
            if slot.kind != kind:
                continue
            try:
                purpose, key = open_slot(slot, secret, vault_id)
            except CryptoError:
                continue
            if purpose == SLOT_DURESS:
                duress = True
                break
            vmk = key
            break
        t1 = time.perf_counter()
        if duress:
            # The duress passphrase: destroy the vault, then show an empty one
            # that opens with the passphrase that was given.
            params = next(s.kdf for s in slots if s.kind == "passphrase")
            cls.wipe(path)
            vault, _code = cls.create(path, passphrase or "", kdf=params)
            return vault
        if vmk is None:
            raise WrongSecret("Wrong recovery code" if kind == "recovery" else "Wrong passphrase")
        vault = cls(path, vault_id, vmk)
        vault._open_db(create=False)
        vault.timings = {"kdf": t1 - t0, "open": time.perf_counter() - t1}
        return vault

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Rewrite the passphrase slot only; the data is untouched."""
        if not new_passphrase:
            raise VaultError("The passphrase must not be empty")
        assert self._vmk is not None
        vault_id, slots = self._read_slots()
        new_slot = make_slot("passphrase", new_passphrase.encode(), bytes(self._vmk), kdf or default_kdf(), vault_id)
        # Changing the passphrase also removes any duress slot (it would be unknown which is which).
        slots = [s for s in slots if s.kind != "passphrase"] + [new_slot]
        keystore.write_slots(self.path, vault_id, slots)
        with self._tx() as c:
            custody.append(c, "vault.passphrase_changed")

    def set_duress_passphrase(self, duress: str, current: str) -> None:
        """Add a passphrase that, when typed at unlock, wipes this vault and opens
        an empty one. Its key slot is indistinguishable from the real one.

        ``current`` must be the real passphrase (checked), so that the two differ.
        """
        if not duress or duress == current:
            raise VaultError("The duress passphrase must differ from the real one")
        vault_id, slots = self._read_slots()
        real = [s for s in slots if s.kind == "passphrase"]
        ok = False
        for slot in real:
            try:
                ok = ok or open_slot(slot, current.encode(), vault_id)[0] != SLOT_DURESS
            except CryptoError:
                continue
        if not ok:
            raise WrongSecret("Wrong passphrase")
        assert self._vmk is not None
        params = real[0].kdf
        real_slot = make_slot("passphrase", current.encode(), bytes(self._vmk), params, vault_id)
        duress_slot = make_slot("passphrase", duress.encode(), bytes(self._vmk), params, vault_id,
                                purpose=SLOT_DURESS)
        pair = [real_slot, duress_slot]
        if os.urandom(1)[0] & 1:
            pair.reverse()  # order tells nothing either
        others = [s for s in slots if s.kind != "passphrase"]
        keystore.write_slots(self.path, vault_id, pair + others)

    def _read_slots(self):
        try:
            return keystore.read_slots(self.path)
        except keystore.KeystoreError as exc:
            raise VaultError(str(exc)) from None

    @staticmethod
    def wipe(path: Path | str) -> float:
        """Quick wipe: destroy the key slots first, then remove everything.

        Returns the seconds it took until the vault became unrecoverable.
        """
        path = Path(path)
        t0 = time.perf_counter()
        keystore.destroy(path)
        elapsed = time.perf_counter() - t0
        for name in (DB, DB + "-wal", DB + "-shm", DB + "-journal"):
            p = path / name
            if p.exists():
                p.unlink()
        remove_guard(path)
        shutil.rmtree(path / BLOBS, ignore_errors=True)
        shutil.rmtree(path / "staging", ignore_errors=True)
        try:
            path.rmdir()
        except OSError:
            pass  # the folder holds files that are not ours; leave them
        return elapsed
