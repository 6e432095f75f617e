"""Victims given only as an estimated total in an act ("an arrest of 4", nobody listed)
count at headquarters, as estimates, and never twice with the victims listed."""

from __future__ import annotations

import pytest

from desktop.core import schema
from desktop.core.crypto import FLOOR
from desktop.core.services import desk
from desktop.core.vault import Vault

DAY = {"precision": "day", "date": "2012-03-01"}


def _act(act_type: str, count: int | None, statuses: list[str], district: str = "waer") -> dict:
    act = {"act_type": act_type, "act_date": DAY, "act_location": {"city": "homs", "district": district},
           "act_victims": [{"status": s} for s in statuses], "act_perpetrators": [{"perp_type": "army"}]}
    if count is not None:
        act["act_victim_count"] = count
    return act


@pytest.fixture
def hq(tmp_path):
    v, _ = Vault.create(tmp_path / "hq", "analyst passphrase", kdf=FLOOR, mode="analyst")
    yield v
    v.lock()


def _testimony(v: Vault, *acts: dict, device: str = "D1") -> str:
    return v.add_record("eyewitness_force", "1", {"acts": list(acts)}, {}, origin={"device": device})


def test_an_arrest_of_four_with_nobody_listed_counts_four_estimated_arrests(hq):
    _testimony(hq, _act("arbitrary_arrest", 4, []))
    for by, key in (("month", "2012-03"), ("place", "waer")):
        counts = desk.victims_by_status(hq, by)
        assert counts.table == {key: {"arrested": 4}}
        assert counts.estimated == {key: {"arrested": 4}} and counts.total_estimated() == 4
        assert counts.unconfirmed == {key: {"arrested": 4}}  # nobody confirmed them across testimonies


def test_listed_victims_are_not_counted_again_by_the_estimate(hq):
    _testimony(hq, _act("killing", 5, ["killed", "killed"]), _act("killing", 1, ["killed"]))
    counts = desk.victims_by_status(hq, "month")
    assert counts.table["2012-03"]["killed"] == 6  # 2 listed + 3 more; 1 listed of 1
    assert counts.estimated["2012-03"]["killed"] == 3


def test_an_incident_counts_its_estimate_once(hq):
    a = _testimony(hq, _act("arbitrary_arrest", 4, []), device="D1")
    b = _testimony(hq, _act("arbitrary_arrest", 3, ["arrested", "arrested"]), device="D2")
    assert desk.victims_by_status(hq, "month").table["2012-03"]["arrested"] == 4 + 3
    iid = desk.create_incident(hq, "arbitrary_arrest", DAY, "homs", "waer", "Arrests at the checkpoint",
                               [(a, 0), (b, 0)])
    counts = desk.victims_by_status(hq, "month")
    # the two listed by B, and the 4 A counted less those 2: the same 4 people
    assert counts.table["2012-03"]["arrested"] == 4
    assert counts.estimated["2012-03"]["arrested"] == 2
    view = desk.incident_view(hq, iid)
    assert len(view.victims) == 2 and view.estimated_more == 2
    section = desk.report_data(hq, [iid]).incidents[0]
    assert len(section.victims) == 2 and section.estimated_more == 2
    html = desk.report_html(hq, [iid], "en")
    assert "2 (+2 estimated)" in html and "About 2 more victims" in html


def test_an_estimate_whose_act_says_nothing_of_the_victims_fate_is_reported_apart(hq):
    _testimony(hq, _act("excessive_force", 30, ["injured"]))
    counts = desk.victims_by_status(hq, "place")
    assert counts.table == {"waer": {"injured": 1}}
    assert counts.estimated == {} and counts.estimated_without_status == 29


def test_a_vault_from_before_the_estimates_counts_them_on_opening(tmp_path):
    path = tmp_path / "hq"
    v, _ = Vault.create(path, "analyst passphrase", kdf=FLOOR, mode="analyst")
    _testimony(v, _act("enforced_disappearance", 3, []))
    with v.transaction() as c:  # the act rows as the release before this one left them
        c.execute("DROP INDEX acts_estimated")  # added with the estimates' later columns (schema 11)
        c.execute("ALTER TABLE acts DROP COLUMN victim_count")
        c.execute("ALTER TABLE acts DROP COLUMN victims_listed")
        c.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema._v10)}")
    v.lock()
    v = Vault.unlock(path, "analyst passphrase")
    try:
        assert schema.version(v.conn) == schema.CURRENT_VERSION
        assert desk.victims_by_status(v, "month").table == {"2012-03": {"disappeared": 3}}
    finally:
        v.lock()


def test_a_vault_of_schema_10_gets_the_listed_victims_and_the_count_indexes(tmp_path):
    """Act rows written before each kept its number of listed victims: filled on opening,
    and the counts read the new indexes."""
    path = tmp_path / "hq"
    v, _ = Vault.create(path, "analyst passphrase", kdf=FLOOR, mode="analyst")
    _testimony(v, _act("arbitrary_arrest", 4, ["arrested"]))
    with v.transaction() as c:  # as schema 10 left them
        for index in ("acts_estimated", "act_victims_status", "act_perpetrators_kind"):
            c.execute(f"DROP INDEX {index}")
        c.execute("CREATE INDEX act_perpetrators_type ON act_perpetrators(perp_type)")
        c.execute("ALTER TABLE acts DROP COLUMN victims_listed")
        c.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema._v11)}")
    v.lock()
    v = Vault.unlock(path, "analyst passphrase")
    try:
        assert schema.version(v.conn) == schema.CURRENT_VERSION
        assert v.conn.execute("SELECT victims_listed FROM acts").fetchall() == [(1,)]
        indexes = {r[0] for r in v.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"acts_estimated", "act_victims_status", "act_perpetrators_kind"} <= indexes
        assert "act_perpetrators_type" not in indexes
        # one listed, four in all: three more arrested, as estimates (never the listed one twice)
        counts = desk.victims_by_status(v, "month")
        assert counts.table == {"2012-03": {"arrested": 4}} and counts.estimated == {"2012-03": {"arrested": 3}}
    finally:
        v.lock()


def test_an_empty_district_counts_estimates_in_the_city_as_the_listed_victims(hq):
    """{"city": "homs", "district": ""} (possible from the command line or a bundle): the
    estimate's extra victims went under a place named '' while the listed one was in homs."""
    act = _act("arbitrary_arrest", 4, ["arrested"])
    act["act_location"] = {"city": "homs", "district": ""}
    _testimony(hq, act)
    counts = desk.victims_by_status(hq, "place")
    assert counts.table == {"homs": {"arrested": 4}} and counts.estimated == {"homs": {"arrested": 3}}
