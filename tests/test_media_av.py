"""Audio and video: remuxed without re-encoding (desktop/core/media/av.py)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import av
import pytest

from desktop.core import media
from tests.media_kit import (
    CANARY,
    MAT2,
    bwf,
    exiftool,
    flac_with_foreign_blocks,
    identifying,
    metadata_groups,
    mp3_with_tail_tags,
    mp4_with_unknown_box,
    needs_exiftool,
    video,
)


def _clean(src: Path, tmp_path: Path) -> tuple[Path, media.CleanReport]:
    out = io.BytesIO()
    report = media.clean_file(src, out)
    dst = tmp_path / ("clean-" + src.name)
    dst.write_bytes(out.getvalue())
    return dst, report


def _packets(path: Path) -> dict[str, list[bytes]]:
    """Each kept stream's packets, in order (interleaving may differ between muxers)."""
    with av.open(str(path)) as c:
        keep = [s for s in c.streams if s.type in ("audio", "video") and "attached_pic" not in repr(s.disposition)]
        out: dict[str, list[bytes]] = {}
        for p in c.demux(keep):
            if p.size:
                out.setdefault(p.stream.type, []).append(bytes(p))
        return out


def test_mp4_gps_tags_and_unknown_boxes_gone_streams_bit_identical(tmp_path):
    src = mp4_with_unknown_box(tmp_path / "phone.mp4")
    assert CANARY.encode() in src.read_bytes()
    dst, report = _clean(src, tmp_path)
    assert report.status == "cleaned" and report.clean_mime == "video/mp4"
    data = dst.read_bytes()
    assert CANARY.encode() not in data and b"+33.5138" not in data and b"xgps" not in data
    assert any("location" in f for f in report.removed)
    assert _packets(dst) == _packets(src)  # not re-encoded


def test_remux_is_reproducible(tmp_path):
    src = video(tmp_path / "v.mp4")
    a, _ = _clean(src, tmp_path)
    first = a.read_bytes()
    b, _ = _clean(src, tmp_path)
    assert b.read_bytes() == first


@pytest.mark.parametrize("fmt,name,vcodec,acodec,mime", [
    ("mov", "v.mov", "mpeg4", "aac", "video/quicktime"),
    ("matroska", "v.mkv", "mpeg4", "libopus", "video/x-matroska"),
    ("webm", "v.webm", "libvpx", "libopus", "video/webm"),
    ("avi", "v.avi", "mpeg4", "libmp3lame", "video/x-msvideo"),
    ("asf", "v.wmv", "wmv2", "libmp3lame", "video/x-ms-wmv"),
    ("3gp", "v.3gp", "mpeg4", "aac", "video/3gpp"),
    ("ipod", "a.m4a", None, "aac", "audio/mp4"),
    ("amr", "a.amr", None, "libopencore_amrnb", "audio/amr"),
])
def test_every_container_rebuilt_as_itself(tmp_path, fmt, name, vcodec, acodec, mime):
    src = video(tmp_path / name, fmt=fmt, vcodec=vcodec, acodec=acodec)
    dst, report = _clean(src, tmp_path)
    assert report.status == "cleaned", report
    assert report.mime == mime and report.clean_mime == mime
    data = dst.read_bytes()
    assert CANARY.encode() not in data and CANARY.encode("utf-16-le") not in data
    assert _packets(dst) == _packets(src)


@needs_exiftool
@pytest.mark.parametrize("name", ["dirty.mp4", "dirty.avi", "dirty.mp3", "dirty.ogg", "dirty.flac", "dirty.wav",
                                  "dirty.aiff"])
