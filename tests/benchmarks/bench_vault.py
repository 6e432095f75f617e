"""Benchmarks of the vault: unlock cost, and 10,000 interviews (insert, search, list).

Run explicitly (the normal suite does not collect ``bench_*.py``):

    .venv/bin/python -m pytest tests/benchmarks/bench_vault.py -q -s -p no:cacheprovider

Every figure is printed; nothing is asserted on time. The references for the
ratios are measured in the same run, interleaved in blocks so that a noisy
neighbour hits all of them:

- ``plain``: the standard library's sqlite3 with the vault's schema, page size,
  pragmas and statements, no encryption (what the issue asks for);
- ``same engine``: sqlcipher3 opened *without* a key, i.e. the very SQLite
  build the vault uses (its SQLite version and defaults differ from the
  stdlib's), unencrypted; the vault/same-engine ratio isolates encryption.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlcipher3

from desktop.core import crypto, schema
from desktop.core.vault import custodylog as custody
from desktop.core.crypto import FLOOR
from desktop.core.vault import PAGE_SIZE, Vault, fts_query, searchable_text
from desktop.core.vault.acts import write_acts
from desktop.core.vault.types import DB_PROFILES

from tests.benchmarks.conftest import Report, interviews, median, ms, scale, timed

pytestmark = pytest.mark.benchmark

PASS = "correct horse battery staple"
N_RECORDS = scale(10_000, 300)
BLOCK = scale(250, 50)  # vault and the references take turns inserting blocks of this many records
DURABLE_MIN = scale(2_000, 100)  # always measured one durable transaction per record
DURABLE_BUDGET_S = 150.0  # beyond this projected insert time, bulk-fill the rest
TAIL = scale(100, 20)  # when bulk-filling, the last records are again durable add_record calls
FORM = ("interview", "1")


# ---------------------------------------------------------------- 1. unlock


def _unlock_runs(path: Path, n: int) -> list[tuple[float, float, float]]:
    """(total, kdf, open) seconds of ``n`` unlocks, each followed by a lock."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        v = Vault.unlock(path, PASS)
        total = time.perf_counter() - t
        out.append((total, v.timings["kdf"], v.timings["open"]))
        v.lock()
    return out


def test_unlock_kdf_vs_rest(tmp_path: Path, report: Report) -> None:
    t = time.perf_counter()
    calibrated = crypto.calibrate()
    calibrate_s = time.perf_counter() - t
    report(f"calibrate() took {calibrate_s:.2f} s -> Argon2id m={calibrated.memory_kib // 1024} MiB, "
           f"t={calibrated.iterations}, p={calibrated.lanes}")
    report(f"floor (crypto.FLOOR)           -> Argon2id m={FLOOR.memory_kib // 1024} MiB, "
           f"t={FLOOR.iterations}, p={FLOOR.lanes}")
    report("")
    report("Vault.unlock(passphrase), median of N runs; 'rest' = wall time of unlock minus Argon2id")
    report(f"{'profile':<12}{'N':>3}{'total':>12}{'argon2id':>12}{'open db':>12}{'rest':>12}"
           f"{'rest max':>12}  kdf share")
    for name, params, n in (("calibrated", calibrated, 3), ("floor", FLOOR, 7)):
        path = tmp_path / name
        v, _code = Vault.create(path, PASS, kdf=params)
        v.add_record(*FORM, {"narrative": "a record so the database is not empty"}, {"name": "X"})
        v.lock()
        _unlock_runs(path, 1)  # warm the OS cache and imports; not counted
        runs = _unlock_runs(path, n)
        total = median([r[0] for r in runs])
        kdf = median([r[1] for r in runs])
        opened = median([r[2] for r in runs])
        rests = [r[0] - r[1] for r in runs]
        report(f"{name:<12}{n:>3}{ms(total):>12}{ms(kdf):>12}{ms(opened):>12}{ms(median(rests)):>12}"
               f"{ms(max(rests)):>12}  {kdf / total:6.1%}")
    report("")
    report("'open db' = Vault.timings['open'] (HKDF subkeys, SQLCipher raw key, pragmas, schema check);")
    report("'rest' also counts reading keyslots.bin. Target: rest well under 100 ms.")


