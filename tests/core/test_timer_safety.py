"""Stopping the study timer never loses the time: the session is recorded before the timer is
cleared, so a failed save leaves the timer running."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from cairn.locations import curriculum_dir
from cairn.store import StoreError
from cairn.tracker import Tracker


def test_a_timer_whose_session_cannot_be_saved_keeps_running(
        data_dir: object, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [datetime(2026, 11, 30, 9, 0)]
    t = Tracker.open(data_dir, curriculum_dir(), clock=lambda: now[0])  # type: ignore[arg-type]
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
    t.close()
