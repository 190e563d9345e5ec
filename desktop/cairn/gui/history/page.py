"""History: a calendar of study days, hours per week against the plan, items finished over time
against the planned line (burn-up), and streaks. Imported only when first shown (QtCharts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...history import WEEKS_SHOWN, HistoryData, done_by_week, finish_dates
from ...history import history_data as compute
from ...records import SessionRecord
from ...tracker import Change, Tracker
from ..operations import Operations
from ..study.session_table import SessionTable
from ..widgets.charts import accent, chart_view, follow_palette, nice_maximum, plan_colour
from ..widgets.dates import day

LEVELS = (0, 30, 60, 120)  # minutes: none, a little, an hour, two hours or more


def history_data(tracker: Tracker, today: date) -> HistoryData:
    """The page's numbers (computed by `cairn.history`) from the tracker's values."""
    return HistorySource(tracker).data(today)


class HistorySource:
    """The stored values the page draws from, kept between visits and changes: a status
    change asks the database only when its items were last done (one indexed query, when the
    page is next drawn), a study change reads the sessions again, and anything that may have
    changed everything (an import, an undo of one, new content) reads everything again."""

    #: Changes that touch neither the status history nor the study sessions.
    UNRELATED = frozenset({"note", "evidence", "reading", "roles", "setting", "choice"})

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self._done_at: dict[str, datetime] | None = None
        self._moved: set[str] = set()  # items whose last "done" may have changed since
        self._sessions: list[SessionRecord] | None = None
        self._drawn: tuple[HistoryData, tuple[object, ...]] | None = None  # data, its inputs

    def follow(self, change: Change) -> None:
        if change.kind == "status":
            self._moved.update(change.ids)
            return  # only the items finished can have moved
        self._drawn = None
        if change.kind in ("study", "timer"):
            self._sessions = None
        elif change.kind not in self.UNRELATED:
            self._done_at = self._sessions = None

    def data(self, today: date) -> HistoryData:
        t = self.tracker
        if self._done_at is None:
            self._done_at, self._moved = t.last_done(), set()
        elif self._moved:
            self._done_at.update(t.last_done(self._moved))
            self._moved = set()
        if self._sessions is None:
            self._sessions = t.sessions()
        inputs = (t.counted, t.plan_settings(), today)
        if self._drawn is not None and _same(self._drawn[1], inputs):
            # statuses alone changed: the study figures and the plan's line stand
            last = self._drawn[0]
            finished = finish_dates(t.counted, t.statuses(), self._done_at)
            done = done_by_week(finished, last.start, len(last.done_by_week))
            data = replace(last, done_by_week=done)
        else:
            data = compute(t.counted, t.statuses(), self._done_at, self._sessions, inputs[1], today)
        self._drawn = (data, inputs)
        return data


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The same curriculum (the object), plan and day."""
    return before[0] is now[0] and before[1:] == now[1:]


def day_text(when: date, minutes: int) -> str:
    """A day of the calendar in words: its date and the minutes studied."""
    studied = (
        QCoreApplication.translate("StudyCalendar", "{minutes} min studied").format(minutes=minutes)
        if minutes
        else QCoreApplication.translate("StudyCalendar", "no study")
    )
    return f"{when:%a} {day(when)}: {studied}"


