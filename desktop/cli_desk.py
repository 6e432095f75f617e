"""Command line of the analyst's desk: incidents, suggestions, people, counts,
report drafts and exports. Same use cases as the window
(``desktop.core.services.desk``)."""

from __future__ import annotations

from typing import Any

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from .cli_common import Refused, emit, new_passphrase, open_vault


def _date(args: argparse.Namespace) -> dict[str, Any]:
    if args.date and (args.date_from or args.date_to):
        raise Refused("Give --date or --from/--to, not both")
    if args.date:
        value = args.date
        if len(value) == 10:
            return {"precision": "day", "date": value}
        if len(value) == 7:
            return {"precision": "month", "month": value}
        if len(value) == 4 and value.isdigit():
            return {"precision": "year", "year": int(value)}
        raise Refused("--date is YYYY-MM-DD, YYYY-MM or YYYY")
    if args.date_from and args.date_to:
        return {"precision": "range", "from": args.date_from, "to": args.date_to}
    raise Refused("An incident needs --date, or --from and --to")


def _act(text: str) -> tuple[str, int]:
    rid, _, idx = text.rpartition(":")
    if not rid or not idx.isdigit():
        raise Refused(f"An act is TESTIMONY_ID:ACT_NUMBER (from 0), not {text!r}")
    return rid, int(idx)


def _mention(text: str) -> tuple[str, str]:
    rid, _, path = text.partition(":")
    if not rid or not path.startswith("acts["):
        raise Refused(f"A mention is TESTIMONY_ID:acts[N].act_victims[M] (or .act_perpetrators[M]), not {text!r}")
    return rid, path


def _incident_dict(inc: dict[str, Any], view: Any) -> dict[str, Any]:
    src = view.sources
    return {**inc, "testimonies": src.testimonies, "independent_sources": src.independent,
            "devices": src.devices, "researchers": src.researchers, "source_kinds": src.kinds,
            "acts": [f"{a.record_id}:{a.act_index}" for a in view.acts],
            "quotes": [{"id": q[0], "testimony": q[1], "field": q[2], "text": q[3]} for q in view.quotes]}


def cmd_incidents(args: argparse.Namespace) -> None:
    from .core.services import desk

    with open_vault(args) as vault:
        action = args.incident_action
        if action == "list":
            d = desk.load(vault)
            items = [_incident_dict(i, desk.incident_view(vault, i["id"], d)) for i in d.incidents]
            emit(args, items, "\n".join(
                f"{i['id']}  {i['act_type']}  {i['date_from']}..{i['date_to']}  {i['city']}/{i['district'] or '-'}"
                f"  sources {i['independent_sources']}  {i['corroboration']}" for i in items) or "No incidents yet")
        elif action == "create":
            iid = desk.create_incident(vault, args.type, _date(args), args.city, args.district,
                                       args.description or "", [_act(a) for a in args.act or []])
            emit(args, {"id": iid}, iid)
        elif action == "show":
            view = desk.incident_view(vault, args.id)
            emit(args, _incident_dict(view.incident, view), json.dumps(_incident_dict(view.incident, view),
                                                                          ensure_ascii=False, indent=1))
        elif action == "attach":
            desk.attach(vault, args.id, [_act(a) for a in args.act])
            emit(args, {"attached": args.act}, f"Attached {len(args.act)} act(s)")
        elif action == "detach":
            rid, ai = _act(args.act)
            desk.detach(vault, args.id, rid, ai)
            emit(args, {"detached": args.act}, "Detached")
        elif action == "candidates":
            cands = desk.candidates(vault, args.id)
            emit(args, [{"act": f"{c.act.record_id}:{c.act.act_index}", "score": c.score, "reasons": c.reasons}
                        for c in cands],
                 "\n".join(f"{c.act.record_id}:{c.act.act_index}  {c.score:.2f}  {', '.join(c.reasons)}"
                           for c in cands) or "No candidates")
        elif action == "reject":
            rid, ai = _act(args.act)
            desk.reject_candidate(vault, args.id, rid, ai)
            emit(args, {"rejected": args.act}, "Rejected; it will not be proposed for this incident again")
        elif action == "reject-proposal":
            desk.reject_proposal(vault, [_act(a) for a in args.act])
            emit(args, {"rejected": args.act}, "These acts will not be proposed together as one incident again")
        elif action == "corroborate":
            desk.set_corroboration(vault, args.id, args.level, args.note or "")
            emit(args, {"id": args.id, "corroboration": args.level}, f"Corroboration set to {args.level}")
        elif action == "quote":
            qid = desk.add_quote(vault, args.id, args.testimony, args.field, args.start, args.end)
            emit(args, {"quote": qid}, f"Quotation {qid} added")


