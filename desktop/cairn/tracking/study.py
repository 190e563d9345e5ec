"""Study time: the plan, recorded sessions (add, edit, remove) and the study timer (start,
pause, resume, stop, discard, and putting it back for undo and redo)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ..records import SessionRecord
from ..store.aggregates import study_minutes_per_day
from ..study import StudyStats
from ..study import stats as study_stats
from ..timer import TimerState
from .changes import Changes
from .reads import TIMER_SETTING
from .values import Change, TimerStep, TrackerError

LONGEST_TIMED_MINUTES = 24 * 60


class Study(Changes):
    """The learner's plan and study time."""

    def set_plan(self, start: date, hours_per_week: float) -> Change:
        """Choose when the path starts and how many hours a week it gets (1–60)."""
        self._writable()
        if not 1 <= hours_per_week <= 60:
            raise TrackerError(f"{hours_per_week:g} hours a week is not a plan; choose 1 to 60")
        if not 2000 <= start.year <= 2100:
            raise TrackerError(f"a plan starting {start.isoformat()} is outside 2000–2100")
        return self.set_setting(
            "plan", {"start": start.isoformat(), "hours_per_week": hours_per_week}
        )

    def study(self, today: date | None = None) -> StudyStats:
        """Totals, this week, the last four weeks and streaks, from the minutes of each day
        (summed by SQLite: the same figures as from every session, without reading them)."""
        days = study_minutes_per_day(self._database)
        per_day = [
            SessionRecord(0, "", datetime.combine(d, time()), m, "") for d, m in days.items()
        ]
        return study_stats(per_day, today or self._clock().date())

    # --- recorded sessions -------------------------------------------------------------------
    def _study_target(self, content_id: str) -> str:
        """The reading, item or milestone studied (an old item id resolves to its new one)."""
        return content_id if content_id in self.curriculum.readings else self.item(content_id).id

    def _checked_session(
        self, content_id: str, minutes: int, started_at: datetime | None, source: str
    ) -> SessionRecord:
        """A session to record (its id 0 until stored), validated: minutes in range and a start
        that is not in the future (None: it ended now). Refused in words naming the item."""
        from ..validation import InvalidInput, check_minutes, check_time

        target = self._study_target(content_id)
        now = self._clock()
        try:
            minutes = check_minutes(minutes)
            moment = (
                check_time(started_at, now, "start time")
                if started_at is not None
                else now - timedelta(minutes=minutes)
            )
        except InvalidInput as error:
            raise TrackerError(f"{target}: {error}") from None
        return SessionRecord(0, target, moment, int(minutes), source)

    def log_study(
        self,
        content_id: str,
        minutes: int,
        *,
        started_at: datetime | None = None,
        source: str = "manual",
    ) -> Change:
        """Record time studied on an item, milestone or reading."""
        self._writable()
        s = self._checked_session(content_id, minutes, started_at, source)
        session_id = self._database.add_session(s.content_id, s.started_at, s.minutes, s.source)
        return Change(
            "study",
            (s.content_id,),
            None,
            SessionRecord(session_id, s.content_id, s.started_at, s.minutes, s.source),
        )

    def remove_study(self, session_id: int) -> Change:
        """Delete a recorded session; the Change carries the removed record (`old`) as the
        database held it, read in the same transaction."""
        self._writable()
        removed = self._database.remove_session(session_id)
        if removed is None:
            raise TrackerError(f"there is no study session {session_id}")
        return Change("study", (removed.content_id,), removed, None)

    def edit_study(self, session_id: int, minutes: int, started_at: datetime) -> Change:
        """Change a recorded session's minutes and start time (validated like `log_study`);
        the Change carries the record before (`old`, read in the same transaction) and after
        (`new`)."""
        from ..validation import InvalidInput, check_minutes, check_time

        self._writable()
        try:
            minutes = check_minutes(minutes)
            moment = check_time(started_at, self._clock(), "start time")
        except InvalidInput as error:
            raise TrackerError(f"study session {session_id}: {error}") from None
        edited = self._database.edit_session(session_id, minutes, moment)
        if edited is None:
            raise TrackerError(f"there is no study session {session_id}")
        before, after = edited
        return Change("study", (before.content_id,), before, after)

    # --- the study timer ---------------------------------------------------------------------
    def start_timer(self, content_id: str) -> Change:
        """Start timing study on an item or reading (a timer on something else is stopped and
        its time recorded first)."""
        self._writable()
        target = self._study_target(content_id)
        current = self.timer()
        if current is not None and current.content_id == target:
            return self._save_timer(current.resumed(self._clock()))
        if current is None:
            return self._save_timer(TimerState(target, self._clock(), 0.0))
        stopped = self.stop_timer()
        started = self._save_timer(TimerState(target, self._clock(), 0.0))
        return Change(
            stopped.kind,
            (target, current.content_id),
            stopped.old,
            TimerStep(started.new.setting, stopped.new.session),
        )

    def pause_timer(self) -> Change:
        current = self._running_timer()
        return self._save_timer(current.paused(self._clock()))

    def resume_timer(self) -> Change:
        current = self._running_timer()
        return self._save_timer(current.resumed(self._clock()))

    def stop_timer(self, minutes: int | None = None) -> Change:
        """Stop and record the session (rounded to whole minutes; under a minute is dropped),
        or exactly `minutes` from when it started when the learner chose how much to keep
        (at least 1). The Change carries the timer before and, after, the session recorded
        (`TimerStep`)."""
        current = self._running_timer()
        now = self._clock()
        chosen = minutes
        minutes = round(current.elapsed(now) / 60) if chosen is None else max(1, int(chosen))
        session: SessionRecord | None = None
        if minutes >= 1:  # recorded first: if that fails, the timer is still there
            started = now - timedelta(seconds=current.elapsed(now))
            session = self.log_study(
                current.content_id,
                min(minutes, LONGEST_TIMED_MINUTES),
                started_at=started,
                source="timer",
            ).new
        cleared = self.set_setting(TIMER_SETTING, None)
        return Change(
            "study", (current.content_id,), TimerStep(cleared.old), TimerStep(None, session)
        )

    def discard_timer(self) -> Change:
        """Throw the timer away without recording it (`old` says what it was)."""
        self._writable()
        cleared = self.set_setting(TIMER_SETTING, None)
        ids = (cleared.old["content_id"],) if isinstance(cleared.old, dict) else ()
        return Change("timer", ids, TimerStep(cleared.old), TimerStep(None))

    def restore_timer(self, target: TimerStep, current: TimerStep) -> Change:
        """Put the timer back as `target` says (for undo and redo) in ONE transaction: its
        session is recorded again, the timer setting is put back and the session `current`
        recorded is removed, all or nothing. The Change leads back: its `old` is the setting
        and the removed session as the database held them, read in that transaction."""
        self._writable()
        if target.setting is not None and TimerState.from_setting(target.setting) is None:
            raise TrackerError("the study timer to put back is not a timer")
        setting = self._checked_setting(TIMER_SETTING, target.setting)
        again = None
        if target.session is not None:
            s = target.session
            again = self._checked_session(s.content_id, s.minutes, s.started_at, s.source)
        old, added, removed = self._database.restore_timer(
            TIMER_SETTING, setting, again, current.session
        )
        ids = tuple(
            {x["content_id"] for x in (old, setting) if isinstance(x, dict)}
            | {x.content_id for x in (target.session, current.session) if x is not None}
        )
        kind = "study" if target.session or current.session else "timer"
        return Change(kind, ids, TimerStep(old, removed), TimerStep(setting, added))

    def _running_timer(self) -> TimerState:
        self._writable()
        current = self.timer()
        if current is None:
            raise TrackerError("no study timer is running")
        return current

    def _save_timer(self, state: TimerState) -> Change:
        saved = self.set_setting(TIMER_SETTING, state.to_setting())
        return Change("timer", (state.content_id,), TimerStep(saved.old), TimerStep(saved.new))
