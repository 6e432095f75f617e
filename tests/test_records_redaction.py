"""What leaves the laptop: narratives redacted with the record's own identities,
the researcher's review decisions applied, places of incidents kept; and the
`testimony redact` command."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.crypto import FLOOR
from desktop.core.forms import FormRegistry
from desktop.core.records import detect_for_review, export_view, save_new_record
from desktop.core.vault import Vault
from tests.cli import run

ROOT = Path(__file__).resolve().parent.parent


def example(form_id: str) -> dict:
    return json.loads((ROOT / "tests" / "data" / "forms" / "examples" / f"{form_id}.json").read_text())["answers"]


def test_export_view_redacts_and_applies_review(tmp_path):
    reg = FormRegistry()
    form = reg.get("eyewitness_force")
    answers = example("eyewitness_force")
    answers["witness_position"] = ("Khaled Haddad stood near the Khalidiya roundabout with Dr. Samer Nouri; "
                                   "call him on 0944 555 123.")
    v, _ = Vault.create(tmp_path / "v", "redaction passphrase", kdf=FLOOR)
    rid = save_new_record(v, form, answers)
    view = export_view(v, rid, include_identities=False, registry=reg)
    text = view["answers"]["witness_position"]
    assert "Khaled" not in text and "Haddad" not in text and "0944" not in text and "Samer" not in text
    assert "[PERSON-1]" in text and "[PHONE-1]" in text
    assert "Khalidiya" in text  # the incident's neighbourhood survives
    assert view["identity"] is None and view["redaction"] == "automatic"

    # The researcher rejects the doctor's detection (a public figure, say) and saves the review.
    rec = v.get_record(rid, reveal=True)
    public, identity = rec.public, rec.identity
    spans = detect_for_review(form, public, identity)["witness_position"]
    doctor = next(s for s in spans if "Samer" in s.text)
    decisions = [{"start": s.start, "end": s.end, "label": s.label,
                  "decision": "reject" if s is doctor else "accept"} for s in spans]
    v.set_redaction(rid, {"witness_position": {"decisions": decisions}})
    reviewed = export_view(v, rid, include_identities=False, registry=reg)
    text = reviewed["answers"]["witness_position"]
    assert "Samer Nouri" in text and "Haddad" not in text
    # "reviewed" says every narrative was (issue 13): this record has others nobody looked at
    assert reviewed["redaction"] == "automatic"
    assert [e.action for e in v.custody(rid)][-1] == "redaction.review"
    # With identities chosen explicitly, the words and the identity travel unredacted.
    full = export_view(v, rid, include_identities=True, registry=reg)
    assert full["identity"]["interviewee_name"].startswith("Khaled Haddad")
    v.lock()


def test_redact_command_json_offsets():
    text = "Abu Khaled (أبو خالد) called from +963 944 123 456 near Salah al-Din."
    r = run("redact", "--json", "--known", "Khaled Haddad", stdin=text)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"text", "spans", "uncertain"}
    for span in out["spans"]:
        assert set(span) == {"start", "end", "label", "replacement"}
        assert span["label"] in {"PERSON", "PHONE", "EMAIL", "URL", "HANDLE", "ID_NUMBER", "ADDRESS",
                                 "DATE_OF_BIRTH", "PLATE", "COORDINATES"}
    phone = next(s for s in out["spans"] if s["label"] == "PHONE")
    assert text[phone["start"]:phone["end"]] == "+963 944 123 456"
    assert "Salah al-Din" in out["text"] and "944" not in out["text"]
    plain = run("redact", "--known", "Khaled Haddad", stdin=text)
    assert plain.stdout == out["text"]


def test_places_described_in_words_are_redacted_too(tmp_path):
    """Only text and narrative answers were redacted: a location's description
    reached the bundle, the search and the CSV in clear."""
    reg = FormRegistry()
    form = reg.get("eyewitness_force")
    answers = example("eyewitness_force")
    answers["event_location"] = {"city": "homs", "district": "khalidiya",
                                 "text": "outside the house of Yusuf Haddad, call +963 944 777 123"}
    v, _ = Vault.create(tmp_path / "v", "redaction passphrase", kdf=FLOOR)
    rid = save_new_record(v, form, answers)
    view = export_view(v, rid, include_identities=False, registry=reg)
    described = view["answers"]["event_location"]["text"]
    assert "Yusuf" not in described and "Haddad" not in described and "777 123" not in described
    assert "outside the house of" in described
    assert view["answers"]["event_location"]["district"] == "khalidiya"
    assert "event_location.text" in detect_for_review(form, v.get_record(rid).public, {})
    v.lock()


def test_forgetting_identities_removes_names_from_narratives_and_search(tmp_path):
    """`handover --forget identities` then `search NAME` still found the witness."""
    from desktop.core.crypto import LABEL_DB, hkdf
    from desktop.core.records import forget_identities, save_revision
    from tests.helpers import decrypted_pages

    reg = FormRegistry()
    form = reg.get("eyewitness_force")
    answers = example("eyewitness_force")
    answers["interviewee_name"] = "Khaled Haddad"
    answers["witness_position"] = "Khaled Haddad stood by the mosque door."
    v, _ = Vault.create(tmp_path / "v", "redaction passphrase", kdf=FLOOR)
    rid = save_new_record(v, form, answers)
    answers["witness_position"] = "Khaled Haddad stood by the mosque door, then ran."
    save_revision(v, rid, form, answers)
    # the index never held the name (issue 13); the words around it stay searchable
    assert v.search("Haddad") == [] and [h[0] for h in v.search("mosque")] == [rid]
    forget_identities(v, [rid], registry=reg)
    assert v.search("Haddad") == [] and v.search("Khaled") == [] and [h[0] for h in v.search("mosque")] == [rid]
    for rev in (1, 2):
        text = v.get_record(rid, rev=rev).public["witness_position"]
        assert "Haddad" not in text and "[PERSON-1]" in text and "mosque door" in text
    assert v.get_record(rid, reveal=True).identity is None
    raw_key = hkdf(bytes(v._vmk), LABEL_DB)
    v.lock()
    pages = b"".join(decrypted_pages(tmp_path / "v" / "vault.db", raw_key))
    assert b"Haddad" not in pages
