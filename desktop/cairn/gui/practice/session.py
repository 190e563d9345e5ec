"""What a review or a drill has done so far, as plain values (no Qt): the queue of cards, the
steps taken (each grade or suspension, with the tracker's Change so an undo can be matched),
and the figures of the summary. The widgets keep one of these and draw it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...practice import PracticeCard

GRADE, SUSPEND = "grade", "suspend"


@dataclass
class Step:
    """One thing done to a card in a session: a grade (rating 1–4) or a suspension."""

    kind: str
    card_id: str
    change: Any  # the tracker's Change
    rating: int = 0
    seconds: float = 0.0
    requeued: bool = False  # "Again": the card comes back at the end of the session
    rubric: tuple[int, int] = (0, 0)  # drill: points ticked, points in all
    typed: str = ""  # drill: the answer typed
    marks: tuple[bool, ...] = ()  # drill: which rubric points were ticked
    index: int = -1  # where the card stood in the queue when the step was taken


@dataclass
class Session:
    """A queue of card ids worked through in order; `steps` say what was done to each.
    Cards in `out` (their item is no longer done, or the card is gone) are passed over
    while they are out, and come back in their place when they return."""

    queue: list[str]
    started: float  # monotonic seconds
    position: int = 0
    steps: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)  # steps taken back, for a redo
    out: set[str] = field(default_factory=set)

    def _index(self) -> int:
        """Where the card shown stands in the queue (the queue's length once done)."""
        index = self.position
        while index < len(self.queue) and self.queue[index] in self.out:
            index += 1
        return index

    @property
    def current(self) -> str:
        """The card shown ('' once the queue is done)."""
        index = self._index()
        return self.queue[index] if index < len(self.queue) else ""

    @property
    def finished(self) -> bool:
        return self._index() >= len(self.queue)

    @property
    def remaining(self) -> int:
        """Cards left, the one shown included (cards left out not counted)."""
        return sum(1 for card_id in self.queue[self.position :] if card_id not in self.out)

    @property
    def done(self) -> int:
        """Cards worked through so far (each grade or suspension)."""
        return len(self.steps)

    def record(self, step: Step, *, again: bool = False) -> None:
        """The card shown was graded or suspended; move on. A card graded Again comes back
        at the end; a suspended card leaves the rest of the queue."""
        index = self._index()
        step.index = index
        if step.kind == SUSPEND:
            rest = [c for c in self.queue[index + 1 :] if c != step.card_id]
            self.queue[index + 1 :] = rest
        if again:
            self.queue.append(step.card_id)
            step.requeued = True
        self.steps.append(step)
        self.undone.clear()
        self.position = index + 1

    def take_back(self) -> Step | None:
        """The last step was undone: show its card again (a requeued copy leaves the queue).
        The place goes back to just after the step before, so cards passed over while they
        were out come back too once they are in again."""
        if not self.steps:
            return None
        step = self.steps.pop()
        index = step.index if step.index >= 0 else self.position - 1
        if step.requeued:
            later = [n for n in range(index + 1, len(self.queue)) if self.queue[n] == step.card_id]
            if later:
                del self.queue[later[-1]]
        if not self.steps:
            self.position = 0
        elif self.steps[-1].index >= 0:
            self.position = self.steps[-1].index + 1
        else:
            self.position = index
        self.undone.append(step)
        return step

    def redone(self, change: Any) -> Step | None:
        """A step taken back was made again (Edit → Redo): move on as before."""
        if not self.undone or self.undone[-1].card_id != self.current:
            return None
        step = self.undone.pop()
        step.change = change
        undone = self.undone[:]
        self.record(step, again=step.requeued)
        self.undone = undone
        return step

    def grades(self) -> list[Step]:
        return [s for s in self.steps if s.kind == GRADE]

    def counts(self) -> Counter[int]:
        """How many grades of each rating (1–4)."""
        return Counter(s.rating for s in self.grades())

    def cards_reviewed(self) -> int:
        """Distinct cards graded at least once."""
        return len({s.card_id for s in self.grades()})


def is_undo_of(step: Step, change: Any) -> bool:
    """Whether `change` takes `step` back (its card, put back as it was before)."""
    if not change.ids or change.ids[0] != step.card_id:
        return False
    if step.kind == GRADE:
        return bool(change.kind == "card" and change.new == step.change.old)
    return bool(change.kind == "card_suspended" and not change.new)


def is_redo_of(step: Step, change: Any) -> bool:
    """Whether `change` makes a step taken back again."""
    if not change.ids or change.ids[0] != step.card_id:
        return False
    if step.kind == GRADE:
        return bool(change.kind == "card" and change.new is not None)
    return bool(change.kind == "card_suspended" and change.new)


def draw_drill(cards: Sequence[PracticeCard], minutes: int, now: datetime) -> list[PracticeCard]:
    """Drill cards for a session of about `minutes`: unlocked and not suspended; those due
    first (oldest due first), then never practised, then the rest (soonest due first); as
    many as fit in the time (at least one)."""
    usable = [c for c in cards if c.unlocked and not c.suspended]

    def order(card: PracticeCard) -> tuple[int, datetime]:
        due = card.due
        if card.state is None or due is None:
            return (1, now)
        return (0, due) if due <= now else (2, due)

    ranked = sorted(usable, key=order)  # stable: new cards keep the curriculum's order
    drawn: list[PracticeCard] = []
    total = 0
    for card in ranked:
        need = max(1, card.card.minutes)
        if total + need > minutes:
            continue
        drawn.append(card)
        total += need
    if not drawn and ranked:
        drawn.append(ranked[0])
    return drawn
