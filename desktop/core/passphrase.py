"""The passphrase rule: a rough strength estimate and the minimum both front ends enforce.

Not a guarantee: it rewards length and word count, which is what matters
against offline guessing with Argon2id in front.
"""

from __future__ import annotations

import math
import string

MIN_LENGTH = 8

COMMON = {"password", "passphrase", "123456", "qwerty", "letmein", "testimony", "admin", "welcome"}


def estimate_bits(passphrase: str) -> float:
    if not passphrase:
        return 0.0
    if passphrase.lower() in COMMON:
        return 5.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 60
    distinct = len(set(passphrase))
    length = min(len(passphrase), distinct * 3)  # "aaaaaaaaaaaa" is not long
    bits = length * math.log2(max(pool, 2))
    words = len([w for w in passphrase.split() if len(w) >= 3])
    if words >= 4:
        bits = max(bits, words * 12.0)  # diceware-like phrases
    return bits


def level(passphrase: str) -> int:
    """0 too weak, 1 weak, 2 fair, 3 strong, 4 very strong."""
    bits = estimate_bits(passphrase)
    if len(passphrase) < MIN_LENGTH or bits < 30:
        return 0
    if bits < 45:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


MIN_LEVEL = 2  # both front ends refuse anything weaker


def check(passphrase: str) -> None:
    """The one passphrase rule of both front ends: refuse what is empty, short or weak."""
    from .errors import Refusal

    if not passphrase:
        raise Refusal(code="passphrase.empty")
    if len(passphrase) < MIN_LENGTH:
        raise Refusal(code="passphrase.too_short", minimum=MIN_LENGTH)
    if level(passphrase) < MIN_LEVEL:
        raise Refusal(code="passphrase.weak", level=level(passphrase))
