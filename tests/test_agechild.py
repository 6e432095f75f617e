"""Large attachments are encrypted by a child process (desktop/core/agechild.py): what it
stores decrypts to the same bytes, and its failure, a cancel or its absence lose nothing."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from desktop.core import agechild
from desktop.core.bundle import BundleError, import_bundle
from desktop.core.vault.types import BLOBS, Cancelled, VaultError
from tests.bundle_kit import make_pair
from tests.media_kit import CANARY, video


@pytest.fixture
def pair(tmp_path: Path):
    p = make_pair(tmp_path)
    yield p
    for v in (p.field, p.hq):
        if not v.is_locked:
            v.lock()


@pytest.fixture
def field(pair):
    return pair.field


@pytest.fixture
def children(monkeypatch):
    """Every attachment goes through the child process; the list counts the children started."""
    started: list[agechild.EncryptProcess] = []
    real = agechild.EncryptProcess.__init__

    def counting(self, fd, recipient):
        real(self, fd, recipient)
        started.append(self)

    monkeypatch.setattr(agechild, "MIN_SIZE", 0)
    monkeypatch.setattr(agechild.EncryptProcess, "__init__", counting)
    return started


# What a stand-in child runs first: it says it is ready, as agechild.child_main does.
READY = f"import os; os.write(1, {agechild.READY!r}); "


def _blob_files(vault) -> list[str]:
    return sorted(p.name for p in (vault.path / BLOBS).iterdir())


def test_the_child_encrypts_to_the_recipient_only(tmp_path):
    ident = x25519.Identity.generate()
    plain = os.urandom(3 * agechild.CHUNK + 17)
    path = tmp_path / "blob.part"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    child = agechild.EncryptProcess(fd, ident.to_public())
    os.close(fd)
    view = memoryview(plain)
    for i in range(0, len(plain), 100_000):
        child.write(view[i:i + 100_000])
    child.close()
    sealed = path.read_bytes()
    assert plain[:4096] not in sealed
    assert pyrage.decrypt(sealed, [ident]) == plain
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(sealed, [x25519.Identity.generate()])


def test_a_video_imported_through_the_child_reads_back_whole_and_cleaned(field, tmp_path, children):
    src = video(tmp_path / "clip.mp4")
    att = field.import_attachment(src)
    assert len(children) == 2  # the original and the cleaned copy
    assert att.clean_status == "cleaned"
    original, cleaned = io.BytesIO(), io.BytesIO()
    field.read_attachment(att.id, original)
    field.read_attachment(att.id, cleaned, cleaned=True)
    assert original.getvalue() == src.read_bytes()
    assert CANARY.encode() not in cleaned.getvalue() and len(cleaned.getvalue()) == att.clean_size
    assert not [n for n in _blob_files(field) if n.endswith(".part")]


def test_a_failing_child_stores_nothing_and_says_why(field, tmp_path, children, monkeypatch):
    src = tmp_path / "data.bin"
    src.write_bytes(os.urandom(2 * agechild.CHUNK))
    before = _blob_files(field)
    failing = [sys.executable, "-c", READY + "import sys; sys.stdin.buffer.read(1000); "
               "print('No space left on device', file=sys.stderr); sys.exit(1)"]
    monkeypatch.setattr(agechild, "command", lambda fd: failing)
    with pytest.raises(VaultError, match="No space left on device"):
        field.import_attachment(src)
    assert _blob_files(field) == before


def test_a_cancel_stops_the_child_and_leaves_no_file(field, tmp_path, children):
    src = tmp_path / "data.bin"
    src.write_bytes(os.urandom(24 * agechild.CHUNK))
    before = _blob_files(field)
    with pytest.raises(Cancelled):
        field.import_attachment(src, cancel=lambda: True)
    assert _blob_files(field) == before
    assert children and all(c._proc.returncode is not None for c in children)


def test_without_a_child_the_vault_encrypts_in_process(field, tmp_path, children, monkeypatch):
    monkeypatch.setattr(agechild, "command", lambda fd: [str(tmp_path / "no-such-program")])
    src = video(tmp_path / "clip.mp4")
    att = field.import_attachment(src)
    original = io.BytesIO()
    field.read_attachment(att.id, original)
    assert original.getvalue() == src.read_bytes() and att.clean_status == "cleaned"
    assert children == []


def test_a_child_that_starts_but_cannot_work_is_replaced_by_encrypting_here(field, tmp_path, children,
                                                                              monkeypatch):
    # a child whose imports fail (a broken install) never says it is ready: nothing was read
    # from the file yet, so the vault encrypts in process and the import succeeds
    monkeypatch.setattr(agechild, "command", lambda fd: [sys.executable, "-c", "import no_such_module_here"])
    src = video(tmp_path / "clip.mp4")
    att = field.import_attachment(src)
    original = io.BytesIO()
    field.read_attachment(att.id, original)
    assert original.getvalue() == src.read_bytes() and att.clean_status == "cleaned"
    assert children == [] and not [n for n in _blob_files(field) if n.endswith(".part")]


def test_a_child_that_never_says_it_is_ready_is_stopped_and_named(tmp_path, monkeypatch):
    monkeypatch.setattr(agechild, "READY_TIMEOUT", 0.5)
    monkeypatch.setattr(agechild, "command", lambda fd: [sys.executable, "-c", "import time; time.sleep(60)"])
    fd = os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        exc = _within(20, lambda: agechild.EncryptProcess(fd, x25519.Identity.generate().to_public()))
    finally:
        os.close(fd)
    assert isinstance(exc, agechild.EncryptFailed) and "did not say it was ready" in str(exc)
    assert (tmp_path / "blob.part").read_bytes() == b""


def test_a_full_disk_is_named_as_such(tmp_path):
    # the real child, writing into a file that refuses more bytes as a full disk does
    # (/dev/full answers every write with ENOSPC)
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        child = agechild.EncryptProcess(fd, x25519.Identity.generate().to_public())
    finally:
        os.close(fd)

    def feed() -> None:
        for _ in range(64):
            child.write(b"x" * agechild.CHUNK)
        child.close()

    exc = _within(30, feed)
    assert isinstance(exc, agechild.EncryptFailed) and str(exc) == agechild.DISK_FULL


def test_a_bundle_sealed_by_the_child_opens_at_headquarters(pair, tmp_path, children):
    src = video(tmp_path / "clip.mp4")
    att = pair.field.import_attachment(src)
    rid = pair.field.add_record("eyewitness", "1", {"narrative": "They fired"}, {"name": "Hidden Witness"},
                                attachment_ids=[att.id])
    before = len(children)
    bundle = pair.export()
    assert len(children) == before + 1  # the bundle itself
    report = import_bundle(pair.hq, bundle, trust_new_device=True)
    assert report.records_added == 1 and len(children) == before + 2  # and its attachment at headquarters
    got = pair.hq.get_record(rid)
    sent, received = io.BytesIO(), io.BytesIO()
    pair.field.read_attachment(att.id, sent, cleaned=True)
    pair.hq.read_attachment(got.attachments[0].id, received)
    assert received.getvalue() == sent.getvalue()


def test_a_bundle_the_child_failed_to_seal_leaves_no_file(pair, tmp_path, children, monkeypatch):
    pair.field.add_record("eyewitness", "1", {"narrative": "They fired"}, {"name": "Hidden Witness"})
    failing = [sys.executable, "-c", READY + "import sys; print('Input/output error', file=sys.stderr); sys.exit(1)"]
    monkeypatch.setattr(agechild, "command", lambda fd: failing)
    with pytest.raises(BundleError, match="Input/output error"):
        pair.export()
    assert sorted(p.name for p in tmp_path.glob("b.tstm*")) == []
    assert pair.field.list_records()[0].status != "exported"


def _sealing(tmp_path: Path, argv: list[str], monkeypatch) -> agechild.EncryptProcess:
    monkeypatch.setattr(agechild, "command", lambda fd: argv)
    fd = os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        return agechild.EncryptProcess(fd, x25519.Identity.generate().to_public())
    finally:
        os.close(fd)


def _within(seconds: float, fn):
    """fn()'s exception (or None), failing the test if it has not returned in time."""
    import threading

    box: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            box.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert box, f"still blocked after {seconds} s"
    return box[0]


