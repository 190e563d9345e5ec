"""The checklist: a table of items with their status, changeable by mouse and keyboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...content import KIND_LABELS, Item
from ...progress import STATUS_LABELS, progress_of
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.common import Index, ReadOnlyTableModel
from ..widgets.theme import COLOURS
from .column_fit import ColumnFitter
from .glyphs import GLYPH_WIDTH, StatusGlyphDelegate
from .options import is_left_out, option_note
from .status_input import StatusInput, status_text

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Status", "Item", "Kind", "Week", "Hours")
STATUS_COLUMN, TITLE_COLUMN, KIND_COLUMN, WEEK_COLUMN, HOURS_COLUMN = range(5)


@dataclass(frozen=True, slots=True)
class WeekHeading:
    """A heading row over a week's items: "Week 5 · RAG from primitives — 3 of 8 done"."""

    week_id: str
    items: tuple[Item, ...]


_HEADING_TITLE_MAX = 56  # a longer week title is cut so its done count shows; the tip has it
_HEADING_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
#: What an item's status changes in its row: the status words and glyph, the tips and the
#: accessible text (they name the status), the colour, and the strike-out or bold font.
_STATUS_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
)
_CELL_BY_CELL_ROWS = 40  # more changed rows than a screen holds are redrawn row by row
#: The columns that fit their widest text, measured once for each set of rows shown.
FITTED_COLUMNS = (KIND_COLUMN, WEEK_COLUMN, HOURS_COLUMN)


