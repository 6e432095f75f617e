"""Command line for bundles: headquarters identity, trust, export, import, receipts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_common import AddCommand, Refused, Subcommands, emit, new_passphrase, open_vault
from .core import paths
from .core.errors import Refusal
from .core.services import access, analysis, exchange, forms_admin


def _read_small(path: str, what: str) -> bytes:
    try:
        if Path(path).stat().st_size > exchange.MAX_SMALL_FILE:
            raise Refused(f"{path} is too large to be a {what}")
    except OSError as exc:
        raise Refused(f"Cannot read {path}: {exc.strerror}") from None
    return exchange.read_small_file(path)


def cmd_hq_init(args: argparse.Namespace) -> None:
    path = Path(args.vault) if args.vault else paths.default_vault_dir()
    card_path = exchange.check_output_file(Path(args.card))  # new, outside any vault; nothing created yet
    if card_path.absolute().is_relative_to(path.absolute()):
        raise Refusal(code="file.inside_vault", path=str(card_path), vault=str(path))
    created = access.create_vault(path, new_passphrase(args, from_main=True), org=args.org)
    vault, code, card = created.vault, created.recovery_code, created.card
    assert card is not None  # a headquarters vault always has its card
    try:
        exchange.write_card(card, card_path)
    except (OSError, Refusal) as exc:
        print(f"Recovery code (shown once): {code}", file=sys.stderr)
        raise Refused(f"Vault created at {path}, but the card could not be written ({exc}); "
                      "write it with 'testimony hq card --out FILE'") from None
    finally:
        access.lock(vault)
    emit(args, {"vault": str(path), "card": args.card, "fingerprint": card.fingerprint, "recovery_code": code},
         f"Analyst vault created at {path}\nRecipient card written to {args.card}\n"
         f"Fingerprint (read it to researchers, or print it): {card.fingerprint}\n\n"
         f"Recovery code (shown once; keep it apart from this computer):\n\n    {code}\n")


def cmd_hq_card(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        card = exchange.hq_card(vault)
    exchange.write_card(card, Path(args.out))
    emit(args, {"card": args.out, "fingerprint": card.fingerprint}, f"{args.out}: fingerprint {card.fingerprint}")


def cmd_hq_trust(args: argparse.Namespace) -> None:
    data = _read_small(args.card, "recipient card")
    with open_vault(args) as vault:
        card = exchange.trust_card(vault, data)
    emit(args, {"org": card.org, "fingerprint": card.fingerprint},
         f"Registered {card.org}\nFingerprint: {card.fingerprint}\n"
         "Compare it with the one headquarters gave you in person or on paper before exporting.")


def cmd_export(args: argparse.Namespace) -> None:
    registry = forms_admin.FormRegistry()
    with open_vault(args) as vault:
        result = exchange.export(vault, args.to, Path(args.out), registry, record_ids=args.record or None,
                                 include_identities=args.include_identities,
                                 include_uncleaned=args.include_uncleaned,
                                 send_unreviewed=args.send_unreviewed)
    for line in result.skipped:
        print(f"note: {line}", file=sys.stderr)
    emit(args, {"bundle_id": result.bundle_id, "out": str(result.path), "records": result.records,
                "attachments": result.attachments, "bytes": result.bytes, "skipped": result.skipped},
         f"Bundle {result.bundle_id} written to {result.path}: {result.records} records, "
         f"{result.attachments} attachments, {result.bytes:,} bytes")


def cmd_hq_import(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        report = exchange.import_bundle(vault, Path(args.bundle), trust_new_device=args.trust_new_device,
                               accept_changed_key=args.accept_changed_key)
    emit(args, report.to_dict(), report.summary())


def cmd_hq_receipt(args: argparse.Namespace) -> None:
    exchange.check_output_file(Path(args.out))
    with open_vault(args) as vault:
        exchange.write_receipt(vault, args.bundle_id, Path(args.out))
    emit(args, {"receipt": args.out}, f"Receipt written to {args.out}; give it to the researcher")


def cmd_receipt_import(args: argparse.Namespace) -> None:
    data = _read_small(args.file, "receipt")
    with open_vault(args) as vault:
        info = exchange.import_receipt(vault, data)
    emit(args, info, f"Headquarters confirmed receiving {len(info['records'])} records of bundle {info['bundle_id']}")


def cmd_handover(args: argparse.Namespace) -> None:
    if not args.yes:
        raise Refusal(code="handover.unconfirmed")
    with open_vault(args) as vault:
        done = exchange.handover(vault, args.forget, args.record or None)
    emit(args, {"forgotten": done, "what": args.forget},
         f"Forgot the {args.forget} of {len(done)} record(s) received by headquarters")


def cmd_hq_export(args: argparse.Namespace) -> None:
    if args.format in ("huridocs", "uwazi"):
        from .cli_desk import export_desk

        export_desk(args)
        return

    with open_vault(args) as vault:
        count = analysis.export_table(vault, Path(args.out), args.format)
    emit(args, {"out": args.out, "records": count}, f"Wrote {count} records to {args.out}")


def add_commands(sub: Subcommands, add: AddCommand) -> None:
    hq = sub.add_parser("hq", help="headquarters: identity, import, analysis").add_subparsers(
        dest="hq_command", metavar="ACTION", required=True)
    i = add(hq, "init", cmd_hq_init, "make an analyst vault and its recipient card")
    i.add_argument("--org", required=True)
    i.add_argument("--card", required=True, metavar="FILE")
    add(hq, "card", cmd_hq_card, "write this headquarters' recipient card again").add_argument(
        "--out", required=True, metavar="FILE")
    add(hq, "trust", cmd_hq_trust, "field side: register a recipient card").add_argument("card")
    imp = add(hq, "import", cmd_hq_import, "analyst side: verify and ingest a bundle")
    imp.add_argument("bundle")
    imp.add_argument("--trust-new-device", action="store_true", help="accept a device not seen before")
    imp.add_argument("--accept-changed-key", action="store_true",
                     help="accept a known researcher's new device key, or a trusted device's new "
                          "researcher code (verify with them first)")
    rc = add(hq, "receipt", cmd_hq_receipt, "analyst side: sign a receipt for an imported bundle")
    rc.add_argument("bundle_id")
    rc.add_argument("--out", required=True, metavar="FILE")
    he = add(hq, "export", cmd_hq_export, "export all testimonies as CSV or JSON, or the desk's incidents for "
             "HURIDOCS (JSON file) or Uwazi (folder of CSV files)")
    he.add_argument("--format", choices=["csv", "json", "huridocs", "uwazi"], required=True)
    he.add_argument("--out", required=True, metavar="FILE")

    from .cli_desk import add_desk_commands

    add_desk_commands(hq, add)

    e = add(sub, "export", cmd_export, "field side: write an encrypted, signed bundle")
    e.add_argument("--to", required=True, metavar="FINGERPRINT")
    e.add_argument("--out", required=True, metavar="FILE")
    e.add_argument("--record", action="append", metavar="ID")
    e.add_argument("--include-identities", action="store_true", help="also send identifying details")
    e.add_argument("--send-unreviewed", action="store_true",
                   help="send records whose narratives nobody reviewed with automatic redaction only "
                        "(recorded in the manifest and the custody log)")
    e.add_argument("--include-uncleaned", action="store_true",
                   help="also send attachments whose metadata could not be removed")

    r = sub.add_parser("receipt", help="field side: receipts from headquarters").add_subparsers(
        dest="receipt_command", metavar="ACTION", required=True)
    add(r, "import", cmd_receipt_import, "register a signed receipt").add_argument("file")
    h = add(sub, "handover", cmd_handover, "forget what headquarters confirmed receiving")
    h.add_argument("--forget", choices=["identities", "records"], required=True)
    h.add_argument("--record", action="append", metavar="ID")
    h.add_argument("--yes", action="store_true")
