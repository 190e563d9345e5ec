"""The status column's look: the glyph alone, centred and coloured, in a narrow column. The
cell's text (and what assistive technology reads) stays the full status, e.g. "✔  Done"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
GLYPH_WIDTH = 34  # the status column: the glyph carries the status


def glyph_of(text: str) -> str:
    """The glyph at the start of a status text ("✔  Done" → "✔")."""
    return text.split(maxsplit=1)[0] if text.strip() else ""


class StatusGlyphDelegate(QStyledItemDelegate):
    """Paints an item's status cell (one with an item id in `id_role`) as its glyph only;
    other rows (headings) paint as usual."""

    def __init__(self, parent: QObject, id_role: int) -> None:
        super().__init__(parent)
        self.id_role = id_role

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
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.data(self.id_role):
            return hint
        return QSize(min(hint.width(), GLYPH_WIDTH), hint.height())


class TwoLineRows(QStyledItemDelegate):
    """Item rows (an item id in `id_role`) are two lines tall so a title wraps once before it
    is cut; headings keep one line."""

    def __init__(self, parent: QObject, id_role: int) -> None:
        super().__init__(parent)
        self.id_role = id_role

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.data(self.id_role):
            return hint
        lines = option.fontMetrics.lineSpacing() * 2 + 8  # type: ignore[attr-defined]
        return QSize(hint.width(), max(hint.height(), lines))
