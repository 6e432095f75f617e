"""Import, second half: who signed it, then everything in one transaction."""

from __future__ import annotations

import hashlib
import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from pyrage import x25519

from .. import cards, custody, review
from ..crypto import b64e
from ..vault import Vault
from .format import BundleError, CancelFn, DeviceRefused, ImportReport, ProgressFn, refuse
from .answers import check_records
from .parse import Parsed, parse

if TYPE_CHECKING:
    from ..forms import FormRegistry


def _report(value: object) -> dict[str, Any] | None:
    """The sender's cleaning report, bounded and retyped (it is shown at headquarters)."""
    from ..media import CleanReport

    if not isinstance(value, dict) or not value:
        return None
    return CleanReport.from_dict(value).to_dict()


def import_bundle(
    vault: Vault,
    path: Path,
    trust_new_device: bool = False,
    accept_changed_key: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    registry: FormRegistry | None = None,
    forms: FormRegistry | None = None,
    expect_device: str | None = None,
) -> ImportReport:
    """Verify a bundle completely, then ingest it in one transaction.

    ``expect_device``: the fingerprint the analyst was shown and accepted (a new
    device, a changed key or researcher code); a bundle signed by any other device
    is refused, so an acceptance never carries over to another file.

    ``registry`` (the installed forms) is loaded here when not given; a caller
    importing many bundles passes one to load the forms once. With ``forms``
    (both front ends pass the installed forms, through the services), every
    record's answers are checked against its form version first: an unknown
    form version or answer key refuses the whole bundle."""
    if vault.mode != "analyst":
        raise BundleError("Bundles are imported into a headquarters (analyst) vault; this is a field vault")
    identity = x25519.Identity.from_str(vault.secret("hq_age_identity").decode())

    ours = cards.hq_card(vault).fingerprint
    parsed = parse(vault, Path(path), identity, ours, progress, cancel, vault.bundle_imported,
                   partial(device_check, vault, trust_new=trust_new_device, accept_changed=accept_changed_key,
                           expect=expect_device))
    if isinstance(parsed, str):
        before, count = vault.imported_bundle_report(parsed)
        report = ImportReport(parsed, before.get("device", ""), before.get("researcher"), already_imported=True)
        report.duplicates_skipped = count
        return report
    try:
        if forms is not None:
            check_records(parsed.records, forms)
        return ingest(vault, parsed, registry)
    except BundleError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError, sqlcipher3.Error) as exc:
        # Nothing was committed (one transaction); say so in one line.
        raise refuse(f"its content is malformed ({type(exc).__name__}); nothing was imported") from None
    finally:
        blobs = list(parsed.blobs.values())
        used = vault.blobs_in_use(blobs)
        for blob in blobs:
            if blob not in used:
                vault.remove_blob(blob)


def custody_problems(data: bytes, summary: bool = False, records: set[str] | None = None) -> list[str]:
    """Check the sender's hash chain (reported; the bundle's signature already covers it).

    A redacted bundle carries a summary without the chain (see ``export.custody_for_bundle``):
    only its shape is checked, and that it speaks of the bundle's own records only.
    """
    if summary:
        try:
            lines = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
        except (ValueError, UnicodeDecodeError, RecursionError):
            return ["not readable"]
        if lines and all(isinstance(d, dict) and "hash" in d for d in lines):
            summary = False  # an older redacted bundle, which still carried the full chain
        elif not all(isinstance(d, dict) and isinstance(d.get("action"), str) and isinstance(d.get("day"), str)
                   and isinstance(d.get("details"), dict) for d in lines):
            return ["malformed summary entry"]
        elif records is not None and any(d.get("record_id") not in records for d in lines):
            return ["summary entry for a record not in the bundle"]
        else:
            return []
    try:
        items = [custody.CustodyEntry(**json.loads(line)) for line in data.decode().splitlines() if line.strip()]
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        return ["not readable"]
    return custody.verify_chain(items)


def device_check(vault: Vault, device_pub: bytes, researcher: str | None, *, trust_new: bool,
                 accept_changed: bool, expect: str | None = None) -> tuple[str, bool]:
    """Whether the signer may deliver: (its fingerprint, whether it is new). Runs right after
    the signature, before any other member is read. Accepting a changed key trusts the
    known researcher's new device, never a device of someone not seen before."""
    fp = cards.device_fingerprint(device_pub)
    if expect is not None and fp != expect:
        raise BundleError(code="bundle.other_device", fingerprint=fp, expected=expect)
    key = b64e(device_pub)
    known, bound = vault.device_researcher(key)
    if known:
        if researcher and researcher != bound:
            other = vault.researcher_device(researcher, other_than=key)
            if other is not None:
                # A trusted device must not sign in another known researcher's name.
                raise DeviceRefused(
                    f"device {fp} is registered for researcher {bound or '(none)'}, but this bundle claims "
                    f"researcher {researcher}, whose device is {other}", "claims_other_researcher", fp, other,
                    researcher, bound)
            if bound and not accept_changed:
                raise DeviceRefused(
                    f"device {fp} is registered for researcher {bound}, but this bundle claims researcher "
                    f"{researcher}. Verify with the researchers before accepting it (--accept-changed-key)",
                    "changed_researcher", fp, fp, researcher, bound)
        return fp, False
    if researcher:
        old = vault.researcher_device(researcher)
        if old and not accept_changed:
            raise DeviceRefused(
                f"researcher {researcher} is known with device {old}, but this bundle is signed by "
                f"{fp}. Verify with the researcher before accepting a changed key (--accept-changed-key)",
                "changed_key", fp, old, researcher)
        if old:
            return fp, True  # the known researcher's new device, accepted deliberately
    if not trust_new:
        raise DeviceRefused(f"it comes from a device not seen before (fingerprint {fp}). Compare the fingerprint "
                            f"with the researcher, then accept it (--trust-new-device)", "new_device", fp)
    return fp, True


