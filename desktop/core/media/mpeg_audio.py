"""The length of an MPEG audio frame from its 4-byte header (MPEG-1/2/2.5, layers I-III):
what the MP3 cleaner needs to find where the audio ends and a trailing tag begins."""

from __future__ import annotations

_MP3_BITRATES = {  # kbit/s by (MPEG-1?, layer) and index
    (True, 1): [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    (True, 2): [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    (True, 3): [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    (False, 1): [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    (False, 2): [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_MP3_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def mpeg_audio_frame_length(h: bytes) -> int | None:
    """Length of the MPEG audio frame whose 4-byte header is ``h`` (None if not a header)."""
    if len(h) < 4 or h[0] != 0xFF or (h[1] & 0xE0) != 0xE0:
        return None
    version, layer_bits = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    br_idx, sr_idx, pad = h[2] >> 4, (h[2] >> 2) & 3, (h[2] >> 1) & 1
    if version == 1 or layer_bits == 0 or br_idx in (0, 15) or sr_idx == 3:
        return None
    layer = 4 - layer_bits
    mpeg1 = version == 3
    kbps = _MP3_BITRATES[(mpeg1, layer if mpeg1 or layer == 1 else 2)][br_idx]
    rate = _MP3_RATES[version][sr_idx]
    if layer == 1:
        return (12 * kbps * 1000 // rate + pad) * 4
    return (144 if mpeg1 or layer == 2 else 72) * kbps * 1000 // rate + pad
