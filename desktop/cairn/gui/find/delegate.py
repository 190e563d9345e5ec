"""How a quick-open result is drawn: its title, and below it in a quieter colour what it is
and where it lives (with a piece of the note for a note)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
PADDING = 6


class ResultDelegate(QStyledItemDelegate):
    """Two lines per result: the title (elided in the middle) over a quieter line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        line = QFontMetrics(view.font).lineSpacing()  # type: ignore[attr-defined]
        return QSize(200, 2 * line + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        text = view.text  # type: ignore[attr-defined]
        view.text = ""  # type: ignore[attr-defined]
        style = view.widget.style() if view.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, view.widget)  # type: ignore[attr-defined]
        title, _newline, about = text.replace("\u2028", "\n").partition("\n")  # Qt's own break
        rect: QRect = view.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)  # type: ignore[attr-defined]
        metrics = QFontMetrics(view.font)  # type: ignore[attr-defined]
        selected = bool(view.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = view.palette  # type: ignore[attr-defined]
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.save()
        painter.setFont(view.font)  # type: ignore[attr-defined]
        painter.setPen(strong)
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.lineSpacing())
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        quiet = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(quiet)
        bottom = top.translated(0, metrics.lineSpacing())
        painter.drawText(
            bottom,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(about, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
