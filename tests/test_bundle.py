"""Bundles: round trip, idempotence, trust, receipts, and hostile bundles refused."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from desktop.core import cards
from desktop.core.bundle import BundleError, import_bundle
from desktop.core.vault import Vault
from tests.bundle_kit import Pair, build, entry, open_tar, rehash, with_manifest


def jpeg_with_gps() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (34.0, 43.0, 1.5), 3: "E", 4: (36.0, 42.0, 3.0)}  # GPS position
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def add_with_attachment(pair: Pair, text: str = "They fired from the roof of the bank", data: bytes | None = None,
                        name: str = "photo.jpg"):
    src = pair.tmp / name
    src.write_bytes(data if data is not None else jpeg_with_gps())
    att = pair.field.import_attachment(src)
    return pair.field.add_record("eyewitness", "1", {"narrative": text}, {"name": "Hidden Witness"},
                                 attachment_ids=[att.id])


def test_round_trip_and_idempotence(pair):
    rid = add_with_attachment(pair)
    rid2 = pair.field.add_record("injured", "1", {"narrative": "shot in the leg"}, {"name": "X"})
    bundle = pair.export()
    assert not list(pair.tmp.glob("*.part"))
    report = import_bundle(pair.hq, bundle, trust_new_device=True)
    assert (report.records_added, report.revisions_added, report.duplicates_skipped) == (2, 0, 0)
    assert report.custody_problems == []
    got = pair.hq.get_record(rid, reveal=True)
    assert got.public == {"narrative": "They fired from the roof of the bank"}
    assert got.identity == {}  # identities were not included
    assert got.origin["bundle"] == report.bundle_id
    # attachment content identical to what the field vault would send
    sent = io.BytesIO()
    att = pair.field.get_record(rid).attachments[0]
    assert att.clean_status == "cleaned" and any("GPS" in r for r in att.removed)
    pair.field.read_attachment(att.id, sent, cleaned=True)
    received = io.BytesIO()
    assert got.attachments[0].removed == att.removed
    pair.hq.read_attachment(got.attachments[0].id, received)
    assert received.getvalue() == sent.getvalue()  # byte-identical to the cleaned copy
    original = io.BytesIO()
    pair.field.read_attachment(att.id, original)
    assert original.getvalue() != received.getvalue() and b"PhoneMaker" not in received.getvalue()
    assert pair.hq.get_record(rid2).public["narrative"] == "shot in the leg"
    # records are marked exported on the field side
    assert pair.field.get_record(rid).status == "exported"
    # the same bundle again changes nothing
    before = pair.digest()
    again = import_bundle(pair.hq, bundle)
    assert again.already_imported and again.records_added == 0 and again.duplicates_skipped == 2
    assert pair.digest() == before


def test_uncleaned_attachments_only_when_chosen(pair):
    rid = add_with_attachment(pair, data=b"\x00raw unknown format\x01" * 1000, name="clip.xyz")
    assert pair.field.get_record(rid).attachments[0].clean_status == "not_cleaned"
    from desktop.core.bundle import export_bundle
    from tests.bundle_kit import simple_view

    result = export_bundle(pair.field, pair.card.fingerprint, pair.tmp / "a.tstm", simple_view)
    assert result.attachments == 0 and "could not be removed" in result.skipped[0]
    pair.field.revise_record(rid, {"narrative": "again"}, {})
    result = export_bundle(pair.field, pair.card.fingerprint, pair.tmp / "b.tstm", simple_view,
                           include_uncleaned=True)
    assert result.attachments == 1 and not result.skipped


def test_edited_record_is_offered_again_as_revision(pair):
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "first"}, {"name": "A"})
    import_bundle(pair.hq, pair.export("one.tstm"), trust_new_device=True)
    with pytest.raises(BundleError, match="Nothing to export"):
        pair.export("none.tstm")
    pair.field.revise_record(rid, {"narrative": "second, corrected"}, {"name": "A"})
    report = import_bundle(pair.hq, pair.export("two.tstm"))
    assert (report.records_added, report.revisions_added) == (0, 1)
    assert pair.hq.get_record(rid).public["narrative"] == "second, corrected"
    assert pair.hq.get_record(rid, rev=1).public["narrative"] == "first"


def test_identities_only_when_asked(pair):
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {"name": "Named Witness"})
    bundle = pair.export(include_identities=True)
    manifest = json.loads({m.name: d for m, d in open_tar(pair, bundle)}["manifest.json"])
    assert manifest["include_identities"] is True and manifest["redaction_level"] == "identities-included"
    import_bundle(pair.hq, bundle, trust_new_device=True)
    assert pair.hq.get_record(rid, reveal=True).identity == {"name": "Named Witness"}
    exports = [e for e in pair.field.custody() if e.action == "bundle.export"]
    assert exports[-1].details["include_identities"] is True


def test_device_trust(pair, tmp_path):
    pair.field.set_meta("researcher_code", "R-07")
    pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {})
    bundle = pair.export()
    before = pair.digest()
    with pytest.raises(BundleError, match="device not seen before"):
        import_bundle(pair.hq, bundle)
    assert pair.digest() == before
    import_bundle(pair.hq, bundle, trust_new_device=True)
    # The same researcher code from another laptop (a changed key) is refused.
    from desktop.core.crypto import FLOOR

    other, _ = Vault.create(tmp_path / "other", "other passphrase", kdf=FLOOR)
    other.set_meta("researcher_code", "R-07")
    cards.trust_card(other, pair.card.to_json().encode())
    other.add_record("eyewitness", "1", {"narrative": "n"}, {})
    from desktop.core.bundle import export_bundle
    from tests.bundle_kit import simple_view

    b2 = tmp_path / "other.tstm"
    export_bundle(other, pair.card.fingerprint, b2, simple_view)
    before = pair.digest()
    with pytest.raises(BundleError, match=r"changed key|known with device"):
        import_bundle(pair.hq, b2, trust_new_device=True)
    assert pair.digest() == before
    assert import_bundle(pair.hq, b2, accept_changed_key=True).records_added == 1
    other.lock()


def test_receipt_and_handover(pair):
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {"name": "Secret"})
    kept = pair.field.add_record("eyewitness", "1", {"narrative": "not sent"}, {"name": "Other"})
    bundle = pair.export(record_ids=[rid])
    report = import_bundle(pair.hq, bundle, trust_new_device=True)
    receipt = cards.make_receipt(pair.hq, report.bundle_id)
    # A forged receipt is refused.
    doc = json.loads(receipt)
    doc["records"][kept] = 1
    with pytest.raises(cards.TrustError, match="signature"):
        cards.import_receipt(pair.field, json.dumps(doc).encode())
    with pytest.raises(cards.TrustError, match="no receipt"):
        cards.handover(pair.field, "identities", [rid])
    cards.import_receipt(pair.field, receipt)
    with pytest.raises(cards.TrustError, match="no receipt"):
        cards.handover(pair.field, "identities", [kept])
    # A redacted bundle did not carry the whole record: it may not be deleted here.
    with pytest.raises(cards.TrustError, match="did not receive the whole"):
        cards.handover(pair.field, "records", [rid])
    assert cards.handover(pair.field, "records") == []
    assert cards.handover(pair.field, "identities") == [rid]
    assert pair.field.get_record(rid, reveal=True).identity is None


def test_whole_record_handover_only_after_a_complete_receipt(pair):
    rid = add_with_attachment(pair)
    first = import_bundle(pair.hq, pair.export("redacted.tstm"), trust_new_device=True)
    cards.import_receipt(pair.field, cards.make_receipt(pair.hq, first.bundle_id))
    # Same revision sent again with identities: headquarters stores it (more content)...
    second = import_bundle(pair.hq, pair.export("whole.tstm", record_ids=[rid, rid], include_identities=True))
    assert second.revisions_added == 1 and second.duplicates_skipped == 0
    assert pair.hq.get_record(rid, reveal=True).identity == {"name": "Hidden Witness"}
    got = io.BytesIO()
    pair.hq.read_attachment(pair.hq.get_record(rid).attachments[-1].id, got)
    assert b"PhoneMaker" in got.getvalue()  # with identities, the original file travels
    # ...and a third time is a duplicate: nothing stored, nothing receipted.
    third = import_bundle(pair.hq, pair.export("again.tstm", record_ids=[rid], include_identities=True))
    assert third.duplicates_skipped == 1
    assert json.loads(cards.make_receipt(pair.hq, third.bundle_id))["records"] == {}
    cards.import_receipt(pair.field, cards.make_receipt(pair.hq, second.bundle_id))
    assert cards.handover(pair.field, "records") == [rid]
    assert pair.field.list_records() == []


def test_card_tampering_detected(pair):
    doc = json.loads(pair.card.to_json())
    doc["org"] = "Someone Else"
    other = x25519.Identity.generate()
    doc["age_recipient"] = str(other.to_public())
    with pytest.raises(cards.TrustError, match="fingerprint does not match"):
        cards.trust_card(pair.field, json.dumps(doc).encode())
    with pytest.raises(cards.TrustError, match="not a valid recipient card"):
        cards.trust_card(pair.field, b"\x00garbage")


def test_export_refuses_unknown_recipient_and_existing_file(pair):
    pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {})
    with pytest.raises(cards.TrustError, match="No trusted recipient"):
        from desktop.core.bundle import export_bundle
        from tests.bundle_kit import simple_view

        export_bundle(pair.field, "AAAA-BBBB-CCCC-DDDD", pair.tmp / "x.tstm", simple_view)
    (pair.tmp / "taken.tstm").write_bytes(b"keep me")
    with pytest.raises(BundleError, match="already exists"):
        pair.export("taken.tstm")
    assert (pair.tmp / "taken.tstm").read_bytes() == b"keep me"


def test_export_cancel_leaves_nothing(pair):
    add_with_attachment(pair, data=b"x" * (8 * 1024 * 1024), name="big.xyz")
    import threading

    before = set(threading.enumerate())
    with pytest.raises(Exception, match="Cancelled"):
        pair.export("c.tstm", cancel=lambda: True, include_uncleaned=True)
    # no decrypting or encrypting thread is left behind, blocked on a pipe
    assert [t for t in threading.enumerate() if t not in before and t.is_alive()] == []
    assert not list(pair.tmp.glob("c.tstm*"))
    assert pair.field.list_records()[0].status == "complete"


# ---------------------------------------------------------------- hostile bundles


@pytest.fixture
def hostile(pair):
    add_with_attachment(pair)
    pair.field.add_record("injured", "1", {"narrative": "second"}, {})
    bundle = pair.export("good.tstm")
    members = open_tar(pair, bundle)
    before = pair.digest()
    return pair, bundle, members, before


def refused(pair: Pair, path: Path, before: dict, match: str) -> None:
    with pytest.raises(BundleError, match=match) as exc:
        import_bundle(pair.hq, path, trust_new_device=True)
    assert "\n" not in str(exc.value)
    assert pair.digest() == before


def _named(members, name):
    return next(d for m, d in members if m.name == name)


def test_truncated(hostile):
    pair, bundle, _, before = hostile
    data = bundle.read_bytes()
    for cut in (10, len(data) // 2, len(data) - 1):
        (pair.tmp / "t.tstm").write_bytes(data[:cut])
        refused(pair, pair.tmp / "t.tstm", before, "damaged|not a bundle|empty|truncated|missing")


@pytest.mark.parametrize("where", [0.001, 0.3, 0.6, 0.999])
def test_flipped_bit(hostile, where):
    pair, bundle, _, before = hostile
    data = bytearray(bundle.read_bytes())
    data[int(len(data) * where)] ^= 0x04
    (pair.tmp / "f.tstm").write_bytes(bytes(data))
    refused(pair, pair.tmp / "f.tstm", before, "damaged|altered|not encrypted|not a bundle")


def test_other_recipient(hostile):
    pair, _, members, before = hostile
    other = x25519.Identity.generate().to_public()
    refused(pair, build(pair, members, pair.tmp / "o.tstm", recipient=other), before, "another recipient")


def test_not_an_age_file(hostile):
    pair, _, _, before = hostile
    (pair.tmp / "n.tstm").write_bytes(b"hello, this is not a bundle")
    refused(pair, pair.tmp / "n.tstm", before, "damaged|not a bundle")


def test_signature_missing(hostile):
    pair, _, members, before = hostile
    refused(pair, build(pair, [x for x in members if x[0].name != "manifest.sig"], pair.tmp / "s.tstm"),
            before, "manifest.sig is missing")


def test_signature_by_unknown_key(hostile):
    pair, _, members, before = hostile
    from desktop.core.crypto import new_signing_key

    stranger = new_signing_key()
    manifest = _named(members, "manifest.json")
    forged = [(m, stranger.sign(manifest) if m.name == "manifest.sig" else d) for m, d in members]
    refused(pair, build(pair, forged, pair.tmp / "k.tstm", resign=False), before, "signature is not valid")


def test_manifest_altered_without_resigning(hostile):
    pair, _, members, before = hostile
    edited = with_manifest(members, lambda d: d.update(include_identities=True))
    refused(pair, build(pair, edited, pair.tmp / "a.tstm", resign=False), before, "signature is not valid")


def test_hash_mismatch(hostile):
    pair, _, members, before = hostile
    rec = next(m for m, _ in members if m.name.startswith("records/"))
    changed = [(m, d.replace(b"second", b"SECOND") if m is rec else d) for m, d in members]
    if changed == members:
        changed = [(m, d + b" " if m is rec else d) for m, d in members]
    refused(pair, build(pair, changed, pair.tmp / "h.tstm"), before, "does not match its hash|bytes but")


def test_attachment_hash_mismatch(hostile):
    pair, _, members, before = hostile
    changed = [(m, bytes([d[0] ^ 1]) + d[1:] if m.name.startswith("attachments/") else d) for m, d in members]
    refused(pair, build(pair, changed, pair.tmp / "ah.tstm"), before, "does not match its hash")


def test_extra_member(hostile):
    pair, _, members, before = hostile
    extra = [*members, (tarfile.TarInfo("records/00000000-0000-0000-0000-000000000000.json"), b"{}")]
    refused(pair, build(pair, extra, pair.tmp / "e.tstm"), before, "unexpected member")


def test_missing_member(hostile):
    pair, _, members, before = hostile
    fewer = [x for x in members if not x[0].name.startswith("attachments/")]
    refused(pair, build(pair, fewer, pair.tmp / "m.tstm"), before, "missing")


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "records/../../x", "attachments/..%2f"])
def test_path_traversal(hostile, name):
    pair, _, members, before = hostile
    evil = [*members[:2], (tarfile.TarInfo(name), b"owned"), *members[2:]]
    refused(pair, build(pair, evil, pair.tmp / "p.tstm"), before, "leave the bundle|unexpected member")
    assert not (pair.tmp / "evil.json").exists()


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE])
def test_links_and_devices(hostile, kind):
    pair, _, members, before = hostile
    info = tarfile.TarInfo("custody.jsonl")
    info.type = kind
    info.linkname = "/etc/shadow"
    evil = [*members[:2], (info, b""), *members[2:]]
    refused(pair, build(pair, evil, pair.tmp / "l.tstm"), before, "is a link|device file|not a regular file")


def test_absurd_declared_size(hostile):
    pair, _, members, before = hostile
    edited = with_manifest(members, lambda d: d["files"].append(entry("custody.jsonl", b"")) or
                           d["files"].__setitem__(-1, {**d["files"][-1], "size": 10**15}))
    refused(pair, build(pair, edited, pair.tmp / "z.tstm"), before, "twice|impossible size")
    big = with_manifest(members, lambda d: [f.__setitem__("size", 2**60) for f in d["files"]
                                            if f["name"].startswith("attachments/")])
    refused(pair, build(pair, big, pair.tmp / "z2.tstm"), before, "impossible size|bytes but")


def test_member_larger_than_declared(hostile):
    pair, _, members, before = hostile
    grown = [(m, d + b"\x00" * 5000 if m.name.startswith("records/") else d) for m, d in members]
    refused(pair, build(pair, grown, pair.tmp / "g.tstm"), before, "bytes but the manifest")


def test_thousands_of_tiny_members(hostile):
    pair, _, members, before = hostile
    tiny = [(tarfile.TarInfo(f"records/{i:08d}-0000-0000-0000-000000000000.json"), b"{}") for i in range(5000)]
    refused(pair, build(pair, members[:2] + tiny + members[2:], pair.tmp / "tiny.tstm"), before, "unexpected member")


def test_duplicate_names(hostile):
    pair, _, members, before = hostile
    rec = next(x for x in members if x[0].name.startswith("records/"))
    refused(pair, build(pair, [*members, rec], pair.tmp / "d.tstm"), before, "appears twice")


def test_manifest_not_json(hostile):
    pair, _, members, before = hostile
    bad = [(m, b"{not json" if m.name == "manifest.json" else d) for m, d in members]
    refused(pair, build(pair, bad, pair.tmp / "j.tstm"), before, "not valid JSON")


def test_manifest_100_mb(hostile):
    pair, _, members, before = hostile
    huge = [(m, d + b" " * (100 * 1024 * 1024) if m.name == "manifest.json" else d) for m, d in members]
    refused(pair, build(pair, huge, pair.tmp / "big.tstm", resign=False), before, "far beyond")


def test_manifest_not_first(hostile):
    pair, _, members, before = hostile
    refused(pair, build(pair, members[2:] + members[:2], pair.tmp / "o.tstm"), before, "first member")


def test_field_vault_cannot_import(pair):
    with pytest.raises(BundleError, match="field vault"):
        import_bundle(pair.field, pair.tmp / "whatever")


def test_record_pointing_to_missing_attachment(hostile):
    pair, _, members, before = hostile
    out = []
    for m, d in members:
        if m.name.startswith("records/"):
            doc = json.loads(d)
            doc["attachments"] = [{"sha256": "0" * 64, "size": 1}]
            d = json.dumps(doc).encode()
        out.append((m, d))

    refused(pair, build(pair, rehash(out), pair.tmp / "r.tstm"), before, "not in the bundle")


def test_age_cli_and_tar_can_open_a_bundle(hostile, tmp_path):
    """Interoperability: Debian's age + tar open our bundle; sha256sum checks it."""
    import shutil
    import subprocess

    pair, bundle, _, _ = hostile
    if shutil.which("age") is None:
        pytest.skip("Debian's age is not installed (CI installs it)")
    key = tmp_path / "hq.key"
    key.write_text(str(pair.hq_identity()) + "\n")
    key.chmod(0o600)
    out = tmp_path / "x"
    out.mkdir()
    dec = subprocess.run(["age", "-d", "-i", str(key), str(bundle)], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(out)], input=dec.stdout, check=True)
    manifest = json.loads((out / "manifest.json").read_text())
    lines = "".join(f"{f['sha256']}  {f['name']}\n" for f in manifest["files"])
    check = subprocess.run(["sha256sum", "-c", "-"], input=lines.encode(), cwd=out, capture_output=True)
    assert check.returncode == 0, check.stdout + check.stderr
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from desktop.core.crypto import b64d

    Ed25519PublicKey.from_public_bytes(b64d(manifest["device_public_key"])).verify(
        (out / "manifest.sig").read_bytes(), (out / "manifest.json").read_bytes())
    key.unlink()


