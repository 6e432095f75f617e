"""Form language: shipped templates, example interviews, validation, relevance, split/merge, versions."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from desktop.core.forms import FieldIssue, FormError, FormRegistry, build_form, dump_form, load_form
from desktop.core.forms.loader import PACKAGE_RESOURCES
from desktop.core.forms.safeyaml import load_file

DATA = Path(__file__).parent / "data" / "forms"
FORMS = PACKAGE_RESOURCES / "forms"
INTERVIEW_TYPES = {
    "eyewitness_force", "injured_person", "family_of_killed", "detention_torture", "relative_of_disappeared",
    "medical_worker", "aid_displaced", "researcher_observation", "footage_review",
}
COMMON_BLOCKS = {"interview_metadata", "acts", "safety", "source_assessment"}


@pytest.fixture(scope="module")
def registry():
    return FormRegistry()


def example(form_id):
    return json.loads((DATA / "examples" / f"{form_id}.json").read_text("utf-8"))


def paths(issues):
    return [(i.path, i.code) for i in issues]


# ------------------------------------------------------------------ templates

def test_registry_lists_the_nine_interview_types(registry):
    assert {f.id for f in registry.list()} == INTERVIEW_TYPES
    assert registry.errors == []


@pytest.mark.parametrize("path", sorted(FORMS.glob("*.yaml")) + sorted((FORMS / "blocks").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_every_definition_file_matches_the_json_schema(path):
    schema = json.loads((FORMS / "schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load_file(path), schema)


@pytest.mark.parametrize("form_id", sorted(INTERVIEW_TYPES))
def test_template_loads_is_bilingual_and_uses_common_blocks(registry, form_id):
    form = registry.get(form_id)
    assert form.version and form.title("ar") != form.title("en")
    blocks = {s.block for s in form.sections if s.block}
    assert blocks >= COMMON_BLOCKS
    if form_id not in ("researcher_observation", "footage_review"):
        assert "informed_consent" in blocks
    for s in form.sections:
        assert s.label.get("en") and s.label.get("ar"), s.id
    for f in form.fields:
        assert f.label.get("en") and f.label.get("ar"), f.path
        if f.guidance:
            assert f.guidance.get("en") and f.guidance.get("ar"), f.path
        for c in f.choices or []:
            assert c.label.get("en") and c.label.get("ar"), (f.path, c.value)
    assert any(f.identifying for f in form.fields)
    # the interview place is a type, never an exact place
    assert form.field("interview_place_type").type == "select_one"
    # the resolved definition round-trips through YAML
    again = build_form(load_yaml(dump_form(form.to_dict())), name="again")
    assert [f.path for f in again.fields] == [f.path for f in form.fields]


def load_yaml(text):
    from desktop.core.forms.safeyaml import loads
    return loads(text)


def test_acts_model_who_did_what_to_whom(registry):
    form = registry.get("eyewitness_force")
    acts = form.field("acts")
    assert acts.type == "group" and acts.repeat
    assert {c.id for c in acts.fields} >= {"act_type", "act_date", "act_location", "act_victims", "act_perpetrators",
                                          "act_witness_connection"}
    victims = form.field("acts.act_victims")
    assert victims.type == "person" and victims.repeat
    assert form.field("acts.act_victims.name").identifying
    assert not form.field("acts.act_victims.status").identifying
    assert form.field("acts[0].act_victims[3].age").type == "integer"
    assert form.field("acts.act_perpetrators.perp_type").choices_ref == "perpetrator_types"


# ------------------------------------------------------------------ example interviews

@pytest.mark.parametrize("form_id", sorted(INTERVIEW_TYPES))
def test_complete_example_interview_passes(registry, form_id):
    ex = example(form_id)
    form = registry.get(ex["form"], ex["version"])
    assert form.validate(ex["answers"], strict=True) == []
    for s in form.sections:
        assert form.section_issues(s.id, ex["answers"]) == []


@pytest.mark.parametrize("path", sorted((DATA / "incomplete").glob("*.json")), ids=lambda p: p.stem)
def test_incomplete_interviews_fail_on_the_right_fields(registry, path):
    ex = json.loads(path.read_text("utf-8"))
    issues = registry.get(ex["form"]).validate(ex["answers"])
    assert [list(p) for p in paths(issues)] == ex["expected"]
    for i in issues:
        assert isinstance(i, FieldIssue) and "\n" not in i.message and i.path in i.message


@pytest.mark.parametrize("form_id", sorted(INTERVIEW_TYPES))
def test_dropping_required_answers_is_reported(registry, form_id):
    form = registry.get(form_id)
    answers = example(form_id)["answers"]
    del answers["researcher_code"]
    answers["acts"][0].pop("act_type")
    got = paths(form.validate(answers))
    assert ("researcher_code", "required") in got
    assert ("acts[0].act_type", "required") in got


# ------------------------------------------------------------------ validation details

def test_types_choices_and_unknown_fields(registry):
    form = registry.get("injured_person")
    a = example("injured_person")["answers"]
    a["interviewee_age"] = "twenty"
    a["injury_types"] = ["gunshot_wound", "laser"]
    a["injury_date"] = {"precision": "day", "date": "2012-02-30"}
    a["injury_time"] = {"precision": "exact", "time": "25:00"}
    a["injury_location"] = {"city": "atlantis"}
    a["acts"][0]["act_victims"][0]["colour"] = "blue"
    a["nonsense"] = 1
    got = paths(form.validate(a))
    assert ("interviewee_age", "type") in got
    assert ("injury_types", "choice") in got
    assert ("injury_date", "type") in got
    assert ("injury_time", "type") in got
    assert ("injury_location", "choice") in got
    assert ("acts[0].act_victims[0].colour", "unknown_field") in got
    assert ("nonsense", "unknown_field") in got
    assert form.validate([1, 2]) and form.validate([1, 2])[0].code == "type"


def test_age_constraint_and_end_after_start(registry):
    form = registry.get("detention_torture")
    a = example("detention_torture")["answers"]
    for age, ok in ((0, True), (120, True), (121, False), (-1, False)):
        a["acts"][0]["act_victims"][0]["age"] = age
        assert (("acts[0].act_victims[0].age", "constraint") not in paths(form.validate(a))) is ok
    a["acts"][0]["act_victims"][0]["age"] = 30
    place = a["detention_places"][0]
    place["detention_to"] = {"precision": "day", "date": "2011-08-09"}
    assert ("detention_places[0].detention_to", "constraint") in paths(form.validate(a))
    # imprecise dates: "end of August 2011" may well be after 10 August -> accepted
    place["detention_to"] = {"precision": "part_of_month", "month": "2011-08", "part": "late"}
    assert form.validate(a) == []
    place["detention_to"] = {"precision": "range", "from": "2011-08-01", "to": "2011-08-05"}
    assert ("detention_places[0].detention_to", "constraint") in paths(form.validate(a))
    place["detention_to"] = {"precision": "unknown"}
    assert form.validate(a) == []
    # a range whose end is before its start is itself refused
    place["detention_to"] = {"precision": "range", "from": "2011-09-05", "to": "2011-09-01"}
    assert ("detention_places[0].detention_to", "constraint") in paths(form.validate(a))


def test_relevance_hides_and_shows(registry):
    form = registry.get("eyewitness_force")
    a = example("eyewitness_force")["answers"]
    assert form.is_relevant("killed_seen", a)
    assert form.is_relevant("casualties[0].casualty_wound", a)
    a["casualties_seen"] = "no"
    assert not form.is_relevant("killed_seen", a)
    assert not form.is_relevant("casualties[0].casualty_wound", a)
    # hidden answers are ignored by default, flagged in strict mode, and can be pruned
    assert form.validate(a) == []
    strict = paths(form.validate(a, strict=True))
    assert ("killed_seen", "irrelevant") in strict and ("casualties", "irrelevant") in strict
    assert "killed_seen" in form.irrelevant_paths(a)
    pruned = form.prune(a)
    assert "killed_seen" not in pruned and "casualties" not in pruned and form.validate(pruned, strict=True) == []
    # a hidden required field is not required
    a["forces_present"] = "no"
    del a["who_fired"]
    assert not form.is_relevant("who_fired", a)
    assert form.validate(a) == []
    # shown again, required again
    a2 = example("eyewitness_force")["answers"]
    del a2["protesters_armed"]
    assert ("protesters_armed", "required") in paths(form.section_issues("force", a2))
    # section relevance (whole section hidden)
    aid = registry.get("aid_displaced")
    b = example("aid_displaced")["answers"]
    assert aid.section_relevant("displacement", b)
    b["respondent_role"] = "volunteer"
    for k in ("displacement_date", "displaced_from", "displacement_reasons"):
        del b[k]
    assert not aid.section_relevant("displacement", b)
    assert not aid.is_relevant("displacement_date", b)
    assert aid.validate(b) == []


def test_relevance_inside_repeats_is_per_instance():
    form = load_form(DATA / "xlsform_equivalent.yaml")
    a = {"witness_name": "X", "saw_shooting": "yes", "event_date": {"precision": "day", "date": "2012-05-25"},
         "weapons_seen": ["tear_gas"],
         "victims": [{"victim_status": "killed"}, {"victim_status": "injured", "victim_killed_where": "street"}]}
    assert form.is_relevant("victims[0].victim_killed_where", a)
    assert not form.is_relevant("victims[1].victim_killed_where", a)
    assert form.validate(a) == []
    assert paths(form.validate(a, strict=True)) == [("victims[1].victim_killed_where", "irrelevant")]


# ------------------------------------------------------------------ identity split

@pytest.mark.parametrize("form_id", sorted(INTERVIEW_TYPES))
def test_split_merge_round_trip(registry, form_id):
    form = registry.get(form_id)
    answers = example(form_id)["answers"]
    public, identity = form.split(answers)
    assert form.merge(public, identity) == answers
    pub_text = json.dumps(public, ensure_ascii=False)
    for value in form.identity_values(identity):
        assert value not in pub_text, value
    assert form.validate(form.merge(public, identity)) == []


def test_split_moves_identifying_values_inside_repeats(registry):
    form = registry.get("eyewitness_force")
    answers = example("eyewitness_force")["answers"]
    public, identity = form.split(answers)
    assert identity["interviewee_name"] == "Khaled Haddad (fictional)"
    assert "interviewee_name" not in public and "interviewee_home" not in public
    assert identity["acts"][0]["act_victims"][0] == {"name": "Omar Saeed (fictional)"}
    assert public["acts"][0]["act_victims"][0]["status"] == "killed"
    assert public["acts"][0]["act_victims"][0]["name_publishable"] is True
    assert len(identity["acts"]) == len(public["acts"])
    assert identity["event_footage"][0] == {"event_footage_file": "a1b2c3d4e5"}
    text = form.searchable_text(public)
    assert "Khaled" not in text and "Omar Saeed" not in text and "+963" not in text
    assert "carrying a banner" in text and "Khalidiya" in text and "جنازة" in text
    assert form.publishable_names(answers) == ["Omar Saeed (fictional)"]
    values = form.identity_values(identity)
    assert {"Khaled Haddad (fictional)", "+963 944 000 111", "Omar Saeed (fictional)"} <= set(values)
    # unknown keys fail closed into the identity part
    p, i = form.split({"mystery": "Secret Name"})
    assert p == {} and i == {"mystery": "Secret Name"}


def test_publishable_names_need_the_flag(registry):
    form = registry.get("relative_of_disappeared")
    answers = example("relative_of_disappeared")["answers"]
    assert form.publishable_names(answers) == ["Yusuf Darwish (fictional)"]
    answers["disappeared_person"]["name_publishable"] = False
    answers["acts"][0]["act_victims"][0]["name_publishable"] = False
    assert form.publishable_names(answers) == []


# ------------------------------------------------------------------ versions

def _copy_resources(tmp_path):
    root = tmp_path / "resources"
    for sub in ("vocabularies", "gazetteer"):
        shutil.copytree(PACKAGE_RESOURCES / sub, root / sub)
    shutil.copytree(FORMS / "blocks", root / "forms" / "blocks")
    shutil.copy(FORMS / "footage_review.yaml", root / "forms" / "footage_review.yaml")
    return root


def test_old_form_version_still_loads(tmp_path):
    root = _copy_resources(tmp_path)
    reg = FormRegistry(root)
    old = reg.get("footage_review")
    assert old.version == "1.0.0"
    record = example("footage_review")
    # archive 1.0.0, then ship 1.1.0 with a renamed field
    reg.archive(old)
    current = root / "forms" / "footage_review.yaml"
    text = current.read_text("utf-8").replace("version: 1.0.0", "version: 1.1.0").replace("footage_url", "public_link")
    current.write_text(text, "utf-8")
    reg2 = FormRegistry(root)
    assert reg2.versions("footage_review") == ["1.0.0", "1.1.0"]
    assert reg2.get("footage_review").version == "1.1.0"
    assert [f.version for f in reg2.list()] == ["1.1.0"]
    # the old record opens with the version it was made with
    again = reg2.get(record["form"], record["version"])
    assert again.validate(record["answers"]) == []
    assert ("footage_url", "unknown_field") in paths(reg2.get("footage_review").validate(record["answers"]))
    # the archive is self-contained: block files and vocabularies changing later does not affect it
    archived = load_file(root / "forms" / "archive" / "footage_review" / "1.0.0.yaml")
    assert not any("include" in s for s in archived["sections"])
    with pytest.raises(FormError, match="no version '9'"):
        reg2.get("footage_review", "9")
    with pytest.raises(FormError, match="unknown form"):
        reg2.get("nope")


def test_registry_accepts_forms_folder_as_root(tmp_path):
    root = _copy_resources(tmp_path)
    assert [f.id for f in FormRegistry(root / "forms").list()] == ["footage_review"]
