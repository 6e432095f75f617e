"""Audio and video: remuxed without re-encoding, in constant memory.

PyAV (FFmpeg's libraries) demuxes the original and a fresh muxer writes only
the audio and video streams' packets and codec parameters into a new
container of the same family: container and stream tags, chapters,
subtitle and data tracks (telemetry, timed metadata), attachments, cover art
and every box, chunk or block the muxer does not itself write are dropped by
construction, and the coded streams stay bit-identical.

The muxer wants a seekable output (MP4 patches its ``mdat`` size, WAV and
AIFF their chunk sizes, FLAC its STREAMINFO...), but the cleaned copy goes
straight into the encrypted store, which is written front to back.  So the
file is muxed twice: the first pass writes nowhere and records what the
muxer rewrote behind itself (a few bytes: an MP4's ``mdat`` size, a WAV's
chunk sizes); the second pass streams its output with those rewrites
applied.  The second pass's own rewrites must then be exactly the recorded
ones (same offsets, same final bytes) and its length the first pass's: that
proves the streamed copy is byte for byte what the muxer would have left in
a seekable file, or the copy is refused.  (Comparing rewrites instead of a
checksum of both whole outputs spares hashing every byte twice.)

For MP4, MOV and 3GP the first pass does not even read the file: the
demuxer's index gives every packet's size and time, and the muxer is fed
zero-filled packets of those sizes (:func:`_mux_from_index`).  The check
above still decides; when the index did not tell the whole story the copy
is made again the slow way (the vault's writer can start over).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .report import CLEANED, CleanCancelled, CleanError, CleanReport, Kept, Sink
from .mpeg_audio import mpeg_audio_frame_length

MAX_PATCH_BYTES = 16 * 1024 * 1024
IO_BUFFER = 1024 * 1024  # bytes FFmpeg gathers before each call into Python

# original type -> (muxer, type of the copy)
MUXERS: dict[str, tuple[str, str]] = {
    "video/mp4": ("mp4", "video/mp4"), "video/quicktime": ("mov", "video/quicktime"),
    "video/3gpp": ("3gp", "video/3gpp"), "audio/mp4": ("ipod", "audio/mp4"),
    "video/webm": ("webm", "video/webm"), "video/x-matroska": ("matroska", "video/x-matroska"),
    "video/x-msvideo": ("avi", "video/x-msvideo"), "video/x-ms-wmv": ("asf", "video/x-ms-wmv"),
    "audio/x-ms-wma": ("asf", "audio/x-ms-wma"), "audio/mpeg": ("mp3", "audio/mpeg"),
    "audio/wav": ("wav", "audio/wav"), "audio/flac": ("flac", "audio/flac"),
    "audio/ogg": ("ogg", "audio/ogg"), "audio/aiff": ("aiff", "audio/aiff"), "audio/amr": ("amr", "audio/amr"),
}
# options that keep the muxer from writing anything of its own (version strings, empty tags)
_OPTIONS: dict[str, dict[str, str]] = {
    "mp3": {"id3v2_version": "0", "write_id3v1": "0"},
    "wav": {"write_bext": "0"},
    "aiff": {"write_id3v2": "0"},
}

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class _Recorder:
    """Seekable sink that keeps nothing but what the muxer rewrote behind itself."""

    def __init__(self) -> None:
        self.pos = self.end = 0
        self.patches: list[tuple[int, bytes]] = []
        self.patch_bytes = 0

    def _rewrite(self, b: memoryview) -> memoryview:
        """Record the part of ``b`` that lands on bytes already written; return the rest."""
        back = bytes(b[: self.end - self.pos])
        self.patches.append((self.pos, back))
        self.patch_bytes += len(back)
        if self.patch_bytes > MAX_PATCH_BYTES:
            raise CleanError("the muxer rewrote too much of its output")
        self.pos += len(back)
        return b[len(back):]

    def final_patches(self) -> list[tuple[int, bytes]]:
        """What the rewrites left, as sorted spans that neither overlap nor touch."""
        spans: list[tuple[int, bytearray]] = []
        for off, data in self.patches:
            end = off + len(data)
            keep = [(s, b) for s, b in spans if s + len(b) < off or s > end]
            touch = [(s, b) for s, b in spans if not (s + len(b) < off or s > end)]
            lo = min([off, *(s for s, _ in touch)])
            hi = max([end, *(s + len(b) for s, b in touch)])
            merged = bytearray(hi - lo)
            for s, b in touch:
                merged[s - lo:s - lo + len(b)] = b
            merged[off - lo:end - lo] = data
            spans = sorted([*keep, (lo, merged)])
        return [(s, bytes(b)) for s, b in spans]

    def write(self, b: Any) -> int:
        b = memoryview(b)
        n = len(b)
        if self.pos < self.end:
            b = self._rewrite(b)
        if b:
            self.pos += len(b)
            self.end = self.pos
        return n

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = offset if whence == 0 else (self.pos + offset if whence == 1 else self.end + offset)
        if self.pos < 0:
            raise OSError("negative seek")
        return self.pos

    def tell(self) -> int:
        return self.pos

    def read(self, n: int = -1) -> bytes:  # muxers we use never read back
        raise OSError("not readable")

    def flush(self) -> None:
        pass


class _Replayer(_Recorder):
    """Second pass: streams the output front to back with the recorded rewrites applied."""

    def __init__(self, out: Sink, patches: list[tuple[int, bytes]]) -> None:
        super().__init__()
        self.out = out
        self.recorded = patches
        self.size = 0

    def write(self, b: Any) -> int:
        b = memoryview(b)
        n = len(b)
        if self.pos < self.end:  # a rewrite: applied already from the first pass; checked at the end
            b = self._rewrite(b)
        if b:
            if self.pos > self.end:
                b = memoryview(bytes(self.pos - self.end) + bytes(b))
                self.pos = self.end
            start, end = self.pos, self.pos + len(b)
            hits = [(off, data) for off, data in self.recorded if off < end and off + len(data) > start]
            if hits:
                buf = bytearray(b)
                for off, data in hits:
                    lo, hi = max(off, start), min(off + len(data), end)
                    buf[lo - start:hi - start] = data[lo - off:hi - off]
                self.out.write(bytes(buf))
            else:
                self.out.write(b)  # a view of the bytes PyAV made of its buffer: no second copy
            self.size += len(b)
            self.pos = self.end = end
        return n


def _keys(meta: Any) -> list[str]:
    try:
        return sorted(str(k) for k in dict(meta))
    except Exception:  # noqa: BLE001 - hostile input: any failure is a refusal
        return []


def _plan(path: Path) -> tuple[list[str], list[str]]:
    """What the original carries besides its streams (names only: never values)."""
    import av

    found: list[str] = []
    removed: list[str] = []
    with av.open(str(path), metadata_errors="ignore") as c:
        tags = list(_keys(c.metadata))
        if tags:
            found.append(f"container tags ({', '.join(tags[:12])})")
        for s in c.streams:
            st = [k for k in _keys(s.metadata) if k != "language"]
            disp = getattr(s, "disposition", None)
            attached = "attached_pic" in repr(disp)
            if s.type in ("video", "audio") and not attached:
                if st:
                    found.append(f"{s.type} stream tags ({', '.join(st[:8])})")
            elif attached:
                found.append("embedded cover picture")
            else:
                found.append(f"{s.type} track ({'telemetry or timed metadata' if s.type == 'data' else s.type})")
    removed = list(found)
    return found, removed


def _streams(c: Any) -> list[Any]:
    keep = []
    for s in c.streams:
        disp = getattr(s, "disposition", None)
        attached = "attached_pic" in repr(disp)
        if s.type in ("video", "audio") and not attached:
            keep.append(s)
    return keep


def _mux(path: Path, sink: _Recorder, muxer: str, total: int, progress: ProgressFn | None,
         cancel: CancelFn | None, base: int, trailing: set[str]) -> int:
    import av

    with av.open(str(path), metadata_errors="ignore") as src:
        keep = _streams(src)
        if not keep:
            raise CleanError("no audio or video stream to keep")
        options = {"fflags": "+bitexact", **_OPTIONS.get(muxer, {})}
        dst = av.open(sink, "w", format=muxer, options=options, buffer_size=IO_BUFFER)
        try:
            mapping = {}
            for s in keep:
                o = dst.add_stream_from_template(s)
                for key in list(o.metadata):
                    del o.metadata[key]
                if s.type == "video" and getattr(s, "time_base", None):
                    o.time_base = s.time_base
                mapping[s.index] = o
            packets = 0
            mp3 = {s.index for s in keep if s.codec_context.name in ("mp3", "mp3float", "mp2", "mp1")}
            for p in src.demux(keep):
                if p.size == 0 and p.dts is None:
                    continue  # flush packet
                if p.stream.index in mp3:
                    # MPEG audio has no container: tags after the last frame (ID3v2 at the end,
                    # Lyrics3, APE) reach us inside the last packet.  Keep whole frames only.
                    raw = bytes(p)
                    n = mpeg_audio_frame_length(raw[:4])
                    if n is None:
                        trailing.add("data that is not audio between or after frames")
                        continue
                    if len(raw) > n:
                        trailing.add("data after the last audio frame (tags appended at the end)")
                        q = av.Packet(raw[:n])
                        q.pts, q.dts, q.time_base, q.duration = p.pts, p.dts, p.time_base, p.duration
                        p = q
                        p.stream = mapping[next(iter(mp3))]
                        dst.mux(p)
                        packets += 1
                        continue
                p.stream = mapping[p.stream.index]
                dst.mux(p)
                packets += 1
                if packets % 256 == 0:
                    if cancel is not None and cancel():
                        raise CleanCancelled()
                    if progress is not None and p.pos is not None and p.pos >= 0:
                        progress(base + min(int(p.pos), total), 2 * total)
        finally:
            dst.close()
    return packets


# First pass from the index (see _mux_from_index): MP4-family muxers, and codecs whose
# packets the MP4 muxer writes as they are, whatever their bytes (H.264 and HEVC only
# with their usual length-prefixed configuration; MP3 is trimmed to whole frames here).
_INDEX_MUXERS = {"mp4", "mov", "3gp", "ipod"}
_HOLLOW_CODECS = {"h264", "hevc", "mpeg4", "av1", "vp9", "mjpeg", "prores", "aac", "alac", "amr_nb", "amr_wb",
                  "pcm_s16le", "pcm_s16be", "pcm_s24le", "pcm_s24be", "pcm_f32le"}


def _mux_from_index(path: Path, sink: _Recorder, muxer: str, cancel: CancelFn | None) -> bool:
    """The first pass without reading the file a first time.

    The first pass only has to learn what the muxer rewrites behind itself (for
    MP4 the ``mdat`` size), which depends on the packets' sizes and times, not on
    their bytes.  An MP4's index lists every packet's size and time, so the
    muxer is fed packets of those sizes, filled with zeros.  Whether that
    guessed right is not assumed: the second pass's own rewrites are compared
    with these, as always, and a mismatch makes the caller clean again the
    slow way.  False when the index cannot stand in for the packets.
    """
    import av

    if muxer not in _INDEX_MUXERS:
        return False
    with av.open(str(path), metadata_errors="ignore") as src:
        if not src.format.name.startswith("mov"):
            return False
        keep = _streams(src)
        if not keep:
            raise CleanError("no audio or video stream to keep")
        entries: list[tuple[Any, int, int, int, int]] = []
        for s in keep:
            cc = s.codec_context
            extradata = bytes(cc.extradata or b"")
            if cc.name not in _HOLLOW_CODECS or (cc.name in ("h264", "hevc") and extradata[:1] != b"\x01"):
                return False
            tb = s.time_base
            for e in s.index_entries:
                entries.append((e.timestamp * tb, s.index, e.timestamp, e.size, e.flags))
        listed = sum(e[3] for e in entries)
        if not entries or listed < path.stat().st_size // 2 or max(e[3] for e in entries) > MAX_PATCH_BYTES:
            return False  # a fragmented or odd file: its index is not the whole story
        entries.sort(key=lambda e: (e[0], e[1]))
        zeros = memoryview(bytes(max(e[3] for e in entries)))
        options = {"fflags": "+bitexact", **_OPTIONS.get(muxer, {})}
        dst = av.open(sink, "w", format=muxer, options=options, buffer_size=IO_BUFFER)
        try:
            mapping = {}
            for s in keep:
                o = dst.add_stream_from_template(s)
                for key in list(o.metadata):
                    del o.metadata[key]
                if s.type == "video" and getattr(s, "time_base", None):
                    o.time_base = s.time_base
                mapping[s.index] = (o, s.time_base)
            for n, (_t, index, ts, size, flags) in enumerate(entries):
                o, tb = mapping[index]
                p = av.Packet(zeros[:size])  # type: ignore[arg-type]  # any buffer; copied
                p.pts = p.dts = ts
                p.time_base = tb
                p.is_keyframe = bool(flags & 1)
                p.stream = o
                dst.mux(p)
                if n % 1024 == 0 and cancel is not None and cancel():
                    raise CleanCancelled()
        finally:
            dst.close()
    return True


def clean_av(path: Path, out: Sink, mime: str, kind: str, progress: ProgressFn | None = None,
             cancel: CancelFn | None = None) -> CleanReport:
    import av

    if mime not in MUXERS:
        raise CleanError(f"no remuxer for {mime}")
    muxer, out_mime = MUXERS[mime]
    total = path.stat().st_size
    try:
        found, removed = _plan(path)
        trailing: set[str] = set()
        quick = False
        rec = _Recorder()
        try:
            quick = _mux_from_index(path, rec, muxer, cancel)
        except av.FFmpegError:
            quick = False
        if not quick:
            rec = _Recorder()
            _mux(path, rec, muxer, total, progress, cancel, 0, trailing)
        rep = _Replayer(out, rec.patches)
        second = progress if not quick or progress is None else (lambda done, n: progress(2 * done, n))
        _mux(path, rep, muxer, total, second, cancel, total if not quick else 0, trailing)
        # Only the rewrites can be compared after an index pass: its zero-filled packets make
        # a different moov (no composition offsets), so its length differs; the rewrites alone
        # prove the streamed copy right.
        if quick and rep.final_patches() != rec.final_patches():
            restart = getattr(out, "restart", None)
            if restart is None:
                raise CleanError("the quick first pass did not match the file; not stored")
            restart()  # the index did not tell the whole story: the copy is made again, the slow way
            rec = _Recorder()
            _mux(path, rec, muxer, total, progress, cancel, 0, trailing)
            rep = _Replayer(out, rec.patches)
            _mux(path, rep, muxer, total, progress, cancel, total, set())
            quick = False
        found += sorted(trailing)
        removed += sorted(trailing)
    except CleanError:
        raise
    except av.FFmpegError as exc:
        raise CleanError(f"cannot remux this {kind} file ({_ffmsg(exc)})") from None
    if (not quick and rep.end != rec.end) or rep.final_patches() != rec.final_patches():
        raise CleanError("the remuxed copy was not reproducible; not stored")
    report = CleanReport(CLEANED, kind, mime, out_mime,
                         f"streams remuxed without re-encoding into a new {muxer} container (FFmpeg via PyAV)",
                         found, removed)
    report.notes.append("audio and video streams copied bit for bit: data inside the coded streams "
                        "(e.g. encoder settings, some cameras' in-stream SEI) is not inspected")
    if not found:
        report.notes.append("no tags or extra tracks found; the container was rebuilt anyway")
    return report.finish()


def _ffmsg(exc: BaseException) -> str:
    msg = str(getattr(exc, "strerror", "") or exc)
    return msg.splitlines()[0][:120] if msg else type(exc).__name__


__all__ = ["MUXERS", "Kept", "clean_av"]
