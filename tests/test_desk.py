"""The analyst's desk: incidents, people across testimonies, counts that do not double count."""

from __future__ import annotations

import shutil

import pytest

from desktop.core.crypto import FLOOR
from desktop.core.desk import sample
from desktop.core.services import desk
from desktop.core.vault import Vault, VaultError


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("desk") / "hq"
    v, _ = Vault.create(path, "analyst passphrase", kdf=FLOOR, mode="analyst")
    ids = sample.fill(v, 60)
    v.lock()
    return path, ids


@pytest.fixture
def hq(template, tmp_path):
    """A fresh copy of one analyst vault filled with the demo and 60 generated testimonies."""
    path, ids = template
    shutil.copytree(path, tmp_path / "hq")
    v = Vault.unlock(tmp_path / "hq", passphrase="analyst passphrase")
    yield v, ids
    v.lock()


def _demo_pair(v):
    """The demo eyewitness's killing and the companion account of it (the two ids)."""
    d = desk.load(v)
    eyewitness = next(a for a in d.acts if a.form_id == "eyewitness_force" and a.act_type == "killing"
                      and a.victims)
    companion = next(a for a in d.acts if a.form_id == "family_of_killed" and a.interviewee == "F-311")
    return eyewitness, companion


def test_same_killing_is_suggested_as_one_incident_and_one_victim_and_counted_once(hq):
    v, _ids = hq
    eyewitness, companion = _demo_pair(v)
    found = desk.suggest(v)
    proposal = next(p for p in found.incidents if {eyewitness.key, companion.key} <= {a.key for a in p.acts})
    assert "same_place" in proposal.reasons and "overlapping_dates" in proposal.reasons
    pair = next(s for s in found.people
                if {s.a.record_id, s.b.record_id} == {eyewitness.record_id, companion.record_id})
    assert "name" in pair.reasons and "same_incident" in pair.reasons  # Yasser Halabi = ياسر الحلبي

    before = desk.victims_by_status(v, "month")
    killed_before = before.table["2012-02"]["killed"]
    iid = desk.accept_proposal(v, [a.key for a in proposal.acts])
    desk.confirm_same(v, pair.a.key, pair.b.key)
    after = desk.victims_by_status(v, "month")
    assert after.table["2012-02"]["killed"] == killed_before - 1
    assert after.unconfirmed["2012-02"]["killed"] == before.unconfirmed["2012-02"]["killed"] - 2
    view = desk.incident_view(v, iid)
    assert view.sources.independent >= 2 and {"eyewitness", "family"} <= set(view.sources.kinds)
    assert view.sources.devices >= 2
    # suggestions already confirmed are not offered again
    again = desk.suggest(v)
    assert not any({s.a.key, s.b.key} == {pair.a.key, pair.b.key} for s in again.people)
    assert not any(eyewitness.key in {a.key for a in p.acts} for p in again.incidents)


