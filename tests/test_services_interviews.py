"""What a new interview and a new act already know, and dates that cannot have happened yet."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.forms import FormRegistry
from desktop.core.services import interviews


@pytest.fixture(scope="module")
def eyewitness():
    return FormRegistry().get("eyewitness_force")


def test_a_new_act_carries_the_event_and_the_first_act_the_casualties(eyewitness):
    event = {"precision": "day", "date": "2012-05-18"}
    answers = {
        "interview_date": {"precision": "day", "date": "2012-06-01"},  # about the interview: not carried
        "event_date": event,
        "event_start_time": {"precision": "exact", "time": "17:30"},
        "event_location": {"text": "the square by the mosque"},
        "casualties": [{"status": "killed", "casualty_wound": "chest"}],
    }
    first = interviews.new_entry_defaults(eyewitness, answers, "acts", 0)
    assert first["act_date"] == event and first["act_time"] == {"precision": "exact", "time": "17:30"}
    assert first["act_location"] == {"text": "the square by the mosque"}
    assert first["act_victims"] == [{"status": "killed"}]  # only what a victim entry holds
    second = interviews.new_entry_defaults(eyewitness, answers, "acts", 1)
    assert second["act_date"] == event and "act_victims" not in second
    assert interviews.new_entry_defaults(eyewitness, answers, "casualties", 0) == {}
    assert interviews.new_entry_defaults(eyewitness, {}, "acts", 0) == {}


def test_dates_in_the_future_are_refused_by_the_core(eyewitness):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for value in ({"precision": "day", "date": tomorrow}, {"precision": "year", "year": dt.date.today().year + 1},
                  {"precision": "range", "from": tomorrow, "to": tomorrow}):
        issues = [i for i in interviews.validate(eyewitness, {"event_date": value}) if i.path == "event_date"]
        assert issues and "future" in issues[0].message, value
    today = {"precision": "day", "date": dt.date.today().isoformat()}
    assert not [i for i in interviews.validate(eyewitness, {"event_date": today}) if i.path == "event_date"]
    this_year = {"precision": "year", "year": dt.date.today().year}  # may have begun: accepted
    assert not [i for i in interviews.validate(eyewitness, {"event_date": this_year}) if i.path == "event_date"]


def test_list_facts_tell_records_apart_without_free_text_or_identities(eyewitness):
    answers = {
        "interviewee_code": "W-101",
        "interview_date": {"precision": "day", "date": "2012-06-01"},
        "event_date": {"precision": "month", "month": "2012-02"},
        "event_location": {"city": "Homs", "text": "near the main mosque"},
    }
    facts = {k: v for k, (_f, v) in interviews.list_facts(eyewitness, answers).items()}
    assert facts["code"] == "W-101" and facts["date"] == {"precision": "month", "month": "2012-02"}
    assert facts["place"] == {"city": "Homs"}  # the words typed about the place stay out of the list
    only_words = dict(answers, event_location={"text": "near the main mosque"})
    assert "place" not in interviews.list_facts(eyewitness, only_words)
    identifying = [f.id for f in eyewitness.iter_fields() if f.identifying and f.parent is None]
    for fid in identifying:
        assert all(f.id != fid for f, _v in interviews.list_facts(eyewitness, dict(answers, **{fid: "x"})).values())
