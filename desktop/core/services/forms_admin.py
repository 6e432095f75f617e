"""Forms administration: the installed forms, checking a definition, importing an XLSForm."""

from __future__ import annotations

import os
from pathlib import Path

from ..forms import Form, FormRegistry, dump_form, import_xlsform, load_form, validate_form_file
from ..forms.loader import store_for
from ..forms.vocab import VocabStore
from ..outputs import check_output, publish

__all__ = ["Form", "FormRegistry", "definition_text", "forms", "import_xlsform_file", "show", "validate_file",
           "vocabularies"]


def vocabularies(registry: FormRegistry) -> VocabStore:
    """The vocabularies (labels of coded answers) of the registry's resources."""
    return store_for(registry.resources)


def forms(registry: FormRegistry) -> list[Form]:
    return registry.list()


def show(registry: FormRegistry, form_id: str) -> Form:
    return registry.get(form_id)


def definition_text(form: Form) -> str:
    return dump_form(form.to_dict())


def validate_file(path: Path) -> Form:
    return validate_form_file(Path(path))


def import_xlsform_file(source: Path, out: Path) -> list[str]:
    """Convert an XLSForm into a form definition at ``out``; returns the conversion report.

    ``out`` must be a new file outside any vault (a wrong ``--out`` once
    replaced a vault's key slots). The result is loaded back before it gets
    its name, so a conversion that produces an invalid form leaves nothing behind."""
    out = check_output(Path(out))
    definition, report = import_xlsform(Path(source))
    text = dump_form(definition)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        load_form(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    publish(tmp, out)
    return list(report)
