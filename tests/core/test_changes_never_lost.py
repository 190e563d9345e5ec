"""A change is never lost between the window and another process: the timer keeps its time
when its session cannot be saved, and a note changed elsewhere is noticed."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from cairn.locations import curriculum_dir
from cairn.store import StoreError
from cairn.tracker import Tracker


def test_a_timer_whose_session_cannot_be_saved_keeps_running(
    data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [datetime(2026, 11, 30, 9, 0)]
    with Tracker.open(data_dir, curriculum_dir(), clock=lambda: now[0]) as t:  # type: ignore[arg-type]
        item = next(iter(t.curriculum.items))
        t.start_timer(item)
        now[0] += timedelta(minutes=40)

        def full_disk(*args: object, **kwargs: object) -> int:
            raise StoreError("the disk is full. Nothing was changed.")

        monkeypatch.setattr(t._database, "add_session", full_disk)
        with pytest.raises(StoreError):
            t.stop_timer()
        timer = t.timer()
        assert timer is not None and timer.content_id == item  # the 40 minutes are not lost
        monkeypatch.undo()
        t.stop_timer()
        assert [s.minutes for s in t.sessions()] == [40] and t.timer() is None


def test_a_note_changed_by_another_process_is_noticed_by_the_poll(data_dir: object) -> None:
    with Tracker.open(data_dir, curriculum_dir()) as window:  # type: ignore[arg-type]
        item = next(iter(window.curriculum.items))
        window.set_note(item, "typed in the window")
        window.reload_if_changed()
        with Tracker.open(data_dir, curriculum_dir()) as terminal:  # type: ignore[arg-type]
            terminal.set_note(item, "typed in a terminal")
        assert window.reload_if_changed()  # the window is told, so it can show the newer note
        note = window.note(item)
        assert note is not None and note.body == "typed in a terminal"
