"""An export's practice section: read and checked whole, then planned as a merge.

Reading refuses a malformed section with the file, the field and the card it is about
("…: field 'practice.reviews[3].rating': card 'tokens-and-cost': 7 is not …"), so nothing is
imported. Planning is pure (the tracker writes the plan, cairn.store.practice_import):

- own cards are matched on their item and creation time (or item, prompt and answer as first
  written); one not here is added, under its id in the file when no row here names that id
  (so a restore into a new folder keeps every id), and the rows naming it by its id in the
  file follow it to its id here;
- the learner's wording of a card, shipped or own (an own card keeps the text it was made
  with; each later edit is an edit with its time, like a shipped card's): the newer edit
  wins (ties keep what is here);
- a card's state: the one with the later last review wins (ties keep what is here);
- a suspension is never lost: a card suspended on either side stays suspended (neither side
  keeps when it was suspended, so a later review elsewhere cannot say it was resumed);
- reviews: the union, a review being (card, time, rating); a duration over a day reads as a
  day (what the tracker keeps);
- the desired retention is taken when none is set here.

Importing a file twice, or the learner's own export, plans nothing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..practice.model import MAX_DURATION_MS
from ..practice.validity import state_problem
from ..snapshot import (
    DESIRED_RETENTION,
    CardStateRecord,
    CardTextRecord,
    OwnCardRecord,
    PracticeRecords,
    ReviewRow,
)
from ..validation import FUTURE_TOLERANCE, to_utc
from .refusal import FieldReader, ImportRefused, to_second

if TYPE_CHECKING:
    from ..snapshot import ProgressSnapshot

__all__ = [
    "NEW_CARD",
    "PRACTICE_SCHEMA",
    "PracticePlan",
    "plan_practice",
    "read_practice",
]

PRACTICE_SCHEMA = 1  # the practice section's own version (the export's schema stays 3)
NEW_CARD = "new:"  # a plan's name for an own card it adds (cairn.store.practice_import)
OWN_CARD = re.compile(r"own-[1-9][0-9]{0,17}")
CARD_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
TAG = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
MAX_TAGS = 8
MAX_PROMPT = 600
MAX_ANSWER = 2_500  # as the tracker keeps them
RATINGS = (1, 2, 3, 4)  # again, hard, good, easy
STATES = (1, 2, 3)  # fsrs.State: learning, review, relearning
MODES = ("review", "drill")
MAX_REPS = 1_000_000
RETENTION = (0.70, 0.99)
MAX_ENTRIES = 2_000_000
DUE_HORIZON = timedelta(days=36_600)  # FSRS's longest interval is 100 years


@dataclass
class PracticePlan:
    """The practice rows a merge writes. A card is named by its id here, or by
    NEW_CARD + its id in the file when it is an own card the merge adds."""

    own_cards: list[tuple[str, str, str, str, tuple[str, ...], datetime]] = field(
        default_factory=list
    )  # (NEW_CARD + id in the file, item, prompt, answer, tags, created_at)
    texts: list[tuple[str, str, str, datetime]] = field(default_factory=list)
    states: list[CardStateRecord] = field(default_factory=list)
    reviews: list[ReviewRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.own_cards or self.texts or self.states or self.reviews)

    @property
    def rows(self) -> int:
        return len(self.own_cards) + len(self.texts) + len(self.states) + len(self.reviews)


# --- reading -------------------------------------------------------------------------------------
class _CardReader(FieldReader):
    """A field reader whose refusals also name the card being read."""

    card = ""

    def fail(self, where: str, message: str) -> ImportRefused:
        if self.card:
            message = f"card {self.card!r}: {message}"
        return super().fail(where, message)


def read_practice(r: FieldReader, top: dict[str, Any]) -> dict[str, Any]:
    """The export's `practice` section as `practice` (PracticeRecords) and
    `desired_retention` (float or None); a file without one (written before practice) has
    none. Raises ImportRefused naming the file, the field and the card."""
    raw = top.get("practice")
    if raw is None:
        return {}
    cr = _CardReader(r.path, r.now)
    section = cr.obj(raw, "practice")
    schema = section.get("schema", PRACTICE_SCHEMA)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise cr.fail("practice.schema", "must be a whole number from 1")
    if schema > PRACTICE_SCHEMA:
        raise cr.fail(
            "practice.schema",
            f"is {schema}: the file was written by a newer Cairn (this one reads practice "
            f"up to {PRACTICE_SCHEMA})",
        )
    own = _own_cards(cr, section.get("own_cards"))
    records = PracticeRecords(
        own,
        _texts(cr, section.get("edits")),
        _states(cr, section.get("states")),
        _reviews(cr, section.get("reviews")),
    )
    _check_own_references(cr, records)
    return {
        "practice": records,
        "desired_retention": _retention(cr, section.get("desired_retention")),
    }


def _entries(r: _CardReader, raw: Any, where: str) -> list[Any]:
    entries = r.array(raw, where)
    if len(entries) > MAX_ENTRIES:
        raise r.fail(where, f"has {len(entries):,} entries (at most {MAX_ENTRIES:,})")
    return entries


def _card_entries(r: _CardReader, raw: Any, name: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each entry of the list `practice.<name>` as (its place, the object, its card id),
    refused at the first that is not an object with a card id."""
    for n, raw_entry in enumerate(_entries(r, raw, f"practice.{name}")):
        where = f"practice.{name}[{n}]"
        r.card = ""
        entry = r.obj(raw_entry, where)
        yield where, entry, _card_id(r, entry.get("id"), f"{where}.id")


