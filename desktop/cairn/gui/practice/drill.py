"""The interview drill: choose a role and a length; the role's unlocked drill cards are drawn
for that time. Each question has its own countdown (the card's minutes) beside the drill's
total; the learner types an answer (or answers aloud with the timer only), Reveal shows the
model answer and the rubric as check boxes, and they rate themselves 1–4 (graded as a drill).
The end lists every question with its time, rubric points and rating."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...practice import PracticeCard
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.actions import ACTION_ERRORS
from ..widgets.common import page_title, section_label, summary_label
from .card_model import first_line
from .markdown_view import MarkdownView, card_frame, enlarge, fit_height
from .operations import DRILL, grade_operation
from .session import GRADE, Session, Step, draw_drill, is_redo_of, is_undo_of
from .summary import rating_words
from .words import (
    RATING_NUMBERS,
    button_text,
    duration,
    plain_tip,
    rating_hint,
    rating_name,
    spoken_duration,
)

LENGTHS = (10, 20, 30)  # minutes
TICK_MS = 1000


class DrillSetup(QWidget):
    """Role, length and how to answer; Start draws the cards."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.title = page_title(self.tr("Interview drill"))
        intro = summary_label(
            self.tr(
                "Answer interview questions against the clock, then compare with a model "
                "answer and a short rubric and rate yourself. Questions unlock when you "
                "finish the items they belong to."
            )
        )
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role to drill for"))
        self.list_roles()
        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("Length of the drill"))
        for minutes in LENGTHS:
            self.length.addItem(self.tr("{minutes} minutes").format(minutes=minutes), minutes)
        self.length.setCurrentIndex(1)
        self.typed = QRadioButton(self.tr("&Type my answer"))
        self.aloud = QRadioButton(self.tr("Answer &aloud (timer only)"))
        self.typed.setChecked(True)
        self.mode = QButtonGroup(self)
        for button in (self.typed, self.aloud):
            self.mode.addButton(button)
        modes = QHBoxLayout()
        modes.addWidget(self.typed)
        modes.addWidget(self.aloud)
        modes.addStretch(1)
        self.available = summary_label()
        self.available.setTextFormat(Qt.TextFormat.PlainText)
        self.available.setAccessibleName(self.tr("Drill questions available"))
        self.start = QPushButton(self.tr("Start drill"))
        self.start.setAccessibleName(self.tr("Start the interview drill"))
        self.start.setDefault(True)
        self.back = QPushButton(self.tr("Back to Practice"))
        self.back.setAccessibleName(self.tr("Back to the Practice page"))
        for combo in (self.role, self.length):
            combo.setMaximumWidth(420)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        role_label = QLabel(self.tr("&Role:"))
        role_label.setBuddy(self.role)
        length_label = QLabel(self.tr("&Length:"))
        length_label.setBuddy(self.length)
        form.addRow(role_label, self.role)
        form.addRow(length_label, self.length)
        form.addRow(self.tr("Answer:"), modes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.available)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.role.currentIndexChanged.connect(self.count)
        self.length.currentIndexChanged.connect(self.count)

    def list_roles(self) -> None:
        """The curriculum's roles (again after a pack change), the primary role chosen."""
        shown = self.role_id() or self.tracker.primary_role()
        with QSignalBlocker(self.role):
            self.role.clear()
            for role in self.tracker.curriculum.roles.values():
                self.role.addItem(role.name, role.id)
            self.role.setCurrentIndex(max(0, self.role.findData(shown)))

    def role_id(self) -> str:
        return str(self.role.currentData() or "")

    def minutes(self) -> int:
        return int(self.length.currentData() or LENGTHS[1])

    def cards(self) -> list[PracticeCard]:
        """The role's drill cards (unlocked first)."""
        try:
            return self.tracker.drill_cards(self.role_id()) if self.role_id() else []
        except ACTION_ERRORS:
            return []

    def count(self) -> list[PracticeCard]:
        """Say how many questions the role has ready; Start only when there are some."""
        cards = self.cards()
        ready = [c for c in cards if c.unlocked and not c.suspended]
        locked = sum(1 for c in cards if not c.unlocked)
        drawn = draw_drill(ready, self.minutes(), self.tracker.now())
        if not cards:
            text = self.tr("This role has no interview questions yet.")
        elif len(ready) == 1:
            text = self.tr(
                "1 question is ready for this role ({locked} still locked): about {minutes} "
                "minutes of answers."
            ).format(locked=locked, minutes=max(1, ready[0].card.minutes))
        elif not ready:
            text = self.tr(
                "None of this role's questions is unlocked yet ({locked} locked): each unlocks "
                "when you finish the item it belongs to."
            ).format(locked=locked)
        else:
            text = self.tr(
                "{ready} questions are ready for this role ({locked} still locked). "
                "This drill draws {drawn} of them, about {minutes} minutes of answers."
            ).format(
                ready=len(ready),
                locked=locked,
                drawn=len(drawn),
                minutes=sum(max(1, c.card.minutes) for c in drawn),
            )
        self.available.setText(text)
        self.start.setEnabled(bool(ready) and not self.tracker.read_only)
        return ready


