"""Light and dark themes: one colour table per theme (`COLOURS`) fills both the Qt palette and
the style sheet template `resources/styles/cairn.qss`, so the design notes, the contrast test
and what is drawn cannot drift apart. "system" follows the desktop's colour scheme, also when
it changes while Cairn runs. `theme_signals().applied` tells views that draw their own colours
(HTML in a QTextBrowser, say) to restyle.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyle, QStyleOption, QWidget

from ...locations import resources_dir

THEMES = ("system", "light", "dark")

#: The design's colours (docs/design.md). Keys are the template's `@name@` placeholders.
COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f4f2",
        "surface": "#ffffff",
        "surface_alt": "#f6f7f9",
        "button": "#ececea",
        "button_hover": "#e2e2df",
        "button_pressed": "#d6d6d3",
        "border": "#b9bcc2",
        "text": "#1d1d1f",
        "text_secondary": "#55585f",
        "accent": "#2f6fd0",
        "accent_text": "#ffffff",
        "selection": "#2563c4",
        "selection_text": "#ffffff",
        "link": "#0b57d0",
        "link_visited": "#6a3fb5",
        "focus": "#1a5fd0",
        "disabled_text": "#9a9ca3",
        "disabled_surface": "#ebebe8",
        "disabled_border": "#d3d4d7",
        "track": "#e3e5e9",
        "chunk": "#9cbcef",
        "tooltip": "#ffffe6",
        "tooltip_text": "#1d1d1f",
        "done": "#1e7b34",
        "doing": "#9a5200",
        "skipped": "#5f636b",
        "todo": "#1d1d1f",
        "danger": "#b3261e",
        "banner": "#8a5a00",
        "banner_text": "#ffffff",
    },
    "dark": {
        "window": "#1f2124",
        "surface": "#17181a",
        "surface_alt": "#222428",
        "button": "#2b2d31",
        "button_hover": "#34373c",
        "button_pressed": "#3d4046",
        "border": "#4a4e55",
        "text": "#e6e6e6",
        "text_secondary": "#a9adb5",
        "accent": "#7cb7ff",
        "accent_text": "#111315",
        "selection": "#2f5d99",
        "selection_text": "#ffffff",
        "link": "#7cb7ff",
        "link_visited": "#c4a8ff",
        "focus": "#7cb7ff",
        "disabled_text": "#7c8088",
        "disabled_surface": "#25272a",
        "disabled_border": "#34373c",
        "track": "#2b2d31",
        "chunk": "#2f5d99",
        "tooltip": "#2b2d31",
        "tooltip_text": "#e6e6e6",
        "done": "#6fd08c",
        "doing": "#f0b35a",
        "skipped": "#a9adb5",
        "todo": "#e6e6e6",
        "danger": "#ff8a80",
        "banner": "#8a5a00",
        "banner_text": "#ffffff",
    },
}

#: Text/background pairs the design promises to keep readable, with the least WCAG ratio:
#: 4.5 for text, 3 for the focus ring (a non-text indicator). Disabled text is exempt in
#: WCAG and kept deliberately fainter than 4.5.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "window", 4.5),
    ("text", "surface", 4.5),
    ("text", "surface_alt", 4.5),
    ("text", "button", 4.5),
    ("text", "track", 4.5),
    ("text", "chunk", 4.5),
    ("text_secondary", "window", 4.5),
    ("text_secondary", "surface", 4.5),
    ("link", "surface", 4.5),
    ("link", "window", 4.5),
    ("link_visited", "surface", 4.5),
    ("accent_text", "accent", 4.5),
    ("selection_text", "selection", 4.5),
    ("tooltip_text", "tooltip", 4.5),
    ("done", "surface", 4.5),
    ("doing", "surface", 4.5),
    ("skipped", "surface", 4.5),
    ("todo", "surface", 4.5),
    ("danger", "surface", 4.5),
    ("danger", "window", 4.5),
    ("banner_text", "banner", 4.5),
    ("focus", "window", 3.0),
    ("focus", "surface", 3.0),
)

_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "text",
    QPalette.ColorRole.Base: "surface",
    QPalette.ColorRole.AlternateBase: "surface_alt",
    QPalette.ColorRole.ToolTipBase: "tooltip",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.PlaceholderText: "text_secondary",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "text",
    QPalette.ColorRole.BrightText: "danger",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link_visited",
    QPalette.ColorRole.Highlight: "selection",
    QPalette.ColorRole.HighlightedText: "selection_text",
    QPalette.ColorRole.Accent: "accent",
    QPalette.ColorRole.Mid: "border",
    QPalette.ColorRole.Midlight: "button_hover",
    QPalette.ColorRole.Light: "surface_alt",
}
_DARK_SHADES = {"dark": ("#121314", "#000000"), "light": ("#a0a2a8", "#5c5e63")}
_DISABLED_ROLES = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
    QPalette.ColorRole.WindowText,
)


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def palette_for(concrete: str) -> QPalette:
    """The Qt palette of 'light' or 'dark'."""
    colours = COLOURS[concrete]
    palette = QPalette()
    for role, key in _ROLES.items():
        palette.setColor(role, QColor(colours[key]))
    dark, shadow = _DARK_SHADES[concrete]
    palette.setColor(QPalette.ColorRole.Dark, QColor(dark))
    palette.setColor(QPalette.ColorRole.Shadow, QColor(shadow))
    disabled = QColor(colours["disabled_text"])
    for role in _DISABLED_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(colours["disabled_surface"])
    )
    return palette


def _icon_file(name: str, colour: str) -> str:
    """A shipped icon recoloured to `colour`, as a file a style sheet can name (written once
    into a per-user temporary folder; "" if the icon is not shipped)."""
    from .icons import recoloured_svg

    text = recoloured_svg(name, colour)
    if text is None:
        return ""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    user = re.sub(r"[^A-Za-z0-9_.-]", "_", user)
    folder = Path(tempfile.gettempdir()) / f"cairn-icons-{user}"
    target = folder / f"{name}-{colour.lstrip('#')}.svg"
    try:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError:
        return ""  # the indicator is drawn without its mark; the state is still said in words
    return target.as_posix()


def style_sheet(concrete: str, style_dir: Path | None = None) -> str:
    """The style sheet template filled with the theme's colours (`@role@`) and recoloured icon
    files (`@icon:name:role@`)."""
    path = (style_dir or resources_dir() / "styles") / "cairn.qss"
    if not path.is_file():
        return ""
    colours = COLOURS[concrete]
    text = re.sub(
        r"@icon:([a-z-]+):([a-z_]+)@",
        lambda m: _icon_file(m.group(1), colours[m.group(2)]),
        path.read_text(encoding="utf-8"),
    )
    return re.sub(r"@([a-z_]+)@", lambda m: colours.get(m.group(1), m.group(0)), text)


def document_style(concrete: str) -> str:
    """A default style sheet for HTML shown in text browsers (links, muted text)."""
    colours = COLOURS[concrete]
    return (
        f"a {{ color: {colours['link']}; }} "
        f".muted {{ color: {colours['text_secondary']}; }} "
        f"code, pre {{ background-color: {colours['surface_alt']}; }}"
    )


def current_theme() -> str:
    """The concrete theme applied last ('light' or 'dark')."""
    return _state["concrete"] or "light"


class _ThemeSignals(QObject):
    applied = Signal(str)  # the concrete theme: 'light' or 'dark'


class CairnStyle(QProxyStyle):
    """Fusion with a themed close icon. (Dialog buttons lose their icons through the style
    sheet's `dialogbuttonbox-buttons-have-icons`: a Python styleHint override would be called
    a hundred thousand times a session.)"""

    _CLOSE = (
        QStyle.StandardPixmap.SP_DialogCloseButton,
        QStyle.StandardPixmap.SP_TitleBarCloseButton,
        QStyle.StandardPixmap.SP_DockWidgetCloseButton,
        QStyle.StandardPixmap.SP_LineEditClearButton,
    )

    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standardIcon in self._CLOSE:
            from .icons import icon

            return icon("close")
        return super().standardIcon(standardIcon, option, widget)


_state: dict[str, str | None] = {"name": None, "concrete": None, "style_dir": None}
_signals: list[_ThemeSignals] = []


def theme_signals() -> _ThemeSignals:
    """The one object that says when a theme was applied."""
    if not _signals:
        _signals.append(_ThemeSignals())
    return _signals[0]


def is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve_theme(name: str) -> str:
    """'system' becomes 'light' or 'dark' from the desktop's colour scheme."""
    if name in ("light", "dark"):
        return name
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def _follow_system(app: QApplication) -> None:
    """Re-apply "system" when the desktop switches between light and dark (connected once)."""
    if app.property("cairnFollowsSystem"):
        return
    app.setProperty("cairnFollowsSystem", True)

    def scheme_changed(_scheme: Qt.ColorScheme) -> None:
        if _state["name"] == "system":
            style_dir = _state["style_dir"]
            apply_theme(app, "system", Path(style_dir) if style_dir else None)

    QGuiApplication.styleHints().colorSchemeChanged.connect(scheme_changed)


