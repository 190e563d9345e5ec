"""A read-only box showing Markdown (a prompt, a model answer, the learner's note), rendered
inert through `cairn.markup.markdown_to_html` (nh3: safe tags, http(s)/mailto links opened only
on a click) and restyled when the theme changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from ...markup import escape, markdown_to_html
from ..widgets.links import open_external
from ..widgets.theme import current_theme, document_style, theme_signals


class MarkdownView(QTextBrowser):
    """Shows one Markdown text; `empty` is said (in italics) when the text is blank."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_external)
        self.setTabChangesFocus(True)
        # a click selects text and leaves the keys with the page
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.markdown = ""
        self.empty = ""
        self.document().setDefaultStyleSheet(document_style(current_theme()))
        theme_signals().applied.connect(self._restyle)

    def show_markdown(self, text: str, empty: str = "") -> None:
        """Render `text` (or say `empty`)."""
        self.markdown, self.empty = text, empty
        if text.strip():
            self.setHtml(markdown_to_html(text))
        else:
            self.setHtml(f"<p><i>{escape(empty)}</i></p>" if empty else "")
        self.setAccessibleDescription(text.strip() or empty)

    def _restyle(self, theme: str) -> None:
        """Links take the new theme's colour (Qt fixes them when the HTML is set)."""
        self.document().setDefaultStyleSheet(document_style(theme))
        self.show_markdown(self.markdown, self.empty)


def card_frame(*widgets: QWidget) -> QFrame:
    """Widgets on a card: the surface colour with a border (the design's card look)."""
    frame = QFrame()
    frame.setObjectName("ChoiceCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QTextBrowser) else 0)
    return frame


def enlarge(widget: QWidget, factor: float) -> None:
    """Show a widget's text `factor` times the window's size (a prompt reads first)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def fit_height(view: QTextBrowser, most: int = 260) -> None:
    """The view is as tall as its text (up to `most` px, then it scrolls): a short prompt
    leaves the room to the answer."""

    def fit(size: object) -> None:
        height = int(size.height()) + 2 * view.frameWidth() + 8  # type: ignore[attr-defined]
        view.setFixedHeight(max(40, min(height, most)))

    view.document().documentLayout().documentSizeChanged.connect(fit)
