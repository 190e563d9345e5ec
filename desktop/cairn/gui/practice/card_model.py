"""Every practice card as a table (prompt, item, kind, state, next review) with a filter by
words and by state; rows are redrawn in place when cards change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...content import Curriculum
from ...markup import strip_controls
from ...practice import PracticeCard
from ..widgets.common import ReadOnlyTableModel
from .words import interval, next_review, plain_tip

CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 31
SORT_ROLE = Qt.ItemDataRole.UserRole + 32
PROMPT, ITEM, KIND, STATE, DUE = range(5)

#: The state filter's choices, in the order the page offers them.
FILTERS = ("all", "due", "new", "scheduled", "suspended", "locked", "own", "drill")

Index = QModelIndex | QPersistentModelIndex


def filter_names() -> dict[str, str]:
    """What each state filter is called."""
    return {
        "all": QCoreApplication.translate("Practice", "All cards"),
        "due": QCoreApplication.translate("Practice", "Due now"),
        "new": QCoreApplication.translate("Practice", "New"),
        "scheduled": QCoreApplication.translate("Practice", "Scheduled later"),
        "suspended": QCoreApplication.translate("Practice", "Suspended"),
        "locked": QCoreApplication.translate("Practice", "Locked (item not done)"),
        "own": QCoreApplication.translate("Practice", "Your own cards"),
        "drill": QCoreApplication.translate("Practice", "Interview drill cards"),
    }


def first_line(text: str, limit: int = 140) -> str:
    """A Markdown text's first line, flattened and cut to `limit` characters, without
    text-direction or control characters (an own card's prompt may hold them)."""
    flat = " ".join(strip_controls(text).replace("`", "").replace("**", "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def own_number(card_id: str) -> int:
    """An own card's number ("own-7" → 7; 0 for any other card)."""
    digits = card_id.removeprefix("own-")
    return int(digits) if digits != card_id and digits.isdigit() else 0


def category(card: PracticeCard, now: datetime) -> str:
    """The one state a card is in: locked, suspended, new, due or scheduled."""
    if not card.unlocked:
        return "locked"
    if card.suspended:
        return "suspended"
    if card.state is None:
        return "new"
    due = card.due
    return "due" if due is not None and due <= now else "scheduled"


class CardTableModel(ReadOnlyTableModel):
    """One row per card, in the tracker's order (by item)."""

    def __init__(self, curriculum: Curriculum) -> None:
        super().__init__()
        self.curriculum = curriculum
        self.columns = (
            QCoreApplication.translate("Practice", "Card"),
            QCoreApplication.translate("Practice", "Item"),
            QCoreApplication.translate("Practice", "Kind"),
            QCoreApplication.translate("Practice", "State"),
            QCoreApplication.translate("Practice", "Next review"),
        )
        self.cards: list[PracticeCard] = []
        self._rows: dict[str, int] = {}  # card id -> row
        self.now = datetime(1970, 1, 1)

    def row_count(self) -> int:
        return len(self.cards)

    def set_cards(self, cards: list[PracticeCard], now: datetime) -> None:
        """Show these cards: rows that stayed are redrawn in place (the view keeps its
        selection and scroll position); a card made or gone lays the table out again."""
        self.now = now
        if [c.card.id for c in cards] != [c.card.id for c in self.cards]:
            self.beginResetModel()
            self.cards = list(cards)
            self._index_rows()
            self.endResetModel()
            return
        old, self.cards = self.cards, list(cards)
        changed = [n for n, (a, b) in enumerate(zip(old, cards, strict=True)) if a != b]
        if changed:
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def update_cards(self, cards: Iterable[PracticeCard], now: datetime) -> list[PracticeCard]:
        """Redraw the rows of these cards in place, found by card id (the view keeps its
        selection and scroll position; only these rows are filtered and painted again).
        Returns the cards that have no row yet."""
        self.now = now
        missing = []
        last = len(self.columns) - 1
        for card in cards:
            row = self._rows.get(card.card.id)
            if row is None:
                missing.append(card)
                continue
            if self.cards[row] != card:
                self.cards[row] = card
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return missing

    def insert_card(self, card: PracticeCard) -> bool:
        """Add a card made (an own card) after the other cards of its item, in the order the
        tracker lists them; False when its item has no row to go by."""
        row = self._place_of(card)
        if row is None:
            return False
        self.beginInsertRows(QModelIndex(), row, row)
        self.cards.insert(row, card)
        self._index_rows()
        self.endInsertRows()
        return True

    def remove_card(self, card_id: str) -> None:
        """Take a card that is gone out of the table."""
        row = self._rows.get(card_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.cards[row]
        self._index_rows()
        self.endRemoveRows()

    def row_of(self, card_id: str) -> int:
        return self._rows.get(card_id, -1)

    def _index_rows(self) -> None:
        self._rows = {c.card.id: n for n, c in enumerate(self.cards)}

    def _place_of(self, card: PracticeCard) -> int | None:
        """Where an own card goes: after its item's shipped cards and older own cards."""
        number = own_number(card.card.id)
        place = None
        for row, listed in enumerate(self.cards):
            if listed.card.item_id != card.card.item_id:
                if place is not None:
                    break
                continue
            if not listed.card.own or own_number(listed.card.id) < number:
                place = row + 1
            elif place is None:
                place = row
        return place

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == CARD_ID_ROLE:
            return card.card.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(card, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == PROMPT:
            return plain_tip(first_line(card.card.prompt, 600))
        if role == SORT_ROLE:
            return self._sort_key(card, index.column())
        return None

    def _text(self, card: PracticeCard, column: int) -> str:
        if column == PROMPT:
            return first_line(card.card.prompt)
        if column == ITEM:
            item = self.curriculum.items.get(card.card.item_id)
            return item.title if item is not None else card.card.item_id
        if column == KIND:
            kind = (
                QCoreApplication.translate("Practice", "Drill")
                if card.card.kind == "drill"
                else QCoreApplication.translate("Practice", "Recall")
            )
            if card.card.own:
                return QCoreApplication.translate("Practice", "{kind} · yours").format(kind=kind)
            if card.edited:
                return QCoreApplication.translate("Practice", "{kind} · edited").format(kind=kind)
            return kind
        if column == STATE:
            return self._state(card)
        return next_review(card.due) if card.state is not None else "—"

    def _state(self, card: PracticeCard) -> str:
        state = category(card, self.now)
        if state == "locked":
            return QCoreApplication.translate("Practice", "Locked")
        if state == "suspended":
            return QCoreApplication.translate("Practice", "Suspended")
        if state == "new":
            return QCoreApplication.translate("Practice", "New")
        if state == "due":
            return QCoreApplication.translate("Practice", "Due now")
        due = card.due or self.now
        return QCoreApplication.translate("Practice", "In {interval}").format(
            interval=interval(due - self.now)
        )

    def _sort_key(self, card: PracticeCard, column: int) -> object:
        if column in (DUE, STATE):
            order = ("due", "new", "scheduled", "suspended", "locked")
            due = card.due.isoformat() if card.due is not None else ""
            return f"{order.index(category(card, self.now))}{due}"
        return self._text(card, column).casefold()


class CardFilter(QSortFilterProxyModel):
    """The cards matching the words typed (prompt, item, tags) and the state chosen."""

    def __init__(self, model: CardTableModel) -> None:
        super().__init__()
        self.cards = model
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.words = ""
        self.state = "all"

    def set_filter(self, words: str, state: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and newer
            self.beginFilterChange()
            self.words, self.state = words.casefold().strip(), state
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words, self.state = words.casefold().strip(), state
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if source_parent.isValid() or not 0 <= source_row < len(self.cards.cards):
            return False
        card = self.cards.cards[source_row]
        if not self._state_keeps(card):
            return False
        if not self.words:
            return True
        item = self.cards.curriculum.items.get(card.card.item_id)
        haystack = " ".join(
            (card.card.prompt, card.card.id, item.title if item else "", *card.card.tags)
        ).casefold()
        return all(word in haystack for word in self.words.split())

    def _state_keeps(self, card: PracticeCard) -> bool:
        if self.state == "all":
            return True
        if self.state == "own":
            return card.card.own
        if self.state == "drill":
            return card.card.kind == "drill"
        return category(card, self.cards.now) == self.state
