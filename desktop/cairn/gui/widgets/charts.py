"""Chart helpers and two small painted charts (radar, bars) that follow the palette.

The painted charts wrap their labels instead of cutting them and print every value in the
palette's text colour, so they read at real values in both themes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from .theme import contrast_ratio

ACCENT = QColor("#2f6fd0")
ACCENT_DARK = QColor("#5b9bff")
PLAN_COLOUR = QColor("#e08a1e")
PLAN_COLOUR_DARK = QColor("#ffb454")
STEPS = (10, 25, 50, 100)
WRAP = int(Qt.TextFlag.TextWordWrap)


def nice_maximum(highest: float, steps: tuple[int, ...] = STEPS) -> int:
    """The smallest round axis maximum at or above `highest` (10, 25, 50, 100, then tens)."""
    for step in steps:
        if highest <= step:
            return step
    return int(math.ceil(highest / 100.0) * 100)


def keep_together(label: str) -> str:
    """Non-breaking spaces around " · " and before "%", so a value never wraps alone."""
    return label.replace(" · ", "\u00a0·\u00a0").replace(" %", "\u00a0%")


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21), as the design computes it."""
    return contrast_ratio(one.name(), other.name())


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def accent(widget: QWidget) -> QColor:
    """The chart accent, lighter on a dark background."""
    return QColor(ACCENT_DARK if is_dark(widget) else ACCENT)


def plan_colour(widget: QWidget) -> QColor:
    return QColor(PLAN_COLOUR_DARK if is_dark(widget) else PLAN_COLOUR)