def _card_id(r: _CardReader, value: Any, where: str) -> str:
    r.card = ""
    if not isinstance(value, str) or not CARD_ID.fullmatch(value):
        shown = repr(value[:70]) if isinstance(value, str) else f"a {type(value).__name__}"
        raise r.fail(where, f"{shown} is not a card id")
    if value.startswith("own-") and not OWN_CARD.fullmatch(value):
        raise r.fail(where, f"{value!r} is not an own card's id (own-<number>)")
    r.card = value
    return value


def _unique(r: _CardReader, card: str, seen: set[str], where: str) -> None:
    if card in seen:
        raise r.fail(where, "appears twice")
    seen.add(card)


def _card_text(r: _CardReader, value: Any, where: str, limit: int) -> str:
    text = r.text(value, where, limit=limit, empty=False)
    if not text.strip():
        raise r.fail(where, "is empty")
    return text


def _whole(r: _CardReader, value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise r.fail(where, f"{value!r} is not a whole number from {low:,} to {high:,}")
    return value


def _number(r: _CardReader, value: Any, where: str, high: float) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= high
    ):
        raise r.fail(where, f"{value!r} is not a number from 0 to {high:g}")
    return float(value)


def _due(r: _CardReader, value: Any, where: str) -> datetime:
    """A due time: months or years ahead are fine (not past FSRS's longest interval)."""
    ahead = _CardReader(r.path, r.now + DUE_HORIZON)
    ahead.card = r.card
    return ahead.time(value, where)


def _own_cards(r: _CardReader, raw: Any) -> tuple[OwnCardRecord, ...]:
    found = []
    seen: set[str] = set()
    for where, entry, card in _card_entries(r, raw, "own_cards"):
        if not OWN_CARD.fullmatch(card):
            raise r.fail(f"{where}.id", "an own card's id is own-<number>")
        _unique(r, card, seen, f"{where}.id")
        raw_tags = r.array(entry.get("tags"), f"{where}.tags")
        if len(raw_tags) > MAX_TAGS:
            raise r.fail(f"{where}.tags", f"lists {len(raw_tags)} tags (at most {MAX_TAGS})")
        tags = []
        for k, tag in enumerate(raw_tags):
            if not isinstance(tag, str) or not TAG.fullmatch(tag):
                shown = repr(tag[:40]) if isinstance(tag, str) else f"a {type(tag).__name__}"
                raise r.fail(f"{where}.tags[{k}]", f"{shown} is not a tag")
            tags.append(tag)
        found.append(
            OwnCardRecord(
                card,
                r.ident(entry.get("item"), f"{where}.item"),
                _card_text(r, entry.get("prompt"), f"{where}.prompt", MAX_PROMPT),
                _card_text(r, entry.get("answer"), f"{where}.answer", MAX_ANSWER),
                tuple(tags),
                r.time(entry.get("created_at"), f"{where}.created_at"),
            )
        )
    r.card = ""
    return tuple(found)


