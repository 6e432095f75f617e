"""Encrypted, signed bundles from the field to headquarters.

A bundle is an age-encrypted (pyrage) tar stream, so stock ``age -d | tar x``
opens it too. Members, in this order:

    manifest.json            format, bundle id, device key, files with SHA-256 and size
    manifest.sig             Ed25519 over the exact manifest bytes (device key)
    records/<uuid>.json      one per record (the revision being sent)
    attachments/<sha256>     attachment content (metadata-stripped by default)
    custody.jsonl            the sender's hash-chained custody log

Export streams end to end (attachments are decrypted from the vault straight
into the tar, the tar straight into age), writes to a temporary name and
renames only when complete. Import decrypts, checks every member name, type,
size and hash and the signature before anything is committed to the analyst
vault, then ingests in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tarfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyrage
import sqlcipher3
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import x25519

from . import cards, custody, review
from .crypto import b64d, b64e
from .custody import now
from .media.sniff import extension as media_extension
from .outputs import check_output, publish
from .streams import BackgroundWriter, Producer, StageFailed
from .vault import Cancelled, Vault, VaultError

if TYPE_CHECKING:
    from .forms import FormRegistry

FORMAT = "testimony-bundle"
FORMAT_VERSION = 1
SUFFIX = ".tstm"  # the one file name extension of bundles, in export and import alike
MAX_MANIFEST = 16 * 1024 * 1024
MAX_RECORD = 16 * 1024 * 1024
MAX_CUSTODY = 64 * 1024 * 1024
MAX_FILES = 200_000
MAX_ATTACHMENT = 1 << 40
MAX_BUNDLE_TOTAL = 1 << 40
MAX_TEXT_TOTAL = 512 * 1024 * 1024
MAX_EXTENDED_HEADER = 64 * 1024
# The age header is read by us before the library sees it: pyrage's parsing
# time grows with the square of the stanza count (8,000 stanzas: 8 s), and
# anyone holding the public card can make such a file. A bundle has one
# recipient; age implementations add at most a few "grease" stanzas.
AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_AGE_HEADER = 16 * 1024
MAX_AGE_STANZAS = 16
PIPE_CHUNK = 1024 * 1024
# tarfile's stream reader copies what is left of its buffer on every read, so a
# buffer much larger than a record (a few KiB) makes each small member cost a MiB copy.
TAR_BUFFER = 64 * 1024

RECORD_NAME = re.compile(r"^records/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$")
ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
ViewFn = Callable[[Vault, str, bool], dict]


class BundleError(VaultError):
    """A refused bundle; nothing was changed. ``str()`` is one line."""

    default_code = "bundle.refused"


class DeviceRefused(BundleError):
    """Refused for who signed it: a device not seen before, or a known
    researcher with a changed key. The analyst may accept it deliberately."""

    def __init__(self, message: str, kind: str, fingerprint: str, known_fingerprint: str = "",
                 researcher: str | None = None):
        super().__init__("Bundle refused: " + " ".join(message.split()),
                         code="bundle.new_device" if kind == "new_device" else "bundle.changed_key",
                         fingerprint=fingerprint, known_fingerprint=known_fingerprint,
                         researcher=researcher or "")
        self.kind = kind  # "new_device" | "changed_key"
        self.fingerprint = fingerprint
        self.known_fingerprint = known_fingerprint
        self.researcher = researcher


@dataclass
class ExportResult:
    bundle_id: str
    path: Path
    records: int
    attachments: int
    bytes: int
    skipped: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    bundle_id: str
    device: str
    researcher: str | None
    records_added: int = 0
    revisions_added: int = 0
    duplicates_skipped: int = 0
    attachments_added: int = 0
    refused: list[str] = field(default_factory=list)
    already_imported: bool = False
    custody_problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return self.__dict__.copy()

    def summary(self) -> str:
        text = (f"Bundle {self.bundle_id} from device {self.device}: {self.records_added} records added, "
                f"{self.revisions_added} revisions added, {self.duplicates_skipped} duplicates skipped, "
                f"{self.attachments_added} attachments added")
        if self.already_imported:
            text += " (this bundle was imported before; nothing changed)"
        for reason in self.refused:
            text += f"\n  refused: {reason}"
        for problem in self.custody_problems:
            text += f"\n  sender's custody log: {problem}"
        return text


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Counter:
    """A reader counting bytes (progress) and honouring cancel, checked once per MiB.

    pyrage reads 8 KiB at a time through Python calls: each must stay cheap.
    """

    def __init__(self, f: BinaryIO, total: int, progress: ProgressFn | None, cancel: CancelFn | None):
        self.f, self.total, self.progress, self.cancel = f, total, progress, cancel
        self.done = 0
        self._next_tick = 0

    def _tick(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, self.total)
        self._next_tick = self.done + PIPE_CHUNK

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.done += len(data)
        if self.done >= self._next_tick or not data:
            self._tick()
        return data


# ---------------------------------------------------------------- export


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

    members: list[tuple[str, bytes | tuple[str, int, str]]] = []
    skipped: list[str] = []
    attachments: dict[str, tuple[str, int, str]] = {}  # sha -> (attachment id, size, sha)
    reports: dict[str, dict] = {}  # sha -> cleaning report of that copy (carried in the manifest)
    revs: dict[str, int] = {}
    complete: dict[str, bool] = {}  # the whole record left: identities and every attachment's original
    form_versions: dict[str, set[str]] = {}
    for rid in ids:
        rec = vault.get_record(rid)
        doc = view(vault, rid, include_identities)
        doc_atts = []
        whole = include_identities
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
            faces_hidden = int(faces_doc.get("faces_hidden", len(faces_doc.get("boxes", [])))) if which == "faces" else 0
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
    custody_bytes = "".join(
        json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in vault.custody()
    ).encode()

    files = [{"name": name, "sha256": _sha(data), "size": len(data)} for name, data in members]  # type: ignore[arg-type]
    files += [{"name": f"attachments/{sha}", "sha256": sha, "size": size, "cleaning": reports.get(sha, {})}
              for sha, (_, size, _k) in attachments.items()]
    files.append({"name": "custody.jsonl", "sha256": _sha(custody_bytes), "size": len(custody_bytes)})
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
    stream = _TarStream(_tar_parts(vault, manifest_bytes, signature, members, attachments, custody_bytes),
                        total, progress, cancel)
    try:
        # Decrypting an attachment from the vault (its own thread), hashing and
        # building the tar stream, age encryption (here) and writing the bundle
        # with periodic flushes to disk (the writer's thread) overlap; bytes pass
        # between them in memory, never through a pipe or a temporary file.
        out_w = BackgroundWriter(fd)
        try:
            pyrage.encrypt_io(stream, out_w, [recipient])
        except BaseException:
            out_w.abandon()
            if stream.error is not None:  # the stream's own error explains it better
                raise stream.error from None
            raise
        finally:
            stream.close()
        out_w.close(fsync=True)
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
    manifest_sha = _sha(manifest_bytes)
    with vault.transaction() as c:
        c.execute(
            "INSERT INTO bundles(bundle_id, direction, peer, created_at, manifest_sha256, include_identities)"
            " VALUES (?, 'out', ?, ?, ?, ?)", (bundle_id, card.fingerprint, now(), manifest_sha, int(include_identities)))
        c.executemany("INSERT INTO bundle_records(bundle_id, record_id, rev, complete) VALUES (?,?,?,?)",
                      [(bundle_id, rid, rev, int(complete[rid])) for rid, rev in revs.items()])
        vault.mark_exported(revs, bundle_id)
        custody.append(c, "bundle.export", None, bundle=bundle_id, recipient=card.fingerprint,
                       records=revs, include_identities=include_identities,
                       include_uncleaned=include_uncleaned, manifest_sha256=manifest_sha,
                       automatic_redaction=manifest["automatic_redaction"])
    return ExportResult(bundle_id, out, len(revs), len(attachments), size, skipped)


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = 0  # no timestamps that say when the researcher worked
    return info


def _header(name: str, size: int) -> bytes:
    return _tarinfo(name, size).tobuf(tarfile.PAX_FORMAT, tarfile.ENCODING, "surrogateescape")


def _padding(size: int) -> bytes:
    return tarfile.NUL * (-size % tarfile.BLOCKSIZE)


def _tar_parts(vault: Vault, manifest_bytes: bytes, signature: bytes, members: list, attachments: dict,
               custody_bytes: bytes) -> Iterator[bytes]:
    """The bundle's tar stream, piece by piece, as ``tarfile.open(mode="w|")`` writes it
    (headers from ``TarInfo.tobuf``, members padded to blocks, two zero blocks and
    padding to a whole record at the end), without copying the content around."""
    offset = 0

    def member(name: str, data: bytes) -> Iterator[bytes]:
        nonlocal offset
        head, pad = _header(name, len(data)), _padding(len(data))
        offset += len(head) + len(data) + len(pad)
        yield head
        yield data
        yield pad

    yield from member("manifest.json", manifest_bytes)
    yield from member("manifest.sig", signature)
    for name, data in members:
        yield from member(name, data)
    for sha, (att_id, size, which) in attachments.items():
        head = _header(f"attachments/{sha}", size)
        yield head
        yield from _attachment_chunks(vault, att_id, sha, size, which)
        pad = _padding(size)
        yield pad
        offset += len(head) + size + len(pad)
    yield from member("custody.jsonl", custody_bytes)
    end = tarfile.NUL * (2 * tarfile.BLOCKSIZE)
    offset += len(end)
    yield end + tarfile.NUL * (-offset % tarfile.RECORDSIZE)


def _attachment_chunks(vault: Vault, att_id: str, sha: str, size: int, which: str) -> Iterator[bytes]:
    """An attachment (``which``: original, clean or faces copy) decrypted from the vault on its own
    thread, checked against its recorded hash."""
    producer = Producer(lambda w: vault.read_attachment(  # type: ignore[arg-type]
        att_id, w, cleaned=which == "clean", faces=which == "faces"))
    digest = hashlib.sha256()
    done = 0
    try:
        while data := producer.channel.get():
            done += len(data)
            if done > size:
                break
            digest.update(data)  # releases the GIL: the decryption goes on meanwhile
            yield data
    except StageFailed as exc:
        raise exc.error from None
    finally:
        producer.close()  # also on cancel or error: the decrypting thread must end here
    if done != size or digest.hexdigest() != sha:
        raise BundleError(f"Attachment {att_id} in the vault does not match its recorded hash; export stopped")


class _TarStream:
    """What pyrage encrypts: the tar stream read 8 KiB at a time, with progress and cancel."""

    def __init__(self, parts: Iterator[bytes], total: int, progress: ProgressFn | None, cancel: CancelFn | None):
        self._parts = parts
        self._cur = b""
        self._pos = 0
        self.total, self.progress, self.cancel = total, progress, cancel
        self.done = 0
        self._last = 0.0
        self.error: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        try:
            while self._pos >= len(self._cur):
                nxt = next(self._parts, None)
                if nxt is None:
                    return b""
                self._cur, self._pos = nxt, 0
                self._tick(len(nxt))
        except BaseException as exc:
            self.error = exc
            raise
        if n is None or n < 0:
            n = len(self._cur) - self._pos
        data = self._cur[self._pos:self._pos + n]
        self._pos += len(data)
        return data

    def _tick(self, n: int) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += n
        if self.progress is not None and (time.monotonic() - self._last > 0.05 or self.done >= self.total):
            self._last = time.monotonic()
            self.progress(min(self.done, self.total), self.total)

    def close(self) -> None:
        close = getattr(self._parts, "close", None)
        if close is not None:
            close()  # ends an attachment's decrypting thread if one is still running


class _HashingReader:
    """Reads a member in MiB pieces, hashes each (releasing the GIL) and serves pyrage's
    8 KiB reads from them."""

    def __init__(self, f: BinaryIO, limit: int):
        self.f, self.limit = f, limit
        self.sha = hashlib.sha256()
        self.size = 0
        self._cur = b""
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        if self._pos >= len(self._cur):
            self._cur = self.f.read(min(PIPE_CHUNK, self.limit - self.size))
            self._pos = 0
            self.sha.update(self._cur)
            self.size += len(self._cur)
        if n is None or n < 0:
            n = len(self._cur) - self._pos
        data = self._cur[self._pos:self._pos + n]
        self._pos += len(data)
        return data


# ---------------------------------------------------------------- import


@dataclass
class _Parsed:
    manifest: dict
    manifest_sha: str
    device_pub: bytes
    device_fp: str
    new_device: bool
    records: dict[str, dict]
    custody: bytes
    blobs: dict[str, str]  # sha256 -> staged blob name


def _refuse(message: str) -> BundleError:
    return BundleError("Bundle refused: " + " ".join(message.split()))


def _check_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _refuse("manifest.json is not valid JSON (or is nested absurdly deep)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse("manifest.json is not a Testimony manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise _refuse(f"bundle format version {manifest.get('format_version')!r} is not supported")
    files = manifest.get("files")
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise _refuse("manifest.json has no valid file list")
    seen = set()
    for f in files:
        if not isinstance(f, dict):
            raise _refuse("manifest.json has a malformed file entry")
        name, sha, size = f.get("name"), f.get("sha256"), f.get("size")
        if not isinstance(name, str) or not (RECORD_NAME.fullmatch(name) or ATTACHMENT_NAME.fullmatch(name)
                                             or name == "custody.jsonl"):
            raise _refuse(f"manifest lists an unexpected member {str(name)[:80]!r}")
        if name in seen:
            raise _refuse(f"manifest lists {name} twice")
        seen.add(name)
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise _refuse(f"manifest has no valid hash for {name}")
        limit = MAX_ATTACHMENT if name.startswith("attachments/") else (
            MAX_CUSTODY if name == "custody.jsonl" else MAX_RECORD)
        if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= limit:
            raise _refuse(f"manifest declares an impossible size for {name}")
        m = ATTACHMENT_NAME.fullmatch(name)
        if m and m.group(1) != sha:
            raise _refuse(f"{name} is not named by its hash")
    if "custody.jsonl" not in seen:
        raise _refuse("manifest lists no custody log")
    if sum(f["size"] for f in files if not f["name"].startswith("attachments/")) > MAX_TEXT_TOTAL:
        raise _refuse("its records and custody log together are far beyond any real bundle")
    if sum(f["size"] for f in files) > MAX_BUNDLE_TOTAL:
        raise _refuse("it declares more data than any real bundle holds")
    for key in ("bundle_id", "device_public_key"):
        if not isinstance(manifest.get(key), str):
            raise _refuse(f"manifest has no {key}")
    try:
        canonical = str(uuid.UUID(manifest["bundle_id"])) == manifest["bundle_id"]
    except ValueError:
        canonical = False
    if not canonical:
        raise _refuse("manifest has a malformed bundle id")
    return manifest


class _SafeTarInfo(tarfile.TarInfo):
    """Refuses oversized long-name and pax headers, which tarfile would read
    whole into memory before we see the member they describe."""

    def _proc_member(self, tf):  # type: ignore[override]
        if self.type in (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
                         tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE) and self.size > MAX_EXTENDED_HEADER:
            raise tarfile.HeaderError("extended header too large")
        return super()._proc_member(tf)


def _read_member(tar: tarfile.TarFile, member: tarfile.TarInfo, limit: int) -> bytes:
    f = tar.extractfile(member)
    assert f is not None
    data = f.read(limit + 1)
    if len(data) != member.size:
        raise _refuse(f"{member.name} is truncated")
    return data


def _check_member(member: tarfile.TarInfo) -> None:
    name = member.name
    if name.startswith("/") or ".." in name.split("/") or "\\" in name or any(ord(ch) < 32 for ch in name):
        raise _refuse(f"member name {name[:80]!r} tries to leave the bundle")
    if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.issparse():
        kind = ("a link" if member.issym() or member.islnk() else
                "a device file" if member.isdev() else "not a regular file")
        raise _refuse(f"member {name[:80]!r} is {kind}")


def _parse(vault: Vault, path: Path, identity: x25519.Identity, progress: ProgressFn | None,
           cancel: CancelFn | None, known_bundle: Callable[[str], bool], trust_new: bool,
           accept_changed: bool) -> _Parsed | str:
    """Decrypt and verify everything; stage attachments (encrypted) in the vault.

    Returns the bundle id alone when the bundle was already imported.
    """
    try:
        src = open(path, "rb", buffering=PIPE_CHUNK)  # noqa: SIM115 - closed in _parse's finally
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror}") from None
    try:
        total = os.fstat(src.fileno()).st_size
        _check_age_header(src.read(MAX_AGE_HEADER))
        src.seek(0)
    except BaseException:
        src.close()
        raise
    counted = _Counter(src, total, progress, cancel)
    # Decryption runs on its own thread and hands the tar stream over in memory;
    # each attachment is hashed in MiB pieces and re-encrypted into the vault here
    # while its writer thread flushes it to disk.
    pipe = Producer(lambda w: pyrage.decrypt_io(counted, w, [identity]))
    staged: dict[str, str] = {}
    try:
        try:
            tar = tarfile.open(  # noqa: SIM115 - a stream over the pipe, closed with it
                fileobj=pipe.reader, mode="r|", tarinfo=_SafeTarInfo, bufsize=TAR_BUFFER)  # type: ignore[call-overload]
            members = iter(tar)
            first = next(members, None)
        except (tarfile.TarError, EOFError, OSError, StageFailed):
            first = None
            tar = None
        if first is None:
            pipe.close()
            raise _decrypt_error(pipe.error) or _refuse("it is empty or not a bundle")
        assert tar is not None
        _check_member(first)
        if first.name != "manifest.json":
            raise _refuse("the first member is not manifest.json")
        if first.size > MAX_MANIFEST:
            raise _refuse(f"manifest.json is {first.size:,} bytes, far beyond any real manifest")
        manifest_bytes = _read_member(tar, first, MAX_MANIFEST)
        manifest = _check_manifest(manifest_bytes)
        sig = next(members, None)
        if sig is None or sig.name != "manifest.sig":
            raise _refuse("manifest.sig is missing")
        _check_member(sig)
        if sig.size != 64:
            raise _refuse("manifest.sig is not an Ed25519 signature")
        signature = _read_member(tar, sig, 64)
        try:
            device_pub = b64d(manifest["device_public_key"])
            Ed25519PublicKey.from_public_bytes(device_pub).verify(signature, manifest_bytes)
        except (InvalidSignature, ValueError):
            raise _refuse("the manifest's signature is not valid (altered, or signed by another key)") from None
        if known_bundle(manifest["bundle_id"]):
            return manifest["bundle_id"]
        # Who signed it decides whether anything more is read: an unknown or
        # changed key is refused before a single member is staged.
        researcher = manifest.get("researcher") if isinstance(manifest.get("researcher"), str) else None
        device_fp, new_device = _device_check(vault, device_pub, researcher, trust_new, accept_changed)

        expected = {f["name"]: f for f in manifest["files"]}
        seen: set[str] = set()
        records: dict[str, dict] = {}
        custody_bytes = b""
        for member in members:
            _check_member(member)
            name = member.name
            if name in seen:
                raise _refuse(f"member {name[:80]!r} appears twice")
            entry = expected.get(name)
            if entry is None:
                raise _refuse(f"unexpected member {name[:80]!r} (not in the manifest)")
            seen.add(name)
            if member.size != entry["size"]:
                raise _refuse(f"{name} is {member.size:,} bytes but the manifest says {entry['size']:,}")
            if name.startswith("attachments/"):
                f = tar.extractfile(member)
                assert f is not None
                reader = _HashingReader(f, member.size)
                blob = vault.write_blob(reader)
                staged[entry["sha256"]] = blob
                if reader.size != member.size:
                    raise _refuse(f"{name} is truncated")
                if reader.sha.hexdigest() != entry["sha256"]:
                    raise _refuse(f"{name} does not match its hash in the manifest (altered)")
                continue
            data = _read_member(tar, member, entry["size"])
            if _sha(data) != entry["sha256"]:
                raise _refuse(f"{name} does not match its hash in the manifest (altered)")
            if name == "custody.jsonl":
                custody_bytes = data
            else:
                records[name] = _check_record(name, data)
        missing = set(expected) - seen
        if missing:
            raise _refuse(f"{len(missing)} member(s) listed in the manifest are missing, e.g. {min(missing)}")
        # Drain: age must reach its authenticated end, nothing may follow (also
        # not in what tarfile read ahead past the end-of-archive block).
        rest = bytes(getattr(tar.fileobj, "buf", b"")) or pipe.reader.read(PIPE_CHUNK)
        while rest:
            if rest.strip(b"\x00"):
                raise _refuse("data follows the last member")
            rest = pipe.reader.read(PIPE_CHUNK)
        pipe.close()
        if pipe.error is not None:
            raise _decrypt_error(pipe.error) or _refuse("decryption failed")
        return _Parsed(manifest, _sha(manifest_bytes), device_pub, device_fp, new_device,
                       {m["id"]: m for m in records.values()}, custody_bytes, staged)
    except BaseException as exc:
        pipe.close()
        for blob in staged.values():
            vault.remove_blob(blob)
        if isinstance(exc, (BundleError, Cancelled)):
            raise
        decrypt = _decrypt_error(pipe.error)
        if decrypt is not None:
            raise decrypt from None
        if isinstance(exc, StageFailed):
            if isinstance(exc.error, Cancelled) or "Cancelled" in str(exc.error):
                raise Cancelled() from None
            raise _refuse(f"it is damaged ({type(exc.error).__name__})") from None
        if isinstance(exc, (tarfile.TarError, EOFError, OSError, ValueError)):
            raise _refuse(f"it is damaged ({type(exc).__name__})") from None
        raise
    finally:
        pipe.close()
        src.close()


def _check_age_header(head: bytes) -> None:
    """Bound the age header (size, stanza count) before the library parses it."""
    if not head.startswith(AGE_MAGIC):
        if head.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
            raise BundleError(code="bundle.age_armored")
        raise BundleError(code="bundle.not_age")
    end = head.find(b"\n--- ")
    if end == -1:
        raise BundleError(code="bundle.age_header_too_long", limit=f"{MAX_AGE_HEADER:,}")
    stanzas = head[:end].count(b"\n-> ")
    if stanzas > MAX_AGE_STANZAS:
        raise BundleError(code="bundle.age_too_many_recipients", count=f"{stanzas:,}", limit=MAX_AGE_STANZAS)


def _decrypt_error(error: BaseException | None) -> BundleError | None:
    if error is None or isinstance(error, BrokenPipeError):
        return None
    if isinstance(error, Cancelled) or "Cancelled" in str(error):
        return None
    text = " ".join(str(error).split())
    if "No matching keys" in text:
        return _refuse("it is not encrypted to this headquarters (another recipient)")
    return _refuse(f"it is damaged or was altered (decryption failed: {text[:80]})")


def _check_record(name: str, data: bytes) -> dict:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _refuse(f"{name} is not valid JSON (or is nested absurdly deep)") from None
    m = RECORD_NAME.fullmatch(name)
    assert m
    if not isinstance(doc, dict) or doc.get("id") != m.group(1):
        raise _refuse(f"{name} does not describe record {m.group(1)}")
    if not isinstance(doc.get("form_id"), str) or not isinstance(doc.get("form_version"), str):
        raise _refuse(f"{name} has no form")
    rev = doc.get("rev")
    if not isinstance(rev, int) or isinstance(rev, bool) or not 1 <= rev < 2**31:
        raise _refuse(f"{name} has no valid revision number")
    if doc.get("created_at") is not None and not isinstance(doc["created_at"], str):
        raise _refuse(f"{name} has a malformed creation date")
    if not isinstance(doc.get("answers"), dict):
        raise _refuse(f"{name} has no answers")
    if doc.get("identity") is not None and not isinstance(doc["identity"], dict):
        raise _refuse(f"{name} has a malformed identity part")
    if doc.get("redaction") is not None and doc["redaction"] not in ("reviewed", "automatic"):
        raise _refuse(f"{name} has a malformed redaction state")
    if doc.get("review") is not None and not review.travelling_review_ok(doc["review"]):
        raise _refuse(f"{name} has malformed review decisions")
    atts = doc.get("attachments", [])
    if not isinstance(atts, list):
        raise _refuse(f"{name} has a malformed attachment list")
    for att in atts:
        ok = (isinstance(att, dict) and isinstance(att.get("sha256"), str)
              and re.fullmatch(r"[0-9a-f]{64}", att["sha256"]) is not None
              and isinstance(att.get("size", 0), int) and not isinstance(att.get("size", 0), bool)
              and att.get("size", 0) >= 0
              and all(isinstance(att.get(k, ""), str) for k in ("mime", "kind", "filename", "cleaned"))
              and isinstance(att.get("removed", []), list)
              and all(isinstance(x, str) for x in att.get("removed", []))
              and isinstance(att.get("report", {}), dict))
        if not ok:
            raise _refuse(f"{name} has a malformed attachment entry")
    return doc


def _report(value: object) -> dict | None:
    """The sender's cleaning report, bounded and retyped (it is shown at headquarters)."""
    from .media import CleanReport

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
) -> ImportReport:
    """Verify a bundle completely, then ingest it in one transaction.

    ``registry`` (the installed forms) is loaded here when not given; a caller
    importing many bundles passes one to load the forms once."""
    if vault.mode != "analyst":
        raise BundleError("Bundles are imported into a headquarters (analyst) vault; this is a field vault")
    identity = x25519.Identity.from_str(vault.secret("hq_age_identity").decode())

    def known(bundle_id: str) -> bool:
        return vault.conn.execute(
            "SELECT 1 FROM bundles WHERE bundle_id = ? AND direction = 'in'", (bundle_id,)).fetchone() is not None

    parsed = _parse(vault, Path(path), identity, progress, cancel, known, trust_new_device, accept_changed_key)
    if isinstance(parsed, str):
        row = vault.conn.execute("SELECT report_json FROM bundles WHERE bundle_id = ?", (parsed,)).fetchone()
        before = json.loads(row[0]) if row and row[0] else {}
        report = ImportReport(parsed, before.get("device", ""), before.get("researcher"), already_imported=True)
        report.duplicates_skipped = vault.conn.execute(
            "SELECT count(*) FROM bundle_records WHERE bundle_id = ?", (parsed,)).fetchone()[0]
        return report
    try:
        return _ingest(vault, parsed, registry)
    except BundleError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError, sqlcipher3.Error) as exc:
        # Nothing was committed (one transaction); say so in one line.
        raise _refuse(f"its content is malformed ({type(exc).__name__}); nothing was imported") from None
    finally:
        blobs = list(parsed.blobs.values())
        used = {r[0] for chunk in range(0, len(blobs), 500) for r in vault.conn.execute(
            f"SELECT blob FROM attachments WHERE blob IN ({','.join('?' * len(blobs[chunk:chunk + 500]))})",  # noqa: S608
            blobs[chunk:chunk + 500])}
        for blob in blobs:
            if blob not in used:
                vault.remove_blob(blob)


