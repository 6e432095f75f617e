"""What the search, the masked state and the bundle say about identities
(issue 13): the index holds redacted text only, known identities are names
(not sentences), pseudonyms are stored per record, review decisions last
across revisions while their words are unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import bundle, cards, records, review, schema
from desktop.core.crypto import FLOOR
from desktop.core.forms import FormRegistry
from desktop.core.masking import masked_record, reveal_record
from desktop.core.records import (
    detect_for_review,
    ensure_search_index,
    export_view,
    save_new_record,
    save_revision,
)
from desktop.core.vault import Vault
from tests.cli import run

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("Ahmad", "Haddad", "Omar", "0944")
NARRATIVE = ("My name is Ahmad Haddad. I was standing with my cousin Omar near the pharmacy when they fired; "
             "call me on 0944 123 456.")
THREAT = "Two weeks later an officer called his brother and told him Ahmad should stop talking to foreigners."
EVACUATION = "We carried him to the pharmacy. The officer called later."


def witness_answers() -> dict:
    answers = json.loads((ROOT / "tests" / "data" / "forms" / "examples" / "eyewitness_force.json")
                         .read_text())["answers"]
    answers.update(interviewee_name="Ahmad Haddad", interviewee_contact="0944 123 456",
                   witness_position=NARRATIVE, risk_threat_details=THREAT, wounded_evacuation=EVACUATION)
    return answers


@pytest.fixture
def reg() -> FormRegistry:
    return FormRegistry()


@pytest.fixture
def witness(tmp_path, reg):
    v, _ = Vault.create(tmp_path / "v", "identities passphrase", kdf=FLOOR)
    rid = save_new_record(v, reg.get("eyewitness_force"), witness_answers())
    yield v, rid
    if not v.is_locked:
        v.lock()


def _fts_body(v: Vault) -> str:
    return "\n".join(r[0] for r in v.conn.execute("SELECT body FROM record_fts"))


def test_search_finds_words_never_names(witness):
    v, rid = witness
    assert [h[0] for h in v.search("pharmacy")] == [rid]
    assert [r.id for r in v.list_records(query="pharmacy")] == [rid]
    for q in (*NAMES, "Hadd", "Ahm", "Ahmed", "احمد", "أحمد", "حداد", "123 456", "PERSON"):
        assert v.search(q) == [], q
        assert v.count_records(query=q) == 0, q
    body = _fts_body(v)
    for word in NAMES:
        assert word not in body
    # identifying answers are not in the index at all, even redacted
    assert "officer called his brother" not in body and "W-014" in body


def test_arabic_names_and_spelling_variants_not_found(tmp_path, reg):
    v, _ = Vault.create(tmp_path / "v", "identities passphrase", kdf=FLOOR)
    answers = witness_answers()
    answers.update(interviewee_name="أحمد الحداد",
                   witness_position="كنت مع أحمد الحداد قرب الصيدلية عندما أطلقوا النار.")
    rid = save_new_record(v, reg.get("eyewitness_force"), answers)
    assert [h[0] for h in v.search("الصيدلية")] == [rid]
    for q in ("أحمد", "احمد", "الحداد", "حداد", "أحم", "Ahmad"):
        assert v.search(q) == [], q
    v.lock()


def test_migration_reindexes_an_old_vault_from_redacted_text(tmp_path, reg):
    path = tmp_path / "v"
    v, _ = Vault.create(path, "identities passphrase", kdf=FLOOR)
    rid = save_new_record(v, reg.get("eyewitness_force"), witness_answers())
    # what an earlier release left behind: raw narratives in the index, the
    # schema before the redacted index (media cleaning, schema 8)
    v.set_search_text(rid, NARRATIVE)
    v.conn.execute("DROP TABLE pseudonyms")
    v.conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema._V9)}")
    assert v.search("Haddad")
    v.lock()
    v = Vault.unlock(path, "identities passphrase")
    assert v.search("Haddad") == [] and v.unindexed_records() == [rid]
    assert ensure_search_index(v, reg) == 1
    assert [h[0] for h in v.search("pharmacy")] == [rid] and v.search("Haddad") == []
    assert "Haddad" not in _fts_body(v)
    v.lock()


def test_cli_search_never_prints_a_name(tmp_path, reg):
    env = {"TESTIMONY_PASSPHRASE": "identities passphrase", "TESTIMONY_KDF_PROFILE": "floor"}
    vault = tmp_path / "v"
    assert run("vault", "init", "--vault", str(vault), env=env).returncode == 0
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(witness_answers()))
    r = run("record", "add", "--form", "eyewitness_force", "--answers", str(answers), "--vault", str(vault), env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(run("search", "Haddad", "--json", "--vault", str(vault), env=env).stdout) == []
    hits = run("search", "pharmacy", "--vault", str(vault), env=env).stdout
    assert "pharmacy" in hits and not any(n in hits for n in NAMES)
    shown = run("record", "show", r.stdout.strip(), "--vault", str(vault), env=env)
    assert shown.returncode == 0 and not any(n in shown.stdout for n in NAMES)
    assert '"witness_position": "automatic"' in shown.stdout
    revealed = run("record", "show", r.stdout.strip(), "--reveal", "--vault", str(vault), env=env).stdout
    assert all(n in revealed for n in NAMES)


def test_known_identities_are_names_not_sentences(reg):
    form = reg.get("eyewitness_force")
    _public, identity = form.split(witness_answers())
    known = [str(getattr(k, "name", k)) for k in form.known_names(identity)]
    assert "Ahmad Haddad" in known
    assert not any("officer" in k or "later" in k or "brother" in k for k in known)
    # the sentence is mined for the people it names: here the interviewee again, no one new
    assert "Ahmad" not in known
    _public, identity = form.split({**witness_answers(), "risk_threat_details": THREAT.replace("Ahmad", "Rami")})
    assert "Rami" in [str(getattr(k, "name", k)) for k in form.known_names(identity)]


def test_threat_sentence_as_known_keeps_ordinary_words():
    r = run("redact", "--known", THREAT, stdin="we carried him to the pharmacy. The officer called later.")
    assert r.returncode == 0, r.stderr
    assert "carried him to the pharmacy" in r.stdout and "The officer called later" in r.stdout


def test_also_known_as_feeds_known_names(reg):
    form = reg.get("eyewitness_force")
    _public, identity = form.split({**witness_answers(), "interviewee_aliases": "Abu Samir, al-Shami"})
    known = form.known_names(identity)
    # one known person: the name and every alias
    person = next(k for k in known if getattr(k, "name", None) == "Ahmad Haddad")
    assert set(person.aliases) == {"Abu Samir", "al-Shami"}


def test_a_name_and_its_aliases_share_one_pseudonym(tmp_path, reg):
    v, _ = Vault.create(tmp_path / "v", "identities passphrase", kdf=FLOOR)
    answers = {**witness_answers(), "interviewee_aliases": "Abu Samir",
               "witness_position": "Ahmad Haddad stood near the pharmacy; people there call him Abu Samir."}
    rid = save_new_record(v, reg.get("eyewitness_force"), answers)
    text = masked_record(v, rid).record.public["witness_position"]
    assert "Haddad" not in text and "Samir" not in text
    assert len(set(_person(text))) == 1, text
    v.lock()


def test_export_keeps_ordinary_words_of_narratives(witness, reg):
    v, rid = witness
    answers = export_view(v, rid, include_identities=False, registry=reg)["answers"]
    assert answers["wounded_evacuation"] == EVACUATION
    assert not any(n in answers["witness_position"] for n in NAMES)


def _person(text: str) -> list[str]:
    import re

    return re.findall(r"\[PERSON-\d+\]", text)


def test_pseudonyms_identical_in_review_bundle_hq_and_revision_2(witness, reg, tmp_path):
    v, rid = witness
    form = reg.get("eyewitness_force")
    rec = v.get_record(rid, reveal=True)
    reviewed = {s.text: s.replacement for s in detect_for_review(form, rec.public, rec.identity, v, rid)
                ["witness_position"]}
    ahmad, omar = reviewed["Ahmad Haddad"], reviewed["Omar"]
    assert ahmad != omar
    masked = masked_record(v, rid).record.public["witness_position"]
    assert _person(masked) == [ahmad, omar]
    # bundle, then headquarters
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(v, card.to_json().encode())
    out = tmp_path / "b.tstm"
    bundle.export_bundle(v, card.fingerprint, out, export_view)
    bundle.import_bundle(hq, out, trust_new_device=True)
    at_hq = masked_record(hq, rid).record.public["witness_position"]
    assert _person(at_hq) == [ahmad, omar]
    # revision 2 changed only the firing duration; and a fresh redactor, run in another order
    save_revision(v, rid, form, {**witness_answers(), "force_duration_minutes": 35})
    assert _person(masked_record(v, rid).record.public["witness_position"]) == [ahmad, omar]
    again = export_view(v, rid, include_identities=False, registry=reg)["answers"]["witness_position"]
    assert _person(again) == [ahmad, omar]
    hq.lock()


def test_keep_decision_survives_an_edit_elsewhere(witness, reg):
    v, rid = witness
    form = reg.get("eyewitness_force")
    rec = v.get_record(rid, reveal=True)
    spans = detect_for_review(form, rec.public, rec.identity, v, rid)["witness_position"]
    omar = next(s for s in spans if s.text == "Omar")
    entry = review.reviewed_entry(NARRATIVE, [{"start": omar.start, "end": omar.end, "label": "PERSON",
                                               "decision": "reject"}])
    v.set_redaction(rid, {"witness_position": entry})
    assert "Omar" in masked_record(v, rid).record.public["witness_position"]
    assert masked_record(v, rid).status["witness_position"] == "reviewed"
    save_revision(v, rid, form, {**witness_answers(), "force_duration_minutes": 35})
    m = masked_record(v, rid)
    assert "Omar" in m.record.public["witness_position"] and m.status["witness_position"] == "reviewed"
    assert "Haddad" not in m.record.public["witness_position"]
    # new words in the narrative: the Keep stays on "Omar", the answer is flagged for review
    changed = "They shot at us twice. " + NARRATIVE
    save_revision(v, rid, form, {**witness_answers(), "witness_position": changed})
    m = masked_record(v, rid)
    assert "Omar" in m.record.public["witness_position"] and m.status["witness_position"] == "changed"
    assert "witness_position" in review.needs_review({"witness_position": changed}, v.get_record(rid).redaction)
    # the Keep was on these words: where the words changed, it does not follow
    save_revision(v, rid, form, {**witness_answers(), "witness_position": NARRATIVE.replace("Omar", "Omar Saleh")})
    assert "Omar" not in masked_record(v, rid).record.public["witness_position"]


def test_masked_record_hides_names_reveal_logs_once(witness):
    v, rid = witness
    before = len(v.custody(rid))
    m = masked_record(v, rid)
    flat = json.dumps(m.record.public, ensure_ascii=False)
    assert not any(n in flat for n in NAMES) and m.record.identity is None
    assert m.status["witness_position"] == "automatic"
    assert len(v.custody(rid)) == before  # masking reads no identity for display: no reveal
    rec = reveal_record(v, rid, via="test")
    assert rec.public["witness_position"] == NARRATIVE and rec.identity["interviewee_name"] == "Ahmad Haddad"
    assert [e.action for e in v.custody(rid)][before:] == ["identity.reveal"]


def test_pseudonyms_survive_a_master_key_rotation(witness):
    v, rid = witness
    before = masked_record(v, rid).record.public["witness_position"]
    rows = v.conn.execute("SELECT count(*) FROM pseudonyms").fetchone()[0]
    assert _person(before) and rows
    v.change_passphrase("a new identities passphrase", kdf=FLOOR, rotate=True)
    assert masked_record(v, rid).record.public["witness_position"] == before
    v.lock()
    v = Vault.unlock(v.path, "a new identities passphrase")
    assert masked_record(v, rid).record.public["witness_position"] == before
    assert v.conn.execute("SELECT count(*) FROM pseudonyms").fetchone()[0] == rows  # no new numbers
    v.lock()


def test_forget_identities_leaves_no_tag_to_confirm_a_name(witness, reg):
    from desktop.core.records import forget_identities

    v, rid = witness
    masked = masked_record(v, rid).record.public["witness_position"]
    tags = {r[0] for r in v.conn.execute("SELECT tag FROM pseudonyms WHERE record_id = ?", (rid,))}
    numbers = sorted(r[0] for r in v.conn.execute("SELECT number FROM pseudonyms WHERE record_id = ?", (rid,)))
    forget_identities(v, [rid], reg)
    after = {r[0] for r in v.conn.execute("SELECT tag FROM pseudonyms WHERE record_id = ?", (rid,))}
    assert tags and not tags & after
    # the numbers the narratives say stay taken, and the text keeps its pseudonyms
    assert sorted(r[0] for r in v.conn.execute("SELECT number FROM pseudonyms WHERE record_id = ?", (rid,))) \
        == numbers
    assert v.get_record(rid).public["witness_position"] == masked
    assert "PERSON" not in _fts_body(v) and v.search("pharmacy")


def _manifest(hq: Vault, path: Path) -> dict:
    import io
    import tarfile

    import pyrage

    ident = pyrage.x25519.Identity.from_str(hq.secret("hq_age_identity").decode())
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(path.read_bytes(), [ident]))) as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return json.loads(member.read())


def test_export_of_unreviewed_narratives_is_refused_unless_chosen(witness, reg, tmp_path):
    from desktop.core.services import exchange

    v, rid = witness
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(v, card.to_json().encode())
    out = tmp_path / "b.tstm"
    with pytest.raises(exchange.UnreviewedRecords) as refused:
        exchange.export(v, card.fingerprint, out, reg)
    assert refused.value.code == "export.unreviewed" and list(refused.value.records) == [rid]
    assert "witness_position" in refused.value.records[rid] and not out.exists()
    assert not [e for e in v.custody() if e.action == "bundle.export"]
    exchange.export(v, card.fingerprint, out, reg, send_unreviewed=True)
    assert _manifest(hq, out)["automatic_redaction"] == [rid]
    assert [e for e in v.custody() if e.action == "bundle.export"][-1].details["automatic_redaction"] == [rid]
    exchange.import_bundle(hq, out, trust_new_device=True)
    at_hq = masked_record(hq, rid)
    assert at_hq.status["witness_position"] == "field-automatic"  # headquarters says nobody reviewed it
    hq.lock()


def test_reviewed_record_is_sent_without_asking(witness, reg, tmp_path):
    from desktop.core.services import exchange

    v, rid = witness
    rec = v.get_record(rid, reveal=True)
    form = reg.get("eyewitness_force")
    narratives = records.narratives(form, rec.public)
    found = detect_for_review(form, rec.public, rec.identity, v, rid)
    v.set_redaction(rid, {p: review.reviewed_entry(t, [{"start": s.start, "end": s.end, "label": s.label,
                                                        "decision": "accept"} for s in found[p]])
                          for p, t in narratives.items()})
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(v, card.to_json().encode())
    out = tmp_path / "b.tstm"
    exchange.export(v, card.fingerprint, out, reg)
    assert _manifest(hq, out)["automatic_redaction"] == []
    exchange.import_bundle(hq, out, trust_new_device=True)
    assert masked_record(hq, rid).status["witness_position"] == "field-reviewed"
    hq.lock()


def test_cli_export_refuses_unreviewed_without_the_flag(tmp_path):
    env = {"TESTIMONY_PASSPHRASE": "identities passphrase", "TESTIMONY_KDF_PROFILE": "floor"}
    field, hq, card = tmp_path / "field", tmp_path / "hq", tmp_path / "card.json"
    r = run("hq", "init", "--org", "HQ", "--card", str(card), "--vault", str(hq), "--json", env=env)
    fp = json.loads(r.stdout)["fingerprint"]
    assert run("vault", "init", "--vault", str(field), env=env).returncode == 0
    assert run("hq", "trust", str(card), "--vault", str(field), env=env).returncode == 0
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(witness_answers()))
    rid = run("record", "add", "--form", "eyewitness_force", "--answers", str(answers), "--vault", str(field),
              env=env).stdout.strip()
    out = tmp_path / "b.tstm"
    r = run("export", "--to", fp, "--out", str(out), "--vault", str(field), env=env)
    assert r.returncode == 1 and "nobody reviewed" in r.stderr and rid[:8] in r.stderr and not out.exists()
    assert "--send-unreviewed" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run("export", "--to", fp, "--out", str(out), "--send-unreviewed", "--vault", str(field), env=env)
    assert r.returncode == 0, r.stderr
    assert out.exists()


def test_hq_with_identities_applies_the_field_review(witness, reg, tmp_path):
    v, rid = witness
    form = reg.get("eyewitness_force")
    rec = v.get_record(rid, reveal=True)
    spans = detect_for_review(form, rec.public, rec.identity, v, rid)["witness_position"]
    omar = next(s for s in spans if s.text == "Omar")
    v.set_redaction(rid, {"witness_position": review.reviewed_entry(
        NARRATIVE, [{"start": omar.start, "end": omar.end, "label": "PERSON", "decision": "reject"}])})
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(v, card.to_json().encode())
    out = tmp_path / "b.tstm"
    bundle.export_bundle(v, card.fingerprint, out, export_view, include_identities=True)
    bundle.import_bundle(hq, out, trust_new_device=True)
    m = masked_record(hq, rid)
    text = m.record.public["witness_position"]
    assert "Omar" in text and "Haddad" not in text and "0944" not in text
    assert m.status["witness_position"] == "reviewed"
    assert hq.search("Haddad") == [] and hq.search("Omar")  # kept on purpose, so searchable
    hq.lock()


def test_a_bundle_with_malformed_review_decisions_is_refused(witness, reg, tmp_path):
    assert review.travelling_review_ok({"witness_position": {"decisions": [
        {"start": 0, "end": 4, "label": "PERSON", "decision": "reject"}], "text_sha256": "ab"}})
    for bad in ({"witness_position": {"decisions": [{"start": 4, "end": 2, "decision": "reject"}]}},
                {"witness_position": {"decisions": [{"start": True, "end": 2, "decision": "reject"}]}},
                {"witness_position": {"decisions": [{"start": 0, "end": 2, "decision": "delete"}]}},
                {"_field": {"decisions": []}}, ["witness_position"]):
        assert not review.travelling_review_ok(bad)
