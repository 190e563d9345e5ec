"""A session or an evidence link that an undo put back (under a new row id) is still the same
row for every older step on the history: undoing and redoing those steps reaches it, says no
"Not undone", and the data goes back and forth as the learner expects. (Found by the long
session test: add a link, remove it, undo both — the second undo was refused with "there is no
evidence link 1", and nothing older could be undone.)"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

MILESTONE = "rag-eval-golden-set"
ITEM = "python-project-skeleton"
NEWER = ["https://example.org/newer"]
SOME = ["https://example.org/newer", "https://example.org/proof"]
LOGGED = (ITEM, 5, "cli")  # a session logged from the command line meanwhile


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path, clock: Clock) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(Tracker.open(data_dir, shipped_pack, clock=clock))


def stored(data_dir: Path, shipped_pack: Path) -> tuple[list[str], list[tuple[str, int, str]]]:
    """Evidence URLs and sessions (item, minutes, source) as a new tracker reads them."""
    again = Tracker.open(data_dir, shipped_pack)
    try:
        links = sorted(e.url for e in again.evidence_links())
        sessions = sorted((s.content_id, s.minutes, s.source) for s in again.sessions())
        return links, sessions
    finally:
        again.close()


def undo_all(window: MainWindow) -> None:
    """Edit → Undo until nothing is left, with no refusal said."""
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
        assert "Not undone" not in window.statusBar().currentMessage()


def redo_all(window: MainWindow) -> None:
    while window.undo_stack.canRedo():
        window.undo_stack.redo()
        assert "Not redone" not in window.statusBar().currentMessage()


def test_an_added_link_removed_and_put_back_is_undone_to_nothing(
    window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    window.show_node(Node("milestone", MILESTONE))
    box = window.detail.evidence
    box.url.setText("https://example.org/proof")
    box.add.click()
    window.tracker.add_evidence(MILESTONE, "https://example.org/newer")  # from the CLI
    box.load(MILESTONE)
    box.links.setCurrentRow(0)
    box.remove.click()
    window.undo_stack.undo()  # the link comes back under a new id (above "newer")
    assert stored(data_dir, shipped_pack)[0] == SOME
    window.undo_stack.undo()  # "Undo Add evidence link" removes it
    assert "Not undone" not in window.statusBar().currentMessage()
    assert window.undo_stack.index() == 0
    assert stored(data_dir, shipped_pack)[0] == NEWER and box.links.count() == 1
    redo_all(window)
    assert stored(data_dir, shipped_pack)[0] == NEWER  # added, then removed again
    undo_all(window)
    assert stored(data_dir, shipped_pack)[0] == NEWER
    window.undo_stack.redo()
    assert stored(data_dir, shipped_pack)[0] == SOME


def test_a_session_deleted_and_put_back_is_still_edited_and_removed_by_older_steps(
    window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    window.detail.show_item(ITEM)
    sessions = window.detail.sessions
    dialog = sessions.open_add_time()
    dialog.minutes.setValue(30)
    assert dialog.save()
    window.tracker.log_study(ITEM, 5, started_at=datetime(2026, 3, 1, 8, 0), source="cli")
    sessions.refresh()
    sessions.list.setCurrentRow(0)
    edit = sessions.open_edit()
    assert edit is not None
    edit.minutes.setValue(50)
    assert edit.save()
    sessions.list.setCurrentRow(0)
    sessions.delete.click()
    assert stored(data_dir, shipped_pack)[1] == [LOGGED]
    window.undo_stack.undo()  # the session is back, under a new id
    window.undo_stack.undo()  # the edit is undone on that row
    assert "Not undone" not in window.statusBar().currentMessage()
    assert stored(data_dir, shipped_pack)[1] == sorted([(ITEM, 30, "manual"), LOGGED])
    undo_all(window)
    assert stored(data_dir, shipped_pack)[1] == [LOGGED] and sessions.list.count() == 1
    window.undo_stack.redo()
    window.undo_stack.redo()  # the edit follows the session recorded again
    assert "Not redone" not in window.statusBar().currentMessage()
    assert stored(data_dir, shipped_pack)[1] == sorted([(ITEM, 50, "manual"), LOGGED])
    assert "50 min" in sessions.list.item(0).text()


def test_a_timed_session_deleted_and_put_back_is_taken_back_by_undoing_the_stop(
    window: MainWindow, data_dir: Path, shipped_pack: Path, clock: Clock
) -> None:
    window.detail.show_item(ITEM)
    window.detail.timer.start.click()
    clock.now += timedelta(minutes=25)
    window.detail.timer.stop.click()
    window.tracker.log_study(ITEM, 5, started_at=datetime(2026, 3, 1, 8, 0), source="cli")
    sessions = window.detail.sessions
    sessions.refresh()
    sessions.list.setCurrentRow(0)  # the newest: the timed one
    sessions.delete.click()
    window.undo_stack.undo()  # the timed session is back, under a new id
    window.undo_stack.undo()  # "Undo Stop timer": the timer runs again, no timed session
    assert "Not undone" not in window.statusBar().currentMessage()
    assert stored(data_dir, shipped_pack)[1] == [LOGGED]
    assert window.tracker.timer() is not None and window.running_timer.isVisibleTo(window)
    redo_all(window)
    assert stored(data_dir, shipped_pack)[1] == [LOGGED] and window.tracker.timer() is None
    undo_all(window)
    assert window.tracker.timer() is None and stored(data_dir, shipped_pack)[1] == [LOGGED]