class DrillRun(QWidget):
    """One question at a time: countdown, answer box, Reveal, rubric and self-rating."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = QLabel("")
        self.position.setObjectName("SectionLabel")
        self.position.setAccessibleName(self.tr("Drill position"))
        self.total = QLabel("")
        self.total.setAccessibleName(self.tr("Drill time"))
        for label in (self.position, self.total):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.end = QPushButton(self.tr("End drill"))
        self.end.setAccessibleName(self.tr("End the drill (Esc)"))
        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addStretch(1)
        top.addWidget(self.total)
        top.addWidget(self.end)
        self.source = summary_label()
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt = MarkdownView(self.tr("Interview question"))
        enlarge(self.prompt, 1.3)
        fit_height(self.prompt)
        self.countdown = QProgressBar()
        self.countdown.setTextVisible(False)
        self.countdown.setMaximumHeight(8)
        self.countdown.setAccessibleName(self.tr("Time left for this question"))
        self.left = QLabel("")
        self.left.setTextFormat(Qt.TextFormat.PlainText)
        self.left.setAccessibleName(self.tr("Time left for this question"))
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.countdown, 1)
        clock_row.addWidget(self.left)
        self.typing = QPlainTextEdit()
        self.typing.setAccessibleName(self.tr("Your answer"))
        self.typing.setPlaceholderText(
            self.tr("Type your answer as you would say it; Ctrl+Enter reveals the model answer.")
        )
        self.typing.setTabChangesFocus(True)
        self.aloud = summary_label(  # in place of the answer box
            self.tr("Answer aloud, as in an interview; the clock runs. Reveal when you are done.")
        )
        self.aloud.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.reveal = QPushButton(self.tr("Reveal · Ctrl+Enter"))
        self.reveal.setAccessibleName(self.tr("Reveal the model answer (Ctrl+Enter)"))
        self.answer = MarkdownView(self.tr("Model answer"))
        self.rubric_box = QGroupBox(self.tr("Rubric: tick what your answer covered"))
        self.rubric_layout = QVBoxLayout(self.rubric_box)
        self.rubric: list[QCheckBox] = []
        self.rate_buttons: dict[int, QPushButton] = {}
        rates = QHBoxLayout()
        for rating in RATING_NUMBERS:
            button = QPushButton(f"{rating_name(rating)} · {rating}")
            button.setToolTip(rating_hint(rating))
            button.setAccessibleName(
                self.tr("Rate {rating} ({key})").format(rating=rating_name(rating), key=rating)
            )
            self.rate_buttons[rating] = button
            rates.addWidget(button, 1)
        # after Reveal: the model answer beside the learner's own, the rubric and the ratings
        self.answer_card = card_frame(section_label(self.tr("Model answer")), self.answer)
        compare = QHBoxLayout()
        compare.addWidget(self.typing, 1)
        compare.addWidget(self.aloud, 1)
        compare.addWidget(self.answer_card, 1)
        self.revealed = QWidget()
        shown = QVBoxLayout(self.revealed)
        shown.setContentsMargins(0, 0, 0, 0)
        shown.addWidget(self.rubric_box)
        shown.addLayout(rates)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(card_frame(self.source, self.prompt))
        layout.addLayout(clock_row)
        layout.addLayout(compare, 2)
        layout.addWidget(self.reveal)
        layout.addWidget(self.revealed)

    def set_rubric(self, points: tuple[str, ...]) -> None:
        for box in self.rubric:
            self.rubric_layout.removeWidget(box)
            box.deleteLater()
        self.rubric = []
        for point in points:
            box = QCheckBox(button_text(point))
            box.setAccessibleName(point)
            self.rubric_layout.addWidget(box)
            box.setVisible(True)  # shown with the group (added to a shown group, it would not)
            self.rubric.append(box)
        # Tab goes model answer → each rubric point → the ratings (the boxes are made after
        # the buttons, so they would otherwise come last in the window's Tab order)
        previous: QWidget = self.answer
        for widget in (*self.rubric, *self.rate_buttons.values()):
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def ticked(self) -> tuple[int, int]:
        return sum(1 for b in self.rubric if b.isChecked()), len(self.rubric)


class DrillSummary(QWidget):
    """Every question of the drill with its time, rubric points and rating."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = page_title(self.tr("Drill done"))
        self.figures = QLabel("")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setAccessibleName(self.tr("Drill figures"))
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Questions of the drill"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Time"), self.tr("Rubric"), self.tr("Rating")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.again = QPushButton(self.tr("New drill"))
        self.again.setAccessibleName(self.tr("Set up a new drill"))
        self.back = QPushButton(self.tr("Back to Practice"))
        self.back.setAccessibleName(self.tr("Back to the Practice page"))
        self.back.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_drill(self, session: Session, prompts: dict[str, str], seconds: float) -> None:
        grades = session.grades()
        words = (
            self.tr("1 question in {time}. {ratings}")
            if len(grades) == 1
            else self.tr("{count} questions in {time}. {ratings}")
        )
        self.figures.setText(
            words.format(
                count=len(grades),
                time=spoken_duration(seconds),
                ratings=rating_words(session.counts()),
            )
        )
        self.table.setRowCount(len(grades))
        for row, step in enumerate(grades):
            ticked, points = step.rubric
            cells = (
                first_line(prompts.get(step.card_id, step.card_id), 120),
                duration(step.seconds),
                self.tr("{ticked} of {points}").format(ticked=ticked, points=points),
                rating_name(step.rating),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(plain_tip(cells[0] if column == 0 else text))
                self.table.setItem(row, column, cell)


class DrillWidget(QWidget):
    """Setup → questions → summary; `closed` when the learner goes back to Practice."""

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
        self.setAccessibleName(self.tr("Interview drill"))
        self.session = Session([], clock())
        self.cards: dict[str, PracticeCard] = {}
        self.minutes = LENGTHS[1]
        self.card_started = clock()
        self.answered_after = 0.0  # seconds the question took, frozen at Reveal
        self.shown = False
        self._acting = False
        self.setup = DrillSetup(tracker)
        self.run = DrillRun()
        self.summary = DrillSummary()
        self.stack = QStackedWidget()
        for page in (self.setup, self.run, self.summary):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setup.start.clicked.connect(self.start)
        self.setup.back.clicked.connect(self.closed)
        self.summary.back.clicked.connect(self.closed)
        self.summary.again.clicked.connect(self.show_setup)
        self.run.end.clicked.connect(self.finish)
        self.run.reveal.clicked.connect(self.reveal)
        for rating, button in self.run.rate_buttons.items():
            button.clicked.connect(lambda _c=False, r=rating: self.rate(r))
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self._keys()
        operations.changed.connect(self._changed)

    def _keys(self) -> None:
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+Return", self.reveal),
            ("Ctrl+Enter", self.reveal),
            ("Esc", self.finish),
        ]
        keys += [(str(r), partial(self.rate, r)) for r in RATING_NUMBERS]
        self.shortcuts: list[QShortcut] = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self.run)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # --- setting up -----------------------------------------------------------------------
    def show_setup(self) -> None:
        self.ticker.stop()
        self.setup.count()
        self.stack.setCurrentWidget(self.setup)
        self.setup.role.setFocus(Qt.FocusReason.OtherFocusReason)

    def start(self) -> bool:
        """Draw the questions for the role and length chosen, and ask the first."""
        ready = self.setup.count()
        self.minutes = self.setup.minutes()
        drawn = draw_drill(ready, self.minutes, self.tracker.now())
        if not drawn:
            return False
        self.cards = {c.card.id: c for c in drawn}
        self.session = Session([c.card.id for c in drawn], self.clock())
        self.ticker.start()
        self._ask()
        return True

    def aloud(self) -> bool:
        return self.setup.aloud.isChecked()

    # --- a question -----------------------------------------------------------------------
    def current_card(self) -> PracticeCard | None:
        return self.cards.get(self.session.current)

    def _ask(self, keep_started: bool = False) -> None:
        card = self.current_card()
        if card is None:
            self._show_summary()
            return
        run = self.run
        self.stack.setCurrentWidget(run)
        run.position.setText(
            self.tr("Question {number} of {total}").format(
                number=self.session.position + 1, total=len(self.session.queue)
            )
        )
        item = self.tracker.curriculum.items.get(card.card.item_id)
        run.source.setText(
            self.tr("From: {item}").format(item=item.title if item else card.card.item_id)
        )
        run.prompt.show_markdown(card.card.prompt)
        run.set_rubric(card.card.rubric)
        if not keep_started:
            self.card_started = self.clock()
            run.typing.clear()
        self.shown = False
        run.typing.setReadOnly(False)
        run.typing.setVisible(not self.aloud())
        run.aloud.setVisible(self.aloud())
        run.reveal.setVisible(True)
        run.revealed.setVisible(False)
        run.answer_card.setVisible(False)
        self.tick()
        (run.reveal if self.aloud() else run.typing).setFocus(Qt.FocusReason.OtherFocusReason)

    def tick(self) -> None:
        """Redraw the question's countdown and the drill's total."""
        if self.stack.currentWidget() is not self.run:
            return
        card = self.current_card()
        now = self.clock()
        allowed = max(1, card.card.minutes if card else 1) * 60
        spent = self.answered_after if self.shown else now - self.card_started
        left = allowed - spent
        self.run.countdown.setRange(0, allowed)
        self.run.countdown.setValue(max(0, round(left)))
        if left >= 0:
            self.run.left.setText(self.tr("{time} left").format(time=duration(left)))
        else:
            self.run.left.setText(self.tr("Time is up · {time} over").format(time=duration(-left)))
        total = now - self.session.started
        text = self.tr("Drill {time} of {length}").format(
            time=duration(total), length=duration(self.minutes * 60)
        )
        if total > self.minutes * 60:
            text += " · " + self.tr("time is up: this is the last question")
        self.run.total.setText(text)

    def reveal(self) -> None:
        """Show the model answer and the rubric; the question's time stops."""
        if self.current_card() is None or self.shown or self.stack.currentWidget() is not self.run:
            return
        card = self.current_card()
        assert card is not None
        self.answered_after = self.clock() - self.card_started
        self.shown = True
        self.run.answer.show_markdown(card.card.answer)
        self.run.typing.setReadOnly(True)
        self.run.reveal.setVisible(False)
        self.run.revealed.setVisible(True)
        self.run.answer_card.setVisible(True)
        self.run.aloud.setVisible(False)  # the model answer takes its place
        self.tick()
        first = self.run.rubric[0] if self.run.rubric else self.run.rate_buttons[3]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def rate(self, rating: int) -> bool:
        """Rate yourself on the question shown (graded as a drill, undoable)."""
        card = self.current_card()
        if card is None or not self.shown:
            return False
        seconds = self.answered_after
        operation = grade_operation(
            self.tracker, card.card.id, rating, duration_ms=round(seconds * 1000), mode=DRILL
        )
        self._acting = True
        try:
            change = self.operations.run(operation, widget=self)
        finally:
            self._acting = False
        if change is None:
            return False
        step = Step(
            GRADE,
            card.card.id,
            change,
            rating=rating,
            seconds=seconds,
            rubric=self.run.ticked(),
            marks=tuple(b.isChecked() for b in self.run.rubric),
            typed=self.run.typing.toPlainText(),
        )
        self.session.record(step)
        if self.clock() - self.session.started > self.minutes * 60:
            del self.session.queue[self.session.position :]  # time is up
        self._ask()
        return True

    def finish(self) -> None:
        """Esc or End drill: the summary of the questions answered (or the setup if none)."""
        if self.stack.currentWidget() is not self.run:
            return
        if not self.session.steps:
            self.show_setup()
            return
        del self.session.queue[self.session.position :]
        self._show_summary()

    def _show_summary(self) -> None:
        self.ticker.stop()
        prompts = {cid: c.card.prompt for cid, c in self.cards.items()}
        self.summary.show_drill(self.session, prompts, self.clock() - self.session.started)
        self.stack.setCurrentWidget(self.summary)
        self.summary.back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, change: Change) -> None:
        """Undo of the last rating asks that question again (revealed, as it was)."""
        if self._acting or change.kind != "card" or not self.session.queue:
            return
        session = self.session
        if session.steps and is_undo_of(session.steps[-1], change):
            step = session.steps[-1]
            session.take_back()
            if not self.ticker.isActive():
                self.ticker.start()
            self._ask()
            self.run.typing.setPlainText(step.typed)
            self.answered_after = step.seconds
            self.card_started = self.clock() - step.seconds
            self.reveal()
            for box, ticked in zip(self.run.rubric, step.marks, strict=False):
                box.setChecked(ticked)
        elif session.undone and not session.finished and is_redo_of(session.undone[-1], change):
            session.redone(change)
            self._ask()
