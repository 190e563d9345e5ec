"""File menu actions for sharing progress: export a summary, import one, and the mentor's
views of learners' summaries (one read-only window each, or a cohort table)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ...mentor_view import open_summary
from ...reports.importer import ExportData, ImportRefused, ImportReport, read_export
from ...tracker import Change, Tracker, TrackerError
from ..host import WindowHost
from ..operations import Operation
from ..widgets.dates import day
from .cohort import CohortWindow, cohort_row


class _ReadSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _ReadJob(QRunnable):
    """Read and validate an export file off the GUI thread (no database is touched)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.signals = _ReadSignals()

    def run(self) -> None:
        try:
            data = read_export(self.path)
        except ImportRefused as error:
            self.signals.failed.emit(str(error))
        else:
            self.signals.done.emit(data)


def import_operation(
    tracker: Tracker, data: ExportData, told: Callable[[ImportReport], None]
) -> Operation:
    """Merge an export already read (`told` hears what was taken). Undo restores the backup
    made just before it; redo restores a copy taken just after it, so it gives exactly what the
    import gave (merging again could choose differently, the undo having touched times). An
    import that changes nothing is not put on the undo history."""
    kept: dict[str, Path | None] = {}

    def merge() -> Change:
        report, change = tracker.merge_export(data)
        told(report)
        if change.new is not None:  # it changed something: keep both sides of it
            kept["before"] = Path(change.new)
            kept["after"] = tracker.backup("after import")
        return change

    def merge_again() -> Change:
        if kept.get("after") is not None:
            return tracker.restore(kept["after"])  # type: ignore[arg-type]
        try:
            return merge()
        except ImportRefused as error:  # a redo is said in words like any refusal
            raise TrackerError(str(error)) from None

    def take_back(change: Change) -> Change:
        before = kept.get("before")
        return tracker.restore(before) if before else take_back_import(tracker, change)

    return Operation(
        QCoreApplication.translate("SharingMenu", "Import {file}").format(file=data.path.name),
        merge,
        revert=take_back,
        reapply=lambda _undone: merge_again(),
        failed="imported",
        stamp=tracker.progress_fingerprint,  # undone only if nothing changed since
    )


def take_back_import(tracker: Tracker, change: Change) -> Change:
    """Put the data back as it was just before an import: restore the backup it made."""
    if change.new is None:  # it changed nothing
        return Change("all", change.ids)
    return tracker.restore(Path(change.new))


class SharingMenu(QObject):
    """Export, import and the mentor view, wired into a window's File menu."""

    def __init__(
        self, menu: QMenu, window: WindowHost, new_window: Callable[..., WindowHost]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.new_window = new_window
        self.opened: list[QWidget] = []  # mentor windows kept alive while open
        self._jobs: list[_ReadJob] = []
        read_only = window.tracker.read_only
        self.export_action = menu.addAction(self.tr("&Export progress summary…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.show_export_dialog)
        self.import_action = menu.addAction(self.tr("&Import progress (JSON)…"))
        self.import_action.triggered.connect(self._choose_import)
        for action in (self.export_action, self.import_action):
            action.setEnabled(not read_only)
        menu.addSeparator()
        self.open_action = menu.addAction(self.tr("&Open learner summaries…"))
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_summaries)
        self.dialog: object = None
        self.message: QMessageBox | None = None
        self.last_report = ""

    # --- export ---------------------------------------------------------------------------
    def show_export_dialog(self) -> object:
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.window.tracker, self.window, self.window.operations)
        dialog.exported.connect(
            lambda target: self.window.statusBar().showMessage(
                self.tr("Saved {file}").format(file=target), 8000
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- import ---------------------------------------------------------------------------
    def _choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import progress (a Cairn JSON export)"),
            str(Path.home()),
            "JSON (*.json)",
        )
        if chosen:
            self.import_file(Path(chosen), confirm=True)

    def import_file(self, path: Path, *, confirm: bool) -> None:
        """Validate off the GUI thread, then (after confirmation) back up and merge."""
        job = _ReadJob(path)
        job.signals.done.connect(lambda data: self._merge(data, confirm=confirm))
        job.signals.failed.connect(self._refused)
        self._jobs.append(job)
        QThreadPool.globalInstance().start(job)

    def _merge(self, data: ExportData, *, confirm: bool) -> None:
        if confirm:
            who = data.learner_name or self.tr("this file")
            answer = QMessageBox.question(
                self.window,
                self.tr("Import progress"),
                self.tr(
                    "Merge the progress in {file} ({who}, exported {when}) into yours? For each "
                    "item the newer change is kept; nothing is deleted, and a backup is made "
                    "first."
                ).format(file=data.path.name, who=who, when=day(data.exported_at)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        reports: list[ImportReport] = []
        try:
            change = self.window.operations.run(
                import_operation(self.window.tracker, data, reports.append), say=self._refused
            )
        except ImportRefused as error:  # the file does not fit this curriculum: in words
            self._refused(str(error))
            return
        if change is None:
            return
        self.last_report = reports[-1].describe()
        self.window.statusBar().showMessage(self.last_report, 15000)
        self._tell(self.tr("Import finished"), self.last_report, QMessageBox.Icon.Information)

    def _refused(self, message: str) -> None:
        self.last_report = message
        self.window.statusBar().showMessage(message, 15000)
        self._tell(self.tr("Not imported"), message, QMessageBox.Icon.Warning)

    def _tell(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        """A window-modal message that does not block the event loop."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        self.message = box
        box.open()

    # --- the mentor's views -----------------------------------------------------------------
    def _choose_summaries(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Open learner summaries (Cairn JSON exports)"),
            str(Path.home()),
            "JSON (*.json)",
        )
        if chosen:
            self.open_summaries([Path(p) for p in chosen])

    def open_summaries(self, paths: list[Path]) -> object | None:
        """One summary opens read-only; several open as a cohort table."""
        if len(paths) == 1:
            return self.open_summary(paths[0])
        rows, problems = [], []
        for path in paths:
            try:
                rows.append(cohort_row(read_export(path)))
            except ImportRefused as error:
                problems.append(str(error))
        if problems:
            self._tell(
                self.tr("Some summaries could not be read"),
                "\n\n".join(problems),
                QMessageBox.Icon.Warning,
            )
        if not rows:
            return None
        cohort = CohortWindow(rows)
        cohort.open_requested.connect(lambda path: self.open_summary(Path(path)))
        self._keep_until_closed(cohort)
        cohort.show()
        return cohort

    def open_summary(self, path: Path) -> object | None:
        try:
            tracker, data = open_summary(path, self.window.tracker.curriculum)
        except ImportRefused as error:
            self._refused(str(error))
            return None
        window = self.new_window(tracker, summary=data)
        self._keep_until_closed(window)
        window.show()
        return window

    def _keep_until_closed(self, widget: QWidget) -> None:
        """Hold a reference while the window is open; Qt deletes it when it closes."""
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.opened.append(widget)
        widget.destroyed.connect(
            lambda _obj=None, w=widget: self.opened.remove(w) if w in self.opened else None
        )
