"""The headless command line; the same core as the GUI.

Exit codes: 0 success, 1 a refused action (one line on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .cli_common import (
    Command,
    Refused,
    Subcommands,
    emit,
    open_vault,
)
from .core import paths
from .core.errors import Refusal
from .core.services import attachments, forms_admin, interviews, redaction

# ---------------------------------------------------------------- forms


def cmd_forms_list(args: argparse.Namespace) -> None:
    forms = forms_admin.forms(forms_admin.FormRegistry())
    emit(
        args,
        [{"id": f.id, "version": f.version, "title": f.title("en"), "title_ar": f.title("ar")} for f in forms],
        "\n".join(f"{f.id:32} v{f.version:6} {f.title('en')}" for f in forms),
    )


def cmd_forms_show(args: argparse.Namespace) -> None:
    form = forms_admin.show(forms_admin.FormRegistry(), args.id)
    emit(args, form.to_dict(), forms_admin.definition_text(form))


def cmd_forms_validate(args: argparse.Namespace) -> None:
    form = forms_admin.validate_file(Path(args.file))
    emit(args, {"ok": True, "id": form.id, "version": form.version},
         f"{args.file}: valid form {form.id} v{form.version}")


def cmd_forms_import_xlsform(args: argparse.Namespace) -> None:
    out = Path(args.out)
    report = forms_admin.import_xlsform_file(Path(args.file), out)
    for line in report:
        print(line, file=sys.stderr)
    emit(args, {"out": str(out), "report": report}, f"Wrote {out}")


# ---------------------------------------------------------------- records


def _load_answers(path: str) -> dict[str, Any]:
    try:
        if Path(path).stat().st_size > 20 * 1024 * 1024:
            raise Refused(f"{path} is too large for an answers file")
        answers = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise Refused(f"Cannot read {path}: {exc.strerror}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise Refused(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(answers, dict):
        raise Refused(f"{path} must hold a JSON object of answers")
    # Also accept the example-interview layout {"form": ID, "version": V, "answers": {...}}.
    inner = answers.get("answers")
    if isinstance(inner, dict) and isinstance(answers.get("form"), str):
        return inner
    return answers


def cmd_record_add(args: argparse.Namespace) -> None:
    form = interviews.form(forms_admin.FormRegistry(), args.form)
    answers = _load_answers(args.answers)
    issues = interviews.validate(form, answers)
    if issues:
        for issue in issues:
            print(issue.message, file=sys.stderr)
        raise interviews.InvalidAnswers(issues)
    with open_vault(args) as vault:
        rid = interviews.submit(vault, form, answers, attachments=[Path(a) for a in args.attach]).record_id
    emit(args, {"id": rid}, rid)


def cmd_record_list(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        rows = vault.list_records(limit=args.limit, form_id=args.form)
    emit(
        args,
        [r.__dict__ for r in rows],
        "\n".join(f"{r.id}  {r.form_id:28} rev {r.rev:<3} {r.status:9} {r.updated_at[:19]}" for r in rows),
    )


def cmd_record_show(args: argparse.Namespace) -> None:
    redaction: dict[str, str] = {}
    with open_vault(args) as vault:
        if args.reveal:
            rec = interviews.reveal(vault, args.id, via="cli", rev=args.rev)
        else:
            masked = interviews.masked_view(vault, args.id, rev=args.rev)
            rec, redaction = masked.record, masked.status
    data = {
        "id": rec.id,
        "form": rec.form_id,
        "form_version": rec.form_version,
        "rev": rec.rev,
        "revisions": rec.current_rev,
        "status": rec.status,
        "created_at": rec.created_at,
        "updated_at": rec.updated_at,
        "answers": rec.public,
        "attachments": [
            {"id": a.id, "filename": a.filename, "sha256": a.sha256, "size": a.size,
             "cleaned": a.clean_status, "removed": a.removed, "cleaning_report": a.report}
            for a in rec.attachments
        ],
    }
    if args.reveal:
        data["identity"] = rec.identity if not rec.identity_forgotten else None
        data["identity_forgotten"] = rec.identity_forgotten
    else:
        # per answer: "reviewed" (the researcher's decisions), "changed" (decisions
        # made on an earlier text) or "automatic" (detection only)
        data["redaction"] = redaction
    text = json.dumps(data, ensure_ascii=False, indent=2)
    emit(args, data, text if args.reveal else text + "\n(identifying details hidden and narratives redacted;"
         " use --reveal)")


def cmd_attachment_export(args: argparse.Namespace) -> None:
    out = Path(args.out)
    with open_vault(args) as vault:
        sha = attachments.export_copy(vault, args.id, out, original=args.original)
    which = "original (with its metadata)" if args.original else "cleaned copy"
    print(f"Warning: {out} is a decrypted {which} outside the vault; keep it safe or delete it.",
          file=sys.stderr)
    emit(args, {"out": str(out), "sha256": sha, "original": bool(args.original)}, f"{out}  sha256 {sha}")


def cmd_search(args: argparse.Namespace) -> None:
    with open_vault(args) as vault:
        interviews.ensure_search_index(vault)
        hits = vault.search(args.query, limit=args.limit)
    emit(args, [{"id": i, "snippet": s} for i, s in hits], "\n".join(f"{i}  {s}" for i, s in hits))


def cmd_redact(args: argparse.Namespace) -> None:
    if args.jsonl:
        # one request a line in, one result a line out, in one process
        for n, line in enumerate(_bounded_lines(sys.stdin), 1):
            if not line.strip():
                continue
            try:
                result = redaction.redact_request(json.loads(line))
            except (ValueError, RecursionError) as exc:
                reason = "not valid JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
                raise Refused(f"line {n}: {reason.splitlines()[0]}") from None
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return
    text = sys.stdin.read()
    result = redaction.redact(text, known=args.known or (), lang=args.lang)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        sys.stdout.write(result["text"])


def _bounded_lines(stream: TextIO, limit: int = 8_000_000) -> Iterator[str]:
    """Lines of ``stream``, refusing one longer than ``limit`` characters."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith("\n"):
            raise Refused(f"line {n}: longer than {limit:,} characters")
        yield line


