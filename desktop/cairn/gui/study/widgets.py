"""Study time in the window: the timer (in the item pane and the status bar), adding time by
hand, and the plan dialog (start date and hours per week)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QTimer
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
from ...tracker import Change, StoreError, Tracker
from ..operations import Operations
from ..widgets.actions import report
from .operations import (
    edit_study_operation,
    log_study_operation,
    plan_operation,
    timer_operation,
)

TICK_MS = 1000
RETRY_MS = 10_000  # while the timer cannot be read (a busy file)
TIMER_KINDS = frozenset({"timer", "study", "all"})  # changes that may move the timer


def clock_text(seconds: float) -> str:
    """Seconds as h:mm:ss."""
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def to_local(moment: datetime) -> QDateTime:
    """A stored moment (naive UTC) as the learner's local date and time."""
    return QDateTime.fromSecsSinceEpoch(int(moment.replace(tzinfo=UTC).timestamp()))


class TimerControls(QWidget):
    """Start, pause, resume and stop the study timer; shows the time gathered so far. Every
    copy (the detail pane, the status bar) follows the saved timer through `operations`."""

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
        self.label = QLabel("")
        self.label.setObjectName("DetailMeta")
        self.label.setAccessibleName("Study timer")
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(60)
        self.start = QPushButton("Start timer")
        self.pause = QPushButton("Pause")
        self.stop = QPushButton("Stop")
        self.stop.setToolTip("Stop and record the session")
        self.discard = QPushButton("Discard")
        for button, slot in (
            (self.start, self._start),
            (self.pause, self._pause_or_resume),
            (self.stop, self._stop),
            (self.discard, self._discard),
        ):
            button.clicked.connect(slot)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for button in (self.start, self.pause, self.stop, self.discard):
            row.addWidget(button)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.refresh)
        self.tick.start()
        self.refresh()

    def set_item(self, item_id: str) -> None:
        """Time `item_id` when Start is pressed."""
        self.item_id = item_id
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.kind in TIMER_KINDS:
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
        now = self.tracker.now()
        title = ""
        if state is not None:
            c = self.tracker.curriculum
            target = c.items.get(state.content_id) or c.readings.get(state.content_id)
            title = target.title if target is not None else state.content_id
        here = state is not None and state.content_id == self.item_id
        if state is None:
            text = "" if self.compact else "Not timing."
        elif self.compact or not here:
            short = title if len(title) <= 40 else title[:39] + "…"
            text = f"◷ {clock_text(state.elapsed(now))} · {short}" + (
                "" if state.running else " (paused)"
            )
        else:
            text = f"◷ {clock_text(state.elapsed(now))}" + ("" if state.running else " (paused)")
        self.label.setText(text)
        read_only = self.tracker.read_only
        self.start.setVisible(not self.compact and not here and bool(self.item_id))
        self.start.setText("Time this" if state is not None else "Start timer")
        for button in (self.pause, self.stop, self.discard):
            button.setVisible(state is not None and (self.compact or here))
        self.pause.setText("Resume" if state is not None and not state.running else "Pause")
        for button in (self.start, self.pause, self.stop, self.discard):
            button.setEnabled(not read_only)
        self.setVisible(not self.compact or state is not None)

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

        pausing = self.pause.text() == "Pause"
        self._act(
            "Pause timer" if pausing else "Resume timer",
            "paused" if pausing else "resumed",
            toggle,
        )

    def _stop(self) -> None:
        self._act("Stop timer", "stopped", self.tracker.stop_timer)

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
        self.setWindowTitle("Add study time" if session is None else "Edit study session")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(45 if session is None else session.minutes)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Minutes studied")
        now = to_local(tracker.now())
        self.when = QDateTimeEdit(
            now.addSecs(-45 * 60) if session is None else to_local(session.started_at)
        )
        self.when.setMaximumDateTime(now)  # study time cannot start in the future
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("When you started")
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
            self.message.setText("Choose when you started.")
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


class PlanDialog(QDialog):
    """When the path starts and how many hours a week it gets; shows the finish it implies."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.setWindowTitle("Your plan")
        current = tracker.plan_settings() or PlanSettings(date.today(), 10.0)
        counted = tracker.counted
        total = sum(i.estimate_hours for i in counted.items.values())
        weeks = max(1, len(counted.weeks))
        intro = QLabel(
            "Choose when you start and how many hours a week you can give. The path is "
            f"about {total:.0f} h of work: {total / weeks:.0f} h a week finishes it in its {weeks} "
            "weeks, fewer hours take longer."
        )
        intro.setWordWrap(True)
        self.start = QDateEdit(QDate(current.start.year, current.start.month, current.start.day))
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setCalendarPopup(True)
        self.start.setAccessibleName("Start date")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(1, 60)
        self.hours.setDecimals(1)
        self.hours.setValue(current.hours_per_week)
        self.hours.setSuffix(" h a week")
        self.hours.setAccessibleName("Hours per week")
        self.finish = QLabel("")
        self.finish.setObjectName("DetailMeta")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Why the plan was not saved")
        self.start.dateChanged.connect(self._update)
        self.hours.valueChanged.connect(self._update)
        form = QFormLayout()
        form.addRow("&Start", self.start)
        form.addRow("&Hours per week", self.hours)
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
        start: date = self.start.date().toPython()  # type: ignore[assignment]
        return PlanSettings(start, self.hours.value())

    def _update(self) -> None:
        settings = self.settings()
        p = pace(self.tracker.counted, self.tracker.statuses(), settings, settings.start)
        weeks = p.total_hours / settings.hours_per_week
        self.finish.setText(
            f"{p.total_hours:.0f} h of work: about {weeks:.0f} weeks, finishing "
            f"around {p.planned_finish:%d %b %Y}."
        )

    def save(self) -> bool:
        """Save the plan and close; a failure is said in the dialog, which stays open."""
        settings = self.settings()
        operation = plan_operation(self.tracker, settings.start, settings.hours_per_week)
        if self.operations.run(operation, widget=self, say=self.message.setText) is None:
            return False
        self.accept()
        return True
