"""age encryption on a core of its own: the same pyrage, in a child process.

pyrage holds the GIL while it encrypts (see streams.py), so in one process
the encryption of a large file and everything else that needs Python
(remuxing, hashing, reading) take turns on one core. For a large
attachment the vault hands the plaintext through a pipe to a child process
of this same Python (or of the frozen app) that runs ``pyrage.encrypt_io``
into the blob file it is given already open: encryption and the rest run
on two cores. The child is given only the public recipient (on the pipe) and that one
open file; it holds no key, opens nothing, writes nothing else, and starts
the disk writing as it goes (``_Writeback``) so that the final fsync waits
for little. The
pipe is kernel memory: no plaintext touches the disk. Starting the child
costs tens of milliseconds, so small files stay in process (``MIN_SIZE``).

POSIX only (the file is handed over by descriptor); elsewhere the vault
encrypts in process as before.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from pyrage import x25519

CHILD_FLAG = "--age-encrypt-child"
MIN_SIZE = 32 << 20
CHUNK = 1 << 20
_PIPE_BYTES = 1 << 20
_WRITEBACK_EVERY = 32 << 20
_ERR_BYTES = 4096
_GRACE = 5.0  # seconds a failing child has to say why and end before it is killed
READY = b"R"  # the child's first byte on its standard output: it has started and can encrypt
READY_TIMEOUT = 30.0  # seconds a child has to say so (a cold start of the frozen app included)


DISK_FULL = "the disk is full (no space left on device)"


class EncryptFailed(Exception):
    """The child process could not encrypt; the message says why."""


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk (or the user's quota) running out of space."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def wanted(size: int) -> bool:
    """Whether a plaintext of ``size`` bytes is worth a child process here."""
    return size >= MIN_SIZE and os.name == "posix"


def command(fd: int) -> list[str]:
    """The child's command line: the frozen app with its flag, or this Python.

    ``-I`` keeps PYTHON* variables, the user's site-packages and the working
    folder out of the child; it imports this app's code and the very pyrage
    this process loaded (wherever they were installed) and nothing else new."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG, str(fd)]
    import pyrage

    root = str(Path(__file__).resolve().parents[2])
    lib = str(Path(pyrage.__file__).resolve().parents[1])
    code = (f"import sys; sys.path.insert(0, {root!r}); sys.path.append({lib!r}); "
            "from desktop.core.agechild import child_main; sys.exit(child_main(sys.argv[1:]))")
    return [sys.executable, "-I", "-c", code, str(fd)]


def child_env() -> dict[str, str]:
    """The environment of the child: this one without the app's own variables, among which
    the command line's passphrases and recovery code may be (the child holds no secret)."""
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("TESTIMONY_")}


