"""Access rules decided once, in the core, and honoured by the command line:
the passphrase rule, the failed-unlock policy kept with the vault, lock hygiene."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.crypto import FLOOR
from desktop.core.desk import names as desk_names
from desktop.core.desk import suggest as desk_suggest
from desktop.core.errors import Refusal
from desktop.core.redaction import units
from desktop.core.services import access
from desktop.core.vault import WrongSecret
from desktop.core.vault.guard import GUARD
from tests.cli import run

PASS = "a long field passphrase"
WEAK = "12345678"


def one_line_refusal(r) -> str:
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    return lines[0]


def test_weak_passphrase_refused_by_core_and_cli(tmp_path: Path):
    with pytest.raises(Refusal) as info:
        access.create_vault(tmp_path / "core", WEAK, kdf=FLOOR)
    assert info.value.code == "passphrase.weak"
    assert not (tmp_path / "core").exists()
    line = one_line_refusal(run("vault", "init", "--vault", str(tmp_path / "cli"),
                                env={"TESTIMONY_PASSPHRASE": WEAK}))
    assert line == "testimony: " + info.value.message
    assert "too weak" in line
    assert not (tmp_path / "cli").exists()
    # too short is explained as such, with the minimum
    with pytest.raises(Refusal) as short:
        access.check_passphrase("abc")
    assert short.value.code == "passphrase.too_short" and short.value.params["minimum"] == 8


def _vault(tmp_path: Path):
    created = access.create_vault(tmp_path / "v", PASS, kdf=FLOOR)
    return tmp_path / "v", created.vault


def test_failed_unlocks_from_the_cli_wipe_the_vault_when_set(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.set_unlock_limit(vault, 3)
    access.lock(vault)
    wrong = {"TESTIMONY_PASSPHRASE": "not the passphrase at all"}
    first = one_line_refusal(run("vault", "check", "--vault", str(path), env=wrong))
    assert "2 attempt(s) left" in first
    one_line_refusal(run("vault", "check", "--vault", str(path), env=wrong))
    assert (path / "keyslots.bin").exists()
    last = one_line_refusal(run("vault", "check", "--vault", str(path), env=wrong))
    assert "wiped" in last
    assert not (path / "keyslots.bin").exists() and not (path / "vault.db").exists()
    # the right passphrase cannot bring it back
    r = run("vault", "check", "--vault", str(path), env={"TESTIMONY_PASSPHRASE": PASS})
    assert r.returncode == 1


def test_cli_sets_the_limit_and_a_success_resets_the_count(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.lock(vault)
    ok = {"TESTIMONY_PASSPHRASE": PASS}
    assert run("vault", "wipe-after", "2", "--vault", str(path), env=ok).returncode == 0
    wrong = {"TESTIMONY_PASSPHRASE": "not the passphrase at all"}
    one_line_refusal(run("vault", "check", "--vault", str(path), env=wrong))
    r = run("vault", "check", "--vault", str(path), env=ok)
    assert r.returncode == 0 and "1 failed unlock" in r.stderr
    one_line_refusal(run("vault", "check", "--vault", str(path), env=wrong))
    assert (path / "keyslots.bin").exists()  # counting started again after the success
    opened = access.unlock(path, PASS)
    actions = [e.action for e in opened.vault.custody()]
    assert actions.count("vault.failed_unlocks") == 2
    access.lock(opened.vault)


def test_without_a_limit_a_wrong_passphrase_changes_nothing(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.lock(vault)
    for _ in range(3):
        with pytest.raises(WrongSecret) as info:
            access.unlock(path, "not the passphrase at all")
        assert info.value.code == "unlock.wrong_passphrase"
    assert not (path / GUARD).exists()
    access.lock(access.unlock(path, PASS).vault)


@pytest.mark.parametrize("edit", ["switch_off", "delete", "roll_back"])
def test_editing_the_counter_is_detected_at_the_next_unlock(tmp_path: Path, edit: str):
    path, vault = _vault(tmp_path)
    access.set_unlock_limit(vault, 5)
    access.lock(vault)
    for _ in range(2):
        with pytest.raises(WrongSecret):
            access.unlock(path, "not the passphrase at all")
    access.lock(access.unlock(path, PASS).vault)  # confirms 2 failures in the sealed state
    with pytest.raises(WrongSecret):
        access.unlock(path, "not the passphrase at all")
    doc = json.loads((path / GUARD).read_text())
    if edit == "switch_off":
        doc["limit"] = 0
    elif edit == "roll_back":
        doc["total"] = doc["baseline"] = 0
    if edit == "delete":
        (path / GUARD).unlink()
    else:
        (path / GUARD).write_text(json.dumps(doc))
    opened = access.unlock(path, PASS)
    assert opened.guard_tampered
    assert "vault.unlock_guard_tampered" in [e.action for e in opened.vault.custody()]
    assert access.unlock_limit(opened.vault) == 5  # the sealed setting wins and is written back
    access.lock(opened.vault)
    again = access.unlock(path, PASS)
    assert not again.guard_tampered
    access.lock(again.vault)


def test_unedited_counter_is_not_reported_as_tampered(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.set_unlock_limit(vault, 4)
    access.lock(vault)
    with pytest.raises(WrongSecret):
        access.unlock(path, "not the passphrase at all")
    opened = access.unlock(path, PASS)
    assert not opened.guard_tampered and opened.failed_since_last_unlock == 1
    access.lock(opened.vault)


def test_cli_refuses_a_limit_that_is_not_a_number_in_one_line(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.lock(vault)
    for bad in ("many", "-1", "1000"):
        line = one_line_refusal(run("vault", "wipe-after", bad, "--vault", str(path),
                                    env={"TESTIMONY_PASSPHRASE": PASS}))
        assert "between 0 (off) and" in line


def test_limit_out_of_range_refused(tmp_path: Path):
    _path, vault = _vault(tmp_path)
    with pytest.raises(Refusal) as info:
        access.set_unlock_limit(vault, access.MAX_UNLOCK_LIMIT + 1)
    assert info.value.code == "unlock.limit_invalid"
    assert access.unlock_limit(vault) == 0
    access.lock(vault)


def test_lock_forgets_cached_name_parts(tmp_path: Path):
    _path, vault = _vault(tmp_path)
    units.lat_key("Hassan")
    units.ar_key("حسن")
    desk_names.parse("Mohammad al-Halabi (Abu Ahmad)")  # headquarters' name matching caches too
    desk_suggest._similarity("halabi", "halaby")
    caches = [units.lat_key, units.ar_key, desk_names.parse, desk_suggest._similarity]
    assert all(c.cache_info().currsize for c in caches)
    access.lock(vault)
    assert [c.cache_info().currsize for c in caches] == [0, 0, 0, 0]
    assert vault.is_locked


def test_duress_passphrase_follows_the_same_rule(tmp_path: Path):
    _path, vault = _vault(tmp_path)
    with pytest.raises(Refusal) as info:
        access.set_duress_passphrase(vault, WEAK, PASS)
    assert info.value.code == "passphrase.weak"
    with pytest.raises(Refusal) as same:
        access.set_duress_passphrase(vault, PASS, PASS)
    assert same.value.code == "passphrase.duress_same"
    access.lock(vault)


@pytest.mark.parametrize("how", ["passwd", "duress"])
def test_new_master_key_keeps_the_failed_unlock_guard_sound(tmp_path: Path, how: str):
    """The counter's seal is derived from the master key: replacing the key
    (passwd --rotate-keys, duress set-up) moves the seal, so the next unlock
    is not reported as tampering and the limit still holds."""
    path, vault = _vault(tmp_path)
    access.set_unlock_limit(vault, 3)
    new = "a brand new passphrase for rotation"
    if how == "passwd":
        code = access.change_passphrase(vault, new, kdf=FLOOR, rotate=True)
        assert code
    else:
        access.set_duress_passphrase(vault, "quite another duress phrase here", current=PASS)
        new = PASS
    access.lock(vault)
    with pytest.raises(WrongSecret):
        access.unlock(path, "not the passphrase at all")
    opened = access.unlock(path, new)
    assert not opened.guard_tampered and opened.failed_since_last_unlock == 1
    assert access.unlock_limit(opened.vault) == 3
    access.lock(opened.vault)


def test_damaged_key_slots_are_a_coded_refusal(tmp_path: Path):
    path, vault = _vault(tmp_path)
    access.lock(vault)
    with open(path / "keyslots.bin", "r+b") as f:
        f.truncate(100)
    with pytest.raises(Refusal) as damaged:
        access.unlock(path, PASS)
    assert damaged.value.code == "vault.slots_damaged" and "damaged" in str(damaged.value)


def test_changing_the_passphrase_checks_the_current_one(tmp_path: Path):
    """The window passes the current passphrase: a wrong one (or the duress one) changes nothing."""
    path, vault = _vault(tmp_path)
    new = "a brand new passphrase for the laptop"
    with pytest.raises(Refusal) as wrong:
        access.change_passphrase(vault, new, new, kdf=FLOOR, current="not the passphrase at all")
    assert wrong.value.code == "passphrase.current_wrong"
    access.set_duress_passphrase(vault, "quite another duress phrase here", current=PASS)
    with pytest.raises(Refusal) as duress:
        access.change_passphrase(vault, new, new, kdf=FLOOR, current="quite another duress phrase here")
    assert duress.value.code == "passphrase.current_wrong"
    access.lock(vault)
    access.lock(access.unlock(path, PASS).vault)  # unchanged
    opened = access.unlock(path, PASS)
    access.change_passphrase(opened.vault, new, new, kdf=FLOOR, current=PASS)
    access.lock(opened.vault)
    access.lock(access.unlock(path, new).vault)


def test_a_recovery_code_never_confirmed_is_remembered_and_can_be_replaced(tmp_path: Path):
    created = access.create_vault(tmp_path / "v", PASS, kdf=FLOOR, confirm_code=True)
    vault, old_code = created.vault, created.recovery_code
    assert access.recovery_code_unconfirmed(vault)
    new_code = access.replace_recovery_code(vault)
    assert new_code != old_code and access.recovery_code_unconfirmed(vault)
    access.confirm_recovery_code(vault)
    assert not access.recovery_code_unconfirmed(vault)
    access.lock(vault)
    access.lock(access.unlock(tmp_path / "v", recovery_code=new_code).vault)
    with pytest.raises(WrongSecret):
        access.unlock(tmp_path / "v", recovery_code=old_code)  # overwritten in place
    plain = access.create_vault(tmp_path / "cli", PASS, kdf=FLOOR)  # the command line prints the code once
    assert not access.recovery_code_unconfirmed(plain.vault)
    access.lock(plain.vault)