class ChecklistModel(ReadOnlyTableModel):
    """Rows are curriculum items (values, never database rows); status comes from the tracker.
    With `grouped`, a heading row per week comes before its items (not selectable)."""

    columns = COLUMNS

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        operations.changed.connect(self._changed)
        self._items: list[Item] = []
        self._rows: list[Item | WeekHeading] = []
        self._row_of: dict[str, int] = {}
        self._heading_of: dict[str, int] = {}  # week id -> its heading row
        self._dark = False
        self.grouped = False

    def set_items(self, items: Sequence[Item], *, grouped: bool = False) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.grouped = grouped
        self._rows = []
        if grouped:
            for week_id, run in groupby(self._items, key=lambda i: i.week_id):
                below = tuple(run)
                self._rows.extend([WeekHeading(week_id, below), *below])
        else:
            self._rows = list(self._items)
        self._row_of = {r.id: n for n, r in enumerate(self._rows) if isinstance(r, Item)}
        self._heading_of = {
            r.week_id: n for n, r in enumerate(self._rows) if isinstance(r, WeekHeading)
        }
        self.endResetModel()

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], WeekHeading)

    def heading_rows(self) -> list[int]:
        return sorted(self._heading_of.values())

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.ForegroundRole],
            )

    def item_at(self, row: int) -> Item | None:
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        return entry if isinstance(entry, Item) else None

    def item_ids(self) -> list[str]:
        """The ids of the rows shown, in order."""
        return [item.id for item in self._items]

    def row_of(self, item_id: str) -> int:
        return self._row_of.get(item_id, -1)

    def refresh_item(self, item_id: str) -> None:
        """Redraw what an item's status shows: its row and its week heading's done count."""
        self.refresh_items([item_id])

    def refresh_items(self, item_ids: Sequence[str]) -> None:
        """Redraw the cells of these items, and each of their week headings once, naming the
        roles a status changes. Cell by cell: a view repaints just one changed cell, but its
        whole viewport for a range (fine for many rows at once: the screen is the bound)."""
        rows: list[int] = []
        headings: set[int] = set()
        for item_id in dict.fromkeys(item_ids):
            row = self.row_of(item_id)
            item = self.item_at(row)
            if item is None:
                continue
            rows.append(row)
            if item.week_id in self._heading_of:
                headings.add(self._heading_of[item.week_id])
        roles = list(_STATUS_ROLES)
        last = len(COLUMNS) - 1
        for row in rows:
            if len(rows) > _CELL_BY_CELL_ROWS:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last), roles)
                continue
            for column in range(len(COLUMNS)):
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell, roles)
        for row in sorted(headings):  # a heading spans the row: its text is in the first cell
            cell = self.index(row, STATUS_COLUMN)
            self.dataChanged.emit(cell, cell, list(_HEADING_TEXT_ROLES))

    def samples(self) -> dict[int, list[int]]:
        """For each fitted column, one row per different text it shows (the first row showing
        it): what the column's width is measured on."""
        first: dict[int, dict[str, int]] = {column: {} for column in FITTED_COLUMNS}
        for row, entry in enumerate(self._rows):
            if isinstance(entry, Item):
                for column, seen in first.items():
                    seen.setdefault(self._fixed_text(entry, column), row)
        return {column: list(seen.values()) for column, seen in first.items()}

    def _fixed_text(self, item: Item, column: int) -> str:
        """A column's text that no status changes (Kind, Week, Hours): by value, cheaply."""
        if column == KIND_COLUMN:
            return f"{item.kind}:{item.id in self.tracker.curriculum.option_of}"
        if column == WEEK_COLUMN:
            return item.week_id
        return repr(item.estimate_hours)

    def _changed(self, change: Change) -> None:
        """Redraw the rows of items whose status changed, in place (selection kept)."""
        if change.kind == "all":
            self.refresh_all()
        elif change.kind == "status":
            self.refresh_items(change.ids)

    # --- Qt model interface -------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The status column's title is left blank (the glyphs say it), and named as a tip."""
        if orientation == Qt.Orientation.Horizontal and section == STATUS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("ChecklistModel", "Status")
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.is_heading(index.row()):
            return Qt.ItemFlag.NoItemFlags  # the keyboard passes over headings
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, WeekHeading):
            return self._heading_data(entry, index.column(), role)
        item = entry
        status = self.tracker.status(item.id)
        column = index.column()
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, status, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN:
                return (
                    f"{STATUS_LABELS[status]} — click to move it on; Space marks done, "
                    "Ctrl+1…4 set a status, right-click for every status"
                )
            note = option_note(self.tracker, item)
            return f"{item.title}\n{note}" if note else item.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == STATUS_COLUMN:
                return STATUS_LABELS[status]
            return f"{item.title}, {STATUS_LABELS[status]}, {KIND_LABELS[item.kind]}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_left_out(self.tracker, item):
                return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
            return self._foreground(status, column)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(column == TITLE_COLUMN and status == "skipped")
            font.setBold(column == STATUS_COLUMN and status in ("done", "doing"))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (WEEK_COLUMN, HOURS_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _heading_data(self, heading: WeekHeading, column: int, role: int) -> object:
        """A week's heading: its number, title and done count, in bold, across the row."""
        if column != STATUS_COLUMN:
            return None
        if role in _HEADING_TEXT_ROLES:
            week = self.tracker.curriculum.weeks.get(heading.week_id)
            progress = progress_of(heading.items, self.tracker.statuses())
            title = (
                QCoreApplication.translate("ChecklistModel", "Week {number} · {title}").format(
                    number=week.number, title=week.title
                )
                if week
                else heading.week_id
            )
            if role == Qt.ItemDataRole.DisplayRole and len(title) > _HEADING_TITLE_MAX:
                title = title[: _HEADING_TITLE_MAX - 1].rstrip() + "…"  # the count stays seen
            return QCoreApplication.translate(
                "ChecklistModel", "{week} — {done} of {total} done"
            ).format(week=title, done=progress.done, total=progress.total)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QPalette().color(QPalette.ColorRole.WindowText))
        return None

    def _display(self, item: Item, status: str, column: int) -> str:
        if column == STATUS_COLUMN:
            return status_text(status)
        if column == TITLE_COLUMN:
            return item.title
        if column == KIND_COLUMN:
            if item.id in self.tracker.curriculum.option_of:
                return f"{KIND_LABELS[item.kind]} · option"
            return KIND_LABELS[item.kind]
        if column == WEEK_COLUMN:
            return str(self.tracker.curriculum.weeks[item.week_id].number)
        return f"{item.estimate_hours:g} h"

    def _foreground(self, status: str, column: int) -> QBrush | None:
        if status == "skipped":
            return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
        if column != STATUS_COLUMN:
            return None
        if status in ("done", "doing"):  # the design's status colours for the theme in use
            theme = "dark" if self._dark else "light"
            return QBrush(QColor(COLOURS[theme][status]))
        return None