def _known_records(c, ids: list[str]) -> set[str]:
    """Which of these record ids headquarters already holds (one query per 500)."""
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(r[0] for r in c.execute(
            f"SELECT id FROM records WHERE id IN ({','.join('?' * len(part))})", part))  # noqa: S608
    return out


def _custody_problems(data: bytes) -> list[str]:
    """Check the sender's hash chain (reported; the bundle's signature already covers it)."""
    try:
        items = [custody.CustodyEntry(**json.loads(line)) for line in data.decode().splitlines() if line.strip()]
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        return ["not readable"]
    return custody.verify_chain(items)


def _device_check(vault: Vault, device_pub: bytes, researcher: str | None, trust_new: bool,
                  accept_changed: bool) -> tuple[str, bool]:
    fp = cards.device_fingerprint(device_pub)
    key = b64e(device_pub)
    if vault.conn.execute("SELECT 1 FROM devices WHERE device_key = ?", (key,)).fetchone():
        return fp, False
    if researcher:
        old = vault.conn.execute("SELECT fingerprint FROM devices WHERE researcher = ?", (researcher,)).fetchone()
        if old and not accept_changed:
            raise DeviceRefused(
                f"researcher {researcher} is known with device {old[0]}, but this bundle is signed by "
                f"{fp}. Verify with the researcher before accepting a changed key (--accept-changed-key)",
                "changed_key", fp, old[0], researcher)
    if not trust_new and not accept_changed:
        raise DeviceRefused(f"it comes from a device not seen before (fingerprint {fp}). Compare the fingerprint "
                            f"with the researcher, then accept it (--trust-new-device)", "new_device", fp)
    return fp, True


