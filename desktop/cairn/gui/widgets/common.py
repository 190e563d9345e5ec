"""Small building blocks shared by several views."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from .icons import icon

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


def page_title(text: str = "") -> QLabel:
    """A page's title in the design's page-title style (17 pt, semibold)."""
    label = QLabel(text)
    label.setObjectName("PageTitle")
    label.setWordWrap(True)
    return label


def summary_label(text: str = "") -> QLabel:
    """The muted line under a page title (secondary text colour, wraps)."""
    label = QLabel(text)
    label.setObjectName("PageSummary")
    label.setWordWrap(True)
    return label


def section_label(text: str = "") -> QLabel:
    """A section heading inside a page or pane (semibold, 8 px above)."""
    label = QLabel(text)
    label.setObjectName("SectionLabel")
    return label


#: Object names that give a label the status colours of docs/design.md.
STATUS_STYLES = {
    "done": "StatusDone",
    "doing": "StatusDoing",
    "skipped": "StatusSkipped",
    "todo": "StatusTodo",
}


def set_status_style(label: QLabel, status: str) -> None:
    """Colour a label with a status's design colour (give it a glyph or word as well)."""
    label.setObjectName(STATUS_STYLES.get(status, "StatusTodo"))
    repolish(label)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after an object name or property it matches changed
    (a read-only note, a status colour): Qt does not restyle a widget by itself."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def icon_button(name: str, text: str, accessible: str, tooltip: str = "") -> QPushButton:
    """A push button with a themed icon (see docs/design.md), a word, and an accessible name."""
    button = QPushButton(icon(name), text)
    button.setAccessibleName(accessible)
    if tooltip:
        button.setToolTip(tooltip)
    return button


def icon_tool_button(name: str, accessible: str, tooltip: str) -> QToolButton:
    """An icon-only tool button: it always has a tooltip and an accessible name."""
    button = QToolButton()
    button.setIcon(icon(name))
    button.setAutoRaise(True)
    button.setAccessibleName(accessible)
    button.setToolTip(tooltip)
    return button


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
