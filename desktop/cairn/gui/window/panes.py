"""How the window's panes are put together: navigation | page | details, under a banner."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget


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
    """Navigation, page and details side by side; the page gets most of the width."""
    splitter = QSplitter()
    for number, (pane, stretch) in enumerate(((navigation, 0), (centre, 3), (right, 2))):
        splitter.addWidget(pane)
        splitter.setStretchFactor(number, stretch)
    splitter.setSizes([340, 620, 480])
    return splitter


def under_banner(banner: QWidget, body: QWidget) -> QWidget:
    """The window's central widget: the banner (when shown) over everything else."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(body, 1)
    return central
