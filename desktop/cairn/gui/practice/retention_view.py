"""Retention beside readiness on the dashboard: for each skill area of the role shown, how
much of what the learner finished they would recall now ("82 %", or "—" with no reviewed card).
It is shown next to the readiness score and never changes it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...practice.retention import AreaRetention
from ...tracker import Tracker
from ..widgets.actions import ACTION_ERRORS
from ..widgets.common import section_label
from .words import percent

NAME_PADDING = 6  # pixels each side of an area name, and above and below it


class WrappedNames(QStyledItemDelegate):
    """Area names drawn whole, wrapped at the column's width: the delegate paints the text
    itself, so its height is measured exactly the way it is drawn (the style's own wrapping
    measures one width and paints another, cutting a line off with "…")."""

    def text_height(self, metrics: QFontMetrics, width: int, text: str) -> int:
        """How tall `text` is drawn in a cell `width` pixels wide."""
        inner = QRect(0, 0, max(1, width - 2 * NAME_PADDING), 100_000)
        lines = metrics.boundingRect(inner, int(Qt.TextFlag.TextWordWrap), text)
        return lines.height() + 2 * NAME_PADDING

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = option.rect.width() if option.rect.isValid() else 200
        height = self.text_height(option.fontMetrics, width, str(index.data() or ""))
        return QSize(width, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        text, cell.text = cell.text, ""
        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        selected = bool(cell.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(cell.font)
        painter.setPen(cell.palette.color(role))
        inner = cell.rect.adjusted(NAME_PADDING, 0, -NAME_PADDING, 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(inner, int(flags) | int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()


class RetentionBox(QWidget):
    """A small table: skill area · cards reviewed · remembered now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Remembered per skill area"))
        title = section_label(self.tr("Remembered (practice)"))
        self.hint = QLabel(
            self.tr(
                "How much of what you finished you would recall now: the average recall of "
                "the area's reviewed cards. Shown beside readiness; it never changes the score."
            )
        )
        self.hint.setObjectName("DetailMeta")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Remembered per skill area"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Skill area"), self.tr("Cards"), self.tr("Recall")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a long area name wraps rather than being cut
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.names = WrappedNames(self.table)
        self.table.setItemDelegateForColumn(0, self.names)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are fitted here, at the name column's width of the moment: the vertical
        # header's own ResizeToContents keeps heights worked out at an earlier width.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.sectionResized.connect(self._fit_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._column_resized)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.shown: list[tuple[str, str]] = []  # (area name, remembered) as listed
        self._listed: list[tuple[str, str, str]] | None = None  # every row's cells, as shown

    def show_areas(self, skill_ids: Sequence[str], tracker: Tracker) -> None:
        """The role's areas in its order, with their retention now."""
        try:
            found = {a.skill_id: a for a in tracker.retention_by_area()}
        except ACTION_ERRORS:
            found = {}
        skills = tracker.curriculum.skills
        rows: list[AreaRetention] = [
            found.get(s) or AreaRetention(s, skills[s].name if s in skills else s, 0, None)
            for s in skill_ids
        ]
        self.fill(rows)

    def fill(self, rows: Sequence[AreaRetention]) -> None:
        """Show these areas; nothing is redrawn when they read as the table already does
        (most changes on the dashboard move readiness, not what is remembered)."""
        listed = [
            (area.name, str(area.cards) if area.cards else "—", percent(area.recall))
            for area in rows
        ]
        if listed == self._listed:
            return
        self._listed = listed
        self.table.setRowCount(len(rows))
        self.shown = []
        for row, (area, cells) in enumerate(zip(rows, listed, strict=True)):
            remembered = cells[2]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                cell.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{area}: remembered {value}").format(area=area.name, value=remembered)
                    if column == 0
                    else text,
                )
                self.table.setItem(row, column, cell)
            self.shown.append((area.name, remembered))
        self._keep_words_whole()
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self._fit_rows()

    def _keep_words_whole(self) -> None:
        """The table is never so narrow that the name column breaks inside a word."""
        metrics = self.table.fontMetrics()
        words = [word for name, _value in self.shown for word in name.split()]
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        widest += 2 * NAME_PADDING
        header = self.table.horizontalHeader()
        others = sum(
            max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c)) for c in (1, 2)
        )
        self.table.setMinimumWidth(widest + others + 2 * self.table.frameWidth() + 4)

    def _fit_rows(self) -> None:
        """Each row as tall as its name wrapped at the name column's width now (measured here:
        Qt's own row fitting skips a table not yet laid out and keeps heights from an earlier
        width)."""
        metrics = self.table.fontMetrics()
        width = self.table.columnWidth(0)
        least = metrics.height() + 2 * NAME_PADDING
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            text = cell.text() if cell is not None else ""
            height = max(least, self.names.text_height(metrics, width, text))
            if self.table.rowHeight(row) != height:
                self.table.setRowHeight(row, height)
        self._fit_height()

    def _fit_height(self, *_resized: int) -> None:
        """Every area shown (the page scrolls, not the list), however the names wrap."""
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)