def _texts(r: _CardReader, raw: Any) -> tuple[CardTextRecord, ...]:
    found = []
    seen: set[str] = set()
    for where, entry, card in _card_entries(r, raw, "edits"):
        _unique(r, card, seen, f"{where}.id")
        found.append(
            CardTextRecord(
                card,
                _card_text(r, entry.get("prompt"), f"{where}.prompt", MAX_PROMPT),
                _card_text(r, entry.get("answer"), f"{where}.answer", MAX_ANSWER),
                r.time(entry.get("edited_at"), f"{where}.edited_at"),
            )
        )
    r.card = ""
    return tuple(found)


def _states(r: _CardReader, raw: Any) -> tuple[CardStateRecord, ...]:
    found = []
    seen: set[str] = set()
    for where, entry, card in _card_entries(r, raw, "states"):
        _unique(r, card, seen, f"{where}.id")
        state = entry.get("state")
        if state is not None and (isinstance(state, bool) or state not in STATES):
            raise r.fail(f"{where}.state", f"{state!r} is not 1 (learning), 2 (review), 3 or null")
        step = entry.get("step")
        last = entry.get("last_review")
        suspended = entry.get("suspended", False)
        if not isinstance(suspended, bool):
            raise r.fail(f"{where}.suspended", "must be true or false")
        if state is None:  # suspended before its first review: nothing scheduled
            unscheduled = ("due", "stability", "difficulty", "step", "last_review")
            set_anyway = [name for name in unscheduled if entry.get(name) is not None]
            if set_anyway:
                raise r.fail(
                    f"{where}.{set_anyway[0]}",
                    "must be null for a card never reviewed (state null)",
                )
        record = CardStateRecord(
            card,
            None if state is None else _due(r, entry.get("due"), f"{where}.due"),
            _number(r, entry.get("stability"), f"{where}.stability", 1e6),
            _number(r, entry.get("difficulty"), f"{where}.difficulty", 10.0),
            state,
            None if step is None else _whole(r, step, f"{where}.step", 0, 1000),
            None if last is None else r.time(last, f"{where}.last_review"),
            _whole(r, entry.get("reps", 0), f"{where}.reps", 0, MAX_REPS),
            _whole(r, entry.get("lapses", 0), f"{where}.lapses", 0, MAX_REPS),
            suspended,
        )
        if state is not None:  # a reviewed card: a state FSRS can schedule from
            problem = state_problem(
                state,
                due=record.due,
                stability=record.stability,
                difficulty=record.difficulty,
                step=record.step,
                last_review=record.last_review,
            )
            if problem is not None:
                raise r.fail(f"{where}.{problem[0]}", problem[1])
        found.append(record)
    r.card = ""
    return tuple(found)


