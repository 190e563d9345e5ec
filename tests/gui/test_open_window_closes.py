"""A window that cannot be built leaves the learner's data folder closed: the tracker it opened
is closed again (no SQLite connection is left to the garbage collector), and nothing changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from cairn.gui import app as app_module
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker


def test_a_window_that_fails_to_build_closes_the_tracker_it_opened(
    qtbot: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
    path = data_dir / "cairn.sqlite3"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    made: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def recording(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        made.append(connection)
        return connection

    def broken_window(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(sqlite3, "connect", recording)
    monkeypatch.setattr(app_module, "MainWindow", broken_window)
    with pytest.raises(RuntimeError, match="could not be built"):
        app_module.open_window(data_dir)
    still_open = []
    for connection in made:
        try:
            connection.execute("SELECT 1")
            still_open.append(connection)
        except sqlite3.ProgrammingError:
            pass  # closed, as it should be
    for connection in still_open:
        connection.close()
    assert made and still_open == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