def cmd_suggest(args: argparse.Namespace) -> None:
    from .core.services import desk

    with open_vault(args) as vault:
        s = desk.suggest(vault)
    data = {
        "incidents": [{"acts": [f"{a.record_id}:{a.act_index}" for a in p.acts], "score": p.score,
                       "reasons": p.reasons} for p in s.incidents],
        "people": [{"a": f"{x.a.record_id}:{x.a.path}", "b": f"{x.b.record_id}:{x.b.path}", "score": x.score,
                    "reasons": x.reasons} for x in s.people],
        "units": [{"a": f"{x.a.record_id}:{x.a.path}", "b": f"{x.b.record_id}:{x.b.path}", "score": x.score,
                   "units": [x.a.unit, x.b.unit], "mentions": [f"{r}:{p}" for r, p in x.mentions]} for x in s.units],
        "names_compared_in": s.names_used,
    }
    emit(args, data, f"{len(s.incidents)} possible incidents, {len(s.people)} possible same victims, "
                     f"{len(s.units)} possible same units (names compared in {s.names_used} testimonies; "
                     "use --json for the list)")


def cmd_people(args: argparse.Namespace) -> None:
    from .core.services import desk

    with open_vault(args) as vault:
        action = args.people_action
        if action == "list":
            people = vault.people()
            emit(args, [{"id": p, "kind": k, "pseudonym": n} for p, k, n in people],
                 "\n".join(f"{p}  {k}  {n}" for p, k, n in people) or "No confirmed people yet")
        elif action == "confirm":
            mentions = [_mention(m) for m in [args.a, args.b, *args.more]]
            pid = desk.confirm_group(vault, mentions, args.kind)
            emit(args, {"person": pid}, pid)
        elif action == "reject":
            desk.reject_same(vault, _mention(args.a), _mention(args.b))
            emit(args, {"rejected": [args.a, args.b]}, "Rejected; the pair will not be suggested again")
        elif action == "history":
            hist = desk.person_history(vault, args.id)
            rows = [{"from": e.start.isoformat() if e.start else None, "to": e.end.isoformat() if e.end else None,
                     "status": e.status, "act_type": e.act_type, "testimony": e.record_id, "incident": e.incident}
                    for e in hist]
            emit(args, rows, "\n".join(f"{r['from']}  {r['status']}  {r['act_type']}  {r['testimony']}" for r in rows))
        elif action == "reveal":
            names = desk.reveal_person(vault, args.id, args.reason or "")
            emit(args, {"names": names}, "\n".join(names) or "Headquarters received no name for this person")


def cmd_counts(args: argparse.Namespace) -> None:
    from .core.services import desk

    with open_vault(args) as vault:
        month = desk.victims_by_status(vault, "month")
        place = desk.victims_by_status(vault, "place")
        perp = desk.violations_by_perpetrator(vault)
        sources = desk.incidents_by_sources(vault)
        loose, total = desk.loose_acts(vault)
    data = {"victims_by_month": month.table, "victims_by_month_unconfirmed": month.unconfirmed,
            "victims_by_month_estimated": month.estimated,
            "victims_by_place": place.table, "victims_by_place_unconfirmed": place.unconfirmed,
            "victims_by_place_estimated": place.estimated,
            "victims_estimated_without_status": month.estimated_without_status,
            "violations_by_perpetrator": perp.table, "violations_unconfirmed": perp.unconfirmed,
            "incidents_by_independent_sources": sources, "acts_in_no_incident": loose, "acts": total}
    lines = [f"{m}: " + ", ".join(f"{s} {n}" for s, n in row.items()) for m, row in month.table.items()]
    lines.append(f"{month.total_unconfirmed()} victim counts include mentions not yet confirmed as anyone; "
                 f"{loose} of {total} acts are in no incident")
    if month.total_estimated() or month.estimated_without_status:
        lines.append(f"{month.total_estimated()} of the victims are estimates (counted in an act, not listed one "
                     f"by one); {month.estimated_without_status} more were counted in acts whose type does not "
                     "say what happened to them")
    emit(args, data, "\n".join(lines))


def cmd_report(args: argparse.Namespace) -> None:
    from .core.services import desk

    from .core.services import exchange

    out = exchange.check_output_file(Path(args.out))  # never an existing file, never inside a vault
    with open_vault(args) as vault:
        html = desk.report_html(vault, args.incident or None, args.lang, digits=args.digits)
    if out.suffix.lower() == ".pdf":
        from .ui.report_pdf import write_pdf

        pages = write_pdf(html, out, args.lang, digits=args.digits)
        emit(args, {"out": str(out), "pages": pages}, f"Report draft written to {out} ({pages} pages)")
    else:
        exchange.write_new_file(out, html.encode("utf-8"))
        emit(args, {"out": str(out)}, f"Report draft written to {out}")


def export_desk(args: argparse.Namespace) -> None:
    from .core.services import desk

    with open_vault(args) as vault:
        info = desk.export(vault, args.format, Path(args.out))
    emit(args, info, f"Wrote {info['events']} incidents and {info['victims']} victims "
                     f"({info['unconfirmed_victims']} not confirmed across testimonies) to {args.out}")


