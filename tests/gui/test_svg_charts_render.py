"""Qt draws the summary's SVG charts, as the PDF writer will: QtSvg reads each one from its data
URI without a warning, at its stated size, and paints its bars and plan line."""

from __future__ import annotations

import base64
import os
from datetime import date, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

from cairn.reports.svg_charts import (
    ACCENT,
    PLAN,
    burn_up,
    data_uri,
    hours_per_week,
    readiness_bars,
)

MONDAY = date(2025, 3, 3)
HOSTILE = '<script>alert(1)</script> & "Tom\'s" ]]> a very long role name indeed'
CHARTS = {
    "hours": hours_per_week(
        [(MONDAY + timedelta(weeks=n), hours) for n, hours in enumerate([2, 6.5, 12, 0, 9])], 10
    ),
    "burn-up": burn_up(
        [(MONDAY, 0), (MONDAY + timedelta(days=40), 18), (MONDAY + timedelta(days=80), 42)],
        [(MONDAY, 0), (MONDAY + timedelta(days=180), 100)],
    ),
    "readiness": readiness_bars([("LLM engineer", 72, 4.5), (HOSTILE, 40, -2), ("Ops", 0, 0)]),
    "no hours": hours_per_week([], None),
    "nothing done": burn_up([], None),
    "no roles": readiness_bars([]),
}
DRAWN = {"hours": {ACCENT, PLAN}, "burn-up": {ACCENT, PLAN}, "readiness": {ACCENT}}


def _from_uri(uri: str) -> QByteArray:
    return QByteArray(base64.b64decode(uri.split(",", 1)[1]))


def _colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("background", ["#ffffff", "#17181a"])
def test_qt_draws_each_chart_from_its_data_uri(qapp, name: str, background: str) -> None:  # type: ignore[no-untyped-def]
    renderer = QSvgRenderer(_from_uri(data_uri(CHARTS[name])))
    assert renderer.isValid()
    size = renderer.defaultSize()
    assert size.width() == 640 and size.height() > 40
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    colours = _colours(image)
    assert DRAWN.get(name, set()) <= colours
    assert len(colours) > 2  # text and lines were painted, not just the background


def test_a_text_document_loads_the_chart_from_its_data_uri(qapp) -> None:  # type: ignore[no-untyped-def]
    uri = data_uri(CHARTS["readiness"])
    document = QTextDocument()
    document.setHtml(f'<p>Readiness</p><img src="{uri}">')
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(uri))
    assert not image.isNull()
    assert (image.width(), image.height()) == (640, 106)