def test_violations_count_incidents_once(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    before = desk.violations_by_perpetrator(v).table["army"]["killing"]
    iid = desk.create_incident(v, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "khalidiya",
                               "Funeral shooting", [eyewitness.key, companion.key])
    assert desk.violations_by_perpetrator(v).table["army"]["killing"] == before - 1
    assert desk.incidents_by_sources(v) == {2: 1}
    desk.detach(v, iid, companion.record_id, companion.act_index)
    assert desk.violations_by_perpetrator(v).table["army"]["killing"] == before
    assert desk.incidents_by_sources(v) == {1: 1}


def test_candidates_accept_and_reject(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    iid = desk.create_incident(v, "attack_on_funeral", {"precision": "part_of_month", "month": "2012-02",
                                                         "part": "early"}, "homs", "khalidiya", "", [])
    keys = [c.act.key for c in desk.candidates(v, iid)]
    assert eyewitness.key in keys and companion.key in keys  # killing is in the same family as a funeral attack
    desk.reject_candidate(v, iid, companion.record_id, companion.act_index)
    keys = [c.act.key for c in desk.candidates(v, iid)]
    assert companion.key not in keys and eyewitness.key in keys
    desk.attach(v, iid, [eyewitness.key])
    assert eyewitness.key not in [c.act.key for c in desk.candidates(v, iid)]


def test_incident_rules(hq):
    v, _ = hq
    with pytest.raises(VaultError) as refused:
        desk.create_incident(v, "killing", {"precision": "day", "date": "2012-02-04"}, "atlantis")
    assert refused.value.code == "desk.city_unknown"
    with pytest.raises(VaultError) as refused:
        desk.create_incident(v, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "soho")
    assert refused.value.code == "desk.district_unknown"
    with pytest.raises(VaultError) as refused:
        desk.create_incident(v, "jaywalking", {"precision": "day", "date": "2012-02-04"}, "homs")
    assert refused.value.code == "desk.type_unknown"
    with pytest.raises(VaultError) as refused:
        desk.create_incident(v, "killing", {"precision": "day", "date": "2012-02-31"}, "homs")
    assert refused.value.code == "desk.bad_date"
    iid = desk.create_incident(v, "killing", {"precision": "month", "month": "2012-02"}, "homs")
    with pytest.raises(VaultError) as refused:
        desk.set_corroboration(v, iid, "very")
    assert refused.value.code == "desk.bad_level"
    desk.set_corroboration(v, iid, "corroborated", "two independent accounts")
    assert desk.load(v).incidents[0]["corroboration"] == "corroborated"
    with pytest.raises(VaultError) as refused:
        desk.attach(v, iid, [("nope", 0)])
    assert refused.value.code == "desk.no_act"
    assert desk.load(v).incidents[0]["id"] == iid and not desk.load(v).links


def test_quotes_come_from_redacted_text_of_attached_testimonies(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    iid = desk.create_incident(v, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "khalidiya",
                               "", [companion.key])
    text = v.desk_narrative(companion.record_id, "acts[0].act_description")
    qid = desk.add_quote(v, iid, companion.record_id, "acts[0].act_description", 0, text.index(","))
    assert v.quotes(iid) == [(qid, companion.record_id, "acts[0].act_description",
                              "My brother was shot in the chest during the funeral procession")]
    with pytest.raises(VaultError) as refused:
        desk.add_quote(v, iid, eyewitness.record_id, f"acts[{eyewitness.act_index}].act_description")
    assert refused.value.code == "desk.quote_not_attached"
    with pytest.raises(VaultError) as refused:
        desk.add_quote(v, iid, companion.record_id, "interviewee_name")  # identities are not quotable
    assert refused.value.code == "desk.quote_no_text"


def test_person_history_reveal_is_logged_and_rejection_sticks(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    a = (eyewitness.record_id, f"acts[{eyewitness.act_index}].act_victims[0]")
    b = (companion.record_id, "acts[0].act_victims[0]")
    pid = desk.confirm_same(v, a, b)
    history = desk.person_history(v, pid)
    assert [e.status for e in history] == ["killed", "killed"]
    pseudonym = {p: n for p, _k, n in v.people()}[pid]
    assert pseudonym.startswith("V-")
    names = desk.reveal_person(v, pid, "report check")
    assert set(names) == {"Yasser Halabi (fictional)", "ياسر الحلبي"}
    assert v.conn.execute("SELECT count(*) FROM custody WHERE action = 'person.reveal'").fetchone()[0] == 1
    desk.reject_same(v, a, (companion.record_id, "acts[0].act_victims[0]"))
    assert not any({s.a.key, s.b.key} == {a, b} for s in desk.suggest(v).people)


def test_status_history_across_time(tmp_path):
    v, _ = Vault.create(tmp_path / "hq2", "analyst passphrase", kdf=FLOOR, mode="analyst")
    try:
        def rec(day, kind, status, name, device):
            act = {"act_type": kind, "act_date": {"precision": "day", "date": day},
                   "act_location": {"city": "homs", "district": "waer"},
                   "act_victims": [{"status": status, "sex": "male", "age": 30}]}
            return v.add_record("relative_of_disappeared", "1", {"acts": [act]},
                                {"acts": [{"act_victims": [{"name": name}]}]}, origin={"device": device})
        r1 = rec("2012-05-01", "arbitrary_arrest", "arrested", "Omar Hamwi", "D1")
        r2 = rec("2012-07-10", "enforced_disappearance", "disappeared", "عمر الحموي", "D2")
        r3 = rec("2013-01-20", "death_in_custody", "killed", "Omar al-Hamwi", "D3")
        people = desk.suggest(v).people
        pairs = {frozenset((s.a.record_id, s.b.record_id)) for s in people}
        assert frozenset((r1, r2)) in pairs and frozenset((r2, r3)) in pairs
        pid = desk.confirm_same(v, (r1, "acts[0].act_victims[0]"), (r2, "acts[0].act_victims[0]"))
        assert desk.confirm_same(v, (r2, "acts[0].act_victims[0]"), (r3, "acts[0].act_victims[0]")) == pid
        assert [e.status for e in desk.person_history(v, pid)] == ["arrested", "disappeared", "killed"]
        # one person, counted once per status
        table = desk.victims_by_status(v, "place").table
        assert table["waer"] == {"arrested": 1, "disappeared": 1, "killed": 1}
    finally:
        v.lock()


def test_suggestions_can_be_cancelled(hq):
    v, _ = hq
    from desktop.core.vault import Cancelled

    with pytest.raises(Cancelled):
        desk.suggest(v, cancelled=lambda: True)


def test_units_named_in_two_languages_are_suggested_as_one(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    found = desk.suggest(v)
    unit = next(u for u in found.units if {eyewitness.record_id, companion.record_id} <= {k[0] for k in u.mentions})
    assert unit.a.perp_type == unit.b.perp_type == "army"  # "4th Division" = "الفرقة الرابعة"
    pid = desk.confirm_group(v, unit.mentions, "unit")
    assert {p: k for p, k, _n in v.people()}[pid] == "unit"
    assert not any(set(u.mentions) <= set(unit.mentions) for u in desk.suggest(v).units)


@pytest.mark.parametrize(("status", "publishable", "named"), [
    ("killed", True, True), ("disappeared", True, True), ("disappeared", False, False),
    ("injured", True, False), ("arrested", True, False), ("killed", False, False),
])
def test_report_names_victims_only_where_the_policy_allows(hq, status, publishable, named):
    v, _ = hq
    act = {"act_type": "killing", "act_date": {"precision": "day", "date": "2013-03-03"},
           "act_location": {"city": "rastan"},
           "act_victims": [{"status": status, "sex": "female", "age": 40, "name_publishable": publishable}]}
    rid = v.add_record("relative_of_disappeared", "1", {"acts": [act]},
                       {"acts": [{"act_victims": [{"name": "Huda Darwish"}]}]}, origin={"device": "D9"})
    iid = desk.create_incident(v, "killing", {"precision": "day", "date": "2013-03-03"}, "rastan", None, "",
                               [(rid, 0)])
    victims = desk.report_data(v, [iid]).incidents[0].victims
    assert [x.name for x in victims] == (["Huda Darwish"] if named else [None])
    assert ("Huda Darwish" in desk.report_html(v, [iid], "en")) is named


def test_pseudonyms_are_never_reused(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    a = (eyewitness.record_id, f"acts[{eyewitness.act_index}].act_victims[0]")
    b = (companion.record_id, "acts[0].act_victims[0]")
    first = desk.confirm_same(v, a, b)
    desk.unlink(v, a)
    desk.unlink(v, b)  # the person is gone
    assert first not in {p for p, _k, _n in v.people()}
    second = desk.confirm_same(v, a, b)
    assert {p: n for p, _k, n in v.people()}[second] == "V-0002"


def test_a_rejected_proposal_is_not_proposed_again(hq):
    v, _ = hq
    eyewitness, companion = _demo_pair(v)
    proposal = next(p for p in desk.suggest(v).incidents if eyewitness.key in {a.key for a in p.acts})
    desk.reject_proposal(v, [a.key for a in proposal.acts])
    again = desk.suggest(v).incidents
    assert not any({eyewitness.key, companion.key} <= {a.key for a in p.acts} for p in again)
    assert v.conn.execute("SELECT count(*) FROM custody WHERE action = 'incident.reject_proposal'").fetchone()[0] == 1
    with pytest.raises(VaultError) as refused:
        desk.reject_proposal(v, [eyewitness.key])
    assert refused.value.code == "desk.proposal_small"


def test_counts_and_suggestions_survive_odd_act_entries(tmp_path):
    """An imported record whose acts or victims are not objects (a string, a number, null) is
    skipped by every count and suggestion instead of failing the whole desk."""
    v, _ = Vault.create(tmp_path / "hq3", "analyst passphrase", kdf=FLOOR, mode="analyst")
    try:
        good = {"act_type": "killing", "act_date": {"precision": "day", "date": "2012-03-01"},
                "act_location": {"city": "homs", "district": "waer"},
                "act_victims": ["not a victim", 7, None, {"status": "killed", "sex": "male"}],
                "act_perpetrators": ["odd", {"perp_type": "army"}]}
        v.add_record("eyewitness_force", "1", {"acts": ["a string", 3, None, good]}, {}, origin={"device": "D1"})
        v.add_record("eyewitness_force", "1", {"acts": "not a list"}, {}, origin={"device": "D2"})
        assert desk.victims_by_status(v, "place").table == {"waer": {"killed": 1}}
        assert desk.violations_by_perpetrator(v).table["army"] == {"killing": 1}
        assert desk.loose_acts(v) == (1, 1)
        desk.suggest(v)
        assert [a.act_type for a in desk.load(v).acts] == ["killing"]
    finally:
        v.lock()
