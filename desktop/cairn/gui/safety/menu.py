"""Tools → Backups… and Tools → Check Database, the backup schedule, and noticing changes that
another process (the command line) made while the window is open."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...tracker import BackupInfo, Change, StoreError, Tracker, TrackerError, error_name
from ..host import WindowHost
from ..operations import Operation, Operations
from ..widgets.dates import local_day_time

log = logging.getLogger("cairn.gui")
BACKUP_EVERY_MS = 30 * 60 * 1000
POLL_OUTSIDE_CHANGES_MS = 2000


def _local(info: BackupInfo) -> str:
    """When a backup was made, in local time: "30 Nov 2026, 19:05"."""
    return local_day_time(info.made_at)


def backups_kept(count: int) -> str:
    """ "1 backup kept", "3 backups kept"."""
    if count == 1:
        return QCoreApplication.translate("SafetyMenu", "1 backup kept")
    return QCoreApplication.translate("SafetyMenu", "{count} backups kept").format(count=count)


def _items_done(done: int | None) -> str:
    """ "1 item done", "12 items done", or that the count could not be read."""
    if done is None:
        return QCoreApplication.translate("SafetyMenu", "items done unknown")
    if done == 1:
        return QCoreApplication.translate("SafetyMenu", "1 item done")
    return QCoreApplication.translate("SafetyMenu", "{count} items done").format(count=done)


class BackupsDialog(QDialog):
    """Every backup with its date, size and items done; restore one after confirmation."""

    restored = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.tracker = tracker = operations.tracker
        self.message_box: QMessageBox | None = None
        operations.changed.connect(self._changed)
        self.setWindowTitle(self.tr("Backups"))
        intro = QLabel(
            self.tr(
                "Cairn keeps rotating backups in {folder}: every one of the "
                "last two days, then one a day for two weeks, one a week for two months "
                "and one a month for a year. Restoring first backs up what you have now."
            ).format(folder=tracker.backup_dir)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Size"), self.tr("Items done")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "No backups yet: Cairn makes one when it opens and closes, and "
                "every 30 minutes while you work."
            )
        )
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            self.tr("&Restore selected…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(lambda: self.restore_selected(confirm=True))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        self.backups = self.tracker.backups()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [
                _local(info),
                info.reason.replace("-", " "),
                self.tr("{size} KB").format(size=f"{info.size / 1024:.0f}"),
                self.tr("unreadable") if info.items_done is None else str(info.items_done),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty.setVisible(not self.backups)
        self.restore_button.setEnabled(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)

    def restore_selected(self, *, confirm: bool) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return False
        info = self.backups[row]
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore backup"),
                self.tr(
                    "Replace your progress with the backup of {when} ({done})? "
                    "What you have now is backed up first."
                ).format(when=_local(info), done=_items_done(info.items_done)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        when = _local(info)
        if self.operations.run(restore_operation(self.tracker, info.path, when), say=self._warn):
            self.restored.emit(when)
            return True
        return False

    def _changed(self, change: Change) -> None:
        """A restore, its undo or its redo made a backup: list it."""
        if change.kind == "all" and self.isVisible():
            self.reload()

    def _warn(self, text: str) -> None:
        """Say a refusal in a warning box that does not block (kept as `message_box`)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not restored"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        self.message_box = box
        box.open()


def restore_operation(tracker: Tracker, backup: Path, when: str) -> Operation:
    """Restore a backup. Undo restores the backup the restore made of the state just before
    it; redo restores the chosen backup again."""
    return Operation(
        QCoreApplication.translate("SafetyMenu", "Restore backup of {when}").format(when=when),
        lambda: tracker.restore(backup),
        revert=lambda change: tracker.restore(Path(change.old)),
        reapply=lambda _undone: tracker.restore(backup),
        failed="restored",
        stamp=tracker.progress_fingerprint,  # undone only if nothing changed since
    )


class _CheckSignals(QObject):
    done = Signal(list, str)  # problems found, or why the check could not run


class _CheckJob(QRunnable):
    def __init__(self, tracker: Tracker) -> None:
        super().__init__()
        self.tracker = tracker
        self.signals = _CheckSignals()

    def run(self) -> None:
        try:
            self.signals.done.emit(self.tracker.full_check(), "")
        except StoreError as error:  # busy or a disk error: not damage, and said in words
            self.signals.done.emit([], str(error))


