"""Benchmark of bundle export and import: 1,000 records with 2 GiB of attachments.

Run explicitly (the normal suite does not collect ``bench_*.py``):

    .venv/bin/python -m pytest tests/benchmarks/bench_bundle.py -q -s -p no:cacheprovider

BENCH_BUNDLE_MIB scales the attachment total (default 2048; BENCH_SCALE=smoke: 64 MiB
and 100 records). Export and import
each run in a child process so that their peak memory (VmHWM) is their own.
The reference is `tar -c | age -e` (export) and `age -d | tar -x` (import) over
the same plaintext, measured in the same run. Nothing is asserted on time.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from desktop.core.forms import FormRegistry
from tests.benchmarks.conftest import Report, interviews, mib, scale
from tests.hq_kit import FORMS, acts, narrative_fields

pytestmark = pytest.mark.benchmark
ROOT = Path(__file__).resolve().parents[2]
MiB = 2**20
RECORDS = scale(1000, 50)
FILES = 16

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from functools import partial
    from desktop.core.vault import Vault
    from desktop.core.bundle import export_bundle, import_bundle
    from tests.bundle_kit import simple_view
    what, vault_dir, passphrase, arg1, arg2 = sys.argv[1:6]
    v = Vault.unlock(vault_dir, passphrase)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    c = ru.ru_utime + ru.ru_stime
    t = time.perf_counter()
    if what == "export":
        r = export_bundle(v, arg1, Path(arg2), simple_view, include_uncleaned=True)
        info = {"records": r.records, "attachments": r.attachments, "bytes": r.bytes}
    else:
        r = import_bundle(v, Path(arg1), trust_new_device=True)
        info = {"records": r.records_added, "attachments": r.attachments_added}
    info["seconds"] = time.perf_counter() - t
    ru = resource.getrusage(resource.RUSAGE_SELF)
    info["cpu"] = ru.ru_utime + ru.ru_stime - c
    v.lock()
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            info["peak_kib"] = int(line.split()[1])
    print(json.dumps(info))
""")


