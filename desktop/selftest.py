"""`testimony --self-test`: prove that this installed copy works, on this machine,
without touching the user's vault.

Each check exercises the real code on the installed resources: the shipped
resources are all there; every interview form loads; redaction hides a name
from the shipped lists and a known identity; media cleaning removes GPS from a
JPEG; a vault stores and reads back a record and an attachment; a bundle makes
a round trip from a field vault to a headquarters vault. Everything happens in
a temporary folder that is wiped afterwards. Exit 0 only if every check passed;
otherwise exit 1 naming each failed check.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path



def _check_resources(_tmp: Path) -> str:
    from .core.paths import check_resources

    root = check_resources()
    return f"resources present in {root}"


def _check_forms(_tmp: Path) -> str:
    from .core.forms import FormRegistry

    registry = FormRegistry()
    forms = registry.list()
    expected = sorted(p.stem for p in registry.forms_dir.glob("*.yaml"))
    loaded = sorted(f.id for f in forms)
    if registry.errors:
        raise AssertionError(f"{len(registry.errors)} form file(s) failed to load: {registry.errors[0]}")
    if not forms or loaded != expected:
        missing = sorted(set(expected) - set(loaded))
        raise AssertionError(f"{len(forms)} of {len(expected)} interview forms loaded; missing {missing}")
    return f"{len(forms)} interview forms load"


def _check_redaction(_tmp: Path) -> str:
    from .core.paths import resources_dir
    from .core.services.redaction import redact as redact_text

    def first(name: str) -> str:
        path = resources_dir() / "names" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if word and not word.startswith("#") and word.isalpha() and len(word) > 3:
                return word.capitalize()
        raise AssertionError(f"{path} holds no usable name")

    given, family = first("given_lat.txt"), first("family_lat.txt")
    listed = redact_text(f"Yesterday {given} {family} told me what happened.", lang="en")["text"]
    if given in listed or family in listed:
        raise AssertionError(f"a name from the shipped lists was not redacted: {given} {family}")
    known = "Zoravel Quennick"  # made up: in no list, only known to this record
    out = redact_text(f"Then {known} ran towards the square.", known=[known], lang="en")["text"]
    if "Zoravel" in out or "Quennick" in out:
        raise AssertionError("a known identity was not redacted")
    return "redaction hides a listed name and a known identity"


def _gps_jpeg() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (32, 24), (120, 60, 30))
    exif = Image.Exif()
    exif[0x010F] = "SelfTestCameraMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (33.0, 30.0, 45.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (36.0, 17.0, 12.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    data = buf.getvalue()
    if b"SelfTestCameraMaker" not in data:
        raise AssertionError("could not build the GPS-tagged test JPEG")
    return data


def _check_media(tmp: Path) -> str:
    from PIL import Image

    from .core import media

    data = _gps_jpeg()
    cleaned, report = media.clean_bytes(data, "photo.jpg")
    if not report.cleaned or cleaned is None:
        raise AssertionError(f"a JPEG with GPS could not be cleaned ({report.reason})")
    with Image.open(io.BytesIO(cleaned)) as img:
        exif = img.getexif()
        if exif.get_ifd(0x8825) or b"SelfTestCameraMaker" in cleaned:
            raise AssertionError("GPS or camera metadata survived cleaning")
    return "media cleaning removes GPS from a JPEG"


def _check_vault_and_bundle(tmp: Path) -> str:
    from functools import partial

    from .core.bundle import export_bundle, import_bundle
    from .core.cards import hq_card, init_hq, trust_card
    from .core.crypto import FLOOR
    from .core.forms import FormRegistry
    from .core.paths import resources_dir
    from .core.records import export_view, save_new_record
    from .core.vault import Vault

    registry = FormRegistry()
    form = registry.get("eyewitness_force")
    answers = json.loads((resources_dir() / "demo" / "eyewitness_force.json").read_text("utf-8"))[0]
    issues = form.validate(answers)
    if issues:
        raise AssertionError(f"the demo interview does not validate: {issues[0].message}")
    photo = tmp / "photo.jpg"  # a generated image, not testimony
    photo.write_bytes(_gps_jpeg())
    passphrase = secrets.token_urlsafe(24)  # the two throwaway vaults' only, never shown
    field, _ = Vault.create(tmp / "field", passphrase, kdf=FLOOR)
    hq, _code, card = init_hq(tmp / "hq", passphrase, "Self-test HQ", kdf=FLOOR)
    try:
        rid = save_new_record(field, form, answers, [photo])
        field.lock()
        field = Vault.unlock(tmp / "field", passphrase)
        rec = field.get_record(rid, reveal=True)
        if not rec.identity or not rec.attachments:
            raise AssertionError("the record did not read back whole after unlocking")
        out = io.BytesIO()
        field.read_attachment(rec.attachments[0].id, out)
        if out.getvalue() != photo.read_bytes():
            raise AssertionError("the attachment read back differs")
        problems = field.check()
        if problems:
            raise AssertionError(f"vault check: {problems[0]}")
        trust_card(field, hq_card(hq).to_json().encode())
        bundle = tmp / "handover.tstm"
        # its fictional record is sent with automatic redaction, and the manifest says so
        export_bundle(field, card.fingerprint, bundle, partial(export_view, registry=registry), unreviewed=[rid])
        report = import_bundle(hq, bundle, trust_new_device=True)
        got = hq.list_records()
        if len(got) != 1 or got[0].id != rid:
            raise AssertionError(f"headquarters holds {len(got)} records after import, expected the one sent")
        again = import_bundle(hq, bundle, trust_new_device=True)
        if len(hq.list_records()) != 1:
            raise AssertionError("importing the same bundle twice duplicated a record")
        del report, again
    finally:
        field.lock()
        hq.lock()
    return "a vault stores a record and an attachment; a bundle makes the round trip to headquarters"


def _check_encrypting_child(tmp: Path) -> str:
    import pyrage
    from pyrage import x25519

    from .core import agechild

    if os.name != "posix":
        return "large attachments are encrypted in process on this system"
    ident = x25519.Identity.generate()
    data = secrets.token_bytes(agechild.CHUNK + 7)  # random bytes, not testimony
    path = tmp / "child.age"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        child = agechild.EncryptProcess(fd, ident.to_public())
    finally:
        os.close(fd)
    child.write(data)
    child.close()
    if pyrage.decrypt(path.read_bytes(), [ident]) != data:
        raise AssertionError("what the encrypting child process wrote does not decrypt to what it was given")
    return "the child process that encrypts large attachments works"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("resources", _check_resources),
    ("forms", _check_forms),
    ("redaction", _check_redaction),
    ("media", _check_media),
    ("vault and bundle", _check_vault_and_bundle),
    ("encrypting child", _check_encrypting_child),
]


def run() -> int:
    from .core.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="testimony-selftest-"))
    failed: list[str] = []
    try:
        for name, check in CHECKS:
            try:
                print(f"ok    {name}: {check(folder)}")
            except Exception as exc:  # each failure is reported, the next check still runs
                line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                print(f"FAIL  {name}: {line}", file=sys.stderr)
                failed.append(name)
    finally:
        for sub in ("field", "hq"):
            if (folder / sub).exists():
                Vault.wipe(folder / sub)
        shutil.rmtree(folder, ignore_errors=True)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"self-test passed ({len(CHECKS)} checks)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("TESTIMONY_KDF_PROFILE", "floor")
    sys.exit(run())