# ---------------------------------------------------------------- parser


# Options every command takes, before or after the command name.
GLOBAL_OPTIONS: list[tuple[str, dict[str, Any]]] = [
    ("--vault", {"metavar": "DIR", "help": "vault folder (default: the platform data folder)"}),
    ("--passphrase-file", {"metavar": "FILE", "help": "read the passphrase from FILE"}),
    ("--recovery-code-file", {"metavar": "FILE", "help": "unlock with the recovery code in FILE"}),
    ("--json", {"action": "store_true", "help": "machine-readable output"}),
]
_SUB_PREFIX = "sub_"


def _global_options(after_command: bool) -> argparse.ArgumentParser:
    """The global options, for the main parser or (after_command) for every subcommand.

    After the command they are stored under another name with no default, so that a
    subcommand never overwrites a value given before it (argparse's parents= would);
    merge_global_options() then joins both and refuses two different values."""
    common = argparse.ArgumentParser(add_help=False)
    for flag, kw in GLOBAL_OPTIONS:
        kw = dict(kw)
        if after_command:
            kw.update(dest=_SUB_PREFIX + flag[2:].replace("-", "_"), default=argparse.SUPPRESS)
        common.add_argument(flag, **kw)
    return common


def merge_global_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    for flag, _ in GLOBAL_OPTIONS:
        dest = flag[2:].replace("-", "_")
        if not hasattr(args, _SUB_PREFIX + dest):
            continue
        after = getattr(args, _SUB_PREFIX + dest)
        delattr(args, _SUB_PREFIX + dest)
        before = getattr(args, dest, None)
        if before not in (None, False) and before != after:
            parser.error(f"{flag} was given twice with different values")
        setattr(args, dest, after)


