"""The Windows and macOS icon files the bundle builds make from the SVG (`tools/icons.py
--ico/--icns`) are read back by Qt's own ico and icns readers, image by image, at the sizes each
platform asks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImageReader

ROOT = Path(__file__).resolve().parents[2]


def _images(path: Path) -> list[tuple[int, int, bool]]:
    reader = QImageReader(str(path))
    found = []
    for number in range(reader.imageCount()):
        assert reader.jumpToImage(number)
        image = reader.read()
        assert not image.isNull(), (path, number, reader.errorString())
        corner, middle = (
            image.pixelColor(0, 0),
            image.pixelColor(image.width() // 2, image.height() // 2),
        )
        found.append((image.width(), image.height(), corner.alpha() == 0 and middle.alpha() > 0))
    return found


def test_the_build_makes_ico_and_icns_files_qt_reads_back(tmp_path: Path) -> None:
    ico, icns = tmp_path / "cairn.ico", tmp_path / "cairn.icns"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "icons.py"), "--ico", str(ico), "--icns", str(icns)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert QImageReader(str(ico)).format() == b"ico"
    assert sorted(_images(ico)) == [
        (size, size, True) for size in (16, 24, 32, 48, 64, 128, 256)
    ]  # a transparent corner and the drawing in the middle, at every size
    assert QImageReader(str(icns)).format() == b"icns"
    sizes = {width for width, height, drawn in _images(icns) if width == height and drawn}
    assert {16, 32, 64, 128, 256, 512, 1024} <= sizes
