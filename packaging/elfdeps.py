"""Drop unwanted Qt plugins from a PyInstaller Analysis, and the shared
libraries that only they needed (Linux, ELF). Used by testimony.spec."""

from __future__ import annotations

import posixpath
import struct
from pathlib import Path


def needed(path: str) -> list[str]:
    """The DT_NEEDED entries of an ELF file ([] if it is not one)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF":
        return []
    is64, little = data[4] == 2, data[5] == 1
    e = "<" if little else ">"
    if is64:
        shoff, = struct.unpack_from(e + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(e + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(e + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(e + "HH", data, 0x2E)
    sections = []
    for i in range(shnum):
        off = shoff + i * shentsize
        if is64:
            _name, typ, _flags, _addr, offset, size, link = struct.unpack_from(e + "IIQQQQI", data, off)
        else:
            _name, typ, _flags, _addr, offset, size, link = struct.unpack_from(e + "IIIIIII", data, off)
        sections.append((typ, offset, size, link))
    out = []
    for typ, offset, size, link in sections:
        if typ != 6:  # SHT_DYNAMIC
            continue
        _t, stroff, _s, _l = sections[link]
        fmt, step = (e + "qQ", 16) if is64 else (e + "iI", 8)
        for pos in range(offset, offset + size, step):
            tag, val = struct.unpack_from(fmt, data, pos)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", stroff + val)
                out.append(data[stroff + val:end].decode())
    return out


def prune_binaries(binaries, unwanted: tuple[str, ...]):
    """(kept binaries, names of dropped ones).

    ``binaries`` are PyInstaller TOC entries (dest, src, typecode). An entry is
    unwanted if its destination contains one of ``unwanted``; a library is
    dropped too when only unwanted entries (directly or indirectly) need it.
    """
    by_name: dict[str, list] = {}
    for entry in binaries:
        by_name.setdefault(Path(entry[0]).name, []).append(entry)

    def closure(roots) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            entry = todo.pop()
            for lib in needed(entry[1]):
                if lib not in seen and lib in by_name:
                    seen.add(lib)
                    todo.extend(by_name[lib])
        return seen

    dropped_roots = [b for b in binaries if any(u in b[0].replace("\\", "/") for u in unwanted)]
    suspect = closure(dropped_roots)
    keep_roots = [b for b in binaries if b not in dropped_roots and Path(b[0]).name not in suspect]
    still_needed = closure(keep_roots)
    drop_names = suspect - still_needed
    kept, dropped = [], []
    for b in binaries:
        if b in dropped_roots or Path(b[0]).name in drop_names:
            dropped.append(b[0])
        else:
            kept.append(b)
    return kept, dropped


def drop_dangling_symlinks(toc, dropped):
    """TOC entries minus the SYMLINK entries that point at a dropped file."""
    gone = {posixpath.normpath(d.replace("\\", "/")) for d in dropped}

    def dangling(entry) -> bool:
        if entry[2] != "SYMLINK":
            return False
        dest = entry[0].replace("\\", "/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), entry[1])) in gone

    return [e for e in toc if not dangling(e)]
