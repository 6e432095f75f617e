"""A whole session in a separate process whose temp, config, cache and data
folders all point into the test's folder: create a vault, save a record with
the canary in a narrative, an identity field and an attachment, search, lock,
reopen, read everything back, export a bundle."""

import io
import sys
from pathlib import Path

from desktop.core import cards
from desktop.core.bundle import export_bundle
from desktop.core.vault import Vault

vault_dir, source, canary = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
v, _ = Vault.create(vault_dir, "canary passphrase")
att = v.import_attachment(source)
rid = v.add_record("eyewitness_force", "1.0.0",
                   {"narrative": f"He told us {canary} was at the square"},
                   {"interviewee_name": canary, "phone": canary + " 0944 123 456"},
                   attachment_ids=[att.id], search_text=f"He told us {canary} was at the square")
v.save_draft("eyewitness_force", "1.0.0", {"narrative": f"draft {canary}"})
assert v.search(canary.split()[0])
v.lock()
v = Vault.unlock(vault_dir, "canary passphrase")
rec = v.get_record(rid, reveal=True)
assert canary in rec.public["narrative"] and rec.identity["interviewee_name"] == canary
buf = io.BytesIO()
v.read_attachment(att.id, buf)
assert canary.encode() in buf.getvalue()
hq, _, card = cards.init_hq(vault_dir.parent / "hq", "hq passphrase long", "HQ")
cards.trust_card(v, card.to_json().encode())


def view(vault, record_id, include):
    r = vault.get_record(record_id, reveal=True)
    return {"id": r.id, "form_id": r.form_id, "form_version": r.form_version, "rev": r.current_rev,
            "answers": r.public, "identity": r.identity if include else None}


export_bundle(v, card.fingerprint, vault_dir.parent / "out.tstm", view, include_identities=True,
              include_uncleaned=True)
v.lock()
hq.lock()
print("session ok")
