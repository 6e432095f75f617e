"""Faces hidden in video: detected on sampled frames, carried between them, burnt in.

The cleaned copy is decoded frame by frame (PyAV).  CenterFace (``faces.detect``)
runs on every ``every``-th frame; the frames in between wait in a short
look-ahead queue until the next detection is known, and each frame is filled
with the boxes of the detection before it, the one after it and the one
before that.  So a face is covered from a detection interval before it is
first found to one after it was last found (a face missed on one sampled
frame, by motion blur say, stays covered), and a moving face is covered
along its path.  Boxes drawn by hand in the review are filled in every frame.

The fill is made in the frames' own YUV planes (:mod:`video_fill`: solid, or
coarse pixels with noise; never a blur; no RGB copy of a frame is made), the
picture is re-encoded with H.264 (libx264 in PyAV's wheel) and the audio
packets are copied bit for bit.  The copy is written front to back
(fragmented MP4, or Matroska when the audio cannot go in MP4), so it streams
into the encrypted store; nothing of the original's container metadata is
copied.  Memory is bounded (tests/benchmarks/bench_video_faces.py): the
look-ahead holds at most ``LOOKAHEAD_BYTES`` of decoded frames (fewer frames
between detections for big pictures); detection looks at a frame scaled by
FFmpeg straight from its planes, in tiles (``faces.detect``); x264 runs
without its own look-ahead or B-frames, with slice threads (each frame it
holds at 1080p costs several MB; the copy is somewhat larger for it).
"""
from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .faces import Box, detail_size, detect
from .report import CleanCancelled, CleanError
from .video_fill import FULL_RANGE, fill_planes, is_full_range, planes, to_frame

EVERY = 5                       # detect on one frame in this many
LOOKAHEAD_BYTES = 24 * 1024 * 1024
MAX_PIXELS = 3840 * 2160        # larger pictures are refused (memory and time)
CRF = "20"
PRESET = "veryfast"
X264_PARAMS = "rc-lookahead=0:bframes=0:sliced-threads=1:threads=2:sync-lookahead=0"
_MP4_AUDIO = {"aac", "mp3", "alac", "opus", "ac3", "eac3", "flac"}

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


@dataclass
class Sample:
    """One frame shown in the review, with what the detector found on it."""

    time: float                  # seconds from the start
    jpeg: bytes                  # the (upright) frame, JPEG, in memory only
    width: int
    height: int
    boxes: list[Box] = field(default_factory=list)


@dataclass
class VideoFacesResult:
    frames: int = 0
    detections: int = 0          # frames the detector ran on
    frames_with_faces: int = 0   # of those, how many had a face
    most_faces: int = 0          # the most faces found on one sampled frame
    mime: str = "video/mp4"
    ext: str = ".mp4"
    every: int = EVERY
    notes: list[str] = field(default_factory=list)


def _upright_image(im: Any, frame: Any) -> Any:
    """``im`` (a picture of ``frame``) turned as a player would show it (display matrix)."""
    from PIL import Image

    rot = round(float(getattr(frame, "rotation", 0) or 0)) % 360
    if rot == 90:
        return im.transpose(Image.Transpose.ROTATE_90)
    if rot == 180:
        return im.transpose(Image.Transpose.ROTATE_180)
    if rot == 270:
        return im.transpose(Image.Transpose.ROTATE_270)
    return im


def _upright(frame: Any) -> Any:
    """The frame as a PIL image, turned as a player would show it (display matrix)."""
    return _upright_image(frame.to_image(), frame)


def _detect_frame(frame: Any) -> list[Box]:
    """Faces in a decoded frame, in the upright picture's pixels.

    The frame is scaled to the detector's size by FFmpeg straight from its
    YUV planes (no full-size RGB picture), then turned upright.
    """
    quarter = round(float(getattr(frame, "rotation", 0) or 0)) % 180 == 90
    w, h = (frame.height, frame.width) if quarter else (frame.width, frame.height)  # upright
    sw, sh = detail_size(w, h)
    small = frame.reformat(width=sh if quarter else sw, height=sw if quarter else sh, format="rgb24").to_image()
    small = _upright_image(small, frame)
    fx, fy = w / small.width, h / small.height
    return [Box(b.x1 * fx, b.y1 * fy, b.x2 * fx, b.y2 * fy, b.score) for b in detect(small)]


