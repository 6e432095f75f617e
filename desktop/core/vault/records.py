"""Records and their revisions, full-text search, export marks, deletion."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import sqlcipher3

from . import custodylog as custody
from ..crypto import (
    open_sealed,
)
from ..custody import now
from .acts import ActFilters, ActsMixin, count_sql, delete_acts, filter_sql, write_acts
from .faces import FacesMixin
from .identities import IdentityMixin
from .types import BLOBS, Record, RecordSummary, VaultError


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must appear."""
    words = [w.replace('"', "") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    return " ".join(f'"{w}"*' if i == len(words) - 1 else f'"{w}"' for i, w in enumerate(words))


class RecordsMixin(IdentityMixin, FacesMixin, ActsMixin):
    def add_record(
        self,
        form_id: str,
        form_version: str,
        public: dict[str, Any],
        identity: dict[str, Any] | None = None,
        attachment_ids: Sequence[str] = (),
        redaction: dict[str, Any] | None = None,
        draft_id: str | None = None,
        record_id: str | None = None,
        created_at: str | None = None,
        origin: dict[str, Any] | None = None,
        search_text: str | None = None,
    ) -> str:
        """Save a new record (revision 1); returns its id once durably committed.

        ``search_text`` is what the full-text index may hold: redacted text only
        (see desktop.core.records.index_text). Without it the record is not
        searchable until ensure_search_index indexes it."""
        rid = record_id or str(uuid.uuid4())
        ts = now()
        origin_json = json.dumps(origin) if origin else None
        with self._tx() as c:
            cur = c.execute(
                "INSERT INTO records(id, form_id, form_version, created_at, updated_at, current_rev, origin_json)"
                " VALUES (?,?,?,?,?,1,?)",
                (rid, form_id, str(form_version), created_at or ts, ts, origin_json),
            )
            # a new row: nothing of it can be in the index or the act rows yet
            self._write_revision(c, rid, 1, ts, public, identity or {}, redaction, origin, search_text,
                                 new=(cur.lastrowid, created_at or ts))
            self._link_attachments(c, rid, attachment_ids)
            if draft_id:
                c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            custody.append(c, "record.create", rid, form=form_id, version=str(form_version),
                           attachments=list(attachment_ids), **({"origin": origin} if origin else {}))
        return rid

    def revise_record(
        self,
        record_id: str,
        public: dict[str, Any],
        identity: dict[str, Any] | None = None,
        attachment_ids: Sequence[str] = (),
        redaction: dict[str, Any] | None = None,
        draft_id: str | None = None,
        origin: dict[str, Any] | None = None,
        search_text: str | None = None,
    ) -> int:
        """Add a revision; earlier revisions stay readable. Returns the new number."""
        ts = now()
        with self._tx() as c:
            row = c.execute("SELECT current_rev FROM records WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise VaultError(f"No record {record_id}")
            rev = int(row[0]) + 1
            self._write_revision(c, record_id, rev, ts, public, identity or {}, redaction, origin, search_text)
            c.execute("UPDATE records SET current_rev = ?, updated_at = ?, origin_json = coalesce(?, origin_json)"
                      " WHERE id = ?", (rev, ts, json.dumps(origin) if origin else None, record_id))
            self._link_attachments(c, record_id, attachment_ids)
            if draft_id:
                c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            custody.append(c, "record.revise", record_id, rev=rev, attachments=list(attachment_ids),
                           **({"origin": origin} if origin else {}))
        return rev

    def _write_revision(self, c: sqlcipher3.Connection, rid: str, rev: int, ts: str, public: dict[str, Any],
                        identity: dict[str, Any], redaction: dict[str, Any] | None,
                        origin: dict[str, Any] | None = None, search_text: str | None = None,
                        new: tuple[int, str] | None = None) -> None:
        """One revision's rows; ``new`` is (rowid, created_at) of a record inserted
        just now in this transaction (nothing to replace, nothing to look up)."""
        sealed = self._seal_identity(c, rid, rev, identity) if identity else None
        c.execute(
            "INSERT INTO revisions(record_id, rev, created_at, public_json, identity_sealed, redaction_json,"
            " origin_json) VALUES (?,?,?,?,?,?,?)",
            (rid, rev, ts, json.dumps(public, ensure_ascii=False), sealed,
             json.dumps(redaction, ensure_ascii=False) if redaction is not None else None,
             json.dumps(origin) if origin else None),
        )
        if new is not None:
            if search_text is not None:
                c.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                          (new[0], rid, search_text))
        else:
            self._index(c, rid, search_text)
        if origin or rev == 1:
            device = (origin or {}).get("device")
        else:  # a revision keeps the record's origin (see revise_record)
            row = c.execute("SELECT json_extract(origin_json, '$.device') FROM records WHERE id = ?",
                            (rid,)).fetchone()
            device = row[0] if row else None
        write_acts(c, rid, public, device if isinstance(device, str) else None, replace=rev > 1,
                   created=new[1] if new is not None else None)

    def _index(self, c: sqlcipher3.Connection, rid: str, search_text: str | None) -> None:
        rowid = c.execute("SELECT rowid FROM records WHERE id = ?", (rid,)).fetchone()[0]
        c.execute("DELETE FROM record_fts WHERE rowid = ?", (rowid,))
        if search_text is not None:
            c.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                      (rowid, rid, search_text))

    def set_search_text(self, record_id: str, search_text: str | None) -> None:
        """Replace what the full-text index holds for a record (redacted text only;
        None leaves it out of search)."""
        with self._tx() as c:
            if c.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
                raise VaultError(f"No record {record_id}")
            self._index(c, record_id, search_text)

    def unindexed_records(self) -> list[str]:
        """Records the full-text index does not cover (after the migration that
        emptied it, or saved without a search text)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM records WHERE rowid NOT IN (SELECT rowid FROM record_fts) ORDER BY rowid")]

    def _link_attachments(self, c: sqlcipher3.Connection, rid: str, attachment_ids: Iterable[str]) -> None:
        for att in attachment_ids:
            cur = c.execute(
                "UPDATE attachments SET record_id = ? WHERE id = ? AND (record_id IS NULL OR record_id = ?)",
                (rid, att, rid),
            )
            if cur.rowcount != 1:
                raise VaultError(f"Attachment {att} does not exist or belongs to another record")

    def set_redaction(self, record_id: str, redaction: dict[str, Any]) -> None:
        """Store the researcher's review decisions on the current revision."""
        with self._tx() as c:
            row = c.execute("SELECT current_rev FROM records WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise VaultError(f"No record {record_id}")
            c.execute("UPDATE revisions SET redaction_json = ? WHERE record_id = ? AND rev = ?",
                      (json.dumps(redaction, ensure_ascii=False), record_id, row[0]))
            custody.append(c, "redaction.review", record_id, rev=row[0],
                           fields=len(redaction),
                           decisions=sum(len(v.get("decisions", [])) for v in redaction.values()
                                         if isinstance(v, dict)))

    def get_record(self, record_id: str, rev: int | None = None, reveal: bool = False) -> Record:
        with self._lock:
            r = self.conn.execute(
                "SELECT id, form_id, form_version, created_at, updated_at, current_rev, exported_rev,"
                " exported_bundle, origin_json FROM records WHERE id = ?",
                (record_id,),
            ).fetchone()
            if r is None:
                raise VaultError(f"No record {record_id}")
            want = rev or r[5]
            rv = self.conn.execute(
                "SELECT public_json, identity_sealed, redaction_json FROM revisions WHERE record_id = ? AND rev = ?",
                (record_id, want),
            ).fetchone()
            if rv is None:
                raise VaultError(f"Record {record_id} has no revision {want}")
            key_row = self.conn.execute("SELECT 1 FROM identity_keys WHERE record_id = ?", (record_id,)).fetchone()
            has_identity_history = self.conn.execute(
                "SELECT 1 FROM custody WHERE record_id = ? AND action = 'identity.forget'", (record_id,)
            ).fetchone()
            identity = None
            if reveal and rv[1] is not None and key_row is not None:
                key = self._record_key(record_id)
                assert key is not None
                identity = json.loads(open_sealed(key, rv[1], f"{record_id}:{want}".encode()))
            elif reveal and rv[1] is None and has_identity_history is None:
                identity = {}
            return Record(
                id=r[0], form_id=r[1], form_version=r[2], created_at=r[3], updated_at=r[4], rev=want,
                current_rev=r[5], public=json.loads(rv[0]), identity=identity,
                identity_forgotten=has_identity_history is not None,
                attachments=self.attachments(record_id),
                redaction=json.loads(rv[2]) if rv[2] else None,
                status="exported" if r[6] is not None and r[6] >= r[5] else "complete",
                exported_bundle=r[7], origin=json.loads(r[8]) if r[8] else None,
            )

    def revision_origins(self, record_id: str) -> list[dict[str, Any]]:
        """Where each revision came from (analyst side: bundle, device, field revision)."""
        return [json.loads(r[0]) for r in self.conn.execute(
            "SELECT origin_json FROM revisions WHERE record_id = ? AND origin_json IS NOT NULL ORDER BY rev",
            (record_id,))]

    def revisions(self, record_id: str) -> list[tuple[int, str]]:
        return [tuple(x) for x in self.conn.execute(
            "SELECT rev, created_at FROM revisions WHERE record_id = ? ORDER BY rev", (record_id,))]

    def _where(self, form_id: str | None, query: str | None, status: str | None,
               since: str | None, until: str | None, acts: ActFilters | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause over records r: fixed SQL fragments only; every value is a bound parameter."""
        clauses: list[str] = []
        args: list[Any] = []
        if acts is not None and acts.active():
            sql, act_args = filter_sql(acts)
            clauses.append(sql)
            args += act_args
        if form_id:
            clauses.append("r.form_id = ?")
            args.append(form_id)
        if query:
            q = fts_query(query)
            if q:
                clauses.append("r.rowid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)")
                args.append(q)
        if status == "exported":
            clauses.append("r.exported_rev IS NOT NULL AND r.exported_rev >= r.current_rev")
        elif status == "complete":
            clauses.append("(r.exported_rev IS NULL OR r.exported_rev < r.current_rev)")
        if since:
            clauses.append("r.created_at >= ?")
            args.append(since)
        if until:
            clauses.append("r.created_at < ?")
            args.append(until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def list_records(self, limit: int = 1000, offset: int = 0, form_id: str | None = None,
                     query: str | None = None, status: str | None = None,
                     since: str | None = None, until: str | None = None,
                     acts: ActFilters | None = None) -> list[RecordSummary]:
        """Newest first; ``acts`` keeps records with an act matching every act filter."""
        where, args = self._where(form_id, query, status, since, until, acts)
        # With act filters, walk the records newest first and keep those that match,
        # rather than sorting every match (the planner's choice; 3-25x slower at scale).
        order = " INDEXED BY records_updated" if acts is not None and acts.active() and not query else ""
        columns = ("r.id, r.form_id, r.form_version, r.created_at, r.updated_at, r.current_rev, r.exported_rev,"
                   " r.origin_json")
        # not injectable (S608): order and where are fixed SQL fragments (see _where); values are bound
        sql = f"SELECT {columns} FROM records r{order}{where} ORDER BY r.updated_at DESC, r.id LIMIT ? OFFSET ?"  # noqa: S608
        with self._lock:
            rows = self.conn.execute(sql, [*args, limit, offset]).fetchall()
        return [
            RecordSummary(a, b, c, d, e, f, "exported" if g is not None and g >= f else "complete",
                          json.loads(h) if h else None)
            for a, b, c, d, e, f, g, h in rows
        ]

    def count_records(self, form_id: str | None = None, query: str | None = None, status: str | None = None,
                      since: str | None = None, until: str | None = None, acts: ActFilters | None = None) -> int:
        if acts is not None and acts.active() and not (form_id or query or status or since or until):
            sql, act_args = count_sql(acts)
            with self._lock:
                return int(self.conn.execute(sql, act_args).one()[0])
        where, args = self._where(form_id, query, status, since, until, acts)
        with self._lock:
            # not injectable (S608): where is built from fixed fragments by _where; values are bound
            return int(self.conn.execute("SELECT count(*) FROM records r" + where, args).one()[0])  # noqa: S608

    def search(self, query: str, limit: int = 100) -> list[tuple[str, str]]:
        """Full-text search over non-identifying text: (record id, snippet)."""
        q = fts_query(query)
        if q is None:
            return []
        with self._lock:
            return [tuple(x) for x in self.conn.execute(
                "SELECT record_id, snippet(record_fts, 1, '[', ']', '…', 12) FROM record_fts"
                " WHERE record_fts MATCH ? ORDER BY rank LIMIT ?", (q, limit))]

    def mark_exported(self, record_revs: dict[str, int], bundle_id: str) -> None:
        with self._tx() as c:
            for rid, rev in record_revs.items():
                c.execute("UPDATE records SET exported_rev = ?, exported_bundle = ? WHERE id = ?",
                          (rev, bundle_id, rid))

    def delete_records(self, record_ids: list[str], reason: str) -> None:
        """Remove whole records (after a confirmed handover); logged in custody."""
        blobs: list[str] = []
        with self._tx() as c:
            for rid in record_ids:
                for names in c.execute("SELECT blob, clean_blob, faces_blob FROM attachments WHERE record_id = ?",
                                       (rid,)):
                    blobs += [x for x in names if x]
                c.execute("DELETE FROM attachments WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM identity_keys WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM revisions WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM record_fts WHERE rowid = (SELECT rowid FROM records WHERE id = ?)", (rid,))
                c.execute("DELETE FROM pseudonyms WHERE record_id = ?", (rid,))
                c.execute("DELETE FROM records WHERE id = ?", (rid,))
                delete_acts(c, rid)
                c.execute("DELETE FROM drafts WHERE record_id = ?", (rid,))
                custody.append(c, "record.delete", rid, reason=reason)
        self._checkpoint()
        for name in blobs:
            (self.path / BLOBS / name).unlink(missing_ok=True)
