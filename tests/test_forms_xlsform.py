"""XLSForm import: the fixture behaves like its hand-written equivalent; unsupported features are refused."""
import importlib.util
from pathlib import Path

import pytest

from desktop.core.forms import FormError, build_form, dump_form, import_xlsform, load_form
from desktop.core.forms.safeyaml import loads

DATA = Path(__file__).parent / "data" / "forms"
spec = importlib.util.spec_from_file_location("make_xlsform_fixture", DATA / "make_xlsform_fixture.py")
fixture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixture)

DAY = lambda d: {"precision": "day", "date": d}  # noqa: E731
COMPLETE = {"witness_name": "Samir (fictional)", "witness_age": 40, "witness_phone": "0944 000 000",
            "saw_shooting": "yes", "event_date": DAY("2012-05-25"), "end_date": DAY("2012-05-26"),
            "weapons_seen": ["live_ammunition"], "details": "Shots from the roof.",
            "victims": [{"victim_name": "Omar (fictional)", "victim_age": 19, "victim_status": "killed",
                         "victim_killed_where": "street"},
                        {"victim_age": 30, "victim_status": "injured"}]}
CASES = [
    COMPLETE,
    {},
    {**COMPLETE, "witness_age": 130},
    {**COMPLETE, "end_date": DAY("2012-05-01")},
    {**COMPLETE, "saw_shooting": "no"},  # the whole shooting section is hidden
    {"witness_name": "S", "saw_shooting": "yes"},
    {**COMPLETE, "victims": [{"victim_age": -3}, {"victim_status": "missing"}]},
    {**COMPLETE, "weapons_seen": ["tear_gas", "drones"], "colour": "red"},
    {**COMPLETE, "victims": [{"victim_status": "injured", "victim_killed_where": "x"}]},
]


@pytest.fixture(scope="module")
def imported():
    return import_xlsform(DATA / "xlsform_fixture.xlsx")


def test_committed_fixture_matches_its_script(tmp_path):
    fresh, _ = import_xlsform(fixture.build(tmp_path / "fresh.xlsx"))
    assert fresh == import_xlsform(DATA / "xlsform_fixture.xlsx")[0]


def test_import_maps_groups_repeat_languages_and_flags(imported):
    definition, report = imported
    form = build_form(definition)
    assert form.id == "shooting_report" and form.version == "3"
    assert [s.id for s in form.sections] == ["witness", "shooting"]
    assert form.section("shooting").relevant.source == "${saw_shooting} = 'yes'"
    victims = form.field("victims")
    assert victims.type == "group" and victims.repeat
    assert form.field("witness_name").label == {"en": "Name of the witness", "ar": "اسم الشاهد"}
    assert form.field("witness_age").constraint_message["ar"].startswith("يجب")
    assert form.field("details").type == "narrative"
    assert form.field("event_date").type == "approx_date"
    assert form.field("witness_name").identifying  # explicit column
    assert not form.field("weapons_seen").identifying  # explicit "no"
    assert form.field("witness_phone").identifying and form.field("victims.victim_name").identifying  # guessed
    assert any("witness_phone" in line and "guessed" in line for line in report)
    assert any("victim_name" in line and "guessed" in line for line in report)
    assert not any("witness_name" in line and "guessed" in line for line in report)
    # dump_form gives YAML our loader accepts
    again = build_form(loads(dump_form(definition)))
    assert [f.path for f in again.fields] == [f.path for f in form.fields]


@pytest.mark.parametrize("answers", CASES)
def test_imported_and_hand_written_validate_the_same(imported, answers):
    xls = build_form(imported[0])
    hand = load_form(DATA / "xlsform_equivalent.yaml")
    a = [(i.path, i.code) for i in xls.validate(answers, strict=True)]
    b = [(i.path, i.code) for i in hand.validate(answers, strict=True)]
    assert a == b
    assert xls.split(answers) == hand.split(answers)


def test_equivalence_cases_are_meaningful(imported):
    form = build_form(imported[0])
    assert form.validate(COMPLETE) == []
    codes = {(i.path, i.code) for i in form.validate(CASES[6])}
    assert {("victims[0].victim_age", "constraint"), ("victims[0].victim_status", "required"),
            ("victims[1].victim_status", "choice")} <= codes
    assert ("end_date", "constraint") in {(i.path, i.code) for i in form.validate(CASES[3])}
    assert form.validate(CASES[4]) == []


def test_unsupported_features_are_reported_row_by_row(tmp_path):
    empty = [""] * 9
    rows = [["geotrace", "route", "Route", "الطريق", *empty],
            ["decimal", "weight", "Weight", "الوزن", *empty],
            ["integer", "year", "Year", "السنة", "", "", "", "", "today() > 2000", "", "", "", ""]]
    path = fixture.build(tmp_path / "bad.xlsx", rows)
    with pytest.raises(FormError) as info:
        import_xlsform(path)
    err = info.value
    assert "\n" not in str(err) and "3 unsupported features" in str(err)
    text = "\n".join(err.details)
    assert "survey row 19: question type 'geotrace' is not supported" in text
    assert "survey row 20: question type 'decimal' is not supported" in text
    assert "survey row 21: constraint:" in text and "function 'today' is not allowed" in text


def test_pyxform_errors_become_one_line(tmp_path):
    rows = [["calculate", "total", "Total", "المجموع"] + [""] * 9]
    with pytest.raises(FormError) as info:
        import_xlsform(fixture.build(tmp_path / "calc.xlsx", rows))
    assert "\n" not in str(info.value) and "19" in str(info.value)


def test_other_refusals(tmp_path):
    with pytest.raises(FormError, match=r"only \.xlsx"):
        import_xlsform(tmp_path / "form.xls")
    bogus = tmp_path / "bogus.xlsx"
    bogus.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(FormError, match="cannot open the workbook"):
        import_xlsform(bogus)


def _replace_member(src: Path, out: Path, name: str, data: bytes) -> Path:
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info.filename))
    return out


def test_small_workbooks_that_expand_are_refused_before_parsing(tmp_path, monkeypatch):
    """A 514 KB workbook with a million-row sheet took 3.7 GB; one huge label 2.4 GB."""
    import openpyxl

    from desktop.core.forms.errors import FormError

    def never(*args, **kwargs):
        raise AssertionError("the workbook reached a parser")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    monkeypatch.setattr("pyxform.xls2json.parse_file_to_json", never)
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
                    for i in range(1, 200_001))
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b"<sheetData>" + rows + b"</sheetData></worksheet>")
    many = _replace_member(DATA / "xlsform_fixture.xlsx", tmp_path / "rows.xlsx", "xl/worksheets/sheet2.xml", sheet)
    assert many.stat().st_size < 2_000_000
    with pytest.raises(FormError, match="rows"):
        import_xlsform(many)
    label = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * 100_000_000
             + b"</t></is></c></row></sheetData></worksheet>")
    huge = _replace_member(DATA / "xlsform_fixture.xlsx", tmp_path / "label.xlsx", "xl/worksheets/sheet1.xml", label)
    del label
    assert huge.stat().st_size < 1_000_000
    with pytest.raises(FormError, match="expands to"):
        import_xlsform(huge)
