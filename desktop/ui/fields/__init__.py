"""Answer editors for each field type of the form language, one module per kind of question.

Each editor turns one field's answer to and from widgets; ``value()`` returns
the answer in the form language's JSON shape, or None when unanswered.
Editors know nothing about saving, validation rules or relevance: the
interview view asks the form for those. Importing the package registers
every editor (``base.EDITORS``).
"""

from __future__ import annotations

from .base import EDITORS, Editor, EditorContext, FieldRow, make_editor
from .choices import ChoiceButtons, ConsentEditor, YesNoUnknownEditor
from .dates import ApproxDateEditor, DateField, TimeEditor
from .places import AttachmentFieldEditor, LocationEditor
from .repeats import EntryBox, GroupEditor, RepeatEditor
from .text import (
    BooleanEditor,
    IntegerEditor,
    NarrativeEditor,
    NoteEditor,
    SelectMultipleEditor,
    SelectOneEditor,
    TextEditor,
)

__all__ = [
    "EDITORS", "ApproxDateEditor", "AttachmentFieldEditor", "BooleanEditor", "ChoiceButtons", "ConsentEditor",
    "DateField", "Editor", "EditorContext", "EntryBox", "FieldRow", "GroupEditor", "IntegerEditor", "LocationEditor",
    "NarrativeEditor", "NoteEditor", "RepeatEditor", "SelectMultipleEditor", "SelectOneEditor", "TextEditor",
    "TimeEditor", "YesNoUnknownEditor", "make_editor",
]
