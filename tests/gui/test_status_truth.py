"""The database, not the window's copy, decides what a status click changes; a click that
cannot be saved is said in words and leaves no undo entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from cairn.cli import run
from cairn.gui.window.main_window import MainWindow
from cairn.locations import curriculum_dir
from cairn.store import StoreError
from cairn.tracker import Tracker

ITEM = "python-project-skeleton"


def test_a_change_from_another_process_is_never_dropped_by_the_tracker(data_dir: Path) -> None:
    with Tracker.open(data_dir, curriculum_dir()) as window_copy:
        window_copy.set_status(ITEM, "done")
        with Tracker.open(data_dir, curriculum_dir()) as terminal:
            terminal.set_status(ITEM, "todo")  # the command line, while the window still shows done
        change = window_copy.set_status(ITEM, "done")
        assert change.changed and change.old == "todo"
    with Tracker.open(data_dir, curriculum_dir()) as again:
        assert again.status(ITEM) == "done" and len(again.history(ITEM)) == 3


def test_clicking_done_after_the_command_line_set_todo_saves_done(
    window: MainWindow, data_dir: Path
) -> None:
    window.request_status(ITEM, "done")
    assert run(["--data-dir", str(data_dir), "mark", ITEM, "todo"]) == 0
    window.request_status(ITEM, "done")  # before the poll noticed: the window still says done
    with Tracker.open(data_dir, curriculum_dir()) as check:
        assert check.status(ITEM) == "done"
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()  # back to what the database held before the click: todo
    assert window.tracker.status(ITEM) == "todo"


def test_a_status_that_cannot_be_saved_is_said_and_leaves_no_undo_entry(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise StoreError(
            "cairn.sqlite3: saving the change did not happen because the disk is "
            "full. Nothing was changed."
        )

    monkeypatch.setattr(window.tracker._database, "set_statuses", full_disk)
    window.request_status(ITEM, "done")
    assert "disk is full" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0 and window.tracker.status(ITEM) == "todo"
