"""The visual design holds: readable colour pairs in both themes, disabled controls that look
disabled, links in the shown item that follow a run-time theme switch, and every icon the design
notes name is shipped and drawn in the theme's text colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QTextCharFormat
from PySide6.QtWidgets import QApplication, QPushButton

from cairn.gui.widgets.icons import icon
from cairn.gui.widgets.theme import (
    COLOURS,
    CONTRAST_PAIRS,
    apply_theme,
    contrast_ratio,
    style_sheet,
)
from cairn.gui.window.main_window import MainWindow

DESIGN = Path(__file__).resolve().parents[2] / "docs" / "design.md"


@pytest.fixture
def app(qtbot) -> Iterator[QApplication]:  # type: ignore[no-untyped-def]
    """The application, put back to the system theme after the test."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    apply_theme(application, "system")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_pair_of_the_design_reads_at_wcag_aa(theme: str) -> None:
    colours = COLOURS[theme]
    weak = [
        f"{front} on {back}: {contrast_ratio(colours[front], colours[back]):.2f} < {least}"
        for front, back, least in CONTRAST_PAIRS
        if contrast_ratio(colours[front], colours[back]) < least
    ]
    assert not weak, (theme, weak)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_style_sheet_uses_only_the_design_colours(theme: str) -> None:
    sheet = style_sheet(theme)
    assert sheet and "@" not in sheet  # every placeholder filled
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", sheet)}
    assert used <= {c.lower() for c in COLOURS[theme].values()}


def _text_colours(button: QPushButton) -> set[str]:
    """The colours of the button's label: the pixels furthest from its background."""
    image = button.grab().toImage()
    background = image.pixelColor(5, image.height() // 2)
    ink: dict[str, float] = {}
    for y in range(image.height() // 4, 3 * image.height() // 4):
        for x in range(8, image.width() - 8):
            colour = image.pixelColor(x, y).name()
            ink[colour] = contrast_ratio(colour, background.name())
    strongest = max(ink.values())
    return {c for c, ratio in ink.items() if ratio == strongest}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_disabled_button_is_drawn_in_the_disabled_text_colour(
    app: QApplication,
    qtbot,
    theme: str,  # type: ignore[no-untyped-def]
) -> None:
    apply_theme(app, theme)
    enabled, disabled = QPushButton("Start timer"), QPushButton("Start timer")
    disabled.setEnabled(False)
    for button in (enabled, disabled):
        qtbot.addWidget(button)
        button.resize(140, 34)
    assert _text_colours(enabled) == {COLOURS[theme]["text"]}
    assert _text_colours(disabled) == {COLOURS[theme]["disabled_text"]}


def _progress_colours(app: QApplication, qtbot, value: int) -> set[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressBar

    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setValue(value)
    qtbot.addWidget(bar)
    bar.resize(200, 14)
    image = bar.grab().toImage()
    return {image.pixelColor(x, 7).name() for x in range(4, 196)}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_an_empty_progress_bar_shows_a_track_not_a_text_field(
    app: QApplication,
    qtbot,
    theme: str,  # type: ignore[no-untyped-def]
) -> None:
    apply_theme(app, theme)
    colours = COLOURS[theme]
    assert _progress_colours(app, qtbot, 0) == {colours["track"]}
    assert colours["track"] != colours["surface"]
    assert colours["chunk"] in _progress_colours(app, qtbot, 50)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_read_only_note_looks_different_from_one_being_written(
    app: QApplication,
    qtbot,
    theme: str,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from cairn.gui.widgets.common import repolish

    apply_theme(app, theme)
    note = QPlainTextEdit("")
    qtbot.addWidget(note)
    note.resize(200, 80)
    writable = note.grab().toImage().pixelColor(100, 40).name()
    note.setReadOnly(True)
    repolish(note)
    read_only = note.grab().toImage().pixelColor(100, 40).name()
    assert writable == COLOURS[theme]["surface"]
    assert read_only == COLOURS[theme]["disabled_surface"]


def _link_colours(browser) -> set[str]:  # type: ignore[no-untyped-def]
    """The foreground colours of every link in a text browser's document."""
    found: set[str] = set()
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt: QTextCharFormat = fragment.charFormat()
            if fmt.isAnchor():
                found.add(fmt.foreground().color().name())
            it += 1
        block = block.next()
    return found


def test_the_shown_item_takes_the_new_themes_link_colour_after_a_switch(
    window: MainWindow,
) -> None:
    item = next(i for i in window.tracker.curriculum.items.values() if i.readings)
    window.detail.show_item(item.id)
    for theme in ("light", "dark", "light"):
        window.set_theme(theme)
        assert _link_colours(window.detail.readings) == {COLOURS[theme]["link"]}, theme
    window.set_theme("system")


def test_a_label_with_a_link_takes_the_new_themes_link_colour(
    app: QApplication,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QLabel

    apply_theme(app, "light")
    label = QLabel('Month 1: Foundations. <a href="more">more…</a>')
    qtbot.addWidget(label)
    label.resize(400, 30)
    label.show()

    def drawn() -> set[str]:
        image = label.grab().toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(image.width())
            for y in range(image.height())
        }

    assert COLOURS["light"]["link"] in drawn()
    apply_theme(app, "dark")
    assert COLOURS["dark"]["link"] in drawn()
    assert COLOURS["light"]["link"] not in drawn()


def _designed_icon_names() -> list[str]:
    text = DESIGN.read_text(encoding="utf-8")
    section = text.split("## Icons", 1)[1]
    return re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.MULTILINE)


def test_every_icon_the_design_lists_loads() -> None:
    names = _designed_icon_names()
    assert len(names) >= 30
    missing = [name for name in names if icon(name).isNull()]
    assert not missing
    assert icon("no-such-icon").isNull()


def _ink(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image: QImage = qicon.pixmap(QSize(32, 32), mode).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(32)
        for y in range(32)
        if image.pixelColor(x, y).alpha() == 255
    }


def test_icons_are_drawn_in_the_theme_text_colour_and_follow_a_switch(
    app: QApplication,
) -> None:
    close = icon("close")  # the same icon object, kept across the switch
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        assert _ink(close) == {COLOURS[theme]["text"]}, theme
        assert _ink(close, QIcon.Mode.Disabled) == {COLOURS[theme]["disabled_text"]}, theme
    dark_text = QColor(COLOURS["dark"]["text"])
    assert dark_text.lightness() > 128  # the close icon is light on dark


def test_the_style_gives_dialog_buttons_no_icons_and_a_themed_close(app: QApplication) -> None:
    from PySide6.QtWidgets import QStyle

    apply_theme(app, "dark")
    style = app.style()
    assert not style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons)
    close = style.standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton)
    assert _ink(close) == {COLOURS["dark"]["text"]}


def test_the_system_theme_follows_the_desktop_switching_to_dark_and_back(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from cairn.gui.widgets import theme

    scheme = {"now": "light"}
    real = theme.resolve_theme
    monkeypatch.setattr(
        theme, "resolve_theme", lambda name: scheme["now"] if name == "system" else real(name)
    )
    hints = app.styleHints()

    def window_colour() -> str:
        return app.palette().color(QPalette.ColorRole.Window).name()

    apply_theme(app, "system")
    assert window_colour() == COLOURS["light"]["window"]
    scheme["now"] = "dark"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour() == COLOURS["dark"]["window"]
    apply_theme(app, "light")  # a theme chosen by name stays, whatever the desktop does
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour() == COLOURS["light"]["window"]
