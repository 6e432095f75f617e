"""Access: create, unlock, lock, wipe, passphrases, duress.

The one place where the passphrase rule and the failed-unlock policy are
decided, for the window and the command line alike. A thin layer over the
vault's own access methods (``Vault.create/unlock/wipe``) and its unlock
guard (``desktop/core/vault/guard.py``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from .. import passphrase as _passphrase
from ..cards import Card, init_hq
from ..crypto import FLOOR, KdfParams, calibrate, derive_key
from ..errors import Refusal
from ..desk import names as _desk_names
from ..desk import suggest as _desk_suggest
from ..redaction import units as _units
from ..vault import Vault, WrongSecret
from ..vault import guard as _guard

__all__ = [
    "MAX_UNLOCK_LIMIT",
    "MIN_LEVEL",
    "Created",
    "KdfParams",
    "Refusal",
    "Unlocked",
    "Vault",
    "calibrate_kdf",
    "change_passphrase",
    "check_new_passphrase",
    "check_passphrase",
    "check_unlock_limit",
    "clear_caches",
    "confirm_recovery_code",
    "create_demo_vault",
    "create_vault",
    "lock",
    "recovery_code_unconfirmed",
    "replace_recovery_code",
    "set_duress_passphrase",
    "set_unlock_limit",
    "strength_level",
    "unlock",
    "unlock_limit",
    "vault_exists",
    "wipe",
]

MIN_LEVEL = _passphrase.MIN_LEVEL
MAX_UNLOCK_LIMIT = _guard.MAX_LIMIT


def calibrate_kdf() -> tuple[KdfParams, float]:
    """Argon2id parameters for a new vault on this computer, and the estimated unlock time in
    seconds (``TESTIMONY_KDF_PROFILE=floor``: the floor, for tests and the demo)."""
    if os.environ.get("TESTIMONY_KDF_PROFILE", "").lower() == "floor":
        t0 = time.perf_counter()
        derive_key(b"x", os.urandom(16), FLOOR)
        return FLOOR, time.perf_counter() - t0
    t0 = time.perf_counter()
    params = calibrate()
    floor_time = time.perf_counter() - t0
    scale = (params.memory_kib * params.iterations) / (FLOOR.memory_kib * FLOOR.iterations)
    return params, floor_time * scale


def strength_level(passphrase: str) -> int:
    """0 too weak, 1 weak, 2 fair, 3 strong, 4 very strong (feedback while typing)."""
    return _passphrase.level(passphrase)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase both front ends must refuse (empty, short, easy to guess)."""
    _passphrase.check(passphrase)


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """The rule for a passphrase being set, with the repeat check when there is one."""
    if repeated is not None and repeated != passphrase:
        raise Refusal(code="passphrase.mismatch")
    check_passphrase(passphrase)


@dataclass(frozen=True)
class Created:
    vault: Vault
    recovery_code: str
    card: Card | None = None  # the recipient card of a headquarters vault


def vault_exists(path: Path | str) -> bool:
    return Vault.exists(path)


RECOVERY_UNCONFIRMED = "recovery_code_unconfirmed"  # vault meta: set at creation, cleared once typed back


def create_vault(path: Path | str, passphrase: str, kdf: KdfParams | None = None,
                 org: str | None = None, confirm_code: bool = False) -> Created:
    """A new field vault, or (with ``org``) a headquarters vault and its recipient card.

    With ``confirm_code`` (the window, which asks for the recovery code to be
    typed back) the vault remembers that the code is not confirmed yet, in the
    same call that made it: if the app stops on the recovery page, the next
    unlock says so (:func:`recovery_code_unconfirmed`)."""
    check_passphrase(passphrase)
    if vault_exists(path):
        raise Refusal(code="vault.exists", path=str(path))
    card = None
    if org is not None:
        vault, code, card = init_hq(Path(path), passphrase, org, kdf=kdf)
    else:
        vault, code = Vault.create(path, passphrase, kdf=kdf)
    if confirm_code:
        vault.set_meta(RECOVERY_UNCONFIRMED, "1")
    return Created(vault, code, card)


def recovery_code_unconfirmed(vault: Vault) -> bool:
    """The recovery code was shown at creation but never typed back."""
    return bool(vault.meta(RECOVERY_UNCONFIRMED))


def confirm_recovery_code(vault: Vault) -> None:
    """The recovery code was typed back correctly: nothing to remind any more."""
    vault.set_meta(RECOVERY_UNCONFIRMED, "")


