"""What headquarters takes from a bundle's word (issue 10, items 6, 9, 11):
the signed manifest's recipient, the researcher code a trusted device signs
with, the answer keys of each record, and the custody log a redacted bundle
carries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyrage import x25519

from desktop.core import cards
from desktop.core.bundle import BundleError, DeviceRefused, export_bundle, import_bundle
from desktop.core.crypto import FLOOR
from desktop.core.forms import FormRegistry
from desktop.core.records import export_view, save_new_record
from desktop.core.services import exchange
from desktop.core.vault import Vault
from tests.bundle_kit import build, open_tar, rehash, simple_view

EXAMPLE = Path(__file__).parent / "data" / "forms" / "examples" / "eyewitness_force.json"


def _member(members, name):
    return next(d for m, d in members if m.name == name)


def test_redacted_bundle_carries_a_coarse_custody_summary(pair):
    """The full log named the SHA-256 of each original attachment (which identifies
    the file to anyone who has it), microsecond times, and records that were not sent."""
    src = pair.tmp / "photo.bin"
    src.write_bytes(b"an original file someone else may hold" * 50)
    att = pair.field.import_attachment(src)
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "sent"}, {"name": "Hidden"}, attachment_ids=[att.id])
    other = pair.field.add_record("injured", "1", {"narrative": "not sent"}, {"name": "Someone"})
    pair.field.export_attachment(att.id, pair.tmp / "copy.bin", original=True)  # logged with its hash and size
    original = pair.field.get_record(rid).attachments[0].sha256
    bundle = pair.export(record_ids=[rid])
    text = _member(open_tar(pair, bundle), "custody.jsonl").decode()
    assert original not in text
    assert other not in text
    entries = [json.loads(line) for line in text.splitlines()]
    assert entries and all(e["record_id"] == rid for e in entries)
    assert {e["action"] for e in entries} >= {"record.create", "attachment.export"}
    assert not any("size" in e["details"] or "sha256" in e["details"] for e in entries)
    assert not re.search(r"T\d\d:\d\d", text)  # days, not times
    assert all("seq" not in e for e in entries)  # nothing counts what else happened
    report = import_bundle(pair.hq, bundle, trust_new_device=True)
    assert report.custody_problems == []
    # with identities the whole record goes, and so does the full, verifiable chain
    rid2 = pair.field.add_record("injured", "1", {"narrative": "whole"}, {"name": "Known"})
    full = pair.export("full.tstm", record_ids=[rid2], include_identities=True)
    full_text = _member(open_tar(pair, full), "custody.jsonl").decode()
    assert '"hash"' in full_text and other in full_text
    assert import_bundle(pair.hq, full).custody_problems == []


def test_bundle_for_another_headquarters_is_refused(pair):
    """A bundle made for one headquarters, re-encrypted to another: the signed
    manifest names its recipient."""
    pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {})
    members = open_tar(pair, pair.export())
    other_hq, _code, other_card = cards.init_hq(pair.tmp / "hq2", "another hq passphrase", "Other", kdf=FLOOR)
    try:
        moved = build(pair, members, pair.tmp / "moved.tstm", resign=False,
                      recipient=x25519.Recipient.from_str(other_card.age_recipient))
        with pytest.raises(BundleError) as exc:
            import_bundle(other_hq, moved, trust_new_device=True)
        assert exc.value.code == "bundle.other_headquarters"
        assert exc.value.params["ours"] == other_card.fingerprint
        assert other_hq.list_records() == []
    finally:
        other_hq.lock()


def _export(vault: Vault, pair, name: str, narrative: str) -> tuple[str, Path]:
    rid = vault.add_record("eyewitness", "1", {"narrative": narrative}, {})
    out = pair.tmp / name
    export_bundle(vault, pair.card.fingerprint, out, simple_view)
    return rid, out


def test_trusted_device_cannot_claim_another_researcher(pair):
    """A trusted device claimed another known researcher's code, and the CSV
    attributed its records to them."""
    pair.field.set_meta("researcher_code", "R-01")
    import_bundle(pair.hq, _export(pair.field, pair, "a.tstm", "first")[1], trust_new_device=True)
    second, _ = Vault.create(pair.tmp / "field2", "second field passphrase", kdf=FLOOR)
    try:
        cards.trust_card(second, pair.card.to_json().encode())
        second.set_meta("researcher_code", "R-02")
        import_bundle(pair.hq, _export(second, pair, "b.tstm", "second")[1], trust_new_device=True)
        before = pair.digest()
        second.set_meta("researcher_code", "R-01")  # now it claims to be the first researcher
        rid, out = _export(second, pair, "c.tstm", "in another's name")
        with pytest.raises(DeviceRefused) as exc:
            import_bundle(pair.hq, out, trust_new_device=True, accept_changed_key=True)
        assert exc.value.code == "bundle.claims_other_researcher" and exc.value.params["bound"] == "R-02"
        assert pair.digest() == before
        second.set_meta("researcher_code", "R-03")  # a code nobody has: taken only when accepted deliberately
        rid3, out3 = _export(second, pair, "d.tstm", "renamed")
        with pytest.raises(DeviceRefused) as exc:
            import_bundle(pair.hq, out3, trust_new_device=True)
        assert exc.value.code == "bundle.changed_researcher"
        assert pair.digest() == before
        report = import_bundle(pair.hq, out3, accept_changed_key=True)
        assert report.researcher == "R-03" and report.records_added >= 1
        assert pair.hq.get_record(rid3).origin["researcher"] == "R-03"
        assert rid not in {r.id for r in pair.hq.list_records()}
    finally:
        second.lock()


def _real_bundle(pair) -> tuple[str, Path]:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    registry = FormRegistry()
    rid = save_new_record(pair.field, registry.get(doc["form"], doc["version"]), doc["answers"])
    out = pair.tmp / "real.tstm"
    export_bundle(pair.field, pair.card.fingerprint, out, lambda v, r, i: export_view(v, r, i, registry=registry))
    return rid, out


def _edit_record(pair, bundle: Path, name: str, edit) -> Path:
    members = []
    for m, data in open_tar(pair, bundle):
        if m.name.startswith("records/"):
            doc = json.loads(data)
            edit(doc)
            data = json.dumps(doc).encode()
        members.append((m, data))
    return build(pair, rehash(members), pair.tmp / name)  # signed again by the trusted device itself


def test_imported_answers_are_checked_against_their_form(pair):
    """Answer keys became CSV columns unchecked; a key `=HYPERLINK(...)` in the
    header row is a live formula. Now a key the form does not have refuses the bundle."""
    rid, bundle = _real_bundle(pair)
    hostile = _edit_record(pair, bundle, "keys.tstm",
                           lambda d: d["answers"].update({'=HYPERLINK("http://x","y")': "a"}))
    nested = _edit_record(pair, bundle, "nested.tstm",
                          lambda d: d["answers"]["event_location"].update({"@cmd": "b"}))
    unknown_form = _edit_record(pair, bundle, "form.tstm", lambda d: d.update({"form_version": "9.9.9"}))
    before = pair.digest()
    for path, code, where in ((hostile, "bundle.unknown_answers", "=HYPERLINK"),
                              (nested, "bundle.unknown_answers", "event_location.@cmd"),
                              (unknown_form, "bundle.unknown_form", "9.9.9")):
        with pytest.raises(BundleError) as exc:
            exchange.import_bundle(pair.hq, path, trust_new_device=True)
        assert exc.value.code == code, exc.value
        assert where in str(exc.value) and "\n" not in str(exc.value)
        assert pair.digest() == before  # nothing stored, no staged attachment left
    report = exchange.import_bundle(pair.hq, bundle, trust_new_device=True)  # the genuine one is taken
    assert report.records_added == 1 and pair.hq.get_record(rid).form_id == "eyewitness_force"


def test_custody_summaries_are_checked_for_what_they_speak_of(pair):
    """A summary naming a record the bundle does not carry is reported; an older
    redacted bundle that still carried the full chain is verified as a chain."""
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "n"}, {})
    members = open_tar(pair, pair.export("s.tstm"))
    stray = json.dumps({"day": "2026-01-01", "action": "record.create",
                        "record_id": "00000000-0000-4000-8000-000000000000", "details": {}}).encode() + b"\n"
    full = "".join(json.dumps(e.to_dict(), sort_keys=True) + "\n" for e in pair.field.custody()).encode()

    def with_custody(data: bytes) -> list:
        return rehash([(m, data if m.name == "custody.jsonl" else d) for m, d in members])

    odd = build(pair, with_custody(_member(members, "custody.jsonl") + stray), pair.tmp / "odd.tstm")
    assert import_bundle(pair.hq, odd, trust_new_device=True).custody_problems == [
        "summary entry for a record not in the bundle"]
    pair.field.add_record("eyewitness", "1", {"narrative": "older"}, {})
    members = open_tar(pair, pair.export("older.tstm"))
    older = build(pair, with_custody(full), pair.tmp / "older2.tstm")
    assert import_bundle(pair.hq, older).custody_problems == []
    assert rid in {r.id for r in pair.hq.list_records()}


def test_accepting_a_changed_key_never_trusts_a_device_nobody_was_shown(pair):
    """--accept-changed-key is for a known researcher's new device or a trusted device's new
    code: a bundle from an unseen device under an unknown code still needs --trust-new-device."""
    stranger, _ = Vault.create(pair.tmp / "stranger", "stranger field passphrase", kdf=FLOOR)
    try:
        cards.trust_card(stranger, pair.card.to_json().encode())
        stranger.set_meta("researcher_code", "R-99")
        _rid, out = _export(stranger, pair, "s.tstm", "from nowhere")
        before = pair.digest()
        with pytest.raises(DeviceRefused) as exc:
            import_bundle(pair.hq, out, accept_changed_key=True)
        assert exc.value.code == "bundle.new_device"
        assert pair.digest() == before
    finally:
        stranger.lock()


def test_an_acceptance_holds_only_for_the_device_it_was_given_for(pair):
    """The fingerprint the analyst compared is bound to the import: a bundle signed by any
    other device is refused and nothing changes (the file could have been swapped)."""
    pair.field.set_meta("researcher_code", "R-01")
    _rid, out = _export(pair.field, pair, "a.tstm", "first")
    shown = cards.device_identity(pair.field)[1]
    stranger, _ = Vault.create(pair.tmp / "stranger", "stranger field passphrase", kdf=FLOOR)
    try:
        cards.trust_card(stranger, pair.card.to_json().encode())
        _rid2, swapped = _export(stranger, pair, "b.tstm", "swapped in")
        other = cards.device_identity(stranger)[1]
    finally:
        stranger.lock()
    before = pair.digest()
    with pytest.raises(BundleError) as exc:
        import_bundle(pair.hq, swapped, trust_new_device=True, expect_device=shown)
    assert exc.value.code == "bundle.other_device"
    assert exc.value.params == {"fingerprint": other, "expected": shown}
    assert pair.digest() == before
    assert import_bundle(pair.hq, out, trust_new_device=True, expect_device=shown).records_added == 1
