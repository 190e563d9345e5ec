"""Where the PDF's pages begin: the report is laid out once, as one long page, and cut.

Qt's own pagination breaks a table row between two lines and can only be steered by editing
the document (padding a row down to the next page) and laying all of it out again: at a few
thousand rows every layout took most of a second, and each pass of pushes moved rows that the
next pass had to check again. Here nothing is edited: the document is laid out once, without
pages, and each page ends at the last place above the page's end that cuts through no line of
text (an image is a line) and no table row that fits on a page; a page is then painted as
that slice of the document. A row taller than a page is cut between lines of its cells, and a
single line taller than a page (a huge image) is cut where the page ends: nothing is ever left
out.

Every measurement is taken on a layout finished to the end (Qt lays a document out lazily, a
part at a time; a partly laid-out document once painted blocks as nothing)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

__all__ = ["EDGE", "PAGE_GAP", "finish_layout", "page_starts", "unlaid_blocks"]

# Every page after the first starts this far (document pixels) below its top edge, as the
# first starts below the document margin; a cut never moves closer than this to a page's top.
PAGE_GAP = 4.0
# A page is painted through a window this much (document pixels) inside its cuts: Qt paints
# every line that touches the window, and a line ending (or starting) exactly at a cut would
# otherwise be written, clipped out of sight, on both pages (its words found twice).
EDGE = 0.05


def finish_layout(document: Any) -> None:
    """Lay the whole document out afresh and to the end, now.

    Setting the page size makes Qt start a full layout (not an incremental one from the last
    change), and asking for the document's size finishes it instead of leaving the rest to be
    laid out lazily later."""
    document.setPageSize(document.pageSize())
    document.documentLayout().documentSize()


def unlaid_blocks(document: Any) -> int:
    """How many blocks holding text have no laid-out line (they would be painted as nothing)."""
    count = 0
    block = document.begin()
    while block.isValid():
        if block.isVisible() and block.text().strip() and not block.layout().lineCount():
            count += 1
        block = block.next()
    return count


@dataclass(frozen=True, slots=True)
class _Part:
    """A block or a frame (a table, say) of a flow, and how far down it reaches."""

    top: float
    bottom: float
    item: Any  # QTextBlock or QTextFrame


class _Flow:
    """The blocks and frames of one frame (or table cell), top to bottom, read once."""

    def __init__(self, layout: Any, frame: Any) -> None:
        parts: list[_Part] = []
        position = frame.begin()
        while not position.atEnd():
            child = position.currentFrame()
            if child is not None:
                rect = layout.frameBoundingRect(child)
                parts.append(_Part(rect.top(), rect.bottom(), child))
            else:
                block = position.currentBlock()
                if block.isValid() and block.isVisible():
                    rect = layout.blockBoundingRect(block)
                    if rect.height() > 0:
                        parts.append(_Part(rect.top(), rect.bottom(), block))
            position += 1
        self.parts = parts
        self.tops = [part.top for part in parts]

    def at(self, y: float) -> tuple[_Part, float] | None:
        """The part that `y` falls strictly inside, if any, and where the part before it ends
        (the part's own top when it is the first)."""
        found = bisect_left(self.tops, y) - 1  # the last part starting above y
        while found >= 0:
            part = self.parts[found]
            if part.bottom > y:
                return part, self.parts[found - 1].bottom if found else part.top
            if part.top < y - 0.5:  # parts stack: one ending above y leaves y free
                return None
            found -= 1
        return None


class _Cutter:
    """Finds, for a page end, the last place at or above it that splits nothing that must
    stay whole (every flow and table is measured once, when first needed)."""

    def __init__(self, document: Any, page_height: float) -> None:
        from PySide6.QtGui import QTextBlock, QTextTable

        self.block_type, self.table_type = QTextBlock, QTextTable
        self.layout = document.documentLayout()
        self.page_height = page_height
        self.rows_whole = True
        self.flows: dict[tuple[str, int], _Flow] = {}
        self.rows: dict[tuple[int, int], tuple[float, float]] = {}
        self.root = self._flow(document.rootFrame())

    def _flow(self, frame: Any) -> _Flow:
        key = (type(frame).__name__, frame.firstPosition())  # Qt hands out new wrappers
        flow = self.flows.get(key)
        if flow is None:
            flow = self.flows[key] = _Flow(self.layout, frame)
        return flow

    def cut(self, y: float, *, rows_whole: bool = True) -> float:
        """The last place at or above `y` that cuts no line and (with `rows_whole`) no row
        fitting a page."""
        self.rows_whole = rows_whole
        while True:  # a place free in one cell can cut a line beside it: until none moves
            higher = self._cut(self.root, y)
            if higher >= y:
                return y
            y = higher

    def _cut(self, flow: _Flow, y: float) -> float:
        found = flow.at(y)
        if found is None:
            return y
        part, above = found
        if isinstance(part.item, self.block_type):
            return _line_top(part.item, part.top, y)
        if isinstance(part.item, self.table_type):
            return self._cut_table(part.item, above, y)
        return self._cut(self._flow(part.item), y)  # another frame: what it holds

    def _row(self, table: Any, row: int) -> tuple[float, float]:
        key = (table.firstPosition(), row)
        span = self.rows.get(key)
        if span is None:
            span = self.rows[key] = _row_span(self.layout, table, row)
        return span

    def _cut_table(self, table: Any, before: float, y: float) -> float:
        """`before`: where what precedes the table ends."""
        row = self._row_at(table, y)
        if row is None:
            return y  # between rows
        top, bottom = self._row(table, row)
        if self.rows_whole and bottom - top <= self.page_height - 2 * PAGE_GAP:
            above = before
            for earlier in range(row - 1, -1, -1):  # the nearest row above with text
                if self._row(table, earlier)[0] != float("inf"):
                    above = self._row(table, earlier)[1]
                    break
            return (above + top) / 2 if above < top else top  # midway: in the cells' padding
        # taller than a page: between lines of its cells, the highest any cell needs
        cut = y
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if cell.isValid() and cell.row() == row and cell.column() == column:
                cut = min(cut, self._cut(self._flow(cell), y))
        return cut

    def _row_at(self, table: Any, y: float) -> int | None:
        """The row whose text reaches across `y` (None: y falls between rows)."""
        low, high = 0, table.rows() - 1
        while low <= high:
            middle = (low + high) // 2
            probe = middle
            top, bottom = self._row(table, probe)
            while top == float("inf") and probe < high:  # a row with no text: the next
                probe += 1
                top, bottom = self._row(table, probe)
            if top == float("inf"):
                high = middle - 1
            elif bottom <= y:
                low = probe + 1
            elif top >= y:
                high = middle - 1
            else:
                return probe
        return None


def _line_top(block: Any, block_top: float, y: float) -> float:
    """The top of the block's line that `y` falls inside (y itself between lines)."""
    text_layout = block.layout()
    origin = block_top - text_layout.boundingRect().top()
    for index in range(text_layout.lineCount()):
        line = text_layout.lineAt(index)
        top = origin + line.y()
        if top < y < top + line.height():
            return top
    return y


def _row_span(layout: Any, table: Any, row: int) -> tuple[float, float]:
    """The top and bottom of what the row's own cells hold (inf, 0 for a row with no text);
    a cell spanning down from a row above belongs to that row."""
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid() or cell.row() != row:
            continue
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.height() > 0:
                top = min(top, rect.top())
                bottom = max(bottom, rect.bottom())
            if block == last:
                break
            block = block.next()
    return top, bottom


def page_starts(document: Any, page_height: float) -> list[float]:
    """Where each page begins in `document` (laid out to the end, without pages): a page
    holds at most `page_height` of it (less PAGE_GAP after the first) and ends where it
    cuts no line of text and no table row that fits on a page."""
    total = document.documentLayout().documentSize().height()
    cutter = _Cutter(document, page_height)
    starts = [0.0]
    room = page_height
    while total - starts[-1] > room:
        start = starts[-1]
        end = cutter.cut(start + room)
        if end <= start + PAGE_GAP:  # a row that fits a page only just does not fit here
            end = cutter.cut(start + room, rows_whole=False)
        if end <= start + PAGE_GAP:  # one line taller than a page: cut where the page ends
            end = start + room
        starts.append(end)
        room = page_height - PAGE_GAP
    return starts
