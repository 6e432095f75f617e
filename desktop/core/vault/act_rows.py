"""Acts of each record's current revision, kept as rows for filters and patterns.

Headquarters filters testimonies by their acts (violation, perpetrator, dates,
place) and counts victims and violations across tens of thousands of them.
Parsing every record's answers on each refresh does not scale, so every saved
revision also writes its acts here (one row per act, per victim and per
perpetrator, in the same transaction): the filters and the pattern charts
are then SQL over indexed tables. These rows are derived data: ``reindex_acts``
rebuilds them from the answers.

Victim and perpetrator rows repeat what the charts group by (month, place,
act type), so that each chart is one scan of one table. An act without a
known perpetrator gets one perpetrator row ``unknown``, which is what both
the perpetrator filter and the perpetrator chart count it as.

An act may also give an estimated total of its victims (``act_victim_count``,
"an arrest of 4 people", nobody listed by name): the act row keeps it, and
the counts add the victims it gives beyond those listed one by one
(:func:`unlisted`), with the status the act's type implies
(:data:`STATUS_OF_ACT`), as estimates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..forms.expr import date_interval

VICTIM_STATUSES = ("killed", "injured", "arrested", "disappeared")
UNKNOWN = "unknown"
MAX_VICTIM_COUNT = 1_000_000  # a stated total above this is not a count anyone gave

# What happened to the victims an act counts but does not list, where its type says it;
# other types (excessive force, a house raid, ...) say nothing of each person's fate.
STATUS_OF_ACT = {
    "killing": "killed", "death_in_custody": "killed", "injury_force": "injured",
    "arbitrary_arrest": "arrested", "arbitrary_detention": "arrested", "incommunicado_detention": "arrested",
    "arrest_of_patients": "arrested", "enforced_disappearance": "disappeared",
}

SCHEMA = """
        CREATE TABLE acts (
            record_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            act_type TEXT,
            month TEXT,
            day TEXT,
            first_day TEXT,
            last_day TEXT,
            city TEXT,
            district TEXT,
            device TEXT,
            created_at TEXT NOT NULL,
            victim_count INTEGER,
            victims_listed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (record_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX acts_type ON acts(act_type);
        CREATE INDEX acts_place ON acts(city, district);
        CREATE TABLE act_victims (
            record_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            n INTEGER NOT NULL,
            status TEXT,
            month TEXT,
            place TEXT,
            PRIMARY KEY (record_id, seq, n)
        ) WITHOUT ROWID;
        CREATE TABLE act_perpetrators (
            record_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            perp_type TEXT NOT NULL,
            act_type TEXT,
            PRIMARY KEY (record_id, seq, perp_type)
        ) WITHOUT ROWID;
        CREATE INDEX act_perpetrators_type ON act_perpetrators(perp_type)
"""


@dataclass(frozen=True)
class ActFilters:
    """Filters on a record's acts: a record matches when one of its acts matches all of them."""

    violation: str | None = None  # act_type code
    perpetrator: str | None = None  # perp_type code ("unknown": acts without a known perpetrator)
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    city: str | None = None
    district: str | None = None

    def active(self) -> bool:
        return any((self.violation, self.perpetrator, self.since, self.until, self.city, self.district))


@dataclass
class ActRow:
    seq: int
    act_type: str | None
    month: str | None  # YYYY-MM of the earliest possible date
    day: str | None  # YYYY-MM-DD when known to the day
    city: str | None
    district: str | None
    victims: list[dict[str, Any]]
    perpetrators: list[str]
    victim_count: int | None = None  # the estimated total the testimony gave, listed victims included


def _str(value: Any) -> str | None:
    """A text answer, or None when there is none (an empty string is no place, no type)."""
    return value if isinstance(value, str) and value.strip() else None


def victim_count(value: Any) -> int | None:
    """An act's estimated total of victims, when it is a plausible count."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VICTIM_COUNT:
        return value
    return None


def unlisted(stated: int | None, listed: int) -> int:
    """Victims an act's estimated total gives beyond the ``listed`` ones (never
    counted twice: the total includes them)."""
    return max(0, stated - listed) if stated is not None else 0


def incident_unlisted(acts: list[tuple[int | None, int]]) -> int:
    """Victims the acts filed as one incident give beyond those listed, from every act's
    (estimated total or None, listed victims): the largest estimate less the most victims
    any one act lists (the same people seen by several witnesses count once)."""
    given = [stated for stated, _listed in acts if stated is not None]
    if not given:
        return 0
    return max(0, max(given) - max(listed for _s, listed in acts))


def estimate_status_sql(column: str) -> tuple[str, list[str]]:
    """SQL for :data:`STATUS_OF_ACT` applied to ``column`` (NULL where the type says nothing)."""
    whens = " ".join("WHEN ? THEN ?" for _ in STATUS_OF_ACT)
    return f"CASE {column} {whens} END", [x for pair in STATUS_OF_ACT.items() for x in pair]


def estimates_sql(by: str) -> tuple[str, list[Any]]:
    """One row per act that gives an estimated total: (record_id, seq, key: its month or
    place as the victim rows have them, status its type implies or NULL, stated, listed)."""
    key = ("coalesce(a.month, 'unknown')" if by == "month"  # empty strings: rows written before they were None
           else "coalesce(nullif(a.district, ''), nullif(a.city, ''), 'unknown')")
    status, args = estimate_status_sql("a.act_type")
    return (f"SELECT a.record_id, a.seq, {key} AS key, {status} AS status, a.victim_count AS stated,"  # noqa: S608
            " a.victims_listed AS listed FROM acts a WHERE a.victim_count IS NOT NULL"), args


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def extract_acts(public: dict[str, Any]) -> list[ActRow]:
    """The acts of a revision's answers, as the analysis reads them."""
    out = []
    for seq, act in enumerate(_items(public.get("acts"))):
        if not isinstance(act, dict):
            continue
        interval = date_interval(act.get("act_date"))
        loc: dict[str, Any] = act["act_location"] if isinstance(act.get("act_location"), dict) else {}
        out.append(ActRow(
            seq=seq,
            act_type=_str(act.get("act_type")),
            month=interval.earliest.strftime("%Y-%m") if interval else None,
            day=interval.earliest.isoformat() if interval and interval.earliest == interval.latest else None,
            city=_str(loc.get("city")),
            district=_str(loc.get("district")),
            victims=[v for v in _items(act.get("act_victims")) if isinstance(v, dict)],
            perpetrators=[p["perp_type"] for p in _items(act.get("act_perpetrators"))
                          if isinstance(p, dict) and isinstance(p.get("perp_type"), str)],
            victim_count=victim_count(act.get("act_victim_count")),
        ))
    return out


def span(day: str | None, month: str | None) -> tuple[str | None, str | None]:
    """(first, last) possible day as ISO strings, as the act filters compare them."""
    if day:
        return day, day
    if month:
        return month + "-01", month + "-31"
    return None, None


def write_acts(c: Any, record_id: str, public: dict[str, Any], device: str | None, replace: bool = True,
               created: str | None = None) -> None:
    """Write the act rows of ``public`` for a record, replacing its earlier ones when
    ``replace`` (a new revision); inside the caller's transaction. ``created`` is the
    record's creation time when the caller has it (else it is read)."""
    if replace:
        delete_acts(c, record_id)
    found = extract_acts(public)
    if not found:
        return
    if created is None:
        row = c.execute("SELECT created_at FROM records WHERE id = ?", (record_id,)).fetchone()
        created = row[0] if row else ""
    acts: list[tuple[Any, ...]] = []
    victims: list[tuple[Any, ...]] = []
    perps: list[tuple[Any, ...]] = []
    for a in found:
        first, last = span(a.day, a.month)
        acts.append((record_id, a.seq, a.act_type, a.month, a.day, first, last, a.city, a.district, device, created,
                     a.victim_count, len(a.victims)))
        place = a.district or a.city or UNKNOWN
        for n, v in enumerate(a.victims):
            victims.append((record_id, a.seq, n, _str(v.get("status")), a.month or UNKNOWN, place))
        for p in set(a.perpetrators) or {UNKNOWN}:
            perps.append((record_id, a.seq, p, a.act_type))
    if acts:
        c.executemany("INSERT INTO acts(record_id, seq, act_type, month, day, first_day, last_day, city, district,"
                      " device, created_at, victim_count, victims_listed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", acts)
    if victims:
        c.executemany("INSERT INTO act_victims VALUES (?,?,?,?,?,?)", victims)
    if perps:
        c.executemany("INSERT INTO act_perpetrators VALUES (?,?,?,?)", perps)


def delete_acts(c: Any, record_id: str) -> None:
    for table in ("acts", "act_victims", "act_perpetrators"):
        c.execute(f"DELETE FROM {table} WHERE record_id = ?", (record_id,))  # noqa: S608


def reindex_acts(c: Any) -> int:
    """Rebuild every act row from the current revisions (a migration, or a repair)."""
    for table in ("acts", "act_victims", "act_perpetrators"):
        c.execute(f"DELETE FROM {table}")  # noqa: S608
    rows = c.execute(
        "SELECT r.id, v.public_json, r.origin_json FROM records r"
        " JOIN revisions v ON v.record_id = r.id AND v.rev = r.current_rev").fetchall()
    for rid, public, origin in rows:
        o = json.loads(origin) if origin else None
        write_acts(c, rid, json.loads(public), _device(o), replace=False)
    return len(rows)


def _device(origin: dict[str, Any] | None) -> str | None:
    return _str((origin or {}).get("device")) if isinstance(origin, dict) else None


def filter_sql(f: ActFilters) -> tuple[str, list[Any]]:
    """``r.id IN (...)``: records with an act matching every filter (for ``records r``)."""
    clauses: list[str] = []
    args: list[Any] = []
    if f.violation:
        clauses.append("a.act_type = ?")
        args.append(f.violation)
    if f.city:
        clauses.append("a.city = ?")
        args.append(f.city)
    if f.district:
        clauses.append("a.district = ?")
        args.append(f.district)
    if f.since:
        clauses.append("a.last_day >= ?")
        args.append(f.since)
    if f.until:
        clauses.append("a.first_day <= ?")
        args.append(f.until)
    source = "acts a"
    if f.perpetrator:
        # joined (not EXISTS per act) so that the planner can start from the perpetrator's index
        source = "act_perpetrators p JOIN acts a ON a.record_id = p.record_id AND a.seq = p.seq"
        clauses.insert(0, "p.perp_type = ?")
        args.insert(0, f.perpetrator)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return f"r.id IN (SELECT a.record_id FROM {source}{where})", args  # noqa: S608
