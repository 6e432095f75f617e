"""Database schema of a vault, versioned with ordered migrations.

``PRAGMA user_version`` holds the schema version. A vault made by any earlier
release is brought forward one migration at a time, each in its own
transaction; a vault from a newer release is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .errors import Refusal


class SchemaError(Refusal):
    default_code = "schema.refused"


_V1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE records (
            id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            current_rev INTEGER NOT NULL
        );
        CREATE TABLE revisions (
            record_id TEXT NOT NULL REFERENCES records(id),
            rev INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            public_json TEXT NOT NULL,
            identity_sealed BLOB,
            PRIMARY KEY (record_id, rev)
        );
        CREATE TABLE identity_keys (
            record_id TEXT PRIMARY KEY REFERENCES records(id),
            wrapped BLOB NOT NULL
        );
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            record_id TEXT REFERENCES records(id),
            filename TEXT NOT NULL,
            mime TEXT NOT NULL,
            kind TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            blob TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX attachments_record ON attachments(record_id);
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            record_id TEXT,
            updated_at TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE TABLE custody (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            action TEXT NOT NULL,
            record_id TEXT,
            details TEXT NOT NULL,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX custody_record ON custody(record_id);
        CREATE VIRTUAL TABLE record_fts USING fts5(
            record_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2'
        );
"""

# Metadata cleaning of attachments, export marks and the record's origin.
_V2 = """
        ALTER TABLE attachments ADD COLUMN clean_blob TEXT;
        ALTER TABLE attachments ADD COLUMN clean_sha256 TEXT;
        ALTER TABLE attachments ADD COLUMN clean_size INTEGER;
        ALTER TABLE attachments ADD COLUMN clean_status TEXT NOT NULL DEFAULT 'not_cleaned';
        ALTER TABLE attachments ADD COLUMN removed_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE attachments ADD COLUMN clean_reason TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN exported_rev INTEGER;
        ALTER TABLE records ADD COLUMN exported_bundle TEXT;
        ALTER TABLE records ADD COLUMN origin_json TEXT;
        ALTER TABLE revisions ADD COLUMN redaction_json TEXT;
        CREATE INDEX records_updated ON records(updated_at);
"""


# Bundles: recipients (field side), devices and imports (analyst side),
# receipts, links between testimonies, and where each revision came from.
_V3 = """
        CREATE TABLE recipients (
            fingerprint TEXT PRIMARY KEY,
            org TEXT NOT NULL,
            age_recipient TEXT NOT NULL,
            signing_key TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE devices (
            device_key TEXT PRIMARY KEY,
            researcher TEXT,
            fingerprint TEXT NOT NULL,
            first_seen TEXT NOT NULL
        );
        CREATE TABLE bundles (
            bundle_id TEXT PRIMARY KEY,
            direction TEXT NOT NULL,
            peer TEXT NOT NULL,
            created_at TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            include_identities INTEGER NOT NULL DEFAULT 0,
            receipt_at TEXT,
            report_json TEXT
        );
        CREATE TABLE bundle_records (
            bundle_id TEXT NOT NULL REFERENCES bundles(bundle_id),
            record_id TEXT NOT NULL,
            rev INTEGER NOT NULL,
            PRIMARY KEY (bundle_id, record_id)
        );
        CREATE TABLE record_links (
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            PRIMARY KEY (a, b, kind)
        );
        ALTER TABLE revisions ADD COLUMN origin_json TEXT;
"""

# The full-text row of a record carries the record's rowid, so that replacing
# it is a lookup, not a scan of the whole index (record_id is UNINDEXED).
# VACUUM may renumber the rowids of `records`: never VACUUM without
# rebuilding record_fts (secure_delete already keeps free pages clean).
_V4 = """
        CREATE VIRTUAL TABLE record_fts_v4 USING fts5(
            record_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO record_fts_v4(rowid, record_id, body)
            SELECT r.rowid, f.record_id, f.body FROM record_fts f JOIN records r ON r.id = f.record_id;
        DROP TABLE record_fts;
        ALTER TABLE record_fts_v4 RENAME TO record_fts
"""

# Receipts: what headquarters confirmed (received) and whether what was sent
# was the whole record (identities and every attachment: complete). The FTS
# index overwrites deleted entries instead of leaving them in its pages.
_V5 = """
        ALTER TABLE bundle_records ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE bundle_records ADD COLUMN received INTEGER NOT NULL DEFAULT 0;
        INSERT INTO record_fts(record_fts, rank) VALUES ('secure-delete', 1)
"""

