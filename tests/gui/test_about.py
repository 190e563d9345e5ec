"""Help → About Cairn names the version, the curriculum and the data folder (as text, whatever
its name), and opens that folder on a click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

import cairn
from cairn.gui.window.menus import show_about
from cairn.tracker import Tracker


def test_about_names_the_data_folder_as_text_and_opens_it(  # type: ignore[no-untyped-def]
    open_window, tmp_path: Path, shipped_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data <b>bold</b> & co"
    window = open_window(Tracker.open(folder, shipped_pack))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    box = show_about(window, window.tracker)
    assert box.isVisible()
    text = box.text()
    assert f"Cairn {cairn.__version__}" in text
    assert "data &lt;b&gt;bold&lt;/b&gt; &amp; co" in text  # shown as the name it is
    assert window.tracker.curriculum.version in text
    opener = next(b for b in box.buttons() if b.text() == "Open data folder")
    assert box.buttonRole(opener) == QMessageBox.ButtonRole.ActionRole
    opener.click()
    assert [u.toLocalFile() for u in opened] == [str(folder)]