# ---------------------------------------------------------------- plain references

# The schema needs SQLite >= 3.44 (FTS5 secure-delete). Where the standard library's
# sqlite3 is older (Debian 12: 3.40), the plain reference is the vault's own SQLite
# build opened without a key ("same engine"), and the report says so.
STDLIB_HAS_FEATURES = sqlite3.sqlite_version_info >= (3, 44)
# "same, encrypted" runs the references' statements on an encrypted database in the vault's
# page layout: the floor that SQLCipher's page encryption itself sets, so that the vault's
# ratio to it is what the vault's own code adds.
REFS = (({"plain": sqlite3} if STDLIB_HAS_FEATURES else {})
        | {"same engine": sqlcipher3, "same, encrypted": sqlcipher3})  # name -> DB-API
REF_KEYS = {"same, encrypted": os.urandom(32)}  # name -> raw key (encrypted references)
REF_DESC = {
    "plain": f"stdlib sqlite3 (SQLite {sqlite3.sqlite_version})",
    "same engine": "sqlcipher3 without a key (SQLite {v}, unencrypted)",
    "same, encrypted": "sqlcipher3 with a raw key, the vault's page layout ({page} B pages, {hmac}): what "
                       "SQLCipher's page encryption costs by itself",
}


def _keyed(conn, key: bytes | None):
    """``conn`` encrypted as the vault is (raw key, the vault's page layout), when a key is given."""
    if key is not None:
        page_size, hmac = DB_PROFILES[0]
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(f"PRAGMA cipher_page_size = {page_size}")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    return conn


def plain_connect(path: Path, module=sqlite3, key: bytes | None = None):
    """Unencrypted SQLite with the vault's schema, page size and pragmas (with ``key``:
    encrypted as the vault is)."""
    conn = _keyed(module.connect(str(path), isolation_level=None), key)
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")  # as the vault
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    schema.migrate(conn)
    return conn


def _plain_rows(conn, public: dict, identity: dict, fts_delete: bool) -> None:
    rid, ts = str(uuid.uuid4()), custody.now()
    rowid = conn.execute(
        "INSERT INTO records(id, form_id, form_version, created_at, updated_at, current_rev, origin_json)"
        " VALUES (?,?,?,?,?,1,?)",
        (rid, FORM[0], FORM[1], ts, ts, None),
    ).lastrowid
    conn.execute("SELECT wrapped FROM identity_keys WHERE record_id = ?", (rid,)).fetchone()
    conn.execute("INSERT INTO identity_keys(record_id, wrapped) VALUES (?, ?)", (rid, os.urandom(60)))
    conn.execute(
        "INSERT INTO revisions(record_id, rev, created_at, public_json, identity_sealed, redaction_json)"
        " VALUES (?,?,?,?,?,?)",
        (rid, 1, ts, json.dumps(public, ensure_ascii=False),
         json.dumps(identity, ensure_ascii=False).encode(), None),
    )
    # As the vault's add_record: the FTS row takes the record's rowid (from the
    # insert); a new record has no earlier row to delete (fts_delete kept for the call sites).
    conn.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                 (rowid, rid, searchable_text(public)))
    write_acts(conn, rid, public, None, replace=False)  # as add_record: the act rows (none here)
    custody.append(conn, "record.create", rid, form=FORM[0], version=FORM[1], attachments=[])


