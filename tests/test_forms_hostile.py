"""Hostile or broken form definitions are refused with one clear line, never a crash."""
import pytest

from desktop.core.forms import FormError, build_form, load_form, validate_form_file
from desktop.core.forms.loader import PACKAGE_RESOURCES


def minimal(fields=None, **section):
    return {"form": "t", "version": "1", "title": {"en": "T", "ar": "ت"},
            "sections": [{"id": "s", "title": {"en": "S"}, **section,
                          "fields": fields or [{"id": "a", "type": "text", "label": {"en": "A"}}]}]}


def refused(data_or_path, match):
    with pytest.raises(FormError) as info:
        if isinstance(data_or_path, dict):
            build_form(data_or_path, name="hostile.yaml")
        else:
            validate_form_file(data_or_path)
    msg = str(info.value)
    assert "\n" not in msg and len(msg) < 500
    assert match in msg, msg
    return msg


def write(tmp_path, text, name="hostile.yaml"):
    p = tmp_path / name
    p.write_text(text, "utf-8")
    return p


def test_minimal_definition_loads():
    assert build_form(minimal()).field("a").type == "text"


def test_unknown_field_type():
    msg = refused(minimal([{"id": "a", "type": "photo", "label": {"en": "A"}}]), "unknown field type 'photo'")
    assert "sections[0].fields[0].type" in msg


def test_unknown_key_and_missing_label():
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}, "onload": "x"}]), "unknown key")
    refused(minimal([{"id": "a", "type": "text"}]), "'label' is a required property")


def test_cyclic_relevance():
    fields = [{"id": "a", "type": "yes_no_unknown", "label": {"en": "A"}, "relevant": "${b} = 'yes'"},
              {"id": "b", "type": "yes_no_unknown", "label": {"en": "B"}, "relevant": "${c} = 'yes'"},
              {"id": "c", "type": "yes_no_unknown", "label": {"en": "C"}, "relevant": "${a} = 'yes'"}]
    refused(minimal(fields), "circular relevance: a -> b -> c -> a")


def test_self_relevance_and_section_depending_on_its_own_field():
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}, "relevant": "${a} = 'x'"}]),
            "circular relevance")
    refused(minimal(relevant="${a} = 'x'"), "circular relevance")


def test_group_relevance_on_its_own_child_is_cyclic():
    fields = [{"id": "g", "type": "group", "label": {"en": "G"}, "relevant": "${c} = 'x'",
               "fields": [{"id": "c", "type": "text", "label": {"en": "C"}}]}]
    refused(minimal(fields), "circular relevance")


def test_unknown_field_reference():
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}, "relevant": "${ghost} = 'x'"}]),
            "refers to unknown field ${ghost}")


@pytest.mark.parametrize("expr, match", [
    ("${a}.__class__", "not allowed"),
    ("${a}.upper()", "attribute access"),
    ("__import__('os')", "not allowed"),
    ("system('rm -rf /')", "function 'system' is not allowed"),
    ("today() > ${a}", "function 'today' is not allowed"),
    ("eval('1')", "function 'eval' is not allowed"),
    ("${a} = 'x' ; 1", "unexpected character"),
    ("(((${a})", "missing ')'"),
    ("1 < 2 < 3", "chained comparisons"),
    ("string-length(1, 2)", "takes 1 argument"),
    ("x" * 3000, "too long"),
    ("(" * 100 + "1" + ")" * 100, "nested more than"),
])
def test_hostile_expressions(expr, match):
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}},
                     {"id": "b", "type": "text", "label": {"en": "B"}, "relevant": expr}]), match)


def test_current_value_only_in_constraints():
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}, "relevant": ". = 'x'"}]),
            "only be used in a constraint")


def test_semantic_checks():
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}},
                     {"id": "a", "type": "text", "label": {"en": "A"}}]),
            "duplicate field id 'a'")
    refused(minimal([{"id": "a", "type": "select_one", "label": {"en": "A"}}]), "needs 'choices'")
    refused(minimal([{"id": "a", "type": "select_one", "label": {"en": "A"}, "choices": "vocab:no_such_list"}]),
            "unknown vocabulary 'no_such_list'")
    refused(minimal([{"id": "a", "type": "text", "label": {"en": "A"}, "choices": "vocab:weapons"}]),
            "not allowed on a text field")
    refused(minimal([{"id": "g", "type": "group", "label": {"en": "G"}}]), "a group needs 'fields'")
    refused({"block": "b", "sections": minimal()["sections"]}, "is a block of sections")


def test_include_cannot_leave_the_forms_folder(tmp_path):
    data = minimal()
    data["sections"].insert(0, {"include": "blocks/../../gazetteer/syria.yaml"})
    refused(data, "inside the forms folder")
    data["sections"][0] = {"include": "/etc/passwd"}
    refused(data, "inside the forms folder")
    data["sections"][0] = {"include": "blocks/missing.yaml"}
    refused(data, "not found")
    data["sections"][0] = {"include": "eyewitness_force.yaml"}
    refused(data, "is not a block")


def test_fifty_megabyte_file_is_refused_before_parsing(tmp_path):
    p = tmp_path / "huge.yaml"
    with open(p, "wb") as f:
        f.write(b"form: x\n")
        f.seek(50 * 1024 * 1024)
        f.write(b"\n")
    refused(p, "larger than the 1 MB limit")


def test_deeply_nested_yaml(tmp_path):
    # Refused in one line that names the file and the line, whichever layer (our
    # composer guard or the YAML scanner itself) notices first; never a RecursionError.
    refused(write(tmp_path, "form: x\nsections: " + "[" * 100_000 + "]" * 100_000 + "\n"),
            "hostile.yaml line 2:")
    msg = refused(write(tmp_path, "a:\n" + "".join("  " * i + "- \n" for i in range(1, 60))),
                  "hostile.yaml line ")
    assert "20" in msg  # our own limit, stated


def test_yaml_alias_bomb(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    refused(write(tmp_path, "\n".join(lines) + "\n"), "anchors")
    refused(write(tmp_path, "a: *nothing\n"), "line 1")


def test_other_broken_files(tmp_path):
    refused(write(tmp_path, "form: x\nform: y\n"), "duplicate key 'form'")
    refused(write(tmp_path, "a: !!python/object/apply:os.system ['id']\n"), "could not determine a constructor")
    refused(write(tmp_path, "- just\n- a list\n"), "must be a mapping")
    refused(write(tmp_path, "form: [unclosed\n"), "invalid YAML")
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"\xff\xfe\x00garbage")
    refused(p, "not UTF-8")
    refused(tmp_path / "absent.yaml", "cannot read")


def test_load_form_reads_shipped_template():
    assert load_form(PACKAGE_RESOURCES / "forms" / "injured_person.yaml").id == "injured_person"
