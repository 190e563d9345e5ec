"""Render Cairn's icon (resources/icons/cairn.svg) for desktop integration:
packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for every size the icon theme spec
lists from 16 to 512 px, and the SVG itself as the scalable icon; with --ico / --icns, the
Windows and macOS icon files the bundle builds use (PNG images inside, as both formats allow
since Windows Vista and OS X 10.7).

    python tools/icons.py                                   (offscreen; no display needed)
    python tools/icons.py --ico cairn.ico --icns cairn.icns (only those two files)
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.cairndesktop.Cairn"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = ROOT / "resources" / "icons" / "cairn.svg"
THEME = ROOT / "packaging" / "linux" / "icons" / "hicolor"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The icns element types holding PNG data, by the pixel size each holds.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)

Render = Callable[[int], bytes]


def ico_bytes(png: Render, sizes: Iterable[int] = ICO_SIZES) -> bytes:
    """A Windows .ico holding one PNG image per size (256 is written as 0, as the format
    says)."""
    images = [(size, png(size)) for size in sizes]
    offset = 6 + 16 * len(images)
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, data = b"", b""
    for size, image in images:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
        data += image
    return header + entries + data


def icns_bytes(png: Render) -> bytes:
    """A macOS .icns of PNG elements from 16 to 1024 px (the Retina '@2x' types included)."""
    body = b""
    for kind, size in ICNS_TYPES:
        image = png(size)
        body += kind + struct.pack(">I", 8 + len(image)) + image
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render Cairn's icon files from its SVG.")
    parser.add_argument("--ico", type=Path, help="write a Windows .ico here (and nothing else)")
    parser.add_argument("--icns", type=Path, help="write a macOS .icns here (and nothing else)")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")

    def image(size: int) -> QImage:
        drawn = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return drawn

    def png(size: int) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image(size).save(buffer, "PNG"):
            raise SystemExit(f"could not render the icon at {size} px")
        return bytes(buffer.data().data())

    if args.ico or args.icns:
        for target, made in ((args.ico, ico_bytes), (args.icns, icns_bytes)):
            if target is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(made(png))
                print(f"wrote {target}")
        del app
        return 0
    for size in SIZES:
        target = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image(size).save(str(target)):
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
