"""Faces hidden in video: found on sampled frames, carried between them, filled in every
frame of the copy a default bundle carries; audio copied bit for bit; cancel leaves nothing."""
from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops, ImageStat

from desktop.core.bundle import export_bundle
from desktop.core.media import faces, video_faces
from desktop.core.services import attachments
from desktop.core.vault import Cancelled
from desktop.core.vault.seekable import SeekableDecrypt
from tests.bundle_kit import open_tar, simple_view

from tests.media_kit import FACE_VIDEO_FRAMES as FRAMES
from tests.media_kit import FACE_VIDEO_HAND as HAND
from tests.media_kit import FACE_VIDEO_SIZE as SIZE
from tests.media_kit import face_video as make_video
from tests.media_kit import face_video_at as face_at


def audio_packets(data: bytes) -> list[bytes]:
    with av.open(io.BytesIO(data)) as c:
        return [bytes(p) for p in c.demux(audio=0) if p.size]


def _mean(im: Image.Image, box: tuple[int, int, int, int]) -> float:
    return max(ImageStat.Stat(im.convert("RGB").crop(box)).mean)


def test_every_frame_of_the_sent_copy_has_the_face_filled(pair, tmp_path):
    src = make_video(tmp_path / "clip.mp4")
    att = pair.field.import_attachment(src)
    assert att.cleaned and att.kind == "video"
    samples = attachments.video_face_samples(pair.field, att.id, count=3)
    assert len(samples) == 3 and all(s.boxes for s in samples)  # the review shows what was found
    with Image.open(io.BytesIO(samples[0].jpeg)) as first:
        assert first.size == SIZE
    seen = []
    att = attachments.hide_faces(pair.field, att.id, [faces.Box(*HAND)], "solid",
                                 progress=lambda done, total: seen.append((done, total)))
    assert att.faces_sha256 and att.faces and att.faces["video"] and att.faces["frames"] == FRAMES
    assert att.faces["sampled_with_faces"] == att.faces["sampled"] >= FRAMES // video_faces.EVERY
    assert seen and seen[-1][0] == FRAMES
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / attachments.copy_filename(att)
    attachments.export_copy(pair.field, att.id, out)  # the default copy: faces hidden
    data = out.read_bytes()
    frames = list(video_faces.frames_of(data))
    assert len(frames) == FRAMES
    for i, im in enumerate(frames):
        assert _mean(im, face_at(i)) < 12, i          # black where the face was, in every frame
        assert _mean(im, HAND) < 12, i                # and the area boxed by hand
        assert _mean(im, (0, 200, 60, 240)) > 60, i   # the rest of the picture is still there
        assert faces.detect(im) == []
    assert b"WITNESS-CANARY-4471" not in data and b"33.5138" not in data
    clean = io.BytesIO()
    pair.field.read_attachment(att.id, clean, cleaned=True)
    assert audio_packets(data) == audio_packets(clean.getvalue())  # sound copied bit for bit
    rid = pair.field.add_record("footage", "1", {"narrative": "march"}, {}, attachment_ids=[att.id])
    bundle = tmp_path / "b.tstm"
    export_bundle(pair.field, pair.card.fingerprint, bundle, simple_view)
    members = {m.name: d for m, d in open_tar(pair, bundle)}
    assert f"attachments/{att.faces_sha256}" in members and f"attachments/{att.clean_sha256}" not in members
    sent = json.loads(members[f"records/{rid}.json"])["attachments"][0]
    assert sent["faces_hidden"] >= 2 and sent["mime"] == "video/mp4"


def test_cancel_leaves_no_copy_and_no_blob(pair, tmp_path):
    src = make_video(tmp_path / "clip.mp4")
    att = pair.field.import_attachment(src)
    blobs = set(os.listdir(pair.field.path / "blobs"))
    with pytest.raises(Cancelled):
        attachments.hide_faces(pair.field, att.id, [], "solid", cancel=lambda: True)
    assert pair.field.attachment(att.id).faces_sha256 is None
    assert set(os.listdir(pair.field.path / "blobs")) == blobs


def test_seekable_decrypt_serves_any_seek_with_a_small_window():
    rng = random.Random(7)
    plain = os.urandom(3 * 1024 * 1024 + 123)

    def produce(w):
        for i in range(0, len(plain), 100_000):
            w.write(plain[i:i + 100_000])

    with SeekableDecrypt(produce, len(plain), window=256 * 1024) as f:
        assert f.seek(0, os.SEEK_END) == len(plain) and f.read(10) == b""
        for _ in range(60):
            pos, n = rng.randrange(len(plain)), rng.randrange(1, 300_000)
            f.seek(pos)
            got = b""
            while len(got) < n and (part := f.read(n - len(got))):  # short reads are allowed, not wrong bytes
                got += part
            assert got == plain[pos:pos + n] and f.tell() == min(len(plain), pos + n)
        assert f.restarts > 1  # long backward seeks decrypt again from the top