class SafetyMenu(QObject):
    """The Tools menu, the backup schedule and the watch for outside changes."""

    checked = Signal(str)

    def __init__(self, menu: QMenu, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.tracker = window.tracker
        self.dialog: BackupsDialog | None = None
        self.last_message = ""
        writable = not self.tracker.read_only
        backups = menu.addAction(self.tr("&Backups…"))
        backups.triggered.connect(self.show_backups)
        check = menu.addAction(self.tr("&Check Database"))
        check.triggered.connect(self.check_database)
        for action in (backups, check):
            action.setEnabled(writable)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_EVERY_MS)
        self.timer.timeout.connect(lambda: self.backup_in_background("periodic"))
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_OUTSIDE_CHANGES_MS)
        self.poll.timeout.connect(self.notice_outside_changes)
        self._thread: threading.Thread | None = None
        if writable:
            self.timer.start()
            self.poll.start()

    # --- backups ----------------------------------------------------------------------------
    def backup_in_background(self, reason: str) -> None:
        """A backup on a worker thread (it uses its own SQLite connections)."""
        if self._thread is not None and self._thread.is_alive():
            return
        path = self.tracker.database_path

        def work() -> None:
            try:
                self.tracker.backup(reason)  # its own connections: safe on this thread
            except Exception as error:  # reported on the status bar, never silently lost
                log.warning(
                    "%s backup of %s failed: %s (%s)", reason, path, error, error_name(error)
                )
                self.last_message = self.tr("Backup failed: {reason}").format(reason=error)

        self._thread = threading.Thread(target=work, name=f"backup-{reason}")
        self._thread.start()

    def finish(self) -> None:
        """On close: wait for a running backup, then make the closing one."""
        self.timer.stop()
        self.poll.stop()
        if self._thread is not None:
            self._thread.join()
        if not self.tracker.read_only:
            try:
                self.tracker.backup("close")
            except Exception as error:  # the window is closing: say it on stderr
                import sys

                sys.stderr.write(f"cairn: closing backup failed: {error}\n")

    def show_backups(self) -> BackupsDialog:
        self.dialog = BackupsDialog(self.window.operations, self.window)
        self.dialog.restored.connect(self._restored)
        self.dialog.open()
        return self.dialog

    def _restored(self, when: str) -> None:
        """The views followed the restore (kind 'all'); the undo history stays: to undo an
        older step, the restore is undone first, which brings that past back."""
        self.window.statusBar().showMessage(
            self.tr("Restored the backup of {when}.").format(when=when), 10000
        )

    # --- integrity --------------------------------------------------------------------------
    def check_database(self) -> None:
        """Back up, then run the full check off the GUI thread."""
        self.window.statusBar().showMessage(self.tr("Checking your progress file…"))
        try:
            self.tracker.backup("before-check")
        except Exception as error:
            log.warning("backup before the check failed: %s (%s)", error, error_name(error))
            self._checked(
                [],
                self.tr(
                    "the backup before the check failed ({reason}), so the check did not run"
                ).format(reason=error),
            )
            return
        job = _CheckJob(self.tracker)
        job.signals.done.connect(self._checked)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _checked(self, problems: list[str], error: str = "") -> None:
        if error:
            message = self.tr("The check could not run: {reason}").format(reason=error)
        elif not problems:
            message = self.tr(
                "Your progress file is healthy: integrity and foreign keys checked, {kept}."
            ).format(kept=backups_kept(len(self.tracker.backups())))
        else:
            try:
                _problems, notice = self.tracker.check()
                message = notice.message() if notice else self.tr("The file is healthy again.")
            except (StoreError, TrackerError) as failure:
                message = str(failure)
            self.window.undo_stack.clear()  # a repair may put back a copy: no way back
            self.window.operations.publish(Change("all", ()))  # every view redraws in place
        self.last_message = message
        self.window.statusBar().showMessage(message, 15000)
        box = QMessageBox(
            QMessageBox.Icon.Information if not problems else QMessageBox.Icon.Warning,
            self.tr("Check Database"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        self.message_box = box
        box.open()
        self.checked.emit(message)

    # --- outside changes --------------------------------------------------------------------
    def notice_outside_changes(self) -> bool:
        """Reload if another process changed the data (e.g. `cairn mark` in a terminal)."""
        try:
            changed = self.tracker.reload_if_changed()
        except StoreError as error:  # busy or a disk error: try again at the next poll
            self.window.statusBar().showMessage(str(error), 6000)
            return False
        if changed:  # every view redraws in place, through the one change signal
            self.window.operations.publish(Change("all", ()))
            self.window.statusBar().showMessage(
                self.tr("Updated with changes made outside this window."), 6000
            )
            return True
        return False
