"""The duress decoy shows the device's identity but cannot sign as it (issue 10, item 14).

Whoever forces the duress passphrase out of a researcher holds the decoy and
everything in it. When the decoy kept the real device signing key, a bundle
exported from it (planted testimony, say) was accepted at headquarters as
the researcher's own.
"""

from __future__ import annotations


import pytest

from desktop.core import cards
from desktop.core.bundle import BundleError, export_bundle, import_bundle
from desktop.core.vault import Vault, decoy
from tests.bundle_kit import FIELD_PASS, simple_view

DURESS = "words said under duress at the checkpoint"


def test_a_coerced_export_from_the_decoy_is_refused_at_headquarters(pair):
    pair.field.set_meta("researcher_code", "R-07")
    pair.field.add_record("eyewitness", "1", {"narrative": "genuine"}, {})
    import_bundle(pair.hq, pair.export("genuine.tstm"), trust_new_device=True)
    real_key = pair.field.secret("device_signing_key")
    real_fp = cards.device_identity(pair.field)[1]
    pair.field.set_duress_passphrase(DURESS, current=FIELD_PASS)
    assert "device_signing_key" not in decoy.kit_contents(pair.field)  # the kit carries no private key
    folder = pair.field.path
    pair.field.lock()

    fake = Vault.unlock(folder, DURESS)  # the real vault is wiped; this is the decoy
    try:
        assert fake.count_records() == 0
        assert cards.device_identity(fake)[1] == real_fp  # the settings show the same device
        assert fake.meta("researcher_code") == "R-07"
        assert fake.secret("device_signing_key") != real_key
        fake.add_record("eyewitness", "1", {"narrative": "planted under duress"}, {})
        out = pair.tmp / "coerced.tstm"
        export_bundle(fake, pair.card.fingerprint, out, simple_view)  # the export itself looks normal
    finally:
        fake.lock()
    before = pair.digest()
    for kw in ({}, {"trust_new_device": True, "accept_changed_key": True}):
        with pytest.raises(BundleError, match="signature is not valid"):
            import_bundle(pair.hq, out, **kw)
    assert pair.digest() == before
    assert not any(r.public.get("narrative") == "planted under duress"
                   for r in (pair.hq.get_record(s.id) for s in pair.hq.list_records()))


def test_older_kits_give_the_decoy_only_the_public_key(pair):
    """A kit sealed before this change held the private key: the decoy takes only its public half."""
    from desktop.core.crypto import b64e, public_key_bytes

    key = pair.field.device_signing_key()
    legacy = {"device_signing_key": b64e(pair.field.secret("device_signing_key"))}
    assert decoy.device_public_key(legacy) == public_key_bytes(key)
    assert decoy.device_public_key({"device_public_key": b64e(public_key_bytes(key))}) == public_key_bytes(key)
    assert decoy.device_public_key(None) is None
