"""Faces hidden on request, in photos and in video (made from the cleaned copy).

Photos are decrypted in memory, video is read through :class:`SeekableDecrypt`
(decrypted on the fly, bounded memory, never on disk). The face-hidden copy
is encrypted as it is made; it is what a default bundle and an export carry.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import pyrage

from . import custodylog as custody
from .blobs import BlobsMixin
from .seekable import SeekableDecrypt
from .types import BLOBS, Attachment, CancelFn, Cancelled, ProgressFn, VaultError

if TYPE_CHECKING:
    from ..media.faces import Box
    from ..media.video_faces import Sample

FILLS = ("pixelate", "solid")
# Decrypted bytes kept behind the reading point of a video. The cleaned copy was written by our
# own muxer, interleaved by time, so the demuxer reads it front to back: a short window serves
# its small steps back (tests/benchmarks/bench_video_faces.py prints how often it decrypted anew).
VIDEO_WINDOW = 8 * 1024 * 1024


class FacesMixin(BlobsMixin):
    def _cleaned_image(self, att_id: str) -> tuple[Attachment, bytes]:
        from ..media.images import MAX_FILE_BYTES

        att = self.attachment(att_id)
        if att.kind != "image" or not att.cleaned:
            raise VaultError("Faces can be hidden in cleaned photos and videos only")
        if int(att.clean_size or 0) > MAX_FILE_BYTES:
            raise VaultError("This photo is too large to hide faces in")
        buf = io.BytesIO()
        self.read_attachment(att_id, buf, cleaned=True)
        return att, buf.getvalue()

    def _cleaned_video(self, att_id: str) -> tuple[Attachment, SeekableDecrypt]:
        att = self.attachment(att_id)
        if att.kind != "video" or not att.cleaned:
            raise VaultError("Faces can be hidden in cleaned photos and videos only")
        with self._lock:
            name = self._attachment_row(att_id)[14]
        path = self.path / BLOBS / name
        identities = self._blob_identities()

        def decrypt(writer: Any) -> None:
            with open(path, "rb", buffering=1 << 20) as f:
                pyrage.decrypt_io(f, writer, identities)

        return att, SeekableDecrypt(decrypt, int(att.clean_size or 0), window=VIDEO_WINDOW)

    def detect_faces(self, att_id: str) -> list[Box]:
        """Boxes around the faces the model finds in the cleaned copy of a photo (decrypted in memory)."""
        from PIL import Image

        from ..media import faces

        _att, data = self._cleaned_image(att_id)
        try:
            with Image.open(io.BytesIO(data)) as im:
                return faces.detect(im)
        except (OSError, ValueError) as exc:
            raise VaultError(f"This photo cannot be read ({type(exc).__name__})") from None

    def video_face_samples(self, att_id: str, count: int = 6, cancel: CancelFn | None = None) -> list[Sample]:
        """Frames spread over the cleaned video, each with the faces found on it (for the review)."""
        import av

        from .. import media
        from ..media import video_faces

        _att, src = self._cleaned_video(att_id)
        try:
            with src:
                return video_faces.sample_faces(src, count, cancel)
        except media.CleanCancelled:
            raise Cancelled() from None
        except media.CleanError as exc:
            raise VaultError(f"Could not look for faces ({exc})") from None
        except (OSError, ValueError, av.FFmpegError) as exc:
            raise VaultError(f"This video cannot be read ({_line(exc)})") from None

    def hide_faces(self, att_id: str, boxes: list[Box], mode: str = "pixelate",
                   progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> Attachment:
        """Burn the faces into a new copy; that copy is what bundles carry by default.

        A photo gets the reviewed ``boxes``. A video gets the faces the model
        finds throughout (see media.video_faces) plus ``boxes``, drawn by hand
        on its sample frames, in every frame. The original and the cleaned
        copy stay as they are (the original goes to headquarters only with
        identities). An empty list for a photo removes a face-hidden copy made before.
        """
        if mode not in FILLS:
            raise VaultError(f"Unknown fill {mode!r}")
        att = self.attachment(att_id)
        with self._lock:
            old = self._attachment_row(att_id)[17]
        new_blob: str | None
        sha: str | None
        size: int | None
        doc: dict[str, Any] | None
        if att.kind == "video":
            new_blob, sha, size, doc = self._hide_in_video(att_id, boxes, mode, progress, cancel)
        else:
            new_blob, sha, size, doc = self._hide_in_photo(att_id, boxes, mode)
        try:
            with self._tx() as c:
                c.execute("UPDATE attachments SET faces_blob = ?, faces_sha256 = ?, faces_size = ?, faces_json = ?"
                          " WHERE id = ?", (new_blob, sha, size, json.dumps(doc) if doc else None, att_id))
                custody.append(c, "attachment.faces", att.record_id, attachment=att_id,
                               faces=int(doc.get("faces_hidden", len(boxes))) if doc else 0, mode=mode, sha256=sha)
        except BaseException:
            if new_blob:
                (self.path / BLOBS / new_blob).unlink(missing_ok=True)
            raise
        if old:
            (self.path / BLOBS / old).unlink(missing_ok=True)
        return self.attachment(att_id)

    def _hide_in_photo(self, att_id: str, boxes: list[Box],
                       mode: str) -> tuple[str | None, str | None, int | None, dict[str, Any] | None]:
        from .. import media
        from ..media import faces

        att, data = self._cleaned_image(att_id)
        if not boxes:
            return None, None, None, None
        try:
            hidden = faces.hide_faces(data, att.clean_mime or att.mime, boxes, mode)
        except media.CleanError as exc:
            raise VaultError(f"Could not hide the faces ({exc})") from None
        writer = self._encrypting_writer()
        try:
            writer.write(hidden)
            blob = writer.commit()
        except BaseException:
            writer.abort()
            raise
        doc = {"boxes": [b.to_dict() for b in boxes], "mode": mode, "faces_hidden": len(boxes)}
        return blob, writer.sha.hexdigest(), writer.size, doc

    def _hide_in_video(self, att_id: str, boxes: list[Box], mode: str, progress: ProgressFn | None,
                       cancel: CancelFn | None) -> tuple[str, str, int, dict[str, Any]]:
        import av

        from .. import media
        from ..media import video_faces

        _att, src = self._cleaned_video(att_id)
        writer = self._encrypting_writer()
        try:
            with src:
                result = video_faces.hide_faces_in_video(src, writer, boxes, mode, progress=progress, cancel=cancel)
            blob = writer.commit()
        except media.CleanCancelled:
            writer.abort()
            raise Cancelled() from None
        except media.CleanError as exc:
            writer.abort()
            raise VaultError(f"Could not hide the faces ({exc})") from None
        except (OSError, ValueError, av.FFmpegError) as exc:
            writer.abort()
            raise VaultError(f"Could not hide the faces in this video ({_line(exc)})") from None
        except BaseException:
            writer.abort()
            raise
        doc = {"boxes": [b.to_dict() for b in boxes], "mode": mode, "video": True, "mime": result.mime,
               "ext": result.ext, "frames": result.frames, "every": result.every,
               "sampled": result.detections, "sampled_with_faces": result.frames_with_faces,
               "faces_hidden": result.most_faces + len(boxes)}
        return blob, writer.sha.hexdigest(), writer.size, doc


def _line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__
