"""The quick-open popup: a search field over a list of results, driven by the keyboard alone
(type, Up/Down, Enter opens, Esc closes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .candidates import kind_label
from .delegate import ResultDelegate
from .matching import Candidate, search, snippet

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 7
MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -8,
    Qt.Key.Key_PageDown: 8,
}


class QuickOpen(QDialog):
    """Find anything: `chosen(candidate)` is emitted when a result is opened. `source` gives
    the findable things afresh each time the popup opens (notes change)."""

    chosen = Signal(object)

    def __init__(self, source: Callable[[], list[Candidate]], parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        self._all: list[Candidate] = []
        self.setWindowTitle(self.tr("Find anything"))
        self.setAccessibleName(self.tr("Find anything"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("Find an item, milestone, reading, role, week, month or note")
        )
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setAccessibleDescription(
            self.tr("Type a few letters; Up and Down choose a result, Enter opens it")
        )
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.hint = QLabel("")
        self.hint.setObjectName("PageSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self._update)
        self.field.installEventFilter(self)
        self.resize(680, 460)

    def start(self) -> None:
        """Open afresh: an empty field, everything findable read again."""
        self._all = self.source()
        self.field.clear()
        self._update("")
        parent = self.parentWidget()
        if parent is not None:
            self.resize(min(680, parent.width() - 80), min(460, parent.height() - 120))
            top = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top.x() + (parent.width() - self.width()) // 2, top.y() + 60)
        self.open()
        self.field.setFocus()

    def _update(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            self.hint.setText(self.tr("Type to find; Enter opens, Esc closes."))
            return
        found = search(text, self._all)
        for candidate in found:
            self.results.addItem(self._row(candidate, text))
        if found:
            self.results.setCurrentRow(0)
            self.hint.setText(
                self.tr("{count} found. Enter opens the first highlighted.").format(
                    count=len(found)
                )
            )
        else:
            self.hint.setText(self.tr("Nothing matches “{text}”.").format(text=text.strip()))

    def _row(self, candidate: Candidate, query: str) -> QListWidgetItem:
        about = " · ".join(p for p in (kind_label(candidate.kind), candidate.detail) if p)
        if candidate.body:
            about += " — " + snippet(candidate.body, query)
        text = f"{candidate.title}\n{about}"
        row = QListWidgetItem(text)
        row.setData(CANDIDATE_ROLE, candidate)
        row.setToolTip(candidate.title)
        row.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
        return row

    def current(self) -> Candidate | None:
        """The highlighted result, if any."""
        row = self.results.currentItem()
        value = row.data(CANDIDATE_ROLE) if row is not None else None
        return value if isinstance(value, Candidate) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down and Page Up/Down in the field move through the results; Enter opens."""
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            step = MOVES.get(Qt.Key(event.key()))
            if step is not None and self.results.count():
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Enter: open the highlighted result (nothing to open keeps the popup)."""
        candidate = self.current()
        if candidate is None:
            return
        super().accept()
        self.chosen.emit(candidate)
