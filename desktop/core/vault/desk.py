"""The analyst's desk tables: incidents and the acts attached to them,
rejected candidates, quotations, people across testimonies, and counts that
count each person and each incident once (in SQL, over the current
revisions' acts)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from . import custodylog as custody
from .act_rows import estimate_status_sql, estimates_sql
from ..crypto import open_sealed
from ..custody import now
from .identities import IdentityMixin
from .types import VaultError

def _path(ai: int, vi: int) -> str:
    return f"acts[{ai}].act_victims[{vi}]"


class DeskMixin(IdentityMixin):
    # ---------------------------------------------------------------- reading testimonies
    def desk_acts(self, filed_only: bool = False
                  ) -> list[tuple[str, str, dict[str, Any] | None, dict[str, Any], int, dict[str, Any]]]:
        """(record id, form id, origin, record facts, act index, act) for every act of every current revision;
        with ``filed_only``, of the testimonies that have an act in an incident (the rest is not read).

        Record facts are the non-identifying answers that tell sources apart:
        interviewee code, source type, researcher code, interview language."""
        sql = """
            SELECT r.id, r.form_id, r.origin_json,
                   json_extract(v.public_json, '$.interviewee_code'),
                   json_extract(v.public_json, '$.source_type'),
                   json_extract(v.public_json, '$.researcher_code'),
                   CAST(a.key AS INTEGER), a.value
            FROM records r JOIN revisions v ON v.record_id = r.id AND v.rev = r.current_rev,
                 json_each(CASE WHEN json_type(v.public_json, '$.acts') = 'array' THEN v.public_json ELSE '{}' END,
                           '$.acts') a
            WHERE a.type = 'object'"""
        if filed_only:
            sql += " AND r.id IN (SELECT record_id FROM incident_acts)"
        sql += " ORDER BY r.created_at, r.id, CAST(a.key AS INTEGER)"
        with self._lock:
            rows = self.conn.execute(sql).fetchall()
        out = []
        for rid, form_id, origin, code, source_type, researcher, ai, act in rows:
            facts = {"interviewee_code": code, "source_type": source_type, "researcher_code": researcher}
            out.append((rid, form_id, json.loads(origin) if origin else None, facts, ai, json.loads(act)))
        return out

    def desk_identities(self, record_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """The identity compartments headquarters received (current revisions), in memory only."""
        sql = ("SELECT r.id, v.identity_sealed, r.current_rev, k.wrapped FROM records r JOIN revisions v"
               " ON v.record_id = r.id AND v.rev = r.current_rev JOIN identity_keys k ON k.record_id = r.id"
               " WHERE v.identity_sealed IS NOT NULL")
        wanted = set(record_ids) if record_ids is not None else None
        with self._lock:
            rows = self.conn.execute(sql).fetchall()
            wrap = bytes(self._identity_wrap)
        out: dict[str, dict[str, Any]] = {}
        for rid, sealed, rev, wrapped in rows:
            if wanted is not None and rid not in wanted:
                continue
            key = open_sealed(wrap, wrapped, rid.encode())
            out[rid] = json.loads(open_sealed(key, sealed, f"{rid}:{rev}".encode()))
        return out

    def desk_narrative(self, record_id: str, field: str) -> str | None:
        """A redacted (public) free-text answer of the current revision, by path such as acts[0].act_description."""
        with self._lock:
            row = self.conn.execute(
                "SELECT json_extract(v.public_json, ?) FROM records r JOIN revisions v"
                " ON v.record_id = r.id AND v.rev = r.current_rev WHERE r.id = ?",
                ("$." + field, record_id)).fetchone()
        return row[0] if row and isinstance(row[0], str) else None

    # ---------------------------------------------------------------- incidents
    def create_incident(self, act_type: str, date: dict[str, Any], date_from: str | None, date_to: str | None,
                        city: str | None, district: str | None, description: str) -> str:
        iid = str(uuid.uuid4())
        ts = now()
        with self._tx() as c:
            c.execute("INSERT INTO incidents(id, act_type, date_json, date_from, date_to, city, district, description,"
                      " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                      (iid, act_type, json.dumps(date), date_from, date_to, city, district, description, ts, ts))
            custody.append(c, "incident.create", None, incident=iid, act_type=act_type)
        return iid

    def update_incident(self, incident_id: str, **fields: Any) -> None:
        allowed = {"act_type", "date_json", "date_from", "date_to", "city", "district", "description",
                   "corroboration", "corroboration_note"}
        if not fields or not set(fields) <= allowed:
            raise VaultError(code="desk.nothing_to_change")
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self._tx() as c:
            cur = c.execute(f"UPDATE incidents SET {sets}, updated_at = ? WHERE id = ?",  # noqa: S608 - names checked
                            [*fields.values(), now(), incident_id])
            if cur.rowcount != 1:
                raise VaultError(code="desk.no_incident", incident_id=incident_id)
            custody.append(c, "incident.update", None, incident=incident_id, fields=sorted(fields))

    def list_incidents(self) -> list[dict[str, Any]]:
        cols = ("id", "act_type", "date_json", "date_from", "date_to", "city", "district", "description",
                "corroboration", "corroboration_note", "created_at", "updated_at")
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {', '.join(cols)} FROM incidents ORDER BY date_from, created_at").fetchall()  # noqa: S608
        out = []
        for row in rows:
            d = dict(zip(cols, row, strict=True))
            d["date"] = json.loads(d.pop("date_json"))
            out.append(d)
        return out

    def incident_links(self) -> list[tuple[str, str, int]]:
        """(incident id, record id, act index) of every attached act."""
        with self._lock:
            return [tuple(r) for r in self.conn.execute(
                "SELECT incident_id, record_id, act_index FROM incident_acts ORDER BY added_at, record_id, act_index")]

    def attach_acts(self, incident_id: str, acts: list[tuple[str, int]]) -> None:
        """Attach acts (record id, act index); an act already in another incident is moved, and logged."""
        ts = now()
        with self._tx() as c:
            if c.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is None:
                raise VaultError(code="desk.no_incident", incident_id=incident_id)
            for rid, ai in acts:
                if c.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone() is None:
                    raise VaultError(code="record.not_found", record_id=rid)
                c.execute("INSERT INTO incident_acts(record_id, act_index, incident_id, added_at) VALUES (?,?,?,?)"
                          " ON CONFLICT(record_id, act_index) DO UPDATE SET incident_id = excluded.incident_id,"
                          " added_at = excluded.added_at", (rid, int(ai), incident_id, ts))
                c.execute("DELETE FROM incident_rejections WHERE incident_id = ? AND record_id = ? AND act_index = ?",
                          (incident_id, rid, int(ai)))
                custody.append(c, "incident.attach", rid, incident=incident_id, act=int(ai))

    def detach_act(self, incident_id: str, record_id: str, act_index: int) -> None:
        with self._tx() as c:
            cur = c.execute("DELETE FROM incident_acts WHERE incident_id = ? AND record_id = ? AND act_index = ?",
                            (incident_id, record_id, int(act_index)))
            if cur.rowcount != 1:
                raise VaultError(code="desk.not_attached")
            custody.append(c, "incident.detach", record_id, incident=incident_id, act=int(act_index))

    def reject_candidate(self, incident_id: str, record_id: str, act_index: int) -> None:
        with self._tx() as c:
            c.execute("INSERT OR IGNORE INTO incident_rejections(incident_id, record_id, act_index, rejected_at)"
                      " VALUES (?,?,?,?)", (incident_id, record_id, int(act_index), now()))
            custody.append(c, "incident.reject", record_id, incident=incident_id, act=int(act_index))

    def incident_rejections(self) -> set[tuple[str, str, int]]:
        with self._lock:
            return {tuple(r) for r in self.conn.execute(
                "SELECT incident_id, record_id, act_index FROM incident_rejections")}

    def add_quote(self, incident_id: str, record_id: str, field: str, text: str) -> int:
        with self._tx() as c:
            cur = c.execute("INSERT INTO incident_quotes(incident_id, record_id, field, text, created_at)"
                            " VALUES (?,?,?,?,?)", (incident_id, record_id, field, text, now()))
            custody.append(c, "incident.quote", record_id, incident=incident_id, field=field)
            return int(cur.lastrowid)

    def remove_quote(self, quote_id: int) -> None:
        with self._tx() as c:
            c.execute("DELETE FROM incident_quotes WHERE id = ?", (int(quote_id),))

    def quotes(self, incident_id: str) -> list[tuple[int, str, str, str]]:
        with self._lock:
            return [tuple(r) for r in self.conn.execute(
                "SELECT id, record_id, field, text FROM incident_quotes WHERE incident_id = ? ORDER BY id",
                (incident_id,))]

    # ---------------------------------------------------------------- people
    def create_person(self, kind: str, mentions: list[tuple[str, str]]) -> str:
        """A person (victim) or perpetrator unit made of confirmed mentions (record id, path)."""
        pid = str(uuid.uuid4())
        ts = now()
        prefix = "V" if kind == "victim" else "U"
        with self._tx() as c:
            # a pseudonym is never given twice, even after people were merged or unlinked
            seq_key = f"desk_pseudonym_seq_{kind}"
            row = c.execute("SELECT value FROM meta WHERE key = ?", (seq_key,)).fetchone()
            n = int(row[0]) + 1 if row else 1
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (seq_key, str(n)))
            c.execute("INSERT INTO people(id, kind, pseudonym, created_at) VALUES (?,?,?,?)",
                      (pid, kind, f"{prefix}-{n:04d}", ts))
            self._add_mentions(c, pid, mentions, ts)
            custody.append(c, "person.create", None, person=pid, kind=kind, mentions=len(mentions))
        return pid

    def add_mentions(self, person_id: str, mentions: list[tuple[str, str]]) -> None:
        with self._tx() as c:
            if c.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone() is None:
                raise VaultError(code="desk.no_person", person_id=person_id)
            self._add_mentions(c, person_id, mentions, now())
            custody.append(c, "person.confirm", None, person=person_id, mentions=len(mentions))

    def _add_mentions(self, c: Any, person_id: str, mentions: list[tuple[str, str]], ts: str) -> None:
        for rid, path in mentions:
            if c.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone() is None:
                raise VaultError(code="record.not_found", record_id=rid)
            other = c.execute("SELECT person_id FROM person_mentions WHERE record_id = ? AND path = ?",
                              (rid, path)).fetchone()
            if other is not None and other[0] != person_id:
                # the mention belonged to another person: that person joins this one
                c.execute("UPDATE person_mentions SET person_id = ? WHERE person_id = ?", (person_id, other[0]))
                c.execute("DELETE FROM people WHERE id = ?", (other[0],))
            c.execute("INSERT OR IGNORE INTO person_mentions(record_id, path, person_id, added_at) VALUES (?,?,?,?)",
                      (rid, path, person_id, ts))

    def remove_mention(self, record_id: str, path: str) -> None:
        with self._tx() as c:
            row = c.execute("SELECT person_id FROM person_mentions WHERE record_id = ? AND path = ?",
                            (record_id, path)).fetchone()
            if row is None:
                raise VaultError(code="desk.not_in_person")
            c.execute("DELETE FROM person_mentions WHERE record_id = ? AND path = ?", (record_id, path))
            if c.execute("SELECT count(*) FROM person_mentions WHERE person_id = ?", (row[0],)).fetchone()[0] == 0:
                c.execute("DELETE FROM people WHERE id = ?", (row[0],))
            custody.append(c, "person.unlink", record_id, person=row[0], path=path)

    def reject_mentions(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        a, b = sorted((a, b))
        with self._tx() as c:
            c.execute("INSERT OR IGNORE INTO mention_rejections(a_record, a_path, b_record, b_path, rejected_at)"
                      " VALUES (?,?,?,?,?)", (a[0], a[1], b[0], b[1], now()))
            custody.append(c, "person.reject", a[0], path=a[1], other=b[0], other_path=b[1])

    def reject_acts_together(self, acts: list[tuple[str, int]]) -> None:
        """The analyst said these acts are not one incident: no pair of them is proposed together again."""
        keys = sorted({(rid, f"acts[{int(ai)}]") for rid, ai in acts})
        ts = now()
        with self._tx() as c:
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    if a[0] != b[0]:
                        c.execute("INSERT OR IGNORE INTO mention_rejections(a_record, a_path, b_record, b_path,"
                                  " rejected_at) VALUES (?,?,?,?,?)", (a[0], a[1], b[0], b[1], ts))
            custody.append(c, "incident.reject_proposal", None, acts=[f"{r}:{p}" for r, p in keys])

    def mention_rejections(self) -> set[tuple[tuple[str, str], tuple[str, str]]]:
        with self._lock:
            return {((r[0], r[1]), (r[2], r[3])) for r in self.conn.execute(
                "SELECT a_record, a_path, b_record, b_path FROM mention_rejections")}

    def people(self) -> list[tuple[str, str, str]]:
        with self._lock:
            return [tuple(r) for r in self.conn.execute(
                "SELECT id, kind, pseudonym FROM people ORDER BY kind, pseudonym")]

    def person_mentions(self) -> dict[tuple[str, str], str]:
        with self._lock:
            return {(r[0], r[1]): r[2] for r in self.conn.execute(
                "SELECT record_id, path, person_id FROM person_mentions")}

    # ---------------------------------------------------------------- counts (each person once)
    def count_victims(self, by: str, statuses: tuple[str, ...]) -> dict[str, dict[str, tuple[int, int]]]:
        """{month or place: {status: (distinct people, of which unconfirmed)}}.

        A victim mention confirmed as a person counts once, in the first month
        (or place) where that person has that status; a mention not yet
        confirmed as anyone counts as one person and as unconfirmed."""
        column = "month" if by == "month" else "place"
        marks = ",".join("?" for _ in statuses)
        # From the act rows (one per victim object of each current revision's acts, its
        # month and place as the analysis reads them; 'unknown' sorts as NULL did). A mention
        # no one confirmed counts on its own; a person once, where they first appear.
        # Every mention counted as unconfirmed (an index scan), less the confirmed ones,
        # plus each confirmed person once: the confirmed are few, so they are read from
        # person_mentions outward (CROSS JOIN keeps it the outer table), never by scanning
        # every victim row for a mention.
        sql = f"""
            WITH confirmed AS (
                SELECT v.status, v.month, v.place, pm.person_id AS pid
                FROM person_mentions pm CROSS JOIN act_victims v
                     ON v.record_id = pm.record_id AND pm.path = 'acts[' || v.seq || '].act_victims[' || v.n || ']'
                WHERE v.status IN ({marks})
            ),
            firsts AS (
                SELECT status, month, place, row_number() OVER (PARTITION BY pid, status ORDER BY month = 'unknown',
                                                                month, nullif(place, 'unknown')) AS n
                FROM confirmed
            )
            SELECT coalesce({column}, 'unknown'), status, count(*), count(*) FROM act_victims
            WHERE status IN ({marks}) GROUP BY 1, 2
            UNION ALL
            SELECT coalesce({column}, 'unknown'), status, -count(*), -count(*) FROM confirmed GROUP BY 1, 2
            UNION ALL
            SELECT coalesce({column}, 'unknown'), status, count(*), 0 FROM firsts WHERE n = 1 GROUP BY 1, 2
            """  # noqa: S608 - placeholders and a fixed column name
        with self._lock:
            rows = self.conn.execute(sql, (*statuses, *statuses)).fetchall()
        return _summed(rows)

    def count_estimated_victims(self, by: str) -> dict[str, dict[str | None, tuple[int, int]]]:
        """{month or place: {status the act type implies, or None: (victims, of which unconfirmed)}}
        for the victims acts' estimated totals give beyond those they list.

        An act in no incident counts on its own (unconfirmed: another testimony's
        estimate may be of the same people). The acts filed in one incident count
        once (act_rows.incident_unlisted): its largest estimate, less the most victims
        any one of its acts lists, in the incident's month and place, with the status
        its type implies."""
        acts_sql, args = estimates_sql(by)
        status, status_args = estimate_status_sql("i.act_type")
        key = ("coalesce(substr(i.date_from, 1, 7), min(nullif(e.key, 'unknown')), 'unknown')" if by == "month"
               else "coalesce(i.district, i.city, 'unknown')")
        sql = f"""
            WITH e AS ({acts_sql})
            SELECT e.key, e.status, sum(e.stated - e.listed), sum(e.stated - e.listed) FROM e
            WHERE e.stated > e.listed AND NOT EXISTS (
                SELECT 1 FROM incident_acts ia WHERE ia.record_id = e.record_id AND ia.act_index = e.seq)
            GROUP BY 1, 2
            UNION ALL
            SELECT key, status, sum(extra), 0 FROM (
                SELECT {key} AS key, {status} AS status, max(e.stated) - (
                    SELECT max(n) FROM (SELECT count(v.n) AS n FROM incident_acts ia2 LEFT JOIN act_victims v
                                        ON v.record_id = ia2.record_id AND v.seq = ia2.act_index
                                        WHERE ia2.incident_id = ia.incident_id
                                        GROUP BY ia2.record_id, ia2.act_index)) AS extra
                FROM e JOIN incident_acts ia ON ia.record_id = e.record_id AND ia.act_index = e.seq
                     JOIN incidents i ON i.id = ia.incident_id
                GROUP BY ia.incident_id)
            WHERE extra > 0 GROUP BY 1, 2"""  # noqa: S608 - placeholders and fixed expressions
        out: dict[str, dict[str | None, tuple[int, int]]] = {}
        with self._lock:
            rows = self.conn.execute(sql, [*args, *status_args]).fetchall()
        for k, st, n, unconfirmed in rows:
            had = out.setdefault(k, {}).get(st, (0, 0))
            out[k][st] = (had[0] + int(n), had[1] + int(unconfirmed))
        return dict(sorted(out.items()))

    def count_violations_by_perpetrator(self) -> dict[str, dict[str, tuple[int, int]]]:
        """{perpetrator type: {act type: (distinct incidents, of which unconfirmed)}}.

        Acts attached to an incident count once per incident (with the
        incident's type); an act not attached to any counts on its own, as unconfirmed."""
        # From the act rows: every act has its perpetrator types there ('unknown' when none),
        # each (act, type) once. Acts in no incident count on their own; filed ones once an incident.
        # Every (act, type) counted on its own (an index scan), less the filed ones (read
        # from incident_acts outward: few), plus each incident once.
        sql = """
            SELECT perp_type, coalesce(act_type, 'unknown'), count(*), count(*) FROM act_perpetrators GROUP BY 1, 2
            UNION ALL
            SELECT p.perp_type, coalesce(p.act_type, 'unknown'), -count(*), -count(*)
            FROM incident_acts ia CROSS JOIN act_perpetrators p ON p.record_id = ia.record_id AND p.seq = ia.act_index
            GROUP BY 1, 2
            UNION ALL
            SELECT perp, kind, count(*), 0 FROM (
                SELECT DISTINCT ia.incident_id, p.perp_type AS perp,
                       coalesce(i.act_type, p.act_type, 'unknown') AS kind
                FROM incident_acts ia JOIN incidents i ON i.id = ia.incident_id
                     JOIN act_perpetrators p ON p.record_id = ia.record_id AND p.seq = ia.act_index)
            GROUP BY 1, 2"""
        with self._lock:
            rows = self.conn.execute(sql).fetchall()
        return _summed(rows)

    def count_loose_acts(self) -> tuple[int, int]:
        """(acts in no incident, acts in all); from the act rows (one per act object of
        each current revision), not from every revision's answers."""
        sql = """SELECT sum(ia.incident_id IS NULL), count(*) FROM acts a
            LEFT JOIN incident_acts ia ON ia.record_id = a.record_id AND ia.act_index = a.seq"""
        with self._lock:
            row = self.conn.execute(sql).fetchone()
        loose, total = row if row is not None else (0, 0)
        return int(loose or 0), int(total or 0)


def _summed(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, tuple[int, int]]]:
    """{key: {kind: (count, of which unconfirmed)}} from signed partial counts; a kind whose
    counts cancel out (every mention confirmed, its person counted elsewhere) is left out."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for key, kind, n, unconfirmed in rows:
        had = out.setdefault(key, {}).get(kind, (0, 0))
        out[key][kind] = (had[0] + int(n), had[1] + int(unconfirmed))
    kept = {k: {kind: c for kind, c in v.items() if c[0]} for k, v in out.items()}
    return dict(sorted((k, v) for k, v in kept.items() if v))
