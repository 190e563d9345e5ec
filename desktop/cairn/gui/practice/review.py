"""The keyboard review: the prompt; Space shows the model answer with the learner's own note
for the item beside it; 1–4 rate Again/Hard/Good/Easy (each button says when the card would
come back); E edits the card, S suspends it; Edit → Undo (Ctrl+Z) takes the last rating back
and shows that card again. After the last card, a summary of the session."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...practice import PracticeCard
from ...tracker import Change, Tracker, TrackerError
from ..operations import Operations
from ..widgets.actions import ACTION_ERRORS
from ..widgets.common import section_label, summary_label
from .card_dialog import CardDialog
from .markdown_view import MarkdownView, card_frame, enlarge, fit_height
from .operations import grade_operation, suspend_operation
from .session import GRADE, SUSPEND, Session, Step, is_redo_of, is_undo_of
from .summary import SessionSummary
from .words import RATING_NUMBERS, interval, rating_hint, rating_name

PREVIEW_ERRORS: tuple[type[Exception], ...] = (ValueError, *ACTION_ERRORS)
#: Change kinds that a review takes in while it runs (besides its own steps): a status can
#: lock a card again (it leaves the session) or unlock it (it comes back).
#: A card whose next step falls this soon comes back before the session ends, as Anki's
#: learn-ahead limit does: a new card's learning steps are minutes apart, and a session that
#: ended with them would leave cards due ten minutes after "done".
LEARN_AHEAD = timedelta(minutes=20)


def _back_soon(change: Change, now: datetime) -> bool:
    """Whether the card just graded is due again within the learn-ahead limit."""
    due = getattr(change.new, "due", None)
    return isinstance(due, datetime) and due <= now + LEARN_AHEAD


CARD_KINDS = frozenset(
    {"card", "card_suspended", "card_text", "card_added", "status", "all", "content"}
)


def preview_intervals(tracker: Tracker, card: PracticeCard, now: datetime) -> dict[int, str]:
    """When the card would next be due for each rating ("10 min", "3 d"); empty when the
    scheduler cannot say (the buttons then show the rating alone)."""
    from ...practice.scheduling import grade

    try:
        retention = tracker.desired_retention()
        return {
            rating: interval(
                grade(card.state, card.card.id, rating, now, retention, fuzz=False).due - now
            )
            for rating in RATING_NUMBERS
        }
    except PREVIEW_ERRORS:
        return {}


def answer_markdown(card: PracticeCard) -> str:
    """The model answer, and a drill card's rubric under it."""
    if not card.card.rubric:
        return card.card.answer
    heading = QCoreApplication.translate("Practice", "What a good answer covers:")
    points = "\n".join(f"- {point}" for point in card.card.rubric)
    return f"{card.card.answer}\n\n**{heading}**\n\n{points}"