_EXPORT_TIME = re.compile(r"2\d{3}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def _review_time(r: _CardReader, value: Any, where: str, latest: datetime) -> datetime:
    """A review's time: the form Cairn writes is read directly (100,000 of them), anything
    else through the reader's checks (the same answer, or the refusal in words)."""
    if type(value) is str and _EXPORT_TIME.fullmatch(value):
        try:
            moment = datetime.fromisoformat(value[:-1])
        except ValueError:
            pass  # not a real day: the reader says so
        else:
            if moment <= latest:
                return moment
    return r.time(value, where)


def _reviews(r: _CardReader, raw: Any) -> tuple[ReviewRow, ...]:
    latest = to_utc(r.now) + FUTURE_TOLERANCE
    found = []
    for where, entry, card in _card_entries(r, raw, "reviews"):
        rating = entry.get("rating")
        if isinstance(rating, bool) or rating not in RATINGS:
            raise r.fail(
                f"{where}.rating", f"{rating!r} is not 1 (again), 2 (hard), 3 (good) or 4 (easy)"
            )
        ms = entry.get("duration_ms")
        mode = entry.get("mode", "review")
        found.append(
            ReviewRow(
                card,
                rating,
                _review_time(r, entry.get("at"), f"{where}.at", latest),
                None if ms is None else _duration(r, ms, f"{where}.duration_ms"),
                r.choice(mode, f"{where}.mode", MODES),
            )
        )
    r.card = ""
    return tuple(found)


def _duration(r: _CardReader, value: Any, where: str) -> int:
    """A review's duration in whole milliseconds; one over a day is kept as a day (a card
    left on screen overnight: the rating is what counts)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise r.fail(where, f"{value!r} is not a whole number of milliseconds")
    return min(value, MAX_DURATION_MS)


def _check_own_references(r: _CardReader, records: PracticeRecords) -> None:
    """Every own card that an edit, state or review names is one the file holds."""
    own = {c.card_id for c in records.own_cards}
    named: tuple[tuple[str, list[str]], ...] = (
        ("edits", [t.card_id for t in records.texts]),
        ("states", [s.card_id for s in records.states]),
        ("reviews", [x.card_id for x in records.reviews]),
    )
    for name, cards in named:
        for n, card in enumerate(cards):
            if card.startswith("own-") and card not in own:
                r.card = card
                raise r.fail(f"practice.{name}[{n}].id", "is an own card the file does not hold")
    r.card = ""


def _retention(r: _CardReader, value: Any) -> float | None:
    if value is None:
        return None
    low, high = RETENTION
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise r.fail("practice.desired_retention", f"{value!r} is not from {low} to {high}")
    return float(value)


# --- planning ------------------------------------------------------------------------------------
def _newer(incoming: datetime, here: datetime) -> bool:
    """An incoming time later than ours (one with no fraction of a second is compared to the
    second, as everywhere in a merge); ties keep ours."""
    return incoming > (here if incoming.microsecond else to_second(here))


def plan_practice(
    snapshot: ProgressSnapshot, incoming: PracticeRecords, desired_retention: float | None
) -> tuple[PracticePlan, dict[str, Any]]:
    """What merging an export's practice rows into `snapshot` writes, and the settings it
    takes (the desired retention, when none is set here)."""
    here = snapshot.practice
    plan = PracticePlan()
    local = _own_card_ids(plan, here, incoming)
    texts = {t.card_id: t for t in here.texts}
    for t in incoming.texts:
        card = local.get(t.card_id, t.card_id)
        mine = texts.get(card)
        if mine is None or (
            _newer(t.edited_at, mine.edited_at)
            and (mine.prompt, mine.answer) != (t.prompt, t.answer)
        ):
            plan.texts.append((card, t.prompt, t.answer, t.edited_at))
    states = {s.card_id: s for s in here.states}
    for s in incoming.states:
        card = local.get(s.card_id, s.card_id)
        ours = states.get(card)
        if ours is None:
            plan.states.append(_renamed(s, card))
        elif s.last_review is not None and (
            ours.last_review is None or _newer(s.last_review, ours.last_review)
        ):  # the later review wins, keeping a suspension here
            plan.states.append(replace(s, card_id=card, suspended=s.suspended or ours.suspended))
        elif s.suspended and not ours.suspended:  # ours wins, suspended there
            plan.states.append(replace(ours, suspended=True))
    have = Counter((r.card_id, r.reviewed_at, r.rating) for r in here.reviews)
    for review in incoming.reviews:
        card = local.get(review.card_id, review.card_id)
        key = (card, review.reviewed_at, review.rating)
        if have[key] > 0:
            have[key] -= 1
        else:
            plan.reviews.append(_renamed(review, card))
    settings: dict[str, Any] = {}
    if desired_retention is not None and snapshot.settings.get(DESIRED_RETENTION) is None:
        settings[DESIRED_RETENTION] = desired_retention
    return plan, settings


def _own_card_ids(
    plan: PracticePlan, here: PracticeRecords, incoming: PracticeRecords
) -> dict[str, str]:
    """Each own card of the file → its id here or NEW_CARD + its id in the file, added to the
    plan. A card here made on the same item at the same moment is the same card, and so is
    one with the same item, prompt and answer (a card removed and put back has a new time)."""
    made = {(c.item_id, c.created_at): c.card_id for c in here.own_cards}
    same = {(c.item_id, c.prompt, c.answer): c.card_id for c in here.own_cards}
    local: dict[str, str] = {}
    for c in incoming.own_cards:
        text = (c.item_id, c.prompt, c.answer)
        found = made.get((c.item_id, c.created_at)) or same.get(text)
        if found is None:
            found = NEW_CARD + c.card_id
            plan.own_cards.append((found, c.item_id, c.prompt, c.answer, c.tags, c.created_at))
        made.setdefault((c.item_id, c.created_at), found)
        same.setdefault(text, found)
        local[c.card_id] = found
    return local


def _renamed(row: Any, card: str) -> Any:
    """A state or review naming `card` (the same row when it already does)."""
    if row.card_id == card:
        return row
    if isinstance(row, ReviewRow):
        return row._replace(card_id=card)
    return replace(row, card_id=card)
