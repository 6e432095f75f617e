"""Generate xlsform_fixture.xlsx (an XLSForm with groups, a repeat, relevant, constraint, two languages).

Run: .venv/bin/python tests/data/forms/make_xlsform_fixture.py [OUT.xlsx]
The hand-written equivalent in our language is xlsform_equivalent.yaml.
"""
import sys
from pathlib import Path

from openpyxl import Workbook

SURVEY = [
    ["type", "name", "label::English (en)", "label::Arabic (ar)", "hint::English (en)", "hint::Arabic (ar)",
     "required", "relevant", "constraint", "constraint_message::English (en)", "constraint_message::Arabic (ar)",
     "appearance", "testimony::identifying"],
    ["begin group", "witness", "Witness", "الشاهد", "", "", "", "", "", "", "", "", ""],
    ["text", "witness_name", "Name of the witness", "اسم الشاهد", "Kept in the identity compartment",
     "يُحفظ في قسم الهوية", "yes", "", "", "", "", "", "yes"],
    ["integer", "witness_age", "Age", "العمر", "", "", "", "", ". >= 0 and . <= 120", "Age must be between 0 and 120",
     "يجب أن يكون العمر بين 0 و120", "", ""],
    ["text", "witness_phone", "Phone", "الهاتف", "", "", "", "", "", "", "", "", ""],
    ["select_one yn", "saw_shooting", "Did you see the shooting?", "هل رأيت إطلاق النار؟", "", "", "yes",
     "", "", "", "", "", ""],
    ["end group", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["begin group", "shooting", "The shooting", "إطلاق النار", "", "", "", "${saw_shooting} = 'yes'",
     "", "", "", "", ""],
    ["date", "event_date", "Date", "التاريخ", "", "", "yes", "", "", "", "", "", ""],
    ["date", "end_date", "Until", "حتى", "", "", "", "", ". >= ${event_date}", "End date must be after the start date",
     "يجب أن يكون تاريخ الانتهاء بعد تاريخ البدء", "", ""],
    ["select_multiple weapons", "weapons_seen", "Weapons", "الأسلحة", "", "", "yes", "", "", "", "", "", "no"],
    ["text", "details", "What happened", "ماذا حدث", "", "", "", "", "", "", "", "multiline", ""],
    ["begin repeat", "victims", "Victims", "الضحايا", "", "", "", "", "", "", "", "", ""],
    ["text", "victim_name", "Name", "الاسم", "", "", "", "", "", "", "", "", ""],
    ["integer", "victim_age", "Age", "العمر", "", "", "", "", ". >= 0 and . <= 120", "Age must be between 0 and 120",
     "يجب أن يكون العمر بين 0 و120", "", ""],
    ["select_one status", "victim_status", "Status", "الحالة", "", "", "yes", "", "", "", "", "", ""],
    ["text", "victim_killed_where", "Where was the body found?", "أين وُجد الجثمان؟", "", "", "",
     "${victim_status} = 'killed'", "", "", "", "", ""],
    ["end repeat", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["end group", "", "", "", "", "", "", "", "", "", "", "", ""],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Arabic (ar)"],
    ["yn", "yes", "Yes", "نعم"], ["yn", "no", "No", "لا"],
    ["weapons", "live_ammunition", "Live ammunition", "ذخيرة حية"],
    ["weapons", "tear_gas", "Tear gas", "غاز مسيل للدموع"],
    ["status", "killed", "Killed", "قُتل"], ["status", "injured", "Injured", "أُصيب"],
]
SETTINGS = [["form_title", "form_id", "version", "default_language"],
            ["Shooting report", "shooting_report", "3", "English (en)"]]


def build(out: Path, extra_rows: list | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for row in SURVEY[:-1] + (extra_rows or []) + SURVEY[-1:]:
        ws.append(row)
    for title, rows in (("choices", CHOICES), ("settings", SETTINGS)):
        sheet = wb.create_sheet(title)
        for row in rows:
            sheet.append(row)
    wb.save(out)
    return out


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("xlsform_fixture.xlsx"))
