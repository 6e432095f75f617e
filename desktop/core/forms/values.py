"""Plain values of the form language: field types, date and time vocabularies, answer issues.

A leaf module: the model, the validator and the splitter all use it, none of them imports another through it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELD_TYPES = (
    "text", "narrative", "integer", "select_one", "select_multiple", "yes_no_unknown",
    "approx_date", "time", "location", "person", "group", "attachment", "consent",
    "boolean", "note",
)
CONTAINER_TYPES = ("person", "group")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
TIME_PERIODS = ("morning", "afternoon", "evening", "night")
DATE_PRECISIONS = ("day", "month", "part_of_month", "year", "range", "unknown")
MONTH_PARTS = ("early", "mid", "late")


@dataclass
class FieldIssue:
    path: str
    code: str  # required | constraint | type | unknown_field | choice | repeat | irrelevant
    message: str

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "code": self.code, "message": self.message}


# the standard parts of a person value: id -> definition
PERSON_PARTS: dict[str, dict[str, Any]] = {
    "name": {"type": "text", "identifying": True, "identity": "name", "publishable_flag": "name_publishable",
             "label": {"en": "Name", "ar": "الاسم"},
             "guidance": {"en": "Full name as given. Kept in the identity compartment. Mark it publishable only "
                                "for people killed, or disappeared people whose family agreed.",
                          "ar": "الاسم الكامل كما ذُكر. يُحفظ في قسم الهوية. لا يُعلَّم قابلاً للنشر إلا للقتلى، "
                                "أو للمختفين إذا وافقت عائلاتهم."}},
    "aliases": {"type": "text", "identifying": True, "identity": "aliases",
                "label": {"en": "Also known as", "ar": "يُعرف أيضاً باسم"},
                "guidance": {"en": "Nicknames, kunya (Abu/Umm ...) or other spellings, separated by commas. "
                                   "They are hidden in narratives like the name.",
                             "ar": "ألقاب أو كنية (أبو/أم ...) أو تهجئات أخرى، تفصل بينها فواصل. "
                                   "تُحجب في الروايات مثل الاسم."}},
    "name_publishable": {"type": "boolean",
                         "label": {"en": "Name may be published", "ar": "يجوز نشر الاسم"},
                         "guidance": {"en": "Only for the killed, or the disappeared with the family's consent.",
                                      "ar": "للقتلى فقط، أو للمختفين بموافقة العائلة."}},
    "role": {"type": "select_one", "choices": "vocab:person_roles",
             "label": {"en": "Role in the events", "ar": "الدور في الأحداث"}},
    "status": {"type": "select_one", "choices": "vocab:victim_status",
               "label": {"en": "What happened to this person", "ar": "ما الذي حدث لهذا الشخص"}},
    "age": {"type": "integer", "constraint": ". >= 0 and . <= 120",
            "constraint_message": {"en": "Age must be between 0 and 120.", "ar": "يجب أن يكون العمر بين 0 و120."},
            "label": {"en": "Age (years)", "ar": "العمر (بالسنوات)"},
            "guidance": {"en": "If the exact age is not known, leave it empty and choose an age group.",
                         "ar": "إن لم يُعرف العمر بدقة، اتركه فارغاً واختر الفئة العمرية."}},
    "age_group": {"type": "select_one", "choices": "vocab:age_groups",
                  "label": {"en": "Age group", "ar": "الفئة العمرية"}},
    "sex": {"type": "select_one", "choices": "vocab:sex", "label": {"en": "Sex", "ar": "الجنس"}},
    "occupation": {"type": "text", "label": {"en": "Occupation", "ar": "المهنة"},
                   "guidance": {"en": "A general category (student, farmer, nurse), not an employer's name.",
                                "ar": "فئة عامة (طالب، مزارع، ممرضة)، وليس اسم جهة العمل."}},
}