def build_parser() -> argparse.ArgumentParser:
    common = _global_options(after_command=True)
    p = argparse.ArgumentParser(prog="testimony", description="Offline, encrypted testimony collection.",
                                parents=[_global_options(after_command=False)])
    p.add_argument("--demo", action="store_true", help="open a throwaway vault with fictional interviews")
    p.add_argument("--self-test", action="store_true", help="check this installation: forms, redaction, "
                   "media cleaning, a vault and a bundle round trip, in temporary folders")
    p.add_argument("--lang", choices=["en", "ar"], help="interface language for the desktop app")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(parent: Subcommands, name: str, fn: Command, help: str, **kw: Any) -> argparse.ArgumentParser:
        sp = parent.add_parser(name, help=help, parents=[common], **kw)
        sp.set_defaults(fn=fn)
        return sp

    from .cli_vault import add_commands as add_vault_commands

    add_vault_commands(sub, add)

    forms = sub.add_parser("forms", help="interview forms").add_subparsers(
        dest="forms_command", metavar="ACTION", required=True)
    add(forms, "list", cmd_forms_list, "list interview forms")
    add(forms, "show", cmd_forms_show, "show a form").add_argument("id")
    add(forms, "validate", cmd_forms_validate, "check a form definition file").add_argument("file")
    x = add(forms, "import-xlsform", cmd_forms_import_xlsform, "convert an XLSForm")
    x.add_argument("file")
    x.add_argument("--out", required=True)

    record = sub.add_parser("record", help="interview records").add_subparsers(
        dest="record_command", metavar="ACTION", required=True)
    ra = add(record, "add", cmd_record_add, "add a record; prints its id")
    ra.add_argument("--form", required=True)
    ra.add_argument("--answers", required=True, metavar="FILE.json")
    ra.add_argument("--attach", action="append", default=[], metavar="FILE")
    rl = add(record, "list", cmd_record_list, "list records")
    rl.add_argument("--limit", type=int, default=1000)
    rl.add_argument("--form")
    rs = add(record, "show", cmd_record_show, "show a record")
    rs.add_argument("id")
    rs.add_argument("--rev", type=int)
    rs.add_argument("--reveal", action="store_true", help="include identifying details")

    attachment = sub.add_parser("attachment", help="attached files").add_subparsers(
        dest="attachment_command", metavar="ACTION", required=True)
    ae = add(attachment, "export", cmd_attachment_export,
             "write a decrypted copy (the cleaned one unless --original) to a new file")
    ae.add_argument("id")
    ae.add_argument("--out", required=True, metavar="FILE")
    ae.add_argument("--original", action="store_true", help="the original file, metadata included")

    s = add(sub, "search", cmd_search, "full-text search (non-identifying text)")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=100)

    r = add(sub, "redact", cmd_redact, "redact text read from stdin")
    r.add_argument("--known", action="append", metavar="NAME")
    r.add_argument("--lang", choices=["auto", "en", "ar"], default="auto",
                   help="language of the name finder; auto decides per sentence")
    r.add_argument("--jsonl", action="store_true",
                   help='one JSON request a line on stdin ({"text", "known", "lang"}), one --json result a line out')

    from .cli_hq import add_commands

    add_commands(sub, add)
    return p


def _refusal_types() -> tuple[type[BaseException], ...]:
    import sqlcipher3

    return (Refusal, sqlcipher3.DatabaseError)


def main(argv: list[str] | None = None) -> int:
    paths.restrict_permissions()
    parser = build_parser()
    args = parser.parse_args(argv)
    merge_global_options(parser, args)
    if not args.self_test:  # the self-test names what is missing itself
        try:
            paths.check_resources()
        except paths.ResourcesMissing as exc:
            print(f"testimony: {exc}", file=sys.stderr)
            return 1
    if args.command is None:
        if args.self_test:
            from .selftest import run

            return run()
        from .syscheck import desktop_problem

        problem = desktop_problem()
        if problem:
            print(f"testimony: {problem}", file=sys.stderr)
            return 1
        from .ui.app import run_app

        return run_app(args)
    refused = _refusal_types()
    try:
        args.fn(args)
    except refused as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if exc.__class__.__module__.startswith("sqlcipher3"):
            message = f"The vault database is damaged or unreadable ({message})"
        print(f"testimony: {message}", file=sys.stderr)
        return 1
    except OSError as exc:
        # a file the user named could not be read or written
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"testimony: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("testimony: interrupted; nothing more was done", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
