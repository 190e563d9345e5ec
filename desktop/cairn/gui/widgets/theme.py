"""Light and dark themes on Qt's Fusion style, plus the small style sheet Cairn adds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#1f2124",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#222428",
    QPalette.ColorRole.ToolTipBase: "#2b2d31",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8a8f98",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2b2d31",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#7cb7ff",
    QPalette.ColorRole.LinkVisited: "#b99cff",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Mid: "#3a3d42",
    QPalette.ColorRole.Midlight: "#34373c",
    QPalette.ColorRole.Dark: "#121314",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Light: "#3f4247",
}

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f4f2",
    QPalette.ColorRole.WindowText: "#1d1d1f",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f7f9",
    QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#1d1d1f",
    QPalette.ColorRole.PlaceholderText: "#6e7179",
    QPalette.ColorRole.Text: "#1d1d1f",
    QPalette.ColorRole.Button: "#ececea",
    QPalette.ColorRole.ButtonText: "#1d1d1f",
    QPalette.ColorRole.BrightText: "#c0392b",
    QPalette.ColorRole.Link: "#0b57d0",
    QPalette.ColorRole.LinkVisited: "#6a3fb5",
    QPalette.ColorRole.Highlight: "#2f6fd0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


#: The greyed text of a disabled control in each theme: clearly fainter than enabled text on
#: the button and window colours (`setColor(role, …)` alone gives disabled controls the
#: enabled colours, so a disabled button looked enabled).
_DISABLED_TEXT = {"dark": "#7c8088", "light": "#9a9ca3"}
_DISABLED_ROLES = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
    QPalette.ColorRole.WindowText,
)


def _grey_out_disabled(palette: QPalette, concrete: str) -> None:
    """Give disabled text, button labels and window text the theme's greyed colour."""
    disabled = QColor(_DISABLED_TEXT[concrete])
    for role in _DISABLED_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)


def is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve_theme(name: str) -> str:
    """'system' becomes 'light' or 'dark' from the desktop's colour scheme."""
    if name in ("light", "dark"):
        return name
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, name: str, style_dir: Path | None = None) -> str:
    """Apply a theme by name; return the concrete theme used ('light' or 'dark')."""
    concrete = resolve_theme(name)
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (_DARK if concrete == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(color))
    _grey_out_disabled(palette, concrete)
    app.setPalette(palette)
    sheet = ""
    if style_dir is not None:
        path = style_dir / "cairn.qss"
        if path.is_file():
            sheet = path.read_text(encoding="utf-8")
    app.setStyleSheet(sheet)
    return concrete