class ChecklistView(QTableView):
    """Space toggles done; Ctrl+1…4 (window menu) set a status; a click on the status cell
    cycles it; right-click offers every status."""

    status_requested = Signal(str, str)  # item id, new status
    statuses_requested = Signal(object, str)  # several selected item ids, new status
    current_item_changed = Signal(str)  # item id, or "" when nothing is selected

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.fitter = ColumnFitter(
            self,
            self.horizontalHeader(),
            lambda: {
                column: [model.index(row, column) for row in rows]
                for column, rows in model.samples().items()
            },
        )
        self.setAccessibleName(self.tr("Checklist"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(True)  # a title takes up to two lines, then "…" (its tooltip has it all)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in FITTED_COLUMNS:  # fitted once per page (see fit_columns), not per change
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(STATUS_COLUMN, GLYPH_WIDTH)
        self.setItemDelegateForColumn(STATUS_COLUMN, StatusGlyphDelegate(self, ITEM_ID_ROLE))
        self.status_input = StatusInput(
            self,
            model.tracker,
            self._item_id_at,
            STATUS_COLUMN,
            self.status_requested,
            self.selected_item_ids,
            self.statuses_requested,
        )
        model.modelReset.connect(self._after_reset)

    def _item_id_at(self, index: QModelIndex) -> str:
        item = self._model.item_at(index.row()) if index.isValid() else None
        return item.id if item else ""

    def current_item_id(self) -> str:
        item = self._model.item_at(self.currentIndex().row())
        return item.id if item else ""

    def selected_item_ids(self) -> list[str]:
        """The selected items, in the order shown (Shift/Ctrl+click selects several)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [item.id for row in rows if (item := self._model.item_at(row)) is not None]

    def show_items(self, items: Sequence[Item], *, keep: str = "", grouped: bool = False) -> None:
        """Show these rows; the same rows are redrawn in place (selection and scroll kept),
        new rows keep the item `keep` selected when it is still there. `grouped` puts a
        heading over each week's items."""
        if [item.id for item in items] == self._model.item_ids() and (
            grouped == self._model.grouped
        ):
            self._model.refresh_all()
            return
        scroll = self.verticalScrollBar().value()
        with QSignalBlocker(self):
            self._model.set_items(items, grouped=grouped)
            self.select_item(keep)
        self.doItemsLayout()
        self.verticalScrollBar().setValue(scroll)

    def select_item(self, item_id: str) -> None:
        row = self._model.row_of(item_id)
        if row >= 0:
            self.setCurrentIndex(self._model.index(row, TITLE_COLUMN))

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.row() != previous.row():
            item = self._model.item_at(current.row())
            self.current_item_changed.emit(item.id if item else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.status_input.key(event):
            super().keyPressEvent(event)

    def fit_columns(self) -> None:
        """Size Kind, Week and Hours to their widest text and title, measured on one row per
        different text. Columns sized to their contents by Qt would measure up to a thousand
        rows through `data()` again on every change of any row. A hidden list is measured
        when it is shown (a closed window's lists never are)."""
        self.fitter.fit()

    def _after_reset(self) -> None:
        self.fit_columns()
        self.clearSpans()
        for row in self._model.heading_rows():
            self.setSpan(row, 0, 1, len(COLUMNS))
            self.setRowHeight(row, self.fontMetrics().lineSpacing() + 14)
        if self._model.rowCount() and not self.currentIndex().isValid():
            first = next(
                (r for r in range(self._model.rowCount()) if not self._model.is_heading(r)), 0
            )
            self.setCurrentIndex(self._model.index(first, TITLE_COLUMN))
