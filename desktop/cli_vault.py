"""Command line for the vault itself: create, check, change the passphrase, duress, wipe."""

from __future__ import annotations

import argparse

from .cli_common import (
    AddCommand,
    Refused,
    Subcommands,
    duress_passphrase,
    emit,
    new_passphrase,
    open_vault,
    passphrase,
    vault_path,
)
from .core.errors import Refusal
from .core.services import access, exchange



def cmd_vault_init(args: argparse.Namespace) -> None:
    path = vault_path(args)
    created = access.create_vault(path, new_passphrase(args, from_main=True))
    access.lock(created.vault)
    code = created.recovery_code
    emit(
        args,
        {"vault": str(path), "recovery_code": code},
        f"Vault created at {path}\n\nRecovery code (shown once; write it down and keep it apart "
        f"from the laptop):\n\n    {code}\n",
    )


def cmd_vault_check(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        problems = vault.check()
        count = vault.count_records()
        fingerprint = exchange.device_fingerprint(vault)
        mode = vault.mode
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise Refused(f"Integrity check failed: {problems[0]}{more}")
    emit(args, {"ok": True, "records": count, "mode": mode, "device_fingerprint": fingerprint},
         f"Vault is sound ({count} records, {mode} vault)\nDevice fingerprint: {fingerprint}")


def _new_code_text(code: str) -> str:
    return (f"New recovery code (the old one no longer works; shown once, write it down and keep it "
            f"apart from the laptop):\n\n    {code}\n")


def cmd_vault_passwd(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        code = access.change_passphrase(vault, new_passphrase(args, from_main=False), rotate=args.rotate_keys)
    if code is None:
        emit(args, {"ok": True}, "Passphrase changed")
    else:
        emit(args, {"ok": True, "recovery_code": code},
             "Passphrase changed and every key of the vault replaced\n\n" + _new_code_text(code))


def cmd_vault_duress(args: argparse.Namespace) -> None:
    duress = duress_passphrase(args)
    access.check_passphrase(duress)
    real = passphrase(args)
    with open_vault(args) as vault:
        code = access.set_duress_passphrase(vault, duress, current=real)
    emit(args, {"ok": True, "recovery_code": code},
         "Duress passphrase set: typing it at unlock wipes this vault and opens a decoy with no records\n\n"
         + _new_code_text(code))


def cmd_vault_wipe_after(args: argparse.Namespace) -> None:
    try:
        failures = int(args.failures)
    except ValueError:
        raise Refusal(code="unlock.limit_invalid", maximum=access.MAX_UNLOCK_LIMIT) from None
    access.check_unlock_limit(failures)
    with open_vault(args) as vault:
        access.set_unlock_limit(vault, failures)
    emit(args, {"wipe_after_failures": failures},
         f"The vault will be wiped after {failures} failed unlocks in a row" if failures
         else "Failed unlocks no longer wipe the vault")


def cmd_vault_wipe(args: argparse.Namespace) -> None:
    if not args.yes:
        raise Refusal(code="vault.wipe_unconfirmed")
    path = vault_path(args)
    seconds = access.wipe(path)
    emit(args, {"wiped": str(path), "keys_destroyed_seconds": seconds}, f"Vault at {path} wiped")


def add_commands(sub: Subcommands, add: AddCommand) -> None:
    vault = sub.add_parser("vault", help="create, check, change or wipe the vault").add_subparsers(
        dest="vault_command", metavar="ACTION", required=True)
    add(vault, "init", cmd_vault_init, "create a vault; prints the recovery code once")
    add(vault, "check", cmd_vault_check, "unlock and verify integrity")
    pw = add(vault, "passwd", cmd_vault_passwd, "change the passphrase")
    pw.add_argument("--rotate-keys", action="store_true",
                    help="after a suspected compromise: also replace the master key and every subkey "
                         "(prints a new recovery code)")
    pw.add_argument("--new-passphrase-file", metavar="FILE")
    du = add(vault, "duress", cmd_vault_duress, "set a duress passphrase that wipes the vault when used")
    du.add_argument("--duress-passphrase-file", metavar="FILE")
    wa = add(vault, "wipe-after", cmd_vault_wipe_after, "wipe the vault after N failed unlocks in a row (0: off)")
    wa.add_argument("failures", metavar="N", help="0 (off) to the maximum the vault allows")
    w = add(vault, "wipe", cmd_vault_wipe, "quick wipe (keys first, then data)")
    w.add_argument("--yes", action="store_true")