def plain_add(conn, public: dict, identity: dict) -> None:
    """The statements and row sizes of Vault.add_record, minus the cryptography:
    the identity is plaintext JSON, the identity-key row random bytes of the
    wrapped key's size. One durable transaction per record."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _plain_rows(conn, public, identity, fts_delete=True)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# ---------------------------------------------------------------- 2. 10,000 interviews


@dataclass
class Filled:
    vault_dir: Path
    base: Path
    vault: Vault
    refs: dict  # name -> connection
    n: int
    gen_s: float
    words: list[int]
    chars: list[int]
    n_durable: int = 0
    lat: dict = field(default_factory=dict)  # name -> seconds per durable record (first ones)
    cpu: dict = field(default_factory=dict)  # name -> CPU seconds per block of those
    tail: dict = field(default_factory=dict)  # name -> seconds per durable record at the end
    n_bulk: int = 0
    bulk_s: dict = field(default_factory=dict)


def _insert_block(fn, rows, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds per record; the block's CPU seconds appended to ``cpu``."""
    lat = []
    c = time.process_time()
    for public, identity in rows:
        t = time.perf_counter()
        fn(public, identity)
        lat.append(time.perf_counter() - t)
    if cpu is not None:
        cpu.append(time.process_time() - c)
    return lat


def _bulk_vault(vault: Vault, rows, batch: int = 500) -> float:
    """Fill through the vault's own connection, keys and custody chain, many rows per
    transaction (as add_record does for a new record: FTS row keyed by the record rowid)."""
    t = time.perf_counter()
    for i in range(0, len(rows), batch):
        with vault._tx() as c:
            for public, identity in rows[i : i + batch]:
                rid, ts = str(uuid.uuid4()), custody.now()
                rowid = c.execute(
                    "INSERT INTO records(id, form_id, form_version, created_at, updated_at, current_rev,"
                    " origin_json) VALUES (?,?,?,?,?,1,?)", (rid, FORM[0], FORM[1], ts, ts, None)).lastrowid
                sealed = vault._seal_identity(c, rid, 1, identity)
                c.execute(
                    "INSERT INTO revisions(record_id, rev, created_at, public_json, identity_sealed,"
                    " redaction_json) VALUES (?,?,?,?,?,?)",
                    (rid, 1, ts, json.dumps(public, ensure_ascii=False), sealed, None))
                c.execute("INSERT INTO record_fts(rowid, record_id, body) VALUES (?, ?, ?)",
                          (rowid, rid, searchable_text(public)))
                write_acts(c, rid, public, None, replace=False)
                custody.append(c, "record.create", rid, form=FORM[0], version=FORM[1], attachments=[])
    return time.perf_counter() - t


