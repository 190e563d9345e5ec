"""The status column's look: the glyph alone, centred and coloured, in a narrow column. The
cell's text (and what assistive technology reads) stays the full status, e.g. "✔  Done".

An item can also carry marks drawn in the corners of its status cell and said in its tooltip:
a speech bubble for a mentor's comment (written in a summary window, or received), a seal for
a milestone a mentor verified. A window gives the views a `marks` function (`set_item_marks`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from ..widgets.theme import COLOURS, current_theme

Index = QModelIndex | QPersistentModelIndex
GLYPH_WIDTH = 34  # the status column: the glyph carries the status
MARK_SIZE = 9  # px: the comment bubble and the verified seal in the cell's corners


@dataclass(frozen=True, slots=True)
class ItemMarks:
    """What to mark on an item's status cell; `tip` says it in words (added to the tooltip)."""

    commented: bool = False
    verified: bool = False
    tip: str = ""


#: Gives an item id's marks (None: nothing to mark).
MarksOf = Callable[[str], ItemMarks | None]


def glyph_of(text: str) -> str:
    """The glyph at the start of a status text ("✔  Done" → "✔")."""
    return text.split(maxsplit=1)[0] if text.strip() else ""


class StatusGlyphDelegate(QStyledItemDelegate):
    """Paints an item's status cell (one with an item id in `id_role`) as its glyph only;
    other rows (headings) paint as usual."""

    def __init__(self, parent: QObject, id_role: int) -> None:
        super().__init__(parent)
        self.id_role = id_role
        self.marks: MarksOf | None = None

    def marks_of(self, index: Index) -> ItemMarks | None:
        """The marks of the item in this row (None without a marks function or an item)."""
        item_id = index.data(self.id_role)
        if self.marks is None or not isinstance(item_id, str) or not item_id:
            return None
        return self.marks(item_id)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(self.id_role):
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        text = view_option.text  # type: ignore[attr-defined]
        view_option.text = ""  # type: ignore[attr-defined]
        widget = view_option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        painter.save()
        selected = view_option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        palette = view_option.palette  # type: ignore[attr-defined]
        role = palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
        painter.setPen(palette.color(role))
        font = QFont(view_option.font)  # type: ignore[attr-defined]
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.drawText(view_option.rect, Qt.AlignmentFlag.AlignCenter, glyph_of(text))  # type: ignore[attr-defined]
        marks = self.marks_of(index)
        if marks is not None:
            _paint_marks(painter, QRectF(view_option.rect), marks, palette.color(role))  # type: ignore[attr-defined]
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """The cell's tooltip, with the item's marks said in words below it."""
        marks = self.marks_of(index) if event is not None and index.isValid() else None
        if marks is None or not marks.tip:
            return super().helpEvent(event, view, option, index)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        text = f"{tip}\n{marks.tip}" if tip else marks.tip
        QToolTip.showText(event.globalPos(), text, view)
        return True

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.data(self.id_role):
            return hint
        return QSize(min(hint.width(), GLYPH_WIDTH), hint.height())


class TwoLineRows(QStyledItemDelegate):
    """Item rows (an item id in `id_role`) are two lines tall so a title wraps once before it
    is cut; headings keep one line, or are as tall as items with `every_row` (a view with
    uniform row heights, which then never measures its rows one by one)."""

    def __init__(self, parent: QObject, id_role: int, *, every_row: bool = False) -> None:
        super().__init__(parent)
        self.id_role = id_role
        self.every_row = every_row

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if not self.every_row and not index.data(self.id_role):
            return hint
        lines = option.fontMetrics.lineSpacing() * 2 + 8  # type: ignore[attr-defined]
        return QSize(hint.width(), max(hint.height(), lines))


def _paint_marks(painter: QPainter, cell: QRectF, marks: ItemMarks, ink: QColor) -> None:
    """A speech bubble in the top right corner (a comment), a filled seal with a tick in the
    bottom right corner (verified); drawn, so no font needs the glyphs."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    size = MARK_SIZE
    if marks.commented:
        bubble = QRectF(cell.right() - size - 3, cell.top() + 3, size, size * 0.75)
        path = QPainterPath()
        path.addRoundedRect(bubble, 2, 2)
        tail = QPainterPath()
        tail.moveTo(bubble.left() + 2, bubble.bottom() - 0.5)
        tail.lineTo(bubble.left() + 1.5, bubble.bottom() + 3)
        tail.lineTo(bubble.left() + 5, bubble.bottom() - 0.5)
        path = path.united(tail)
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    if marks.verified:
        colours = COLOURS[current_theme()]
        seal = QRectF(cell.right() - size - 3, cell.bottom() - size - 3, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours["done"]))
        painter.drawEllipse(seal)
        tick = QPainterPath(QPointF(seal.left() + size * 0.25, seal.top() + size * 0.52))
        tick.lineTo(seal.left() + size * 0.43, seal.top() + size * 0.72)
        tick.lineTo(seal.left() + size * 0.77, seal.top() + size * 0.3)
        painter.setPen(QPen(QColor(colours["surface"]), 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)


def set_item_marks(view: QAbstractItemView, marks: MarksOf | None) -> None:
    """Give every status column of `view` the function that says an item's marks, and redraw."""
    model = view.model()
    columns = model.columnCount() if model is not None else 0
    for column in range(max(columns, 1)):
        delegate = view.itemDelegateForColumn(column)
        if isinstance(delegate, StatusGlyphDelegate):
            delegate.marks = marks
    view.viewport().update()
