"""The note editor: a Markdown note with a preview, saved shortly after typing stops."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...markup import markdown_to_html
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.dates import day
from ..widgets.links import open_external
from ..widgets.theme import current_theme, document_style, theme_signals
from .note_conflict import NoteConflict
from .note_operation import note_operation

NOTE_SAVE_DELAY_MS = 600


class NoteEditor(QWidget):
    """A Markdown note with a preview; saved shortly after typing stops and on leaving."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        operations.changed.connect(self._on_change)
        self.item_id = ""
        self._loading = False
        self._dirty = False
        self._base: tuple[str, bool] = ("", False)  # the note as last read or written
        self._elsewhere = False  # changed outside while the learner was writing here
        self.tabs = QTabWidget()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Note (Markdown)"))
        self.editor.setPlaceholderText(
            self.tr(
                "Your notes in Markdown: what you learned, what confused you, "
                "what to ask your mentor…"
            )
        )
        self.editor.setTabChangesFocus(True)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(open_external)
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.preview.document().setDefaultStyleSheet(document_style(current_theme()))
        theme_signals().applied.connect(self._restyle)
        self.tabs.addTab(self.editor, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._render_preview)
        self.private = QCheckBox(self.tr("Private"))
        self.private.setToolTip(self.tr("A private note is never included in any export"))
        self.private.setAccessibleName(self.tr("Private note"))
        self.state = QLabel("")
        self.state.setObjectName("DetailMeta")
        self.state.setAccessibleName(self.tr("Note save state"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._timer.timeout.connect(self._autosave)
        self.conflict = NoteConflict()
        self.conflict.keep_mine.connect(self._keep_mine)
        self.conflict.use_other.connect(self._use_other)
        self.editor.textChanged.connect(self._changed)
        self.private.toggled.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.private)
        row.addStretch(1)
        row.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.conflict)
        layout.addWidget(self.tabs)
        layout.addLayout(row)
        self.tabs.setMinimumHeight(160)

    def load(self, item_id: str) -> None:
        self.save()
        self._dirty = False
        self._loading = True
        self.item_id = item_id
        note = self.tracker.note(item_id) if item_id else None
        self._base = (note.body, note.private) if note else ("", False)
        self.editor.setPlainText(self._base[0])
        self.private.setChecked(self._base[1])
        when = note.updated_at.replace(tzinfo=UTC).astimezone() if note else None
        if when is None:
            self.state.setText("")
        elif when.date() == datetime.now().astimezone().date():
            self.state.setText(self.tr("Saved {when}").format(when=f"{when:%H:%M}"))
        else:
            self.state.setText(self.tr("Saved {when}").format(when=day(when)))
        self.state.setToolTip("")
        self._elsewhere = False
        self.conflict.setVisible(False)
        self._loading = False
        self._render_preview()

    def refresh(self) -> None:
        """Bring in a change made elsewhere, never under the learner's hands: an editor with
        unsaved text or the keyboard cursor keeps its text and cursor and asks which to keep
        (nothing is saved meanwhile, unless the learner leaves: then their newer text is kept
        and the other is one Undo away)."""
        if not self.item_id:
            return
        note = self.tracker.note(self.item_id)
        outside = (note.body, note.private) if note else ("", False)
        if outside == self._base:
            return
        if self._dirty:
            self._base = outside
            self._elsewhere = True
            self._timer.stop()
            self.conflict.setVisible(True)
            if outside[1] and not self.private.isChecked():  # private wins: never less private
                self._loading = True
                self.private.setChecked(True)
                self._loading = False
            self.state.setText(self.tr("Also changed elsewhere — choose which to keep"))
            self.state.setToolTip(
                self.tr(
                    "This note was changed outside this window while you were writing here. "
                    "Keep mine saves your text (Edit → Undo brings the other back); Use the "
                    "other shows it and keeps your text in a file."
                )
            )
            return
        self._load_keeping_cursor()

    def _load_keeping_cursor(self) -> None:
        """Show the note as stored, the cursor where it was (clamped to the new text)."""
        position = self.editor.textCursor().position()
        self.load(self.item_id)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, len(self.editor.toPlainText())))
        self.editor.setTextCursor(cursor)

    def _autosave(self) -> None:
        """Save after a pause in typing, unless the note changed elsewhere meanwhile (not yet
        seen): then ask first."""
        note = self.tracker.note(self.item_id) if self.item_id else None
        if ((note.body, note.private) if note else ("", False)) != self._base:
            self.refresh()
            return
        self.save()

    def ready_for_step(self) -> bool:
        """Before an undo or redo: typing is saved as the latest change; with the question
        about a note changed elsewhere open, nothing moves until it is answered."""
        if self.conflict.asking():
            self.state.setText(self.tr("Choose Keep mine or Use the other first"))
            return False
        self.save()
        return True

    def _keep_mine(self) -> None:
        """Save the learner's text over the other (undoable: the other comes back)."""
        self._dirty = True
        self.save()

    def _use_other(self) -> None:
        """Show the other text; the learner's is kept in notes-not-saved/ first."""
        copy = self.tracker.keep_unsaved_note(
            self.item_id, self.editor.toPlainText(), own_file=True
        )
        self._dirty = False
        self.load(self.item_id)
        if copy is not None:
            self.state.setText(
                self.tr("Showing the other text; yours is kept in {file}").format(file=copy)
            )
            self.state.setToolTip(str(copy))

    def _changed(self) -> None:
        if self._loading or not self.item_id:
            return
        if not self._elsewhere:  # the warning stays until the learner's text is saved
            self.state.setText(self.tr("Editing…"))
        self._dirty = True
        if not self.conflict.asking():  # no saving behind an open question
            self._timer.start()

    def save(self) -> None:
        """Write the note now if it has unsaved changes (through the operation path: a refusal
        is said here and the text kept, in the editor and in a copy; a save is undoable)."""
        self._timer.stop()
        if not self._dirty or not self.item_id:
            return
        body, private = self.editor.toPlainText(), self.private.isChecked()
        operation = note_operation(self.tracker, self.item_id, body, private, self._base)
        if self.operations.run(operation, widget=self, say=self._not_saved) is None:
            return
        self._dirty = False
        self._base = (body, private)
        self.state.setText(
            self.tr("Saved — your text replaced the change made elsewhere")
            if self._elsewhere
            else self.tr("Saved")
        )
        self.state.setToolTip("")
        self._elsewhere = False
        self.conflict.setVisible(False)

    def _not_saved(self, words: str) -> None:
        """A refused save: the text stays here, and a copy is kept in the data folder."""
        copy = self.tracker.keep_unsaved_note(self.item_id, self.editor.toPlainText())
        kept = " " + self.tr("A copy is kept in {file}.").format(file=copy) if copy else ""
        self.state.setText(words + kept)
        self.state.setToolTip(words + kept)

    def _on_change(self, change: Change) -> None:
        """An undo or redo of this item's note shows at once, the cursor kept where it was
        (clamped to the text); a save made here changes nothing on screen."""
        if change.kind != "note" or self.item_id not in change.ids or self._dirty:
            return
        body, private = change.new
        if (body, private) == (self.editor.toPlainText(), self.private.isChecked()):
            self._base = (body, private)
            return
        cursor = self.editor.textCursor().position()
        self._loading = True
        self._base = (body, private)
        self.editor.setPlainText(body)
        self.private.setChecked(private)
        moved = self.editor.textCursor()
        moved.setPosition(min(cursor, len(body)))
        self.editor.setTextCursor(moved)
        self.state.setText(self.tr("Saved"))
        self._loading = False
        self._render_preview()

    def _restyle(self, theme: str) -> None:
        """After a theme switch the preview's links take the new theme's colour (Qt fixes a
        link's colour when the HTML is set, so it is rendered again)."""
        self.preview.document().setDefaultStyleSheet(document_style(theme))
        self._render_preview()

    def _render_preview(self) -> None:
        if self.tabs.currentWidget() is self.preview:
            text = self.editor.toPlainText()
            self.preview.setHtml(
                markdown_to_html(text)
                if text.strip()
                else "<p><i>" + self.tr("Nothing written yet.") + "</i></p>"
            )
