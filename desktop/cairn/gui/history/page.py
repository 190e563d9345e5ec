"""History: a calendar of study days, hours per week against the plan, items finished over time
against the planned line (burn-up), and streaks. Imported only when first shown (QtCharts)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...history import WEEKS_SHOWN, HistoryData
from ...history import history_data as compute
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.charts import ACCENT, PLAN_COLOUR, chart_view, follow_palette

LEVELS = (0, 30, 60, 120)  # minutes: none, a little, an hour, two hours or more


def history_data(tracker: Tracker, today: date) -> HistoryData:
    """The page's numbers (computed by `cairn.history`) from the tracker's values."""
    return compute(
        tracker.counted,
        tracker.statuses(),
        tracker.all_history(),
        tracker.sessions(),
        tracker.plan_settings(),
        today,
    )


class StudyCalendar(QWidget):
    """A heatmap: one column per week, one row per weekday, darker for more study."""

    CELL, GAP, LEFT, TOP = 14, 3, 34, 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: HistoryData | None = None
        self.setAccessibleName("Calendar of study days")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(
            self.LEFT + WEEKS_SHOWN * (self.CELL + self.GAP) + 10,
            self.TOP + 7 * (self.CELL + self.GAP) + 28,
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_data(self, data: HistoryData) -> None:
        self.data = data
        studied = sum(1 for m in data.minutes_by_day.values() if m)
        self.setAccessibleDescription(f"{studied} days with study since {data.start:%d %b %Y}")
        self.update()

    def _origin(self) -> date:
        assert self.data is not None
        return self.data.start - timedelta(days=self.data.start.weekday())

    def _day_at(self, x: float, y: float) -> date | None:
        column = int((x - self.LEFT) // (self.CELL + self.GAP))
        row = int((y - self.TOP) // (self.CELL + self.GAP))
        if self.data is None or not (0 <= column < WEEKS_SHOWN and 0 <= row < 7):
            return None
        return self._origin() + timedelta(days=column * 7 + row)

    def colour(self, minutes: int) -> QColor:
        base = self.palette().color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        if minutes <= 0:
            return QColor("#2a2d33") if dark else QColor("#e8ebf0")
        level = sum(1 for threshold in LEVELS[1:] if minutes >= threshold)
        colour = QColor(ACCENT)
        return colour.lighter(170 - 35 * level) if not dark else colour.lighter(80 + 35 * level)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.data is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
            painter.drawText(
                QRectF(0, self.TOP + row * (self.CELL + self.GAP), self.LEFT - 4, self.CELL),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
        origin = self._origin()
        last_month = -1
        for column in range(WEEKS_SHOWN):
            monday = origin + timedelta(days=column * 7)
            x = self.LEFT + column * (self.CELL + self.GAP)
            if monday.month != last_month:
                painter.setPen(text)
                painter.drawText(QPointF(x, self.TOP - 5), f"{monday:%b}")
                last_month = monday.month
            for row in range(7):
                day = monday + timedelta(days=row)
                rect = QRectF(x, self.TOP + row * (self.CELL + self.GAP), self.CELL, self.CELL)
                if day > self.data.today:
                    painter.setPen(QPen(self.colour(0), 1))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(self.colour(self.data.minutes_by_day.get(day, 0)))
                painter.drawRoundedRect(rect, 3, 3)
        legend_y = self.TOP + 7 * (self.CELL + self.GAP) + 8
        painter.setPen(text)
        painter.drawText(QPointF(self.LEFT, legend_y + 11), "Less")
        for n, minutes in enumerate(LEVELS):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour(minutes))
            painter.drawRoundedRect(
                QRectF(self.LEFT + 34 + n * (self.CELL + 3), legend_y, self.CELL, self.CELL), 3, 3
            )
        painter.setPen(text)
        painter.drawText(
            QPointF(self.LEFT + 40 + len(LEVELS) * (self.CELL + 3), legend_y + 11),
            "More (0, 30 min, 1 h, 2 h+)",
        )
        painter.end()

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            day = self._day_at(event.pos().x(), event.pos().y())
            if day is not None and self.data is not None:
                minutes = self.data.minutes_by_day.get(day, 0)
                QToolTip.showText(
                    event.globalPos(),
                    f"{day:%a %d %b %Y}: " + (f"{minutes} min" if minutes else "no study"),
                    self,
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
        operations.changed.connect(self._changed)
        title = QLabel("History")
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
        charts.addWidget(chart_view(self.hours, "Hours studied per week against the plan", 240), 1)
        charts.addWidget(
            chart_view(self.burn_up, "Items finished over time against the plan", 240), 1
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.calendar)
        layout.addLayout(charts, 1)

    def _build_hours(self) -> None:
        self.studied = QBarSet("Studied")
        self.studied.append([0.0] * WEEKS_SHOWN)
        self.bars = QBarSeries()
        self.bars.append(self.studied)
        self.plan_line = QLineSeries()
        self.weeks_axis = QBarCategoryAxis()
        self.weeks_axis.append([f"w{n + 1}" for n in range(WEEKS_SHOWN)])
        self.weeks_axis.setLabelsVisible(False)  # 26 labels do not fit; the title says it
        self.weeks_axis.setTitleText(f"Weeks 1–{WEEKS_SHOWN} of the plan")
        self.hours_axis = QValueAxis()
        self.hours_axis.setLabelFormat("%.0f h")
        self.hours.setTitle("Hours studied per week")
        self.hours.addSeries(self.bars)
        self.hours.addSeries(self.plan_line)
        self.hours.addAxis(self.weeks_axis, Qt.AlignmentFlag.AlignBottom)
        self.hours.addAxis(self.hours_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.bars, self.plan_line):
            series.attachAxis(self.weeks_axis)
            series.attachAxis(self.hours_axis)

    def _build_burn_up(self) -> None:
        self.finished_line = QLineSeries()
        self.finished_line.setName("Finished")
        self.planned_line = QLineSeries()
        self.planned_line.setName("Plan")
        self.burn_weeks = QValueAxis()
        self.burn_weeks.setRange(0, 28)
        self.burn_weeks.setTickCount(8)
        self.burn_weeks.setLabelFormat("%d")
        self.burn_weeks.setTitleText("Week of the plan")
        self.burn_items = QValueAxis()
        self.burn_items.setLabelFormat("%d")
        self.burn_up.setTitle("Items finished over time")
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
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self, today: date | None = None) -> HistoryData:
        data = history_data(self.tracker, today or self.tracker.now().date())
        self.data = data
        s = data.study
        plan = (
            f"Plan: {data.planned_weekly:g} h a week from {data.start:%d %b %Y}."
            if data.planned_weekly
            else "No plan yet (Tools → Your plan…): the charts "
            "show the last six months without a planned line."
        )
        self.summary.setText(
            f"{s.minutes_total / 60:.1f} h studied on {s.days_studied} day"
            f"{'s' if s.days_studied != 1 else ''}; {s.minutes_this_week / 60:.1f} h this week. "
            f"Current streak {s.streak_days} day{'s' if s.streak_days != 1 else ''}, longest "
            f"{s.longest_streak}. {plan}"
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
        self.studied.setColor(ACCENT)
        self.plan_line.setPen(QPen(PLAN_COLOUR, 2, Qt.PenStyle.DashLine))
        self.finished_line.setPen(QPen(ACCENT, 3))
        self.planned_line.setPen(QPen(PLAN_COLOUR, 2, Qt.PenStyle.DashLine))

    def _fill_hours(self, data: HistoryData) -> None:
        for week, hours in enumerate(data.weekly_hours):
            self.studied.replace(week, hours)
        planned = data.planned_weekly or 0.0
        self.plan_line.setName(f"Plan ({planned:g} h)" if planned else "Plan")
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
        self.burn_items.setRange(0, max([top, *planned]) * 1.1)
        self.burn_items.applyNiceNumbers()