def _bulk_plain(conn, rows, batch: int = 500) -> float:
    t = time.perf_counter()
    for i in range(0, len(rows), batch):
        conn.execute("BEGIN IMMEDIATE")
        for public, identity in rows[i : i + batch]:
            _plain_rows(conn, public, identity, fts_delete=False)
        conn.execute("COMMIT")
    return time.perf_counter() - t


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Filled:
    base = tmp_path_factory.mktemp("bench_vault")
    t = time.perf_counter()
    rows = interviews(N_RECORDS, seed=2)
    gen_s = time.perf_counter() - t
    vault, _code = Vault.create(base / "vault", PASS)  # TESTIMONY_KDF_PROFILE=floor (tests/conftest.py)
    refs = {name: plain_connect(base / f"{i}.db", mod, REF_KEYS.get(name))
            for i, (name, mod) in enumerate(REFS.items())}
    f = Filled(base / "vault", base, vault, refs, N_RECORDS, gen_s,
               [len(p["narrative"].split()) for p, _ in rows], [len(searchable_text(p)) for p, _ in rows])
    # The index gets what the references index (the record's text): the same work on both sides.
    adders = {"vault": lambda pub, ident: vault.add_record(*FORM, pub, ident, search_text=searchable_text(pub))}
    for name, conn in refs.items():
        adders[name] = (lambda c: lambda pub, ident: plain_add(c, pub, ident))(conn)
    names = list(adders)
    f.lat = {k: [] for k in names}
    f.tail = {k: [] for k in names}
    f.cpu = {k: [] for k in names}

    def interleaved(block_rows, into, turn) -> float:
        order = names[turn % len(names):] + names[: turn % len(names)]  # rotate who goes first
        spent = 0.0
        for name in order:
            lat = _insert_block(adders[name], block_rows, f.cpu[name] if into is f.lat else None)
            into[name].extend(lat)
            spent += sum(lat)
        return spent

    done, spent, turn = 0, 0.0, 0
    while done < N_RECORDS:
        block = rows[done : done + BLOCK]
        spent += interleaved(block, f.lat, turn)
        turn += 1
        done += len(block)
        if DURABLE_MIN <= done < N_RECORDS:
            # Per-record cost grows with the vault (see the report), so project the rest
            # from the latest block, scaled up linearly with size.
            last = sum(sum(f.lat[k][-len(block):]) for k in names) / len(block)
            projected = spent + (N_RECORDS - done) * last * (1 + N_RECORDS / done) / 2
            if projected > DURABLE_BUDGET_S:
                break
    f.n_durable = done
    if done < N_RECORDS:
        # Bulk-fill all but the last TAIL records, then measure TAIL durable add_record
        # calls on the (nearly) full vault, interleaved with the references as before.
        fill = rows[done : N_RECORDS - TAIL]
        f.n_bulk = len(fill)
        f.bulk_s["vault"] = _bulk_vault(vault, fill)
        for name, conn in refs.items():
            f.bulk_s[name] = _bulk_plain(conn, fill)
        tail = rows[N_RECORDS - TAIL :]
        step = TAIL // len(names)
        for i in range(0, TAIL, step):
            interleaved(tail[i : i + step], f.tail, turn)
            turn += 1
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for conn in refs.values():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield f
    if not f.vault.is_locked:
        f.vault.lock()
    for conn in f.refs.values():
        conn.close()
    for p in base.rglob("*"):
        if p.is_file():
            p.unlink()


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def _lat_rows(report: Report, lat: dict) -> None:
    v = sum(lat["vault"]) / len(lat["vault"])
    for name, xs in lat.items():
        rate = len(xs) / sum(xs)
        ratio = "" if name == "vault" else f"{v / (sum(xs) / len(xs)):>9.2f}x"
        report(f"  {name:<16}{rate:>10.0f}{ms(_pct(xs, .5)):>12}{ms(_pct(xs, .95)):>12}"
               f"{ms(_pct(xs, .99)):>12}{ms(max(xs)):>12}{ratio}")


def _ref_lines(report: Report) -> None:
    v = sqlcipher3.connect(":memory:").execute("SELECT sqlite_version()").fetchone()[0]
    for name in REFS:
        report(f"  {name:<15} = {REF_DESC[name].format(v=v, page=DB_PROFILES[0][0], hmac=DB_PROFILES[0][1])}")