class EncryptProcess:
    """A write-only stream whose bytes a child process age-encrypts into ``fd``.

    ``fd`` is an open, empty file; the child writes it and fsyncs it, and the
    caller may close its own copy once this object exists. It exists only once
    the child has said it is ready (:data:`READY`, after its imports): a child
    that cannot start or cannot import pyrage raises :class:`EncryptFailed`
    here, before any plaintext was read, so the caller can encrypt in process
    instead. :meth:`close` waits for the child and raises :class:`EncryptFailed`
    if it failed; :meth:`kill` stops it (the caller then removes the file).
    """

    def __init__(self, fd: int, recipient: x25519.Recipient) -> None:
        try:
            self._proc = subprocess.Popen(
                command(fd), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, pass_fds=(fd,), close_fds=True, env=child_env())
        except OSError as exc:
            raise EncryptFailed(f"cannot start the encrypting process: {exc.strerror or exc}") from None
        assert self._proc.stdin is not None
        self._in = self._proc.stdin
        self._failed: EncryptFailed | None = None
        # The child's standard error is read as it comes (its last bytes kept): a child
        # that wrote more than a pipe holds would otherwise block, and the parent with it.
        self._err = bytearray()
        self._drain = threading.Thread(target=self._read_err, name="age-child-stderr", daemon=True)
        self._drain.start()
        if not self._wait_ready():
            self.kill()
            lines = bytes(self._err).decode("utf-8", "replace").strip().splitlines()
            why = lines[-1][:300] if lines else f"it did not say it was ready within {READY_TIMEOUT:.0f} s"
            raise EncryptFailed(f"cannot start the encrypting process: {why}")
        try:  # fewer, larger hand-overs (Linux); the default 64 KiB works too
            import fcntl

            fcntl.fcntl(self._in.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
        except (ImportError, OSError):
            pass
        # The recipient comes first on the pipe, not on the command line, which every user of
        # the computer can read (ps) and an audit log may keep.
        self.write(str(recipient).encode() + b"\n")

    def _wait_ready(self) -> bool:
        """Whether the child's first byte came, and was :data:`READY`, in time."""
        import select

        out = self._proc.stdout
        assert out is not None
        try:
            readable, _, _ = select.select([out], [], [], READY_TIMEOUT)
            return bool(readable) and os.read(out.fileno(), 1) == READY
        except (OSError, ValueError):
            return False
        finally:
            out.close()

    def write(self, data: bytes | memoryview) -> int:
        if self._failed is not None:
            raise self._failed
        try:
            self._in.write(data)
        except (BrokenPipeError, ValueError):
            raise self._failure() from None
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """End the plaintext and wait until the child has encrypted and fsynced it all."""
        if self._failed is not None:
            raise self._failed
        try:
            self._in.close()
        except BrokenPipeError:
            pass
        if self._proc.wait() != 0:
            raise self._failure()
        self._drain.join()

    def kill(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        try:
            self._in.close()
        except OSError:
            pass
        self._proc.wait()
        self._drain.join()

    def _read_err(self) -> None:
        err = self._proc.stderr
        assert err is not None
        try:
            while chunk := os.read(err.fileno(), _ERR_BYTES):
                self._err += chunk
                del self._err[:-_ERR_BYTES]
        except (OSError, ValueError):
            pass
        finally:
            err.close()

    def _failure(self) -> EncryptFailed:
        """Why the child failed (once: later calls give the same); it has ended when this returns."""
        if self._failed is None:
            try:  # a child that stopped reading says why, then ends: wait for it, briefly
                self._proc.wait(timeout=_GRACE)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._drain.join(_GRACE)
            lines = bytes(self._err).decode("utf-8", "replace").strip().splitlines()
            code = self._proc.returncode
            why = (lines[-1][:300] if lines else f"it was stopped (signal {-code})" if code < 0
                   else f"it ended with code {code}")
            self._failed = EncryptFailed(why if why == DISK_FULL else f"the encrypting process failed: {why}")
        return self._failed


def encrypt_stream(reader: Any, fd: int, recipient: x25519.Recipient) -> bool:
    """Encrypt everything ``reader.read(n)`` gives into the open file ``fd`` in a child.

    False if no child could start (nothing was read: encrypt in process
    instead); :class:`EncryptFailed` if the child failed; any error of the
    reader (a cancel) stops the child and is raised as it is.
    """
    try:
        child = EncryptProcess(fd, recipient)
    except EncryptFailed:
        return False
    try:
        while chunk := reader.read(CHUNK):
            child.write(chunk)
        child.close()
    except BaseException:
        child.kill()
        raise
    return True


def encrypt_to(fd: int, reader: Any, recipient: x25519.Recipient, size: int) -> None:
    """Encrypt ``reader`` into the open file ``fd`` and fsync it: in a child process when
    ``size`` makes that worth it and one starts, else here (pyrage on this thread, the
    writes and periodic flushes on the writer's). Raises :class:`EncryptFailed` if the
    child failed, and any error of the reader (a cancel) as it is."""
    if wanted(size) and encrypt_stream(reader, fd, recipient):
        return
    from .streams import BackgroundWriter

    out = BackgroundWriter(fd)
    try:
        import pyrage

        pyrage.encrypt_io(reader, out, [recipient])
    except BaseException:
        out.abandon()
        raise
    out.close(fsync=True)


class _Writeback:
    """The blob file, asking the kernel to start writing each 32 MiB to disk as soon as it is
    written (``POSIX_FADV_DONTNEED`` starts writeback without waiting for it, unlike fdatasync,
    which also commits the journal each time), so that the final fsync waits for little."""

    def __init__(self, out: Any, fd: int) -> None:
        self._out, self._fd = out, fd
        self._written = self._started = 0
        self._advise = getattr(os, "posix_fadvise", None)
        self.error: OSError | None = None  # a write's own error (pyrage reports it as text only)

    def write(self, data: bytes) -> int:
        try:
            n = int(self._out.write(data))
        except OSError as exc:
            self.error = exc
            raise
        self._written += n
        if self._advise is not None and self._written - self._started >= _WRITEBACK_EVERY:
            self._out.flush()
            try:
                self._advise(self._fd, self._started, self._written - self._started, os.POSIX_FADV_DONTNEED)
            except OSError:
                self._advise = None
            self._started = self._written
        return n

    def flush(self) -> None:
        self._out.flush()


def child_main(argv: list[str]) -> int:
    """In the child: encrypt standard input after its first line (the recipient) into the open
    file ``argv[0]``."""
    import pyrage

    try:  # this process holds plaintext: a crash must not write it to disk as a core dump
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, OSError, ValueError):
        pass
    try:  # started, pyrage imported: the parent may hand over the plaintext
        os.write(1, READY)
        os.close(1)
    except OSError:
        return 3
    # Standard input stays open until the child ends (closefd=False): the parent, which sees
    # the pipe close, finds the reason already written to standard error.
    src = os.fdopen(0, "rb", buffering=CHUNK, closefd=False)
    try:
        fd = int(argv[0])
        recipient = x25519.Recipient.from_str(src.readline(256).decode("ascii", "replace").strip())
    except Exception as exc:  # noqa: BLE001 - IndexError, ValueError, pyrage.RecipientError
        print(f"bad arguments: {exc}", file=sys.stderr, flush=True)
        return 2
    writer: _Writeback | None = None
    try:
        with os.fdopen(fd, "wb", buffering=CHUNK) as out:
            writer = _Writeback(out, fd)
            pyrage.encrypt_io(src, writer, [recipient])
            out.flush()
            os.fsync(out.fileno())
    except Exception as exc:  # noqa: BLE001 - the parent reports the last line
        cause = (writer.error if writer is not None else None) or exc
        print(DISK_FULL if disk_full(cause) else f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0