class ReviewWidget(QWidget):
    """Works through a queue of cards with the keyboard; `closed` when the learner leaves."""

    closed = Signal()

    def __init__(
        self,
        tracker: Tracker,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.clock = clock
        self.session = Session([], clock())
        self.cards: dict[str, PracticeCard] = {}
        self.answer_shown = False
        self.shown_at = clock()
        self.dialog: CardDialog | None = None
        self._acting = False
        self.setAccessibleName(self.tr("Review"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        operations.changed.connect(self._changed)

        self.stack = QStackedWidget()
        self.card_view = self._build_card_view()
        self.summary = SessionSummary()
        self.summary.back.clicked.connect(self.closed)
        self.summary.again.clicked.connect(self._review_more)
        self.stack.addWidget(self.card_view)
        self.stack.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._keys()

    # --- building -------------------------------------------------------------------------
    def _build_card_view(self) -> QWidget:
        view = QWidget()
        self.position = QLabel("")
        self.position.setObjectName("SectionLabel")
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setAccessibleName(self.tr("Review position"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Review progress"))
        self.end = QPushButton(self.tr("End review"))
        self.end.setAccessibleName(self.tr("End review (Esc)"))
        self.end.setToolTip(self.tr("Stop here and see the summary (Esc)"))
        self.end.clicked.connect(self.finish)
        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addWidget(self.bar, 1)
        top.addWidget(self.end)
        self.source = summary_label()
        self.source.setTextFormat(Qt.TextFormat.PlainText)  # item titles and tags are no markup
        self.source.setAccessibleName(self.tr("Card comes from"))
        self.prompt = MarkdownView(self.tr("Prompt"))
        enlarge(self.prompt, 1.3)
        fit_height(self.prompt)
        self.show_answer = QPushButton(self.tr("Show answer · Space"))
        self.show_answer.setAccessibleName(self.tr("Show the answer (Space)"))
        self.show_answer.clicked.connect(self.reveal)
        self.answer = MarkdownView(self.tr("Model answer"))
        self.note = MarkdownView(self.tr("Your note on this item"))
        self.answer_label = section_label(self.tr("Model answer"))
        self.note_label = section_label(self.tr("Your note"))
        answer_box = card_frame(self.answer_label, self.answer)
        note_box = card_frame(self.note_label, self.note)
        self.beside = QSplitter(Qt.Orientation.Horizontal)
        self.beside.setChildrenCollapsible(False)
        self.beside.addWidget(answer_box)
        self.beside.addWidget(note_box)
        self.beside.setStretchFactor(0, 3)
        self.beside.setStretchFactor(1, 2)
        self.rate_buttons: dict[int, QPushButton] = {}
        rates = QHBoxLayout()
        for rating in RATING_NUMBERS:
            button = QPushButton(rating_name(rating))
            button.setObjectName("RateButton")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(f"{rating_hint(rating)} ({rating})")
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
            self.rate_buttons[rating] = button
            rates.addWidget(button, 1)
        self.edit = QPushButton(self.tr("Edit card… · E"))
        self.edit.setAccessibleName(self.tr("Edit this card (E)"))
        self.edit.clicked.connect(self.edit_card)
        self.suspend = QPushButton(self.tr("Suspend · S"))
        self.suspend.setAccessibleName(self.tr("Suspend this card (S)"))
        self.suspend.setToolTip(
            self.tr(
                "Leave this card out of reviews until you restore it (Edit → Undo brings it back)"
            )
        )
        self.suspend.clicked.connect(self.suspend_card)
        for button in (self.end, self.show_answer, self.edit, self.suspend):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.keys_hint = summary_label(
            self.tr(
                "Space shows the answer · 1 Again · 2 Hard · 3 Good · 4 Easy · E edit · "
                "S suspend · Ctrl+Z takes the last rating back · Esc ends"
            )
        )
        actions = QHBoxLayout()
        actions.addWidget(self.edit)
        actions.addWidget(self.suspend)
        actions.addStretch(1)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(card_frame(self.source, self.prompt))
        layout.addWidget(self.show_answer)
        layout.addWidget(self.beside, 1)
        layout.addStretch(1)  # before the answer is shown, the card stays at the top
        self.room = (layout, layout.count() - 1)
        layout.addLayout(rates)
        layout.addLayout(actions)
        layout.addWidget(self.keys_hint)
        return view

    def _keys(self) -> None:
        """The review's own keys, active while the focus is anywhere in it."""
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Space", self._space),
            ("E", self.edit_card),
            ("S", self.suspend_card),
            ("Esc", self.finish),
        ]
        keys += [(str(r), partial(self.rate, r)) for r in RATING_NUMBERS]
        self.shortcuts: list[QShortcut] = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # --- a session ------------------------------------------------------------------------
    def start(self, cards: list[PracticeCard]) -> None:
        """Review these cards, in this order (only they are read again as they change)."""
        self.cards = {c.card.id: c for c in cards}
        self.session = Session([c.card.id for c in cards], self.clock())
        self._show_current()

    def current_card(self) -> PracticeCard | None:
        return self.cards.get(self.session.current)

    def _show_current(self) -> None:
        """Show the card at the session's position (or the summary when none is left)."""
        card = self.current_card()
        if card is None:
            self._show_summary()
            return
        self.stack.setCurrentWidget(self.card_view)
        self._show_position()
        item = self.tracker.curriculum.items.get(card.card.item_id)
        title = item.title if item is not None else card.card.item_id
        source = self.tr("From: {item}").format(item=title)
        if card.card.tags:
            source += " · " + ", ".join(card.card.tags)
        self.source.setText(source)
        self.prompt.show_markdown(card.card.prompt)
        self.answer_shown = False
        self.shown_at = self.clock()
        self._show_answer_part(False)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_position(self) -> None:
        """ "Card 3 of 20" and the progress bar (cards left out are not counted)."""
        done = self.session.done
        total = done + self.session.remaining
        self.position.setText(
            self.tr("Card {number} of {total}").format(number=done + 1, total=total)
        )
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.bar.setAccessibleDescription(self.position.text())

    def _show_answer_part(self, shown: bool) -> None:
        card = self.current_card()
        self.show_answer.setVisible(not shown)
        self.beside.setVisible(shown)
        layout, spacer = self.room
        layout.setStretch(spacer, 0 if shown else 1)  # the answer takes the room
        for button in self.rate_buttons.values():
            button.setEnabled(shown)
        if not shown or card is None:
            for rating, button in self.rate_buttons.items():
                button.setText(rating_name(rating))
                button.setAccessibleName(
                    self.tr("Rate {rating} ({key})").format(rating=rating_name(rating), key=rating)
                )
            return
        self.answer.show_markdown(answer_markdown(card))
        note = self.tracker.note(card.card.item_id)
        self.note.show_markdown(
            note.body if note is not None else "",
            self.tr("You wrote no note on this item."),
        )
        later = preview_intervals(self.tracker, card, self.tracker.now())
        for rating, button in self.rate_buttons.items():
            name = rating_name(rating)
            when = later.get(rating, "")
            label = self.tr("{rating} · {when}").format(rating=name, when=when)
            button.setText(label if when else name)
            button.setAccessibleName(
                self.tr("Rate {rating} ({key}): next review in {when}").format(
                    rating=name, key=rating, when=when
                )
                if when
                else self.tr("Rate {rating} ({key})").format(rating=name, key=rating)
            )

    def _space(self) -> None:
        """Space: a button reached with Tab is pressed; otherwise the answer is shown."""
        focused = QApplication.focusWidget()
        if (
            isinstance(focused, QAbstractButton)
            and self.isAncestorOf(focused)
            and focused.isVisible()
            and focused.isEnabled()
        ):
            focused.click()
            return
        if self.stack.currentWidget() is self.summary:
            self.closed.emit()
            return
        self.reveal()

    def reveal(self) -> None:
        """Show the model answer and the learner's note beside it."""
        if self.current_card() is None or self.answer_shown:
            return
        self.answer_shown = True
        self._show_answer_part(True)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def rate(self, rating: int) -> bool:
        """Rate the card shown (once its answer is shown); the next card follows."""
        card = self.current_card()
        if card is None or self.stack.currentWidget() is not self.card_view:
            return False
        if not self.answer_shown:
            self.keys_hint.setText(self.tr("Show the answer first (Space), then rate it 1–4."))
            return False
        seconds = max(0.0, self.clock() - self.shown_at)
        operation = grade_operation(
            self.tracker, card.card.id, rating, duration_ms=round(seconds * 1000)
        )
        change = self._run(operation)
        if change is None:
            return False
        step = Step(GRADE, card.card.id, change, rating=rating, seconds=seconds)
        self._refresh_card(card.card.id)
        self.session.record(step, again=rating == 1 or _back_soon(change, self.tracker.now()))
        self._show_current()
        return True

    def suspend_card(self) -> bool:
        """Suspend the card shown (undoable); the next card follows."""
        card = self.current_card()
        if card is None or self.stack.currentWidget() is not self.card_view:
            return False
        change = self._run(suspend_operation(self.tracker, card.card.id, True))
        if change is None:
            return False
        self.session.record(Step(SUSPEND, card.card.id, change))
        self._show_current()
        return True

    def edit_card(self) -> CardDialog | None:
        """Open the card shown in the card dialog; the review shows what is saved."""
        card = self.current_card()
        if card is None or self.stack.currentWidget() is not self.card_view:
            return None
        if self.tracker.read_only:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CardDialog.editing(self.tracker, self.operations, card, self)
        self.dialog.finished.connect(lambda _r: self.setFocus(Qt.FocusReason.OtherFocusReason))
        self.dialog.open()
        return self.dialog

    def finish(self) -> None:
        """Esc or End review: the summary of what was done (or straight back if nothing)."""
        if self.stack.currentWidget() is self.summary or not self.session.steps:
            self.closed.emit()
            return
        self._show_summary()

    def _review_more(self) -> None:
        try:
            cards = self.tracker.due_cards()
        except ACTION_ERRORS:
            cards = []
        if cards:
            self.start(cards)
        else:
            self.closed.emit()

    def _show_summary(self) -> None:
        try:
            more = self.tracker.due_count()
            upcoming = None if more else self.tracker.next_due(self.tracker.now())
        except ACTION_ERRORS:
            more, upcoming = 0, None
        self.summary.show_session(self.session, self.clock() - self.session.started, upcoming, more)
        self.stack.setCurrentWidget(self.summary)
        self.summary.back.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- changes --------------------------------------------------------------------------
    def _run(self, operation: object) -> Change | None:
        self._acting = True
        try:
            return self.operations.run(operation, widget=self)  # type: ignore[arg-type]
        finally:
            self._acting = False

    def _refresh_card(self, card_id: str) -> None:
        """Read one card of the session again after it changed (its text, state, lock); a
        card locked again or gone is left out of the session until it comes back."""
        if card_id in self.cards:
            self._read([card_id])

    def _read(self, card_ids: list[str]) -> None:
        out = self.session.out
        for card_id in card_ids:
            try:
                card = self.tracker.practice_card(card_id)
            except TrackerError:  # gone (an own card taken back, a pack removed)
                self.cards.pop(card_id, None)
                out.add(card_id)
                continue
            except ACTION_ERRORS:  # a busy file: read again at the next change
                continue
            self.cards[card_id] = card
            if card.unlocked:
                out.discard(card_id)
            else:
                out.add(card_id)

    def _take_in(self, item_ids: set[str]) -> None:
        """Read the session's cards of these items again (their status changed: they leave
        the session when locked, and come back when unlocked)."""
        out = self.session.out
        for item_id in item_ids:
            try:
                cards = self.tracker.item_practice_cards(item_id)
            except ACTION_ERRORS:  # a busy file: read again at the next change
                continue
            for card in cards:
                if card.card.id not in self.cards:
                    continue
                self.cards[card.card.id] = card
                if card.unlocked:
                    out.discard(card.card.id)
                else:
                    out.add(card.card.id)

    def _follow(self, shown: str, ran_out: bool) -> None:
        """After cards left the session or came back: show the card now current when it
        is another one (or the summary when none is left); else just the new count."""
        if self.stack.currentWidget() is self.card_view:
            if self.session.current != shown:
                self._show_current()
            else:
                self._show_position()
        elif ran_out and not self.session.finished:  # the summary of a session run out
            self._show_current()

    def _changed(self, change: Change) -> None:
        """Undo and redo of this session's steps move it back and forth; an edited card is
        shown as saved; a card whose item is no longer done leaves the session (the next
        one is shown) and comes back when the item is done again; only the session's cards
        that a change names are read again."""
        if self._acting or change.kind not in CARD_KINDS or not self.session.queue:
            return
        session = self.session
        shown, ran_out = session.current, session.finished
        if change.kind in ("all", "content"):
            self._read(list(dict.fromkeys(session.queue)))
            self._follow(shown, ran_out)
            return
        if change.kind == "status":
            items = {card.card.item_id for card in self.cards.values()} & set(change.ids)
            self._take_in(items)
            self._follow(shown, ran_out)
            return
        if session.steps and is_undo_of(session.steps[-1], change):
            self._refresh_card(change.ids[0])
            session.take_back()
            self._show_current()
            return
        if session.undone and not session.finished and is_redo_of(session.undone[-1], change):
            self._refresh_card(change.ids[0])
            session.redone(change)
            self._show_current()
            return
        if not change.ids:
            return
        card_id = change.ids[0]
        if change.kind == "card_added" and card_id in session.queue:
            self._read([card_id])  # an own card taken back (or made again) mid-review
            self._follow(shown, ran_out)
            return
        self._refresh_card(card_id)
        if change.kind == "card_text" and card_id == session.current:
            card = self.current_card()
            if card is not None and self.stack.currentWidget() is self.card_view:
                self.prompt.show_markdown(card.card.prompt)
                if self.answer_shown:
                    self.answer.show_markdown(answer_markdown(card))
