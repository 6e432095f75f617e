"""Exchange tables: trusted recipients, bundles in and out, their records, receipts, links between testimonies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from . import custodylog as custody
from ..crypto import b64d, b64e
from ..custody import now
from .handle import VaultCore
from .types import VaultError


class ExchangeMixin(VaultCore):
    # ---------------------------------------------------------------- recipients (field side)
    def add_recipient(self, fingerprint: str, org: str, age_recipient: str, signing_key: bytes) -> bool:
        """Register a recipient card once; False if it was already trusted."""
        with self._tx() as c:
            if c.execute("SELECT 1 FROM recipients WHERE fingerprint = ?", (fingerprint,)).fetchone():
                return False
            c.execute(
                "INSERT INTO recipients(fingerprint, org, age_recipient, signing_key, added_at) VALUES (?,?,?,?,?)",
                (fingerprint, org, age_recipient, b64e(signing_key), now()),
            )
            custody.append(c, "recipient.trust", None, fingerprint=fingerprint, org=org)
            return True

    def recipient_rows(self) -> list[tuple[str, str, bytes]]:
        """(org, age recipient, signing key) of every trusted recipient, oldest first."""
        with self._lock:
            return [(org, rcpt, b64d(key)) for org, rcpt, key in self.conn.execute(
                "SELECT org, age_recipient, signing_key FROM recipients ORDER BY added_at")]

    # ---------------------------------------------------------------- bundles
    def bundle_manifest_hash(self, bundle_id: str, direction: str) -> tuple[str, str] | None:
        """(peer, manifest SHA-256) of a bundle sent ('out') or imported ('in')."""
        row = self.conn.execute("SELECT peer, manifest_sha256 FROM bundles WHERE bundle_id = ? AND direction = ?",
                                (bundle_id, direction)).fetchone()
        return (row[0], row[1]) if row else None

    def bundle_record_revisions(self, bundle_id: str) -> dict[str, int]:
        with self._lock:
            return dict(self.conn.execute("SELECT record_id, rev FROM bundle_records WHERE bundle_id = ?",
                                          (bundle_id,)))

    def record_receipt(self, bundle_id: str, records: dict[str, int]) -> int:
        """Mark what headquarters confirmed storing (at the revision sent); returns how many."""
        confirmed = 0
        with self._tx() as c:
            c.execute("UPDATE bundles SET receipt_at = ? WHERE bundle_id = ?", (now(), bundle_id))
            for rid, rev in records.items():
                cur = c.execute("UPDATE bundle_records SET received = 1 WHERE bundle_id = ? AND record_id = ?"
                                " AND rev = ?", (bundle_id, rid, rev))
                confirmed += cur.rowcount
            custody.append(c, "bundle.receipt", None, bundle=bundle_id, records=confirmed)
        return confirmed

    def imported_bundle_rows(self) -> list[dict[str, Any]]:
        """Every imported bundle: id, device, researcher, time, record count."""
        out = []
        with self._lock:
            rows = self.conn.execute("SELECT bundle_id, peer, created_at, report_json FROM bundles"
                                     " WHERE direction = 'in' ORDER BY created_at").fetchall()
            for bundle_id, peer, created_at, report in rows:
                rep = json.loads(report) if report else {}
                row = self.conn.execute("SELECT count(*) FROM bundle_records WHERE bundle_id = ?",
                                        (bundle_id,)).fetchone()
                count = row[0] if row else 0
                out.append({"bundle_id": bundle_id, "device": peer, "researcher": rep.get("researcher"),
                            "imported_at": created_at, "records": count})
        return out

    def received_revisions(self, whole_only: bool = False) -> dict[str, int]:
        """Records headquarters confirmed storing: id -> highest revision confirmed."""
        sql = ("SELECT br.record_id, br.rev FROM bundle_records br JOIN bundles b USING (bundle_id)"
               " WHERE b.direction = 'out' AND br.received = 1")
        if whole_only:
            sql += " AND br.complete = 1"
        out: dict[str, int] = {}
        with self._lock:
            for rid, rev in self.conn.execute(sql):
                out[rid] = max(rev, out.get(rid, 0))
        return out

    def current_rev(self, record_id: str) -> int | None:
        row = self.conn.execute("SELECT current_rev FROM records WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    # ---------------------------------------------------------------- analysis (headquarters)
    def current_public_answers(
        self, batch: int = 500,
    ) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any] | None]]:
        """(id, form id, public answers of the current revision, origin) of every record, oldest first,
        read a batch at a time (memory stays bounded at any number of testimonies)."""
        order = [r[0] for r in self.conn.execute("SELECT rowid FROM records ORDER BY created_at, rowid")]
        for i in range(0, len(order), batch):
            part = order[i:i + batch]
            marks = ",".join("?" * len(part))
            rows = {r[0]: r[1:] for r in self.conn.execute(
                "SELECT r.rowid, r.id, r.form_id, v.public_json, r.origin_json FROM records r"  # noqa: S608 - marks only
                f" JOIN revisions v ON v.record_id = r.id AND v.rev = r.current_rev WHERE r.rowid IN ({marks})", part)}
            for rowid in part:
                if rowid in rows:
                    rid, form_id, public, origin = rows[rowid]
                    yield rid, form_id, json.loads(public), json.loads(origin) if origin else None

    def links(self) -> list[tuple[str, str, str, str]]:
        with self._lock:
            return [tuple(r) for r in self.conn.execute(
                "SELECT a, b, kind, note FROM record_links ORDER BY created_at")]

    def add_link(self, a: str, b: str, kind: str, note: str = "") -> None:
        a, b = sorted((a, b))
        with self._tx() as c:
            for rid in (a, b):
                if c.execute("SELECT 1 FROM records WHERE id = ?", (rid,)).fetchone() is None:
                    raise VaultError(code="record.not_found", record_id=rid)
            c.execute("INSERT OR IGNORE INTO record_links(a, b, kind, note, created_at) VALUES (?,?,?,?,?)",
                      (a, b, kind, note, now()))
            custody.append(c, "record.link", a, other=b, kind=kind)
