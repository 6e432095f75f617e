"""Headquarters' import indexes what it stores in the import's one transaction,
from redacted text only (issue 15: the import at the pace of plain SQLite;
issue 13: the index never holds an identity)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core import bundle, cards
from desktop.core.crypto import FLOOR
from desktop.core.forms import FormRegistry
from desktop.core.records import export_view, save_new_record
from desktop.core.vault import Vault
from desktop.core.vault.connection import _SerialConnection
from tests.test_identities import witness_answers


@pytest.fixture
def pair(tmp_path) -> Iterator[tuple[Vault, Vault, str, cards.Card]]:
    reg = FormRegistry()
    field, _ = Vault.create(tmp_path / "field", "field passphrase here", kdf=FLOOR)
    rid = save_new_record(field, reg.get("eyewitness_force"), witness_answers())
    hq, _code, card = cards.init_hq(tmp_path / "hq", "headquarters passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(field, card.to_json().encode())
    yield field, hq, rid, card
    for v in (field, hq):
        if not v.is_locked:
            v.lock()


def _commits(monkeypatch) -> list[str]:
    seen: list[str] = []
    execute = _SerialConnection.execute

    def counting(self, sql, params=()):
        if sql.strip().upper() == "COMMIT":
            seen.append(sql)
        return execute(self, sql, params)

    monkeypatch.setattr(_SerialConnection, "execute", counting)
    return seen


@pytest.mark.parametrize("identities", [False, True])
def test_import_is_one_transaction_and_searchable_without_names(pair, tmp_path, monkeypatch, identities) -> None:
    field, hq, rid, card = pair
    out = tmp_path / "b.tstm"
    bundle.export_bundle(field, card.fingerprint, out, export_view, include_identities=identities)
    commits = _commits(monkeypatch)
    report = bundle.import_bundle(hq, out, trust_new_device=True, registry=FormRegistry())
    assert report.records_added == 1
    # stored, indexed and logged together: nothing committed without its index entry
    assert len(commits) == 1
    assert hq.unindexed_records() == []
    assert [h[0] for h in hq.search("pharmacy")] == [rid]
    for word in ("Ahmad", "Haddad", "Omar", "0944", "PERSON"):
        assert hq.search(word) == [], word


def test_reimport_and_a_bundle_with_identities_after_a_redacted_one(pair, tmp_path) -> None:
    field, hq, rid, card = pair
    first = tmp_path / "a.tstm"
    bundle.export_bundle(field, card.fingerprint, first, export_view)
    bundle.import_bundle(hq, first, trust_new_device=True)
    assert bundle.import_bundle(hq, first).already_imported
    second = tmp_path / "b.tstm"
    bundle.export_bundle(field, card.fingerprint, second, export_view, record_ids=[rid], include_identities=True)
    report = bundle.import_bundle(hq, second)
    assert report.revisions_added == 1
    assert [h[0] for h in hq.search("pharmacy")] == [rid]
    assert hq.search("Haddad") == [] and hq.search("Omar") == []
