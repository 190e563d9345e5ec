"""Render Cairn's icon (resources/icons/cairn.svg) for desktop integration:
packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for every size the icon theme spec
lists from 16 to 512 px, and the SVG itself as the scalable icon.

    python tools/icons.py          (offscreen; no display needed)
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.cairndesktop.Cairn"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = ROOT / "resources" / "icons" / "cairn.svg"
THEME = ROOT / "packaging" / "linux" / "icons" / "hicolor"


def main() -> int:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(f"wrote {target.relative_to(ROOT)}")
    scalable = THEME / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"wrote {scalable.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
