"""The readings view: every reading once, filterable by kind, month and status."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...content import Reading
from ...content.model import READING_KINDS
from ...progress import READING_LABELS, READING_STATUSES
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.common import Index, ReadOnlyTableModel
from ..widgets.links import open_external
from .operations import reading_status_operation

READING_ID_ROLE = Qt.ItemDataRole.UserRole + 4
SORT_ROLE = Qt.ItemDataRole.UserRole + 5
COLUMNS = (
    QT_TRANSLATE_NOOP("ReadingsModel", "Status"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Reading"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Kind"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Months"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Hours"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Offline"),
)
READING_GLYPHS = {"unread": "○", "reading": "◐", "read": "✔"}


class ReadingsModel(ReadOnlyTableModel):
    """One row per catalogued reading, with where it is used and the learner's status."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(self.tr(str(column)) for column in COLUMNS)
        self.tracker = tracker
        c = tracker.curriculum
        self.readings: list[Reading] = sorted(c.readings.values(), key=lambda r: r.title.lower())
        self.used_by: dict[str, list[str]] = {r: [] for r in c.readings}
        self.months: dict[str, set[int]] = {r: set() for r in c.readings}
        for month in c.months:  # required and optional readings, and a week's further study
            for item in c.month_items(month.id):
                for reading_id in (*item.readings, *item.optional_readings):
                    self.used_by[reading_id].append(item.id)
                    self.months[reading_id].add(month.number)
            for week_id in month.week_ids:
                for reading_id in c.weeks[week_id].readings:
                    self.months[reading_id].add(month.number)
        self._row_of = {r.id: row for row, r in enumerate(self.readings)}
        self.refresh_copies()

    def refresh_copies(self) -> None:
        """Which readings have a saved copy, and which of those files are missing."""
        self.copies = self.tracker.reading_copies()
        self.missing = set(self.tracker.missing_copies())
        if self.readings:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self.readings) - 1, 5))

    def row_count(self) -> int:
        return len(self.readings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.readings):
            return None
        reading = self.readings[index.row()]
        status = self.tracker.reading_status(reading.id)
        column = index.column()
        if role == READING_ID_ROLE:
            return reading.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._value(reading, status, column, sort=role == SORT_ROLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            uses = len(self.used_by[reading.id])
            used = (
                self.tr("used by 1 item")
                if uses == 1
                else self.tr("used by {count} items").format(count=uses)
            )
            return f"{reading.title}\n{reading.author} · {used}\n{reading.url}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{reading.title}, {READING_LABELS[status]}, {reading.kind}"
        if role == Qt.ItemDataRole.FontRole and column == 0 and status != "unread":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, r: Reading, status: str, column: int, *, sort: bool) -> object:
        months = sorted(self.months[r.id])
        values: tuple[object, ...] = (
            READING_STATUSES.index(status)
            if sort
            else f"{READING_GLYPHS[status]}  {READING_LABELS[status]}",
            r.title.lower() if sort else r.title,
            r.kind,
            (months[0] if months else 99) if sort else ", ".join(map(str, months)) or "—",
            r.estimate_hours if sort else (f"{r.estimate_hours:g} h" if r.estimate_hours else "—"),
            self._offline(r.id, sort=sort),
        )
        return values[column]

    def _offline(self, reading_id: str, *, sort: bool) -> object:
        if reading_id not in self.copies:
            return 0 if sort else ""
        if reading_id in self.missing:
            return 1 if sort else self.tr("missing")
        return 2 if sort else self.tr("✓ saved")

    def reading_at(self, row: int) -> Reading | None:
        return self.readings[row] if 0 <= row < len(self.readings) else None

    def refresh_reading(self, reading_id: str) -> None:
        self.refresh_row(self._row_of.get(reading_id, -1))