def ingest(vault: Vault, p: Parsed, registry: FormRegistry | None = None) -> ImportReport:
    m = p.manifest
    researcher = m.get("researcher") if isinstance(m.get("researcher"), str) else None
    fp, new_device = p.device_fp, p.new_device
    stored: dict[str, int] = {}  # what this import really stored: the receipt confirms only these
    report = ImportReport(m["bundle_id"], fp, researcher)
    report.custody_problems = custody_problems(p.custody, summary=not m.get("include_identities"),
                                               records=set(p.records))
    for rid, doc in p.records.items():
        for att in doc.get("attachments", []):
            if not isinstance(att, dict) or att.get("sha256") not in p.blobs:
                raise refuse(f"record {rid} refers to an attachment that is not in the bundle")
    from ..forms import FormRegistry
    from ..records import _form_or_none, reindex_record, sender_index_text

    registry = registry or FormRegistry()
    raw = bool(m.get("include_identities"))
    with vault.transaction():
        known = vault.known_records(list(p.records))
        if new_device:
            vault.trust_device(b64e(p.device_pub), researcher, fp)
        elif researcher:  # a new code for a trusted device: its first, or accepted deliberately
            vault.bind_device(b64e(p.device_pub), researcher, fp)
        for rid, doc in sorted(p.records.items()):
            content = hashlib.sha256(json.dumps(
                [doc["answers"], doc.get("identity"), sorted(a["sha256"] for a in doc.get("attachments", []))],
                sort_keys=True, ensure_ascii=False).encode()).hexdigest()
            origin = {"bundle": m["bundle_id"], "device": fp, "researcher": researcher, "field_rev": doc["rev"],
                      "content": content}
            # Indexed in this transaction, from redacted text only: a sender's
            # redacted answers as they are; raw ones (a bundle with identities, a
            # form this installation lacks) redacted here first, once stored.
            form = None if raw or doc.get("identity") else _form_or_none(doc["form_id"], doc["form_version"], registry)
            text = sender_index_text(form, doc["answers"]) if form is not None else None
            if rid in known:
                origins = vault.revision_origins(rid)
                devices = {o.get("device") for o in origins}
                if devices and fp not in devices:
                    report.refused.append(f"record {rid} belongs to another device; not changed")
                    continue
                newest = max((o.get("field_rev", 0) for o in origins), default=0)
                if any(o.get("content") == content for o in origins) or newest > doc["rev"]:
                    # the same content again, or older than what headquarters holds
                    report.duplicates_skipped += 1
                    continue
                # a newer revision, or the same one with more in it (identities, attachments)
                vault.revise_record(rid, doc["answers"], doc.get("identity") or {}, origin=origin, search_text=text,
                                    redaction=review.field_review(doc))
                report.revisions_added += 1
                stored[rid] = doc["rev"]
            else:
                vault.add_record(doc["form_id"], doc["form_version"], doc["answers"], doc.get("identity") or {},
                                 record_id=rid, created_at=doc.get("created_at"), origin=origin,
                                 search_text=text, redaction=review.field_review(doc))
                report.records_added += 1
                stored[rid] = doc["rev"]
            if text is None:
                reindex_record(vault, rid, registry)
            if not doc.get("attachments"):
                continue
            have = vault.attachment_hashes(rid)
            for att in doc.get("attachments", []):
                if att["sha256"] in have:
                    continue
                vault.adopt_attachment(
                    rid, p.blobs[att["sha256"]], str(att.get("filename", "attachment"))[:200],
                    str(att.get("mime", "application/octet-stream"))[:100], str(att.get("kind", "other"))[:20],
                    int(att.get("size", 0)), att["sha256"], str(att.get("cleaned", "not_cleaned"))[:20],
                    [str(x)[:200] for x in att.get("removed", [])][:50],
                    _report(att.get("report")))
                have.add(att["sha256"])
                report.attachments_added += 1
        vault.record_bundle_import(m["bundle_id"], fp, p.manifest_sha, bool(m.get("include_identities")),
                                   report.to_dict(), stored)
    return report