# The analyst's desk: incidents as records of their own (acts of testimonies
# attached to them, candidates the analyst rejected, quotations picked from
# redacted narratives), and people across testimonies (victims and
# perpetrator units: confirmed mentions, rejected pairs, revealed names).
_V6 = """
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            act_type TEXT NOT NULL,
            date_json TEXT NOT NULL,
            date_from TEXT,
            date_to TEXT,
            city TEXT,
            district TEXT,
            description TEXT NOT NULL DEFAULT '',
            corroboration TEXT NOT NULL DEFAULT 'unassessed',
            corroboration_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX incidents_place ON incidents(city, date_from);
        CREATE TABLE incident_acts (
            record_id TEXT NOT NULL,
            act_index INTEGER NOT NULL,
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            added_at TEXT NOT NULL,
            PRIMARY KEY (record_id, act_index)
        );
        CREATE INDEX incident_acts_incident ON incident_acts(incident_id);
        CREATE TABLE incident_rejections (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            record_id TEXT NOT NULL,
            act_index INTEGER NOT NULL,
            rejected_at TEXT NOT NULL,
            PRIMARY KEY (incident_id, record_id, act_index)
        );
        CREATE TABLE incident_quotes (
            id INTEGER PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            record_id TEXT NOT NULL,
            field TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX incident_quotes_incident ON incident_quotes(incident_id);
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            pseudonym TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE person_mentions (
            record_id TEXT NOT NULL,
            path TEXT NOT NULL,
            person_id TEXT NOT NULL REFERENCES people(id),
            added_at TEXT NOT NULL,
            PRIMARY KEY (record_id, path)
        );
        CREATE INDEX person_mentions_person ON person_mentions(person_id);
        CREATE TABLE mention_rejections (
            a_record TEXT NOT NULL,
            a_path TEXT NOT NULL,
            b_record TEXT NOT NULL,
            b_path TEXT NOT NULL,
            rejected_at TEXT NOT NULL,
            PRIMARY KEY (a_record, a_path, b_record, b_path)
        )
"""



def _v7(conn: sqlite3.Connection) -> None:
    """The acts of every record as rows (filters and patterns in SQL at headquarters)."""
    from .vault import act_rows as acts

    for statement in acts.SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    acts.reindex_acts(conn)


# The cleaning report of each attachment (found / removed / kept and why),
# the type of the cleaned copy (which may differ from the original's), and
# the face-hidden copy with the boxes the researcher confirmed.
_V8 = """
        ALTER TABLE attachments ADD COLUMN clean_mime TEXT;
        ALTER TABLE attachments ADD COLUMN clean_report_json TEXT;
        ALTER TABLE attachments ADD COLUMN faces_blob TEXT;
        ALTER TABLE attachments ADD COLUMN faces_sha256 TEXT;
        ALTER TABLE attachments ADD COLUMN faces_size INTEGER;
        ALTER TABLE attachments ADD COLUMN faces_json TEXT
"""

# The full-text index holds only redacted text (issue 13): the old index, which
# held raw narratives with the names in them, is emptied (secure-delete
# overwrites it) and every record is indexed again from its redacted text on
# the next unlock (records.ensure_search_index). Pseudonyms are stored per
# record under HMAC tags, never names.
_V9 = """
        DELETE FROM record_fts;
        INSERT INTO record_fts(record_fts) VALUES ('optimize');
        CREATE TABLE IF NOT EXISTS pseudonyms (
            record_id TEXT NOT NULL,
            label TEXT NOT NULL,
            tag TEXT NOT NULL,
            number INTEGER NOT NULL,
            PRIMARY KEY (record_id, label, tag)
        )
"""



def _v10(conn: sqlite3.Connection) -> None:
    """Each act's estimated total of victims ("an arrest of 4", nobody listed) in its
    act row, so that the counts include the victims it gives beyond those listed.
    (Act rows made by migration 7 in this release already have the column.)"""
    from .vault import act_rows as acts

    _act_columns(conn)
    acts.reindex_acts(conn)


def _act_columns(conn: sqlite3.Connection) -> None:
    """The act row columns added after migration 7 (the rows are written with all of them)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(acts)")}
    if "victim_count" not in have:
        conn.execute("ALTER TABLE acts ADD COLUMN victim_count INTEGER")
    if "victims_listed" not in have:
        conn.execute("ALTER TABLE acts ADD COLUMN victims_listed INTEGER NOT NULL DEFAULT 0")
        conn.execute("UPDATE acts SET victims_listed = (SELECT count(*) FROM act_victims v"
                     " WHERE v.record_id = acts.record_id AND v.seq = acts.seq)")


def _v11(conn: sqlite3.Connection) -> None:
    """The pattern counts at headquarters as index scans (100,000 testimonies: bench_hq):
    covering indexes for the victim and perpetrator counts, and each act's number of
    listed victims in its row (the estimates read it instead of counting victim rows)."""
    _act_columns(conn)
    for statement in (
            "CREATE INDEX IF NOT EXISTS act_victims_status ON act_victims(status, month, place)",
            "DROP INDEX IF EXISTS act_perpetrators_type",
            "CREATE INDEX IF NOT EXISTS act_perpetrators_kind ON act_perpetrators(perp_type, act_type)",
            "CREATE INDEX IF NOT EXISTS acts_estimated ON acts(record_id, seq, act_type, month, city, district,"
            " victim_count, victims_listed) WHERE victim_count IS NOT NULL"):
        conn.execute(statement)


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_V1, _V2, _V3, _V4, _V5, _V6, _v7, _V8, _V9,
                                                                 _v10, _v11]
CURRENT_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> list[int]:
    """Apply pending migrations up to ``target``; returns the versions applied."""
    current = version(conn)
    if current > CURRENT_VERSION:
        raise SchemaError(
            f"This vault was written by a newer Testimony (schema {current}, "
            f"this version knows {CURRENT_VERSION}); update the app to open it."
        )
    applied = []
    for v in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            step = MIGRATIONS[v - 1]
            if callable(step):
                step(conn)
            else:
                # executescript() would commit on its own; run statement by statement.
                for statement in step.split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(v)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(v)
    return applied
