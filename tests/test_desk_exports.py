"""Desk exports (HURIDOCS ESF-style JSON, Uwazi CSV) checked against docs/exports.md, and the report draft."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from desktop.core.crypto import FLOOR
from desktop.core.desk import sample
from desktop.core.desk.exports import HURIDOCS_KEYS, UWAZI_COLUMNS
from desktop.core.services import desk
from desktop.core.vault import Vault, VaultError

DOC = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


def documented() -> dict[str, list[str]]:
    """{section (### heading): [first-column names]} from the tables of docs/exports.md."""
    out: dict[str, list[str]] = {}
    section = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            section = line[4:].strip()
            out[section] = []
        elif section and line.startswith("| `"):
            out[section].append(re.match(r"\| `([^`]+)`", line).group(1))
    return out


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    """A vault with the demo killing filed as an incident, its victim confirmed, and two more incidents."""
    path = tmp_path_factory.mktemp("exp") / "hq"
    v, _ = Vault.create(path, "analyst passphrase", kdf=FLOOR, mode="analyst")
    v.set_meta("org", "Desk test (fictional)")
    sample.fill(v, 40)
    found = desk.suggest(v)
    d = desk.load(v)
    eyewitness = next(a for a in d.acts if a.form_id == "eyewitness_force" and a.victims)
    proposal = next(p for p in found.incidents if eyewitness.key in {a.key for a in p.acts})
    iid = desk.accept_proposal(v, [a.key for a in proposal.acts])
    pair = next(s for s in found.people if eyewitness.record_id in (s.a.record_id, s.b.record_id))
    desk.confirm_same(v, pair.a.key, pair.b.key)
    companion = next(a for a in proposal.acts if a.form_id == "family_of_killed")
    desk.add_quote(v, iid, companion.record_id, "acts[0].act_description", 0, 62)
    desk.set_corroboration(v, iid, "corroborated", "Two independent accounts agree.")
    for p in found.incidents[1:3]:
        if eyewitness.key not in {a.key for a in p.acts}:
            desk.accept_proposal(v, [a.key for a in p.acts])
    yield v, iid
    v.lock()


def test_documented_columns_match_the_code():
    docs = documented()
    for name, columns in UWAZI_COLUMNS.items():
        assert docs[name] == columns, name
    for name, keys in HURIDOCS_KEYS.items():
        assert docs[name] == keys, name


def test_huridocs_json_has_the_documented_keys_and_counts_people_once(filed, tmp_path):
    v, _iid = filed
    info = desk.export(v, "huridocs", tmp_path / "desk.json")
    doc = json.loads((tmp_path / "desk.json").read_text(encoding="utf-8"))
    docs = documented()
    assert doc["format"] == "testimony-huridocs-esf" and doc["version"] == 1
    for name in HURIDOCS_KEYS:
        assert doc[name], name
        for item in doc[name]:
            assert list(item) == docs[name], name
    numbers = {p["person_record_number"] for p in doc["persons"]}
    assert len(numbers) == len(doc["persons"])  # each person once
    assert all(a["victim"] in numbers for a in doc["acts"] if a["victim"])
    assert all(i["perpetrator"] in numbers for i in doc["involvements"] if i["perpetrator"])
    killing = next(e for e in doc["events"] if e["type_of_act"] == "killing" and e["geographical_term"]["district"]
                   == "khalidiya" and e["initial_date"].startswith("2012-02"))
    assert killing["independent_sources"] >= 2 and {"eyewitness", "family"} <= set(killing["source_kinds"])
    victims = [p for p in doc["persons"] if p["person_record_number"] in
               {a["victim"] for a in doc["acts"] if a["event"] == killing["event_record_number"]}]
    yasser = next(p for p in victims if p["confirmed"])
    assert yasser["name"] == "Yasser Halabi (fictional)" and yasser["pseudonym"].startswith("V-")
    assert doc["summary"]["unconfirmed_victims"] == sum(1 for p in doc["persons"]
                                                        if p["person_type"] == "victim" and not p["confirmed"])
    assert info["events"] == len(doc["events"])
    # names not marked publishable never leave headquarters
    text = (tmp_path / "desk.json").read_text(encoding="utf-8")
    publishable = {(m.record_id, m.path) for m in desk.victim_mentions(desk.load(v).acts, {}) if m.publishable}
    withheld = [m.name for m in desk.victim_mentions(desk.load(v).acts, v.desk_identities())
                if m.name and m.key not in publishable]
    assert withheld and not any(f'"{name}"' in text for name in withheld)
    with pytest.raises(VaultError, match="already exists"):
        desk.export(v, "huridocs", tmp_path / "desk.json")


def test_uwazi_csv_has_the_documented_columns_and_relations_resolve(filed, tmp_path):
    v, _iid = filed
    info = desk.export(v, "uwazi", tmp_path / "uwazi")
    assert sorted(info["files"]) == sorted(UWAZI_COLUMNS)
    tables = {}
    for name in UWAZI_COLUMNS:
        with open(tmp_path / "uwazi" / name, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == documented()[name], name
            tables[name] = list(reader)
    titles = {name: {r["title"] for r in rows} for name, rows in tables.items()}
    for name, rows in tables.items():
        assert len(titles[name]) == len(rows), f"titles in {name} are unique"
    for row in tables["incidents.csv"]:
        assert all(t in titles["victims.csv"] for t in row["victims"].split("|") if t)
        assert all(t in titles["sources.csv"] for t in row["sources"].split("|") if t)
    for row in tables["acts.csv"]:
        assert row["incident"] in titles["incidents.csv"]
        assert not row["victim"] or row["victim"] in titles["victims.csv"]
    for row in tables["victims.csv"]:
        assert all(t in titles["incidents.csv"] for t in row["incidents"].split("|"))
    assert "Yasser Halabi (fictional)" in titles["victims.csv"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_report_draft_lists_the_incident_with_two_independent_sources(filed, lang):
    v, iid = filed
    data = desk.report_data(v, [iid])
    section = data.incidents[0]
    assert section.independent == 2 and section.kinds == {"eyewitness": 1, "family": 1}
    assert [x.name for x in section.victims] == ["Yasser Halabi (fictional)"]  # killed, marked publishable
    assert section.quotes == [("family", "My brother was shot in the chest during the funeral procession")]
    html = desk.report_html(v, [iid], lang)
    assert "My brother was shot in the chest" in html
    assert ("المنهجية" in html and 'dir="rtl"' in html) if lang == "ar" else "Methodology" in html
    assert "[PERSON-1]" in html  # the method says what the marks stand for; no identity leaks in quotes
    assert "سامي" not in html and "F-311" not in html  # neither the witness's name nor code
    everything = desk.report_html(v, None, lang)
    assert everything.count('page-break-before') == len(desk.load(v).incidents)


def test_report_escapes_witness_words(filed):
    v, iid = filed
    desk.set_corroboration(v, iid, "corroborated", "<b>bold</b> & <script>x</script>")
    html = desk.report_html(v, [iid], "en")
    assert "<script>" not in html and "&lt;script&gt;" in html
