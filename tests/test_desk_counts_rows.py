"""The patterns' counts come from the act rows (issue 15: each chart well under a
second at 100,000 testimonies), and still count each confirmed person and each
filed incident once."""

from __future__ import annotations

import pytest

from desktop.core.crypto import FLOOR
from desktop.core.services import desk
from desktop.core.vault import Vault


def _act(victims: list) -> dict:
    return {"act_type": "killing", "act_date": {"precision": "day", "date": "2012-02-04"},
            "act_location": {"city": "homs", "district": "khalidiya"}, "act_victims": victims,
            "act_perpetrators": [{"perp_type": "army"}]}


@pytest.fixture
def hq(tmp_path):
    v, _ = Vault.create(tmp_path / "hq", "analyst passphrase", kdf=FLOOR, mode="analyst")
    yield v
    v.lock()


def test_a_victim_confirmed_across_testimonies_counts_once_after_an_odd_entry(hq) -> None:
    # The desk names a mention by its place among the act's victim objects, so an
    # entry that is not an object (an odd imported record) does not shift it.
    ids = [hq.add_record("eyewitness_force", "1.0.0", {"acts": [_act(["not a victim", {"status": "killed"}])]},
                         origin={"device": f"DEV-{n}"}) for n in range(2)]
    mention = "acts[0].act_victims[0]"
    assert {m.key for m in desk.victim_mentions(desk.load(hq).acts, {})} == {(rid, mention) for rid in ids}
    before = desk.victims_by_status(hq, "month")
    assert before.table == {"2012-02": {"killed": 2}} and before.unconfirmed == {"2012-02": {"killed": 2}}
    desk.confirm_same(hq, (ids[0], mention), (ids[1], mention))
    after = desk.victims_by_status(hq, "month")
    assert after.table == {"2012-02": {"killed": 1}} and after.total_unconfirmed() == 0
    assert desk.victims_by_status(hq, "place").table == {"khalidiya": {"killed": 1}}


def test_counts_follow_a_revision_and_filed_incidents(hq) -> None:
    rid = hq.add_record("eyewitness_force", "1.0.0", {"acts": [_act([{"status": "killed"}]), _act([])]},
                        origin={"device": "DEV-1"})
    other = hq.add_record("family_of_killed", "1.0.0", {"acts": [_act([{"status": "killed"}])]},
                          origin={"device": "DEV-2"})
    assert desk.loose_acts(hq) == (3, 3)
    assert desk.violations_by_perpetrator(hq).table == {"army": {"killing": 3}}
    iid = desk.create_incident(hq, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "khalidiya",
                               "Funeral shooting", [(rid, 0), (other, 0)])
    assert desk.loose_acts(hq) == (1, 3)
    assert desk.violations_by_perpetrator(hq).table == {"army": {"killing": 2}}
    assert desk.incidents_by_sources(hq) == {2: 1}
    # a new revision drops the second act: its rows go with it
    hq.revise_record(rid, {"acts": [_act([{"status": "injured"}])]})
    assert desk.loose_acts(hq) == (0, 2)
    assert desk.victims_by_status(hq, "month").table == {"2012-02": {"injured": 1, "killed": 1}}
    assert desk.incident_view(hq, iid).sources.independent == 2
