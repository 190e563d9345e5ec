"""The mentor's feedback in a summary window: File → Save feedback… (Ctrl+S), the Feedback
menu's Overall note…, what the banner says about saving, and the question on closing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from ...reports.importer import ExportData
from .close_prompt import Answer, ask_to_save
from .draft import FeedbackDraft
from .note_panel import OverallNoteDialog, learner_of
from .save import FeedbackNotSaved, default_target, save_feedback

STATUS_MS = 15000


class FeedbackActions(QObject):
    """Feedback on one summary: the draft, its menu actions, saving and closing."""

    state_changed = Signal()  # saved, or changed since: the banner follows (`state_text`)
    saved = Signal(object)  # the Path written

    def __init__(self, window: QMainWindow, summary: ExportData, file_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.summary = summary
        self.draft = FeedbackDraft(parent=self)
        self.learner = learner_of(summary)
        self.protected: Sequence[Path] = ()
        self.remember_name: Callable[[str], None] = lambda _name: None
        self.note_panel: OverallNoteDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.name_dialog: QInputDialog | None = None
        self.message: QMessageBox | None = None
        self.prompt: QMessageBox | None = None
        self._discarded = False
        self._close_after_save = False
        self._state = self.state_text()
        self.draft.changed.connect(self._draft_changed)
        self.save_action = self._save_action(file_menu)
        self.note_action = QAction(self.tr("Overall &note…"), self)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.note_action.triggered.connect(self.show_note_panel)
        self.menu = QMenu(self.tr("Fee&dback"), window)
        self.menu.addAction(self.note_action)
        self.menu.addAction(self.save_action)
        bar = window.menuBar()
        after_file = bar.actions()[1] if len(bar.actions()) > 1 else None
        if after_file is not None:
            bar.insertMenu(after_file, self.menu)
        else:
            bar.addMenu(self.menu)

    def _save_action(self, file_menu: QMenu) -> QAction:
        """File → Save feedback…, first in the File menu."""
        action = QAction(self.tr("&Save feedback…"), self)
        action.setShortcut(QKeySequence.StandardKey.Save)
        action.setStatusTip(
            self.tr("Write your comments, verified milestones and note to a file for the learner")
        )
        action.triggered.connect(self.save_as)
        actions = file_menu.actions()
        if actions:
            file_menu.insertAction(actions[0], action)
            file_menu.insertSeparator(actions[0])
        else:
            file_menu.addAction(action)
        return action

    def know_mentor(
        self, name: str, remember: Callable[[str], None], protected: Sequence[Path]
    ) -> None:
        """The mentor's name remembered from last time, how to remember it, and folders a
        feedback file must never be written into (the mentor's own data)."""
        if name and not self.draft.mentor_name:
            self.draft.set_mentor_name(name)
        self.remember_name = remember
        self.protected = tuple(protected)

    # --- the overall note ---------------------------------------------------------------------
    def show_note_panel(self) -> OverallNoteDialog:
        """Feedback → Overall note… (the same panel each time, with what was written)."""
        if self.note_panel is None:
            self.note_panel = OverallNoteDialog(self.draft, self.summary, self.window)
            self.note_panel.save_requested.connect(self.save_as)
        self.note_panel.start()
        return self.note_panel

    # --- saving -------------------------------------------------------------------------------
    def save_as(self) -> None:
        """File → Save feedback…: the mentor's name first if not yet given, then where."""
        if not self.draft.mentor_name.strip():
            self._ask_name()
            return
        self._choose_file()

    def _ask_name(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Save feedback"))
        dialog.setLabelText(
            self.tr("Your name, as {learner} will see it beside your comments:").format(
                learner=self.learner
            )
        )
        for label in dialog.findChildren(QLabel):  # the learner's name is never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.accepted.connect(lambda: self._named(dialog.textValue()))
        dialog.rejected.connect(self._not_closing)
        self.name_dialog = dialog
        dialog.open()

    def _named(self, name: str) -> None:
        self.draft.set_mentor_name(name.strip())
        if self.note_panel is not None:
            self.note_panel.mentor_name.setText(self.draft.mentor_name)
        self._choose_file()

    def default_target(self) -> Path:
        """Where the save dialog starts: the file saved last, else beside the export."""
        return self.draft.saved_to or default_target(self.summary, date.today())

    def _choose_file(self) -> None:
        target = self.default_target()
        dialog = QFileDialog(self.window, self.tr("Save feedback"), str(target.parent))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("Cairn feedback (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.selectFile(target.name)
        dialog.fileSelected.connect(lambda chosen: self.save_to(Path(chosen)))
        dialog.rejected.connect(self._not_closing)
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, target: Path) -> bool:
        """Write the feedback to `target`; a refusal is said in the status bar and a message,
        and the draft stays as it was."""
        try:
            save_feedback(self.draft, self.summary, target, protected=self.protected)
        except FeedbackNotSaved as refused:
            self._close_after_save = False
            self.window.statusBar().showMessage(str(refused), STATUS_MS)
            self._tell(self.tr("Feedback not saved"), str(refused))
            return False
        if self.draft.mentor_name.strip():
            self.remember_name(self.draft.mentor_name.strip())
        self.window.statusBar().showMessage(
            self.tr("Feedback saved to {file}").format(file=target), STATUS_MS
        )
        self.saved.emit(target)
        if self._close_after_save:
            self.window.close()
        return True

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        self.message = box
        box.open()

    # --- what the window says -------------------------------------------------------------
    def state_text(self) -> str:
        """A sentence for the banner: saved where, or not saved yet ("" before any)."""
        saved_to = self.draft.saved_to
        if self.draft.unsaved:
            if saved_to is None:
                return self.tr("Your feedback is not saved yet: File → Save feedback… (Ctrl+S).")
            return self.tr("Feedback changed since it was saved to {file}.").format(file=saved_to)
        if saved_to is not None:
            return self.tr("Feedback saved to {file}.").format(file=saved_to)
        return ""

    def _draft_changed(self, _item_id: str) -> None:
        state = self.state_text()
        if state != self._state:
            self._state = state
            self.state_changed.emit()

    # --- closing ------------------------------------------------------------------------------
    def may_close(self) -> bool:
        """Whether the window may close now; with unsaved feedback, ask first (the answer
        closes the window again, saves first, or keeps it open)."""
        if self._discarded or not self.draft.unsaved:
            return True
        if self.prompt is None or not self.prompt.isVisible():
            self.prompt = ask_to_save(self.window, self.learner, self._answered)
        return False

    def _answered(self, answer: Answer) -> None:
        if answer == "discard":
            self._discarded = True
            self.window.close()
        elif answer == "save":
            self._close_after_save = True
            self.save_as()

    def _not_closing(self) -> None:
        """A dialog on the way to saving was cancelled: the window stays open."""
        self._close_after_save = False
