"""The review overview's core (issue 13): detection for every answer at once
with the decisions already saved; a fully decided answer is reviewed, a
partly decided one keeps its decisions but stays flagged for review."""

from __future__ import annotations

import pytest

from desktop.core import review
from desktop.core.crypto import FLOOR
from desktop.core.forms import FormRegistry
from desktop.core.masking import masked_record
from desktop.core.records import save_new_record
from desktop.core.services import redaction
from desktop.core.vault import Cancelled, Vault
from tests.test_identities import witness_answers


@pytest.fixture
def witness(tmp_path):
    reg = FormRegistry()
    v, _ = Vault.create(tmp_path / "v", "identities passphrase", kdf=FLOOR)
    rid = save_new_record(v, reg.get("eyewitness_force"), witness_answers())
    yield v, rid, reg
    v.lock()


def test_overview_lists_every_answer_and_keeps_decisions(witness):
    v, rid, reg = witness
    seen: list[tuple[int, int]] = []
    answers = redaction.review_overview(v, rid, reg, progress=lambda d, t: seen.append((d, t)))
    assert answers[0].path == "witness_position" and seen[-1] == (len(answers), len(answers))
    first = answers[0]
    assert {"Ahmad Haddad", "Omar"} <= {f.text for f in first.findings}
    assert first.undecided == len(first.findings) and first.status == review.UNREVIEWED
    # a partial review: only "Omar" decided (keep); saved, but the answer still needs review
    omar = next(f for f in first.findings if f.text == "Omar")
    omar.decision = "reject"
    assert redaction.save_review_overview(v, rid, [first]) == []
    m = masked_record(v, rid)
    assert m.status["witness_position"] == review.CHANGED and "Omar" in m.record.public["witness_position"]
    assert "witness_position" in redaction.unreviewed_records(v, [rid], reg)[rid]
    again = redaction.review_overview(v, rid, reg)[0]
    assert {f.text: f.decision for f in again.findings}["Omar"] == "reject"
    assert again.undecided == len(again.findings) - 1
    # every finding decided: reviewed
    for f in again.findings:
        f.decision = f.decision or "accept"
    assert redaction.save_review_overview(v, rid, [again]) == ["witness_position"]
    m = masked_record(v, rid)
    assert m.status["witness_position"] == review.REVIEWED
    assert "Omar" in m.record.public["witness_position"] and "Haddad" not in m.record.public["witness_position"]
    assert redaction.review_overview(v, rid, reg)[0].undecided == 0
    assert "witness_position" not in redaction.unreviewed_records(v, [rid], reg).get(rid, [])


def test_overview_can_be_cancelled(witness):
    v, rid, reg = witness
    with pytest.raises(Cancelled):
        redaction.review_overview(v, rid, reg, cancel=lambda: True)
