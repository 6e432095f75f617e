"""`testimony --self-test`: prove that this build's crypto, database and
storage work on this machine, without touching the user's vault."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path


def run() -> int:
    from .core.crypto import FLOOR
    from .core.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="testimony-selftest-"))
    vault_dir = folder / "vault"
    try:
        vault, _code = Vault.create(vault_dir, "self-test passphrase", kdf=FLOOR)
        payload = os.urandom(200_000)
        src = folder / "payload.bin"  # random bytes, not testimony
        src.write_bytes(payload)
        att = vault.import_attachment(src)
        src.unlink()
        rid = vault.add_record("self-test", "1", {"narrative": "self-test record"}, {"name": "nobody"},
                               attachment_ids=[att.id])
        vault.lock()
        vault = Vault.unlock(vault_dir, "self-test passphrase")
        rec = vault.get_record(rid, reveal=True)
        out = io.BytesIO()
        vault.read_attachment(att.id, out)
        problems = vault.check()
        vault.lock()
        ok = (rec.public == {"narrative": "self-test record"} and rec.identity == {"name": "nobody"}
              and out.getvalue() == payload and not problems)
    except Exception as exc:  # report any failure as a failed self-test
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if (vault_dir / "keyslots.json").exists():
            Vault.wipe(vault_dir)
        for p in folder.glob("*"):
            p.unlink()
        folder.rmdir()
    print("self-test passed" if ok else "self-test FAILED: data read back differs")
    return 0 if ok else 1