def test_unknown_device_refused_before_anything_is_staged(pair):
    add_with_attachment(pair)
    bundle = pair.export()

    def no_staging(reader):
        raise AssertionError("a member was staged before the device was accepted")

    pair.hq.write_blob = no_staging
    with pytest.raises(BundleError, match="device not seen before"):
        import_bundle(pair.hq, bundle)


def test_huge_extended_header_refused(hostile):
    pair, _, members, before = hostile
    evil = [*members[:2], (tarfile.TarInfo("records/" + "a" * 300_000 + ".json"), b"{}"), *members[2:]]
    refused(pair, build(pair, evil, pair.tmp / "long.tstm"), before, "damaged|unexpected member")


def test_deeply_nested_json_refused(hostile):
    pair, _, members, before = hostile
    deep = b"[" * 100_000 + b"]" * 100_000
    bad = [(m, deep if m.name == "manifest.json" else d) for m, d in members]
    refused(pair, build(pair, bad, pair.tmp / "deep.tstm"), before, "not valid JSON")


@pytest.mark.parametrize("change", [
    {"rev": 2**70}, {"created_at": {"x": 1}}, {"attachments": [{"sha256": ["a"], "size": 1}]},
    {"attachments": [{"sha256": "0" * 64, "size": "big"}]}, {"answers": [1, 2]},
])
def test_malformed_record_fields_refused(hostile, change):
    pair, _, members, before = hostile
    out = []
    for m, d in members:
        if m.name.startswith("records/"):
            doc = json.loads(d)
            doc.update(change)
            d = json.dumps(doc).encode()
        out.append((m, d))

    refused(pair, build(pair, rehash(out), pair.tmp / "r.tstm"), before, "malformed|no valid|no answers")