class StudyCalendar(QWidget):
    """A heatmap: one column per week, one row per weekday, darker for more study.

    It takes keyboard focus: the arrow keys move a focused day (left and right by a week, up
    and down by a day), whose date and minutes are shown below the cells and given to
    assistive technology."""

    CELL, GAP, LEFT, TOP = 14, 3, 34, 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: HistoryData | None = None
        self.focused_day: date | None = None
        self.setAccessibleName(
            QCoreApplication.translate("StudyCalendar", "Calendar of study days")
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(
            self.LEFT + WEEKS_SHOWN * (self.CELL + self.GAP) + 10,
            self.TOP + 7 * (self.CELL + self.GAP) + 48,
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_data(self, data: HistoryData) -> None:
        """Show these days; the focus stays on its day unless it was on today (it follows
        today) or left the calendar."""
        following = self.data is None or self.focused_day == self._today_cell()
        self.data = data
        first = self._origin()
        last = first + timedelta(days=WEEKS_SHOWN * 7 - 1)
        if following or self.focused_day is None or not first <= self.focused_day <= last:
            self.focused_day = self._today_cell()
        self._describe()
        self.update()

    def _today_cell(self) -> date:
        """Today's cell, or the nearest end of the calendar."""
        assert self.data is not None
        first = self._origin()
        return min(max(self.data.today, first), first + timedelta(days=WEEKS_SHOWN * 7 - 1))

    def focused_text(self) -> str:
        """The focused day in words ('' before there is data)."""
        if self.data is None or self.focused_day is None:
            return ""
        return day_text(self.focused_day, self.data.minutes_by_day.get(self.focused_day, 0))

    def _describe(self) -> None:
        assert self.data is not None
        studied = sum(1 for m in self.data.minutes_by_day.values() if m)
        summary = QCoreApplication.translate(
            "StudyCalendar", "{count} days with study since {start}"
        ).format(count=studied, start=f"{day(self.data.start)}")
        self.setAccessibleDescription(
            summary
            + ". "
            + QCoreApplication.translate("StudyCalendar", "Focused: {day}").format(
                day=self.focused_text()
            )
        )

    def _origin(self) -> date:
        assert self.data is not None
        return self.data.start - timedelta(days=self.data.start.weekday())

    def _day_at(self, x: float, y: float) -> date | None:
        column = int((x - self.LEFT) // (self.CELL + self.GAP))
        row = int((y - self.TOP) // (self.CELL + self.GAP))
        if self.data is None or not (0 <= column < WEEKS_SHOWN and 0 <= row < 7):
            return None
        return self._origin() + timedelta(days=column * 7 + row)

    def _cell(self, day: date) -> QRectF:
        offset = (day - self._origin()).days
        column, row = divmod(offset, 7)
        step = self.CELL + self.GAP
        return QRectF(self.LEFT + column * step, self.TOP + row * step, self.CELL, self.CELL)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
        }
        step = moves.get(Qt.Key(event.key()))
        if step is None or self.data is None or self.focused_day is None:
            super().keyPressEvent(event)
            return
        first = self._origin()
        moved = self.focused_day + timedelta(days=step)
        if first <= moved <= first + timedelta(days=WEEKS_SHOWN * 7 - 1):
            self.focused_day = moved
            self._describe()
            self.update()
        event.accept()

    def mousePressEvent(self, event: object) -> None:
        day = self._day_at(event.position().x(), event.position().y())  # type: ignore[attr-defined]
        if day is not None:
            self.focused_day = day
            self._describe()
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def colour(self, minutes: int) -> QColor:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        if minutes <= 0:  # faint but visible on the window colour of either theme
            return QColor("#383c43") if dark else QColor("#d3d7de")
        level = sum(1 for threshold in LEVELS[1:] if minutes >= threshold)
        colour = accent(self)
        return colour.lighter(170 - 35 * level) if not dark else colour.darker(220 - 40 * level)

    def month_labels(self) -> list[tuple[float, str]]:
        """Where each month's name is drawn: at its first week, skipped when it would touch
        the previous name."""
        if self.data is None:
            return []
        metrics = QFontMetrics(self.font())
        labels: list[tuple[float, str]] = []
        right = -1.0
        last_month = -1
        for column in range(WEEKS_SHOWN):
            monday = self._origin() + timedelta(days=column * 7)
            if monday.month == last_month:
                continue
            last_month = monday.month
            x = self.LEFT + column * (self.CELL + self.GAP)
            name = f"{monday:%b}"
            if x >= right + 6:
                labels.append((x, name))
                right = x + metrics.horizontalAdvance(name)
        return labels

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.data is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        for row, name in (
            (0, QCoreApplication.translate("StudyCalendar", "Mon")),
            (2, QCoreApplication.translate("StudyCalendar", "Wed")),
            (4, QCoreApplication.translate("StudyCalendar", "Fri")),
            (6, QCoreApplication.translate("StudyCalendar", "Sun")),
        ):
            painter.drawText(
                QRectF(0, self.TOP + row * (self.CELL + self.GAP), self.LEFT - 4, self.CELL),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
        for x, name in self.month_labels():
            painter.drawText(QPointF(x, self.TOP - 5), name)
        origin = self._origin()
        for offset in range(WEEKS_SHOWN * 7):
            day = origin + timedelta(days=offset)
            rect = self._cell(day)
            if day > self.data.today:
                painter.setPen(QPen(self.colour(0), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.colour(self.data.minutes_by_day.get(day, 0)))
            painter.drawRoundedRect(rect, 3, 3)
        if self.hasFocus() and self.focused_day is not None:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._cell(self.focused_day).adjusted(-2, -2, 2, 2), 4, 4)
        legend_y = self.TOP + 7 * (self.CELL + self.GAP) + 8
        painter.setPen(text)
        painter.drawText(
            QPointF(self.LEFT, legend_y + 11), QCoreApplication.translate("StudyCalendar", "Less")
        )
        for n, minutes in enumerate(LEVELS):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour(minutes))
            painter.drawRoundedRect(
                QRectF(self.LEFT + 34 + n * (self.CELL + 3), legend_y, self.CELL, self.CELL), 3, 3
            )
        painter.setPen(text)
        legend_x = self.LEFT + 40 + len(LEVELS) * (self.CELL + 3)
        more = QCoreApplication.translate("StudyCalendar", "More (0, 30 min, 1 h, 2 h+)")
        painter.drawText(QPointF(legend_x, legend_y + 11), more)
        painter.drawText(
            QPointF(self.LEFT, legend_y + 32),
            self.focused_text()
            if self.hasFocus()
            else QCoreApplication.translate(
                "StudyCalendar", "Tab here, then use the arrow keys to read each day"
            ),
        )
        painter.end()

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            day = self._day_at(event.pos().x(), event.pos().y())
            if day is not None and self.data is not None:
                QToolTip.showText(
                    event.globalPos(), day_text(day, self.data.minutes_by_day.get(day, 0)), self
                )
                return True
        return super().event(event)  # type: ignore[arg-type]


class HistoryPage(QWidget):
    """The learner's study history and progress over time.

    The charts' series and axes are made once and only their values change: deleting and
    re-creating QtCharts series under PySide is a known way to crash at exit."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.source = HistorySource(tracker)
        operations.changed.connect(self._changed)
        title = QLabel(self.tr("History"))
        title.setObjectName("PageTitle")
        self.summary = QLabel("")
        self.summary.setObjectName("PageSummary")
        self.summary.setWordWrap(True)
        self.calendar = StudyCalendar()
        self.hours = QChart()
        self.burn_up = QChart()
        self._build_hours()
        self._build_burn_up()
        charts = QHBoxLayout()
        charts.addWidget(
            chart_view(self.hours, self.tr("Hours studied per week against the plan"), 300), 1
        )
        charts.addWidget(
            chart_view(self.burn_up, self.tr("Items done over time against the plan"), 300), 1
        )
        sessions_label = QLabel(self.tr("Study sessions"))
        sessions_label.setObjectName("SectionLabel")
        self.sessions = SessionTable(tracker, operations)
        self.sessions.setMinimumHeight(240)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.calendar)
        layout.addLayout(charts, 1)
        layout.addWidget(sessions_label)
        layout.addWidget(self.sessions, 1)
        self.scroller = QScrollArea()  # at 720 px high the session list is scrolled to
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

    def _build_hours(self) -> None:
        self.studied = QBarSet(self.tr("Studied"))
        self.studied.append([0.0] * WEEKS_SHOWN)
        self.bars = QBarSeries()
        self.bars.append(self.studied)
        self.plan_line = QLineSeries()
        self.weeks_axis = QCategoryAxis()  # bars sit at 0 … WEEKS_SHOWN - 1: week 1 at 0
        self.weeks_axis.setLabelsPosition(
            QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
        )
        self.weeks_axis.setRange(-0.5, WEEKS_SHOWN - 0.5)
        for week in range(1, WEEKS_SHOWN + 1, 4):  # every fourth: narrow charts still fit
            self.weeks_axis.append(str(week), week - 1)
        self.weeks_axis.setTitleText(self.tr("Week of the plan"))
        self.weeks_axis.setGridLineVisible(False)
        self.hours_axis = QValueAxis()
        self.hours_axis.setLabelFormat("%.0f")
        self.hours_axis.setTitleText(self.tr("Hours"))
        self.hours.setTitle(self.tr("Hours studied per week"))
        self.hours.addSeries(self.bars)
        self.hours.addSeries(self.plan_line)
        self.hours.addAxis(self.weeks_axis, Qt.AlignmentFlag.AlignBottom)
        self.hours.addAxis(self.hours_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.plan_line):
            series.attachAxis(self.weeks_axis)
            series.attachAxis(self.hours_axis)

    def _build_burn_up(self) -> None:
        self.finished_line = QLineSeries()
        self.finished_line.setName(self.tr("Done"))
        self.planned_line = QLineSeries()
        self.planned_line.setName(self.tr("Plan"))
        self.burn_weeks = QValueAxis()
        self.burn_weeks.setRange(0, WEEKS_SHOWN)
        self.burn_weeks.setTickType(QValueAxis.TickType.TicksDynamic)
        self.burn_weeks.setTickAnchor(0)
        self.burn_weeks.setTickInterval(4)
        self.burn_weeks.setLabelFormat("%d")
        self.burn_weeks.setTitleText(self.tr("Week of the plan"))
        self.burn_items = QValueAxis()
        self.burn_items.setLabelFormat("%d")
        self.burn_items.setTickType(QValueAxis.TickType.TicksDynamic)
        self.burn_items.setTickAnchor(0)
        self.burn_up.setTitle(self.tr("Items done over time"))
        for series in (self.finished_line, self.planned_line):
            self.burn_up.addSeries(series)
        self.burn_up.addAxis(self.burn_weeks, Qt.AlignmentFlag.AlignBottom)
        self.burn_up.addAxis(self.burn_items, Qt.AlignmentFlag.AlignLeft)
        for series in (self.finished_line, self.planned_line):
            series.attachAxis(self.burn_weeks)
            series.attachAxis(self.burn_items)

    def _changed(self, change: Change) -> None:
        """Shown, it follows every change at once (study time, statuses, the plan); hidden,
        it is redrawn when shown."""
        self.source.follow(change)
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self, today: date | None = None) -> HistoryData:
        data = self.source.data(today or self.tracker.now().date())
        self.data = data
        s = data.study
        plan = (
            self.tr("Plan: {hours} h a week from {start}.").format(
                hours=f"{data.planned_weekly:g}", start=f"{day(data.start)}"
            )
            if data.planned_weekly
            else self.tr(
                "No plan yet (Tools → Your plan…): the charts "
                "show the last six months without a planned line."
            )
        )
        studied = (
            self.tr("{hours} h studied on {days} day; {week} h this week.")
            if s.days_studied == 1
            else self.tr("{hours} h studied on {days} days; {week} h this week.")
        )
        streak = (
            self.tr("Current streak {days} day, longest {longest}.")
            if s.streak_days == 1
            else self.tr("Current streak {days} days, longest {longest}.")
        )
        self.summary.setText(
            " ".join(
                [
                    studied.format(
                        hours=f"{s.minutes_total / 60:.1f}",
                        days=s.days_studied,
                        week=f"{s.minutes_this_week / 60:.1f}",
                    ),
                    streak.format(days=s.streak_days, longest=s.longest_streak),
                    plan,
                ]
            )
        )
        self.calendar.set_data(data)
        self._style(self.hours)
        self._style(self.burn_up)
        self._fill_hours(data)
        self._fill_burn_up(data)
        return data

    def _style(self, chart: QChart) -> None:
        """Follow the light or dark palette (a chart theme resets series colours too)."""
        text = follow_palette(chart, self)
        chart.legend().setLabelColor(text)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        for axis in chart.axes():
            axis.setLabelsBrush(text)
            axis.setTitleBrush(text)
        self.studied.setColor(accent(self))
        self.plan_line.setPen(QPen(plan_colour(self), 2, Qt.PenStyle.DashLine))
        self.finished_line.setPen(QPen(accent(self), 3))
        self.planned_line.setPen(QPen(plan_colour(self), 2, Qt.PenStyle.DashLine))

    def _fill_hours(self, data: HistoryData) -> None:
        for week, hours in enumerate(data.weekly_hours):
            self.studied.replace(week, hours)
        planned = data.planned_weekly or 0.0
        self.plan_line.setName(
            self.tr("Plan ({hours} h a week)").format(hours=f"{planned:g}")
            if planned
            else self.tr("Plan")
        )
        self.plan_line.replace(
            [QPointF(-0.5, planned), QPointF(WEEKS_SHOWN - 0.5, planned)] if planned else []
        )
        self.plan_line.setVisible(bool(planned))
        self.hours_axis.setRange(0, max([*data.weekly_hours, planned, 1.0]) * 1.15)
        self.hours_axis.applyNiceNumbers()

    def _fill_burn_up(self, data: HistoryData) -> None:
        elapsed = min(WEEKS_SHOWN, max(1, (data.today - data.start).days // 7 + 1))
        self.finished_line.replace(
            [QPointF(0, 0)]
            + [QPointF(week + 1, data.done_by_week[week]) for week in range(elapsed)]
        )
        top = max([*data.done_by_week[:elapsed], 1])
        planned = data.planned_done_by_week or []
        self.planned_line.replace(
            [QPointF(0, 0)] + [QPointF(week + 1, count) for week, count in enumerate(planned)]
            if planned
            else []
        )
        self.planned_line.setVisible(bool(planned))
        total = max(1, len(self.tracker.counted.items), top)
        self.burn_items.setRange(0, total)
        self.burn_items.setTickInterval(nice_maximum(total / 4, (5, 10, 25, 50, 100)))
        self.burn_items.setTitleText(self.tr("Items done (of {total})").format(total=total))