def test_a_child_that_floods_its_stderr_does_not_hang_the_parent(tmp_path, monkeypatch):
    flood = [sys.executable, "-c", READY + "import sys; sys.stderr.write('noise ' * 100_000 + '\\nOSError: why'); "
             "sys.exit(1)"]
    child = _sealing(tmp_path, flood, monkeypatch)
    exc = _within(20, lambda: child.write(b"x" * (8 * agechild.CHUNK)))  # the child reads nothing
    assert isinstance(exc, agechild.EncryptFailed) and str(exc).endswith("OSError: why")
    exc = _within(20, child.close)  # and the same failure again, not another error
    assert isinstance(exc, agechild.EncryptFailed) and str(exc).endswith("OSError: why")


def test_a_child_that_closes_its_input_before_saying_why_is_heard(tmp_path, monkeypatch):
    # as a child that meets a full disk does: the pipe closes, then the reason is written
    slow = [sys.executable, "-c", READY + "import os, sys, time; os.close(0); time.sleep(0.5); "
            "print('OSError: [Errno 28] No space left on device', file=sys.stderr); sys.exit(1)"]
    child = _sealing(tmp_path, slow, monkeypatch)
    with pytest.raises(agechild.EncryptFailed, match="No space left on device"):
        for _ in range(64):
            child.write(b"x" * agechild.CHUNK)
        child.close()