def _ingest(vault: Vault, p: _Parsed, registry: FormRegistry | None = None) -> ImportReport:
    m = p.manifest
    researcher = m.get("researcher") if isinstance(m.get("researcher"), str) else None
    fp, new_device = p.device_fp, p.new_device
    stored: dict[str, int] = {}  # what this import really stored: the receipt confirms only these
    report = ImportReport(m["bundle_id"], fp, researcher)
    report.custody_problems = _custody_problems(p.custody)
    for rid, doc in p.records.items():
        for att in doc.get("attachments", []):
            if not isinstance(att, dict) or att.get("sha256") not in p.blobs:
                raise _refuse(f"record {rid} refers to an attachment that is not in the bundle")
    from .forms import FormRegistry
    from .records import _form_or_none, reindex_record, sender_index_text

    registry = registry or FormRegistry()
    raw = bool(m.get("include_identities"))
    with vault.transaction() as c:
        known = _known_records(c, list(p.records))
        if new_device:
            c.execute("INSERT INTO devices(device_key, researcher, fingerprint, first_seen) VALUES (?,?,?,?)",
                      (b64e(p.device_pub), researcher, fp, now()))
            custody.append(c, "device.trust", None, device=fp, researcher=researcher)
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
            have = {r[0] for r in c.execute("SELECT sha256 FROM attachments WHERE record_id = ?", (rid,))}
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
        c.execute(
            "INSERT INTO bundles(bundle_id, direction, peer, created_at, manifest_sha256, include_identities,"
            " report_json) VALUES (?, 'in', ?, ?, ?, ?, ?)",
            (m["bundle_id"], fp, now(), p.manifest_sha, int(bool(m.get("include_identities"))),
             json.dumps(report.to_dict())))
        c.executemany("INSERT INTO bundle_records(bundle_id, record_id, rev, received) VALUES (?,?,?,1)",
                      [(m["bundle_id"], rid, rev) for rid, rev in stored.items()])
        custody.append(c, "bundle.import", None, bundle=m["bundle_id"], device=fp,
                       added=report.records_added, revisions=report.revisions_added,
                       duplicates=report.duplicates_skipped, manifest_sha256=p.manifest_sha)
    return report

