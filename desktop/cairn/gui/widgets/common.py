"""Small building blocks shared by several views."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

Index = QModelIndex | QPersistentModelIndex


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat, read-only table with fixed column titles; subclasses provide rows and data."""

    columns: tuple[str, ...] = ()

    def row_count(self) -> int:
        """How many rows there are (subclasses say; the base table is empty)."""
        return 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def refresh_row(self, row: int) -> None:
        if 0 <= row < self.row_count():
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def refresh_all(self) -> None:
        """Redraw every row in place: the view keeps its selection and scroll position."""
        if self.row_count():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.row_count() - 1, len(self.columns) - 1)
            )


def heading_labels() -> tuple[QLabel, QLabel]:
    """A detail pane's title and the muted line under it."""
    title = QLabel("")
    title.setObjectName("DetailTitle")
    title.setWordWrap(True)
    meta = QLabel("")
    meta.setObjectName("DetailMeta")
    meta.setWordWrap(True)
    return title, meta


def segmented_buttons(
    parent: QWidget,
    choices: Sequence[tuple[str, str]],
    accessible: str,
    tooltips: Sequence[str] = (),
) -> tuple[QButtonGroup, QHBoxLayout]:
    """A row of exclusive, checkable buttons, one per (value, label); value in a property."""
    group = QButtonGroup(parent)
    row = QHBoxLayout()
    row.setSpacing(0)
    for number, (value, label) in enumerate(choices):
        button = QPushButton(label)
        button.setObjectName("StatusButton")
        button.setCheckable(True)
        button.setProperty("status", value)
        button.setAccessibleName(f"{accessible}: {label}")
        if number < len(tooltips):
            button.setToolTip(tooltips[number])
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return group, row
