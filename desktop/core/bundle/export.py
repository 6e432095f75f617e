"""Export: the records as they leave the laptop, signed, streamed into age."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pyrage import x25519

from .. import agechild, cards
from ..crypto import b64e
from ..custody import now
from ..media.sniff import extension as media_extension
from ..outputs import check_output, publish
from ..vault import Cancelled, Vault
from .format import FORMAT, FORMAT_VERSION, BundleError, CancelFn, ExportResult, ProgressFn, ViewFn, sha256_hex
from .tarwrite import TarStream, tar_parts

# Never in a redacted bundle's custody summary: hashes and sizes of files identify
# the original file to anyone who has it; origins name other bundles and devices.
CUSTODY_DROP = frozenset({"sha256", "clean_sha256", "size", "filename", "manifest_sha256", "origin"})


def custody_for_bundle(vault: Vault, record_ids: set[str], full: bool) -> bytes:
    """The custody log as it leaves the laptop.

    With identities (the whole record goes): the full hash-chained log. Without:
    a summary of the bundle's own records only, dates to the day, no hashes or
    sizes of files, in order but without sequence numbers (which would count
    everything else); the manifest's signature vouches for it instead of the chain.
    """
    if full:
        lines = [e.to_dict() for e in vault.custody()]
    else:
        lines = [{"day": e.ts[:10], "action": e.action, "record_id": e.record_id,
                  "details": {k: v for k, v in e.details.items() if k not in CUSTODY_DROP}}
                 for e in vault.custody() if e.record_id in record_ids]
    return "".join(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n" for d in lines).encode()


def pending_records(vault: Vault) -> list[str]:
    """Complete records not yet exported, or edited since their last export."""
    return [r.id for r in vault.list_records(limit=10_000_000, status="complete")]


def export_bundle(
    vault: Vault,
    to: str,
    out: Path,
    view: ViewFn,
    record_ids: list[str] | None = None,
    include_identities: bool = False,
    include_uncleaned: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    unreviewed: Sequence[str] = (),
) -> ExportResult:
    """Write a bundle for the recipient with fingerprint ``to``.

    ``view(vault, record_id, include_identities)`` returns the record as it
    leaves the laptop (redacted narratives, identities only when asked).
    ``unreviewed``: records whose narratives nobody reviewed, which the
    researcher chose to send with automatic redaction only (the rule is
    services.exchange.export's); the manifest and the custody log list them.
    """
    out = Path(out)
    card = cards.recipient(vault, to)
    check_output(out, BundleError)  # never over an existing file, never inside a vault
    ids = list(dict.fromkeys(record_ids)) if record_ids is not None else pending_records(vault)
    if not ids:
        raise BundleError("Nothing to export: every complete record has already been exported")
    bundle_id = str(uuid.uuid4())
    device_pub, device_fp = cards.device_identity(vault)

    members: list[tuple[str, bytes]] = []
    skipped: list[str] = []
    attachments: dict[str, tuple[str, int, str]] = {}  # sha -> (attachment id, size, sha)
    reports: dict[str, dict[str, Any]] = {}  # sha -> cleaning report of that copy (carried in the manifest)
    revs: dict[str, int] = {}
    complete: dict[str, bool] = {}  # the whole record left: identities and every attachment's original
    form_versions: dict[str, set[str]] = {}
    for rid in ids:
        rec = vault.get_record(rid)
        doc = view(vault, rid, include_identities)
        doc_atts = []
        whole = include_identities
        sha: str | None
        for n, att in enumerate(rec.attachments, 1):
            mime = att.mime
            if include_identities:
                # With identities the researcher sends the whole record: the originals.
                sha, size, which, label = att.sha256, att.size, "original", "original"
            elif att.cleaned and att.faces_sha256:
                # faces hidden on request: the default bundle carries that copy, never the faces
                sha, size, which, label = att.faces_sha256, int(att.faces_size or 0), "faces", "cleaned"
                mime = str((att.faces or {}).get("mime") or att.clean_mime or att.mime)  # video: re-encoded
            elif att.cleaned:
                sha, size, which, label = att.clean_sha256, int(att.clean_size or 0), "clean", "cleaned"
                mime = att.clean_mime or att.mime
            elif include_uncleaned and att.clean_status == "partial" and att.clean_sha256:
                # the partly cleaned copy: less left in it than in the original, never labelled cleaned
                sha, size, which, label = att.clean_sha256, int(att.clean_size or 0), "clean", "partial"
                mime = att.clean_mime or att.mime
            elif include_uncleaned:
                sha, size, which, label = att.sha256, att.size, "original", "not_cleaned"
            else:
                skipped.append(f"{rid}: attachment {n} left out: its metadata could not be removed "
                               f"({att.clean_reason or att.clean_status})")
                whole = False
                continue
            assert sha is not None
            attachments.setdefault(sha, (att.id, size, which))
            faces_doc = att.faces or {}
            faces_hidden = (int(faces_doc.get("faces_hidden", len(faces_doc.get("boxes", []))))
                            if which == "faces" else 0)
            reports[sha] = {"sent": label, **(att.report or {}), **({"faces_hidden": faces_hidden} if which == "faces"
                                                                    else {})}
            ext = Path(att.filename).suffix.lower()[:8]
            if mime != att.mime:  # an honest conversion (HEIC sent as JPEG): the copy's own extension
                ext = ((faces_doc.get("ext") if which == "faces" else None) or (att.report or {}).get("clean_ext")
                       or media_extension(mime) or ext)
            doc_atts.append({
                "sha256": sha, "size": size, "mime": mime, "kind": att.kind,
                "cleaned": label,
                "removed": att.removed if label in ("cleaned", "partial") else [],
                "report": att.report or {},
                **({"faces_hidden": faces_hidden} if which == "faces" else {}),
                "filename": att.filename if include_identities else f"attachment-{n}{ext}",
            })
        doc["attachments"] = doc_atts
        revs[rid] = rec.current_rev
        complete[rid] = whole
        form_versions.setdefault(rec.form_id, set()).add(rec.form_version)
        members.append((f"records/{rid}.json", json.dumps(doc, ensure_ascii=False, indent=1).encode()))
    custody_bytes = custody_for_bundle(vault, set(revs), include_identities)

    files: list[dict[str, Any]] = [{"name": name, "sha256": sha256_hex(data), "size": len(data)}
                                   for name, data in members]
    files += [{"name": f"attachments/{sha}", "sha256": sha, "size": size, "cleaning": reports.get(sha, {})}
              for sha, (_, size, _k) in attachments.items()]
    files.append({"name": "custody.jsonl", "sha256": sha256_hex(custody_bytes), "size": len(custody_bytes)})
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "created_at": now(),
        "device_public_key": b64e(device_pub),
        "device_fingerprint": device_fp,
        "researcher": vault.meta("researcher_code"),
        "recipient_fingerprint": card.fingerprint,
        "form_versions": {k: sorted(v) for k, v in sorted(form_versions.items())},
        "redaction_level": "identities-included" if include_identities else "redacted",
        "include_identities": include_identities,
        "include_uncleaned": include_uncleaned,
        # sent with automatic redaction only, by the researcher's explicit choice
        "automatic_redaction": sorted(set(unreviewed) & set(revs)),
        "records": revs,
        "files": files,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    signature = vault.device_signing_key().sign(manifest_bytes)
    total = sum(f["size"] for f in files) + len(manifest_bytes) + len(signature)

    part = out.with_name(out.name + ".part")
    recipient = x25519.Recipient.from_str(card.age_recipient)
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BundleError(f"{part} exists (an export in progress?); remove it or choose another name") from None
    except OSError as exc:
        raise BundleError(f"Cannot write {out}: {exc.strerror}") from None
    stream = TarStream(tar_parts(vault, manifest_bytes, signature, members, attachments, custody_bytes),
                        total, progress, cancel)
    try:
        # Decrypting an attachment from the vault (its own thread), hashing and
        # building the tar stream, age encryption and writing the bundle with
        # periodic flushes to disk overlap. A large bundle goes through a pipe to
        # a child process that encrypts and writes it on the other core
        # (agechild.py); a small one is encrypted here and written by the
        # writer's thread. Nothing passes through a temporary file.
        try:
            agechild.encrypt_to(fd, stream, recipient, total)
        except agechild.EncryptFailed as exc:
            raise BundleError(f"Could not write the bundle: {exc}") from None
        except BaseException:
            if stream.error is not None:  # the stream's own error explains it better
                raise stream.error from None
            raise
        finally:
            stream.close()
        os.close(fd)
        fd = -1
        publish(part, out, BundleError)
    except BaseException as exc:
        if fd >= 0:
            os.close(fd)
        part.unlink(missing_ok=True)
        if isinstance(exc, (BundleError, Cancelled)):
            raise
        if isinstance(exc, OSError):
            raise BundleError(f"Cannot write {out}: {exc.strerror or exc}") from None
        raise
    size = out.stat().st_size
    manifest_sha = sha256_hex(manifest_bytes)
    with vault.transaction():
        vault.record_bundle_export(bundle_id, card.fingerprint, manifest_sha, include_identities, include_uncleaned,
                                   revs, complete, automatic_redaction=sorted(set(unreviewed) & set(revs)))
        vault.mark_exported(revs, bundle_id)
    return ExportResult(bundle_id, out, len(revs), len(attachments), size, skipped)


