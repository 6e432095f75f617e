"""Render the application icon (org.testimony.Testimony.svg) to the PNG sizes
the Linux desktop wants (48, 128, 256), a Windows .ico and a macOS .icns.

    .venv/bin/python packaging/icons/render_icons.py

Uses Qt's SVG renderer (QtSvg, part of PySide6-Essentials) and Pillow, both
already dependencies of the app. The outputs are committed; run this again
after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "org.testimony.Testimony.svg"
SIZES = (48, 128, 256)


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = []
    for size in SIZES:
        png = render(size)
        out = HERE / f"org.testimony.Testimony-{size}.png"
        # Re-save through Pillow: deterministic bytes (no timestamps), optimised.
        img = Image.open(io.BytesIO(png)).convert("RGBA")
        img.save(out, "PNG", optimize=True)
        images.append(img)
        print(f"wrote {out.relative_to(HERE.parent.parent)} ({size}x{size})")
    ico = HERE / "testimony.ico"
    images[-1].save(ico, format="ICO", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                              (128, 128), (256, 256)])
    print(f"wrote {ico.relative_to(HERE.parent.parent)}")
    icns = HERE / "testimony.icns"
    Image.open(io.BytesIO(render(1024))).convert("RGBA").save(icns, format="ICNS")
    print(f"wrote {icns.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
