"""Import, first half: decrypt and verify everything, stage attachments (encrypted)."""

from __future__ import annotations

import os
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import x25519

from ..crypto import b64d
from ..streams import Producer, StageFailed
from ..vault import Cancelled, Vault
from .format import (
    MAX_AGE_HEADER,
    MAX_MANIFEST,
    PIPE_CHUNK,
    TAR_BUFFER,
    BundleError,
    CancelFn,
    ProgressFn,
    check_manifest,
    check_record,
    refuse,
    sha256_hex,
)
from .tarread import (
    CountingReader,
    HashingReader,
    SafeTarInfo,
    check_age_header,
    check_member,
    decrypt_error,
    read_member,
)


@dataclass
class Parsed:
    manifest: dict[str, Any]
    manifest_sha: str
    device_pub: bytes
    device_fp: str
    new_device: bool
    records: dict[str, dict[str, Any]]
    custody: bytes
    blobs: dict[str, str]  # sha256 -> staged blob name


DeviceCheck = Callable[[bytes, str | None], tuple[str, bool]]


def parse(vault: Vault, path: Path, identity: x25519.Identity, recipient: str, progress: ProgressFn | None,
          cancel: CancelFn | None, known_bundle: Callable[[str], bool], check_device: DeviceCheck) -> Parsed | str:
    """Decrypt and verify everything; stage attachments (encrypted) in the vault.

    ``recipient`` is this headquarters' fingerprint: the signed manifest must name it.
    ``check_device(device public key, researcher code)`` decides, right after the
    signature, whether the signer may deliver; it returns (fingerprint, is new).
    Returns the bundle id alone when the bundle was already imported.
    """
    try:
        src = open(path, "rb", buffering=PIPE_CHUNK)  # noqa: SIM115 - closed in parse's finally
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror}") from None
    try:
        total = os.fstat(src.fileno()).st_size
        check_age_header(src.read(MAX_AGE_HEADER))
        src.seek(0)
    except BaseException:
        src.close()
        raise
    counted = CountingReader(src, total, progress, cancel)
    # Decryption runs on its own thread and hands the tar stream over in memory;
    # each attachment is hashed in MiB pieces and re-encrypted into the vault here
    # while its writer thread flushes it to disk.
    pipe = Producer(lambda w: pyrage.decrypt_io(counted, w, [identity]))
    staged: dict[str, str] = {}
    try:
        try:
            tar = tarfile.open(  # noqa: SIM115 - a stream over the pipe, closed with it
                fileobj=pipe.reader, mode="r|", tarinfo=SafeTarInfo, bufsize=TAR_BUFFER)  # type: ignore[call-overload]
            members = iter(tar)
            first = next(members, None)
        except (tarfile.TarError, EOFError, OSError, StageFailed):
            first = None
            tar = None
        if first is None:
            pipe.close()
            raise decrypt_error(pipe.error) or refuse("it is empty or not a bundle")
        assert tar is not None
        check_member(first)
        if first.name != "manifest.json":
            raise refuse("the first member is not manifest.json")
        if first.size > MAX_MANIFEST:
            raise refuse(f"manifest.json is {first.size:,} bytes, far beyond any real manifest")
        manifest_bytes = read_member(tar, first, MAX_MANIFEST)
        manifest = check_manifest(manifest_bytes)
        sig = next(members, None)
        if sig is None or sig.name != "manifest.sig":
            raise refuse("manifest.sig is missing")
        check_member(sig)
        if sig.size != 64:
            raise refuse("manifest.sig is not an Ed25519 signature")
        signature = read_member(tar, sig, 64)
        try:
            device_pub = b64d(manifest["device_public_key"])
            Ed25519PublicKey.from_public_bytes(device_pub).verify(signature, manifest_bytes)
        except (InvalidSignature, ValueError):
            raise refuse("the manifest's signature is not valid (altered, or signed by another key)") from None
        named = manifest.get("recipient_fingerprint")
        if named != recipient:
            # Made for another headquarters and re-encrypted to this one: the signed manifest names its recipient.
            raise BundleError(code="bundle.other_headquarters", recipient=str(named)[:40], ours=recipient)
        if known_bundle(manifest["bundle_id"]):
            return str(manifest["bundle_id"])
        # Who signed it decides whether anything more is read: an unknown or
        # changed key is refused before a single member is staged.
        researcher = manifest.get("researcher") if isinstance(manifest.get("researcher"), str) else None
        device_fp, new_device = check_device(device_pub, researcher)

        expected = {f["name"]: f for f in manifest["files"]}
        seen: set[str] = set()
        records: dict[str, dict[str, Any]] = {}
        custody_bytes = b""
        for member in members:
            check_member(member)
            name = member.name
            if name in seen:
                raise refuse(f"member {name[:80]!r} appears twice")
            entry = expected.get(name)
            if entry is None:
                raise refuse(f"unexpected member {name[:80]!r} (not in the manifest)")
            seen.add(name)
            if member.size != entry["size"]:
                raise refuse(f"{name} is {member.size:,} bytes but the manifest says {entry['size']:,}")
            if name.startswith("attachments/"):
                f = tar.extractfile(member)
                assert f is not None
                reader = HashingReader(f, member.size)
                blob = vault.write_blob(reader, member.size)
                staged[entry["sha256"]] = blob
                if reader.size != member.size:
                    raise refuse(f"{name} is truncated")
                if reader.sha.hexdigest() != entry["sha256"]:
                    raise refuse(f"{name} does not match its hash in the manifest (altered)")
                continue
            data = read_member(tar, member, entry["size"])
            if sha256_hex(data) != entry["sha256"]:
                raise refuse(f"{name} does not match its hash in the manifest (altered)")
            if name == "custody.jsonl":
                custody_bytes = data
            else:
                records[name] = check_record(name, data)
        missing = set(expected) - seen
        if missing:
            raise refuse(f"{len(missing)} member(s) listed in the manifest are missing, e.g. {min(missing)}")
        # Drain: age must reach its authenticated end, nothing may follow (also
        # not in what tarfile read ahead past the end-of-archive block).
        rest = bytes(getattr(tar.fileobj, "buf", b"")) or pipe.reader.read(PIPE_CHUNK)
        while rest:
            if rest.strip(b"\x00"):
                raise refuse("data follows the last member")
            rest = pipe.reader.read(PIPE_CHUNK)
        pipe.close()
        if pipe.error is not None:
            raise decrypt_error(pipe.error) or refuse("decryption failed")
        return Parsed(manifest, sha256_hex(manifest_bytes), device_pub, device_fp, new_device,
                       {m["id"]: m for m in records.values()}, custody_bytes, staged)
    except BaseException as exc:
        pipe.close()
        for blob in staged.values():
            vault.remove_blob(blob)
        if isinstance(exc, (BundleError, Cancelled)):
            raise
        decrypt = decrypt_error(pipe.error)
        if decrypt is not None:
            raise decrypt from None
        if isinstance(exc, StageFailed):
            if isinstance(exc.error, Cancelled) or "Cancelled" in str(exc.error):
                raise Cancelled() from None
            raise refuse(f"it is damaged ({type(exc.error).__name__})") from None
        if isinstance(exc, (tarfile.TarError, EOFError, OSError, ValueError)):
            raise refuse(f"it is damaged ({type(exc).__name__})") from None
        raise
    finally:
        pipe.close()
        src.close()


