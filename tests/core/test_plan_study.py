"""Pace, forecast, study statistics, the timer and offline copies — on fixed dates."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import SMALL_PACK

from cairn.cli import run
from cairn.content import load_curriculum
from cairn.plan import PlanSettings, pace
from cairn.store import SessionRecord
from cairn.study import finished_per_day, hours_per_week, minutes_per_day, stats
from cairn.tracker import Tracker, TrackerError
from clocks import Clock

# The small pack plans 9.5 h: write-hello 1, read-guide 2, demo-start 2 (week 1: 5 h);
# write-eval 2, explain-eval 0.5, demo-measure 2 (week 2: 4.5 h).
START = date(2026, 1, 5)
PLAN = PlanSettings(START, 2.0)


@pytest.fixture(scope="module")
def small():  # type: ignore[no-untyped-def]
    return load_curriculum([SMALL_PACK])


def test_on_track_with_forecast(small) -> None:  # type: ignore[no-untyped-def]
    done = {"write-hello": "done", "read-guide": "done"}
    p = pace(small, done, PLAN, date(2026, 1, 19))  # two weeks in: 4 h expected, 3 h done
    assert (p.total_hours, p.done_hours, p.expected_hours) == (9.5, 3.0, 4.0)
    assert p.state == "on track" and p.catch_up_hours == 0
    assert p.pace_per_week == 1.5
    assert p.forecast_finish == date(2026, 1, 19) + timedelta(days=30)  # 6.5 h at 1.5 h/week
    assert p.planned_finish == START + timedelta(days=33)  # 9.5 h at 2 h/week
    assert p.expected_week == 1 and p.expected_percent == 42.1 and p.done_percent == 31.6


def test_behind_says_how_many_hours_catch_up(small) -> None:  # type: ignore[no-untyped-def]
    p = pace(small, {"write-hello": "done", "read-guide": "done"}, PLAN, date(2026, 1, 26))
    assert p.state == "behind" and p.catch_up_hours == 3.0  # 6 h expected, 3 h done
    assert "Behind plan by 3.0 h" in p.sentence()
    assert p.expected_week == 2


def test_ahead_and_not_started(small) -> None:  # type: ignore[no-untyped-def]
    done = {"write-hello": "done", "read-guide": "done", "write-eval": "done"}
    assert pace(small, done, PLAN, date(2026, 1, 12)).state == "ahead"  # 5 h done, 2 expected
    early = pace(small, {}, PLAN, date(2026, 1, 1))
    assert early.state == "not started" and early.forecast_finish is None
    assert early.sentence() == "Your plan starts on 05 Jan 2026."


def test_skipped_work_does_not_count_as_done(small) -> None:  # type: ignore[no-untyped-def]
    p = pace(small, {"write-hello": "skipped", "read-guide": "done"}, PLAN, date(2026, 1, 19))
    assert p.done_hours == 2.0


def _session(day: date, minutes: int, hour: int = 19) -> SessionRecord:
    return SessionRecord(
        0, "x", datetime.combine(day, datetime.min.time()).replace(hour=hour), minutes, "manual"
    )


def test_study_stats_three_evenings_this_week() -> None:
    today = date(2026, 3, 12)  # a Thursday
    sessions = [
        _session(date(2026, 3, 9), 60),
        _session(date(2026, 3, 10), 45),
        _session(date(2026, 3, 10), 15, hour=7),
        _session(date(2026, 3, 11), 90),
        _session(date(2026, 3, 1), 30),
        _session(date(2026, 2, 1), 120),
    ]
    s = stats(sessions, today)
    assert s.minutes_this_week == 210 and s.minutes_total == 360
    assert s.minutes_last_four_weeks == 240
    assert s.streak_days == 3  # Mon–Wed; today not yet studied still counts yesterday's run
    assert s.longest_streak == 3 and s.days_studied == 5
    assert minutes_per_day(sessions)[date(2026, 3, 10)] == 60
    assert hours_per_week(sessions, date(2026, 3, 2), 2) == [0.0, 3.5]
    assert stats([], today).streak_days == 0


def test_burn_up_points() -> None:
    moments = [datetime(2026, 1, 5, 9), datetime(2026, 1, 5, 20), datetime(2026, 1, 7, 8)]
    assert finished_per_day(moments) == [(date(2026, 1, 5), 2), (date(2026, 1, 7), 3)]


def test_the_timer_survives_a_restart_and_records_a_session(
    data_dir: Path, small_pack: Path
) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.start_timer("write-hello")
        clock.now += timedelta(minutes=25)
        t.pause_timer()
        clock.now += timedelta(minutes=10)  # a break: not counted
    # the app closed (or crashed) with the timer paused
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        state = t.timer()
        assert state is not None and not state.running and state.elapsed(clock.now) == 25 * 60
        t.resume_timer()
        clock.now += timedelta(minutes=20)
    # closed while running: it keeps counting from its recorded start
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        clock.now += timedelta(minutes=5)
        t.stop_timer()
        assert t.timer() is None
        [session] = t.sessions()
        assert (session.content_id, session.minutes, session.source) == ("write-hello", 50, "timer")
        assert session.started_at == clock.now - timedelta(minutes=50)
        with pytest.raises(TrackerError, match="no study timer"):
            t.stop_timer()


def test_starting_a_timer_elsewhere_records_the_first(data_dir: Path, small_pack: Path) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.start_timer("write-hello")
        clock.now += timedelta(minutes=30)
        t.start_timer("guide")  # a reading
        assert t.timer().content_id == "guide"  # type: ignore[union-attr]
        assert [(s.content_id, s.minutes) for s in t.sessions()] == [("write-hello", 30)]


def test_log_and_plan_in_status_json(data_dir: Path) -> None:
    assert run(["--data-dir", str(data_dir), "log", "python-project-skeleton", "90"]) == 0
    assert run(["--data-dir", str(data_dir), "log", "python-project-skeleton", "0"]) == 2
    assert run(["--data-dir", str(data_dir), "log", "no-such-item", "30"]) == 2
    from cairn.locations import curriculum_dir

    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_plan(date.today() - timedelta(days=14), 10)
        with pytest.raises(TrackerError, match="1 to 60"):
            t.set_plan(date.today(), 0)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["--data-dir", str(data_dir), "status", "--json"], stdout=out) == 0
    payload = json.loads(out.getvalue())
    assert payload["study"]["minutes_total"] == 90 and payload["study"]["streak_days"] == 1
    plan = payload["plan"]
    assert plan["hours_per_week"] == 10 and plan["state"] == "behind"
    assert {"start", "hours_per_week", "expected_percent", "forecast_finish"} <= set(plan)


def test_offline_copies_found_and_missing(tracker: Tracker, tmp_path: Path) -> None:
    saved = tmp_path / "guide.pdf"
    saved.write_bytes(b"%PDF-1.4 saved for the train")
    tracker.set_reading_copy("guide", saved)
    assert tracker.reading_copies() == {"guide": str(saved.resolve())}
    assert tracker.missing_copies() == {}
    with pytest.raises(TrackerError, match="not a file"):
        tracker.set_reading_copy("paper", tmp_path / "nope.pdf")
    saved.unlink()
    assert tracker.missing_copies() == {"guide": str(saved.resolve())}
    tracker.set_reading_copy("guide", None)
    assert tracker.reading_copies() == {}


def test_a_session_is_edited_and_its_change_says_what_it_was(
    data_dir: Path, small_pack: Path
) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        logged = t.log_study("write-hello", 30, started_at=datetime(2026, 3, 8, 18, 0))
        change = t.edit_study(logged.new.id, 45, datetime(2026, 3, 7, 9, 30))
        assert change.ids == ("write-hello",)
        assert change.old == logged.new
    with Tracker.open(data_dir, small_pack, clock=clock) as t:  # read back from the file
        [session] = t.sessions()
        assert (session.id, session.minutes, session.started_at) == (
            logged.new.id,
            45,
            datetime(2026, 3, 7, 9, 30),
        )
        assert change.new == session


@pytest.mark.parametrize(
    ("minutes", "started", "words"),
    [
        (0, datetime(2026, 3, 8, 18, 0), "study time"),
        (1441, datetime(2026, 3, 8, 18, 0), "study time"),
        (30, datetime(2026, 3, 12, 18, 0), "in the future"),
    ],
)
def test_a_bad_edit_names_the_session_and_changes_nothing(
    data_dir: Path, small_pack: Path, minutes: int, started: datetime, words: str
) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        session_id = t.log_study("write-hello", 30, started_at=datetime(2026, 3, 8, 18, 0)).new.id
        before = t.database_path.read_bytes()
        with pytest.raises(TrackerError, match=f"study session {session_id}: .*{words}"):
            t.edit_study(session_id, minutes, started)
        with pytest.raises(TrackerError, match="no study session 999"):
            t.edit_study(999, 30, datetime(2026, 3, 8, 18, 0))
        assert [(s.minutes, s.started_at) for s in t.sessions()] == [(30, datetime(2026, 3, 8, 18))]
        assert t.database_path.read_bytes() == before


def test_removing_a_session_returns_it_so_it_can_be_put_back(
    data_dir: Path, small_pack: Path
) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        logged = t.log_study("write-hello", 20, started_at=datetime(2026, 1, 6, 8, 0))
        removed = t.remove_study(logged.new.id)
        assert removed.old == logged.new and removed.ids == ("write-hello",)
        assert t.sessions() == []
        with pytest.raises(TrackerError, match=f"no study session {logged.new.id}"):
            t.remove_study(logged.new.id)


def test_undoing_a_stop_puts_the_timer_back_and_removes_the_session(
    data_dir: Path, small_pack: Path
) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.start_timer("write-hello")
        clock.now += timedelta(minutes=40)
        running = t.timer()
        stopped = t.stop_timer()
        assert stopped.new.session is not None and stopped.new.session.minutes == 40
        undone = t.restore_timer(stopped.old, stopped.new)
        assert t.timer() == running and t.sessions() == []
        t.restore_timer(undone.old, undone.new)  # redo
        assert t.timer() is None
        assert [(s.content_id, s.minutes, s.source) for s in t.sessions()] == [
            ("write-hello", 40, "timer")
        ]


def test_undoing_a_switch_of_timer_puts_back_the_first_timer(
    data_dir: Path, small_pack: Path
) -> None:
    clock = Clock(datetime(2026, 3, 9, 19, 0))
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.start_timer("write-hello")
        clock.now += timedelta(minutes=30)
        first = t.timer()
        switched = t.start_timer("guide")
        assert set(switched.ids) == {"guide", "write-hello"}
        t.restore_timer(switched.old, switched.new)
        assert t.timer() == first and t.sessions() == []
