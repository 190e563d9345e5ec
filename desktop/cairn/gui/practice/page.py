"""The Practice page: how many cards are due (or why none is), Start review, the desired
retention, every card with a filter, and the way into the interview drill. The review and the
drill take the page's place while they run."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...practice import PracticeCard
from ...tracker import Change, Tracker, TrackerError
from ..operations import Operations
from ..widgets.actions import ACTION_ERRORS
from ..widgets.common import page_title, summary_label
from .card_dialog import CardDialog
from .card_model import (
    CARD_ID_ROLE,
    DUE,
    PROMPT,
    CardFilter,
    CardTableModel,
    filter_names,
)
from .drill import DrillWidget
from .due import DueWatch
from .operations import retention_operation, suspend_operation
from .review import ReviewWidget
from .words import cards_due, next_review

#: Change kinds after which cards of the list are read again (a status locks or unlocks the
#: item's cards; "all" and "content" read every card).
LIST_KINDS = frozenset(
    {"card", "card_suspended", "card_added", "card_text", "status", "all", "content"}
)
RETENTION_DELAY_MS = 500  # the spin box saves once the learner stops stepping
#: Changes kept for a hidden list before it is simply read whole when shown.
MOST_PENDING = 300


class PracticePage(QWidget):
    """The page, the review and the drill, one shown at a time."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.due = DueWatch.of(operations)
        self.dialog: CardDialog | None = None
        self._stale = True  # every card to be read again (the first show, an import, a pack)
        self._pending: set[str] = set()  # cards changed while the list was out of view
        self._pending_items: set[str] = set()  # items whose status changed meanwhile
        self._headline_stale = False
        self.setAccessibleName(self.tr("Practice"))
        self.overview = self._build_overview()
        self.review = ReviewWidget(tracker, operations)
        self.review.closed.connect(self.show_overview)
        self.drill = DrillWidget(tracker, operations)
        self.drill.closed.connect(self.show_overview)
        self.stack = QStackedWidget()
        for page in (self.overview, self.review, self.drill):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._headline_timer = QTimer(self)  # a moved count: the headline once, after the change
        self._headline_timer.setSingleShot(True)
        self._headline_timer.setInterval(0)
        self._headline_timer.timeout.connect(self._due_moved)
        self.due.moved.connect(lambda _n: self._headline_timer.start())
        operations.changed.connect(self._changed)
        self._retention_timer = QTimer(self)
        self._retention_timer.setSingleShot(True)
        self._retention_timer.setInterval(RETENTION_DELAY_MS)
        self._retention_timer.timeout.connect(self.commit_retention)
        self._show_retention()
        self.set_read_only(tracker.read_only)

    # --- building -------------------------------------------------------------------------
    def _build_overview(self) -> QWidget:
        page = QWidget()
        self.title = page_title(self.tr("Practice"))
        self.headline = QLabel("")
        self.headline.setObjectName("DetailTitle")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAccessibleName(self.tr("Cards due"))
        self.explain = summary_label()
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setAccessibleName(self.tr("About the cards due"))
        self.start = QPushButton(self.tr("Start review"))
        self.start.setAccessibleName(self.tr("Start reviewing the cards due"))
        self.start.setDefault(True)
        self.start.clicked.connect(self.start_review)
        self.drill_button = QPushButton(self.tr("Interview drill…"))
        self.drill_button.setAccessibleName(self.tr("Open the interview drill"))
        self.drill_button.setToolTip(
            self.tr("Timed interview questions for a role, with a model answer and a rubric")
        )
        self.drill_button.clicked.connect(self.open_drill)
        self.make = QPushButton(self.tr("Make a card…"))
        self.make.setAccessibleName(self.tr("Make a card of your own"))
        self.make.clicked.connect(self.make_card)
        self.retention = QSpinBox()
        self.retention.setRange(70, 99)
        self.retention.setSuffix(" %")
        self.retention.setKeyboardTracking(False)
        self.retention.setAccessibleName(self.tr("Desired retention"))
        self.retention.setToolTip(
            self.tr(
                "How likely you want to be to recall a card when it comes back. Higher "
                "means more reviews; 90 % suits most learners."
            )
        )
        self.retention.valueChanged.connect(lambda _v: self._retention_timer.start())
        retention_label = QLabel(self.tr("Aim to &remember:"))
        retention_label.setBuddy(self.retention)
        actions = QHBoxLayout()
        actions.addWidget(self.start)
        actions.addWidget(self.drill_button)
        actions.addWidget(self.make)
        actions.addStretch(1)
        actions.addWidget(retention_label)
        actions.addWidget(self.retention)
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("Filter cards by words, item or tag"))
        self.words.setAccessibleName(self.tr("Filter cards"))
        self.words.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Cards shown"))
        for key, name in filter_names().items():
            self.state.addItem(name, key)
        filters = QHBoxLayout()
        filters.addWidget(self.words, 1)
        filters.addWidget(self.state)
        self.model = CardTableModel(self.tracker.curriculum)
        self.proxy = CardFilter(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Practice cards"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the tracker's order
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        for column in range(1, DUE + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        header.resizeSection(2, 100)
        header.resizeSection(3, 100)
        header.resizeSection(DUE, 140)
        self.table.activated.connect(self._edit_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._name_buttons())
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setAccessibleName(self.tr("Edit the selected card (Enter)"))
        self.edit.clicked.connect(self.edit_selected)
        self.suspend = QPushButton(self.tr("Suspend"))
        self.suspend.setAccessibleName(self.tr("Suspend the selected card"))
        self.suspend.clicked.connect(self.toggle_suspended)
        self.shown_count = summary_label()
        self.shown_count.setTextFormat(Qt.TextFormat.PlainText)
        self.shown_count.setAccessibleName(self.tr("Cards listed"))
        below = QHBoxLayout()
        below.addWidget(self.edit)
        below.addWidget(self.suspend)
        below.addStretch(1)
        below.addWidget(self.shown_count)
        self.words.textChanged.connect(self._filter)
        self.state.currentIndexChanged.connect(self._filter)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(self.explain)
        layout.addLayout(actions)
        layout.addSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        return page

    def set_read_only(self, read_only: bool) -> None:
        """Someone else's practice: shown, never changed."""
        for widget in (self.start, self.make, self.retention, self.edit, self.suspend):
            widget.setEnabled(not read_only)
        self.drill_button.setEnabled(not read_only)

    # --- showing --------------------------------------------------------------------------
    @property
    def cards(self) -> list[PracticeCard]:
        """Every card as the list shows it."""
        return self.model.cards

    def showEvent(self, event: QShowEvent) -> None:
        if self.stack.currentWidget() is self.overview:
            self.catch_up()
        super().showEvent(event)

    def _in_view(self) -> bool:
        return self.isVisible() and self.stack.currentWidget() is self.overview

    def refresh(self) -> None:
        """Read every card again and redraw the page in place."""
        self._stale = False
        self._pending.clear()
        self._pending_items.clear()
        now = self.tracker.now()
        try:
            cards = self.tracker.practice_cards()
        except ACTION_ERRORS:
            cards = []
        self.model.set_cards(cards, now)  # the filter follows the model by itself
        self._count_shown()
        self._name_buttons()
        self._show_headline()

    def catch_up(self) -> None:
        """Show what changed since the list was last drawn: every card when that is
        unknown (the first show, an import, a pack), else only the cards changed (their
        rows redrawn in place: the selection and scroll position stay)."""
        if self._stale:
            keep = self.selected_card()
            self.refresh()
            if keep is not None:
                self.select_card(keep.card.id)
            return
        wanted, items = set(self._pending), set(self._pending_items)
        self._pending.clear()
        self._pending_items.clear()
        if wanted or items:
            self._read_cards(wanted, items)
        if wanted or items or self._headline_stale:
            self._show_headline()

    def _read_cards(self, card_ids: set[str], item_ids: set[str]) -> None:
        """Read these cards and the cards of these items (their status changed) again and
        redraw their rows (a card made gets its row, a card gone loses it)."""
        found: list[PracticeCard] = []
        try:
            for item_id in item_ids:
                found += self.tracker.item_practice_cards(item_id)
        except ACTION_ERRORS:  # a busy file: everything is read at the next show
            self._stale = True
        card_ids -= {c.card.id for c in found}
        for card_id in card_ids:
            try:
                found.append(self.tracker.practice_card(card_id))
            except TrackerError:  # gone: an own card taken back
                self.model.remove_card(card_id)
            except ACTION_ERRORS:
                self._stale = True
        for made in self.model.update_cards(found, self.tracker.now()):
            if not self.model.insert_card(made):
                self.refresh()  # no place known for it: read the list whole
                return
        self._count_shown()
        self._name_buttons()

    def _due_moved(self) -> None:
        if self._in_view():
            self._show_headline()
        else:
            self._headline_stale = True

    def _show_headline(self) -> None:
        """ "23 cards due", or why nothing is and when something will be."""
        self._headline_stale = False
        self._headline_timer.stop()
        count = self.due.count
        cards = self.cards
        now = self.tracker.now()
        if count:
            self.headline.setText(cards_due(count))
            self.explain.setText(self._due_words(count, now))
        else:
            self.headline.setText(self.tr("Nothing due"))
            self.explain.setText(self._nothing_due_words(cards))
        self.start.setEnabled(count > 0 and not self.tracker.read_only)

    def _due_words(self, count: int, now: datetime) -> str:
        """What the cards due are: reviewed cards due again and new ones (the rest of the
        count), as the tracker counts them."""
        try:
            reviews = min(count, self.tracker.due_split(now)[0])
        except ACTION_ERRORS:
            reviews = 0
        new = count - reviews
        if reviews and new:
            what = self.tr("{reviews} to review again and {new} new.")
        elif new:
            what = self.tr("{new} new cards from items you finished.")
        else:
            what = self.tr("{reviews} to review again.")
        minutes = max(1, round(count * 20 / 60))  # about 20 seconds a card
        how = self.tr(
            "About {minutes} minutes with the keyboard: Space shows an answer, 1–4 rate it."
        )
        return what.format(reviews=reviews, new=new) + " " + how.format(minutes=minutes)

    def _nothing_due_words(self, cards: list[PracticeCard]) -> str:
        reviewed = [
            c.due
            for c in cards
            if c.unlocked and not c.suspended and c.state is not None and c.due is not None
        ]
        unlocked = [c for c in cards if c.unlocked and not c.suspended]
        if not unlocked:
            return self.tr(
                "Cards unlock when you finish items: mark an item done and its recall cards "
                "appear here, to review a day later, then at growing intervals."
            )
        waiting = sum(1 for c in unlocked if c.state is None)
        words = (
            self.tr("Cards unlock when you finish items; next review {date}.").format(
                date=next_review(min(reviewed))
            )
            if reviewed
            else self.tr("Cards unlock when you finish items.")
        )
        if waiting:
            words += " " + self.tr(
                "{count} new cards wait for tomorrow's allowance of new cards."
            ).format(count=waiting)
        return words

    def _filter(self) -> None:
        self.proxy.set_filter(self.words.text(), str(self.state.currentData() or "all"))
        self._count_shown()
        self._name_buttons()

    def _count_shown(self) -> None:
        total = len(self.model.cards)
        shown = self.proxy.rowCount()
        self.shown_count.setText(
            self.tr("{shown} of {total} cards").format(shown=shown, total=total)
        )

    def _name_buttons(self) -> None:
        card = self.selected_card()
        writable = not self.tracker.read_only
        self.edit.setEnabled(card is not None and writable)
        self.suspend.setEnabled(card is not None and writable)
        if card is not None and card.suspended:
            self.suspend.setText(self.tr("Restore"))
            self.suspend.setAccessibleName(self.tr("Restore the selected card to reviews"))
        else:
            self.suspend.setText(self.tr("Suspend"))
            self.suspend.setAccessibleName(self.tr("Suspend the selected card"))

    def selected_card(self) -> PracticeCard | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_of(str(index.data(CARD_ID_ROLE) or ""))
        return self.model.cards[row] if row >= 0 else None

    def select_card(self, card_id: str) -> bool:
        """Select a card in the list (filters that hide it are cleared)."""
        row = self.model.row_of(card_id)
        if row < 0:
            return False
        for _attempt in range(2):
            index = self.proxy.mapFromSource(self.model.index(row, PROMPT))
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
            self.words.clear()
            self.state.setCurrentIndex(0)
        return False

    def show_overview(self) -> None:
        self.stack.setCurrentWidget(self.overview)
        self.catch_up()
        (self.start if self.start.isEnabled() else self.table).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    # --- actions --------------------------------------------------------------------------
    def start_review(self) -> bool:
        """Review the cards due now, keyboard first (never in a read-only window)."""
        if self.tracker.read_only:
            return False
        try:
            cards = self.tracker.due_cards()
        except ACTION_ERRORS:
            cards = []
        if not cards:
            self._show_headline()
            return False
        self.stack.setCurrentWidget(self.review)
        self.review.start(cards)
        return True

    def open_drill(self) -> DrillWidget:
        self.stack.setCurrentWidget(self.drill)
        self.drill.show_setup()
        return self.drill

    def make_card(self, item_id: str = "", answer: str = "") -> CardDialog | None:
        """Make an own card (for the selected card's item unless one is given); never in a
        read-only window."""
        if self.tracker.read_only:
            return None
        selected = self.selected_card()
        item_id = item_id or (selected.card.item_id if selected is not None else "")
        return self._open(CardDialog.making(self.tracker, self.operations, item_id, answer, self))

    def edit_selected(self) -> CardDialog | None:
        """The selected card in the card dialog (Edit, Enter or a double-click on its row);
        nothing opens in a read-only window (the mentor's view)."""
        card = self.selected_card()
        if card is None or self.tracker.read_only:
            return None
        return self._open(CardDialog.editing(self.tracker, self.operations, card, self))

    def _edit_row(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _open(self, dialog: CardDialog) -> CardDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_suspended(self) -> Change | None:
        card = self.selected_card()
        if card is None:
            return None
        return self.operations.run(
            suspend_operation(self.tracker, card.card.id, not card.suspended), widget=self
        )

    # --- the desired retention ------------------------------------------------------------
    def _show_retention(self) -> None:
        try:
            value = round(self.tracker.desired_retention() * 100)
        except ACTION_ERRORS:
            value = 90
        with QSignalBlocker(self.retention):
            self.retention.setValue(value)

    def retention_pending(self) -> bool:
        """A changed "Aim to remember" still waiting for its save delay."""
        return self._retention_timer.isActive()

    def flush_pending(self) -> None:
        """Save what waits for a delay now (the window closes, the page is hidden)."""
        if self.retention_pending():
            self.commit_retention()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_pending()
        super().hideEvent(event)

    def commit_retention(self) -> Change | None:
        """Save the spin box's value (one undoable step); a refusal puts the saved one back."""
        self._retention_timer.stop()
        value = self.retention.value() / 100
        try:
            if abs(self.tracker.desired_retention() - value) < 1e-9:
                return None
        except ACTION_ERRORS:
            pass
        change = self.operations.run(retention_operation(self.tracker, value), widget=self)
        if change is None:
            self._show_retention()
        return change

    # --- changes --------------------------------------------------------------------------
    def _changed(self, change: Change) -> None:
        if change.kind in ("setting", "all"):
            self._show_retention()
        if change.kind not in LIST_KINDS:
            return
        if change.kind == "content":  # a pack added or removed: other cards, other roles
            self.model.curriculum = self.tracker.curriculum
            self.drill.setup.list_roles()
        self._note(change)
        if self._in_view():
            self.catch_up()
        if change.kind in ("all", "content") and self.stack.currentWidget() is self.drill:
            self.drill.setup.count()

    def _note(self, change: Change) -> None:
        """Remember what a change touched, for the list to read again when it is in view."""
        if change.kind in ("all", "content") or not change.ids:
            self._stale = True
        elif change.kind == "status":
            self._pending_items.update(change.ids)
        else:
            self._pending.add(change.ids[0])
        if len(self._pending) + len(self._pending_items) > MOST_PENDING:
            self._stale = True

    def focus_filter(self) -> None:
        """Edit → Find in list (Ctrl+F): the card filter, on the page's overview."""
        if self.stack.currentWidget() is not self.overview:
            return
        self.words.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.words.selectAll()
