"""Known identities: the values of a record's identifying fields, found again in
free text under their spelling variants (normalisation, transliteration, given
name alone, family name alone, kunya)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .normalize import norm, normalize
from .structured import Hit
from .units import (
    AR_CONNECT,
    LAT_CONNECT,
    Unit,
    ar_key,
    build_units,
    lat_key,
    strip_al,
    tokenize,
    unit_match,
)


def unit_sig(u: Unit) -> set[str]:
    """Keys one of which two matching units always share (a cheap pre-filter)."""
    if u.ar:
        vs = {strip_al(v) for _s, v in (u.shift or [(0, u.core)])}
        vs.add(strip_al(u.core))
        return vs | {ar_key(v) for v in vs}
    return {u.core, lat_key(u.core)[0]}

@dataclass(frozen=True)
class KnownName:
    """One known person of a record: the name as entered in the name fields,
    plus aliases (nicknames, a kunya such as "Abu Khaled", other spellings or
    transliterations).  Every form found in the text gets the same pseudonym."""
    name: str
    aliases: tuple[str, ...] = ()

    def forms(self) -> list[str]:
        return [f for f in (self.name, *self.aliases) if f and str(f).strip()]


def known_values(known: Iterable[object] | None) -> list[KnownName]:
    """Accepts name strings, :class:`KnownName` objects or mappings
    ``{"name": ..., "aliases": [...]}`` and returns KnownName objects."""
    out: list[KnownName] = []
    for k in known or ():
        if isinstance(k, KnownName):
            kn = k
        elif isinstance(k, str):
            kn = KnownName(k)
        elif isinstance(k, dict):
            name = k.get("name")
            aliases = k.get("aliases") or ()
            if not isinstance(name, str) or not isinstance(aliases, (list, tuple)) or \
                    not all(isinstance(a, str) for a in aliases):
                raise ValueError("a known identity is a name string or {\"name\": str, \"aliases\": [str]}")
            kn = KnownName(name, tuple(aliases))
        else:
            raise TypeError("a known identity is a name string or {\"name\": str, \"aliases\": [str]}")
        if kn.forms():
            out.append(kn)
    return out


# lower-case words a known name part must never take by itself, whatever the lists
LOWER_STOP = {"said", "will", "may", "hope", "faith", "grace", "rose", "mark", "bill", "long", "young"}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


@dataclass
class Identity:
    idx: int
    value: str
    kind: str                 # "person", "digits", "email"
    units: list[Unit]
    publishable: bool
    digits: str = ""
    maqsura: frozenset[int] = frozenset()  # indices of units spelled with a final ى


_NOTE = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")


def parse_identity(idx: int, value: str, publishable: bool) -> Identity | None:
    # A note in brackets after a name ("Omar Khatib (fictional)", "Huda [cousin]")
    # is not part of the name; its words must not be hunted through the text.
    value = _NOTE.sub("", value or "").strip()
    if not value:
        return None
    n = norm(value)
    if _EMAIL.match(n):
        return Identity(idx, value, "email", [], publishable)
    d = re.sub(r"\D", "", n)
    letters = re.sub(r"[\W\d_]", "", n)
    if len(d) >= 5 and len(letters) <= 3:
        return Identity(idx, value, "digits", [], publishable, digits=d)
    nz = normalize(value)
    units = [u for u in build_units(n, tokenize(n))
             if u.core not in LAT_CONNECT and u.core not in AR_CONNECT
             and len(u.core) > 1]  # an initial ("A.") alone would match every "a" in the text
    if not units:
        return None
    maq = set()
    for q, u in enumerate(units):
        a, b = nz.to_original(u.start, u.end)
        if value[a:b].rstrip().endswith("ى"):
            maq.add(q)
    return Identity(idx, value, "person", units, publishable, maqsura=frozenset(maq))


def _contiguous(text: str, a: Unit, b: Unit) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 3 and gap.strip(" -") == "" and "\n" not in gap


def _is_connector(u: Unit) -> bool:
    return not u.prefix and (u.core in LAT_CONNECT or u.core in AR_CONNECT)


# Second parts of compound names that are words of their own: "نصر الله" must not
# make every الله a name, nor "نور الدين" every الدين.
NOT_ALONE_AR = {"له", "دين", "رحمن", "رحيم"}
NOT_ALONE_LAT = {"allah", "ullah", "din", "deen", "eddine", "uddin", "aldin"}


class KnownMatcher:
    def __init__(self, known: Iterable[object] | None, publishable: Iterable[str] = (),
                 ordinary: frozenset[str] = frozenset()) -> None:
        """``known``: name strings or :class:`KnownName`; all forms of one
        person share its index, hence its pseudonym.  ``ordinary``: common
        lower-case words ("said") that a known name part alone ("Said") matches
        only when written with a capital."""
        self.ordinary = ordinary
        self.ids: list[Identity] = []
        group = 0
        for k in known_values(known):
            added = False
            for v in k.forms():
                i = parse_identity(group, v, False)
                if i:
                    self.ids.append(i)
                    added = True
            group += added
        for v in publishable:
            i = parse_identity(group, v, True)
            if i:
                self.ids.append(i)
                group += 1

    def __bool__(self) -> bool:
        return bool(self.ids)

    def find(self, text: str, units: list[Unit],
             original_of: Callable[[int, int], str] | None = None) -> list[tuple[Hit, bool]]:
        """Returns (hit, publishable) pairs in normalised offsets, longest match
        wins at each position."""
        out: list[tuple[Hit, bool]] = []
        persons = [i for i in self.ids if i.kind == "person"]
        all_sig: set[str] = set()
        for ident in persons:
            for unit in ident.units:
                all_sig |= unit_sig(unit)
        n = len(units)
        i = 0
        while i < n:
            # (length_units, -publishable, start, end, ident, single_kind)
            best: tuple[int, int, int, int, Identity, str] | None = None
            u0 = units[i]
            if not persons or not (unit_sig(u0) & all_sig):
                i += 1
                continue
            for ident in persons:
                iu = ident.units
                k = i
                pos = 0
                matched: list[tuple[int, int]] = []
                shift0 = 0
                while k < n:
                    u = units[k]
                    if k > i and not _contiguous(text, units[k - 1], u):
                        break
                    if k > i and _is_connector(u) and k + 1 < n:
                        k += 1
                        continue
                    hit_q = None
                    for q in range(pos, len(iu)):
                        sh = unit_match(u, iu[q])
                        if sh is not None:
                            hit_q = q
                            if k == i:
                                shift0 = sh
                            break
                    if hit_q is None:
                        break
                    matched.append((k, hit_q))
                    pos = hit_q + 1
                    k += 1
                while matched and _is_connector(units[matched[-1][0]]):
                    matched.pop()
                if not matched:
                    # kunya: "Abu Khaled" / "أم محمد" when Khaled is this identity's given name
                    if u0.prefix in ("abu", "umm") and iu and not iu[0].prefix:
                        probe = Unit(u0.start, u0.end, "", u0.core, u0.ar, True, u0.shift)
                        if unit_match(probe, iu[0]) is not None:
                            cand = (1, 0 if not ident.publishable else -1, u0.start, u0.end, ident,
                                    "kunya:" + u0.prefix)
                            if best is None or cand[:2] > best[:2]:
                                best = cand
                    continue
                if len(matched) == 1:
                    q = matched[0][1]
                    if not (q == 0 or q == len(iu) - 1):
                        continue
                    tu = units[matched[0][0]]
                    if not iu[q].prefix and iu[q].core in (NOT_ALONE_AR if iu[q].ar else NOT_ALONE_LAT):
                        continue
                    if not tu.ar and not tu.cap and (tu.core in self.ordinary or tu.core in LOWER_STOP):
                        continue
                    # على (on) folds to علي (Ali): do not take it for a name
                    if u0.ar and original_of is not None and q not in ident.maqsura \
                            and iu[q].core.endswith("ي") \
                            and original_of(u0.start, u0.end).rstrip().endswith("ى"):
                        continue
                last = units[matched[-1][0]]
                cand = (len(matched), 0 if not ident.publishable else -1, u0.start + shift0, last.end, ident, "")
                if best is None or cand[:2] > best[:2]:
                    best = cand
            if best:
                L, _, s, e, ident, kind = best
                key = f"known:{ident.idx}" if not kind else f"{kind}:{ident.idx}"
                out.append((Hit(s, e, "PERSON", key, multi=L >= 2), ident.publishable))
                # skip the units covered
                while i < n and units[i].start < e:
                    i += 1
            else:
                i += 1
        # digits and e-mails given as identifying values
        for ident in self.ids:
            if ident.kind == "digits":
                pat = r"(?<!\d)" + r"[\s\-./()]*".join(re.escape(c) for c in ident.digits) + r"(?!\d)"
                label = "PHONE" if len(ident.digits) >= 9 and ident.digits.startswith(("0", "9")) else "ID_NUMBER"
                for m in re.finditer(pat, text):
                    out.append((Hit(m.start(), m.end(), label, f"known:{ident.idx}"), ident.publishable))
            elif ident.kind == "email":
                for m in re.finditer(re.escape(norm(ident.value)), text, re.IGNORECASE):
                    out.append((Hit(m.start(), m.end(), "EMAIL", f"known:{ident.idx}"), ident.publishable))
        return out
