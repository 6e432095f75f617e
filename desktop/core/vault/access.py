"""Creating and unlocking a vault, passphrases, duress, quick wipe."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Self

from . import custodylog as custody
from ..crypto import (
    FLOOR,
    SLOT_DURESS,
    CryptoError,
    KdfParams,
    KeySlot,
    make_slot,
    new_recovery_code,
    normalize_recovery_code,
    open_slot,
)
from . import decoy, slotstore
from .blobwriter import sweep_stray_parts
from .guard import remove_guard
from .handle import VaultCore
from .rotation import RotationMixin, open_previous, seal_previous
from .types import BLOBS, DB, VaultError, WrongSecret, default_kdf


def _store_refusal(exc: slotstore.StoreError) -> VaultError:
    """A key-slot store problem as the vault's refusal (coded when the store says which)."""
    if exc.code is not None:
        return VaultError(code=exc.code, **exc.params)
    return VaultError(str(exc))


def _check_floor(params: KdfParams) -> None:
    if params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations:
        raise VaultError(code="vault.kdf_below_floor")


class AccessMixin(RotationMixin, VaultCore):
    """Key slots: create, unlock, change passphrase, duress, wipe."""

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, kdf: KdfParams | None = None, mode: str = "field"
    ) -> tuple[Self, str]:
        """Create a vault; returns it unlocked and the recovery code (show it once)."""
        path = Path(path)
        if not passphrase:
            raise VaultError("The passphrase must not be empty")
        if slotstore.exists(path) or (path / DB).exists():
            raise VaultError(f"A vault already exists at {path}; refusing to overwrite it")
        params = kdf or default_kdf()
        _check_floor(params)
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
        slotstore.create(path, slotstore.SlotStore(vault_id, slots))
        return vault, code

    @classmethod
    def unlock(
        cls, path: Path | str, passphrase: str | None = None, recovery_code: str | None = None
    ) -> Self:
        path = Path(path)
        try:
            store = slotstore.load(path)
        except slotstore.StoreError as exc:
            raise _store_refusal(exc) from None
        if not (path / DB).exists():
            raise VaultError(f"{path / DB} is missing; the vault cannot be opened")
        kind, secret = (
            ("recovery", normalize_recovery_code(recovery_code))
            if recovery_code is not None
            else ("passphrase", (passphrase or "").encode())
        )
        t0 = time.perf_counter()
        opened = _open_any(store, kind, secret)
        t1 = time.perf_counter()
        if opened is None:
            raise WrongSecret("Wrong recovery code" if kind == "recovery" else "Wrong passphrase")
        purpose, key, _slot = opened
        if purpose == SLOT_DURESS:
            # The duress passphrase: destroy the vault, then show a decoy that
            # opens with the passphrase that was given and looks like a vault in use.
            kit = decoy.open_kit(store, key)
            layout = [(s.kind, s.kdf) for s in store.slots]
            duress_at = store.slots.index(_slot)
            cls.wipe(path)
            return cls._create_decoy(path, passphrase or "", store.vault_id, layout, duress_at, kit)
        vault = cls(path, store.vault_id, key)
        if store.previous is not None:
            # A key rotation was interrupted: finish it before anything else.
            vault._finish_rotation(open_previous(store, key), key)
            store.previous = None
            slotstore.update(path, store)
        else:
            vault._open_db(create=False)
        sweep_stray_parts(path / BLOBS)  # what a process that died mid-write left
        vault.timings = {"kdf": t1 - t0, "open": time.perf_counter() - t1}
        vault._refresh_decoy(store)
        return vault

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None,
                          rotate: bool = False, current: str | None = None) -> str | None:
        """Rewrite the passphrase slot in place; the data is untouched.

        With ``rotate`` (after a suspected compromise) the master key and every
        subkey change too, and a new recovery code is returned (show it once).
        ``current``, when given (the window always gives it), must open a real
        (not duress) passphrase slot: someone at an unlocked laptop cannot
        change the passphrase without knowing it.
        """
        if not new_passphrase:
            raise VaultError("The passphrase must not be empty")
        params = kdf or default_kdf()
        _check_floor(params)
        assert self._vmk is not None
        store = self._load_store()
        if current is not None:
            opened = _open_any(store, "passphrase", current.encode())
            if opened is None or opened[0] == SLOT_DURESS:
                raise WrongSecret(code="passphrase.current_wrong")
        if rotate:
            code = new_recovery_code()
            new_vmk = os.urandom(32)
            slots = [make_slot("passphrase", new_passphrase.encode(), new_vmk, params, self.vault_id),
                     make_slot("recovery", normalize_recovery_code(code), new_vmk, FLOOR, self.vault_id)]
            self._rotate(store, new_vmk, slots, kit=None)
            with self._tx() as c:
                custody.append(c, "vault.passphrase_changed")
            return code
        new_slot = make_slot("passphrase", new_passphrase.encode(), bytes(self._vmk), params, self.vault_id)
        # Changing the passphrase also removes any duress slot (it would be unknown which is which).
        store.slots = [s for s in store.slots if s.kind != "passphrase"] + [new_slot]
        store.kit = None
        self._write_store(store)
        with self._tx() as c:
            c.execute("DELETE FROM meta WHERE key = ?", (decoy.KIT_KEY,))
            custody.append(c, "vault.passphrase_changed")
        return None

    def replace_recovery_code(self) -> str:
        """A new recovery code (show it once); the old one stops working at once
        (its slot is overwritten in place). For a vault whose first code was
        never confirmed written down."""
        assert self._vmk is not None
        store = self._load_store()
        code = new_recovery_code()
        new_slot = make_slot("recovery", normalize_recovery_code(code), bytes(self._vmk), FLOOR, self.vault_id)
        store.slots = [s for s in store.slots if s.kind != "recovery"] + [new_slot]
        self._write_store(store)
        with self._tx() as c:
            custody.append(c, "vault.recovery_code_replaced")
        return code

    def set_duress_passphrase(self, duress: str, current: str) -> str:
        """Add a passphrase that, when typed at unlock, wipes this vault and opens
        a decoy. Its key slot is indistinguishable from the real one.

        ``current`` must be the real passphrase (checked), so that the two differ.
        The master key and every subkey are rotated; returns the new recovery
        code (the old one stops working; show the new one once).
        """
        if not duress or duress == current:
            raise VaultError("The duress passphrase must differ from the real one")
        store = self._load_store()
        opened = _open_any(store, "passphrase", current.encode())
        if opened is None or opened[0] == SLOT_DURESS:
            raise WrongSecret("Wrong passphrase")
        params = opened[2].kdf
        code = new_recovery_code()
        new_vmk = os.urandom(32)
        kit_key = os.urandom(32)
        real_slot = make_slot("passphrase", current.encode(), new_vmk, params, self.vault_id)
        duress_slot = make_slot("passphrase", duress.encode(), kit_key, params, self.vault_id,
                                purpose=SLOT_DURESS)
        pair = [real_slot, duress_slot]
        if os.urandom(1)[0] & 1:
            pair.reverse()  # order tells nothing either
        slots = [*pair, make_slot("recovery", normalize_recovery_code(code), new_vmk, FLOOR, self.vault_id)]
        self._rotate(store, new_vmk, slots, kit=None)
        self.store_secret(decoy.KIT_KEY, kit_key)
        self._refresh_decoy(self._load_store())
        return code

    def _rotate(self, store: slotstore.SlotStore, new_vmk: bytes, slots: list[KeySlot],
                kit: bytes | None) -> None:
        """New master key: slots first (with the old key sealed under the new one,
        so a crash at any point is finished at the next unlock), then the data."""
        assert self._vmk is not None
        old_vmk = bytes(self._vmk)
        store.slots = slots
        store.kit = kit
        store.previous = seal_previous(self.vault_id, old_vmk, new_vmk)
        self._write_store(store)
        self._finish_rotation(old_vmk, new_vmk)
        store.previous = None
        self._write_store(store)
        with self._tx() as c:
            c.execute("DELETE FROM meta WHERE key = ?", (decoy.KIT_KEY,))
            custody.append(c, "vault.keys_rotated")

    def refresh_decoy(self) -> None:
        """After a change the duress decoy should show (researcher code, recipients)."""
        if self.meta(decoy.KIT_KEY) is not None:
            self._refresh_decoy(self._load_store())

    def _refresh_decoy(self, store: slotstore.SlotStore) -> None:
        """Keep the sealed decoy kit in step with this vault (device, history, recipients)."""
        kit = decoy.build_kit(self)
        if kit is not None and kit != store.kit:
            store.kit = kit
            self._write_store(store)

    def _load_store(self) -> slotstore.SlotStore:
        try:
            return slotstore.load(self.path)
        except slotstore.StoreError as exc:
            raise _store_refusal(exc) from None

    def _write_store(self, store: slotstore.SlotStore) -> None:
        try:
            slotstore.update(self.path, store)
        except slotstore.StoreError as exc:
            raise _store_refusal(exc) from None

    @classmethod
    def _create_decoy(cls, path: Path, passphrase: str, vault_id: str, layout: list[tuple[str, KdfParams]],
                      opening: int, kit: dict[str, Any] | None) -> Self:
        """An empty vault with the same identity, slot layout and early history."""
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        (path / BLOBS).mkdir(exist_ok=True, mode=0o700)
        vmk = os.urandom(32)
        slots = []
        for i, (kind, params) in enumerate(layout):
            secret = passphrase.encode() if i == opening else os.urandom(32)
            target = vmk if i == opening else os.urandom(32)
            slots.append(make_slot(kind, secret, target, params, vault_id))
        vault = cls(path, vault_id, vmk)
        vault._open_db(create=True, mode=(kit or {}).get("mode", "field"), kit=kit)
        slotstore.create(path, slotstore.SlotStore(vault_id, slots))
        return vault

    @staticmethod
    def exists(path: Path | str) -> bool:
        """Whether a vault (its key slots or its database) is at ``path``."""
        path = Path(path)
        return slotstore.exists(path) or (path / DB).exists()

    @staticmethod
    def wipe(path: Path | str) -> float:
        """Quick wipe: overwrite both copies of the key slots in place and fsync,
        then remove everything else.

        Returns the seconds it took until the vault became unrecoverable.
        """
        path = Path(path)
        t0 = time.perf_counter()
        slotstore.destroy(path)
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


def _open_any(store: slotstore.SlotStore, kind: str, secret: bytes) -> tuple[bytes, bytes, KeySlot] | None:
    """Try each slot of ``kind``; returns (purpose, key, slot) or None."""
    for slot in store.slots:
        if slot.kind != kind:
            continue
        try:
            purpose, key = open_slot(slotstore.sealed(slot), secret, store.vault_id)
        except CryptoError:
            continue
        return purpose, key, slot
    return None

