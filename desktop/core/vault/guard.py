"""The failed-unlock counter and its "wipe after N" limit, kept with the vault.

Before the passphrase is known nothing can be decrypted, so the counter
itself is plaintext; what makes it hard to cheat:

- it lives in the vault folder beside the key slots (``unlock-guard.json``),
  not in a settings file of the user's profile: a copy of the vault carries it;
- the limit and the count confirmed at the last successful unlock are also
  kept inside the encrypted database and bound to the file by an HMAC under a
  key derived from the master key; at every successful unlock the two are
  compared, so switching the limit off, deleting the file, or rolling the
  count back below its last confirmed value is detected and reported;
- failures since the last unlock are written to the custody log at the next
  successful one.

What it cannot do (see docs/threat-model.md): someone who can write to the
folder can reset the count between guesses without being noticed, and anyone
who copies the folder guesses offline, with no counter at all. Argon2id is the
real protection. The functions below are the only door to this state, so the
key-slot store may absorb it without its callers changing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from .. import keystore
from . import custodylog as custody
from ..crypto import hkdf
from .handle import VaultCore

GUARD = "unlock-guard.json"
FORMAT = "testimony-unlock-guard"
MAX_LIMIT = 50
LABEL_GUARD = b"testimony/v1/unlock-guard-mac"
_MAX_BYTES = 4096


@dataclass(frozen=True)
class Guard:
    limit: int  # 0: never wipe
    baseline: int  # total failures confirmed at the last successful unlock
    total: int  # failures ever counted
    mac: str
    readable: bool = True

    @property
    def failed(self) -> int:
        """Failed unlocks since the last successful one."""
        return max(0, self.total - self.baseline)


@dataclass(frozen=True)
class GuardCheck:
    """What a successful unlock found: failures since the last one, and tampering."""

    failed_since_last_unlock: int
    tampered: bool


def read_guard(path: Path) -> Guard:
    """The counter as stored (a missing file reads as 'no limit, no failures')."""
    p = Path(path) / GUARD
    if not p.exists():
        return Guard(0, 0, 0, "", readable=False)
    try:
        if p.stat().st_size > _MAX_BYTES:
            raise ValueError("too large")
        doc = json.loads(p.read_bytes())
        if doc.get("format") != FORMAT or doc.get("version") != 1:
            raise ValueError("not a guard file")
        limit, baseline, total = (int(doc[k]) for k in ("limit", "baseline", "total"))
        if not (0 <= limit <= MAX_LIMIT and baseline >= 0 and total >= 0):
            raise ValueError("out of range")
        return Guard(limit, baseline, total, str(doc.get("mac", "")))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        return Guard(0, 0, 0, "", readable=False)


def _write(path: Path, guard: Guard) -> None:
    doc = {"format": FORMAT, "version": 1, "limit": guard.limit, "baseline": guard.baseline,
           "total": guard.total, "mac": guard.mac}
    keystore.atomic_write(Path(path) / GUARD, json.dumps(doc).encode())


def count_failure(path: Path) -> Guard:
    """One more failed unlock; returns the counter after it (``failed >= limit``: wipe).

    With no limit set nothing is written: a wrong passphrase changes nothing stored."""
    g = read_guard(path)
    if not g.limit:
        return g
    g = Guard(g.limit, g.baseline, g.total + 1, g.mac, g.readable)
    _write(path, g)
    return g


def remove_guard(path: Path) -> None:
    (Path(path) / GUARD).unlink(missing_ok=True)
    (Path(path) / (GUARD + ".tmp")).unlink(missing_ok=True)


def _mac(vmk: bytes, vault_id: str, limit: int, baseline: int) -> str:
    key = hkdf(vmk, LABEL_GUARD)
    return hmac.new(key, f"{vault_id}|{limit}|{baseline}".encode(), hashlib.sha256).hexdigest()


def reseal_guard(path: Path, vault_id: str, old_vmk: bytes, new_vmk: bytes) -> None:
    """After a new master key: the counter's seal moves to the new key, so the
    next unlock does not report tampering. A seal that was already wrong under
    the old key is left as it is (still reported)."""
    g = read_guard(path)
    if g.readable and hmac.compare_digest(g.mac, _mac(old_vmk, vault_id, g.limit, g.baseline)):
        _write(path, Guard(g.limit, g.baseline, g.total, _mac(new_vmk, vault_id, g.limit, g.baseline)))


class GuardMixin(VaultCore):
    """The unlocked side: set the limit, confirm the counter after an unlock."""

    def _guard_mac(self, limit: int, baseline: int) -> str:
        assert self._vmk is not None
        return _mac(bytes(self._vmk), self.vault_id, limit, baseline)

    def unlock_limit(self) -> int:
        """Failed unlocks after which the vault is wiped (0: never); as kept in the encrypted database."""
        try:
            return max(0, min(MAX_LIMIT, int(self.meta("unlock_limit") or 0)))
        except ValueError:
            return 0

    def set_unlock_limit(self, limit: int) -> None:
        g = read_guard(self.path)
        baseline = max(g.total, int(self.meta("unlock_baseline") or 0))
        with self._tx() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('unlock_limit', ?)", (str(limit),))
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('unlock_baseline', ?)", (str(baseline),))
            custody.append(c, "vault.unlock_limit_set", limit=limit)
            _write(self.path, Guard(limit, baseline, baseline, self._guard_mac(limit, baseline)))

    def confirm_unlock(self) -> GuardCheck:
        """After a successful unlock: compare the plaintext counter with the sealed
        state, log failures and tampering in custody, and start counting afresh."""
        g = read_guard(self.path)
        limit = self.unlock_limit()
        baseline = int(self.meta("unlock_baseline") or 0)
        if not g.readable:
            tampered = limit > 0 or baseline > 0
        else:
            tampered = (g.limit != limit or g.baseline != baseline or g.total < baseline
                        or not hmac.compare_digest(g.mac, self._guard_mac(g.limit, g.baseline)))
        failed = g.failed if g.readable else 0
        total = max(g.total, baseline) if g.readable else baseline
        if not failed and not tampered:
            return GuardCheck(0, False)
        with self._tx() as c:
            if failed:
                custody.append(c, "vault.failed_unlocks", count=failed)
            if tampered:
                custody.append(c, "vault.unlock_guard_tampered")
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('unlock_baseline', ?)", (str(total),))
            _write(self.path, Guard(limit, total, total, self._guard_mac(limit, total)))
        return GuardCheck(failed, tampered)