def child(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, env=env, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def _pipe(first: list[str], second: list[str]) -> None:
    """``first | second`` as a shell runs it (both at once, through a pipe), without a shell."""
    producer = subprocess.Popen(first, stdout=subprocess.PIPE)
    assert producer.stdout is not None
    try:
        subprocess.run(second, stdin=producer.stdout, check=True)
    finally:
        producer.stdout.close()
        producer.wait()
    if producer.returncode:
        raise subprocess.CalledProcessError(producer.returncode, first)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def test_bundle_export_import(tmp_path: Path, report: Report):
    from desktop.core import cards
    from desktop.core.crypto import FLOOR
    from desktop.core.vault import Vault

    if shutil.which("age") is None:
        pytest.skip("Debian's age is needed for the reference")
    total = int(os.environ.get("BENCH_BUNDLE_MIB", scale("2048", "32"))) * MiB
    per_file = total // FILES
    plain = tmp_path / "plain"
    plain.mkdir()
    block = os.urandom(MiB)
    for i in range(FILES):
        with open(plain / f"clip{i:02d}.mp4x", "wb") as f:
            # every MiB unique: no file deduplicates
            f.writelines(os.urandom(32) + block[32:] for n in range(per_file // MiB))
    field, _ = Vault.create(tmp_path / "field", "field bench", kdf=FLOOR)
    hq, _, card = cards.init_hq(tmp_path / "hq", "hq bench passphrase", "HQ", kdf=FLOOR)
    cards.trust_card(field, card.to_json().encode())
    t = time.perf_counter()
    atts = [field.import_attachment(p).id for p in sorted(plain.iterdir())]
    t_fill_att = time.perf_counter() - t
    # Records on the installed forms, as a researcher's are: headquarters indexes the
    # sender's redacted answers as they come (an unknown form would be redacted again
    # there, which is bench_redaction's cost, not the bundle's).
    fields = narrative_fields(FormRegistry())
    rng = random.Random(5)
    for i, (public, identity) in enumerate(interviews(RECORDS)):
        form_id = FORMS[i % len(FORMS)]
        version, field_id = fields[form_id]
        answers = {field_id: public["narrative"], "acts": acts(rng, malformed=False),
                   "interview_language": rng.choice(["ar", "ku", "en"]),
                   "interview_mode": rng.choice(["in_person", "phone", "secure_messaging"])}
        field.add_record(form_id, version, answers, identity, attachment_ids=[atts[i]] if i < FILES else [])
    field.lock()
    hq_identity = hq.secret("hq_age_identity").decode()
    hq.lock()
    (plain / "records.json").write_text(json.dumps([p for p, _ in interviews(RECORDS)]))

    bundle = tmp_path / "out.tstm"
    exp = child("export", str(tmp_path / "field"), "field bench", card.fingerprint, str(bundle))
    ref_out = tmp_path / "ref.age"
    t = time.perf_counter()
    _pipe(["tar", "-c", "-C", str(plain), "."], ["age", "-e", "-r", card.age_recipient, "-o", str(ref_out)])
    t_ref_exp = time.perf_counter() - t
    _fsync(ref_out)  # the bundle is on the disk when export returns: the reference, too
    t_ref_exp_sync = time.perf_counter() - t

    imp = child("import", str(tmp_path / "hq"), "hq bench passphrase", str(bundle), "-")
    key = tmp_path / "hq.key"
    key.write_text(hq_identity + "\n")
    out = tmp_path / "ref-x"
    out.mkdir()
    t = time.perf_counter()
    _pipe(["age", "-d", "-i", str(key), str(ref_out)], ["tar", "-x", "-C", str(out)])
    t_ref_imp = time.perf_counter() - t
    for p in out.rglob("*"):  # the vault's copies are on the disk when import returns
        if p.is_file():
            _fsync(p)
    t_ref_imp_sync = time.perf_counter() - t

    # The age library alone (pyrage, in this process): one encryption and one decryption
    # of every attachment, in memory. The vault's attachments are age files too, so an
    # export decrypts and encrypts each byte once, an import the same: the least any
    # export or import built on this library can take, whatever the pipeline.
    ident = x25519.Identity.from_str(hq_identity)
    t_enc = t_dec = 0.0
    for f in sorted(plain.glob("clip*")):
        data = f.read_bytes()
        t = time.perf_counter()
        sealed = pyrage.encrypt(data, [ident.to_public()])
        t_enc += time.perf_counter() - t
        t = time.perf_counter()
        pyrage.decrypt(sealed, [ident])
        t_dec += time.perf_counter() - t
        del data, sealed

    report(f"records: {RECORDS}, attachments: {FILES} x {mib(per_file).strip()} = {mib(FILES * per_file).strip()}")
    report(f"(fill: attachments imported into the field vault in {t_fill_att:.1f} s)")
    report(f"export: {exp['seconds']:7.2f} s  ({exp['bytes'] / exp['seconds'] / MiB:7.1f} MiB/s), "
           f"peak memory {exp['peak_kib'] / 1024:6.1f} MiB, CPU {exp['cpu']:.2f} s "
           f"({exp['cpu'] / exp['seconds']:.2f} cores busy; 2 = both cores, below 1 = waiting for the machine)")
    report(f"  reference tar -c | age -e: {t_ref_exp:7.2f} s   ratio {exp['seconds'] / t_ref_exp:5.2f}x;"
           f" with fsync of its output: {t_ref_exp_sync:7.2f} s   ratio {exp['seconds'] / t_ref_exp_sync:5.2f}x")
    report(f"import: {imp['seconds']:7.2f} s, {imp['records']} records, {imp['attachments']} attachments, "
           f"peak memory {imp['peak_kib'] / 1024:6.1f} MiB, CPU {imp['cpu']:.2f} s "
           f"({imp['cpu'] / imp['seconds']:.2f} cores busy)")
    report(f"  reference age -d | tar -x: {t_ref_imp:7.2f} s   ratio {imp['seconds'] / t_ref_imp:5.2f}x;"
           f" with fsync of its files: {t_ref_imp_sync:7.2f} s   ratio {imp['seconds'] / t_ref_imp_sync:5.2f}x")
    report(f"  pyrage alone, attachments in memory: encrypt {t_enc:5.2f} s + decrypt {t_dec:5.2f} s = "
           f"{t_enc + t_dec:5.2f} s ({FILES * per_file / MiB / (t_enc + t_dec):6.1f} MiB/s, one after the other):"
           f" export {exp['seconds'] / (t_enc + t_dec):5.2f}x, import {imp['seconds'] / (t_enc + t_dec):5.2f}x of it")
    assert exp["records"] == RECORDS and imp["records"] == RECORDS
    assert exp["peak_kib"] < 200 * 1024 and imp["peak_kib"] < 200 * 1024  # constant memory, not a timing
