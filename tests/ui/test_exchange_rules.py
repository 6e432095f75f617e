"""Exchange rules shared by both front ends: receipts never overwrite a file, and
an import refused for its signer is told apart by the refusal's code, not its text."""

from __future__ import annotations

from desktop.core.bundle import BundleError, DeviceRefused
from desktop.core.services import exchange
from desktop.ui.analyst.import_dialog import classify_refusal
from desktop.ui.analyst.receipt_dialog import ReceiptDialog
from tests.cli import run

from .conftest import HQ_PASSPHRASE


def test_receipt_never_overwrites_a_file_in_window_or_cli(qtbot, hq_and_field):
    ns = hq_and_field
    report = exchange.import_bundle(ns.hq, ns.bundle, trust_new_device=True)
    taken = ns.tmp / "receipt.json"
    taken.write_bytes(b"keep me")
    dlg = ReceiptDialog(ns.hq)
    qtbot.addWidget(dlg)
    assert not dlg.write(report.bundle_id, taken)
    assert taken.read_bytes() == b"keep me"
    assert "already exists" in dlg.message.text()
    fresh = ns.tmp / "new-receipt.json"
    assert dlg.write(report.bundle_id, fresh) and fresh.stat().st_size > 0
    ns.hq.lock()
    r = run("hq", "receipt", report.bundle_id, "--out", str(taken), "--vault", str(ns.tmp / "hq"),
            env={"TESTIMONY_PASSPHRASE": HQ_PASSPHRASE})
    assert r.returncode == 1 and "already exists" in r.stderr
    assert taken.read_bytes() == b"keep me"


def test_device_refusals_are_read_from_their_parameters(translations):
    exc = DeviceRefused("worded any way at all", kind="changed_key", fingerprint="AAAA-BBBB-CCCC-DDDD",
                        known_fingerprint="EEEE-FFFF-GGGG-HHHH", researcher="R-07")
    r = classify_refusal(exc)
    assert (r.kind, r.fingerprint, r.known, r.researcher) == (
        "changed_key", "AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH", "R-07")
    new = classify_refusal(DeviceRefused("no fingerprint in this text", kind="new_device",
                                         fingerprint="JJJJ-KKKK-LLLL-MMMM"))
    assert (new.kind, new.fingerprint) == ("new_device", "JJJJ-KKKK-LLLL-MMMM")
    # text that looks like a device refusal is not one
    other = classify_refusal(BundleError("not seen before AAAA-BBBB-CCCC-DDDD"))
    assert other.kind == "other"
    translations.install("ar")
    assert any("\u0600" <= c <= "\u06ff" for c in classify_refusal(exc).message)
