"""The report draft looked at as a person would: the PDF rendered to pages
(Debian poppler-utils: pdftoppm, pdftotext). Arabic is shaped (joined letter
forms) and laid out from the right; English from the left."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from PIL import Image

from desktop.core.desk.report import IncidentSection, ReportData, VictimLine, render_html
from desktop.ui.report_pdf import pdf_bytes


def _data() -> ReportData:
    import datetime as dt

    section = IncidentSection(
        1, "killing", {"precision": "day", "date": "2012-02-04"}, "homs", "khalidiya",
        "A young man carrying a banner was shot in the chest from the school roof.", "corroborated",
        "Two independent accounts agree.", 2, 2, 2, 2, {"eyewitness": 1, "family": 1},
        [VictimLine("Yasser Halabi (fictional)", "V-0001", ["killed"], "male", 16, None, True)],
        [("army", ["4th Division", "الفرقة الرابعة"])],
        [("family", "My brother was shot in the chest during the funeral procession")])
    return ReportData("Desk (fictional)", dt.date(2026, 12, 1), 2, 2, 0, [section])


def _first_page_ink(pdf: bytes, tmp_path) -> tuple[tuple[int, int], tuple[int, int]]:
    """((left, right) of the title's ink, (left, right) of all the ink) on page 1."""
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")],
                   check=True, timeout=60)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    w, h = page.size
    rows = [[x for x in range(w) if page.getpixel((x, y)) < 128] for y in range(h)]
    inked = [y for y, xs in enumerate(rows) if xs]
    title = [x for y in inked[:6] for x in rows[y]]  # the first text line: the title
    every = [x for y in inked for x in rows[y]]
    return (min(title), max(title)), (min(every), max(every))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_report_pdf_pages_read_in_their_direction(qapp, tmp_path, lang):
    pdf, pages = pdf_bytes(render_html(_data(), lang), lang)
    assert pdf.startswith(b"%PDF") and pages >= 2  # incidents start on a page of their own
    (left, right), (column_left, column_right) = _first_page_ink(pdf, tmp_path)
    column = column_right - column_left
    if lang == "ar":  # the short title ends at the right edge of the text and starts well inside it
        assert column_right - right <= 3 and left - column_left > column * 0.1, (left, right, column_left, column_right)
    else:
        assert left - column_left <= 3 and column_right - right > column * 0.1, (left, right, column_left, column_right)
    (tmp_path / "r.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    if lang == "ar":
        assert any(0xFE70 <= ord(c) <= 0xFEFF for c in text)  # joined (shaped) letter forms were drawn
        assert "المنهجية" in unicodedata.normalize("NFKC", text)
    else:
        assert "Methodology" in text and "Yasser Halabi" in text


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "digits.pdf"
    path.write_bytes(pdf)
    return unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                                        text=True, check=True, timeout=60).stdout)


@pytest.mark.parametrize("digits", ["native", "western"])
def test_report_numbers_follow_the_digit_setting_as_the_window_does(qapp, translations, tmp_path, digits):
    """An Arabic report writes its counts and dates with the digits the desk screens use
    (Arabic-Indic unless Settings say Western); codes such as pseudonyms keep theirs."""
    from desktop.ui.base.i18n import digits as window_digits

    translations.install("ar", digits)
    window_2012 = window_digits("2012")  # how the window writes a date's year under this setting
    text = _pdf_text(pdf_bytes(render_html(_data(), "ar", digits), "ar")[0], tmp_path)
    assert window_2012 in text  # the incident's date: 4 February 2012
    assert ("2012" in text) == (digits == "western") and ("٢٠١٢" in text) == (digits == "native")
    assert ("١٦" in text) == (digits == "native")  # the victim's age
    assert "PERSON-1" in text  # a pseudonym (the methodology's example) is a code, not a count


def test_english_report_keeps_western_digits(qapp, tmp_path):
    text = _pdf_text(pdf_bytes(render_html(_data(), "en", "native"), "en")[0], tmp_path)
    assert "2012" in text and not any("\u0660" <= c <= "\u0669" for c in text)


def test_report_sentences_give_each_count_its_noun():
    from desktop.core.desk.report import render_html as html_of

    html = html_of(_data(), "en")
    assert "covers 1 incident documented in 2 testimonies gathered by 2 researchers:" in html
    assert "2 independent sources (1 eyewitness, 1 relative)" in html
    assert "from 2 testimonies, 2 field devices and 2 researchers." in html
    data = _data()
    data.incidents[0].kinds = {"eyewitness": 2}
    assert "(2 eyewitnesses)" in html_of(data, "en")
    assert "من الحوادث" in html_of(_data(), "ar")  # Arabic says "١ من الحوادث" for any number


@pytest.mark.parametrize(("lang", "digits"), [("ar", "native"), ("ar", "western"), ("en", "native")])
def test_pages_are_numbered_in_the_reports_digits(qapp, tmp_path, lang, digits):
    """Each page's number at its foot, written as the report's counts are (Qt's own
    printing numbered Arabic reports in Western digits)."""
    from desktop.core.numerals import write_digits, zero_digit

    pdf, pages = pdf_bytes(render_html(_data(), lang, digits), lang, digits=digits)
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
        lines = ["".join(c for c in line if unicodedata.category(c) != "Cf").strip() for line in text.splitlines()]
        assert [line for line in lines if line][-1] == write_digits(str(page), zero_digit(lang, digits))
    assert (zero_digit(lang, digits) == "\u0660") == (lang == "ar" and digits == "native")
