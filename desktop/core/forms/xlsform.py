"""XLSForm (ODK) import: workbook -> a definition in our form language.

pyxform reads the workbook (``pyxform.xls2json.parse_file_to_json``); openpyxl
is used only to find row numbers and columns we do not support.  Anything that
cannot be carried over faithfully is reported row by row and the import is
refused (FormError) -- it never half-succeeds.  Non-fatal notes (a guess that a
field is identifying, dropped device metadata) are returned as report lines.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import expr as E
from .errors import FormError, one_line
from .loader import build_form
from .vocab import VALUE_RE
from .xlsform_bounds import MAX_XLSFORM_BYTES, check_workbook

ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
REF_RE = re.compile(r"\$\{([^}]*)\}")

TYPE_MAP = {
    "text": "text", "integer": "integer", "int": "integer", "select one": "select_one",
    "select all that apply": "select_multiple", "date": "approx_date", "time": "time",
    "geopoint": "location", "note": "note", "acknowledge": "consent", "trigger": "consent",
    "image": "attachment", "photo": "attachment", "audio": "attachment", "video": "attachment", "file": "attachment",
}
METADATA = {"start", "end", "today", "deviceid", "imei", "subscriberid", "simserial", "phonenumber",
            "username", "email", "audit", "start-geopoint", "background-audio", "uid"}
SUPPORTED_COLUMNS = {"type", "name", "label", "hint", "guidance_hint", "relevant", "constraint",
                     "constraint_message", "constraint message", "required", "required_message",
                     "appearance", "repeat_count", "testimony::identifying"}
LANG_PREFIXED = ("label", "hint", "guidance_hint", "constraint_message", "required_message")
KNOWN_LANGS = {"english": "en", "arabic": "ar", "french": "fr", "kurdish": "ku", "spanish": "es",
               "turkish": "tr", "persian": "fa", "farsi": "fa", "russian": "ru"}
IDENTIFYING_NAME = re.compile(
    r"(^|_)(name|names|fullname|firstname|lastname|surname|family_name|phone|mobile|telephone|tel|"
    r"whatsapp|email|address|dob|birth|birthdate|date_of_birth|national_id|id_number|passport)(_|$)")


KEY_ORDER = ("id", "type", "title", "label", "guidance", "required", "identifying", "relevant", "constraint",
             "constraint_message", "choices", "repeat", "repeat_count", "fields")


def _ordered(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in sorted(d, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER))}


def _lang_code(name: str, default: str) -> str:
    if name in ("default", ""):
        return default
    m = re.search(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\)\s*$", name)
    if m:
        return m.group(1).lower()
    if re.match(r"^[a-z]{2,3}$", name):
        return name
    code = KNOWN_LANGS.get(name.strip().lower())
    if code:
        return code
    raise FormError(
        f"XLSForm: cannot tell the language code of {name!r}; write it as 'Name (code)', e.g. 'Arabic (ar)'")


class _Importer:
    def __init__(self, path: Path):
        self.path = path
        self.rows: dict[str, int] = {}
        self.errors: list[str] = []
        self.report: list[str] = []
        self.renames: dict[str, str] = {}
        self.default_lang = "en"
        self.has_ident_column = False
        self.explicit_ident: dict[str, str] = {}

    def row(self, name: str) -> str:
        r = self.rows.get(name)
        return f"survey row {r}" if r else f"field {name!r}"

    # ---------------------------------------------------------- workbook scan (rows, columns)
    def scan_sheet(self) -> None:
        try:
            import openpyxl
            wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as e:  # noqa: BLE001 - any failure of a hostile workbook
            raise FormError(f"XLSForm {self.path.name}: cannot open the workbook ({one_line(e, 120)})") from None
        try:
            sheet = next((wb[n] for n in wb.sheetnames if n.strip().lower() == "survey"), None)
            if sheet is None:
                raise FormError(f"XLSForm {self.path.name}: no 'survey' sheet")
            header: list[str] = []
            for r, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if r > 20000:
                    raise FormError(f"XLSForm {self.path.name}: more than 20000 survey rows")
                cells = ["" if v is None else str(v).strip() for v in values]
                if not header:
                    header = [c.lower() for c in cells]
                    self.has_ident_column = "testimony::identifying" in header
                    continue
                rec = dict(zip(header, cells, strict=False))  # a short row leaves the last columns unset
                name = rec.get("name", "")
                if name and name not in self.rows:
                    self.rows[name] = r
                if name and rec.get("testimony::identifying"):
                    self.explicit_ident[name] = rec["testimony::identifying"].lower()
                for col, val in rec.items():
                    if not val or not col:
                        continue
                    base = col.split("::")[0].strip()
                    if col in SUPPORTED_COLUMNS or base in LANG_PREFIXED:
                        continue
                    if base == "read_only" and val.lower() in ("no", "false", "false()"):
                        continue
                    self.errors.append(f"survey row {r}: column {col!r} is not supported (value {val[:40]!r})")
        finally:
            wb.close()

    # ---------------------------------------------------------- conversion
    def texts(self, v: Any, what: str, name: str) -> dict[str, str]:
        if v is None or v == "" or v == {}:
            return {}
        if isinstance(v, str):
            return {self.default_lang: v}
        if isinstance(v, dict):
            out: dict[str, str] = {}
            for lang, text in v.items():
                try:
                    code = _lang_code(str(lang), self.default_lang)
                except FormError as e:
                    self.errors.append(f"{self.row(name)}: {e}")
                    continue
                if isinstance(text, str) and text:
                    out[code] = text
            return out
        self.errors.append(f"{self.row(name)}: {what} is not text")
        return {}

    def new_id(self, name: str) -> str:
        if name in self.renames:
            return self.renames[name]
        new = name if ID_RE.match(name) else re.sub(r"[^a-z0-9_]", "_", name.lower())
        if not new or not new[0].isalpha():
            new = f"f_{new}"
        new = new[:64]
        if new in self.renames.values():
            self.errors.append(f"{self.row(name)}: name {name!r} clashes with another field once made lower-case")
        elif new != name:
            self.report.append(f"{self.row(name)}: field {name!r} renamed {new!r}")
        self.renames[name] = new
        return new

    def collect_names(self, children: list[dict[str, Any]]) -> None:
        for c in children:
            if c.get("name") and c.get("name") != "meta":
                self.new_id(str(c["name"]))
            if c.get("children") and c.get("name") != "meta":
                self.collect_names(c["children"])

    def expression(self, src: Any, what: str, name: str) -> str | None:
        if src in (None, ""):
            return None
        if not isinstance(src, str):
            self.errors.append(f"{self.row(name)}: {what} is not text")
            return None

        def sub(m: re.Match[str]) -> str:
            ref = m.group(1).strip()
            if ref not in self.renames:
                self.errors.append(f"{self.row(name)}: {what} refers to unknown field ${{{ref}}}")
                return m.group(0)
            return "${" + self.renames[ref] + "}"

        out = REF_RE.sub(sub, src)
        try:
            E.parse(out)
        except FormError as e:
            self.errors.append(f"{self.row(name)}: {what}: {e}")
            return None
        return out

    def field(self, c: dict[str, Any]) -> dict[str, Any] | None:
        xtype = str(c.get("type", "")).strip()
        name = str(c.get("name", ""))
        if xtype in METADATA:
            self.report.append(f"{self.row(name)}: device metadata {xtype!r} is not collected by Testimony; dropped")
            return None
        if xtype == "calculate" and name == "instanceID":
            return None
        bind = c.get("bind") or {}
        control = c.get("control") or {}
        appearance = str(control.get("appearance", "") or "")
        fid = self.new_id(name)
        out: dict[str, Any] = {"id": fid}
        if xtype in ("group", "repeat"):
            out["type"] = "group"
            if xtype == "repeat":
                out["repeat"] = True
                rc = self.expression(control.get("jr:count"), "repeat_count", name)
                if rc:
                    out["repeat_count"] = rc
            kids = [k for k in (self.field(k) for k in c.get("children") or []) if k]
            if not kids:
                self.errors.append(f"{self.row(name)}: {xtype} {name!r} has no fields")
            out["fields"] = kids
        elif xtype in TYPE_MAP:
            out["type"] = TYPE_MAP[xtype]
            if xtype == "text" and "multiline" in appearance:
                out["type"] = "narrative"
            if xtype == "date":
                self.report.append(
                    f"{self.row(name)}: date {name!r} becomes an approximate date (day, month, range or unknown)")
            if xtype == "trigger":
                self.report.append(f"{self.row(name)}: trigger {name!r} becomes a consent item")
        else:
            self.errors.append(f"{self.row(name)}: question type {xtype!r} is not supported")
            return None
        label = self.texts(c.get("label"), "label", name)
        out["label"] = label or {self.default_lang: name}
        guidance = self.texts(c.get("hint"), "hint", name)
        for lang, text in self.texts(c.get("guidance_hint"), "guidance_hint", name).items():
            guidance[lang] = f"{guidance[lang]} {text}" if lang in guidance else text
        if guidance:
            out["guidance"] = guidance
        # bind
        for key in bind:
            if key not in ("required", "relevant", "constraint", "jr:constraintMsg", "jr:requiredMsg"):
                self.errors.append(f"{self.row(name)}: {key!r} is not supported")
        req = str(bind.get("required", "") or "").strip().lower()
        if req in ("yes", "true", "true()", "1"):
            out["required"] = True
        elif req not in ("", "no", "false", "false()", "0"):
            self.errors.append(f"{self.row(name)}: a conditional 'required' ({req!r}) is not supported")
        if bind.get("jr:requiredMsg"):
            self.report.append(f"{self.row(name)}: required_message ignored (Testimony writes its own)")
        rel = self.expression(bind.get("relevant"), "relevant", name)
        if rel:
            out["relevant"] = rel
        con = self.expression(bind.get("constraint"), "constraint", name)
        if con:
            out["constraint"] = con
            msg = self.texts(bind.get("jr:constraintMsg"), "constraint_message", name)
            if msg:
                out["constraint_message"] = msg
        for key in c:
            if key in ("bind", "control", "testimony", "label", "hint", "guidance_hint", "type", "name",
                       "choices", "list_name", "itemset", "parameters", "children"):
                continue
            if key in ("default", "calculation", "choice_filter", "trigger", "media", "itemset_filter"):
                self.errors.append(f"{self.row(name)}: {key!r} is not supported")
        if appearance and appearance != "multiline":
            self.report.append(f"{self.row(name)}: appearance {appearance!r} ignored")
        if out["type"] in ("select_one", "select_multiple"):
            out["choices"] = self.choices(c, name)
        if str(c.get("parameters") or {}) not in ("{}", "None"):
            self.errors.append(f"{self.row(name)}: parameters are not supported")
        self.identifying(out, xtype, name, c)
        return _ordered(out)

    def choices(self, c: dict[str, Any], name: str) -> list[dict[str, Any]]:
        items = c.get("choices")
        list_name = str(c.get("list_name") or c.get("itemset") or "")
        if list_name.endswith((".csv", ".xml", ".geojson")):
            self.errors.append(f"{self.row(name)}: choices from an external file are not supported")
            return []
        if not isinstance(items, list):
            items = self.all_choices.get(list_name)
        if not isinstance(items, list) or not items:
            self.errors.append(f"{self.row(name)}: choice list {list_name!r} is empty or missing")
            return []
        out = []
        for it in items:
            value = str(it.get("name", ""))
            if not VALUE_RE.match(value):
                self.errors.append(f"choices {list_name!r}: value {value!r} must be a code of letters, digits, _ . -")
                continue
            label = self.texts(it.get("label"), "choice label", name) or {self.default_lang: value}
            out.append({"value": value, "label": label})
        return out

    def identifying(self, out: dict[str, Any], xtype: str, name: str, c: dict[str, Any]) -> None:
        if out["type"] in ("group", "note"):
            return
        explicit = self.explicit_ident.get(name)
        extra = c.get("testimony")
        if explicit is None and isinstance(extra, dict) and extra.get("identifying") not in (None, ""):
            explicit = str(extra["identifying"]).strip().lower()
        if explicit in ("yes", "true", "1", "y"):
            out["identifying"] = True
            return
        if explicit in ("no", "false", "0", "n"):
            return
        if explicit:
            self.errors.append(f"{self.row(name)}: testimony::identifying must be yes or no, not {explicit!r}")
            return
        reason = None
        if xtype == "geopoint":
            reason = "it holds exact coordinates"
        elif xtype in ("image", "photo", "video"):
            reason = "photos and video may show faces"
        elif IDENTIFYING_NAME.search(name.lower()):
            reason = "its name suggests a name, contact, address or date of birth"
        if reason:
            out["identifying"] = True
            self.report.append(f"{self.row(name)}: {name!r} marked identifying (guessed: {reason}); "
                               "set testimony::identifying to no to override")

    # ---------------------------------------------------------- whole form
    def run(self) -> tuple[dict[str, Any], list[str]]:
        from pyxform.xls2json import parse_file_to_json

        self.scan_sheet()
        warnings: list[str] = []
        try:
            data = parse_file_to_json(str(self.path), warnings=warnings)
        except Exception as e:  # noqa: BLE001 - pyxform raises many kinds
            raise FormError(f"XLSForm {self.path.name}: {one_line(e, 300)}", self.errors) from None
        self.all_choices = data.get("choices") or {}
        try:
            self.default_lang = _lang_code(str(data.get("default_language") or "default"), "en")
        except FormError as e:
            raise FormError(str(e), self.errors) from None
        children = [c for c in data.get("children") or [] if c.get("name") != "meta"]
        self.collect_names(children)
        sections: list[dict[str, Any]] = []
        loose: list[dict[str, Any]] = []

        def flush() -> None:
            if loose:
                sid = "main" if not sections else f"part_{len(sections) + 1}"
                sections.append({"id": sid, "title": {self.default_lang: "Questions"}, "fields": list(loose)})
                loose.clear()

        for c in children:
            if c.get("type") == "group":
                flush()
                name = str(c.get("name"))
                sid = self.new_id(name)
                kids = [k for k in (self.field(k) for k in c.get("children") or []) if k]
                if not kids:
                    self.errors.append(f"{self.row(name)}: group {name!r} has no fields")
                    continue
                sec_title = self.texts(c.get("label"), "label", name) or {self.default_lang: name}
                sec: dict[str, Any] = {"id": sid, "title": sec_title, "fields": kids}
                rel = self.expression((c.get("bind") or {}).get("relevant"), "relevant", name)
                if rel:
                    sec["relevant"] = rel
                sections.append(_ordered(sec))
            else:
                f = self.field(c)
                if f:
                    loose.append(f)
        flush()
        fid = str(data.get("id_string") or self.path.stem).lower()
        fid = re.sub(r"[^a-z0-9_]", "_", fid)
        if not fid or not fid[0].isalpha():
            fid = f"form_{fid}"
        version = str(data.get("version") or "1")
        if not re.match(r"^[0-9]+(\.[0-9]+){0,3}$", version):
            self.report.append(f"settings: version {version!r} is not numeric; using 1")
            version = "1"
        title = data.get("title") or fid
        definition: dict[str, Any] = {
            "form": fid[:64], "version": version, "kind": "interview",
            "title": self.texts(title, "title", "") or {self.default_lang: fid},
            "sections": sections,
        }
        for w in warnings:
            self.report.append(f"pyxform: {one_line(w, 200)}")
        if not sections:
            self.errors.append("the survey sheet has no questions")
        if self.errors:
            n = len(self.errors)
            raise FormError(f"XLSForm {self.path.name}: {n} unsupported feature{'s' if n > 1 else ''}; "
                            f"first: {self.errors[0]}", self.errors + self.report)
        try:
            build_form(definition, name=f"{self.path.name} (converted)")
        except FormError as e:
            raise FormError(f"XLSForm {self.path.name}: {e}", self.report) from None
        return definition, self.report


def import_xlsform(path: str | Path) -> tuple[dict[str, Any], list[str]]:
    """Convert an XLSForm workbook (.xlsx) into a form definition dict plus report lines."""
    p = Path(path)
    if p.suffix.lower() != ".xlsx":
        raise FormError(f"XLSForm {p.name}: only .xlsx workbooks are supported (save it as .xlsx)")
    try:
        size = p.stat().st_size
    except OSError as e:
        raise FormError(f"XLSForm {p.name}: cannot read ({e.strerror or e})") from None
    if size > MAX_XLSFORM_BYTES:
        raise FormError(f"XLSForm {p.name}: larger than {MAX_XLSFORM_BYTES // 1_000_000} MB; refused")
    check_workbook(p)
    return _Importer(p).run()