def test_insert_rate(filled: Filled, report: Report) -> None:
    f = filled
    n = f.n_durable
    report(f"{f.n} interviews generated in {f.gen_s:.1f} s (seeded word lists): narrative "
           f"{min(f.words)}-{max(f.words)} words (mean {sum(f.words) / len(f.words):.0f}), searchable text "
           f"mean {sum(f.chars) / len(f.chars) / 1024:.1f} KiB, 13 short fields, 6-field identity")
    page_size, hmac = DB_PROFILES[0]
    report(f"vault = vault.add_record (SQLCipher 4, raw key, {page_size}-byte pages, {hmac}); references,")
    report(f"same schema (schema.migrate), page size {page_size}, WAL, synchronous=FULL, secure_delete,")
    report("the same statements")
    report("per record, incl. the custody row, identity as plaintext:")
    _ref_lines(report)
    report(f"All take turns in blocks of {BLOCK} records (who goes first rotates).")
    if n == f.n:
        report(f"MEASURED: all {n} inserts durable (one BEGIN IMMEDIATE..COMMIT each, WAL, synchronous=FULL).")
    else:
        report(f"MEASURED: records 1-{n} durable, one transaction each (BEGIN IMMEDIATE..COMMIT, WAL,")
        report(f"synchronous=FULL); records {n + 1}-{n + f.n_bulk} BULK-FILLED (same rows through the vault's")
        report("connection and keys, 500 per transaction) in "
               + ", ".join(f"{k} {s:.1f} s" for k, s in f.bulk_s.items()) + " -")
        report(f"NOT part of any rate; records {f.n - TAIL + 1}-{f.n} again durable add_record calls (full vault).")
    report("")
    hdr = f"  {'':<16}{'records/s':>10}{'p50':>12}{'p95':>12}{'p99':>12}{'max':>12}{'vault is':>10}"
    report(f"records 1-{n} (durable)")
    report(hdr)
    _lat_rows(report, f.lat)
    if f.tail["vault"]:
        report(f"records {f.n - TAIL + 1}-{f.n} (durable, vault almost full)")
        report(hdr)
        _lat_rows(report, f.tail)
    report("('vault is' = vault time per record / reference time per record)")
    v_cpu = sum(f.cpu["vault"])
    report(f"CPU time of records 1-{n} (this process, every thread): vault {v_cpu / n * 1000:.2f} ms/record"
           + "".join(f", {name} {sum(f.cpu[name]) / n * 1000:.2f} ms/record ({v_cpu / sum(f.cpu[name]):.2f}x)"
                     for name in REFS)
           + f"; wall/CPU vault {sum(f.lat['vault'][:n]) / v_cpu:.1f} (the rest is waiting: fsync, a busy core)")
    report("")
    report("records/s by position (durable inserts only); ratio = vault time / reference time")
    step = 500 if n <= 4000 else 2000
    chunks = [(f"{s + 1}-{min(s + step, n)}", {k: x[s : s + step] for k, x in f.lat.items()})
              for s in range(0, n, step)]
    if f.tail["vault"]:
        chunks.append((f"{f.n - TAIL + 1}-{f.n}", f.tail))
    for label, part in chunks:
        v = part["vault"]
        line = f"  records {label:>11}: vault {len(v) / sum(v):5.0f}/s"
        for name in REFS:
            xs = part[name]
            line += f", {name} {len(xs) / sum(xs):5.0f}/s ({sum(v) / len(v) / (sum(xs) / len(xs)):.2f}x)"
        report(line)
    # Diagnosis: add_record/revise_record run DELETE FROM record_fts WHERE record_id = ?,
    # and record_id is an UNINDEXED FTS5 column, so that is a scan of the whole FTS table.
    lookup = "SELECT count(*) FROM record_fts WHERE rowid = (SELECT rowid FROM records WHERE id = ?)"
    plan = f.vault.conn.execute("EXPLAIN QUERY PLAN " + lookup, ("x",)).fetchall()[0][-1]
    report("")
    report("revise_record replaces the FTS row by rowid (the record's own rowid), "
           f"plan {plan!r}; a new record deletes nothing.")
    line = f"  that lookup alone at {f.n} records (median of 5): vault "
    line += ms(median(timed(lambda: f.vault.conn.execute(lookup, ("none",)).fetchone(), 5)[1])).strip()
    for name, conn in f.refs.items():
        line += f", {name} " + ms(median(timed(lambda: conn.execute(lookup, ("none",)).fetchone(), 5)[1])).strip()
    report(line)
    old = f.vault.conn.execute("PRAGMA cache_size").fetchone()[0]
    f.vault.conn.execute(f"PRAGMA cache_size = {WHAT_IF_CACHE}")
    try:
        f.vault.conn.execute(lookup, ("none",)).fetchone()
        t = median(timed(lambda: f.vault.conn.execute(lookup, ("none",)).fetchone(), 5)[1])
    finally:
        f.vault.conn.execute(f"PRAGMA cache_size = {old}")
    report(f"  what-if (diagnostic): vault with PRAGMA cache_size = {WHAT_IF_CACHE} (now {old}): {ms(t).strip()}")
    vsize = sum(p.stat().st_size for p in f.vault_dir.glob("vault.db*"))
    sizes = ", ".join(
        f"{name} {sum(p.stat().st_size for p in f.base.glob(f'{i}.db*')) / 2**20:.1f} MiB"
        for i, name in enumerate(REFS))
    report(f"file size after checkpoint: vault.db {vsize / 2**20:.1f} MiB; {sizes}")


