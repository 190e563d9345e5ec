"""How the window's panes are put together: navigation | page | details, under a banner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

# Each pane's least width (logical px): together they fit a 1024 px window, so one page's
# wide contents never squeeze the navigation (its width no longer depends on the page before).
NAVIGATION_MIN, CENTRE_MIN, DETAILS_MIN = 220, 380, 300
NAVIGATION_WIDTH = 300  # its width on first start


def banner_label() -> QLabel:
    """The banner over a read-only summary (hidden otherwise)."""
    banner = QLabel("")
    banner.setObjectName("ReadOnlyBanner")
    banner.setWordWrap(True)
    banner.setVisible(False)
    return banner


def stack(*pages: QWidget) -> QStackedWidget:
    """Pages shown one at a time, in this order."""
    stacked = QStackedWidget()
    for page in pages:
        stacked.addWidget(page)
    return stacked


def three_panes(navigation: QWidget, centre: QWidget, right: QWidget) -> QSplitter:
    """Navigation, page and details side by side; the page gets most of the width and the
    navigation keeps its own (it can be dragged shut, or hidden with `show_navigation`)."""
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    panes = ((navigation, 0, NAVIGATION_MIN), (centre, 3, CENTRE_MIN), (right, 2, DETAILS_MIN))
    for number, (pane, stretch, least) in enumerate(panes):
        pane.setMinimumWidth(least)
        splitter.addWidget(pane)
        splitter.setStretchFactor(number, stretch)
    splitter.setCollapsible(0, True)
    splitter.setSizes([NAVIGATION_WIDTH, 620, 480])
    return splitter


def navigation_shown(splitter: QSplitter) -> bool:
    """Whether the navigation pane is open (not dragged shut or hidden)."""
    pane = splitter.widget(0)
    return pane is not None and splitter.sizes()[0] > 0 and pane.isVisibleTo(splitter)


def show_navigation(splitter: QSplitter, shown: bool) -> None:
    """Open or close the navigation pane; the page takes or gives back its width. The
    splitter's state (saved when the window closes) remembers it."""
    sizes = splitter.sizes()
    if shown == navigation_shown(splitter):
        return
    if shown:
        width = max(NAVIGATION_WIDTH, NAVIGATION_MIN)
        sizes[1] = max(CENTRE_MIN, sizes[1] - width)
        sizes[0] = width
    else:
        sizes[1] += sizes[0]
        sizes[0] = 0
    splitter.setSizes(sizes)


def under_banner(banner: QWidget, body: QWidget) -> QWidget:
    """The window's central widget: the banner (when shown) over everything else."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(body, 1)
    return central