class ReadingsFilter(QSortFilterProxyModel):
    """Kind, month, status and free-text filters over the readings model."""

    def __init__(self, model: ReadingsModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.readings = model
        self.kind = ""
        self.month = 0
        self.status = ""
        self.text = ""

    def set_filters(self, *, kind: str, month: int, status: str, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and newer
            self.beginFilterChange()
            self.kind, self.month, self.status, self.text = kind, month, status, text.lower()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.kind, self.month, self.status, self.text = kind, month, status, text.lower()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        reading = self.readings.reading_at(source_row)
        if reading is None:
            return False
        if self.kind and reading.kind != self.kind:
            return False
        if self.month and self.month not in self.readings.months[reading.id]:
            return False
        if self.status and self.readings.tracker.reading_status(reading.id) != self.status:
            return False
        haystack = f"{reading.title} {reading.author} {reading.topic}".lower()
        return not self.text or self.text in haystack


class ReadingsTable(QTableView):
    """Space marks the reading read (again: unread); Enter opens it in the browser."""

    toggle_requested = Signal(str)
    open_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        reading_id = self.currentIndex().data(READING_ID_ROLE)
        if reading_id and event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_requested.emit(reading_id)
            return
        if reading_id and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(reading_id)
            return
        super().keyPressEvent(event)


class ReadingsPage(QWidget):
    """Filters above a sortable table of every reading. Changes go through `operations`;
    the page shows every reading change (also an undo) when `operations.changed` says so."""

    current_reading_changed = Signal(str)

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker  # for reads only
        self.operations = operations
        self.model = ReadingsModel(tracker, self)
        self.proxy = ReadingsFilter(self.model)
        title = QLabel(self.tr("Readings"))
        title.setObjectName("PageTitle")
        self.summary = QLabel("")
        self.summary.setObjectName("PageSummary")
        self.summary.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Filter by kind"))
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in READING_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Filter by month"))
        self.month.addItem(self.tr("All months"), 0)
        for month in tracker.curriculum.months:
            self.month.addItem(self.tr("Month {number}").format(number=month.number), month.number)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("Any status"), "")
        for status in READING_STATUSES:
            self.status.addItem(READING_LABELS[status], status)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, author or topic"))
        self.search.setAccessibleName(self.tr("Search readings"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.kind, self.month, self.status):
            combo.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        filters = QHBoxLayout()
        for widget in (self.kind, self.month, self.status):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.table = ReadingsTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Readings"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 96), (2, 62), (3, 70), (4, 62), (5, 70)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_reading_changed.emit(
                current.data(READING_ID_ROLE) or ""
            )
        )
        self.table.doubleClicked.connect(
            lambda index: self.open_reading(index.data(READING_ID_ROLE))
        )
        self.table.toggle_requested.connect(self.toggle_read)
        self.table.open_requested.connect(self.open_reading)
        self.empty = QLabel(self.tr("No reading matches these filters."))
        self.empty.setObjectName("PageSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._stale = False  # a change of everything came while hidden
        self._filter()
        operations.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        """Show a reading's new status or copy in place, keeping the selection and scroll.
        Hidden, a change of everything waits until the page is shown (it re-sorts and
        re-filters every reading)."""
        if change.kind == "all":
            if not self.isVisible():
                self._stale = True
                return
            self.model.refresh_all()
        elif change.kind == "reading":
            for reading_id in change.ids:
                self.model.refresh_reading(reading_id)
        else:
            return
        self.model.refresh_copies()
        self.empty.setVisible(self.proxy.rowCount() == 0)
        self.refresh_summary()

    def _filter(self) -> None:
        self.proxy.set_filters(
            kind=self.kind.currentData(),
            month=self.month.currentData(),
            status=self.status.currentData(),
            text=self.search.text(),
        )
        self.empty.setVisible(self.proxy.rowCount() == 0)
        self.refresh_summary()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 1))

    def refresh_summary(self) -> None:
        statuses = self.tracker.reading_statuses()
        read = sum(1 for s in statuses.values() if s == "read")
        reading = sum(1 for s in statuses.values() if s == "reading")
        self.summary.setText(
            self.tr(
                "{total} readings · {read} read · {reading} in progress · showing {shown}. "
                "Space marks the selected reading read; Enter opens it in your browser."
            ).format(
                total=len(self.model.readings),
                read=read,
                reading=reading,
                shown=self.proxy.rowCount(),
            )
        )

    def showEvent(self, event: object) -> None:
        if self._stale:
            self._stale = False
            self._changed(Change("all", ()))
        else:
            self.refresh_summary()
        super().showEvent(event)  # type: ignore[arg-type]

    def current_reading_id(self) -> str:
        return self.table.currentIndex().data(READING_ID_ROLE) or ""

    def toggle_read(self, reading_id: str) -> None:
        current = self.tracker.reading_status(reading_id)
        self.set_status(reading_id, "unread" if current == "read" else "read")

    def set_status(self, reading_id: str, status: str) -> Change | None:
        """Mark a reading (undoable); a refusal or a disk error is said in the status bar."""
        return self.operations.run(
            reading_status_operation(self.tracker, reading_id, status), widget=self
        )

    def open_reading(self, reading_id: str) -> None:
        if reading_id:
            open_external(self.tracker.curriculum.readings[reading_id].url)
