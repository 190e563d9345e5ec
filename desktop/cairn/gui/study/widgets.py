"""Study time in the window: the timer (in the item pane and the status bar), adding time by
hand, and the plan dialog (start date and hours per week)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...plan import PlanSettings, pace
from ...records import SessionRecord
from ...timer import TimerState
from ...tracker import Change, StoreError, Tracker
from ..operations import Operations
from ..widgets.actions import report
from ..widgets.dates import day
from ..widgets.icons import icon
from .operations import (
    edit_study_operation,
    log_study_operation,
    plan_operation,
    timer_operation,
)
from .stop_prompt import (
    LONG_SECONDS,
    SHORT_SECONDS,
    Answer,
    LongSessionPrompt,
    ShortSessionPrompt,
    StopPrompt,
    local_start,
)

TICK_MS = 1000
RETRY_MS = 10_000  # while the timer cannot be read (a busy file)
TIMER_KINDS = frozenset({"timer", "study", "all"})  # changes that may move the timer
IDLE_GAP_SECONDS = 10 * 60  # a tick this late means the computer slept or hung
INDICATOR_TITLE_CHARS = 18  # room for the timed item's title in the status bar


def clock_text(seconds: float) -> str:
    """Seconds as h:mm:ss."""
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def to_local(moment: datetime) -> QDateTime:
    """A stored moment (naive UTC) as the learner's local date and time."""
    return QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))


