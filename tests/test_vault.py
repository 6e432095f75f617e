"""The encrypted vault: keys, records, revisions, identities, drafts, wipe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core import schema
from desktop.core.crypto import FLOOR, LABEL_DB, KdfParams, hkdf
from desktop.core.vault import slotstore
from desktop.core.vault import Vault, VaultError, WrongSecret
from tests.helpers import db_opens, decrypted_pages

PASS = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path):
    v, code = Vault.create(vault_dir, PASS, kdf=FLOOR)
    v.recovery_code = code  # type: ignore[attr-defined]
    yield v
    if not v.is_locked:
        v.lock()


def test_create_refuses_below_floor_and_never_overwrites(vault, vault_dir):
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(vault_dir, PASS, kdf=FLOOR)
    with pytest.raises(VaultError, match="below the floor"):
        Vault.create(vault_dir.parent / "weak", PASS, kdf=KdfParams(8 * 1024, 1, 1))


def test_slots_store_calibrated_parameters(vault, vault_dir):
    store = slotstore.load(vault_dir)
    assert sorted(s.kind for s in store.slots) == ["passphrase", "recovery"]
    for slot in store.slots:
        assert slot.kdf.memory_kib >= 64 * 1024 and slot.kdf.iterations >= 3


def test_unlock_wrong_and_right(vault, vault_dir):
    rid = vault.add_record("f", "1", {"narrative": "shots near the bakery"}, {"name": "Samir"})
    vault.lock()
    with pytest.raises(WrongSecret, match="Wrong passphrase"):
        Vault.unlock(vault_dir, "not it")
    with pytest.raises(WrongSecret, match="Wrong recovery code"):
        Vault.unlock(vault_dir, recovery_code="AAAA-BBBB")
    v = Vault.unlock(vault_dir, PASS)
    assert v.get_record(rid, reveal=True).identity == {"name": "Samir"}
    v.lock()
    v = Vault.unlock(vault_dir, recovery_code=vault.recovery_code.lower().replace("-", " "))
    assert v.get_record(rid).public == {"narrative": "shots near the bakery"}
    v.lock()


def test_revisions_keep_history(vault):
    rid = vault.add_record("f", "1", {"narrative": "first account"}, {"name": "A"})
    assert vault.revise_record(rid, {"narrative": "corrected account"}, {"name": "B"}) == 2
    assert vault.get_record(rid).public["narrative"] == "corrected account"
    old = vault.get_record(rid, rev=1, reveal=True)
    assert old.public["narrative"] == "first account" and old.identity == {"name": "A"}
    assert [r for r, _ in vault.revisions(rid)] == [1, 2]
    assert [e.action for e in vault.custody(rid)] == ["record.create", "record.revise"]


def test_identity_hidden_unless_revealed_and_not_searchable(vault):
    rid = vault.add_record("f", "1", {"narrative": "the checkpoint at dawn"}, {"name": "Khaled Zaidan"},
                           search_text="the checkpoint at dawn")
    assert vault.get_record(rid).identity is None
    assert vault.search("Zaidan") == []
    assert [h[0] for h in vault.search("checkpoint")] == [rid]


def test_search_is_safe_with_fts_syntax(vault):
    vault.add_record("f", "1", {"narrative": 'he said "stop" AND ran (fast)'}, {},
                     search_text='he said "stop" AND ran (fast)')
    for q in ['"', "AND", "(", "NEAR(", "*", 'stop" OR "x']:
        vault.search(q)  # must not raise
    assert len(vault.search("stop ran")) == 1
    assert len(vault.search("fas")) == 1  # prefix on the last word, as you type


def test_passphrase_change_keeps_data_old_passphrase_fails(vault, vault_dir, tmp_path):
    src = tmp_path / "clip.bin"
    src.write_bytes(b"\x00\x01video" * 5000)
    att = vault.import_attachment(src)
    rid = vault.add_record("f", "1", {"narrative": "n"}, {"name": "x"}, attachment_ids=[att.id])
    db_before = (vault_dir / "vault.db").stat().st_ino
    vault.change_passphrase("a new long passphrase", kdf=FLOOR)
    vault.lock()
    with pytest.raises(WrongSecret):
        Vault.unlock(vault_dir, PASS)
    v = Vault.unlock(vault_dir, "a new long passphrase")
    assert v.get_record(rid, reveal=True).identity == {"name": "x"}
    import io

    out = io.BytesIO()
    v.read_attachment(att.id, out)
    assert out.getvalue() == src.read_bytes()
    assert (vault_dir / "vault.db").stat().st_ino == db_before  # data not rewritten
    v.lock()
    # the recovery code still works after a passphrase change
    Vault.unlock(vault_dir, recovery_code=vault.recovery_code).lock()


def test_quick_wipe_is_fast_and_final(vault, vault_dir):
    vault.add_record("f", "1", {"narrative": "n"}, {"name": "x"})
    code = vault.recovery_code
    vault.lock()
    seconds = Vault.wipe(vault_dir)
    assert seconds < 1.0
    assert not vault_dir.exists()
    for kwargs in ({"passphrase": PASS}, {"recovery_code": code}):
        with pytest.raises(VaultError):
            Vault.unlock(vault_dir, **kwargs)


def test_wipe_destroys_keys_even_if_data_copy_survives(vault, vault_dir, tmp_path):
    """A copy of vault.db taken before the wipe is useless without the key slots."""
    vault.add_record("f", "1", {"narrative": "n"}, {"name": "x"})
    vault.lock()
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(vault_dir, copy)
    Vault.wipe(vault_dir)
    (copy / slotstore.STORE).unlink()
    with pytest.raises(VaultError, match="keys are gone"):
        Vault.unlock(copy, PASS)


def test_forget_identities_leaves_nothing_even_with_vault_key(vault, vault_dir):
    rid = vault.add_record("f", "1", {"narrative": "n"}, {"name": "Canary Witness"})
    vault.revise_record(rid, {"narrative": "n2"}, {"name": "Canary Witness", "phone": "0944"})
    wrapped = vault.conn.execute("SELECT wrapped FROM identity_keys").fetchone()[0]
    sealed = [r[0] for r in vault.conn.execute("SELECT identity_sealed FROM revisions")]
    raw_key = hkdf(bytes(vault._vmk), LABEL_DB)
    vault.forget_identities([rid])
    rec = vault.get_record(rid, reveal=True)
    assert rec.identity is None and rec.identity_forgotten
    assert vault.get_record(rid, rev=1, reveal=True).identity is None
    vault.lock()
    # Decrypt every page of the database with the vault's own key, free pages
    # included: neither the wrapped record key nor the sealed identities remain.
    pages = b"".join(decrypted_pages(vault_dir / "vault.db", raw_key))
    assert b"identity_keys" in pages  # the decryption itself works
    assert wrapped not in pages
    for s in sealed:
        assert s[:32] not in pages
    wal = vault_dir / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_drafts_survive_lock(vault, vault_dir):
    did = vault.save_draft("eyewitness", "1", {"narrative": "half typed"})
    vault.save_draft("eyewitness", "1", {"narrative": "half typed, more"}, draft_id=did)
    vault.lock()
    v = Vault.unlock(vault_dir, PASS)
    drafts = v.drafts()
    assert [(d.id, d.answers["narrative"]) for d in drafts] == [(did, "half typed, more")]
    rid = v.add_record("eyewitness", "1", {"narrative": "done"}, {}, draft_id=did)
    assert v.drafts() == [] and rid
    v.lock()


def test_custody_chain_detects_tampering(vault):
    rid = vault.add_record("f", "1", {"narrative": "n"}, {})
    vault.revise_record(rid, {"narrative": "m"}, {})
    assert vault.check() == []
    vault.conn.execute("UPDATE custody SET details = '{\"forged\": true}' WHERE seq = 2")
    assert any("altered" in p for p in vault.check())


def test_attachment_streamed_encrypted_and_cancellable(vault, vault_dir, tmp_path):
    src = tmp_path / "big.bin"
    with open(src, "wb") as f:
        for i in range(40):
            f.write(bytes([i]) * (1024 * 1024))
    seen = []
    att = vault.import_attachment(src, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (src.stat().st_size, src.stat().st_size) and len(seen) > 10
    import hashlib

    assert att.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    blobs_before = sorted(p.name for p in (vault_dir / "blobs").iterdir())
    with pytest.raises(VaultError, match="Cancelled"):
        vault.import_attachment(src, cancel=lambda: len(seen) > 45, progress=lambda d, t: seen.append(d))
    assert sorted(p.name for p in (vault_dir / "blobs").iterdir()) == blobs_before


def test_migrations_bring_old_vaults_forward(vault, vault_dir, tmp_path):
    """A vault at schema 1 (the first release, 8 KiB pages with SQLCipher's default
    HMAC-SHA512: the legacy page layout) opens, is migrated, and stays usable."""
    vault.lock()
    # Build a schema-1 database with the same key, as the first release did.
    import sqlcipher3

    v = Vault.unlock(vault_dir, PASS)
    raw_key = hkdf(bytes(v._vmk), LABEL_DB)
    v.lock()
    (vault_dir / "vault.db").unlink()
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    conn.execute("PRAGMA cipher_page_size = 8192")
    schema.migrate(conn, target=1)
    conn.execute("INSERT INTO meta VALUES ('mode', 'field')")
    conn.execute("INSERT INTO records VALUES ('r1', 'f', '1', 't', 't', 1)")
    conn.execute("INSERT INTO revisions VALUES ('r1', 1, 't', '{\"narrative\": \"old\"}', NULL)")
    conn.close()
    v = Vault.unlock(vault_dir, PASS)
    assert schema.version(v.conn) == schema.CURRENT_VERSION
    assert v.get_record("r1").public == {"narrative": "old"}
    rid = v.add_record("f", "1", {"narrative": "new"})
    v.lock()
    v = Vault.unlock(vault_dir, PASS)
    assert v.get_record(rid).public == {"narrative": "new"}
    assert v.get_record("r1").public == {"narrative": "old"}
    v.lock()


def test_new_vault_uses_current_page_layout(vault, vault_dir):
    """A new vault's pages are 4 KiB with HMAC-SHA256 (DB_PROFILES[0]): the
    legacy layout cannot read it, and a wrong key is refused under every layout."""
    from desktop.core.vault.types import DB_PROFILES

    raw_key = hkdf(bytes(vault._vmk), LABEL_DB)
    vault.lock()
    db = vault_dir / "vault.db"
    assert db_opens(db, raw_key, DB_PROFILES[0])
    assert not db_opens(db, raw_key, DB_PROFILES[1])
    assert not any(db_opens(db, bytes(32), p) for p in DB_PROFILES)


def test_newer_schema_is_refused_not_damaged(vault, vault_dir):
    vault.conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 5}")
    vault.lock()
    before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(VaultError, match="newer Testimony"):
        Vault.unlock(vault_dir, PASS)
    assert (vault_dir / "vault.db").read_bytes() == before


def test_plain_sqlite_cannot_read_vault(vault, vault_dir):
    vault.add_record("f", "1", {"narrative": "secret words"}, {})
    vault.lock()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_dir / "vault.db").execute("SELECT * FROM records").fetchall()


def test_duress_passphrase_wipes_and_shows_empty_vault(vault, vault_dir):
    rid = vault.add_record("f", "1", {"narrative": "the real testimony"}, {"name": "Real"})
    with pytest.raises(WrongSecret):
        vault.set_duress_passphrase("under duress please", current="not the passphrase")
    with pytest.raises(VaultError, match="must differ"):
        vault.set_duress_passphrase(PASS, current=PASS)
    new_code = vault.set_duress_passphrase("under duress please", current=PASS)
    slots = slotstore.load(vault_dir).slots
    kinds = [s.kind for s in slots]
    assert kinds.count("passphrase") == 2
    passphrase_slots = [s for s in slots if s.kind == "passphrase"]
    assert len({len(slotstore.sealed(s).wrapped) for s in passphrase_slots}) == 1  # cannot be told apart
    assert len({s.kdf for s in passphrase_slots}) == 1
    vault.lock()
    # the real passphrase still opens the real vault
    v = Vault.unlock(vault_dir, PASS)
    assert v.get_record(rid).public["narrative"] == "the real testimony"
    old_id = v.vault_id
    v.lock()
    # the duress passphrase destroys it and opens an empty vault
    d = Vault.unlock(vault_dir, "under duress please")
    assert d.vault_id == old_id and d.list_records() == []  # same identity, nothing in it
    d.lock()
    with pytest.raises(WrongSecret):
        Vault.unlock(vault_dir, PASS)
    for code in (vault.recovery_code, new_code):
        with pytest.raises(WrongSecret):
            Vault.unlock(vault_dir, recovery_code=code)
    Vault.unlock(vault_dir, "under duress please").lock()  # and it keeps opening, empty


def test_search_follows_the_latest_revision_and_deletion(vault):
    a = vault.add_record("f", "1", {"narrative": "tanks entered the orchard"}, {},
                         search_text="tanks entered the orchard")
    b = vault.add_record("f", "1", {"narrative": "the orchard was shelled"}, {}, search_text="the orchard was shelled")
    vault.revise_record(a, {"narrative": "armoured vehicles entered the square"}, {},
                        search_text="armoured vehicles entered the square")
    assert {h[0] for h in vault.search("orchard")} == {b}
    assert [h[0] for h in vault.search("armoured")] == [a]
    assert [r.id for r in vault.list_records(query="orchard")] == [b]
    assert vault.conn.execute("SELECT count(*) FROM record_fts").fetchone()[0] == 2
    vault.delete_records([b], reason="test")
    assert vault.search("orchard") == [] and vault.count_records(query="shelled") == 0


def test_threads_share_the_vault_safely(vault):
    """The GUI reads while a worker writes (exports, imports, attachments)."""
    import threading

    from desktop.core import analysis

    for i in range(50):
        vault.add_record("f", "1", {"narrative": f"seed {i} orchard"}, {"name": f"W{i}"})
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                vault.list_records(limit=20, query="orchard")
                vault.search("orchard")
                analysis.acts(vault)  # iterates every record's answers
                vault.custody()
                vault.drafts()
                vault.meta("mode")
                vault.revision_origins("none")
        except BaseException as exc:  # reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for i in range(150):
            rid = vault.add_record("f", "1", {"narrative": f"new {i} orchard"}, {"name": f"N{i}"})
            vault.save_draft("f", "1", {"narrative": f"draft {i}"})
            vault.meta("vault_id")
            if i % 5 == 0:
                vault.revise_record(rid, {"narrative": f"revised {i}"}, {})
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    assert vault.count_records() == 200 and vault.check() == []


def test_forget_and_delete_also_remove_drafts_and_search_traces(vault, vault_dir):
    rid = vault.add_record("f", "1", {"narrative": "zanzibarite orchard"}, {"name": "Hidden Person"})
    vault.save_draft("f", "1", {"narrative": "edit", "name": "Hidden Person"}, record_id=rid)
    vault.forget_identities([rid])
    assert vault.drafts() == []
    other = vault.add_record("f", "1", {"narrative": "quixotrix words"}, {})
    vault.save_draft("f", "1", {"narrative": "quixotrix edit"}, record_id=other)
    raw_key = hkdf(bytes(vault._vmk), LABEL_DB)
    vault.delete_records([other], reason="test")
    assert vault.drafts() == []
    vault.lock()
    pages = b"".join(decrypted_pages(vault_dir / "vault.db", raw_key))
    assert b"quixotrix" not in pages  # not even in the full-text index's pages
    assert b"zanzibarite" in pages  # (the page reader does see live text)


@pytest.mark.parametrize("legacy", [False, True])
def test_duress_decoy_keeps_the_page_layout_of_the_vault_it_replaces(tmp_path, monkeypatch, legacy):
    """A decoy made from a vault of the legacy layout (8 KiB, HMAC-SHA512) has that
    layout too: a decoy in the new layout beside an old creation time would give it away."""
    from desktop.core.vault import handle
    from desktop.core.vault.types import DB_PROFILES

    if legacy:  # a vault made before the current layout
        monkeypatch.setattr(handle, "DB_PROFILES", DB_PROFILES[::-1])
    v, _code = Vault.create(tmp_path / "v", PASS, kdf=FLOOR)
    monkeypatch.setattr(handle, "DB_PROFILES", DB_PROFILES)
    v.set_duress_passphrase("under duress please", current=PASS)
    v.lock()
    real = Vault.unlock(tmp_path / "v", PASS)
    layout = real.db_layout
    assert layout == (DB_PROFILES[1] if legacy else DB_PROFILES[0])
    real.lock()
    Vault.unlock(tmp_path / "v", "under duress please").lock()
    decoy = Vault.unlock(tmp_path / "v", "under duress please")  # reopened: its layout read from its pages
    assert decoy.db_layout == layout and decoy.list_records() == []
    decoy.lock()


def test_a_kit_that_names_no_layout_was_made_by_a_legacy_vault():
    from desktop.core.vault.handle import _decoy_layout
    from desktop.core.vault.types import DB_PROFILES

    assert _decoy_layout({}) == DB_PROFILES[1] == (8192, "HMAC_SHA512")
    assert _decoy_layout({"db_layout": list(DB_PROFILES[0])}) == DB_PROFILES[0]
    assert _decoy_layout({"db_layout": [1024, "HMAC_SHA1"]}) == DB_PROFILES[1]  # not a layout we make
