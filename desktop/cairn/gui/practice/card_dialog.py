"""Make or edit a practice card: the item it belongs to, a prompt and a model answer (Markdown,
with a preview), tags for an own card. Saving goes through the operation path (undoable); a
refusal is said in the dialog and the text stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...practice import PracticeCard
from ...tracker import Tracker
from ..operations import Operation, Operations
from .markdown_view import MarkdownView
from .operations import add_operation, edit_operation

PROMPT_LIMIT = 600
ANSWER_LIMIT = 2_500


def _editor(name: str, placeholder: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setAccessibleName(name)
    editor.setPlaceholderText(placeholder)
    editor.setTabChangesFocus(True)
    return editor


class CardDialog(QDialog):
    """The card dialog; make one with `making` (a new own card) or `editing` (any card)."""

    def __init__(
        self,
        tracker: Tracker,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        card: PracticeCard | None = None,
        item_id: str = "",
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.card = card
        self.saved = False
        editing = card is not None
        self.setWindowTitle(self.tr("Edit card") if editing else self.tr("Make a card"))
        self.setAccessibleName(self.windowTitle())
        self.item = QComboBox()
        self.item.setAccessibleName(self.tr("Item the card belongs to"))
        self.item.setMinimumContentsLength(30)
        self.item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        items = tracker.curriculum.items
        for item in items.values():
            self.item.addItem(item.title, item.id)
        chosen = card.card.item_id if card is not None else item_id
        if chosen and self.item.findData(chosen) < 0:
            self.item.addItem(chosen, chosen)  # a retired item keeps its cards
        self.item.setCurrentIndex(max(0, self.item.findData(chosen)))
        self.item.setEnabled(not editing)  # a card stays with its item
        self.prompt = _editor(
            self.tr("Prompt (Markdown)"),
            self.tr("A question you should be able to answer from memory"),
        )
        self.answer = _editor(
            self.tr("Model answer (Markdown)"),
            self.tr("The answer in your own words: what you would say in an interview"),
        )
        self.preview = MarkdownView(self.tr("Answer preview"))
        self.answer_tabs = QTabWidget()
        self.answer_tabs.addTab(self.answer, self.tr("Write"))
        self.answer_tabs.addTab(self.preview, self.tr("Preview"))
        self.answer_tabs.currentChanged.connect(self._preview)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags, separated by commas"))
        self.tags.setPlaceholderText(self.tr("tokens, cost (optional)"))
        self.count = QLabel("")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setObjectName("DetailMeta")
        self.count.setAccessibleName(self.tr("Length of the texts"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("Danger")
        self.message.setAccessibleName(self.tr("Why the card was not saved"))
        self.message.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Item:"), self.item)
        form.addRow(self.tr("&Prompt:"), self.prompt)
        form.addRow(self.tr("&Answer:"), self.answer_tabs)
        if not editing:
            form.addRow(self.tr("&Tags:"), self.tags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.restore: QPushButton | None = None
        if card is not None and card.edited and not card.card.own:
            self.restore = self.buttons.addButton(
                self.tr("Restore the original"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.restore.setAccessibleName(self.tr("Restore the card's original text"))
            self.restore.clicked.connect(self.restore_original)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.save)
        self.hint = hint = QLabel("")
        hint.setObjectName("DetailMeta")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        self._say_when()
        self.item.currentIndexChanged.connect(self._say_when)
        self.prompt.setMaximumHeight(120)  # a question is short; the answer gets the room
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        if card is not None:
            self.prompt.setPlainText(card.card.prompt)
            self.answer.setPlainText(card.card.answer)
        for editor in (self.prompt, self.answer):
            editor.textChanged.connect(self._count)
        self._count()
        self.resize(640, 560)
        if tracker.read_only:
            self._show_read_only()

    def _show_read_only(self) -> None:
        """Someone else's practice: the text is shown, nothing can be saved."""
        for editor in (self.prompt, self.answer):
            editor.setReadOnly(True)
        self.tags.setReadOnly(True)
        self.item.setEnabled(False)
        for button in (self.buttons.button(QDialogButtonBox.StandardButton.Save), self.restore):
            if button is not None:
                button.setEnabled(False)
        self._say(self.tr("This window is read-only: the card cannot be changed here."))

    @classmethod
    def making(
        cls,
        tracker: Tracker,
        operations: Operations,
        item_id: str,
        answer: str = "",
        parent: QWidget | None = None,
    ) -> CardDialog:
        """A new own card for `item_id`, its answer prefilled (a passage of the note)."""
        dialog = cls(tracker, operations, parent, item_id=item_id)
        dialog.answer.setPlainText(answer)
        dialog.prompt.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    @classmethod
    def editing(
        cls,
        tracker: Tracker,
        operations: Operations,
        card: PracticeCard,
        parent: QWidget | None = None,
    ) -> CardDialog:
        """Any card's prompt and answer (a shipped card keeps your version)."""
        dialog = cls(tracker, operations, parent, card=card)
        dialog.prompt.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    def _say_when(self) -> None:
        """Whether the card can be reviewed at once (its item is done) or later."""
        item_id = str(self.item.currentData() or "")
        done = item_id in self.tracker.curriculum.items and self.tracker.status(item_id) == "done"
        self.hint.setText(
            self.tr("Ctrl+Enter saves. The item is done: the card is ready to review.")
            if done
            else self.tr("Ctrl+Enter saves. The card unlocks when its item is done.")
        )

    def _count(self) -> None:
        self.count.setText(
            self.tr(
                "Prompt {prompt} of {prompt_limit} characters · answer {answer} of {answer_limit}"
            ).format(
                prompt=len(self.prompt.toPlainText()),
                prompt_limit=PROMPT_LIMIT,
                answer=len(self.answer.toPlainText()),
                answer_limit=f"{ANSWER_LIMIT:,}",
            )
        )

    def _preview(self) -> None:
        if self.answer_tabs.currentWidget() is self.preview:
            self.preview.show_markdown(self.answer.toPlainText(), self.tr("Nothing written yet."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _run(self, operation: Operation) -> bool:
        if self.operations.run(operation, widget=self, say=self._say) is None:
            return False
        self.saved = True
        self.accept()
        return True

    def save(self) -> bool:
        """Save the card (one undoable step); a refusal is said here and nothing closes."""
        if self.tracker.read_only:
            return False
        prompt = self.prompt.toPlainText().strip()
        answer = self.answer.toPlainText().strip()
        if not prompt or not answer:
            self._say(self.tr("Write a prompt and an answer first."))
            return False
        if self.card is not None:
            if (prompt, answer) == (self.card.card.prompt, self.card.card.answer):
                self.accept()  # nothing changed: nothing to undo
                return True
            return self._run(edit_operation(self.tracker, self.card.card.id, prompt, answer))
        tags = tuple(t.strip().lower() for t in self.tags.text().split(",") if t.strip())
        item_id = str(self.item.currentData() or "")
        return self._run(add_operation(self.tracker, item_id, prompt, answer, tags))

    def restore_original(self) -> bool:
        """Put the shipped text back (undoable)."""
        if self.card is None or self.tracker.read_only:
            return False
        return self._run(edit_operation(self.tracker, self.card.card.id, "", ""))
