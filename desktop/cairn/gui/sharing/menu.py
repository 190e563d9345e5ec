"""File menu actions for sharing progress: export a summary, import a file (a progress export or
a mentor's feedback), the learner's profile, marking feedback as read, and the mentor's views of
learners' summaries (one read-only window each, or a cohort table)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMenu, QMessageBox, QWidget

from ...feedback_news import FEEDBACK_SEEN
from ...reports.refusal import ImportRefused
from ...tracker import KEPT_ACROSS_UNDO, Change, Tracker, TrackerError, utc_now
from ..checklist.pages import FEEDBACK_READ_LINK
from ..host import WindowHost
from ..operations import Operation
from ..widgets.actions import attempt
from ..widgets.dates import day

if TYPE_CHECKING:  # the readers load when a file is chosen, not with the window
    from ...reports.feedback import FeedbackData
    from ...reports.importer import ExportData, ImportReport
    from ...reports.incoming import FeedbackReport

CAIRN_FILES = QT_TRANSLATE_NOOP("SharingMenu", "Cairn files (*.json)")


class _ReadSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _ReadJob(QRunnable):
    """Read and validate a file given to Import off the GUI thread: a progress export or a
    mentor's feedback, told apart by its format (no database is touched)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.signals = _ReadSignals()
        self.answered = False  # set once the window heard the result: the job can go

    def run(self) -> None:
        from ...reports.incoming import read_import_file

        try:
            data = read_import_file(self.path)
        except ImportRefused as error:
            self.signals.failed.emit(str(error))
        else:
            self.signals.done.emit(data)


def backed_up_operation(tracker: Tracker, name: str, take: Callable[[], Change]) -> Operation:
    """An import-like change (`take` backs up, then writes; its Change's `new` is that backup,
    None when nothing changed). Undo restores the backup made just before it; redo restores a
    copy taken just after it, so it gives exactly what the import gave (importing again could
    choose differently, the undo having touched times). An import that changes nothing is not
    put on the undo history."""
    kept: dict[str, Path | None] = {}

    def first() -> Change:
        change = take()
        if change.new is not None:  # it changed something: keep both sides of it
            kept["before"] = Path(change.new)
            kept["after"] = tracker.backup("after import")
        return change

    def again() -> Change:
        if kept.get("after") is not None:
            return tracker.restore(kept["after"], keep=KEPT_ACROSS_UNDO)  # type: ignore[arg-type]
        try:
            return first()
        except ImportRefused as error:  # a redo is said in words like any refusal
            raise TrackerError(str(error)) from None

    def take_back(change: Change) -> Change:
        before = kept.get("before")
        if before:
            return tracker.restore(before, keep=KEPT_ACROSS_UNDO)
        return take_back_import(tracker, change)

    return Operation(
        name,
        first,
        revert=take_back,
        reapply=lambda _undone: again(),
        failed="imported",
        stamp=tracker.progress_fingerprint,  # undone only if nothing changed since
    )


def import_operation(
    tracker: Tracker,
    data: ExportData,
    told: Callable[[ImportReport], None],
    *,
    as_restore: bool = False,
) -> Operation:
    """Merge an export already read (`told` hears what was taken); `as_restore` takes another
    learner's export as the learner's own data from another computer ("Restore …")."""

    def merge() -> Change:
        report, change = tracker.merge_export(data, as_restore=as_restore)
        told(report)
        return change

    name = (
        QCoreApplication.translate("SharingMenu", "Restore {file}")
        if as_restore
        else QCoreApplication.translate("SharingMenu", "Import {file}")
    )
    return backed_up_operation(tracker, name.format(file=data.path.name), merge)


def feedback_operation(
    tracker: Tracker, data: FeedbackData, told: Callable[[FeedbackReport], None]
) -> Operation:
    """Keep a mentor's feedback already read (`told` hears what was new): "Import feedback
    from <mentor>", undone by restoring the backup made first."""

    def keep() -> Change:
        report, change = tracker.import_feedback(data)
        told(report)
        return change

    mentor = data.mentor_name or QCoreApplication.translate("SharingMenu", "your mentor")
    name = QCoreApplication.translate("SharingMenu", "Import feedback from {mentor}")
    return backed_up_operation(tracker, name.format(mentor=mentor), keep)


def take_back_import(tracker: Tracker, change: Change) -> Change:
    """Put the data back as it was just before an import: restore the backup it made."""
    if change.new is None:  # it changed nothing
        return Change("all", change.ids)
    return tracker.restore(Path(change.new), keep=KEPT_ACROSS_UNDO)


def another_learner(error: ImportRefused) -> bool:
    """Whether a refusal is "this is another learner's progress" (a restore can take it)."""
    return "'learner.id'" in str(error)