def test_member_name_with_newline_refused(hostile):
    pair, _, members, before = hostile
    att = next(x for x in members if x[0].name.startswith("attachments/"))
    info = tarfile.TarInfo(att[0].name + "\n")
    refused(pair, build(pair, [*members, (info, att[1])], pair.tmp / "nl.tstm"), before,
            "leave the bundle|unexpected member")


def test_data_after_the_end_of_the_archive_refused(hostile):
    """What follows the tar's end inside the age stream is refused, also when it sits in
    what the tar reader read ahead (the first MiB after the end)."""
    pair, _, members, before = hostile
    good = build(pair, members, pair.tmp / "g.tstm")
    plain = pyrage.decrypt(good.read_bytes(), [pair.hq_identity()])
    for tail in (b"smuggled", b"\x00" * (3 << 20) + b"smuggled"):
        (pair.tmp / "tail.tstm").write_bytes(pyrage.encrypt(plain + tail, [pair.hq_identity().to_public()]))
        refused(pair, pair.tmp / "tail.tstm", before, "data follows the last member")


def test_export_stream_is_what_tarfile_writes():
    """The export builds its tar stream piece by piece (no copies); it is byte for byte
    what tarfile's own stream writer makes of the same members."""
    from desktop.core.bundle.tarwrite import tar_parts as _tar_parts
    from desktop.core.bundle.tarwrite import tarinfo as _tarinfo

    members = [(f"records/{i:08d}-0000-0000-0000-000000000000.json", b"x" * (i * 977)) for i in range(12)]
    ours = b"".join(_tar_parts(None, b"{manifest}", b"s" * 64, members, {}, b"custody\n"))  # type: ignore[arg-type]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("manifest.json", b"{manifest}"), ("manifest.sig", b"s" * 64), *members,
                           ("custody.jsonl", b"custody\n")]:
            tar.addfile(_tarinfo(name, len(data)), io.BytesIO(data))
    assert ours == buf.getvalue()


