"""The item's study time in the detail pane: how much, the recorded sessions (newest first, a
few unless all are asked for), and Add time…, Edit… and Delete — each an undoable operation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...records import SessionRecord
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.dates import local_day_time
from .operations import remove_study_operation
from .widgets import AddTimeDialog

SHOWN = 5  # sessions listed until "Show all" is pressed
STUDY_KINDS = frozenset({"study", "all"})
SOURCES = {"timer": "timed", "manual": "added", "cli": "logged"}


def session_text(session: SessionRecord) -> str:
    """One line for a session: when (local time), how long, and how it was recorded."""
    when = local_day_time(session.started_at)
    how = SOURCES.get(session.source, session.source)
    return f"{when} · {session.minutes} min · {how}"


class StudySessions(QWidget):
    """How long the learner studied this item, and its sessions to correct or delete."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.item_id = ""
        self.show_all = False
        self.dialog: AddTimeDialog | None = None
        self.studied = QLabel("")
        self.studied.setObjectName("DetailMeta")
        self.studied.setWordWrap(True)
        self.add_time = QPushButton(self.tr("Add time…"))
        self.add_time.setToolTip(self.tr("Record time studied away from the laptop"))
        self.add_time.clicked.connect(self.open_add_time)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Study sessions"))
        self.list.setMaximumHeight(110)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda _entry: self.open_edit())
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setAccessibleName(self.tr("Edit the selected study session"))
        self.edit.clicked.connect(self.open_edit)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete the selected study session"))
        self.delete.clicked.connect(self.delete_selected)
        self.more = QPushButton("")
        self.more.setFlat(True)
        self.more.clicked.connect(self._toggle_all)
        self._lay_out()
        operations.changed.connect(self._changed)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.studied, 1)
        top.addWidget(self.add_time)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more)
        buttons.addStretch(1)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def set_read_only(self, read_only: bool) -> None:
        """For someone else's progress: list the sessions, change none."""
        for button in (self.add_time, self.edit, self.delete):
            button.setVisible(not read_only)

    def load(self, item_id: str) -> None:
        """Show `item_id`'s sessions (a new item starts with the few newest)."""
        if item_id != self.item_id:
            self.show_all = False
        self.item_id = item_id
        self.refresh()

    def sessions(self) -> list[SessionRecord]:
        """The item's recorded sessions, newest first."""
        mine = self.tracker.sessions(self.item_id)
        return sorted(mine, key=lambda s: (s.started_at, s.id), reverse=True)

    def refresh(self) -> None:
        """Redraw from the tracker, keeping the selected session when it is still there."""
        keep = self.selected_id()
        sessions = self.sessions()
        minutes = sum(s.minutes for s in sessions)
        self.studied.setText(
            f"Studied {minutes / 60:.1f} h in {len(sessions)} session"
            f"{'s' if len(sessions) != 1 else ''}"
            if sessions
            else "No study time recorded yet."
        )
        shown = sessions if self.show_all else sessions[:SHOWN]
        self.list.clear()
        for session in shown:
            entry = QListWidgetItem(session_text(session))
            entry.setData(Qt.ItemDataRole.UserRole, session.id)
            self.list.addItem(entry)
            if session.id == keep:
                self.list.setCurrentItem(entry)
        self.list.setVisible(bool(sessions))
        hidden = len(sessions) - len(shown)
        self.more.setVisible(len(sessions) > SHOWN)
        self.more.setText(
            self.tr("Show all ({count} more)").format(count=hidden)
            if hidden
            else self.tr("Show fewer")
        )
        self._selection_changed()

    def _changed(self, change: Change) -> None:
        if self.item_id and change.kind in STUDY_KINDS:
            self.refresh()

    def _toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.refresh()

    def selected_id(self) -> int | None:
        """The id of the session the learner selected (None when none is)."""
        selected = self.list.selectedItems()
        return int(selected[0].data(Qt.ItemDataRole.UserRole)) if selected else None

    def selected(self) -> SessionRecord | None:
        """The selected session as stored."""
        chosen = self.selected_id()
        return next((s for s in self.sessions() if s.id == chosen), None)

    def _selection_changed(self) -> None:
        writable = not self.tracker.read_only
        for button in (self.edit, self.delete):
            button.setEnabled(writable and self.selected_id() is not None)

    def open_add_time(self) -> AddTimeDialog:
        """Open the dialog that records time studied away from the laptop."""
        return self._open(AddTimeDialog(self.tracker, self.operations, self.item_id, self))

    def open_edit(self) -> AddTimeDialog | None:
        """Open the dialog that corrects the selected session (nothing when none is)."""
        session = self.selected()
        if session is None:
            return None
        dialog = AddTimeDialog(self.tracker, self.operations, self.item_id, self, session=session)
        return self._open(dialog)

    def _open(self, dialog: AddTimeDialog) -> AddTimeDialog:
        """Open `dialog` and let the one opened before go (a child of this pane, it would
        otherwise stay in memory as long as the window: one more for every Add time…)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> Change | None:
        """Delete the selected session (undoable); with none selected, nothing happens."""
        chosen = self.selected_id()
        if chosen is None:
            return None
        return self.operations.run(remove_study_operation(self.tracker, chosen), widget=self)
