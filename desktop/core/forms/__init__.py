"""Testimony's form language: definitions, validation of answers, identity split, XLSForm import.

No Qt here.  See docs/forms.md for the language reference.
"""
from .errors import FormError
from .expr import DateVal, date_interval
from .loader import build_form, load_form, validate_form_file
from .dump import dump_form
from .model import Field, Form, Section
from .registry import FormRegistry
from .values import FieldIssue
from .xlsform import import_xlsform

__all__ = [
    "DateVal", "Field", "FieldIssue", "Form", "FormError", "FormRegistry", "Section",
    "build_form", "date_interval", "dump_form", "import_xlsform", "load_form", "validate_form_file",
]
