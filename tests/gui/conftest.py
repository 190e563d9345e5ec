"""The real window over an isolated data folder and the shipped curriculum."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[[Tracker], MainWindow]]:  # type: ignore[no-untyped-def]
    """Show a MainWindow over a tracker; both are closed after the test."""
    opened: list[tuple[MainWindow, Tracker]] = []

    def make(tracker: Tracker) -> MainWindow:
        window = MainWindow(tracker)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, tracker))
        return window

    yield make
    for window, tracker in opened:
        window.close()
        tracker.close()


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(Tracker.open(data_dir, shipped_pack))
