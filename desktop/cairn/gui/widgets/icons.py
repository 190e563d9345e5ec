"""Cairn's icons: one-colour SVGs in `resources/icons/`, drawn in the theme's text colour.

`icon("week")` returns a QIcon whose engine re-reads the application palette every time it
paints, so a run-time theme switch recolours every icon already on screen (no widget has to
set its icon again). Disabled icons take the palette's disabled text colour, selected ones the
highlighted-text colour. An unknown name gives an empty QIcon (`isNull()` is true).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ...locations import resources_dir

#: The greys the icon set (Adwaita symbolic) draws with; they are replaced by the theme colour.
#: Any other colour (the app logo's blues) is kept.
_SYMBOLIC_FILL = re.compile(
    r"#2e3436|#2e3434|#474747|#222222|rgb\(18\.039216%,\s*20\.392157%,\s*2[01]\.\d+%\)",
    re.IGNORECASE,
)


def icons_dir() -> Path:
    """The folder of shipped SVG icons."""
    return resources_dir() / "icons"


def icon_names() -> list[str]:
    """Every icon name shipped, sorted."""
    return sorted(path.stem for path in icons_dir().glob("*.svg"))


@cache
def _svg_text(name: str) -> str | None:
    path = icons_dir() / f"{name}.svg"
    if not name or "/" in name or "\\" in name or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def recoloured_svg(name: str, color: str) -> str | None:
    """The SVG text of icon `name` drawn in `color` (None if it is not shipped)."""
    text = _svg_text(name)
    return None if text is None else _SYMBOLIC_FILL.sub(color, text)


@cache
def _renderer(name: str, color: str) -> QSvgRenderer | None:
    recoloured = recoloured_svg(name, color)
    if recoloured is None:
        return None
    renderer = QSvgRenderer(QByteArray(recoloured.encode("utf-8")))
    return renderer if renderer.isValid() else None


def _mode_color(mode: QIcon.Mode) -> str:
    """The palette colour an icon in this mode is drawn with."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.WindowText).name()


class _ThemedSvgEngine(QIconEngine):
    """Paints one shipped SVG in the current palette's colour for the icon mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        renderer = _renderer(self._name, _mode_color(mode))
        if renderer is not None:
            renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(QPoint(0, 0), QSize(width, height)), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _ThemedSvgEngine(self._name)

    def key(self) -> str:
        return "cairn-themed-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return _svg_text(self._name) is None


def icon(name: str) -> QIcon:
    """The shipped icon `name`, drawn in the theme's colours; an empty QIcon if unknown."""
    if _svg_text(name) is None:
        return QIcon()
    return QIcon(_ThemedSvgEngine(name))


def icon_color(name: str, mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """The colour `name` is drawn with now in `mode` (for tests and the design notes)."""
    return _mode_color(mode) if _svg_text(name) is not None else ""
