"""Quick wipe and the duress passphrase, checked on a real file system.

A small ext4 image is loop-mounted; the vault lives on it and is driven
through the command line as a user would (init, record, passphrase change,
duress set-up), then wiped, or unlocked with the duress passphrase. After
unmounting, the raw image is searched the way a forensic examiner would: for
any block of any earlier key-slot file, for anything that looks like a key
slot store, and for the witness's words. Earlier secrets are tried against
every slot store found. Needs root and loop devices (CI has both).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.vault import Vault, VaultError, slotstore
from tests.cli import run

PASS = "first field passphrase"
NEW_PASS = "second field passphrase"
DURESS = "the checkpoint passphrase"
NAMES = ["Yusuf Haddad", "Mariam Khatib", "Omar Nasser"]
PHONES = ["+963 944 777 123", "+963 933 555 010", "+963 988 121 344"]


def _loop_unavailable() -> str | None:
    if os.geteuid() != 0:
        return "needs root to loop-mount an ext4 image"
    for tool in ("mkfs.ext4", "mount", "umount"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package e2fsprogs / mount)"
    if not Path("/dev/loop-control").exists():
        return "no loop devices on this machine (/dev/loop-control is missing)"
    return None


@pytest.fixture
def ext4(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    reason = _loop_unavailable()
    if reason:
        pytest.skip(reason)
    image, mnt = tmp_path / "disk.img", tmp_path / "mnt"
    mnt.mkdir()
    with open(image, "wb") as f:
        f.truncate(48 * 1024 * 1024)
    # No discard, no lazy init: freed blocks keep their bytes, as on a seized disk.
    subprocess.run(["mkfs.ext4", "-q", "-F", "-b", "4096", "-E", "nodiscard,lazy_itable_init=0", str(image)],
                   check=True, capture_output=True)
    r = subprocess.run(["mount", "-o", "loop", str(image), str(mnt)], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        pytest.skip(f"cannot loop-mount an ext4 image here: {r.stderr.strip()}")
    try:
        yield image, mnt
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True, check=False)


def _unmount(mnt: Path) -> None:
    subprocess.run(["sync"], check=True)
    subprocess.run(["umount", str(mnt)], check=True, capture_output=True)


def ok(r) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def _fill(vault: Path, tmp_path: Path, records: int) -> None:
    env = {"TESTIMONY_PASSPHRASE": PASS}
    example = Path(__file__).parent / "data" / "forms" / "examples" / "eyewitness_force.json"
    for i in range(records):
        src = json.loads(example.read_text())
        src["answers"]["interviewee_name"] = NAMES[i % len(NAMES)]
        src["answers"]["interviewee_contact"] = PHONES[i % len(PHONES)]
        f = tmp_path / f"answers{i}.json"
        f.write_text(json.dumps(src))
        ok(run("record", "add", "--vault", str(vault), "--form", "eyewitness_force", "--answers", str(f), env=env))


def _snapshot(vault: Path, snaps: list[bytes]) -> None:
    snaps.append((vault / slotstore.STORE).read_bytes())


def _blocks(data: bytes) -> set[bytes]:
    return {data[i : i + 4096] for i in range(0, len(data) - 4095, 4096)}


def _stores_in(image: bytes) -> list[bytes]:
    """Every key-slot store copy (a candidate) found anywhere in the raw image."""
    found, at = [], image.find(slotstore.MAGIC)
    while at != -1:
        found.append(image[at : at + slotstore.COPY_BYTES])
        at = image.find(slotstore.MAGIC, at + 1)
    return found


def _opens(copy: bytes, secrets: list[tuple[str, str]], tmp_path: Path) -> list[str]:
    """Which of the secrets open a carved store copy (put in a folder of its own)."""
    opened = []
    for kind, secret in secrets:
        folder = tmp_path / f"carved-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        (folder / slotstore.STORE).write_bytes(copy.ljust(slotstore.COPY_BYTES, b"\0") * 2)
        (folder / "vault.db").write_bytes(b"")
        try:
            Vault.unlock(folder, **{kind: secret})
            opened.append(secret)
        except VaultError as exc:
            # WrongSecret, or "damaged": either way nothing opened; an empty
            # vault.db only fails after a slot opened.
            if "vault.db" in str(exc):
                opened.append(secret)
        shutil.rmtree(folder, ignore_errors=True)
    return opened


def _set_up(mnt: Path, tmp_path: Path, records: int) -> tuple[Path, list[bytes], list[tuple[str, str]]]:
    vault = mnt / "vault"
    pf, npf, df = (tmp_path / n for n in ("p", "np", "d"))
    pf.write_text(PASS)
    npf.write_text(NEW_PASS)
    df.write_text(DURESS)
    snaps: list[bytes] = []
    code = json.loads(ok(run("vault", "init", "--vault", str(vault), "--passphrase-file", str(pf), "--json")))
    secrets = [("passphrase", PASS), ("recovery_code", code["recovery_code"])]
    _snapshot(vault, snaps)
    _fill(vault, tmp_path, records)
    _snapshot(vault, snaps)
    ok(run("vault", "passwd", "--vault", str(vault), "--passphrase-file", str(pf), "--new-passphrase-file", str(npf)))
    secrets.append(("passphrase", NEW_PASS))
    _snapshot(vault, snaps)
    out = json.loads(ok(run("vault", "duress", "--vault", str(vault), "--passphrase-file", str(npf),
                            "--duress-passphrase-file", str(df), "--json")))
    secrets.append(("recovery_code", out["recovery_code"]))
    _snapshot(vault, snaps)
    return vault, snaps, secrets


def _assert_nothing_left(image: bytes, snaps: list[bytes]) -> None:
    earlier = set().union(*(_blocks(s) for s in snaps))
    left = [i for i in range(0, len(image), 4096) if image[i : i + 4096] in earlier]
    assert left == [], f"{len(left)} blocks of earlier key-slot files are still on the disk"
    for s in snaps:  # nor any smaller piece: each slot area's first stripes, the header's salts
        for copy in range(2):
            base = copy * slotstore.COPY_BYTES
            assert s[base + slotstore.HEADER_BYTES : base + slotstore.HEADER_BYTES + 64] not in image
    for needle in NAMES + PHONES:
        assert needle.encode() not in image and needle.encode("utf-16-le") not in image


def test_wipe_leaves_no_key_slot_on_the_disk(ext4, tmp_path):
    image, mnt = ext4
    vault, snaps, _secrets = _set_up(mnt, tmp_path, records=3)
    ok(run("vault", "wipe", "--yes", "--vault", str(vault)))
    assert not vault.exists()
    _unmount(mnt)
    raw = image.read_bytes()
    _assert_nothing_left(raw, snaps)
    assert _stores_in(raw) == []  # no key slot store at all, so no secret opens anything
    assert b'"testimony-keyslots"' not in raw  # nor an old-style keyslots.json


def test_duress_unlock_leaves_only_the_decoy(ext4, tmp_path):
    image, mnt = ext4
    vault, snaps, secrets = _set_up(mnt, tmp_path, records=4)
    before = json.loads(ok(run("vault", "check", "--vault", str(vault), "--json",
                               env={"TESTIMONY_PASSPHRASE": NEW_PASS})))
    decoy = json.loads(ok(run("vault", "check", "--vault", str(vault), "--json",
                              env={"TESTIMONY_PASSPHRASE": DURESS})))
    assert decoy["records"] == 0
    assert decoy["device_fingerprint"] == before["device_fingerprint"]  # same device identity
    _unmount(mnt)
    raw = image.read_bytes()
    _assert_nothing_left(raw, snaps)
    carved = _stores_in(raw)
    assert carved, "the decoy's key slots should be on the disk"
    for copy in carved:
        assert _opens(copy, secrets, tmp_path) == []  # no earlier secret opens anything