def chart_view(chart: QChart, name: str, minimum_height: int) -> QChartView:
    """An antialiased view with an accessible name that may shrink in width."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(minimum_height)
    view.setMinimumWidth(240)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return view


def follow_palette(chart: QChart, widget: QWidget) -> QColor:
    """Give the chart the light or dark look of the widget's palette; return the text colour.

    A chart theme also resets series colours, so callers set those again afterwards."""
    base = widget.palette().color(QPalette.ColorRole.Base)
    text = widget.palette().color(QPalette.ColorRole.Text)
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark if is_dark(widget) else QChart.ChartTheme.ChartThemeLight
    )
    chart.setBackgroundBrush(base)
    chart.setTitleBrush(text)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return text


class PaintedChart(QWidget):
    """A chart painted on the palette's base colour with the palette's text colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def grid_colour(self) -> QColor:
        return QColor("#3a3d42" if is_dark(self) else "#d3d7dd")

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def _begin(self) -> tuple[QPainter, QRectF]:
        """A painter on the filled background, and the area left below the title."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.background())
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if self.title:
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(self.text_colour())
            height = QFontMetrics(bold).height()
            painter.drawText(
                QRectF(area.left(), area.top(), area.width(), height),
                int(Qt.AlignmentFlag.AlignHCenter),
                self.title,
            )
            area.setTop(area.top() + height + 6)
        painter.setFont(self.font())
        return painter, area


@dataclass(frozen=True)
class Spoke:
    """One axis of the radar: its label, value and whether it is highlighted (a target)."""

    label: str
    value: float
    marked: bool = False


class RadarChart(PaintedChart):
    """A radar scaled to its data: the axis maximum is a round number just above the highest
    value, the rings are labelled, and the labels wrap rather than being cut."""

    def label_width(self) -> int:
        """How wide a spoke's label may be before it wraps."""
        return int(min(150, max(80, self.width() * 0.2)))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spokes: list[Spoke] = []
        self.axis_max = 10
        self.scale_text = ""
        self.numbered = False
        self._sizes: dict[tuple[str, str, int], tuple[int, int]] = {}  # see _label_size
        self._fonts: dict[bool, tuple[QFont, str]] = {}  # see _label_fonts
        self._fonts_for = ""
        self.setMinimumSize(230, 240)

    def sizeHint(self) -> QSize:
        return QSize(480, 340)

    def set_data(self, spokes: list[Spoke], scale_text: str) -> None:
        """Show these values; `scale_text` names the scale, e.g. "Scale 0–25 of 100"."""
        self.spokes = list(spokes)
        self.axis_max = nice_maximum(max((s.value for s in spokes), default=0.0))
        self.scale_text = scale_text.format(maximum=self.axis_max)
        self.setAccessibleDescription(
            "; ".join(f"{s.label}: {s.value:.1f}" for s in self.spokes) + f". {self.scale_text}"
        )
        self.update()

    def ticks(self) -> list[float]:
        count = 4 if self.axis_max == 100 else 5
        return [self.axis_max * n / count for n in range(1, count + 1)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, area = self._begin()
        text = self.text_colour()
        metrics = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())
        line = metrics.height()
        painter.setPen(text)
        painter.drawText(
            QRectF(area.left(), area.bottom() - line, area.width(), line),
            int(Qt.AlignmentFlag.AlignLeft),
            self.scale_text,
        )
        area.setBottom(area.bottom() - line - 2)
        count = len(self.spokes)
        if count < 3:
            painter.end()
            return
        self.numbered = False
        radius = self._fit(area)
        if radius < 80 or self._overlap(radius, area.center()):
            self.numbered = True  # names in a legend beside or below, numbers at the tips
            legend, area = self._split(area)
            self._draw_legend(painter, legend)
            radius = self._fit(area)
        centre = area.center()

        def point(index: float, value: float) -> QPointF:
            return self._point(index, radius * value / self.axis_max, centre)

        grid = QPen(self.grid_colour(), 1)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for tick in self.ticks():
            painter.setPen(grid)
            painter.drawPolygon(QPolygonF([point(i, tick) for i in range(count)]))
        for index in range(count):
            painter.drawLine(centre, point(index, self.axis_max))
        colour = accent(self)
        fill = QColor(colour)
        fill.setAlpha(90)
        painter.setPen(QPen(colour, 2))
        painter.setBrush(fill)
        shape = [point(i, min(s.value, self.axis_max)) for i, s in enumerate(self.spokes)]
        painter.drawPolygon(QPolygonF(shape))
        painter.setBrush(colour)
        for dot in shape:
            painter.drawEllipse(dot, 3, 3)
        painter.setPen(text)
        for tick in self.ticks():
            spot = point(0, tick)
            painter.drawText(QPointF(spot.x() + 4, spot.y() + metrics.ascent() / 2), f"{tick:g}")
        for index in range(count):
            self._draw_label(painter, index, radius, centre)
        painter.end()

    def _fit(self, area: QRectF) -> float:
        """The largest radius at which every tip label stays inside `area`."""
        radius = min(area.width(), area.height()) / 2
        centre = area.center()
        while radius > 30 and not all(
            area.contains(self._label_box(i, radius, centre)[0]) for i in range(len(self.spokes))
        ):
            radius -= 4
        return radius

    def _overlap(self, radius: float, centre: QPointF) -> bool:
        boxes = [self._label_box(i, radius, centre)[0] for i in range(len(self.spokes))]
        return any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1 :])

    def legend_lines(self) -> list[str]:
        return [f"{n}. " + self.spoke_label(s) for n, s in enumerate(self.spokes, 1)]

    def _split(self, area: QRectF) -> tuple[QRectF, QRectF]:
        """A legend beside the radar when there is width to spare, else below it."""
        metrics = QFontMetrics(self.small_font())
        if area.width() >= area.height() * 1.1:
            width = min(230.0, area.width() * 0.45)
            legend = QRectF(area.right() - width, area.top(), width, area.height())
            return legend, QRectF(area.left(), area.top(), area.width() - width - 8, area.height())
        height = sum(
            metrics.boundingRect(QRect(0, 0, int(area.width()), 400), WRAP, line).height() + 3
            for line in self.legend_lines()
        )
        legend = QRectF(area.left(), area.bottom() - height, area.width(), height)
        return legend, QRectF(area.left(), area.top(), area.width(), area.height() - height - 6)

    def _draw_legend(self, painter: QPainter, legend: QRectF) -> None:
        painter.setPen(self.text_colour())
        top = legend.top()
        for spoke, line in zip(self.spokes, self.legend_lines(), strict=True):
            font = self._label_font(spoke)
            painter.setFont(font)
            height = self._text_size(line, font, int(legend.width()))[1] - 2
            painter.drawText(QRectF(legend.left(), top, legend.width(), height + 2), WRAP, line)
            top += height + 3
        painter.setFont(self.small_font())

    def _point(self, index: float, distance: float, centre: QPointF) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / len(self.spokes)
        return QPointF(
            centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
        )

    def _label_font(self, spoke: Spoke) -> QFont:
        return self._label_fonts()[spoke.marked][0]

    def _label_fonts(self) -> dict[bool, tuple[QFont, str]]:
        """The labels' fonts (bold for a target) with their keys, made once per widget font
        (a paint asks for them hundreds of times)."""
        base = self.font().key()
        if self._fonts_for != base:
            fonts = {}
            for bold in (False, True):
                font = self.small_font()
                font.setBold(bold)
                fonts[bold] = (font, font.key())
            self._fonts, self._fonts_for = fonts, base
        return self._fonts

    def spoke_label(self, spoke: Spoke) -> str:
        """A spoke's full label: a star for a target, the name and the value."""
        return ("★ " if spoke.marked else "") + keep_together(f"{spoke.label} · {spoke.value:.1f}")

    def tip_label(self, index: int) -> str:
        """The label at a spoke's tip: its full label, or its number beside a legend."""
        spoke = self.spokes[index]
        if self.numbered:
            return ("★ " if spoke.marked else "") + str(index + 1)
        return self.spoke_label(spoke)

    def _label_box(
        self, index: int, radius: float, centre: QPointF
    ) -> tuple[QRectF, Qt.AlignmentFlag]:
        """Where a spoke's wrapped label goes at this radius, and its alignment."""
        width, height = self._label_size(index)
        tip = self._point(index, radius, centre)
        dx, dy = tip.x() - centre.x(), tip.y() - centre.y()
        if abs(dx) < radius * 0.2:  # near the top or the bottom
            x = tip.x() - width / 2
            y = tip.y() - height - 4 if dy < 0 else tip.y() + 4
            return QRectF(x, y, width, height), Qt.AlignmentFlag.AlignHCenter
        y = tip.y() - height / 2
        if dx > 0:
            return QRectF(tip.x() + 6, y, width, height), Qt.AlignmentFlag.AlignLeft
        return QRectF(tip.x() - 6 - width, y, width, height), Qt.AlignmentFlag.AlignRight

    def _label_size(self, index: int) -> tuple[int, int]:
        """A tip label's wrapped size (fitting the radar asks for every label at each radius
        it tries): measured once per text, font and width."""
        font, font_key = self._label_fonts()[self.spokes[index].marked]
        return self._text_size(self.tip_label(index), font, self.label_width(), font_key)

    def _text_size(self, text: str, font: QFont, width: int, font_key: str = "") -> tuple[int, int]:
        """`text` wrapped at `width` in `font`: its size with a pixel to spare each way."""
        key = (text, font_key or font.key(), width)
        found = self._sizes.get(key)
        if found is None:
            box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 400), WRAP, text)
            if len(self._sizes) > 4096:  # labels of data long gone
                self._sizes.clear()
            found = self._sizes[key] = (box.width() + 2, box.height() + 2)
        return found

    def _draw_label(self, painter: QPainter, index: int, radius: float, centre: QPointF) -> None:
        spoke = self.spokes[index]
        box, align = self._label_box(index, radius, centre)
        painter.setFont(self._label_font(spoke))
        painter.drawText(box, int(align) | WRAP, self.tip_label(index))


