"""The in-place key-slot store: fixed size, two copies, AF-split, key rotation, migration."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from desktop.core import keystore
from desktop.core.crypto import FLOOR, LABEL_DB, SLOT_VMK, KeySlot, derive_key, hkdf, seal
from desktop.core.vault import Vault, VaultError, WrongSecret, slotstore
from tests.helpers import db_opens

PASS = "correct horse battery staple"


@pytest.fixture
def made(tmp_path: Path):
    folder = tmp_path / "vault"
    v, code = Vault.create(folder, PASS, kdf=FLOOR)
    yield folder, v, code
    if not v.is_locked:
        v.lock()


def blocks(data: bytes, size: int = 4096) -> set[bytes]:
    return {data[i : i + size] for i in range(0, len(data), size)}


def db_opens_with(folder: Path, vmk: bytes) -> bool:
    return db_opens(folder / "vault.db", hkdf(vmk, LABEL_DB))


def test_store_is_fixed_size_and_rewritten_in_place(made):
    folder, v, _code = made
    path = folder / slotstore.STORE
    assert not (folder / "keyslots.json").exists()
    first, inode = path.read_bytes(), path.stat().st_ino
    assert len(first) == slotstore.FILE_BYTES
    v.change_passphrase("a new passphrase here", kdf=FLOOR)
    second = path.read_bytes()
    v.set_duress_passphrase("the duress one", current="a new passphrase here")
    third = path.read_bytes()
    assert path.stat().st_ino == inode and len(third) == slotstore.FILE_BYTES  # same file, same size
    # Both copies are rewritten: not one 4 KiB block of an earlier state is left in the file.
    assert not blocks(first) & blocks(third) and not blocks(second) & blocks(third)
    assert not blocks(first) & blocks(second)
    assert sorted(os.listdir(folder)) == sorted(["blobs", "keyslots.bin", "vault.db", "vault.db-shm",
                                                 "vault.db-wal"])


def test_af_split_needs_every_stripe():
    data = os.urandom(slotstore.SEALED_BYTES)
    material = slotstore.af_split(data)
    assert len(material) == slotstore.STRIPES * len(data)
    assert slotstore.af_merge(material, len(data)) == data
    for where in (0, len(material) // 2, len(material) - 1):
        damaged = bytearray(material)
        damaged[where] ^= 0x01
        assert slotstore.af_merge(bytes(damaged), len(data)) != data


def test_partial_overwrite_destroys_the_key(made, monkeypatch):
    """Overwriting a few bytes in the middle of a slot area (checksum fixed up
    afterwards, as a partly successful wipe would leave it) loses the key."""
    folder, v, _code = made
    v.lock()
    path = folder / slotstore.STORE
    data = bytearray(path.read_bytes())
    store = slotstore.load(folder)
    area = 0 if store.slots[0].kind == "passphrase" else 1
    for copy in range(2):
        base = copy * slotstore.COPY_BYTES
        start = base + slotstore.HEADER_BYTES + area * slotstore.AREA_BYTES
        data[start + 120_000 : start + 120_016] = os.urandom(16)
        head_end = base + slotstore.HEADER_BYTES - slotstore.CHECKSUM_BYTES
        body = bytes(data[base + slotstore.HEADER_BYTES : base + slotstore.COPY_BYTES])
        data[head_end : base + slotstore.HEADER_BYTES] = slotstore._checksum(bytes(data[base:head_end]) + body)
    path.write_bytes(bytes(data))
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, PASS)


def test_crash_mid_write_never_loses_the_vault(made, monkeypatch):
    folder, v, code = made
    real_pwrite = os.pwrite
    calls: list[int] = []

    def torn(fd: int, data: bytes, offset: int) -> int:
        calls.append(offset)
        if len(calls) == crash_at:
            real_pwrite(fd, data[: len(data) // 3], offset)  # the power fails a third of the way in
            raise OSError("power cut")
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(slotstore.os, "pwrite", torn)
    crash_at = 1
    with pytest.raises(OSError):
        v.change_passphrase("second passphrase", kdf=FLOOR)
    v.lock()
    Vault.unlock(folder, PASS).lock()  # the first copy was torn: the old state opens
    calls.clear()
    v = Vault.unlock(folder, PASS)
    crash_at = 2
    with pytest.raises(OSError):
        v.change_passphrase("second passphrase", kdf=FLOOR)
    v.lock()
    monkeypatch.setattr(slotstore.os, "pwrite", real_pwrite)
    Vault.unlock(folder, "second passphrase").lock()  # the second copy was torn: the new state opens
    Vault.unlock(folder, recovery_code=code).lock()


def test_duress_set_up_rotates_every_key(made, tmp_path):
    folder, v, code = made
    rid = v.add_record("f", "1", {"narrative": "the square"}, {"name": "Samir Haddad"})
    src = tmp_path / "photo.bin"
    src.write_bytes(b"attachment bytes" * 100)
    att = v.import_attachment(src)
    old_vmk, device = bytes(v._vmk), v.secret("device_signing_key")
    old_wrapped = v.conn.execute("SELECT wrapped FROM identity_keys").fetchone()[0]
    new_code = v.set_duress_passphrase("the duress one", current=PASS)
    assert new_code != code
    assert bytes(v._vmk) != old_vmk
    assert v.conn.execute("SELECT wrapped FROM identity_keys").fetchone()[0] != old_wrapped
    v.lock()
    assert not db_opens_with(folder, old_vmk)  # SQLCipher rekeyed
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, recovery_code=code)
    v = Vault.unlock(folder, recovery_code=new_code)
    assert v.get_record(rid, reveal=True).identity == {"name": "Samir Haddad"}
    out = io.BytesIO()
    v.read_attachment(att.id, out)  # written before the rotation, still readable
    assert out.getvalue() == src.read_bytes()
    assert v.secret("device_signing_key") == device  # the device identity is kept
    assert v.check() == []
    assert "vault.keys_rotated" in [e.action for e in v.custody()]
    v.lock()


def test_passphrase_change_after_compromise_rotates(made):
    folder, v, code = made
    old_vmk = bytes(v._vmk)
    new_code = v.change_passphrase("after the checkpoint", kdf=FLOOR, rotate=True)
    assert new_code and new_code != code
    v.lock()
    assert not db_opens_with(folder, old_vmk)
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, PASS)
    with pytest.raises(WrongSecret):
        Vault.unlock(folder, recovery_code=code)
    Vault.unlock(folder, "after the checkpoint").lock()


@pytest.mark.parametrize("stage", ["_rekey", "_reseal_from"])
def test_interrupted_rotation_is_finished_at_unlock(made, monkeypatch, stage):
    folder, v, _code = made
    rid = v.add_record("f", "1", {"narrative": "n"}, {"name": "Nour"})
    real = getattr(Vault, stage)

    def crash(self, *args):
        # _rekey: the slots name the new key, the database still has the old one;
        # _reseal_from: the database is rekeyed, the secrets are still sealed under the old subkeys.
        raise KeyboardInterrupt

    monkeypatch.setattr(Vault, stage, crash)
    with pytest.raises(KeyboardInterrupt):
        v.set_duress_passphrase("the duress one", current=PASS)
    if v._conn is not None:
        v._conn.close()
        v._conn = None
    monkeypatch.setattr(Vault, stage, real)
    v2 = Vault.unlock(folder, PASS)
    assert v2.get_record(rid, reveal=True).identity == {"name": "Nour"}
    assert v2.check() == []
    assert slotstore.load(folder).previous is None
    v2.lock()


def test_wipe_overwrites_both_copies_before_removing_anything(made, monkeypatch):
    folder, v, _code = made
    v.lock()
    before = (folder / slotstore.STORE).read_bytes()
    seen: list[tuple[str, bytes | None]] = []
    real_unlink = Path.unlink

    def spy(self: Path, missing_ok: bool = False) -> None:
        store = folder / slotstore.STORE
        seen.append((self.name, store.read_bytes() if store.exists() else None))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", spy)
    Vault.wipe(folder)
    _name, store_then = seen[0]
    assert store_then is not None and len(store_then) == len(before)
    assert not blocks(before) & blocks(store_then)  # overwritten before the first removal
    assert not folder.exists()


def _legacy_vault(folder: Path, code: str) -> None:
    """Turn a new vault into one of the old layout (keyslots.json)."""
    from desktop.core.crypto import normalize_recovery_code

    v = Vault.unlock(folder, PASS)
    vmk, vault_id = bytes(v._vmk), v.vault_id
    v.lock()
    slots = []
    for kind, secret in (("passphrase", PASS.encode()), ("recovery", normalize_recovery_code(code))):
        slot = KeySlot(kind=kind, kdf=FLOOR, salt=os.urandom(16), wrapped=b"", legacy=True)
        slot.wrapped = seal(derive_key(secret, slot.salt, FLOOR), SLOT_VMK + vmk, slot.header(vault_id))
        slots.append(slot)
    (folder / slotstore.STORE).unlink()
    keystore.write_slots(folder, vault_id, slots)


def test_old_vaults_are_migrated(made):
    folder, v, code = made
    rid = v.add_record("f", "1", {"narrative": "kept"}, {})
    v.lock()
    _legacy_vault(folder, code)
    v = Vault.unlock(folder, PASS)
    assert v.get_record(rid).public == {"narrative": "kept"}
    v.lock()
    assert not (folder / "keyslots.json").exists() and (folder / slotstore.STORE).exists()
    Vault.unlock(folder, recovery_code=code).lock()
    # the migrated vault rotates like any other
    v = Vault.unlock(folder, PASS)
    v.change_passphrase("fresh", kdf=FLOOR, rotate=True)
    v.lock()
    assert [s.legacy for s in slotstore.load(folder).slots] == [False, False]


def test_store_refuses_to_be_written_twice(made):
    folder, _v, _code = made
    with pytest.raises(FileExistsError):
        slotstore.create(folder, slotstore.load(folder))
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(folder, PASS, kdf=FLOOR)
