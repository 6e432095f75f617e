"""Faces filled in a video frame's own YUV 4:2:0 planes (no RGB copy of the picture).

A decoded frame is turned upright (its display rotation applied to the
planes), the boxes are filled in the planes, and the planes go to the
encoder as they are: no RGB picture is made for a frame, which halves what a
frame costs in memory and time.  The fills are those of :func:`faces.fill`:
``solid`` is black, ``pixelate`` is blocks of a third of the (grown) box, half
for boxes under ``faces.SMALL_FACE`` pixels, each the block's mean plus random
noise from the OS, in the brightness plane and in both colour planes.
"""
from __future__ import annotations

import secrets
from typing import Any

from .faces import MASK_SCALE, SMALL_FACE, Box, _grown

_FORMATS = ("yuv420p", "yuvj420p")


def planes(frame: Any) -> tuple[Any, Any, Any, bool]:
    """Y, U, V of the frame, upright and even-sized (new arrays), and whether it is full range."""
    import numpy as np

    full = is_full_range(frame)
    if frame.format.name not in _FORMATS:
        frame = frame.reformat(format="yuv420p")
    w, h = frame.width - frame.width % 2, frame.height - frame.height % 2
    out = []
    for i, (pw, ph) in enumerate(((w, h), (w // 2, h // 2), (w // 2, h // 2))):
        p = frame.planes[i]
        a = np.frombuffer(p, np.uint8).reshape(p.height, p.line_size)[:ph, :pw]
        out.append(a)
    k = (round(float(getattr(frame, "rotation", 0) or 0)) % 360) // 90
    if k:
        out = [np.rot90(a, k) for a in out]
    y, u, v = (np.ascontiguousarray(a).copy() for a in out)
    return y, u, v, full


def to_frame(y: Any, u: Any, v: Any, full: bool = False) -> Any:
    """A yuv420p frame of the planes, tagged full range when they are (phones film so):
    the encoder then keeps the samples as they are instead of squeezing them."""
    import av
    import numpy as np

    h, w = y.shape
    flat = np.concatenate((y.reshape(-1), u.reshape(-1), v.reshape(-1)))
    frame = av.VideoFrame.from_ndarray(flat.reshape(h * 3 // 2, w), format="yuv420p")
    if full:
        frame.color_range = FULL_RANGE
    return frame


FULL_RANGE = 2  # AVCOL_RANGE_JPEG


def is_full_range(frame: Any) -> bool:
    return bool(frame.format.name == "yuvj420p" or int(getattr(frame, "color_range", 0) or 0) == FULL_RANGE)


def _pixelate(a: Any, x1: int, y1: int, x2: int, y2: int, block: int, spread: int) -> None:
    import numpy as np

    region = a[y1:y2, x1:x2].astype(np.int32)
    rows, cols = np.arange(0, y2 - y1, block), np.arange(0, x2 - x1, block)
    sums = np.add.reduceat(np.add.reduceat(region, rows, axis=0), cols, axis=1)
    hs = np.diff(np.append(rows, y2 - y1))
    ws = np.diff(np.append(cols, x2 - x1))
    means = sums // np.outer(hs, ws)
    noise = np.frombuffer(secrets.token_bytes(means.size), np.uint8).reshape(means.shape).astype(np.int32)
    noisy = np.clip(means + noise % (2 * spread + 1) - spread, 0, 255).astype(np.uint8)
    a[y1:y2, x1:x2] = np.repeat(np.repeat(noisy, hs, axis=0), ws, axis=1)


def fill_planes(y: Any, u: Any, v: Any, full: bool, boxes: list[Box], mode: str = "solid",
                grow: float = MASK_SCALE) -> None:
    """Fill every box (in the upright picture's pixels) in place, irreversibly."""
    h, w = y.shape
    for b in boxes:
        x1, y1, x2, y2 = _grown(b, w, h, grow)
        x1, y1 = x1 - x1 % 2, y1 - y1 % 2          # whole chroma samples
        x2, y2 = min(w, x2 + x2 % 2), min(h, y2 + y2 % 2)
        if x2 - x1 < 2 or y2 - y1 < 2:
            continue
        if mode == "solid":
            y[y1:y2, x1:x2] = 0 if full else 16
            u[y1 // 2:y2 // 2, x1 // 2:x2 // 2] = 128
            v[y1 // 2:y2 // 2, x1 // 2:x2 // 2] = 128
            continue
        side = max(x2 - x1, y2 - y1)
        block = max(4, side // (3 if side >= SMALL_FACE else 2))
        block += block % 2
        _pixelate(y, x1, y1, x2, y2, block, 48)
        for c in (u, v):
            _pixelate(c, x1 // 2, y1 // 2, x2 // 2, y2 // 2, block // 2, 24)


__all__ = ["fill_planes", "planes", "to_frame"]
