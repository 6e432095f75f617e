"""Benchmark of face detection: frames per second on this machine.

    .venv/bin/python -m pytest tests/benchmarks/bench_faces.py -q -s -p no:cacheprovider
    BENCH_SCALE=smoke .venv/bin/python -m pytest tests/benchmarks/bench_faces.py -q -s -p no:cacheprovider

Frames are the public-domain portrait of tests/data/media/faces tiled into
1280 x 720 and 1920 x 1080 pictures (6 and 12 faces). Reported: detection
frames per second (the model runs on at most 1280 pixels on the long side),
the fill, and as a reference measured in the same run, decoding + JPEG
re-encoding of the same frame (what touching each frame costs at all).
"""
from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.media import faces
from tests.benchmarks.conftest import Report

pytestmark = pytest.mark.benchmark

FRAMES = 5 if os.environ.get("BENCH_SCALE") == "smoke" else 50
PORTRAIT = Path(__file__).resolve().parents[1] / "data" / "media" / "faces" / "astronaut.jpg"


def _frame(w: int, h: int) -> Image.Image:
    with Image.open(PORTRAIT) as p:
        tile = p.convert("RGB").resize((h // 2, h // 2))
    out = Image.new("RGB", (w, h))
    for y in range(0, h, tile.height):
        for x in range(0, w, tile.width):
            out.paste(tile, (x, y))
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_detection_fps(size, report: Report) -> None:
    frame = _frame(*size)
    buf = io.BytesIO()
    frame.save(buf, "JPEG", quality=90)
    jpeg = buf.getvalue()
    faces.detect(frame)  # load the model once
    t = time.perf_counter()
    for _ in range(FRAMES):
        with Image.open(io.BytesIO(jpeg)) as im:
            im.load()
            im.save(io.BytesIO(), "JPEG", quality=90)
    ref = (time.perf_counter() - t) / FRAMES
    t = time.perf_counter()
    found = []
    for _ in range(FRAMES):
        found = faces.detect(frame)
    det = (time.perf_counter() - t) / FRAMES
    t = time.perf_counter()
    for _ in range(FRAMES):
        faces.fill(frame, found)
    fill = (time.perf_counter() - t) / FRAMES
    report(f"{size[0]}x{size[1]}, {len(found)} faces found per frame, {FRAMES} frames, "
           f"onnxruntime on {faces.os.cpu_count()} cores")
    report(f"detection: {1 / det:.1f} frames/s ({det * 1000:.0f} ms a frame)")
    report(f"fill (pixelate + noise): {fill * 1000:.1f} ms a frame")
    report(f"reference, JPEG decode + encode of the frame: {ref * 1000:.1f} ms; detection = {det / ref:.1f}x that")
    assert len(found) >= 4
