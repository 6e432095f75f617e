"""Benchmark of face detection: frames per second on this machine.

    .venv/bin/python -m pytest tests/benchmarks/bench_faces.py -q -s -p no:cacheprovider
    BENCH_SCALE=smoke .venv/bin/python -m pytest tests/benchmarks/bench_faces.py -q -s -p no:cacheprovider

Frames are the public-domain portrait of tests/data/media/faces tiled into
1280 x 720 and 1920 x 1080 pictures (6 and 12 faces). Reported: detection
frames per second (the model runs on at most 1280 pixels on the long side),
the fill, and as a reference measured in the same run, decoding + JPEG
re-encoding of the same frame (what touching each frame costs at all).

``test_tiles_against_one_whole_run``: recall of the detector as it runs
(1080p frames looked at in 512 x 320 tiles plus once whole and small) against
the former single run on the whole 1280 x 704 picture, on generated 1080p
frames with the portrait pasted at sizes from 48 to 600 pixels (faces of
about 9 to 110 pixels wide; known positions): faces found of those placed,
time a frame, and each way's peak memory in a fresh child process (after the
model is loaded, and the whole process).
"""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
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


FACE = (90, 28, 136, 88)  # the face in the portrait (x1, y1, x2, y2), of 256 x 256
RECALL_FRAMES = 2 if os.environ.get("BENCH_SCALE") == "smoke" else 20


def _crowd(rng: random.Random) -> tuple[Image.Image, list[tuple[float, float, float, float]]]:
    """A 1080p frame with up to 14 pasted portraits of random sizes, and where their faces are."""
    with Image.open(PORTRAIT) as p:
        portrait = p.convert("RGB")
    im, truth, placed = Image.new("RGB", (1920, 1080), (30, 60, 90)), [], []
    for _ in range(400):
        if len(truth) >= 14:
            break
        s = rng.choice([48, 64, 80, 100, 130, 170, 220, 300, 420, 600])
        x, y = rng.randrange(-s // 4, 1920 - 3 * s // 4), rng.randrange(-s // 8, 1080 - 3 * s // 4)
        if any(not (x + s <= a or a + b <= x or y + s <= c or c + b <= y) for a, c, b in placed):
            continue
        placed.append((x, y, s))
        im.paste(portrait.resize((s, s)), (x, y))
        f = (FACE[0] * s / 256 + x, FACE[1] * s / 256 + y, FACE[2] * s / 256 + x, FACE[3] * s / 256 + y)
        if f[0] >= 0 and f[1] >= 0 and f[2] <= 1920 and f[3] <= 1080:
            truth.append(f)
    return im, truth


def _whole(frame: Image.Image) -> list[faces.Box]:
    """The former way: one run on the whole picture at the detail size."""
    sw, sh = faces.detail_size(*frame.size)
    fx, fy = frame.width / sw, frame.height / sh
    return [faces.Box(b.x1 * fx, b.y1 * fy, b.x2 * fx, b.y2 * fy, b.score)
            for b in faces._nms(faces._run(frame.resize((sw, sh)), faces.THRESHOLD))]


def _hit(t: tuple[float, float, float, float], boxes: list[faces.Box]) -> bool:
    for b in boxes:
        ix = max(0.0, min(b.x2, t[2]) - max(b.x1, t[0]))
        iy = max(0.0, min(b.y2, t[3]) - max(b.y1, t[1]))
        if ix * iy > 0.5 * (t[2] - t[0]) * (t[3] - t[1]):
            return True
    return False


MEMORY_CHILD = r"""
import json, re, sys
sys.path.insert(0, sys.argv[1])
from PIL import Image
from desktop.core.media import faces
from tests.benchmarks import bench_faces
def hwm():
    return int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) * 1024
frame, _ = bench_faces._crowd(__import__("random").Random(3))
faces.detect(Image.new("RGB", (64, 64)))
ready = hwm()
for _ in range(2):
    faces.detect(frame) if sys.argv[2] == "tiles" else bench_faces._whole(frame)
print(json.dumps({"ready": ready, "hwm": hwm()}))
"""


def test_tiles_against_one_whole_run(report: Report) -> None:
    root = Path(__file__).resolve().parents[2]
    rng = random.Random(11)
    found = {"tiles": 0, "whole": 0}
    spent = {"tiles": 0.0, "whole": 0.0}
    placed = 0
    faces.detect(Image.new("RGB", (64, 64)))
    for _ in range(RECALL_FRAMES):
        frame, truth = _crowd(rng)
        placed += len(truth)
        for way, fn in (("tiles", faces.detect), ("whole", _whole)):
            t = time.perf_counter()
            boxes = fn(frame)
            spent[way] += time.perf_counter() - t
            found[way] += sum(_hit(f, boxes) for f in truth)
    report(f"{RECALL_FRAMES} generated 1080p frames, {placed} faces placed (9 to 110 pixels wide)")
    for way, label in (("tiles", f"tiles of {faces.TILE[0]} x {faces.TILE[1]} + whole picture small"),
                       ("whole", "one run on the whole picture (the former way)")):
        proc = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(root), way], capture_output=True,
                              text=True, check=False, cwd=root)
        assert proc.returncode == 0, proc.stderr
        m = json.loads(proc.stdout.strip().splitlines()[-1])
        report(f"{label}: {found[way]} of {placed} found ({found[way] / placed:.0%}), "
               f"{spent[way] / RECALL_FRAMES * 1000:.0f} ms a frame, peak memory {m['hwm'] / 2**20:.0f} MiB "
               f"(+{(m['hwm'] - m['ready']) / 2**20:.0f} MiB over the loaded model)")
    assert found["tiles"] >= found["whole"]