def replace_recovery_code(vault: Vault) -> str:
    """A new recovery code, shown once; the old one stops working (it stays
    unconfirmed until :func:`confirm_recovery_code`)."""
    code = vault.replace_recovery_code()
    vault.set_meta(RECOVERY_UNCONFIRMED, "1")
    return code


def create_demo_vault(path: Path | str, passphrase: str, org: str | None = None) -> Vault:
    """A throwaway vault for fictional data (the fast floor key derivation; never for real work);
    with ``org``, a headquarters vault (its card: ``exchange.hq_card``)."""
    if org is not None:
        return init_hq(Path(path), passphrase, org, kdf=FLOOR)[0]
    return Vault.create(path, passphrase, kdf=FLOOR)[0]


@dataclass(frozen=True)
class Unlocked:
    vault: Vault
    failed_since_last_unlock: int
    guard_tampered: bool  # the failed-unlock counter or its limit was changed outside Testimony


def unlock(path: Path | str, passphrase: str | None = None, recovery_code: str | None = None) -> Unlocked:
    """Unlock with the passphrase or the recovery code, under the failed-unlock policy.

    A wrong secret counts one failure in the vault's guard; when the vault's
    limit is reached it is wiped and ``Refusal("unlock.wiped")`` raised.
    """
    path = Path(path)
    try:
        vault = Vault.unlock(path, passphrase=passphrase, recovery_code=recovery_code)
    except WrongSecret:
        g = _guard.count_failure(path)
        kind = "recovery" if recovery_code is not None else "passphrase"
        if g.limit and g.failed >= g.limit:
            Vault.wipe(path)
            raise Refusal(code="unlock.wiped", failures=g.failed) from None
        if g.limit:
            raise WrongSecret(code="unlock.attempts_left" if kind == "passphrase"
                              else "unlock.recovery_attempts_left", left=g.limit - g.failed) from None
        raise WrongSecret(code="unlock.wrong_passphrase" if kind == "passphrase"
                          else "unlock.wrong_recovery_code") from None
    check = vault.confirm_unlock()
    return Unlocked(vault, check.failed_since_last_unlock, check.tampered)


def unlock_limit(vault: Vault) -> int:
    return vault.unlock_limit()


def check_unlock_limit(limit: int) -> None:
    if not 0 <= int(limit) <= MAX_UNLOCK_LIMIT:
        raise Refusal(code="unlock.limit_invalid", maximum=MAX_UNLOCK_LIMIT)


def set_unlock_limit(vault: Vault, limit: int) -> None:
    """Wipe the vault after ``limit`` failed unlocks in a row (0: never)."""
    check_unlock_limit(limit)
    if int(limit) != vault.unlock_limit():
        vault.set_unlock_limit(int(limit))


def change_passphrase(vault: Vault, new: str, repeated: str | None = None,
                      kdf: KdfParams | None = None, rotate: bool = False,
                      current: str | None = None) -> str | None:
    """New passphrase; with ``rotate`` (after a suspected compromise) also a new
    master key and every subkey: returns the new recovery code then, else None.

    ``current`` is checked against the vault's real passphrase (a wrong one
    changes nothing). The window always asks for it, since whoever sits at an
    unlocked laptop must not be able to change it; the command line has just
    unlocked with it."""
    check_new_passphrase(new, repeated)
    return vault.change_passphrase(new, kdf=kdf, rotate=rotate, current=current)


def set_duress_passphrase(vault: Vault, duress: str, current: str, repeated: str | None = None) -> str:
    """Set the duress passphrase; every key is replaced, returns the new recovery code."""
    check_new_passphrase(duress, repeated)
    if duress == current:
        raise Refusal(code="passphrase.duress_same")
    return vault.set_duress_passphrase(duress, current=current)


def lock(vault: Vault) -> None:
    """Close the vault, drop its keys, and forget caches that hold name parts."""
    vault.lock()
    clear_caches()


def clear_caches() -> None:
    """Name parts cached for speed: redaction (field) and name matching (headquarters)."""
    _units.clear_caches()
    _desk_names.parse.cache_clear()
    _desk_suggest.clear_caches()


def wipe(path: Path | str) -> float:
    """Quick wipe (both key-slot copies overwritten in place first); seconds until unrecoverable."""
    if not vault_exists(path):
        raise Refusal(code="vault.missing", path=str(path))
    seconds = Vault.wipe(path)
    clear_caches()
    return seconds
