"""The item pane's part of practice: how many cards the item has, a "Make a card…" button, and
"Make a card from selection" in the note's context menu (the selected passage becomes the
answer)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...content import Card
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.actions import ACTION_ERRORS
from .card_dialog import CardDialog

#: Change kinds that can change what the pane says: a card made or taken back, the item's
#: status (its cards lock or unlock), an import or a pack.
COUNT_KINDS = frozenset({"card_added", "status", "all", "content"})


class ItemCards(QWidget):
    """ "2 practice cards · 1 yours" and Make a card… for the item shown."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.item_id = ""
        self.dialog: CardDialog | None = None
        self.count = QLabel("")
        self.count.setObjectName("DetailMeta")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setWordWrap(True)
        self.count.setAccessibleName(self.tr("Practice cards of this item"))
        self.make = QPushButton(self.tr("Make a card…"))
        self.make.setAccessibleName(self.tr("Make a practice card for this item"))
        self.make.setToolTip(
            self.tr("A question and your answer, to recall this item later in Practice")
        )
        self.make.clicked.connect(lambda _c=False: self.make_card())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.make)
        operations.changed.connect(self._changed)

    def load(self, item_id: str) -> None:
        """Say how many cards `item_id` has (only that item's cards are read)."""
        self.item_id = item_id
        self.make.setEnabled(bool(item_id) and not self.tracker.read_only)
        if not item_id:
            self.count.setText("")
            return
        try:
            cards = self.tracker.item_practice_cards(item_id)
        except ACTION_ERRORS:
            cards = []
        own = sum(1 for c in cards if c.card.own)
        unlocked = bool(cards) and cards[0].unlocked
        if not cards:
            text = self.tr("No practice cards yet.")
        elif len(cards) == 1:
            text = self.tr("1 practice card")
        else:
            text = self.tr("{count} practice cards").format(count=len(cards))
        if own:
            text += " · " + self.tr("{count} yours").format(count=own)
        if cards and not unlocked:
            text += " · " + self.tr("they unlock when you finish this item")
        self.count.setText(text)

    def _changed(self, change: Change) -> None:
        if not self.item_id or change.kind not in COUNT_KINDS:
            return
        if change.kind == "status" and self.item_id not in change.ids:
            return
        if change.kind == "card_added" and self.item_id not in _items_of(change):
            return
        self.load(self.item_id)

    def make_card(self, answer: str = "") -> CardDialog | None:
        """Open the card dialog for the item shown, the answer prefilled."""
        if not self.item_id or self.tracker.read_only:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CardDialog.making(
            self.tracker, self.operations, self.item_id, answer, self.window()
        )
        self.dialog.open()
        return self.dialog


def note_menu(editor: QPlainTextEdit, cards: ItemCards, at: QPoint) -> QMenu:
    """The note's own context menu with "Make a card from selection…" added (the passage
    selected becomes the answer; without a selection it is greyed out)."""
    menu = editor.createStandardContextMenu(at)
    menu.addSeparator()
    action = menu.addAction(QCoreApplication.translate("Practice", "Make a card from selection…"))
    action.setObjectName("MakeCardFromSelection")
    passage = selected_passage(editor)
    action.setEnabled(bool(passage) and bool(cards.item_id) and not cards.tracker.read_only)
    action.triggered.connect(lambda _c=False: cards.make_card(passage))
    return menu


def add_note_menu(editor: QPlainTextEdit, cards: ItemCards) -> None:
    """Give the note editor the context menu of `note_menu`."""
    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(at: QPoint) -> None:
        menu = note_menu(editor, cards, at)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(editor.viewport().mapToGlobal(at))

    editor.customContextMenuRequested.connect(show)


def selected_passage(editor: QPlainTextEdit) -> str:
    """The text selected in a note (paragraph breaks as new lines)."""
    return editor.textCursor().selectedText().replace("\u2029", "\n").strip()


def _items_of(change: Change) -> set[str]:
    """The items of the cards a "card_added" change made or took back."""
    return {card.item_id for card in (change.old, change.new) if isinstance(card, Card)}