def cmd_demo(args: argparse.Namespace) -> None:
    from .core.services import access, desk

    path = Path(args.vault) if args.vault else None
    if path is None or path.exists():
        raise Refused("Give --vault with a new folder: the demo never writes into an existing vault")
    created = access.create_vault(path, new_passphrase(args, from_main=True), org="Demo desk (fictional data)")
    vault, card = created.vault, created.card
    assert card is not None
    try:
        ids = desk.fill_demo(vault, args.testimonies)
    finally:
        access.lock(vault)
    shipped = desk.demo_record_count()  # the demo interviews and the companion account
    emit(args, {"vault": str(path), "testimonies": len(ids), "fingerprint": card.fingerprint,
                "demo_records": ids[:shipped]},
         f"Demo analyst vault at {path}: {len(ids)} fictional testimonies")


def add_desk_commands(hq: Any, add: Callable[..., Any]) -> None:
    dm = add(hq, "demo", cmd_demo, "make a new analyst vault filled with fictional testimonies")
    dm.add_argument("--testimonies", type=int, default=200, help="generated testimonies besides the demo ones")
    inc = hq.add_parser("incidents", help="incidents: list, create, show, attach, candidates, corroborate, quote")
    isub = inc.add_subparsers(dest="incident_action", metavar="ACTION", required=True)
    add(isub, "list", cmd_incidents, "list the incidents")
    c = add(isub, "create", cmd_incidents, "create an incident")
    c.add_argument("--type", required=True, help="violation type code")
    c.add_argument("--date", help="YYYY-MM-DD, YYYY-MM or YYYY")
    c.add_argument("--from", dest="date_from", help="first day of a range")
    c.add_argument("--to", dest="date_to", help="last day of a range")
    c.add_argument("--city", required=True, help="city code of the gazetteer")
    c.add_argument("--district", help="district code of the gazetteer")
    c.add_argument("--description")
    c.add_argument("--act", action="append", metavar="TESTIMONY:N", help="attach an act (repeat)")
    add(isub, "show", cmd_incidents, "show an incident, its sources and quotations").add_argument("id")
    a = add(isub, "attach", cmd_incidents, "attach acts of testimonies")
    a.add_argument("id")
    a.add_argument("act", nargs="+", metavar="TESTIMONY:N")
    dt = add(isub, "detach", cmd_incidents, "detach an act")
    dt.add_argument("id")
    dt.add_argument("act", metavar="TESTIMONY:N")
    add(isub, "candidates", cmd_incidents, "acts that may belong to the incident").add_argument("id")
    r = add(isub, "reject", cmd_incidents, "reject a candidate act")
    r.add_argument("id")
    r.add_argument("act", metavar="TESTIMONY:N")
    rp_ = add(isub, "reject-proposal", cmd_incidents, "these acts are not one incident")
    rp_.add_argument("act", nargs="+", metavar="TESTIMONY:N")
    co = add(isub, "corroborate", cmd_incidents, "set the corroboration level")
    co.add_argument("id")
    co.add_argument("--level", required=True)
    co.add_argument("--note", help="the evidence for that level")
    q = add(isub, "quote", cmd_incidents, "quote a redacted narrative of an attached testimony")
    q.add_argument("id")
    q.add_argument("--testimony", required=True)
    q.add_argument("--field", required=True, help="e.g. acts[0].act_description")
    q.add_argument("--start", type=int, default=0)
    q.add_argument("--end", type=int)

    add(hq, "suggest", cmd_suggest, "suggest incidents, same victims and same units")
    pe = hq.add_parser("people", help="victims and units across testimonies")
    psub = pe.add_subparsers(dest="people_action", metavar="ACTION", required=True)
    add(psub, "list", cmd_people, "confirmed people and units")
    for name, helptext in (("confirm", "two mentions are one person"), ("reject", "two mentions are not one person")):
        p = add(psub, name, cmd_people, helptext)
        p.add_argument("a", metavar="TESTIMONY:PATH")
        p.add_argument("b", metavar="TESTIMONY:PATH")
        if name == "confirm":
            p.add_argument("more", nargs="*", metavar="TESTIMONY:PATH", help="more mentions of the same one")
            p.add_argument("--kind", choices=["victim", "unit"], default="victim")
    add(psub, "history", cmd_people, "what happened to a person, in order").add_argument("id")
    rv = add(psub, "reveal", cmd_people, "the names testimonies give (logged)")
    rv.add_argument("id")
    rv.add_argument("--reason")
    add(hq, "counts", cmd_counts, "victims and violations, each person and incident once")
    rp = add(hq, "report", cmd_report, "write a report draft (HTML, or PDF when FILE ends in .pdf)")
    rp.add_argument("--out", required=True, metavar="FILE")
    rp.add_argument("--incident", action="append", metavar="ID", help="incidents to include (default: all)")
    rp.add_argument("--lang", choices=["en", "ar"], default="en")
    rp.add_argument("--digits", choices=["native", "western"], default="native",
                    help="Arabic-Indic digits in an Arabic report (native, as the window by default) or 0123")
