"""PDF from the print variant of the HTML report, laid out by Qt (QTextDocument + QPdfWriter).

Works with no display: without one, Qt's offscreen platform is used. Pages are A4, numbered
"page N of M" in the footer, and no table row is split across two pages: a row that would
straddle a page end is pushed to the next page (Qt's own pagination would cut it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

SCREEN_DPI = 96.0
PDF_DPI = 300
FOOTER_POINTS = 18.0


def _application() -> Any:
    """The running Qt application, or a new one (a widgets one, so the window can follow)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "cairn"])
    return app


def _tables(frame: Any) -> list[Any]:
    from PySide6.QtGui import QTextTable

    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _row_span(layout: Any, table: Any, row: int) -> tuple[float, float]:
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid():
            continue
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top = min(top, rect.top())
            bottom = max(bottom, rect.bottom())
            if block == last:
                break
            block = block.next()
    return top, bottom


def keep_rows_together(document: Any, page_height: float) -> int:
    """Push every table row that would straddle a page end down to the next page.

    Returns how many rows were moved."""
    moved = 0
    layout = document.documentLayout()
    for table in _tables(document.rootFrame()):
        if table.rows() and table.columns() and table.format().height().rawValue() < 20 and \
                table.parentFrame() is not document.rootFrame():
            continue  # a small bar drawn inside a cell: never taller than a line
        for row in range(table.rows()):
            top, bottom = _row_span(layout, table, row)
            if top == float("inf") or bottom - top >= page_height:
                continue
            if int(top // page_height) != int((bottom - 0.5) // page_height):
                push = page_height - (top % page_height) + 2
                for column in range(table.columns()):
                    cell = table.cellAt(row, column)
                    cell_format = cell.format().toTableCellFormat()
                    cell_format.setTopPadding(cell_format.topPadding() + push)
                    cell.setFormat(cell_format)
                moved += 1
    return moved


def write_pdf(html: str, target: Path, *, title: str) -> None:
    """Lay out `html` on numbered A4 pages and write the PDF to `target`."""
    _app = _application()  # keep a reference while painting
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("Cairn")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 14, 16, 12), QPageLayout.Unit.Millimeter))
    scale = PDF_DPI / SCREEN_DPI
    paint = writer.pageLayout().paintRectPixels(PDF_DPI)
    footer = FOOTER_POINTS * PDF_DPI / 72.0
    page_width = paint.width() / scale
    page_height = (paint.height() - footer) / scale

    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.0)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setPageSize(QSizeF(page_width, page_height))
    for _ in range(20):  # each push can move later rows; settle
        if not keep_rows_together(document, page_height):
            break
    pages = document.pageCount()

    painter = QPainter(writer)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, page_width,
                                                  page_height))
            painter.restore()
            painter.setFont(small)
            painter.drawText(QRectF(0, paint.height() - footer, paint.width(), footer),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{title} · page {page + 1} of {pages}")
    finally:
        painter.end()