SEARCHES = [
    "soldiers",  # in nearly every narrative
    "field hospital",
    "detain",  # prefix: detained, detainee
    "tourniquets",
    "Zabadani checkpoint",
    "Nour Darwish",
    "barrel-bomb Saraqib",
    "xylophone",  # no match
]
SEARCH_SQL = ("SELECT record_id, snippet(record_fts, 1, '[', ']', '…', 12) FROM record_fts"
              " WHERE record_fts MATCH ? ORDER BY rank LIMIT ?")
FILTER = " WHERE r.rowid IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)"  # as Vault._where
LIST_SQL = ("SELECT r.id, r.form_id, r.form_version, r.created_at, r.updated_at, r.current_rev, r.exported_rev"
            " FROM records r{where} ORDER BY r.updated_at DESC, r.id LIMIT ? OFFSET ?")
COUNT_SQL = "SELECT count(*) FROM records r{where}"
WHAT_IF_CACHE = -65536  # 64 MiB


def _median_ms(fn, reps: int) -> float:
    return median(timed(fn, reps)[1])


def test_fts_search(filled: Filled, report: Report) -> None:
    v, refs = filled.vault, filled.refs
    reps = 15
    report(f"vault.search(q) over {filled.n} records (FTS5 MATCH, ORDER BY rank, snippet, LIMIT 100);")
    report(f"the same SQL on the references' FTS5 tables. Median of {reps} warm runs; 'first' = first run;")
    report("'xN' = vault time / reference time.")
    _ref_lines(report)
    report(f"{'query':<21}{'matches':>8}{'vault first':>13}{'vault p50':>12}"
           + "".join(f"{name + ' p50':>17}{'':>8}" for name in REFS))
    ratios: dict[str, list[float]] = {name: [] for name in REFS}
    for q in SEARCHES:
        fq = fts_query(q)
        first = next(iter(refs.values()))
        matches = first.execute("SELECT count(*) FROM record_fts WHERE record_fts MATCH ?", (fq,)).fetchone()[0]
        vfirst, vt = timed(lambda: v.search(q), reps)
        line = f"{q:<21}{matches:>8}{ms(vfirst):>13}{ms(median(vt)):>12}"
        for name, conn in refs.items():
            pt = _median_ms(lambda: conn.execute(SEARCH_SQL, (fq, 100)).fetchall(), reps)
            assert len(v.search(q)) == len(conn.execute(SEARCH_SQL, (fq, 100)).fetchall())  # same work
            ratios[name].append(median(vt) / pt)
            line += f"{ms(pt):>17}{median(vt) / pt:>7.2f}x"
        report(line)
    report("median ratio over the queries: "
           + ", ".join(f"vs {name} {median(r):.2f}x" for name, r in ratios.items()))
    report("")
    report("search as the record list uses it (list filtered by the query, and its count):")
    for q in ("soldiers", "tourniquets"):
        fq = fts_query(q)
        lsql, csql = LIST_SQL.format(where=FILTER), COUNT_SQL.format(where=FILTER)
        vl = _median_ms(lambda: v.list_records(limit=100, query=q), reps)
        vc = _median_ms(lambda: v.count_records(query=q), reps)
        line = f"  {q:<12} list_records(limit=100, query) vault {ms(vl).strip()}"
        for name, conn in refs.items():
            pl = _median_ms(lambda: conn.execute(lsql, (fq, 100, 0)).fetchall(), reps)
            line += f", {name} {ms(pl).strip()} ({vl / pl:.2f}x)"
        report(line)
        line = f"  {q:<12} count_records(query)           vault {ms(vc).strip()}"
        for name, conn in refs.items():
            pc = _median_ms(lambda: conn.execute(csql, (fq,)).fetchone(), reps)
            line += f", {name} {ms(pc).strip()} ({vc / pc:.2f}x)"
        report(line)
    # What-if, for whoever tunes the vault: the same queries with a page cache big enough
    # to keep decrypted FTS pages (the vault uses SQLCipher's default cache).
    old = v.conn.execute("PRAGMA cache_size").fetchone()[0]
    v.conn.execute(f"PRAGMA cache_size = {WHAT_IF_CACHE}")
    try:
        v.list_records(limit=100, query="soldiers"), v.search("soldiers")  # fill the cache
        parts = []
        for q in ("soldiers", "tourniquets"):
            took = ms(_median_ms(lambda: v.list_records(limit=100, query=q), reps)).strip()
            parts.append(f"list_records(query={q!r}) {took}")
        parts.append(f"search('soldiers') {ms(_median_ms(lambda: v.search('soldiers'), reps)).strip()}")
    finally:
        v.conn.execute(f"PRAGMA cache_size = {old}")
    report("")
    report(f"what-if (diagnostic, not the app's setting): vault with PRAGMA cache_size = {WHAT_IF_CACHE} "
           f"(now {old}):")
    report("  " + ", ".join(parts))


