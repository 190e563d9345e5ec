"""The mentor's side of the item pane in a summary window: "Your comment for {learner}" on any
item or milestone, and "Evidence verified" on a milestone. Both write to the window's
`FeedbackDraft` (in memory), never to the summary's throwaway database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..feedback.draft import FeedbackDraft
from ..widgets.common import section_label


class MentorComment(QWidget):
    """A plain Markdown editor for the mentor's comment on the item shown; the text is kept
    per item in the draft as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: FeedbackDraft | None = None
        self.item_id = ""
        self._loading = False
        self.label = section_label(self.tr("Your comment"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it names the learner
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Your comment (Markdown)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(110)
        self.editor.setPlaceholderText(
            self.tr("What went well, what to look at next, a reading to try… Markdown allowed.")
        )
        self.label.setBuddy(self.editor)
        self.hint = QLabel(
            self.tr(
                "Kept in this window until you save: File → Save feedback… (Ctrl+S). The "
                "learner sees it under their note once they import your file."
            )
        )
        self.hint.setObjectName("DetailMeta")
        self.hint.setWordWrap(True)
        self.editor.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(self.hint)

    def attach(self, draft: FeedbackDraft, learner: str) -> None:
        """Write into `draft`, addressed to `learner`."""
        self.draft = draft
        self.label.setText(self.tr("Your comment for {learner}").format(learner=learner))
        self.editor.setAccessibleName(
            self.tr("Your comment for {learner} (Markdown)").format(learner=learner)
        )

    def load(self, item_id: str) -> None:
        """Show the draft's comment on `item_id` (the cursor stays when it is the same item
        and text)."""
        text = self.draft.comment(item_id) if self.draft is not None else ""
        if item_id == self.item_id and text == self.editor.toPlainText():
            return
        self._loading = True
        self.item_id = item_id
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # to go on writing
        self._loading = False

    def _typed(self) -> None:
        if self._loading or self.draft is None or not self.item_id:
            return
        self.draft.set_comment(self.item_id, self.editor.toPlainText())


class VerifyCheck(QCheckBox):
    """ "Evidence verified" on a milestone: open once the milestone is done or has evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Evidence verified"))
        self.draft: FeedbackDraft | None = None
        self.item_id = ""
        self.learner = ""
        self.toggled.connect(self._toggled)

    def attach(self, draft: FeedbackDraft, learner: str) -> None:
        self.draft = draft
        self.learner = learner

    def load(self, item_id: str, *, done: bool, has_evidence: bool) -> None:
        """Tick as the draft says; only a done milestone or one with evidence can be ticked
        (one already ticked can always be unticked)."""
        self.item_id = ""  # no writing while loading
        ticked = self.draft is not None and self.draft.is_verified(item_id)
        self.setChecked(ticked)
        self.item_id = item_id
        self.setEnabled(done or has_evidence or ticked)
        if self.isEnabled():
            self.setToolTip(
                self.tr(
                    "Tick when you have checked this milestone's evidence yourself. Once the "
                    "learner imports your feedback, the milestone shows 'Verified by' you and "
                    "their readiness counts it as proven."
                )
            )
        else:
            self.setToolTip(
                self.tr("Nothing to verify yet: this milestone is not done and has no evidence.")
            )

    def _toggled(self, on: bool) -> None:
        if self.draft is not None and self.item_id:
            self.draft.set_verified(self.item_id, on)