class TimerControls(QWidget):
    """The study timer. In the detail pane (the one set of controls): Start, Pause/Resume,
    Stop and Discard, for the item in view or the timer running on another one. With
    `compact` (the status bar): only a fixed-size indicator of the time gathered, so the
    status bar never grows or jumps while a timer runs. Both follow the saved timer through
    `operations`. Stopping a session under a minute, over 3 hours, or one found running after
    a restart or an idle gap asks before anything is saved."""

    def __init__(
        self,
        tracker: Tracker,
        operations: Operations,
        *,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        operations.changed.connect(self._changed)
        self.item_id = ""  # what "Start" times (the item in view)
        self.compact = compact
        self.prompt: StopPrompt | None = None
        self.forgotten = False  # found running at start, or across an idle gap
        self._last_tick = time.time()
        self.label = QLabel("")
        self.label.setObjectName("DetailMeta")
        self.label.setAccessibleName(self.tr("Study timer"))
        self.start = QPushButton(self.tr("Start timer"))
        self.pause = QPushButton(self.tr("Pause"))
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop and record the session"))
        self.discard = QPushButton(self.tr("Discard"))
        for button, name in (
            (self.start, "timer-start"),
            (self.pause, "timer-pause"),
            (self.stop, "timer-stop"),
            (self.discard, "delete"),
        ):
            button.setIcon(icon(name))
        for button, name, slot in (
            (self.start, self.tr("Start the study timer"), self._start),
            (self.pause, self.tr("Pause or resume the study timer"), self._pause_or_resume),
            (self.stop, self.tr("Stop the study timer and record the session"), self._stop),
            (self.discard, self.tr("Discard the study timer"), self._discard),
        ):
            button.setAccessibleName(name)
            button.clicked.connect(slot)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for button in (self.start, self.pause, self.stop, self.discard):
            row.addWidget(button)
            button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.other = QLabel("")  # the item timed, when it is not the one in view
        self.other.setObjectName("DetailMeta")
        self.other.setWordWrap(True)
        self.other.setVisible(False)
        layout.addWidget(self.other)
        layout.addLayout(row)
        if compact:
            self._fix_indicator_size()
        else:
            self.label.setWordWrap(True)
            self.label.setMinimumWidth(60)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._ticked)
        self.tick.start()
        with contextlib.suppress(StoreError):
            state = tracker.timer()
            self.forgotten = state is not None and state.running  # left running when closed
        self.refresh()

    def _fix_indicator_size(self) -> None:
        """One line of a fixed width and height: the status bar keeps its size whatever the
        timer shows ("(paused)", a long title)."""
        metrics = self.label.fontMetrics()
        sample = "◷ 00:00:00 · " + "m" * INDICATOR_TITLE_CHARS + " " + self.tr("(paused)")
        self.label.setWordWrap(False)
        self.label.setFixedSize(metrics.horizontalAdvance(sample), metrics.height() + 4)
        self.setFixedSize(self.label.size())
        self.setAccessibleName(self.tr("Study timer"))

    def set_item(self, item_id: str) -> None:
        """Time `item_id` when Start is pressed."""
        self.item_id = item_id
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.kind in TIMER_KINDS:
            self.refresh()

    def _ticked(self) -> None:
        """Refresh; a tick far later than asked (the computer slept) marks the timer as
        possibly forgotten, so stopping it asks first."""
        now = time.time()
        if now - self._last_tick > IDLE_GAP_SECONDS:
            self.forgotten = True
        self._last_tick = now
        self.refresh()

    def refresh(self) -> None:
        """Show the timer as saved. If it cannot be read (a busy file), say so once and try
        again less often until it can."""
        try:
            state = self.tracker.timer()
        except StoreError as error:
            if self.tick.interval() == TICK_MS:
                report(self, "updated (the study timer)", error)
                self.tick.setInterval(RETRY_MS)
            return
        self.tick.setInterval(TICK_MS)
        if state is None:
            self.forgotten = False
        here = state is not None and state.content_id == self.item_id
        full = self._text(state, elide=False)
        if not self.compact and state is not None and not here:
            clock, _sep, timed = full.partition(" · ")  # the title on a line of its own
            self.other.setText(self.tr("Timing: {title}").format(title=timed))
            self.label.setText(clock)
        else:
            self.label.setText(self._text(state))
        self.other.setVisible(not self.compact and state is not None and not here)
        self.label.setToolTip(full)
        read_only = self.tracker.read_only
        if not self.compact:
            self.start.setVisible(not here and bool(self.item_id))
            timing = state is not None
            self.start.setText(self.tr("Time this") if timing else self.tr("Start timer"))
            for button in (self.pause, self.stop, self.discard):
                button.setVisible(state is not None)
        paused = state is not None and not state.running
        self.pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        for button in (self.start, self.pause, self.stop, self.discard):
            button.setEnabled(not read_only)
        self.setVisible(not self.compact or state is not None)

    def _text(self, state: TimerState | None, *, elide: bool = True) -> str:
        """What the label says: the time gathered, what is timed when it is not the item in
        view (or always, in the status bar), and "(paused)"."""
        if state is None:
            return "" if self.compact else self.tr("Not timing.")
        clock = f"◷ {clock_text(state.elapsed(self.tracker.now()))}"
        paused = "" if state.running else " " + self.tr("(paused)")
        if not self.compact and state.content_id == self.item_id:
            return clock + paused
        c = self.tracker.curriculum
        target = c.items.get(state.content_id) or c.readings.get(state.content_id)
        title = target.title if target is not None else state.content_id
        if elide and self.compact:
            metrics = self.label.fontMetrics()
            room = self.label.width() - metrics.horizontalAdvance(f"{clock} · {paused}") - 4
            title = metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, max(room, 20))
        elif elide and len(title) > 40:
            title = title[:39] + "…"
        return f"{clock} · {title}{paused}"

    def _act(self, name: str, what: str, action: Callable[[], Change]) -> None:
        """Run a timer action through the operation path (undoable as `name`); a refusal is
        said in the status bar and the timer shows what is saved."""
        self.operations.run(timer_operation(self.tracker, name, action, what), widget=self)
        self.refresh()

    def _start(self) -> None:
        item_id = self.item_id
        self._act("Start timer", "started", lambda: self.tracker.start_timer(item_id))

    def _pause_or_resume(self) -> None:
        def toggle() -> Change:
            state = self.tracker.timer()
            if state is not None and state.running:
                return self.tracker.pause_timer()
            return self.tracker.resume_timer()

        pausing = self.pause.text() == self.tr("Pause")
        self._act(
            "Pause timer" if pausing else "Resume timer",
            "paused" if pausing else "resumed",
            toggle,
        )

    def _stop(self) -> None:
        """Stop and record; a session under a minute, a long one or a forgotten one is asked
        about first (the prompt is `self.prompt`)."""
        try:
            state = self.tracker.timer()
        except StoreError as error:
            report(self, "stopped (the study timer)", error)
            return
        if state is None:
            self._act("Stop timer", "stopped", self.tracker.stop_timer)
            return
        seconds = state.elapsed(self.tracker.now())
        started = local_start(self.tracker.now() - timedelta(seconds=seconds))
        if seconds < SHORT_SECONDS:
            self._ask(ShortSessionPrompt(seconds, started, self))
        elif seconds > LONG_SECONDS or self.forgotten:
            self._ask(LongSessionPrompt(seconds, started, self, forgotten=self.forgotten))
        else:
            self._act("Stop timer", "stopped", self.tracker.stop_timer)

    def _ask(self, prompt: StopPrompt) -> None:
        """Open `prompt` (window-modal, not blocking) and do what the learner answers."""
        if self.prompt is not None:
            self.prompt.deleteLater()
        self.prompt = prompt
        prompt.accepted.connect(lambda: self._answered(prompt))
        prompt.open()

    def _answered(self, prompt: StopPrompt) -> None:
        if prompt.answer is Answer.DISCARD:
            self._discard()
        elif prompt.answer is Answer.SAVE:
            minutes = prompt.minutes
            self._act("Stop timer", "stopped", lambda: self.tracker.stop_timer(minutes))

    def _discard(self) -> None:
        self._act("Discard timer", "discarded", self.tracker.discard_timer)


