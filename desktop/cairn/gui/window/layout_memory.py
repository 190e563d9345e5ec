"""Where the window opens and how it is laid out: remembered when it closes, put back when it
opens. These are not learner actions, so they are saved directly and never undone."""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

from ...tracker import StoreError, Tracker, TrackerError
from ..widgets.node import Node
from .panes import NAVIGATION_WIDTH


def starting_node(tracker: Tracker) -> Node:
    """The page in view when Cairn last closed, else the first page (see `first_page`)."""
    saved = tracker.setting("last_view")
    if isinstance(saved, list) and len(saved) == 2 and all(isinstance(x, str) for x in saved):
        return Node(*saved)
    return first_page(tracker)


def first_page(tracker: Tracker) -> Node:
    """A learner with a plan or progress lands on Today; a newcomer on week 1."""
    if tracker.plan_settings() is not None or tracker.statuses():
        return Node("group", "today")
    return Node("week", next(iter(tracker.curriculum.weeks), ""))


def restore_layout(window: QMainWindow, splitter: QSplitter, tracker: Tracker) -> None:
    """The window's size and position and the panes' widths of last time (or defaults)."""
    geometry = tracker.setting("window_geometry")
    if isinstance(geometry, str):
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    else:
        window.resize(_first_size(window))
    state = tracker.setting("splitter_state")
    if isinstance(state, str):
        splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))
    else:
        splitter.setSizes([NAVIGATION_WIDTH, 610, 460])


def _first_size(window: QMainWindow) -> QSize:
    """1400×860, or nine tenths of a smaller screen (a 1280×720 laptop at 150 %)."""
    screen = window.screen()
    wanted = QSize(1400, 860)
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() * 0.9
    return wanted.boundedTo(room)


def save_layout(
    window: QMainWindow, splitter: QSplitter, tracker: Tracker, last_view: list[str]
) -> None:
    """Keep the page in view and the layout for next time; closing still closes if the disk
    refuses, and says so."""
    geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    state = bytes(splitter.saveState().toBase64().data()).decode("ascii")
    try:
        tracker.set_setting("last_view", last_view)
        tracker.set_setting("window_geometry", geometry)
        tracker.set_setting("splitter_state", state)
    except (StoreError, TrackerError) as error:
        sys.stderr.write(f"cairn: the window's layout was not saved: {error}\n")
