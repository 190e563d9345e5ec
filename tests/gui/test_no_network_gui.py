"""A full window session — every page, the dashboard, an export — opens no socket."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests.no_network import no_network

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def test_a_full_session_opens_no_socket(
    qtbot,
    data_dir: Path,
    shipped_pack: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with no_network(monkeypatch) as attempts, Tracker.open(data_dir, shipped_pack) as tracker:
        window = MainWindow(tracker)
        qtbot.addWidget(window)
        window.show()
        for node in (
            Node("group", "readiness"),
            Node("group", "path"),
            Node("week", "w03"),
            Node("month", "m4"),
            Node("group", "readings"),
            Node("group", "projects"),
            Node("project", "rag-eval"),
            Node("role", "llm-engineer"),
        ):
            window.show_node(node)
        window.show_node(Node("week", "w01"))
        qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
        window.detail.note.editor.setPlainText("see [docs](https://docs.python.org/3/)")
        window.detail.note.save()
        dialog = window.sharing.show_export_dialog()
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
        with qtbot.waitSignal(dialog.exported, timeout=10_000):
            dialog.export_to(tmp_path / "summary.html")
        dialog.close()
        window.close()
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