class BarChart(PaintedChart):
    """Horizontal bars with full, wrapped labels and each value printed beside its bar."""

    ROW_GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float]] = []
        self.maximum = 100.0

    def sizeHint(self) -> QSize:
        return QSize(440, 340)

    def set_data(self, rows: list[tuple[str, float]], maximum: float = 100.0) -> None:
        self.rows = list(rows)
        self.maximum = maximum
        self.setAccessibleDescription("; ".join(f"{label}: {value:.0f}" for label, value in rows))
        self.updateGeometry()
        self.update()

    def labels(self) -> list[str]:
        return [label for label, _ in self.rows]

    def value_colour(self) -> QColor:
        """The colour of the printed values: the palette's text on the chart's background."""
        return self.text_colour()

    def _label_width(self, width: float) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(label) for label, _ in self.rows), default=0)
        return int(min(widest + 4, max(110.0, width * 0.55)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, area = self._begin()
        if not self.rows:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        label_width = self._label_width(area.width())
        value_width = metrics.horizontalAdvance("100") + 8
        left = area.left() + label_width + 8
        span = max(20.0, area.right() - value_width - left)
        needs = [
            max(metrics.boundingRect(QRect(0, 0, label_width, 400), WRAP, label).height(), 18) + 4
            for label, _ in self.rows
        ]
        extra = max(0.0, (area.height() - sum(needs)) / len(self.rows))
        top = area.top()
        grid = QPen(self.grid_colour(), 1)
        for quarter in range(5):
            x = left + span * quarter / 4
            painter.setPen(grid)
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        colour = accent(self)
        text = self.value_colour()
        for need, (label, value) in zip(needs, self.rows, strict=True):
            row_height = need + extra
            painter.setPen(text)
            painter.drawText(
                QRectF(area.left(), top, label_width, row_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) | WRAP,
                label,
            )
            bar_height = min(22.0, max(6.0, row_height - self.ROW_GAP * 2))
            length = span * max(0.0, min(value, self.maximum)) / self.maximum
            bar = QRectF(left, top + (row_height - bar_height) / 2, length, bar_height)
            painter.fillRect(bar, colour)
            painter.setPen(text)
            painter.drawText(
                QRectF(bar.right() + 4, top, value_width, row_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{value:.0f}",
            )
            top += row_height
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Labels wrap to the width: the height they need follows it."""
        self.updateGeometry()
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        width = 230
        label_width = self._label_width(max(width, self.width()) - 16)
        height = sum(
            max(metrics.boundingRect(QRect(0, 0, label_width, 400), WRAP, label).height(), 18) + 4
            for label, _ in self.rows
        )
        return QSize(width, max(200, height + metrics.height() + 20))
