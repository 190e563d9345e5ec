"""Item → Mark week done and Reset week: one undoable step each for the week in view, asked
first when more than ten items would change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from ...tracker import Change, Tracker
from ..host import WindowHost
from ..operations import Operation
from .status_operation import statuses_operation

ASK_ABOVE = 10  # more items than this changing at once asks first


def week_changes(tracker: Tracker, week_id: str, status: str) -> list[str]:
    """The week's items that marking it `status` would change. Marking done leaves skipped
    items and options that do not count alone; a reset (to do) takes back every status."""
    week = tracker.curriculum.weeks.get(week_id)
    if week is None:
        return []
    changing = []
    for item_id in week.item_ids:
        current = tracker.status(item_id)
        if current == status:
            continue
        if status == "done" and (current == "skipped" or item_id not in tracker.counted.items):
            continue
        changing.append(item_id)
    return changing


def week_operation(tracker: Tracker, week_id: str, status: str, item_ids: list[str]) -> Operation:
    """The status change of these items, named after the week; undo puts back each item's own
    status (a skipped or doing item is skipped or doing again)."""
    number = tracker.curriculum.weeks[week_id].number
    name = (
        QCoreApplication.translate("WeekActions", "Mark week {number} done")
        if status == "done"
        else QCoreApplication.translate("WeekActions", "Reset week {number}")
    )
    return replace(statuses_operation(tracker, item_ids, status), name=name.format(number=number))


class WeekActions(QObject):
    """Runs Mark week done / Reset week for the week `week_in_view()` gives ('' for none)."""

    def __init__(self, window: WindowHost, week_in_view: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.week_in_view = week_in_view
        self.pending: QMessageBox | None = None

    def mark_done(self) -> None:
        self.request("done")

    def reset(self) -> None:
        self.request("todo")

    def request(self, status: str) -> None:
        """Change the week now, or ask first when more than ten items would change."""
        week_id = self.week_in_view()
        tracker = self.window.tracker
        if not week_id:
            self._say(self.tr("Open a week first: these act on the week in view."))
            return
        number = tracker.curriculum.weeks[week_id].number
        item_ids = week_changes(tracker, week_id, status)
        if not item_ids:
            text = (
                self.tr("Every item of week {number} is already done (or skipped).")
                if status == "done"
                else self.tr("Every item of week {number} is already “To do”.")
            )
            self._say(text.format(number=number))
            return
        if len(item_ids) <= ASK_ABOVE:
            self.run(week_id, status, item_ids)
            return
        self._ask(week_id, status, item_ids)

    def _ask(self, week_id: str, status: str, item_ids: list[str]) -> None:
        number = self.window.tracker.curriculum.weeks[week_id].number
        if status == "done":
            title = self.tr("Mark week {number} done?").format(number=number)
            text = self.tr(
                "This marks {count} items of week {number} done. Edit → Undo takes it back."
            )
        else:
            title = self.tr("Reset week {number}?").format(number=number)
            text = self.tr(
                "This sets {count} items of week {number} back to “To do”. Edit → Undo "
                "takes it back."
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text.format(count=len(item_ids), number=number),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        box.setAccessibleName(title)
        ok = box.button(QMessageBox.StandardButton.Ok)
        label = self.tr("Mark {count} done") if status == "done" else self.tr("Reset {count}")
        ok.setText(label.format(count=len(item_ids)))
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _result: self._answered(box, week_id, status, item_ids))
        self.pending = box
        box.open()

    def _answered(self, box: QMessageBox, week_id: str, status: str, item_ids: list[str]) -> None:
        self.pending = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Ok:
            self.run(week_id, status, item_ids)

    def run(self, week_id: str, status: str, item_ids: list[str]) -> Change | None:
        """One undoable step through the operation path."""
        return self.window.operations.run(
            week_operation(self.window.tracker, week_id, status, item_ids)
        )

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)