def _video_stream(container: Any) -> Any:
    streams = [s for s in container.streams.video if "attached_pic" not in repr(getattr(s, "disposition", ""))]
    if not streams:
        raise CleanError("no video stream")
    s = streams[0]
    w, h = s.codec_context.width, s.codec_context.height
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        raise CleanError(f"video picture of {w} x {h} pixels is larger than faces can be hidden in here "
                         f"(limit {MAX_PIXELS} pixels)")
    return s


def sample_faces(src: Any, count: int = 6, cancel: CancelFn | None = None) -> list[Sample]:
    """``count`` frames spread over the video, each with the faces the detector finds on it."""
    import av

    samples: list[Sample] = []
    with av.open(src, "r", metadata_errors="ignore") as c:
        v = _video_stream(c)
        v.thread_type = "AUTO"
        duration = float(v.duration * v.time_base) if v.duration and v.time_base else \
            (c.duration / 1e6 if c.duration else 0.0)
        times = [duration * (i + 0.5) / count for i in range(count)] if duration > 0 else [0.0]
        for t in times:
            if cancel is not None and cancel():
                raise CleanCancelled()
            if t > 0 and v.time_base:
                c.seek(int(t / v.time_base), stream=v, backward=True, any_frame=False)
            frame = None
            for frame in c.decode(v):
                if frame.time is None or frame.time >= t - 0.05:
                    break
            if frame is None:
                continue
            im = _upright(frame).convert("RGB")
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=85)
            samples.append(Sample(float(frame.time or t), buf.getvalue(), im.width, im.height, detect(im)))
    return samples


def _output_format(c: Any, audio: list[Any]) -> tuple[str, str, str, dict[str, str]]:
    if all(a.codec_context.name in _MP4_AUDIO for a in audio):
        return "mp4", "video/mp4", ".mp4", {"movflags": "frag_keyframe+empty_moov+default_base_moof"}
    return "matroska", "video/x-matroska", ".mkv", {}


