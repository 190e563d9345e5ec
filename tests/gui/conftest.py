"""The real window over an isolated data folder and the shipped curriculum."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from full_disk import FullDisk

import disks
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


@pytest.fixture
def full_disk(open_window, tmp_path: Path, shipped_pack: Path) -> Iterator[FullDisk]:  # type: ignore[no-untyped-def]
    """A window over data on a disk the test can fill (`full_disk.fill()`) and free again;
    the window is `full_disk.window`."""
    root = tmp_path / "disk"
    root.mkdir()
    disk = FullDisk(root, disks.mount_tmpfs(root, "6m"))
    try:
        disk.window = open_window(Tracker.open(root / "data", shipped_pack))
        yield disk
    finally:
        disk.free()
        if disk.window is not None:
            disk.window.close()
            disk.window.tracker.close()
        disk.unmount()