def _relink_labels(app: QApplication) -> None:
    """Labels showing links take the new theme's link colour (Qt fixes it when the text is
    set, so the text is set again)."""
    for widget in app.allWidgets():
        if isinstance(widget, QLabel) and "<a " in widget.text():
            text = widget.text()
            widget.clear()  # setting the same text again is ignored
            widget.setText(text)


def apply_theme(app: QApplication, name: str, style_dir: Path | None = None) -> str:
    """Apply a theme by name; return the concrete theme used ('light' or 'dark')."""
    concrete = resolve_theme(name)
    if not app.property("cairnStyled"):  # once: setting a style re-polishes every widget
        app.setStyle(CairnStyle())
        app.setProperty("cairnStyled", True)
    sheet = style_sheet(concrete, style_dir)
    unchanged = concrete == _state["concrete"] and app.styleSheet() == sheet
    _state.update(name=name, concrete=concrete, style_dir=str(style_dir) if style_dir else None)
    _follow_system(app)
    if unchanged:  # "system" while the desktop is light, then "light": nothing to repaint
        return concrete
    app.setPalette(palette_for(concrete))
    app.setStyleSheet(sheet)  # a few hundred ms on a full window: only when the look changes
    _relink_labels(app)
    theme_signals().applied.emit(concrete)
    return concrete