def test_the_child_gets_no_passphrase_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "correct horse battery staple")
    monkeypatch.setenv("TESTIMONY_RECOVERY_CODE", "ABCD-EFGH")
    tell = [sys.executable, "-c", READY + "import os, sys; "
            "print(sorted(k for k in os.environ if 'TESTIMONY' in k.upper()), file=sys.stderr); sys.exit(1)"]
    child = _sealing(tmp_path, tell, monkeypatch)
    with pytest.raises(agechild.EncryptFailed, match=r"failed: \[\]$"):
        child.close()


def test_the_child_imports_the_pyrage_this_process_loaded(tmp_path):
    # with -I the user's site-packages and PYTHONPATH are not searched: pyrage's folder is named
    lib = str(Path(pyrage.__file__).resolve().parents[1])
    assert repr(lib) in agechild.command(3)[3]


def test_the_recipient_is_not_on_the_command_line(tmp_path):
    # every user of the computer can read a command line (ps); the recipient comes on the pipe
    ident = x25519.Identity.generate()
    fd = os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    child = agechild.EncryptProcess(fd, ident.to_public())
    os.close(fd)
    try:
        argv = Path(f"/proc/{child._proc.pid}/cmdline").read_bytes() if sys.platform == "linux" else b""
        assert str(ident.to_public()).encode() not in argv
        assert str(ident.to_public()) not in " ".join(agechild.command(3))
        child.write(b"plain")
        child.close()
    finally:
        child.kill()
    assert pyrage.decrypt((tmp_path / "blob.part").read_bytes(), [ident]) == b"plain"


def test_a_child_given_no_recipient_says_so(tmp_path):
    fd = os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    proc = subprocess.run(agechild.command(fd), input=b"not a recipient\nplain", pass_fds=(fd,),
                          capture_output=True, timeout=60)
    os.close(fd)
    assert proc.returncode == 2 and b"bad arguments" in proc.stderr
    assert (tmp_path / "blob.part").read_bytes() == b""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_child_dumps_no_core(tmp_path):
    import time

    fd = os.open(tmp_path / "blob.part", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    child = agechild.EncryptProcess(fd, x25519.Identity.generate().to_public())
    os.close(fd)
    limits = Path(f"/proc/{child._proc.pid}/limits")
    try:
        for _ in range(400):  # once it has started, its core size limit is 0
            core = [ln.split()[4:6] for ln in limits.read_text().splitlines() if ln.startswith("Max core file size")]
            if core == [["0", "0"]]:
                break
            time.sleep(0.05)
        assert core == [["0", "0"]]
    finally:
        child.kill()


def test_half_written_blobs_left_by_a_dead_process_are_swept_at_unlock(pair, tmp_path):
    # a process killed mid-write leaves blobs/<name>.part (encrypted, named by no row);
    # one nobody has written to for hours goes at the next unlock, a fresh one (perhaps
    # the command line's, writing now beside the window) and every real blob stay
    from desktop.core.vault import Vault
    from tests.bundle_kit import FIELD_PASS

    field = pair.field
    src = tmp_path / "note.txt"
    src.write_bytes(b"a small attachment")
    field.import_attachment(src)
    real = _blob_files(field)
    folder = field.path / BLOBS
    stale, fresh = folder / "0123abcd.part", folder / "4567efab.part"
    for p in (stale, fresh):
        p.write_bytes(os.urandom(4096))
    old = os.stat(stale).st_mtime - 7 * 3600
    os.utime(stale, (old, old))
    field.lock()
    again = Vault.unlock(field.path, FIELD_PASS)
    try:
        assert _blob_files(again) == sorted([*real, fresh.name])
    finally:
        again.lock()
