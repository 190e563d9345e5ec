"""A disabled button looks disabled in both themes: the study sessions' Edit… and Delete with
no session selected are drawn in a clearly fainter grey than an enabled button, in light as in
dark (in light they once looked the same as enabled ones)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from cairn.gui.widgets.theme import apply_theme
from cairn.gui.window.main_window import MainWindow
from cairn.locations import resources_dir

ENABLED_CONTRAST = 7.0  # an enabled label reads easily (WCAG "AAA")
DISABLED_CONTRAST = 4.0  # a disabled one is faint, yet still legible


def _luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _ink(image: QImage, background: QColor) -> float:
    """The strongest contrast any pixel of a button's picture has with its background: how
    dark (light theme) or bright (dark theme) its label is drawn."""
    strongest = 1.0
    for y in range(image.height() // 4, 3 * image.height() // 4):  # the label's band
        for x in range(4, image.width() - 4):  # inside the frame
            strongest = max(strongest, contrast(image.pixelColor(x, y), background))
    return strongest


@pytest.fixture(params=["light", "dark"])
def themed(request: pytest.FixtureRequest, window: MainWindow) -> Iterator[MainWindow]:
    """The window in the light or the dark theme (put back to the system theme after)."""
    window.set_theme(request.param)
    yield window
    window.set_theme("system")


def test_edit_and_delete_without_a_session_are_greyed_in_both_themes(
    themed: MainWindow,
) -> None:
    sessions = themed.detail.sessions
    assert themed.detail.item_id and sessions.selected_id() is None
    palette = sessions.edit.palette()
    button = palette.color(QPalette.ColorRole.Button)
    for disabled in (sessions.edit, sessions.delete):
        assert not disabled.isEnabled()
        ink = disabled.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        assert contrast(ink, button) < DISABLED_CONTRAST, themed.theme
    enabled = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    assert contrast(enabled, button) > ENABLED_CONTRAST, themed.theme


def test_a_disabled_button_is_drawn_fainter_than_an_enabled_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        enabled, disabled = QPushButton("Delete"), QPushButton("Delete")
        disabled.setEnabled(False)
        for button in (enabled, disabled):
            qtbot.addWidget(button)
            button.resize(120, 32)
        background = app.palette().color(QPalette.ColorRole.Button)
        drawn = _ink(enabled.grab().toImage(), background)
        faint = _ink(disabled.grab().toImage(), background)
        assert faint < DISABLED_CONTRAST < ENABLED_CONTRAST < drawn, (theme, faint, drawn)
    apply_theme(app, "system")


def test_a_disabled_chosen_status_is_not_filled_like_a_clickable_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    """In someone else's summary the status buttons are disabled: the chosen one is outlined,
    not filled with the highlight as the learner's own clickable one is."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for theme in ("light", "dark"):
        apply_theme(app, theme, resources_dir() / "styles")
        fills = []
        for enabled in (True, False):
            button = QPushButton("Done")
            button.setObjectName("StatusButton")
            button.setCheckable(True)
            button.setChecked(True)
            button.setEnabled(enabled)
            qtbot.addWidget(button)
            button.resize(120, 32)
            image = button.grab().toImage()
            fills.append(image.pixelColor(6, image.height() // 2))
        highlight = app.palette().color(QPalette.ColorRole.Highlight)
        assert contrast(fills[0], highlight) < 1.2, theme  # the clickable one is filled
        assert contrast(fills[1], highlight) > 2.0, theme  # the disabled one is not
    apply_theme(app, "system", resources_dir() / "styles")