def test_mat2_dirty_audio_video(tmp_path, name):
    src = MAT2 / name
    before = exiftool(src)
    assert identifying(before) or metadata_groups(before)
    dst, report = _clean(src, tmp_path)
    assert report.cleaned, report
    after = exiftool(dst)
    assert identifying(after) == [] and metadata_groups(after) - {"Vorbis"} == set()
    # a Vorbis comment header is part of Ogg/FLAC; only its vendor string may remain
    assert [k for k in after if k.startswith("Vorbis:") and k != "Vorbis:Vendor"
            and not k.startswith("Vorbis:Vorbis") and k not in ("Vorbis:AudioChannels", "Vorbis:SampleRate",
                                                                 "Vorbis:NominalBitrate")] == []


@needs_exiftool
@pytest.mark.parametrize("make", [bwf, flac_with_foreign_blocks, mp3_with_tail_tags])
def test_what_tag_lists_missed(tmp_path, make):
    """Broadcast WAV (bext, iXML, XMP), FLAC APPLICATION/RIFF blocks, MP3 ID3 at the end and Lyrics3."""
    src = make(tmp_path / ("x" + {"bwf": ".wav", "flac_with_foreign_blocks": ".flac"}.get(make.__name__, ".mp3")))
    assert CANARY.encode() in src.read_bytes()
    dst, report = _clean(src, tmp_path)
    assert report.cleaned, report
    assert CANARY.encode() not in dst.read_bytes()
    assert CANARY not in str(exiftool(dst))
    if make is mp3_with_tail_tags:  # the tags at the end were cut from the last frame, nothing else changed
        a, b = _packets(dst)["audio"], _packets(src)["audio"]
        assert len(a) >= len(b) - 1 and a[:len(b) - 1] == b[:len(a)][:len(b) - 1]
        assert {"data after the last audio frame (tags appended at the end)",
                "data that is not audio between or after frames"} & set(report.removed)
    else:
        assert _packets(dst) == _packets(src)


@pytest.mark.parametrize("damage", ["truncated", "huge_box", "garbage_after_ftyp"])
def test_hostile_video_one_line(tmp_path, damage):
    src = video(tmp_path / "v.mp4")
    data = src.read_bytes()
    if damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "huge_box":
        data = data[:8] + b"\x00\x00\x00\x01moov" + (2 ** 62).to_bytes(8, "big") + data[8:]
        data = data[:32] + b"\x00\x00\x00\x01mdat" + (2 ** 63 - 1).to_bytes(8, "big") + data[48:]
    else:
        data = data[:32] + bytes(range(256)) * 8
    bad = tmp_path / f"{damage}.mp4"
    bad.write_bytes(data)
    out = io.BytesIO()
    report = media.clean_file(bad, out)
    if report.status != "not_cleaned":
        # FFmpeg may salvage part of a damaged file: then what it kept must still be clean
        assert CANARY.encode() not in out.getvalue()
    else:
        assert report.reason and "\n" not in report.reason


def test_no_av_stream_is_not_cleaned(tmp_path):
    f = tmp_path / "x.mp3"
    f.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x0a" + bytes(10))
    report = media.clean_file(f, io.BytesIO())
    assert report.status == "not_cleaned" and report.reason


def test_cover_art_and_data_tracks_dropped(tmp_path):
    dst, report = _clean(MAT2 / "dirty.flac", tmp_path)
    assert "embedded cover picture" in report.removed
    with av.open(str(dst)) as c:
        assert [s.type for s in c.streams] == ["audio"]


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
def test_mp4_location_gone_for_exiftool(tmp_path):
    src = video(tmp_path / "gps.mp4")
    assert any("GPS" in k for k in exiftool(src))
    dst, _ = _clean(src, tmp_path)
    tags = exiftool(dst)
    assert not [k for k in tags if "GPS" in k or "Location" in k] and identifying(tags) == []


def _muxer_like(sink, header: bytes, body: bytes, patch: bytes) -> None:
    """What a muxer does to a seekable output: header, body, then back to fix the header."""
    sink.write(header)
    sink.write(body)
    sink.seek(4)
    sink.write(patch)
    sink.seek(0, 2)
    sink.write(b"tail")