def test_a_phone_video_filmed_sideways_is_searched_and_sent_upright(tmp_path):
    """Phones store the picture sideways with a display rotation: faces are looked for on the
    picture as it is shown, and the copy is upright with no rotation left to apply."""
    portrait = Image.open(Path(__file__).parent / "data" / "media" / "faces" / "astronaut.jpg").convert("RGB")
    src = tmp_path / "sideways.mp4"
    with av.open(str(src), "w", format="mp4") as out:
        v = out.add_stream("libx264", rate=24)
        v.width, v.height, v.pix_fmt = 256, 256, "yuv420p"
        v.set_display_rotation(90)
        stored = portrait.transpose(Image.Transpose.ROTATE_270)
        for _ in range(10):
            for p in v.encode(av.VideoFrame.from_image(stored)):
                out.mux(p)
        for p in v.encode(None):
            out.mux(p)
    copy = io.BytesIO()
    result = video_faces.hide_faces_in_video(str(src), copy, mode="solid")
    assert result.frames_with_faces == result.detections >= 2
    with av.open(io.BytesIO(copy.getvalue())) as c:
        first = next(c.decode(video=0))
        assert not first.rotation
        shown = first.to_image()
    assert _mean(shown, (90, 28, 136, 88)) < 12  # the face, where it is when the video is upright
    assert _mean(shown, (0, 200, 60, 240)) > 30


def test_pixelated_video_has_no_face_left_to_find_and_keeps_the_rest(tmp_path):
    """The fill is made in the frames' own YUV planes: coarse noisy blocks where the face was
    (in every frame, none the detector still finds), the rest of the picture still there."""
    src = make_video(tmp_path / "clip.mp4")
    copy = io.BytesIO()
    result = video_faces.hide_faces_in_video(str(src), copy, mode="pixelate")
    assert result.frames == FRAMES and result.frames_with_faces == result.detections
    with av.open(str(src)) as c:
        originals = [f.to_image() for f in c.decode(video=0)]
    for i, (im, orig) in enumerate(zip(video_faces.frames_of(copy.getvalue()), originals, strict=True)):
        assert faces.detect(im) == [], i
        face = face_at(i)
        inner = (face[0] + 8, face[1] + 8, face[2] - 8, face[3] - 8)
        assert ImageStat.Stat(im.crop(inner).convert("L")).stddev[0] > 4, i   # blocks with noise, not flat
        changed = ImageStat.Stat(ImageChops.difference(im.crop(inner), orig.crop(inner)).convert("L")).mean[0]
        assert changed > 15, i                                                  # the face is not there
        assert _mean(im, (0, 200, 60, 240)) > 60, i


@pytest.mark.parametrize("hand", [[], [faces.Box(50, 40, 60, 50, 1.0)]])
def test_full_range_footage_keeps_its_levels(hand):
    """Phones film full range (0-255): the face-hidden copy keeps the shadows and highlights
    as they were (it had squeezed them, 20 and 235 shown as 4 and 255), boxes or not."""
    import numpy as np

    src = io.BytesIO()
    with av.open(src, "w", format="mp4") as c:
        s = c.add_stream("libx264", rate=10)
        s.width, s.height, s.pix_fmt = 128, 96, "yuvj420p"
        for i in range(6):
            y = np.full((96, 128), 20, np.uint8)
            y[:, 64:] = 235  # dark left half, light right half
            flat = np.concatenate([y.reshape(-1), np.full(64 * 48 * 2, 128, np.uint8)]).reshape(144, 128)
            frame = av.VideoFrame.from_ndarray(flat, format="yuvj420p")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)

    def levels(data: bytes) -> tuple[float, float]:
        with av.open(io.BytesIO(data)) as c:
            gray = next(c.decode(video=0)).to_image().convert("L")
        return _mean(gray.convert("RGB"), (5, 0, 40, 96)), _mean(gray.convert("RGB"), (90, 0, 120, 96))

    out = io.BytesIO()
    video_faces.hide_faces_in_video(io.BytesIO(src.getvalue()), out, hand_boxes=hand, mode="solid")
    dark, light = levels(out.getvalue())
    want_dark, want_light = levels(src.getvalue())
    assert abs(dark - want_dark) <= 3 and abs(light - want_light) <= 3, (dark, light, want_dark, want_light)
