"""The bundle format: names, limits, the manifest and record checks, the results.

What a bundle may hold is decided here once; export writes it and import
checks against it (see the package docstring for the members).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import review
from ..vault import Vault, VaultError

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
ViewFn = Callable[[Vault, str, bool], dict[str, Any]]


class BundleError(VaultError):
    """A refused bundle; nothing was changed. ``str()`` is one line."""

    default_code = "bundle.refused"


DEVICE_CODES = {"new_device": "bundle.new_device", "changed_key": "bundle.changed_key",
                "changed_researcher": "bundle.changed_researcher",
                "claims_other_researcher": "bundle.claims_other_researcher"}


class DeviceRefused(BundleError):
    """Refused for who signed it: a device not seen before, or a known
    researcher with a changed key. The analyst may accept it deliberately."""

    def __init__(self, message: str, kind: str, fingerprint: str, known_fingerprint: str = "",
                 researcher: str | None = None, bound: str | None = None):
        super().__init__("Bundle refused: " + " ".join(message.split()), code=DEVICE_CODES[kind],
                         fingerprint=fingerprint, known_fingerprint=known_fingerprint,
                         researcher=researcher or "", bound=bound or "")
        # "new_device" | "changed_key" (acceptable deliberately); "changed_researcher" (a trusted
        # device under a new researcher code: acceptable deliberately); "claims_other_researcher"
        # (a trusted device signing as another known researcher: never)
        self.kind = kind
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

    def to_dict(self) -> dict[str, Any]:
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


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refuse(message: str) -> BundleError:
    return BundleError("Bundle refused: " + " ".join(message.split()))



def check_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise refuse("manifest.json is not valid JSON (or is nested absurdly deep)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse("manifest.json is not a Testimony manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise refuse(f"bundle format version {manifest.get('format_version')!r} is not supported")
    files = manifest.get("files")
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise refuse("manifest.json has no valid file list")
    seen = set()
    for f in files:
        if not isinstance(f, dict):
            raise refuse("manifest.json has a malformed file entry")
        name, sha, size = f.get("name"), f.get("sha256"), f.get("size")
        if not isinstance(name, str) or not (RECORD_NAME.fullmatch(name) or ATTACHMENT_NAME.fullmatch(name)
                                             or name == "custody.jsonl"):
            raise refuse(f"manifest lists an unexpected member {str(name)[:80]!r}")
        if name in seen:
            raise refuse(f"manifest lists {name} twice")
        seen.add(name)
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise refuse(f"manifest has no valid hash for {name}")
        limit = MAX_ATTACHMENT if name.startswith("attachments/") else (
            MAX_CUSTODY if name == "custody.jsonl" else MAX_RECORD)
        if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= limit:
            raise refuse(f"manifest declares an impossible size for {name}")
        m = ATTACHMENT_NAME.fullmatch(name)
        if m and m.group(1) != sha:
            raise refuse(f"{name} is not named by its hash")
    if "custody.jsonl" not in seen:
        raise refuse("manifest lists no custody log")
    if sum(f["size"] for f in files if not f["name"].startswith("attachments/")) > MAX_TEXT_TOTAL:
        raise refuse("its records and custody log together are far beyond any real bundle")
    if sum(f["size"] for f in files) > MAX_BUNDLE_TOTAL:
        raise refuse("it declares more data than any real bundle holds")
    for key in ("bundle_id", "device_public_key"):
        if not isinstance(manifest.get(key), str):
            raise refuse(f"manifest has no {key}")
    try:
        canonical = str(uuid.UUID(manifest["bundle_id"])) == manifest["bundle_id"]
    except ValueError:
        canonical = False
    if not canonical:
        raise refuse("manifest has a malformed bundle id")
    return manifest


def check_record(name: str, data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise refuse(f"{name} is not valid JSON (or is nested absurdly deep)") from None
    m = RECORD_NAME.fullmatch(name)
    assert m
    if not isinstance(doc, dict) or doc.get("id") != m.group(1):
        raise refuse(f"{name} does not describe record {m.group(1)}")
    if not isinstance(doc.get("form_id"), str) or not isinstance(doc.get("form_version"), str):
        raise refuse(f"{name} has no form")
    rev = doc.get("rev")
    if not isinstance(rev, int) or isinstance(rev, bool) or not 1 <= rev < 2**31:
        raise refuse(f"{name} has no valid revision number")
    if doc.get("created_at") is not None and not isinstance(doc["created_at"], str):
        raise refuse(f"{name} has a malformed creation date")
    if not isinstance(doc.get("answers"), dict):
        raise refuse(f"{name} has no answers")
    if doc.get("identity") is not None and not isinstance(doc["identity"], dict):
        raise refuse(f"{name} has a malformed identity part")
    if doc.get("redaction") is not None and doc["redaction"] not in ("reviewed", "automatic"):
        raise refuse(f"{name} has a malformed redaction state")
    if doc.get("review") is not None and not review.travelling_review_ok(doc["review"]):
        raise refuse(f"{name} has malformed review decisions")
    atts = doc.get("attachments", [])
    if not isinstance(atts, list):
        raise refuse(f"{name} has a malformed attachment list")
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
            raise refuse(f"{name} has a malformed attachment entry")
    return doc