class _FrontToBack:
    """Output without seek: the muxer writes the file once, front to back."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.size = 0

    def write(self, b: Any) -> int:
        data = bytes(b)
        self.out.write(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _union(*groups: list[Box]) -> list[Box]:
    out: list[Box] = []
    for g in groups:
        out.extend(g)
    return out


def _between(a: list[Box], b: list[Box]) -> list[Box]:
    """Boxes half way along the path of each face found at both ends (nearest centre)."""
    mids = []
    for x in a:
        cx, cy = (x.x1 + x.x2) / 2, (x.y1 + x.y2) / 2
        best, dist = None, 0.0
        for y in b:
            d = ((y.x1 + y.x2) / 2 - cx) ** 2 + ((y.y1 + y.y2) / 2 - cy) ** 2
            if best is None or d < dist:
                best, dist = y, d
        if best is not None and dist ** 0.5 < 2 * max(x.x2 - x.x1, x.y2 - x.y1):
            mids.append(Box((x.x1 + best.x1) / 2, (x.y1 + best.y1) / 2, (x.x2 + best.x2) / 2,
                            (x.y2 + best.y2) / 2, min(x.score, best.score)))
    return mids


def hide_faces_in_video(src: Any, out: Any, hand_boxes: list[Box] | None = None, mode: str = "solid",
                        every: int | None = None, progress: ProgressFn | None = None,
                        cancel: CancelFn | None = None) -> VideoFacesResult:
    """Write into ``out`` (a ``write``-only sink) a copy of the video ``src`` with faces filled."""
    import av

    hand = list(hand_boxes or [])
    result = VideoFacesResult()
    with av.open(src, "r", metadata_errors="ignore") as c:
        v = _video_stream(c)
        v.thread_type = "AUTO"
        audio = list(c.streams.audio)
        muxer, result.mime, result.ext, options = _output_format(c, audio)
        frame_bytes = v.codec_context.width * v.codec_context.height * 3 // 2
        every = EVERY if every is None else every
        result.every = every = max(1, min(every, LOOKAHEAD_BYTES // max(1, frame_bytes)))
        total = int(v.frames or 0)
        if not total and v.duration and v.average_rate:
            total = int(v.duration * v.time_base * v.average_rate)
        sink = _FrontToBack(out)
        dst = av.open(sink, "w", format=muxer, options={"fflags": "+bitexact", **options})
        try:
            ov: Any = None
            amap = {}
            for a in audio:
                o = dst.add_stream_from_template(a)
                for key in list(o.metadata):
                    del o.metadata[key]
                amap[a.index] = o
            pending: deque[Any] = deque()
            before: list[Box] = []        # detection before the last one
            last: list[Box] = []          # the last detection
            count = 0
            held_audio: list[Any] = []

            full_range = False            # the source's samples use the whole 0-255 range

            def emit(frame: Any, boxes: list[Box]) -> None:
                nonlocal ov, full_range
                rotated = round(float(getattr(frame, "rotation", 0) or 0)) % 360 != 0
                if ov is None:
                    full_range = is_full_range(frame)
                    rate = v.average_rate or v.guessed_rate or 25
                    ov = dst.add_stream("libx264", rate=rate)
                    w, h = (frame.height, frame.width) if rotated and frame.rotation % 180 else \
                        (frame.width, frame.height)
                    ov.width, ov.height, ov.pix_fmt = w - w % 2, h - h % 2, "yuv420p"
                    ov.time_base = v.time_base
                    ov.codec_context.time_base = v.time_base
                    ov.options = {"preset": PRESET, "crf": CRF, "x264-params": X264_PARAMS}
                    if full_range:  # kept full range (tagged so), never squeezed or clipped
                        ov.codec_context.color_range = FULL_RANGE
                    for held in held_audio:  # no stream may be added once packets were written
                        dst.mux(held)
                    held_audio.clear()
                pts = frame.pts
                if boxes or rotated or full_range or frame.format.name not in ("yuv420p", "yuvj420p") \
                        or frame.width % 2 or frame.height % 2:
                    y, u, vv, full = planes(frame)
                    fill_planes(y, u, vv, full, boxes, mode)
                    frame = to_frame(y, u, vv, full)
                    del y, u, vv
                frame.pts, frame.time_base = pts, v.time_base
                for p in ov.encode(frame):
                    dst.mux(p)

            def flush(upto_next: list[Box]) -> None:
                boxes = _union(before, last, upto_next, _between(last, upto_next), hand)
                while pending:
                    emit(pending.popleft(), boxes)

            keep = [v, *audio]
            for packet in c.demux(keep):
                if cancel is not None and cancel():
                    raise CleanCancelled()
                if packet.stream.index in amap:
                    if packet.dts is None:
                        continue
                    packet.stream = amap[packet.stream.index]
                    if ov is None:
                        held_audio.append(packet)
                        if len(held_audio) > 4096:
                            raise CleanError("the audio runs far ahead of the first picture")
                    else:
                        dst.mux(packet)
                    continue
                for frame in packet.decode():
                    if count % every == 0:
                        found = _detect_frame(frame)
                        result.detections += 1
                        result.frames_with_faces += bool(found)
                        result.most_faces = max(result.most_faces, len(found))
                        flush(found)
                        before, last = last, found
                    pending.append(frame)
                    count += 1
                    if progress is not None and count % 8 == 0:
                        progress(count, max(total, count))
            flush([])
            if ov is None:
                raise CleanError("no frame could be decoded")
            for p in ov.encode(None):
                dst.mux(p)
        finally:
            dst.close()
    result.frames = count
    if progress is not None:
        progress(count, count)
    result.notes.append(f"faces looked for on 1 frame in {every}; boxes carried to the frames between")
    return result


def frames_of(data: bytes) -> Iterator[Any]:
    """The frames of an in-memory video, as upright PIL images (for tests and checks)."""
    import av

    with av.open(io.BytesIO(data), "r") as c:
        for frame in c.decode(video=0):
            yield _upright(frame)


__all__ = ["EVERY", "Sample", "VideoFacesResult", "frames_of", "hide_faces_in_video", "sample_faces"]