def test_open_list(filled: Filled, report: Report) -> None:
    f = filled
    reps = 25
    lsql, csql = LIST_SQL.format(where=""), COUNT_SQL.format(where="")
    # First calls on fresh connections: empty SQLite page cache (the OS cache is warm for all).
    f.vault.lock()
    t = time.perf_counter()
    f.vault = Vault.unlock(f.vault_dir, PASS)
    unlock_s = time.perf_counter() - t
    v = f.vault
    first = {"vault": (timed(lambda: v.list_records(limit=100), 1)[0], timed(lambda: v.count_records(), 1)[0])}
    connect_s = {}
    for i, (name, mod) in enumerate(REFS.items()):
        f.refs[name].close()
        t = time.perf_counter()
        conn = f.refs[name] = _keyed(mod.connect(str(f.base / f"{i}.db"), isolation_level=None),
                                     REF_KEYS.get(name))
        conn.execute("PRAGMA synchronous = FULL")
        connect_s[name] = time.perf_counter() - t
        first[name] = (timed(lambda: conn.execute(lsql, (100, 0)).fetchall(), 1)[0],
                       timed(lambda: conn.execute(csql).fetchone(), 1)[0])
    report(f"unlock of the {f.n}-record vault (floor KDF): {ms(unlock_s).strip()} total, of which Argon2id "
           f"{ms(v.timings['kdf']).strip()}, open {ms(v.timings['open']).strip()}; reference connect: "
           + ", ".join(f"{k} {ms(s).strip()}" for k, s in connect_s.items()))
    _ref_lines(report)
    report("")
    report(f"{'':<38}{'vault':>11}" + "".join(f"{name:>14}{'':>8}" for name in REFS))
    warm = {
        "list_records(limit=100), p50 warm": (lambda: v.list_records(limit=100),
                                              lambda c: c.execute(lsql, (100, 0)).fetchall()),
        "count_records(), p50 warm": (lambda: v.count_records(), lambda c: c.execute(csql).fetchone()),
        "last page (offset n-100), p50 warm": (lambda: v.list_records(limit=100, offset=f.n - 100),
                                               lambda c: c.execute(lsql, (100, f.n - 100)).fetchall()),
    }
    rows = [("first page, first call after open", first["vault"][0], {k: first[k][0] for k in REFS}),
            ("count, first call after open", first["vault"][1], {k: first[k][1] for k in REFS})]
    for label, (vf, pf) in warm.items():
        rows.append((label, _median_ms(vf, reps),
                     {name: _median_ms(lambda: pf(conn), reps) for name, conn in f.refs.items()}))
    for label, vs, refs in rows:
        report(f"{label:<38}{ms(vs):>11}" + "".join(f"{ms(r):>14}{vs / r:>7.2f}x" for r in refs.values()))
    assert v.count_records() == f.n
    assert len(v.list_records(limit=100)) == 100
