"""Names of places and organisations that the statistical name finder takes
for a person's: the rules that keep them visible, each with the person it
must not cost.  The model is made to find the span under test (so that the
rule, not the shipped model's training, decides); the name lists are real."""
from __future__ import annotations

import pytest

from desktop.core.redaction import Redactor
from desktop.core.redaction.model import ModelSpan


def model_says(monkeypatch: pytest.MonkeyPatch, text: str, *parts: str) -> Redactor:
    """A redactor whose English model finds exactly ``parts`` of ``text``, sure of them."""
    r = Redactor()
    assert r._model is not None
    spans = [ModelSpan(text.index(p), text.index(p) + len(p), 0.95, "en") for p in parts]
    monkeypatch.setattr(r._model, "find", lambda t, lang="auto", low=0.0, gen=False: [] if gen else list(spans))
    return r


def redacted(r: Redactor, text: str, part: str) -> bool:
    i = text.index(part)
    return any(s.start < i + len(part) and i < s.end for s in r.detect(text))


@pytest.mark.parametrize("text, span", [
    ("The choir sang in Quorvay Hall on Friday.", "Quorvay"),             # the word after is a place's
    ("We danced at the Quorvay Room on Friday.", "Quorvay Room"),         # the span's last word is
    ("The regiment joined Howe 's Brigade near the river.", "Howe"),      # after a possessive, tokenised
    ("We bought beer at Noonan's Liquor and went home.", "Noonan"),
    ("The lawyers of Holland & Hart, LLP wrote to us.", "Hart"),         # a company's legal form
    ("A letter from Beatty & Associates came today.", "Beatty"),
])
def test_a_name_before_a_place_or_organisation_word_is_not_a_person(monkeypatch, text, span):
    assert not redacted(model_says(monkeypatch, text, span), text, span)


@pytest.mark.parametrize("text, span", [
    ("I talked this morning with Tom Hall about the money.", "Tom Hall"),  # a given name first: a person
    ("The striker Quorvay Park scored twice.", "Quorvay Park"),            # a family name as much as a park
    ("We met Quorvay's brother at the checkpoint.", "Quorvay"),            # a possessive before a plain noun
    ("I wrote to Quorvay, Ahmed and Sami.", "Quorvay"),                      # a comma, then no company's form
])
def test_people_stay_hidden_beside_those_words(monkeypatch, text, span):
    assert redacted(model_says(monkeypatch, text, span), text, span)


@pytest.mark.parametrize("text, span", [
    ("The buses belong to KTEL (Koinon Tameion Eispraxeos Leoforeion) now.", "Tameion Eispraxeos Leoforeion"),
    ("The buses belong to OASA (Organismos Astikon Syngoinonion Athinon / Athens Urban Transport) now.",
     "Organismos Astikon"),
    ("She taught at the Towarzystwo Pomocy Naukowej (TPN) in Warsaw.", "Towarzystwo Pomocy Naukowej"),
])
def test_an_acronym_spelt_out_in_brackets_is_an_organisation(monkeypatch, text, span):
    assert not redacted(model_says(monkeypatch, text, span), text, span)


@pytest.mark.parametrize("text, span", [
    ("Peter Rowe (PR) spoke first.", "Peter Rowe"),           # a known given name first
    ("Quorvay Tessan (QX) spoke first.", "Quorvay Tessan"),   # initials that are not the acronym
])
def test_a_person_beside_initials_stays_hidden(monkeypatch, text, span):
    assert redacted(model_says(monkeypatch, text, span), text, span)


def test_a_name_the_sentence_calls_a_village_is_a_place(monkeypatch):
    text = "Marbury is a village on the river."
    assert not redacted(model_says(monkeypatch, text, "Marbury"), text, "Marbury")
    text = "Marbury is a doctor from the village."
    assert redacted(model_says(monkeypatch, text, "Marbury"), text, "Marbury")


def test_a_listed_name_before_an_organisation_word_is_not_a_person():
    r = Redactor(use_model=False)
    assert not redacted(r, "Fighters of the Mahdi Army entered the town.", "Mahdi")
    assert redacted(r, "Fighters took Mahdi away from the town.", "Mahdi")
