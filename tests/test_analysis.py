"""Patterns at headquarters: victims by status, violations by perpetrator,
links between testimonies, and flat exports."""

from __future__ import annotations

import csv
import json

import pytest

from desktop.core import analysis
from desktop.core.crypto import FLOOR
from desktop.core.vault import Vault, VaultError


def act(kind, day, city, district, victims, perps):
    return {
        "act_type": kind,
        "act_date": {"precision": "day", "date": day},
        "act_location": {"city": city, "district": district},
        "act_victims": [{"status": s, "role": "victim"} for s in victims],
        "act_perpetrators": [{"perp_type": p} for p in perps],
    }


@pytest.fixture
def hq(tmp_path):
    v, _ = Vault.create(tmp_path / "hq", "analyst passphrase", kdf=FLOOR, mode="analyst")
    ids = {}
    ids["a"] = v.add_record("eyewitness_force", "1", {"acts": [
        act("killing", "2012-02-04", "homs", "khalidiya", ["killed", "killed", "injured"], ["army"]),
    ]}, {}, origin={"device": "DEV-A"})
    ids["b"] = v.add_record("family_killed", "1", {"acts": [
        act("killing", "2012-02-04", "homs", "khalidiya", ["killed"], ["army", "shabiha"]),
    ]}, {}, origin={"device": "DEV-B"})
    ids["c"] = v.add_record("detention", "1", {"acts": [
        act("arbitrary_detention", "2012-03-10", "homs", "baba_amr", ["arrested", "disappeared"],
            ["air_force_intelligence"]),
        {"act_type": "torture", "act_date": {"precision": "month", "month": "2012-03"},
         "act_victims": [{"status": "released"}]},
    ]}, {}, origin={"device": "DEV-A"})
    yield v, ids
    v.lock()


def test_victims_by_status_per_month_and_place(hq):
    v, _ = hq
    all_acts = analysis.acts(v)
    by_month = analysis.victims_by_status(all_acts, "month")
    assert by_month["2012-02"] == {"killed": 3, "injured": 1}
    assert by_month["2012-03"] == {"arrested": 1, "disappeared": 1}
    by_place = analysis.victims_by_status(all_acts, "place")
    assert by_place["khalidiya"]["killed"] == 3 and by_place["baba_amr"]["disappeared"] == 1


def test_violations_by_perpetrator(hq):
    v, _ = hq
    table = analysis.violations_by_perpetrator(analysis.acts(v))
    assert table["army"] == {"killing": 2}
    assert table["shabiha"] == {"killing": 1}
    assert table["air_force_intelligence"] == {"arbitrary_detention": 1}
    assert table["unknown"] == {"torture": 1}


def test_links_between_testimonies(hq):
    v, ids = hq
    analysis.link_records(v, ids["c"], ids["a"], "same_incident")
    assert [({a, b}, kind) for a, b, kind, _note in analysis.links(v)] == [({ids["a"], ids["c"]}, "same_incident")]
    with pytest.raises(VaultError):
        analysis.link_records(v, ids["a"], ids["a"], "same_incident")
    with pytest.raises(VaultError):
        analysis.link_records(v, ids["a"], "nope", "same_victim")


def test_csv_and_json_exports(hq, tmp_path):
    v, ids = hq
    v.add_record("observation", "1", {"narrative": "=HYPERLINK(\"x\")", "note": "حمص"}, {})
    out = tmp_path / "all.csv"
    assert analysis.export_table(v, out, "csv") == 4
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["id"] for r in rows} >= set(ids.values())
    obs = next(r for r in rows if r["form_id"] == "observation")
    assert obs["narrative"].startswith("'=")  # not a formula in a spreadsheet
    assert obs["note"] == "حمص"
    assert next(r for r in rows if r["id"] == ids["a"])["device"] == "DEV-A"
    j = tmp_path / "all.json"
    analysis.export_table(v, j, "json")
    data = json.loads(j.read_text())
    assert len(data) == 4 and data[0]["answers"]["acts"][0]["act_type"] == "killing"
    with pytest.raises(VaultError, match="already exists"):
        analysis.export_table(v, j, "json")


def test_csv_neutralises_keys_and_bidi_controls(hq, tmp_path):
    """Answer keys arrive in bundles too; a key `=HYPERLINK(...)` must not become
    a live formula in the header row, and U+202E must not reverse a number."""
    v, _ = hq
    v.add_record("observation", "1", {'=HYPERLINK("http://x","y")': "a", "@cmd": "b",
                                      "phone": "\u202e0944 123 456\u202c", "name": "\u2067Yusuf\u2069"}, {})
    out = tmp_path / "keys.csv"
    analysis.export_table(v, out, "csv")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    header = next(csv.reader(lines[:1]))
    assert not any(c[:1] in ("=", "+", "-", "@") for c in header)
    assert "'=HYPERLINK(\"http://x\",\"y\")" in header and "'@cmd" in header
    rows = list(csv.reader(lines[1:]))
    row = next(dict(zip(header, r, strict=True)) for r in rows if "observation" in r)
    assert row["phone"] == "0944 123 456" and row["name"] == "Yusuf"
    text = out.read_text(encoding="utf-8-sig")
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
