"""A reading's details: where it is used, its status, an offline copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...markup import escape
from ...progress import READING_LABELS, READING_STATUSES
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.common import heading_labels, segmented_buttons
from ..widgets.links import open_external
from .operations import reading_copy_operation, reading_status_operation


class ReadingDetail(QWidget):
    """The selected reading: where it points, its status, its offline copy and the items that
    use it. Changes go through `operations`; it shows every change to its reading (also an
    undo) when `operations.changed` says so."""

    item_requested = Signal(str)

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker  # for reads only
        self.operations = operations
        self.reading_id = ""
        self.title, self.meta = heading_labels()
        self.link = QLabel("")
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(False)
        self.link.linkActivated.connect(open_external)
        self.link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.link.setAccessibleName(self.tr("Reading link"))
        self.buttons, row = segmented_buttons(
            self, [(s, READING_LABELS[s]) for s in READING_STATUSES], self.tr("Reading status")
        )
        self.buttons.buttonClicked.connect(lambda b: self.set_status(str(b.property("status"))))
        offline = QLabel(self.tr("Offline copy"))
        offline.setObjectName("SectionLabel")
        self.copy_state = QLabel("")
        self.copy_state.setWordWrap(True)
        self.copy_state.setObjectName("DetailMeta")
        self.attach = QPushButton(self.tr("Attach a saved copy…"))
        self.attach.setToolTip(
            self.tr(
                "A PDF, web page or any file you saved to read offline. Cairn "
                "never downloads anything itself."
            )
        )
        self.attach.clicked.connect(self._choose_copy)
        self.open_copy = QPushButton(self.tr("Open saved copy"))
        self.open_copy.clicked.connect(self._open_copy)
        self.detach = QPushButton(self.tr("Remove"))
        self.detach.setAccessibleName(self.tr("Remove the saved copy"))
        self.detach.clicked.connect(lambda: self.attach_copy(None))
        copy_row = QHBoxLayout()
        for button in (self.attach, self.open_copy, self.detach):
            copy_row.addWidget(button)
        copy_row.addStretch(1)
        used = QLabel(self.tr("Used by"))
        used.setObjectName("SectionLabel")
        self.used_by = QListWidget()
        self.used_by.setAccessibleName(self.tr("Items that use this reading"))
        self.used_by.setWordWrap(True)
        self.used_by.itemActivated.connect(
            lambda entry: self.item_requested.emit(entry.data(Qt.ItemDataRole.UserRole))
        )
        hint = QLabel(self.tr("Enter or double-click an item to open it in its week."))
        hint.setObjectName("DetailMeta")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        for widget in (self.title, self.meta, self.link):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(offline)
        layout.addWidget(self.copy_state)
        layout.addLayout(copy_row)
        layout.addWidget(used)
        layout.addWidget(self.used_by, 1)
        layout.addWidget(hint)
        operations.changed.connect(self._changed)
        self.show_reading("", [])

    def _changed(self, change: Change) -> None:
        """Show the reading's status and copy again if the change touched it."""
        if self.reading_id and (
            change.kind == "all" or (change.kind == "reading" and self.reading_id in change.ids)
        ):
            self._show_status()
            self._show_copy()

    def set_status(self, status: str) -> Change | None:
        """Mark this reading (undoable); on a refusal the buttons go back to what is saved."""
        if not self.reading_id:
            return None
        change = self.operations.run(
            reading_status_operation(self.tracker, self.reading_id, status), widget=self
        )
        if change is None:
            self._show_status()
        return change

    def _show_status(self) -> None:
        status = self.tracker.reading_status(self.reading_id)
        for button in self.buttons.buttons():
            button.setChecked(button.property("status") == status)

    def show_reading(self, reading_id: str, used_by: list[str]) -> None:
        self.reading_id = reading_id
        for button in self.buttons.buttons():
            button.setEnabled(bool(reading_id))
        self.used_by.setEnabled(bool(reading_id))
        if not reading_id:
            self._show_empty()
            return
        c = self.tracker.curriculum
        r = c.readings[reading_id]
        self.title.setText(r.title)
        parts = [r.author, r.kind]
        if r.estimate_hours:
            parts.append(self.tr("about {hours} h").format(hours=f"{r.estimate_hours:g}"))
        if r.topic:
            parts.append(r.topic)
        self.meta.setText(" · ".join(parts))
        self.link.setText(f'<a href="{escape(r.url)}">{escape(r.url)}</a>')
        self._show_status()
        self._show_copy()
        self.used_by.clear()
        for item_id in used_by:
            item = c.items[item_id]
            entry = QListWidgetItem(
                self.tr("Week {number} · {title}").format(
                    number=c.weeks[item.week_id].number, title=item.title
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            self.used_by.addItem(entry)

    def _show_empty(self) -> None:
        """No reading chosen: say how to choose one; nothing to mark, attach or open."""
        self.title.setText(self.tr("No reading selected"))
        self.meta.setText(
            self.tr(
                "Choose a reading in the list to see where it points, mark how far you got "
                "and keep an offline copy."
            )
        )
        self.link.setText("")
        exclusive = self.buttons.exclusive()
        self.buttons.setExclusive(False)  # an exclusive group keeps one button checked
        for button in self.buttons.buttons():
            button.setChecked(False)
        self.buttons.setExclusive(exclusive)
        self.copy_state.setText("")
        for button in (self.attach, self.open_copy, self.detach):
            button.setEnabled(False)
        self.used_by.clear()

    # --- offline copy ---------------------------------------------------------------------
    def _show_copy(self) -> None:
        path = self.tracker.reading_copies().get(self.reading_id)
        writable = not self.tracker.read_only
        if path is None:
            self.copy_state.setText(
                self.tr(
                    "Not available offline. Save the page or PDF yourself, then "
                    "attach the file here to read it on a train."
                )
            )
        elif Path(path).is_file():
            self.copy_state.setText(self.tr("Available offline: {file}").format(file=path))
        else:
            self.copy_state.setText(
                self.tr(
                    "The saved copy is missing: {file} (moved or deleted?). Attach it again."
                ).format(file=path)
            )
        self.attach.setEnabled(writable)
        self.open_copy.setEnabled(path is not None and Path(path).is_file())
        self.detach.setEnabled(writable and path is not None)

    def _choose_copy(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a saved copy"), str(Path.home())
        )
        if chosen:
            self.attach_copy(Path(chosen))

    def attach_copy(self, path: Path | None) -> bool:
        """Attach a saved copy (None removes it), undoably; a failure is said under the copy."""
        if not self.reading_id:
            return False
        operation = reading_copy_operation(self.tracker, self.reading_id, path)
        return self.operations.run(operation, widget=self, say=self.copy_state.setText) is not None

    def _open_copy(self) -> None:
        path = self.tracker.reading_copies().get(self.reading_id)
        if path and Path(path).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))  # the learner's own file
