"""Plain values of the form language: field types, date and time vocabularies, answer issues.

A leaf module: the model, the validator and the splitter all use it, none of them imports another through it.
"""
from __future__ import annotations

from dataclasses import dataclass

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
