"""Items grouped under headings: a role's skill areas, or every project's milestones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from ...content import Item
from ...progress import STATUS_LABELS, progress_of
from ...tracker import Change, Tracker
from ..operations import Operations
from .column_fit import ColumnFitter
from .glyphs import GLYPH_WIDTH, StatusGlyphDelegate, TwoLineRows
from .status_input import StatusInput, status_text

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 3


def _items_count(count: int) -> str:
    """ "1 item", "3 items", "no items"."""
    if count == 0:
        return QCoreApplication.translate("ItemTreeModel", "no items")
    if count == 1:
        return QCoreApplication.translate("ItemTreeModel", "1 item")
    return QCoreApplication.translate("ItemTreeModel", "{count} items").format(count=count)


@dataclass(frozen=True, slots=True)
class Group:
    """A heading and the items under it; `caption` adds to the heading's done count. The
    heading counts `counted` (default: the items shown) as "3 of 8 done", or with
    `show_done` False says how many items are listed ("In progress — 3 items")."""

    title: str
    items: Sequence[Item]
    caption: str = ""
    show_done: bool = True
    counted: Sequence[Item] | None = None


@dataclass(frozen=True, slots=True)
class Column:
    """An extra column; a width > 0 fixes it (long text), otherwise it fits its contents."""

    title: str
    text: Callable[[Item], str]
    width: int = 0


class ItemTreeModel(QStandardItemModel):
    """Groups as top-level rows with a done count; items as child rows with their status."""

    def __init__(self, tracker: Tracker, operations: Operations) -> None:
        super().__init__()
        self.tracker = tracker
        operations.changed.connect(self._changed)
        # Where things are, never the items themselves: holding a wrapper of an item the model
        # owns across clear() lets Python delete it a second time (a crash in PySide6).
        self._status_cells: dict[str, list[tuple[int, int]]] = {}  # (group row, item row)
        self._groups: list[Group] = []  # the group shown in each top-level row
        self._counted_in: dict[str, set[int]] = {}  # item id -> rows of groups counting it
        self._samples: dict[int, dict[str, tuple[int, int]]] = {}  # column -> text -> place
        self._shown: dict[str, str] = {}  # item id -> the status its cells and counts show
        self._counted_shown = False  # every heading has its count

    def shows(self, groups: Sequence[Group], columns: Sequence[Column]) -> bool:
        """Whether these groups and columns are the ones shown (same titles, same items)."""
        shown = [(g.title, [i.id for i in g.items]) for g in self._groups]
        titles = [
            self.headerData(n, Qt.Orientation.Horizontal) for n in range(2, self.columnCount())
        ]
        return shown == [(g.title, [i.id for i in g.items]) for g in groups] and titles == [
            c.title for c in columns
        ]

    def adopt(self, groups: Sequence[Group]) -> None:
        """Take the groups of a redraw (the same titles and items as shown): when they count
        other items (a choice made elsewhere), every heading is counted again."""
        if [g.counted for g in groups] != [g.counted for g in self._groups]:
            self._counted_in.clear()
            for row, group in enumerate(groups):
                for item in group.items if group.counted is None else group.counted:
                    self._counted_in.setdefault(item.id, set()).add(row)
            self._counted_shown = False
        self._groups[:] = groups

    def set_groups(self, groups: Sequence[Group], columns: Sequence[Column]) -> None:
        self._shown.clear()
        self._counted_shown = False
        self._status_cells.clear()
        self._groups.clear()
        self._counted_in.clear()
        self._samples = {number: {} for number in range(2, 2 + len(columns))}
        self.clear()
        self.setHorizontalHeaderLabels(
            ["", QCoreApplication.translate("ItemTreeModel", "Item"), *(c.title for c in columns)]
        )
        # The glyphs say it; the tip names it. Set through the model, never through the header
        # item's wrapper (PySide6 would delete that item a second time on the next clear()).
        named = QCoreApplication.translate("ItemTreeModel", "Status")
        self.setHeaderData(0, Qt.Orientation.Horizontal, named, Qt.ItemDataRole.ToolTipRole)
        self.setHeaderData(0, Qt.Orientation.Horizontal, named, Qt.ItemDataRole.AccessibleTextRole)
        bold = QFont()
        bold.setBold(True)
        for group in groups:
            heading = QStandardItem(group.title)
            heading.setEditable(False)
            heading.setFont(bold)
            rest = [QStandardItem("") for _ in range(1 + len(columns))]
            for cell in rest:
                cell.setEditable(False)
            self.appendRow([heading, *rest])
            for item in group.items:
                status = QStandardItem("")
                name = QStandardItem(item.title)
                name.setToolTip(item.title)
                texts = [c.text(item) for c in columns]
                cells = [status, name, *(QStandardItem(text) for text in texts)]
                for cell in cells:
                    cell.setEditable(False)
                    cell.setData(item.id, ITEM_ID_ROLE)
                heading.appendRow(cells)
                place = (len(self._groups), heading.rowCount() - 1)
                self._status_cells.setdefault(item.id, []).append(place)
                for number, text in enumerate(texts, start=2):
                    self._samples[number].setdefault(text, place)
            for item in group.items if group.counted is None else group.counted:
                self._counted_in.setdefault(item.id, set()).add(len(self._groups))
            self._groups.append(group)
        self.refresh()

    def _changed(self, change: Change) -> None:
        """Statuses and group counts follow a change, in place: a status change redraws only
        the cells and headings of the items it names."""
        if not self._groups:
            return
        if change.kind == "status":
            self.refresh(change.ids)
        elif change.kind == "all":
            self.refresh()

    def refresh(self, item_ids: Sequence[str] | None = None) -> None:
        """Update the status cells and the groups' done counts of these items (default:
        every item whose status differs from the one shown, and the groups counting them)."""
        statuses = self.tracker.statuses()
        if item_ids is None:  # compared in Python: asking Qt for every cell's text is slow
            listed = self._status_cells.keys() | self._counted_in.keys()
            item_ids = [i for i in listed if self._shown.get(i) != statuses.get(i, "todo")]
        wanted = dict.fromkeys(item_ids)
        for item_id in wanted:
            self._shown[item_id] = statuses.get(item_id, "todo")
        cells = {i: self._status_cells[i] for i in wanted if i in self._status_cells}
        groups: Iterable[int] = sorted({row for i in wanted for row in self._counted_in.get(i, ())})
        if not self._counted_shown:  # a new fill: every heading gets its count
            self._counted_shown = True
            groups = range(len(self._groups))
        for item_id, places in cells.items():
            status = statuses.get(item_id, "todo")
            text = status_text(status)
            for group_row, item_row in places:
                cell = self.item(group_row, 0).child(item_row, 0)
                if cell.text() != text:
                    cell.setText(text)
                    cell.setData(STATUS_LABELS[status], Qt.ItemDataRole.AccessibleTextRole)
        for row in groups:
            self._show_count(row, statuses)

    def _show_count(self, row: int, statuses: dict[str, str]) -> None:
        """A group's heading: its title and done count (or how many items it lists)."""
        group = self._groups[row]
        heading = self.item(row, 0)
        progress = progress_of(group.items if group.counted is None else group.counted, statuses)
        count = QCoreApplication.translate("ItemTreeModel", "{done} of {total} done").format(
            done=progress.done, total=progress.total
        )
        if not group.show_done:
            count = _items_count(len(group.items))
        text = f"{group.title}  —  {count}"
        if heading.text() != text:
            heading.setText(text)
            heading.setData(text, Qt.ItemDataRole.AccessibleTextRole)
        heading.setToolTip(count + (f" · {group.caption}" if group.caption else ""))

    def samples(self) -> dict[int, list[QModelIndex]]:
        """For each extra column, one cell per different text it shows (the first showing
        it): what the column's width is measured on."""
        return {
            column: [self.item(g, 0).child(r, column).index() for g, r in places.values()]
            for column, places in self._samples.items()
        }

    @staticmethod
    def item_id_at(index: QModelIndex | QPersistentModelIndex) -> str:
        value = index.data(ITEM_ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else ""


class ItemTreeView(QTreeView):
    """The grouped list; the same keys and clicks as the checklist."""

    status_requested = Signal(str, str)
    current_item_changed = Signal(str)

    def __init__(self, model: ItemTreeModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.fitter = ColumnFitter(
            self,
            self.header(),
            lambda: {
                column: cells
                for column, cells in model.samples().items()
                if self.header().sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed
            },
        )
        self.setAccessibleName(name)
        self.setAlternatingRowColors(True)
        # Every row two lines tall (a title wraps once; a heading is centred in the same
        # height): with uniform heights Qt measures one row, not every row of a role's
        # thousands after a change.
        self.setUniformRowHeights(True)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has the whole title
        self.setItemDelegateForColumn(0, StatusGlyphDelegate(self, ITEM_ID_ROLE))
        self.setItemDelegateForColumn(1, TwoLineRows(self, ITEM_ID_ROLE, every_row=True))
        self.status_input = StatusInput(
            self, model.tracker, model.item_id_at, 0, self.status_requested
        )

    def fill(self, groups: Sequence[Group], columns: Sequence[Column]) -> None:
        """Show these groups, expanded, with the first item selected."""
        self._model.set_groups(groups, columns)
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, GLYPH_WIDTH + self.indentation())
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for number, column in enumerate(columns, start=2):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(number, column.width)
            else:  # fitted once here: Qt fitting them would measure rows on every change
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Fixed)
        self.fit_columns()
        for row in range(self._model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        first = self._model.item(0, 0)
        if first is not None and first.rowCount():
            self.setCurrentIndex(first.child(0, 1).index())

    def fit_columns(self) -> None:
        """Size each extra column without a set width to its widest text and title, measured
        on one cell per different text. A hidden list is measured when it is shown (a closed
        window's lists never are)."""
        self.fitter.fit()

    def current_item_id(self) -> str:
        return self._model.item_id_at(self.currentIndex())

    def show_groups(
        self, groups: Sequence[Group], columns: Sequence[Column], *, keep: str = ""
    ) -> None:
        """Show these groups; the same groups are redrawn in place (selection and scroll
        kept), new groups keep the item `keep` selected when it is still there."""
        if self._model.shows(groups, columns):
            self._model.adopt(groups)
            self._model.refresh()
            return
        scroll = self.verticalScrollBar().value()
        with QSignalBlocker(self):
            self.fill(groups, columns)
            self.select_item(keep)
        self.doItemsLayout()
        self.verticalScrollBar().setValue(scroll)

    def select_item(self, item_id: str) -> None:
        for row in range(self._model.rowCount()):
            heading = self._model.item(row, 0)
            for child in range(heading.rowCount()):
                if heading.child(child, 0).data(ITEM_ID_ROLE) == item_id:
                    self.setCurrentIndex(heading.child(child, 1).index())
                    return

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        self.current_item_changed.emit(self._model.item_id_at(current))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.status_input.key(event):
            super().keyPressEvent(event)
