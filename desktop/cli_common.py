"""What every command of the command line shares: secrets, opening the vault, output.

Refusals are :class:`desktop.core.errors.Refusal`; ``main`` prints their
English line and exits 1.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from .core import paths
from .core.errors import Refusal
from .core.services import access


# A command's handler, and the helper with which the command modules register theirs (cli.py's ``add``).
Command: TypeAlias = Callable[[argparse.Namespace], None]
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class AddCommand(Protocol):
    def __call__(self, parent: Subcommands, name: str, fn: Command, help: str,
                 **kw: Any) -> argparse.ArgumentParser: ...  # kw: what ArgumentParser() takes


class Refused(Refusal):
    """A refused action of the command line itself: printed as one line, exit status 1."""


def _read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise Refused(f"Cannot read {path}: {exc.strerror}") from None
    return text.rstrip("\r\n")


def passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file)
    env = os.environ.get("TESTIMONY_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise Refused("No passphrase: use --passphrase-file, TESTIMONY_PASSPHRASE or a terminal")
    return getpass.getpass(prompt)


def new_passphrase(args: argparse.Namespace, from_main: bool) -> str:
    """The passphrase to set: for init the usual sources, for passwd the 'new' ones.

    The rule (length and strength) is the core's, the same as the window's."""
    if from_main and (args.passphrase_file or os.environ.get("TESTIMONY_PASSPHRASE") is not None):
        value = passphrase(args)
    elif not from_main and getattr(args, "new_passphrase_file", None):
        value = _read_secret_file(args.new_passphrase_file)
    elif not from_main and os.environ.get("TESTIMONY_NEW_PASSPHRASE") is not None:
        value = os.environ["TESTIMONY_NEW_PASSPHRASE"]
    else:
        if not sys.stdin.isatty():
            raise Refused("No new passphrase given (see --help)")
        value = getpass.getpass("New passphrase: ")
        access.check_new_passphrase(value, getpass.getpass("Repeat it: "))
    access.check_passphrase(value)
    return value


def duress_passphrase(args: argparse.Namespace) -> str:
    if args.duress_passphrase_file:
        return _read_secret_file(args.duress_passphrase_file)
    if os.environ.get("TESTIMONY_DURESS_PASSPHRASE") is not None:
        return os.environ["TESTIMONY_DURESS_PASSPHRASE"]
    if sys.stdin.isatty():
        return getpass.getpass("Duress passphrase: ")
    raise Refused("No duress passphrase given (see --help)")


def recovery_code(args: argparse.Namespace) -> str | None:
    if getattr(args, "recovery_code_file", None):
        return _read_secret_file(args.recovery_code_file)
    return os.environ.get("TESTIMONY_RECOVERY_CODE")


def vault_path(args: argparse.Namespace) -> Path:
    return Path(args.vault) if args.vault else paths.default_vault_dir()


@contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[access.Vault]:
    """Unlock (under the vault's failed-unlock policy), yield the vault, lock it again."""
    code = recovery_code(args)
    path = vault_path(args)
    if code is not None:
        opened = access.unlock(path, recovery_code=code)
    else:
        opened = access.unlock(path, passphrase=passphrase(args))
    if opened.guard_tampered:
        print("testimony: warning: the failed-unlock counter of this vault was changed outside Testimony "
              "(recorded in the custody log)", file=sys.stderr)
    if opened.failed_since_last_unlock:
        print(f"testimony: note: {opened.failed_since_last_unlock} failed unlock(s) since the last one",
              file=sys.stderr)
    try:
        yield opened.vault
    finally:
        access.lock(opened.vault)


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif text:
        print(text)