def commented_items(data: FeedbackData) -> int:
    """How many items and milestones a feedback file comments on."""
    return len({content_id for content_id, _text, _at in data.comments})


class SharingMenu(QObject):
    """Export, import, the profile and the mentor view, wired into a window's File menu."""

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
        self.import_action = menu.addAction(self.tr("&Import…"))
        self.import_action.setToolTip(
            self.tr("Import a Cairn progress export or your mentor's feedback")
        )
        self.import_action.triggered.connect(self._choose_import)
        self.profile_action = menu.addAction(self.tr("&Profile…"))
        self.profile_action.setToolTip(self.tr("Your name as your mentor sees it, and your id"))
        self.profile_action.triggered.connect(self.show_profile)
        self.read_action = menu.addAction(self.tr("Mark mentor &feedback as read"))
        self.read_action.triggered.connect(self.mark_feedback_read)
        for action in (
            self.export_action,
            self.import_action,
            self.profile_action,
            self.read_action,
        ):
            action.setEnabled(not read_only)
        menu.addSeparator()
        self.open_action = menu.addAction(self.tr("&Open learner summaries…"))
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_summaries)
        self.dialog: object = None
        self.profile: object = None
        self.message: QMessageBox | None = None  # the last thing an import said
        self.question: QMessageBox | None = None  # an import waiting for the learner's yes
        self.restore_button: QAbstractButton | None = None
        self.last_report = ""
        self._follow_page_links(window)

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

    # --- profile and feedback read ----------------------------------------------------------
    def show_profile(self) -> object:
        """File → Profile…: the learner's name (editable, undoable) and learner id."""
        from ..welcome.profile import ProfileDialog

        if isinstance(self.profile, QWidget):
            self.profile.deleteLater()
        dialog = ProfileDialog(self.window.tracker, self.window.operations, self.window)
        self.profile = dialog
        dialog.open()
        return dialog

    def _follow_page_links(self, window: WindowHost) -> None:
        """Today's "Mark as read" link is in the page header's summary (the page's own link
        handler leaves it alone: it is not a web link)."""
        summary = getattr(getattr(window, "header", None), "summary", None)
        if isinstance(summary, QLabel):
            summary.linkActivated.connect(self._page_link)

    def _page_link(self, link: str) -> None:
        if link == FEEDBACK_READ_LINK:
            self.mark_feedback_read()

    def mark_feedback_read(self) -> bool:
        """The learner has seen the mentor's feedback: Today stops announcing it. A note of the
        window's own (never undone); every view redraws, so Today drops the card."""
        tracker = self.window.tracker
        done = attempt(
            self.window,
            self.tr("marked as read"),
            lambda: tracker.set_setting(FEEDBACK_SEEN, utc_now().isoformat()),
        )
        if done is None:
            return False
        self.window.operations.publish(Change("all", ()))
        self.window.statusBar().showMessage(self.tr("Mentor feedback marked as read."), 8000)
        return True

    # --- import ---------------------------------------------------------------------------
    def _choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import a progress export or your mentor's feedback"),
            str(Path.home()),
            self.tr(str(CAIRN_FILES)),
        )
        if chosen:
            self.import_file(Path(chosen), confirm=True)

    def import_file(self, path: Path, *, confirm: bool) -> None:
        """Validate off the GUI thread, then (after confirmation) back up and merge the
        progress or keep the feedback."""
        self._jobs = [j for j in self._jobs if not j.answered]  # answered ones are let go
        job = _ReadJob(path)
        job.signals.done.connect(lambda data: self._received(data, confirm=confirm))
        job.signals.failed.connect(self._refused)
        job.signals.done.connect(lambda _data, j=job: setattr(j, "answered", True))
        job.signals.failed.connect(lambda _text, j=job: setattr(j, "answered", True))
        self._jobs.append(job)
        QThreadPool.globalInstance().start(job)

    def _received(self, data: ExportData | FeedbackData, *, confirm: bool) -> None:
        from ...reports.feedback import FeedbackData

        if isinstance(data, FeedbackData):
            if confirm:
                self._ask_feedback(data)
            else:
                self.keep_feedback(data)
        elif confirm:
            self._ask_merge(data)
        else:
            self.merge(data)

    def _ask(self, title: str, text: str, yes: Callable[[], object]) -> None:
        """A window-modal question that does not block the event loop; Yes runs `yes`."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda answer: yes() if answer == QMessageBox.StandardButton.Yes else None
        )
        self.question = box
        box.open()

    def _ask_merge(self, data: ExportData) -> None:
        who = data.learner_name or self.tr("this file")
        self._ask(
            self.tr("Import progress"),
            self.tr(
                "Merge the progress in {file} ({who}, exported {when}) into yours? For each "
                "item the newer change is kept; nothing is deleted, and a backup is made "
                "first."
            ).format(file=data.path.name, who=who, when=day(data.exported_at)),
            lambda: self.merge(data),
        )

    def _ask_feedback(self, data: FeedbackData) -> None:
        mentor = data.mentor_name or self.tr("your mentor")
        count = commented_items(data)
        if count == 1:
            question = self.tr("Keep the feedback from {mentor} on 1 item?")
        elif count:
            question = self.tr("Keep the feedback from {mentor} on {n} items?")
        else:
            question = self.tr("Keep the feedback from {mentor}?")
        more = self.tr(
            "Today shows what is new; each item shows its comments. A backup is made first, "
            "so Edit → Undo takes it back."
        )
        self._ask(
            self.tr("Import feedback"),
            question.format(mentor=mentor, n=count) + "\n\n" + more,
            lambda: self.keep_feedback(data),
        )

    def merge(self, data: ExportData, *, as_restore: bool = False) -> Change | None:
        """Merge a progress export through the operation path; another learner's progress is
        refused with the offer to restore it."""
        reports: list[ImportReport] = []
        operation = import_operation(
            self.window.tracker, data, reports.append, as_restore=as_restore
        )
        try:
            change = self.window.operations.run(operation, say=self._refused)
        except ImportRefused as error:  # the file does not fit this data: in words
            if another_learner(error) and not as_restore:
                self._offer_restore(data, error)
            else:
                self._refused(str(error))
            return None
        if change is not None:
            self._finished(reports[-1].describe())
        return change

    def keep_feedback(self, data: FeedbackData) -> Change | None:
        """Keep a mentor's feedback through the operation path and say what was new."""
        reports: list[FeedbackReport] = []
        operation = feedback_operation(self.window.tracker, data, reports.append)
        try:
            change = self.window.operations.run(operation, say=self._refused)
        except ImportRefused as error:  # feedback for another learner: in words
            self._refused(str(error))
            return None
        if change is not None:
            self._finished(reports[-1].describe())
        return change

    def _offer_restore(self, data: ExportData, error: ImportRefused) -> None:
        """Another learner's progress: say so in words, and offer to take it as this learner's
        own data from another computer. Cancel changes nothing."""
        who = data.learner_name or self.tr("another learner")
        text = self.tr(
            "{file} holds the progress of {who} (learner {theirs}…), and your data already "
            "holds progress of your own (learner {mine}…). Nothing was imported."
        ).format(
            file=data.path.name,
            who=who,
            theirs=data.learner_id[:8],
            mine=self.window.tracker.learner_id[:8],
        )
        more = self.tr(
            "If it is your own progress from another computer, restore it into your data: it "
            "is merged with yours (for each item the newer change is kept), your data takes "
            "its learner id, and a backup is made first, so Edit → Undo puts everything back."
        )
        self.last_report = str(error)
        self.window.statusBar().showMessage(text, 15000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Another learner's progress"),
            text,
            parent=self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        box.setInformativeText(more)
        box.setDetailedText(str(error))
        restore = box.addButton(
            self.tr("&Restore it into my data"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe answer
        box.buttonClicked.connect(
            lambda button: self.merge(data, as_restore=True) if button is restore else None
        )
        self.restore_button = restore
        self.message = box
        box.open()

    def _finished(self, report: str) -> None:
        self.last_report = report
        self.window.statusBar().showMessage(report, 15000)
        self._tell(self.tr("Import finished"), report, QMessageBox.Icon.Information)

    def _refused(self, message: str) -> None:
        self.last_report = message
        self.window.statusBar().showMessage(message, 15000)
        self._tell(self.tr("Not imported"), message, QMessageBox.Icon.Warning)

    def _tell(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        """A window-modal message that does not block the event loop."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
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
        from ...reports.importer import read_export
        from .cohort import CohortWindow, cohort_rows

        datas, problems = [], []
        for path in paths:
            try:
                datas.append(read_export(path))
            except ImportRefused as error:
                problems.append(str(error))
        if problems:
            self._tell(
                self.tr("Some summaries could not be read"),
                "\n\n".join(problems),
                QMessageBox.Icon.Warning,
            )
        if not datas:
            return None
        cohort = CohortWindow(cohort_rows(datas, date.today()))
        cohort.open_requested.connect(lambda path: self.open_summary(Path(path)))
        self._keep_until_closed(cohort)
        cohort.show()
        return cohort

    def open_summary(self, path: Path) -> object | None:
        """Open a learner's export read-only; an export already open is brought to the front
        (one window per file, so its feedback draft is never split in two)."""
        for widget in self.opened:
            summary = getattr(widget, "summary", None)
            if (
                summary is not None
                and widget.isVisible()  # a closed one is on its way out
                and Path(summary.path).resolve() == Path(path).resolve()
            ):
                widget.show()
                widget.raise_()
                widget.activateWindow()
                return widget
        from ...mentor_view import open_summary

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
