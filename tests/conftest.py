"""Test settings: offscreen Qt, floor KDF parameters, and no network at all."""

import os
import socket
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The explicit test setting for fast vaults: Argon2id at the floor (m=64 MiB, t=3).
os.environ.setdefault("TESTIMONY_KDF_PROFILE", "floor")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Any attempt to reach the network fails the test: the app is offline."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"network access attempted: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def pair(tmp_path: Path):
    """A field vault that trusts a headquarters vault's card (tests/bundle_kit.py), both
    locked afterwards."""
    from tests.bundle_kit import make_pair

    p = make_pair(tmp_path)
    yield p
    for v in (p.field, p.hq):
        if not v.is_locked:
            v.lock()