class AddTimeDialog(QDialog):
    """Record time studied away from the laptop, or (given `session`) correct a recorded
    session's minutes and start."""

    def __init__(
        self,
        tracker: Tracker,
        operations: Operations,
        item_id: str,
        parent: QWidget | None = None,
        *,
        session: SessionRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.item_id = item_id
        self.session = session
        c = tracker.curriculum
        target = c.items.get(item_id) or c.readings.get(item_id)
        self.setWindowTitle(
            self.tr("Add study time") if session is None else self.tr("Edit study session")
        )
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(45 if session is None else session.minutes)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName(self.tr("Minutes studied"))
        now = to_local(tracker.now())
        self.when = QDateTimeEdit(
            now.addSecs(-45 * 60) if session is None else to_local(session.started_at)
        )
        self.when.setMaximumDateTime(now)  # study time cannot start in the future
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("When you started"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{target.title if target else item_id}</b>"))
        form.addRow("&Minutes", self.minutes)
        form.addRow("&Started", self.when)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> bool:
        """Record (or correct) the session and close; a refusal is said in the dialog, which
        stays open with what was typed."""
        chosen = self.when.dateTime().toPython()
        if not isinstance(chosen, datetime):
            self.message.setText(self.tr("Choose when you started."))
            return False
        started = chosen.astimezone(UTC).replace(tzinfo=None)  # local time → stored UTC
        minutes = self.minutes.value()
        operation = (
            log_study_operation(self.tracker, self.item_id, minutes, started)
            if self.session is None
            else edit_study_operation(self.tracker, self.session.id, minutes, started)
        )
        if self.operations.run(operation, widget=self, say=self.message.setText) is None:
            return False
        self.accept()
        return True


class DateField(QDateEdit):
    """A date field Tab leaves (a plain QDateEdit moves Tab between day, month and year, so
    typing the next field's value changed the date); arrows and typing edit it as usual."""

    def __init__(self, value: date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(value.year, value.month, value.day), parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def value(self) -> date:
        """The date chosen."""
        chosen = self.date().toPython()
        return chosen if isinstance(chosen, date) else date.today()


def hours_field(value: float) -> QDoubleSpinBox:
    """Hours a week, 1 to 60 (less than an hour a week is not a plan)."""
    hours = QDoubleSpinBox()
    hours.setRange(1, 60)
    hours.setDecimals(1)
    hours.setValue(min(60.0, max(1.0, value)))
    hours.setSuffix(QCoreApplication.translate("PlanDialog", " h a week"))
    hours.setAccessibleName(QCoreApplication.translate("PlanDialog", "Hours per week"))
    hours.setAccessibleDescription(
        QCoreApplication.translate("PlanDialog", "From 1 to 60 hours a week")
    )
    return hours


def path_sentence(tracker: Tracker) -> str:
    """How many hours the path is and the weekly hours that finish it in its weeks."""
    counted = tracker.counted
    total = sum(i.estimate_hours for i in counted.items.values())
    weeks = max(1, len(counted.weeks))
    return QCoreApplication.translate(
        "PlanDialog",
        "The path is about {total} h of work: {weekly} h a week finishes it in its {weeks} "
        "weeks, fewer hours take longer.",
    ).format(total=f"{total:.0f}", weekly=f"{total / weeks:.0f}", weeks=weeks)


def finish_preview(tracker: Tracker, settings: PlanSettings) -> str:
    """ "N h of work: about W weeks, finishing around D." for a plan (hours below 1 a week are
    counted as 1, the least a plan allows)."""
    settings = PlanSettings(settings.start, max(1.0, settings.hours_per_week))
    p = pace(tracker.counted, tracker.statuses(), settings, settings.start)
    weeks = max(1, round(p.total_hours / settings.hours_per_week))
    return QCoreApplication.translate(
        "PlanDialog", "{hours} h of work: about {weeks} weeks, finishing around {finish}."
    ).format(hours=f"{p.total_hours:.0f}", weeks=weeks, finish=f"{day(p.planned_finish)}")


class PlanDialog(QDialog):
    """When the path starts and how many hours a week it gets; shows the finish it implies."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.setWindowTitle(self.tr("Your plan"))
        current = tracker.plan_settings() or PlanSettings(date.today(), 10.0)
        intro = QLabel(
            self.tr("Choose when you start and how many hours a week you can give.")
            + " "
            + path_sentence(tracker)
        )
        intro.setWordWrap(True)
        self.start = DateField(current.start)
        self.start.setAccessibleName(self.tr("Start date"))
        self.hours = hours_field(current.hours_per_week)
        self.finish = QLabel("")
        self.finish.setObjectName("DetailMeta")
        self.finish.setWordWrap(True)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Why the plan was not saved"))
        self.start.dateChanged.connect(self._update)
        self.hours.valueChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("&Start"), self.start)
        form.addRow(self.tr("&Hours per week"), self.hours)
        form.addRow("", self.finish)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update()

    def settings(self) -> PlanSettings:
        return PlanSettings(self.start.value(), self.hours.value())

    def _update(self) -> None:
        self.finish.setText(finish_preview(self.tracker, self.settings()))

    def save(self) -> bool:
        """Save the plan and close; a failure is said in the dialog, which stays open."""
        settings = self.settings()
        operation = plan_operation(self.tracker, settings.start, settings.hours_per_week)
        if self.operations.run(operation, widget=self, say=self.message.setText) is None:
            return False
        self.accept()
        return True
