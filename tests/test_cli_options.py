"""Global options (--vault, --passphrase-file, --recovery-code-file, --json) mean the
same before and after the command, for every command; two different values are a
usage error."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import GLOBAL_OPTIONS, build_parser, main, merge_global_options

ROOT = Path(__file__).resolve().parents[1]


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """Every leaf command as (words, its parser)."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, sp in subs[0].choices.items():
        yield from _commands(sp, (*prefix, name))


def _required_args(parser: argparse.ArgumentParser) -> list[str]:
    out: list[str] = []
    for a in parser._actions:
        if a.option_strings:
            if a.required:
                out += [a.option_strings[-1], str(a.choices[0]) if a.choices else "X"]
        elif not isinstance(a, argparse._SubParsersAction) and a.nargs != 0:
            out.append(str(a.choices[0]) if a.choices else "X")
    return out


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    merge_global_options(parser, args)
    return args


GLOBALS = ["--vault", "/media/usb/vault", "--passphrase-file", "/media/usb/pw",
           "--recovery-code-file", "/media/usb/code", "--json"]
COMMANDS = [words for words, _ in _commands(build_parser())]


def test_every_command_is_covered():
    assert len(COMMANDS) >= 20
    assert ("vault", "wipe") in COMMANDS and ("hq", "import") in COMMANDS


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_options_before_and_after_the_command(words):
    sp = dict(_commands(build_parser()))[words]
    rest = _required_args(sp)
    before = _parse([*GLOBALS, *words, *rest])
    after = _parse([*words, *rest, *GLOBALS])
    for flag, _ in GLOBAL_OPTIONS:
        dest = flag[2:].replace("-", "_")
        assert getattr(before, dest) == getattr(after, dest), flag
    assert before.vault == "/media/usb/vault" and before.json is True
    assert before.passphrase_file == "/media/usb/pw" and before.recovery_code_file == "/media/usb/code"
    assert vars(before) == vars(after)


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_two_different_values_are_a_usage_error(words, capsys):
    sp = dict(_commands(build_parser()))[words]
    rest = _required_args(sp)
    with pytest.raises(SystemExit) as info:
        _parse(["--vault", "/a", *words, *rest, "--vault", "/b"])
    assert info.value.code == 2
    assert "--vault" in capsys.readouterr().err
    same = _parse(["--vault", "/a", *words, *rest, "--vault", "/a"])  # the same value twice is fine
    assert same.vault == "/a"


def test_vault_init_and_wipe_use_the_named_folder(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    pw = tmp_path / "pw"
    pw.write_text("a passphrase of several good words\n")
    usb = tmp_path / "usb" / "vault"
    other = tmp_path / "other"
    assert main(["--vault", str(usb), "--passphrase-file", str(pw), "vault", "init"]) == 0
    assert (usb / "vault.db").exists()
    assert main(["vault", "init", "--vault", str(other), "--passphrase-file", str(pw)]) == 0
    assert (other / "vault.db").exists()
    assert not data.exists() or not any(data.rglob("vault.db"))
    # wipe: the one named, not the other and not the default
    assert main(["--vault", str(usb), "vault", "wipe", "--yes"]) == 0
    assert not (usb / "vault.db").exists() and (other / "vault.db").exists()


def test_conflicting_options_exit_2_from_the_command_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "--vault", str(tmp_path / "a"), "record",
                           "list", "--vault", str(tmp_path / "b")], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ}, timeout=60)
    assert proc.returncode == 2
    assert "--vault" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
