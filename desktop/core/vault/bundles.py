"""Bundle tables as export and import use them: bundles sent and received, their
records, the devices headquarters trusts (each bound to a researcher code)."""

from __future__ import annotations

import json
from typing import Any

from . import custodylog as custody
from ..custody import now
from .handle import VaultCore


class BundlesMixin(VaultCore):
    # ---------------------------------------------------------------- field side
    def record_bundle_export(self, bundle_id: str, recipient: str, manifest_sha: str, include_identities: bool,
                             include_uncleaned: bool, revs: dict[str, int], complete: dict[str, bool],
                             automatic_redaction: list[str] | None = None) -> None:
        """A bundle was written: remember what it carried (receipts and handover rely on it).
        The caller marks the records exported in the same transaction."""
        with self._tx() as c:
            c.execute(
                "INSERT INTO bundles(bundle_id, direction, peer, created_at, manifest_sha256, include_identities)"
                " VALUES (?, 'out', ?, ?, ?, ?)",
                (bundle_id, recipient, now(), manifest_sha, int(include_identities)))
            c.executemany("INSERT INTO bundle_records(bundle_id, record_id, rev, complete) VALUES (?,?,?,?)",
                          [(bundle_id, rid, rev, int(complete[rid])) for rid, rev in revs.items()])
            custody.append(c, "bundle.export", None, bundle=bundle_id, recipient=recipient,
                           records=revs, include_identities=include_identities,
                           include_uncleaned=include_uncleaned, manifest_sha256=manifest_sha,
                           automatic_redaction=automatic_redaction or [])

    # ---------------------------------------------------------------- headquarters side
    def bundle_imported(self, bundle_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM bundles WHERE bundle_id = ? AND direction = 'in'",
                                 (bundle_id,)).fetchone() is not None

    def imported_bundle_report(self, bundle_id: str) -> tuple[dict[str, Any], int]:
        """The report stored when the bundle was imported, and how many of its records were stored."""
        with self._lock:
            row = self.conn.execute("SELECT report_json FROM bundles WHERE bundle_id = ?", (bundle_id,)).fetchone()
            counted = self.conn.execute("SELECT count(*) FROM bundle_records WHERE bundle_id = ?",
                                        (bundle_id,)).fetchone()
        report: dict[str, Any] = json.loads(row[0]) if row and row[0] else {}
        return report, int(counted[0]) if counted else 0

    def blobs_in_use(self, names: list[str]) -> set[str]:
        """Which of these blobs some attachment refers to (one query per 500)."""
        out: set[str] = set()
        with self._lock:
            for i in range(0, len(names), 500):
                part = names[i:i + 500]
                out.update(r[0] for r in self.conn.execute(
                    f"SELECT blob FROM attachments WHERE blob IN ({','.join('?' * len(part))})", part))  # noqa: S608
        return out

    def known_records(self, ids: list[str]) -> set[str]:
        """Which of these record ids this vault already holds (one query per 500)."""
        out: set[str] = set()
        with self._lock:
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                out.update(r[0] for r in self.conn.execute(
                    f"SELECT id FROM records WHERE id IN ({','.join('?' * len(part))})", part))  # noqa: S608
        return out

    def device_researcher(self, device_key: str) -> tuple[bool, str | None]:
        """(is the device trusted, the researcher code it is bound to)."""
        row = self.conn.execute("SELECT researcher FROM devices WHERE device_key = ?", (device_key,)).fetchone()
        return (row is not None, row[0] if row else None)

    def researcher_device(self, researcher: str, other_than: str | None = None) -> str | None:
        """The fingerprint of a trusted device bound to ``researcher`` (other than ``other_than``)."""
        row = self.conn.execute(
            "SELECT fingerprint FROM devices WHERE researcher = ? AND device_key IS NOT ? ORDER BY first_seen",
            (researcher, other_than)).fetchone()
        return row[0] if row else None

    def trust_device(self, device_key: str, researcher: str | None, fingerprint: str) -> None:
        with self._tx() as c:
            c.execute("INSERT INTO devices(device_key, researcher, fingerprint, first_seen) VALUES (?,?,?,?)",
                      (device_key, researcher, fingerprint, now()))
            custody.append(c, "device.trust", None, device=fingerprint, researcher=researcher)

    def bind_device(self, device_key: str, researcher: str, fingerprint: str) -> None:
        """Bind a trusted device to a researcher code (accepted deliberately, or its first code)."""
        with self._tx() as c:
            row = c.execute("SELECT researcher FROM devices WHERE device_key = ?", (device_key,)).fetchone()
            if row is None or row[0] == researcher:
                return
            c.execute("UPDATE devices SET researcher = ? WHERE device_key = ?", (researcher, device_key))
            custody.append(c, "device.researcher", None, device=fingerprint, researcher=researcher, was=row[0])

    def record_exists(self, record_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is not None

    def attachment_hashes(self, record_id: str) -> set[str]:
        """SHA-256 of every attachment the record holds (as imported)."""
        with self._lock:
            return {r[0] for r in self.conn.execute("SELECT sha256 FROM attachments WHERE record_id = ?",
                                                    (record_id,))}

    def record_bundle_import(self, bundle_id: str, device: str, manifest_sha: str, include_identities: bool,
                             report: dict[str, Any], stored: dict[str, int]) -> None:
        """Inside the import's transaction: the bundle, the records it really stored, the custody entry."""
        with self._tx() as c:
            c.execute(
                "INSERT INTO bundles(bundle_id, direction, peer, created_at, manifest_sha256, include_identities,"
                " report_json) VALUES (?, 'in', ?, ?, ?, ?, ?)",
                (bundle_id, device, now(), manifest_sha, int(include_identities), json.dumps(report)))
            c.executemany("INSERT INTO bundle_records(bundle_id, record_id, rev, received) VALUES (?,?,?,1)",
                          [(bundle_id, rid, rev) for rid, rev in stored.items()])
            custody.append(c, "bundle.import", None, bundle=bundle_id, device=device,
                           added=report.get("records_added", 0), revisions=report.get("revisions_added", 0),
                           duplicates=report.get("duplicates_skipped", 0), manifest_sha256=manifest_sha)
