"""Arabic-aware name matching: pairs that must match and pairs that must not."""

from __future__ import annotations

import pytest

from desktop.core.desk.names import names_match, pair_keys

MUST_MATCH = [
    # spelling variants in Latin script
    ("Muhammed al-Halabi", "Mohamad Halaby", "Latin vowels and doubled letters"),
    ("Moustafa Khalil", "Mustafa Khaleel", "French and English spellings"),
    ("Husayn Omar", "Hussein Omar", "diphthong written two ways"),
    ("Abdulrahman Khatib", "Abdurrahman al-Khatib", "Abd joined, sun letter doubled"),
    ("Yousef Haddad", "Youssef al-Haddad", "article and doubled letter"),
    ("Fatimah Zahra", "Fatima al-Zahra", "final h"),
    # spelling variants in Arabic script
    ("اسامه سعيد", "أسامة سعيد", "hamza seat and ta marbuta"),
    ("مصطفي خليل", "مصطفى خليل", "alef maqsura"),
    ("عبد الرحمن الخطيب", "عبدالرحمن الخطيب", "Abd written apart or joined"),
    ("مُحَمَّد الحلبي", "محمد حلبي", "diacritics and article"),
    # transliteration between scripts
    ("Mohammad Halabi", "محمد الحلبي", "Arabic and Latin"),
    ("Abd al-Rahman Khatib", "عبدالرحمن الخطيب", "Abd al- and sun letter"),
    ("Aisha Nasser", "عائشة ناصر", "hamza and initial ain"),
    ("Abdullah Saleh", "عبد الله صالح", "Allah"),
    ("Usama Saeed", "اسامه سعيد", "long vowel ee"),
    ("Marwan Qasim", "مروان قاسم", "w as consonant, q"),
    ("Yasser Halabi (fictional)", "ياسر الحلبي", "the demo's victim in two testimonies"),
    # kunya
    ("Abu Ahmad al-Halabi", "أبو أحمد الحلبي", "kunya in both scripts"),
    ("Mohammad al-Halabi (Abu Ahmad)", "Abu Ahmad Halabi", "kunya given in brackets"),
    ("Umm Mohammad", "أم محمد", "a woman known by her kunya"),
    # order of given and family name
    ("Halabi Yasser", "Yasser Halabi", "family name first"),
    ("Yasser Mahmoud Halabi", "Yasser Halabi", "father's name left out"),
]

MUST_NOT_MATCH = [
    ("Mohammad Halabi", "Mahmoud Halabi", "different given names, same consonants"),
    ("محمد الحلبي", "محمود الحلبي", "Arabic: Mohammad and Mahmoud"),
    ("Mahmoud Halabi", "محمد الحلبي", "Latin writes a long u Arabic does not"),
    ("Hassan Omar", "Hussein Omar", "Hassan and Hussein"),
    ("حسن عمر", "Hussein Omar", "Hussein writes a long vowel Hasan lacks"),
    ("Yasser Halabi", "Yasser Khatib", "same given, different family"),
    ("Abu Ahmad", "Abu Mahmoud", "different kunyas"),
    ("Abu Ahmad Halabi", "Umm Ahmad Halabi", "father's and mother's kunya"),
    ("Omar Khatib", "Amer Khatib", "Omar and Amer"),
    ("Yasser", "Yasser", "a lone given name is not enough"),
    ("Samir Haddad", "Samira Haddad", "a man's and a woman's name"),
]


@pytest.mark.parametrize(("a", "b", "why"), MUST_MATCH, ids=[w for *_x, w in MUST_MATCH])
def test_names_that_must_match(a, b, why):
    assert names_match(a, b), why
    assert names_match(b, a), why
    assert pair_keys(a) & pair_keys(b), "blocking must put the two names in one block"


@pytest.mark.parametrize(("a", "b", "why"), MUST_NOT_MATCH, ids=[w for *_x, w in MUST_NOT_MATCH])
def test_names_that_must_not_match(a, b, why):
    assert not names_match(a, b), why
    assert not names_match(b, a), why
