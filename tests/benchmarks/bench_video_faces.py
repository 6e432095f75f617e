"""Benchmark of hiding faces in video: frames per second on this machine.

    .venv/bin/python -m pytest tests/benchmarks/bench_video_faces.py -q -s -p no:cacheprovider
    BENCH_SCALE=smoke .venv/bin/python -m pytest tests/benchmarks/bench_video_faces.py -q -s -p no:cacheprovider

The clip is the public-domain portrait of tests/data/media/faces tiled into
1280 x 720 frames (6 faces, drifting), 150 frames at 30 fps (smoke: 320 x 240,
12 frames), MPEG-4 with AAC sound. Reported: frames per second of
``hide_faces_in_video`` (detection on 1 frame in 5, boxes carried, fill,
H.264 re-encode, audio copied), and, measured in the same run as the
reference, decoding + H.264 re-encoding of the same clip without any face
work (what re-encoding costs at all); peak memory of the process (VmHWM).
Hard check: every sampled frame of the copy has no face the detector finds.
"""
from __future__ import annotations

import io
import re
import time
from pathlib import Path

import av
import pytest
from PIL import Image

from desktop.core.media import faces, video_faces
from tests.benchmarks.conftest import Report, scale

pytestmark = pytest.mark.benchmark

PORTRAIT = Path(__file__).resolve().parents[1] / "data" / "media" / "faces" / "astronaut.jpg"
W, H = scale((1280, 720), (320, 240))
FRAMES = scale(150, 12)


def _clip(path: Path) -> None:
    with Image.open(PORTRAIT) as p:
        tile = p.convert("RGB").resize((H // 2, H // 2))
    with av.open(str(path), "w", format="mp4") as out:
        v = out.add_stream("mpeg4", rate=30)
        v.width, v.height, v.pix_fmt, v.bit_rate = W, H, "yuv420p", 6_000_000
        for i in range(FRAMES):
            frame = Image.new("RGB", (W, H), (30, 60, 90))
            for y in range(0, H, tile.height):
                for x in range(-tile.width, W, tile.width):
                    frame.paste(tile, (x + (2 * i) % tile.width, y))
            for p in v.encode(av.VideoFrame.from_image(frame)):
                out.mux(p)
        for p in v.encode(None):
            out.mux(p)


def _reencode(path: Path) -> int:
    """The reference: decode and re-encode with the same H.264 settings, no face work."""
    n = 0
    with av.open(str(path)) as src, av.open(io.BytesIO(), "w", format="matroska") as dst:
        s = src.streams.video[0]
        o = dst.add_stream("libx264", rate=s.average_rate)
        o.width, o.height, o.pix_fmt = s.codec_context.width, s.codec_context.height, "yuv420p"
        o.options = {"preset": video_faces.PRESET, "crf": video_faces.CRF, "x264-params": "rc-lookahead=8"}
        for frame in src.decode(s):
            img = frame.to_image()
            for p in o.encode(av.VideoFrame.from_image(img)):
                dst.mux(p)
            n += 1
        for p in o.encode(None):
            dst.mux(p)
    return n


def _hwm() -> int:
    return int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) * 1024


def test_video_face_hiding_fps(tmp_path: Path, report: Report) -> None:
    clip = tmp_path / "clip.mp4"
    _clip(clip)
    faces.detect(Image.new("RGB", (64, 64)))  # load the model once
    t = time.perf_counter()
    n_ref = _reencode(clip)
    ref = time.perf_counter() - t
    out = io.BytesIO()
    t = time.perf_counter()
    result = video_faces.hide_faces_in_video(str(clip), out, mode="pixelate")
    hide = time.perf_counter() - t
    assert result.frames == FRAMES == n_ref
    report(f"{W}x{H}, {FRAMES} frames, {result.most_faces} faces on a sampled frame, detection on 1 frame in "
           f"{result.every}")
    report(f"hide faces (detect, carry, fill, H.264 encode): {FRAMES / hide:.1f} frames/s ({hide:.1f} s)")
    report(f"reference, decode + H.264 re-encode only: {n_ref / ref:.1f} frames/s; hiding = {hide / ref:.1f}x that")
    report(f"peak memory of this process: {_hwm() / 2**20:.0f} MiB")
    frames = list(video_faces.frames_of(out.getvalue()))
    assert all(faces.detect(im) == [] for im in frames[:: max(1, FRAMES // 10)])
