"""A read-only HTML box for the item pane that grows with its text (no scroll bar of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from ..widgets.links import open_external
from ..widgets.theme import current_theme, document_style


def html_browser(name: str) -> QTextBrowser:
    """A text browser named `name` for screen readers; links open only on a click, and only
    http(s) and mailto, in the system browser."""
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.anchorClicked.connect(open_external)
    browser.setAccessibleName(name)
    # Tab leaves the box instead of stepping link by link (a keyboard opens readings from the
    # Readings page or Ctrl+K); the mouse still follows links and selects text.
    browser.setTabChangesFocus(True)
    browser.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    browser.document().setDefaultStyleSheet(document_style(current_theme()))
    browser.setFrameShape(QTextBrowser.Shape.NoFrame)
    browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    browser.document().documentLayout().documentSizeChanged.connect(
        lambda size, b=browser: b.setFixedHeight(int(size.height()) + 6)
    )
    return browser
