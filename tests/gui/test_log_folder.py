"""Help → Open log folder shows the folder the log is written to, and says so when there is
none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from cairn.gui.window.main_window import MainWindow
from cairn.logs import configure_logging, stop_logging


def _help_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text() == text)


def test_open_log_folder_opens_the_folder_the_log_is_written_to(
    window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    configure_logging(data_dir)
    try:
        _help_action(window, "Open &log folder").trigger()
    finally:
        stop_logging()
    assert [Path(url.toLocalFile()) for url in opened] == [data_dir / "logs"]
    assert str(data_dir / "logs") in window.statusBar().currentMessage()


def test_without_a_log_file_the_window_says_where_warnings_go(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    stop_logging()
    _help_action(window, "Open &log folder").trigger()
    assert opened == []
    assert "cannot write its log" in window.statusBar().currentMessage()
