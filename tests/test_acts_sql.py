"""The act rows kept by the vault give exactly what the analysis computed from the answers."""

from __future__ import annotations

import random

import pytest

from desktop.core import analysis, schema
from desktop.core.crypto import FLOOR
from desktop.core.vault import Vault
from desktop.core.vault.acts import ActFilters
from desktop.ui.analyst.filters import matching_records
from tests.hq_kit import FORMS, acts, with_estimates


def reference_acts(v: Vault) -> list[analysis.Act]:
    """The analysis's acts computed from each record's answers, as before the act rows existed."""
    from desktop.core.vault.acts import extract_acts

    out = []
    for rid, _form, public, origin in analysis._records(v):
        for a in extract_acts(public):
            out.append(analysis.Act(rid, (origin or {}).get("device"), a.act_type, a.month, a.day, a.city,
                                    a.district, a.victims, a.perpetrators, a.victim_count))
    return out


@pytest.fixture(scope="module")
def hq(tmp_path_factory):
    v, _ = Vault.create(tmp_path_factory.mktemp("acts") / "hq", "analyst passphrase", kdf=FLOOR, mode="analyst")
    rng, more = random.Random(7), random.Random(8)
    ids = []
    with v.transaction():
        for i in range(300):
            ids.append(v.add_record(rng.choice(FORMS), "1", {"acts": with_estimates(acts(rng), more),
                                                             "narrative": f"n{i}"}, {},
                                    origin={"device": f"DEV-{rng.randint(1, 6)}"} if i % 9 else None))
        for rid in ids[:40]:  # newer revisions replace their acts
            v.revise_record(rid, {"acts": acts(rng)}, {})
    v.delete_records(ids[40:45], "test")
    for a, b in zip(ids[50:70], ids[70:90], strict=True):
        analysis.link_records(v, a, b, "same_incident")
    yield v
    v.lock()


def test_acts_victims_and_perpetrators_match_the_answers(hq):
    ref = reference_acts(hq)
    got = analysis.acts(hq)
    def key(a: analysis.Act) -> tuple:
        return (a.record_id, a.act_type, a.month, a.day, a.city, a.district)

    assert sorted(map(key, got)) == sorted(map(key, ref))
    assert len(ref) > 300
    assert analysis.victim_counts(hq, "month") == analysis.victims_by_status(ref, "month")
    assert analysis.victim_counts(hq, "place") == analysis.victims_by_status(ref, "place")
    assert analysis.perpetrator_counts(hq) == analysis.violations_by_perpetrator(ref)


@pytest.mark.parametrize("f", [
    ActFilters(violation="killing"), ActFilters(perpetrator="army"), ActFilters(perpetrator="unknown"),
    ActFilters(city="homs"), ActFilters(city="homs", district="baba_amr"),
    ActFilters(since="2013-01-01"), ActFilters(until="2012-06-30"),
    ActFilters(since="2012-03-01", until="2012-03-31"),
    ActFilters(violation="torture", perpetrator="army", since="2011-01-01"),
])
def test_act_filters_in_sql_match_the_reference(hq, f):
    expected = matching_records(reference_acts(hq), f)
    got = {r.id for r in hq.list_records(limit=10_000, acts=f)}
    assert got == expected
    assert hq.count_records(acts=f) == len(expected)
    assert expected  # the data exercises every filter
    page = hq.list_records(limit=10, offset=5, acts=f)
    assert [r.id for r in page] == [r.id for r in hq.list_records(limit=10_000, acts=f)][5:15]


def test_violations_column(hq):
    ref = analysis.acts(hq)
    ids = [r.id for r in hq.list_records(limit=50)]
    from desktop.ui.analyst.filters import violations_of

    expected = {k: v for k, v in violations_of(ref).items() if k in ids and v}
    assert hq.record_violations(ids) == expected


ACT_ROWS_VERSION = 7
MEDIA_COLUMNS = ("clean_mime", "clean_report_json", "faces_blob", "faces_sha256", "faces_size", "faces_json")


def test_a_vault_from_before_the_act_rows_gets_them_on_opening(tmp_path):
    v, _ = Vault.create(tmp_path / "hq", "analyst passphrase", kdf=FLOOR, mode="analyst")
    rng = random.Random(3)
    for _ in range(20):
        v.add_record("eyewitness_force", "1", {"acts": acts(rng)}, {}, origin={"device": "D"})
    expected = analysis.victims_by_status(reference_acts(v), "place")
    with v.transaction() as c:  # back to the schema before act rows, as an older release left it
        for table in ("acts", "act_victims", "act_perpetrators"):
            c.execute(f"DROP TABLE {table}")
        for column in MEDIA_COLUMNS:  # added after the act rows (schema 8)
            c.execute(f"ALTER TABLE attachments DROP COLUMN {column}")
        c.execute(f"PRAGMA user_version = {ACT_ROWS_VERSION - 1}")
    v.lock()
    v = Vault.unlock(tmp_path / "hq", "analyst passphrase")
    assert schema.version(v.conn) == schema.CURRENT_VERSION
    assert analysis.victim_counts(v, "place") == expected and expected
    v.lock()