def test_streamed_copy_is_checked_against_the_second_pass_own_rewrites():
    """The copy is streamed with the first pass's rewrites; it is kept only if the second pass
    rewrote exactly those bytes (no checksum of every byte is needed for that)."""
    from desktop.core.media.av import _Recorder, _Replayer

    header, body = b"HEAD????rest", bytes(range(256)) * 40
    rec = _Recorder()
    _muxer_like(rec, header, body, b"SIZE")
    out = io.BytesIO()
    rep = _Replayer(out, rec.patches)
    _muxer_like(rep, header, body, b"SIZE")
    assert out.getvalue() == b"HEADSIZErest" + body + b"tail"
    assert rep.end == rec.end and rep.final_patches() == rec.final_patches() == [(4, b"SIZE")]
    # a second pass whose muxer went back with other bytes is caught
    rep2 = _Replayer(io.BytesIO(), rec.patches)
    _muxer_like(rep2, header, body, b"SIZF")
    assert rep2.final_patches() != rec.final_patches()
    # and one that did not go back at all
    rep3 = _Replayer(io.BytesIO(), rec.patches)
    rep3.write(header)
    rep3.write(body)
    rep3.write(b"tail")
    assert rep3.final_patches() != rec.final_patches()
    # overlapping rewrites settle to the last bytes written
    r = _Recorder()
    r.write(b"0123456789")
    r.seek(2)
    r.write(b"ab")
    r.seek(3)
    r.write(b"XYZ")
    assert r.final_patches() == [(2, b"aXYZ")]


def test_first_pass_from_the_index_reads_the_file_once_and_gives_the_same_copy(tmp_path, monkeypatch):
    from desktop.core.media import av as avmod

    src = video(tmp_path / "phone.mp4", frames=60)
    reads = []
    real = avmod._mux
    monkeypatch.setattr(avmod, "_mux", lambda *a, **k: reads.append(1) or real(*a, **k))
    quick = io.BytesIO()
    assert avmod.clean_av(src, quick, "video/mp4", "video").cleaned
    assert len(reads) == 1  # the first pass came from the MP4's index: the file was demuxed once
    monkeypatch.setattr(avmod, "_mux_from_index", lambda *a: False)
    exact = io.BytesIO()
    assert avmod.clean_av(src, exact, "video/mp4", "video").cleaned
    assert len(reads) == 3 and quick.getvalue() == exact.getvalue()


def test_a_wrong_guess_from_the_index_is_caught_and_the_copy_made_again(tmp_path, monkeypatch):
    from pyrage import x25519

    from desktop.core.media import av as avmod
    from desktop.core.vault.blobwriter import BlobWriter

    src = video(tmp_path / "phone.mp4", frames=60)
    exact = io.BytesIO()
    avmod.clean_av(src, exact, "video/mp4", "video")

    def lying(path, sink, muxer, cancel):  # an index that does not tell the whole story
        sink.write(b"\0" * 100)
        sink.seek(36)
        sink.write(b"LIES")
        return True

    monkeypatch.setattr(avmod, "_mux_from_index", lying)
    with pytest.raises(media.CleanError, match="did not match"):  # a sink that cannot start again: refused
        avmod.clean_av(src, io.BytesIO(), "video/mp4", "video")
    folder = tmp_path / "blobs"
    folder.mkdir()
    ident = x25519.Identity.generate()
    writer = BlobWriter(folder, ident.to_public())
    report = avmod.clean_av(src, writer, "video/mp4", "video")  # the vault's writer starts again
    name = writer.commit()
    assert report.cleaned and [p.name for p in folder.iterdir()] == [name]
    assert writer.size == len(exact.getvalue()) and writer.sha.hexdigest() == __import__("hashlib").sha256(
        exact.getvalue()).hexdigest()
    assert pyrage_decrypt(folder / name, ident) == exact.getvalue()


def pyrage_decrypt(path: Path, ident) -> bytes:
    import pyrage

    return pyrage.decrypt(path.read_bytes(), [ident])