@pytest.mark.parametrize("stanzas", [100, 40_000])
def test_age_header_bounded_before_the_library_reads_it(hostile, monkeypatch, stanzas):
    """pyrage parses a header in time growing with the square of its stanza
    count (8,000 stanzas: 8 s); anyone with the public card can make one."""
    import base64
    import os

    pair, _, _, before = hostile

    def b64(n: int) -> bytes:
        return base64.b64encode(os.urandom(n)).rstrip(b"=")

    stanza = b"-> X25519 " + b64(32) + b"\n" + b64(32) + b"\n"
    header = b"age-encryption.org/v1\n" + stanza * stanzas + b"--- " + b64(32) + b"\n"
    (pair.tmp / "h.tstm").write_bytes(header + os.urandom(4096))

    def never(*args, **kwargs):
        raise AssertionError("the age library was handed an unbounded header")

    monkeypatch.setattr(pyrage, "decrypt_io", never)
    with pytest.raises(BundleError) as exc:
        import_bundle(pair.hq, pair.tmp / "h.tstm", trust_new_device=True)
    assert exc.value.code == ("bundle.age_too_many_recipients" if stanzas == 100 else "bundle.age_header_too_long")
    assert pair.digest() == before


def test_files_that_are_not_age_are_refused_by_code(pair):
    (pair.tmp / "plain.tstm").write_bytes(b"just some text\n" * 100)
    (pair.tmp / "armored.tstm").write_bytes(b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n")
    for name, code in (("plain.tstm", "bundle.not_age"), ("armored.tstm", "bundle.age_armored")):
        with pytest.raises(BundleError) as exc:
            import_bundle(pair.hq, pair.tmp / name, trust_new_device=True)
        assert exc.value.code == code
