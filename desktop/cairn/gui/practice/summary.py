"""The end of a review: cards reviewed, how many of each rating, the time taken and when the
next card is due."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.common import page_title, summary_label
from .session import Session
from .words import RATING_NUMBERS, next_review, rating_name, spoken_duration

AGAIN = 1  # the rating that means "did not recall"


def rating_words(counts: Mapping[int, int]) -> str:
    """ "Again 2 · Hard 3 · Good 15 · Easy 3"."""
    return " · ".join(
        QCoreApplication.translate("Practice", "{rating} {count}").format(
            rating=rating_name(r), count=counts.get(r, 0)
        )
        for r in RATING_NUMBERS
    )


def returns(session: Session) -> tuple[int, int]:
    """How many times a card came back in the session after being rated Again, and how many
    after another rating (a card still in its learning steps, due again within minutes)."""
    last: dict[str, int] = {}
    after_again = in_learning = 0
    for step in session.grades():
        before = last.get(step.card_id)
        if before == AGAIN:
            after_again += 1
        elif before is not None:
            in_learning += 1
        last[step.card_id] = step.rating
    return after_again, in_learning


class SessionSummary(QWidget):
    """What a finished (or ended) review did; Back returns to the Practice page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Review summary"))
        self.title = page_title(self.tr("Review done"))
        self.reviewed = QLabel("")
        self.reviewed.setWordWrap(True)
        self.reviewed.setAccessibleName(self.tr("Cards reviewed"))
        self.ratings = QLabel("")
        self.ratings.setAccessibleName(self.tr("Ratings given"))
        self.time_taken = QLabel("")
        self.time_taken.setAccessibleName(self.tr("Time taken"))
        self.next_due = summary_label()
        self.next_due.setAccessibleName(self.tr("Next review"))
        self.back = QPushButton(self.tr("Back to Practice"))
        self.back.setAccessibleName(self.tr("Back to the Practice page"))
        self.back.setDefault(True)
        self.again = QPushButton(self.tr("Review the cards due now"))
        self.again.setAccessibleName(self.tr("Review the cards due now"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        for widget in (self.title, self.reviewed, self.ratings, self.time_taken, self.next_due):
            if isinstance(widget, QLabel):
                widget.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _returns_words(self, session: Session, grades: int) -> str:
        """Why there are more ratings than cards, by what happened: cards rated Again came
        back, and cards still in their learning steps (due again within minutes) came back."""
        after_again, in_learning = returns(session)
        if after_again and in_learning:
            words = self.tr(
                "({grades} ratings: cards you did not recall, and cards still in their "
                "learning steps, came back)"
            )
        elif after_again:
            words = self.tr("({grades} ratings: cards you did not recall came back)")
        else:
            words = self.tr("({grades} ratings: cards still in their learning steps came back)")
        return words.format(grades=grades)

    def show_session(
        self, session: Session, seconds: float, next_due: datetime | None, due_now: int
    ) -> None:
        """Fill in the figures of `session` (it took `seconds`)."""
        cards = session.cards_reviewed()
        grades = len(session.grades())
        suspended = len(session.steps) - grades
        if cards == 1:
            text = self.tr("You reviewed 1 card")
        else:
            text = self.tr("You reviewed {count} cards").format(count=cards)
        if grades != cards:
            text += " " + self._returns_words(session, grades)
        if suspended:
            text += " " + self.tr("and suspended {count}").format(count=suspended)
        self.reviewed.setText(text + ".")
        self.ratings.setText(rating_words(session.counts()))
        self.time_taken.setText(self.tr("Time taken: {time}").format(time=spoken_duration(seconds)))
        if due_now:
            when = self.tr("{count} more due now.").format(count=due_now)
        elif next_due is not None:
            when = self.tr("Next review: {date}.").format(date=next_review(next_due))
        else:
            when = self.tr("No card is scheduled yet.")
        self.next_due.setText(when)
        self.again.setVisible(due_now > 0)
