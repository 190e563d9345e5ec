"""Shared QtCharts helpers for the pages that draw charts (imported only with those pages)."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

ACCENT = QColor("#2f6fd0")
PLAN_COLOUR = QColor("#e08a1e")


def chart_view(chart: QChart, name: str, minimum_height: int) -> QChartView:
    """An antialiased view with an accessible name."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(minimum_height)
    return view


def follow_palette(chart: QChart, widget: QWidget) -> QColor:
    """Give the chart the light or dark look of the widget's palette; return the text colour.

    A chart theme also resets series colours, so callers set those again afterwards."""
    base = widget.palette().color(QPalette.ColorRole.Base)
    text = widget.palette().color(QPalette.ColorRole.Text)
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark
        if base.lightness() < 128
        else QChart.ChartTheme.ChartThemeLight
    )
    chart.setBackgroundBrush(base)
    chart.setTitleBrush(text)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return text
