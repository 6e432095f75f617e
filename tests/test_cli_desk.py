"""The analyst's desk on the command line: demo vault, suggestions, incidents, people, counts, report, exports."""

from __future__ import annotations

import json

from tests.cli import run

HQ = {"TESTIMONY_PASSPHRASE": "headquarters passphrase"}


def ok(r):
    assert r.returncode == 0, r.stderr
    return r


def j(*args):
    return json.loads(ok(run(*args, "--json", env=HQ)).stdout)


def test_desk_from_the_command_line(tmp_path):
    hq = str(tmp_path / "hq")
    v = ("--vault", hq)
    made = j("hq", "demo", "--testimonies", "30", *v)
    assert made["testimonies"] == 35
    r = run("hq", "demo", *v, env=HQ)
    assert r.returncode == 1 and "new folder" in r.stderr  # never into an existing vault
    found = j("hq", "suggest", *v)
    assert found["names_compared_in"] > 0
    companion = made["demo_records"][-1]  # the demo killing told by the victim's brother
    eyewitness = next(x for x in made["demo_records"]
                      if any({p["a"].split(":")[0], p["b"].split(":")[0]} == {x, companion} for p in found["people"]))
    proposal = next(p for p in found["incidents"] if any(a.startswith(eyewitness) for a in p["acts"]))
    pair = next(p for p in found["people"] if {p["a"].split(":")[0], p["b"].split(":")[0]} == {eyewitness, companion})
    before = j("hq", "counts", *v)["victims_by_month"]["2012-02"]["killed"]
    acts = proposal["acts"]
    attach = [x for a in acts for x in ("--act", a)]
    iid = j("hq", "incidents", "create", "--type", "killing", "--date", "2012-02-04", "--city", "homs",
            "--district", "khalidiya", "--description", "Shooting at a funeral", *attach, *v)["id"]
    pid = j("hq", "people", "confirm", pair["a"], pair["b"], *v)["person"]
    other = next(p for p in found["incidents"] if p is not proposal)
    assert j("hq", "incidents", "reject-proposal", *other["acts"], *v)["rejected"] == other["acts"]
    counts = j("hq", "counts", *v)
    assert counts["victims_by_month"]["2012-02"]["killed"] == before - 1
    assert sum(counts["incidents_by_independent_sources"].values()) == 1
    shown = j("hq", "incidents", "show", iid, *v)
    assert shown["independent_sources"] >= 2
    assert pid in {p["id"] for p in j("hq", "people", "list", *v)}
    r = run("hq", "incidents", "create", "--type", "killing", "--date", "2012-02-04", "--city", "atlantis", *v, env=HQ)
    assert r.returncode == 1 and "gazetteer" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    pdf = tmp_path / "draft.pdf"
    assert j("hq", "report", "--out", str(pdf), "--lang", "ar", "--incident", iid, *v)["pages"] >= 1
    assert pdf.read_bytes().startswith(b"%PDF")
    for digits, year in (("native", "٢٠١٢"), ("western", "2012")):  # as the window's digit setting
        page = tmp_path / f"draft-{digits}.html"
        j("hq", "report", "--out", str(page), "--lang", "ar", "--digits", digits, "--incident", iid, *v)
        assert year in page.read_text(encoding="utf-8")
    info = j("hq", "export", "--format", "huridocs", "--out", str(tmp_path / "desk.json"), *v)
    assert info["events"] == 1
