"""PDF from the print variant of the HTML report, laid out by Qt (QTextDocument + QPdfWriter).

Works with no display: without one, Qt's offscreen platform is used. Pages are A4, numbered
"page N of M" in the footer, and no table row is split across two pages: a row that would
straddle a page end is pushed to the next page (Qt's own pagination would cut it).

After writing, the PDF's objects are read back: a file holding a script, a launch, a form
submission or a link to anything but an http(s) address is deleted and refused (Qt copies link
targets into the PDF without escaping, so this is checked on the bytes, not trusted)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCREEN_DPI = 96.0
PDF_DPI = 300
FOOTER_POINTS = 18.0


class UnsafePdfError(ValueError):
    """The laid-out PDF would carry an action that runs, opens or sends something."""


# Action and object names that make a PDF do something besides showing pages and web links.
ACTIVE_NAMES = frozenset(
    {
        "JavaScript",
        "JS",
        "Launch",
        "SubmitForm",
        "ImportData",
        "GoToR",
        "GoToE",
        "OpenAction",
        "AA",
        "RichMedia",
        "EmbeddedFile",
        "XFA",
    }
)
_WHITESPACE = b"\x00\t\n\x0c\r "
_DELIMITERS = b"()<>[]{}/%"
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\x0c"}


def _literal_string(data: bytes, start: int) -> tuple[bytes, int]:
    """Decode the PDF literal string opening at `start` ("("); returns it and the end index."""
    out = bytearray()
    depth, i = 1, start + 1
    while i < len(data):
        ch = data[i]
        if ch == 0x5C:  # backslash
            nxt = data[i + 1 : i + 2]
            if nxt and nxt in b"01234567":
                digits = re.match(rb"[0-7]{1,3}", data[i + 1 : i + 4])
                assert digits is not None
                out.append(int(digits.group(), 8) & 0xFF)
                i += 1 + len(digits.group())
                continue
            if nxt in (b"\r", b"\n"):  # a line continuation
                i += 3 if data[i + 1 : i + 3] == b"\r\n" else 2
                continue
            out += _ESCAPES.get(nxt[0], nxt) if nxt else b""
            i += 2
            continue
        if ch == 0x28:
            depth += 1
        elif ch == 0x29:
            depth -= 1
            if not depth:
                return bytes(out), i + 1
        out.append(ch)
        i += 1
    return bytes(out), i


def _name(data: bytes, start: int) -> tuple[str, int]:
    """Decode the PDF name opening at `start` ("/"), #xx escapes included."""
    end = start + 1
    while end < len(data) and data[end] not in _WHITESPACE and data[end] not in _DELIMITERS:
        end += 1
    raw = re.sub(
        rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data[start + 1 : end]
    )
    return raw.decode("latin-1"), end


def _tokens(data: bytes) -> Iterator[tuple[str, Any]]:
    """("name", str) and ("string", bytes) tokens of the PDF's objects; streams, comments
    and everything else are passed over."""
    i = 0
    while i < len(data):
        ch = data[i : i + 1]
        if ch == b"%":
            eol = re.compile(rb"[\r\n]").search(data, i)
            i = eol.end() if eol else len(data)
        elif ch == b"(":
            text, i = _literal_string(data, i)
            yield "string", text
        elif data.startswith(b"<<", i) or data.startswith(b">>", i):
            i += 2
        elif ch == b"<":
            end = data.find(b">", i)
            end = len(data) if end < 0 else end
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[i + 1 : end])
            yield "string", bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
            i = end + 1
        elif ch == b"/":
            name, i = _name(data, i)
            yield "name", name
        elif data.startswith(b"stream", i) and (i == 0 or data[i - 1] in _WHITESPACE):
            end = data.find(b"endstream", i + 6)
            i = len(data) if end < 0 else end + len(b"endstream")
        else:
            i += 1


def active_content(data: bytes) -> list[str]:
    """What in these PDF bytes could run, open or send something: active names, and link
    targets that are not http(s) addresses. Empty for an inert PDF."""
    found: list[str] = []
    previous = ("", None)
    for kind, value in _tokens(data):
        if kind == "name" and value in ACTIVE_NAMES:
            found.append(f"/{value}")
        if kind == "string" and previous == ("name", "URI"):
            target = value.decode("latin-1")
            if not re.match(r"https?://[^\s]", target, re.IGNORECASE):
                found.append(f"a link to {target!r}")
        previous = (kind, value)
    return sorted(set(found))


def refuse_active_pdf(path: Path) -> None:
    """Delete the PDF at `path` and raise UnsafePdfError if it holds active content."""
    problems = active_content(path.read_bytes())
    if problems:
        path.unlink(missing_ok=True)
        raise UnsafePdfError(
            "the PDF would contain active content ("
            + ", ".join(problems)
            + "), so it was not written"
        )


def _application() -> Any:
    """The running Qt application, or a new one (a widgets one, so the window can follow)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
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
        if (
            table.rows()
            and table.columns()
            and table.format().height().rawValue() < 20
            and table.parentFrame() is not document.rootFrame()
        ):
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
    """Lay out `html` on numbered A4 pages and write the PDF to `target`; refuse (and leave
    no file) if the result holds anything active."""
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
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
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
            document.drawContents(painter, QRectF(0, page * page_height, page_width, page_height))
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, paint.height() - footer, paint.width(), footer),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{title} · page {page + 1} of {pages}",
            )
    finally:
        painter.end()
    refuse_active_pdf(target)
