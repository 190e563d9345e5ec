"""The practice tables as exports and imports see them (migration 0006: own_card, card_text,
card_state, review_log): every row read as a value, and a merge plan's practice part written
inside the import's own transaction.

Plain SQL on the contract's table and column names, so this module needs nothing of the ORM
models. Times are written in the form SQLAlchemy writes them ("2026-03-12 19:00:00.000000"),
so stored times sort and compare as text the same way whoever wrote them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from ..practice.validity import state_problem, stored_due
from ..snapshot import (
    CardStateRecord,
    CardTextRecord,
    OwnCardRecord,
    PracticeRecords,
    ReviewRow,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


class Reads(Protocol):
    """What reading needs of the database (`Database`: imported by name it would make
    database.py, which calls `apply_practice`, import this module in a circle)."""

    def _rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]: ...


__all__ = ["NEW_CARD", "OWN_PREFIX", "apply_practice", "practice_records", "stored_time"]

OWN_PREFIX = "own-"
#: How a merge plan names an own card that the import adds: "new:" + its id in the file (the
#: id it gets here is known only once its row is written).
NEW_CARD = "new:"


def stored_time(moment: datetime | None) -> str | None:
    """A naive UTC time as the store writes it (six digits of microseconds, always)."""
    if moment is None:
        return None
    return (  # as sql_writes.stored_time writes it
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def _time(text: Any) -> datetime:
    return text if isinstance(text, datetime) else datetime.fromisoformat(text)


def _maybe_time(text: Any) -> datetime | None:
    return None if text is None else _time(text)


def _tags(text: Any) -> tuple[str, ...]:
    """Stored tags (a JSON list of text); anything else reads as none."""
    try:
        value = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _state_record(row: tuple[Any, ...]) -> CardStateRecord | None:
    """A stored card state as exports and merges see it. One FSRS cannot use (an older
    import, a hand edit; `cairn.practice.validity`) is a card never reviewed, as the scheduler
    takes it: no row, or a suspended card's row without a state, so every export imports."""
    card, due, stability, difficulty, state, step, last, reps, lapses, suspended = row
    last_review = _maybe_time(last)
    record = CardStateRecord(
        card,
        None if state is None else stored_due(_maybe_time(due), last_review),
        _float(stability),
        _float(difficulty),
        None if state is None else int(state),
        None if step is None else int(step),
        last_review,
        int(reps or 0),
        int(lapses or 0),
        bool(suspended),
    )
    if record.state is None:
        return record
    problem = state_problem(
        record.state,
        due=record.due,
        stability=record.stability,
        difficulty=record.difficulty,
        step=record.step,
        last_review=record.last_review,
    )
    if problem is None:
        return record
    if not record.suspended:
        return None
    return CardStateRecord(record.card_id, None, None, None, None, None, None, 0, 0, True)


def practice_records(database: Reads, *, with_reviews: bool = True) -> PracticeRecords:
    """Every practice row of `database`, oldest review first. Without `with_reviews` the
    review log is left out (reports that only count need not read 100,000 rows)."""
    rows = database._rows  # the store's own reader
    own = tuple(
        OwnCardRecord(f"{OWN_PREFIX}{ident}", item, prompt, answer, _tags(tags), _time(created))
        for ident, item, prompt, answer, tags, created in rows(
            "SELECT id, item_id, prompt, answer, tags, created_at FROM own_card ORDER BY id"
        )
    )
    texts = tuple(
        CardTextRecord(card, prompt, answer, _time(edited))
        for card, prompt, answer, edited in rows(
            "SELECT card_id, prompt, answer, edited_at FROM card_text ORDER BY card_id"
        )
    )
    states = tuple(
        state
        for state in map(
            _state_record,
            rows(
                "SELECT card_id, due, stability, difficulty, state, step, last_review, reps, "
                "lapses, suspended FROM card_state ORDER BY card_id"
            ),
        )
        if state is not None
    )
    reviews: tuple[ReviewRow, ...] = ()
    if with_reviews:
        parse = datetime.fromisoformat
        reviews = tuple(
            ReviewRow(card, rating, parse(at) if type(at) is str else _time(at), ms, mode)
            for card, rating, at, ms, mode in rows(
                "SELECT card_id, rating, reviewed_at, duration_ms, mode FROM review_log "
                "ORDER BY reviewed_at, id"
            )
        )
    return PracticeRecords(own, texts, states, reviews)


def apply_practice(connection: Connection, plan: Any) -> None:
    """Write a merge plan's practice part (cairn.reports.practice_merge.PracticePlan) on
    `connection`, inside the transaction the caller holds: own cards first (each found again
    by item and creation time, else added under its id in the file when that id is free here,
    else the next one, so the rows naming it by "new:…" get its id here),
    then the learner's card texts (a newer edit wins), card states (the one with the later
    last review wins; a card suspended on either side stays suspended) and the review rows
    the plan found missing here (matched on card, time and rating: imports run one at a
    time, and a review made meanwhile has a time of its own, so they are added without
    looking again, 100,000 in half a second)."""
    if plan is None or plan.empty:
        return
    from sqlalchemy import text

    ids: dict[str, str] = {}
    pending = []
    for ref, item_id, prompt, answer, tags, created_at in plan.own_cards:
        params = {"item": item_id, "at": stored_time(created_at)}
        found = connection.execute(
            text("SELECT id FROM own_card WHERE item_id = :item AND created_at = :at"), params
        ).first()
        if found is None:
            pending.append((ref, {**params, "prompt": prompt, "answer": answer, "tags": tags}))
        else:
            ids[ref] = f"{OWN_PREFIX}{found[0]}"
    # the cards whose id is free here keep it (a restore into a new folder keeps every id, so
    # "own-3" names the same card on both computers); the others get the next ones
    pending.sort(key=lambda entry: not _free(connection, _number(entry[0])))
    for ref, params in pending:
        number = _number(ref)
        result = connection.execute(
            text(
                "INSERT INTO own_card (id, item_id, prompt, answer, tags, created_at) "
                "VALUES (:id, :item, :prompt, :answer, :tags, :at)"
            ),
            {
                **params,
                "id": number if _free(connection, number) else None,
                "tags": json.dumps(list(params["tags"])),
            },
        )
        ids[ref] = f"{OWN_PREFIX}{result.lastrowid}"

    def card(ref: str) -> str:
        if ref.startswith(NEW_CARD) and ref not in ids:
            raise ValueError(f"the plan names an own card it does not add: {ref}")
        return ids.get(ref, ref)

    _execute(
        connection,
        "INSERT INTO card_text (card_id, prompt, answer, edited_at) "
        "VALUES (:card, :prompt, :answer, :at) ON CONFLICT (card_id) DO UPDATE SET "
        "prompt = excluded.prompt, answer = excluded.answer, edited_at = excluded.edited_at "
        "WHERE card_text.edited_at < excluded.edited_at",
        (
            {"card": card(ref), "prompt": prompt, "answer": answer, "at": stored_time(at)}
            for ref, prompt, answer, at in plan.texts
        ),
    )
    # Every card state write replaces the row whole (a new rowid), as the tracker's do: the
    # count and last rowid of card_state tell a reader that a state changed (`state_stamp`).
    _execute(  # the later last review wins; a suspension here is kept
        connection,
        "INSERT OR REPLACE INTO card_state (card_id, due, stability, difficulty, state, step, "
        "last_review, reps, lapses, suspended) SELECT :card, :due, :stability, :difficulty, "
        ":state, :step, :last, :reps, :lapses, :suspended OR coalesce((SELECT suspended FROM "
        "card_state WHERE card_id = :card), 0) WHERE NOT EXISTS (SELECT 1 FROM card_state "
        "WHERE card_id = :card AND NOT (:last IS NOT NULL AND (last_review IS NULL "
        "OR last_review < :last)))",
        (
            {
                "card": card(s.card_id),
                "due": stored_time(s.due),
                "stability": s.stability,
                "difficulty": s.difficulty,
                "state": s.state,
                "step": s.step,
                "last": stored_time(s.last_review),
                "reps": s.reps,
                "lapses": s.lapses,
                "suspended": s.suspended,
            }
            for s in plan.states
        ),
    )
    _execute(  # a suspension on either side is kept, whichever state won
        connection,
        "INSERT OR REPLACE INTO card_state (card_id, due, stability, difficulty, state, step, "
        "last_review, reps, lapses, suspended) SELECT card_id, due, stability, difficulty, "
        "state, step, last_review, reps, lapses, 1 FROM card_state "
        "WHERE card_id = :card AND NOT suspended",
        ({"card": card(s.card_id)} for s in plan.states if s.suspended),
    )
    _execute(
        connection,
        "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, mode) "
        "VALUES (:card, :rating, :at, :ms, :mode)",
        (
            {
                "card": card(r.card_id),
                "rating": r.rating,
                "at": stored_time(r.reviewed_at),
                "ms": r.duration_ms,
                "mode": r.mode,
            }
            for r in plan.reviews
        ),
    )


def _number(ref: str) -> int | None:
    """The number of the own card a plan adds ("new:own-3" → 3)."""
    digits = ref.removeprefix(NEW_CARD).removeprefix(OWN_PREFIX)
    return int(digits) if digits.isdigit() else None


def _free(connection: Connection, number: int | None) -> bool:
    """Whether an own card may take this number here: no own card has it and no practice row
    names it (a removed card's text, state and reviews stay, and would attach to it)."""
    if number is None:
        return False
    from sqlalchemy import text

    card = {"number": number, "card": f"{OWN_PREFIX}{number}"}
    taken = connection.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM own_card WHERE id = :number) "
            "OR EXISTS (SELECT 1 FROM card_text WHERE card_id = :card) "
            "OR EXISTS (SELECT 1 FROM card_state WHERE card_id = :card) "
            "OR EXISTS (SELECT 1 FROM review_log WHERE card_id = :card)"
        ),
        card,
    ).scalar()
    return not taken


def _execute(connection: Connection, sql: str, rows: Iterable[dict[str, Any]]) -> None:
    """One statement for many rows, handed to SQLite as it is (its named parameters), with
    nothing done per row in Python: 100,000 reviews in about a second."""
    found = list(rows)
    if found:
        connection.exec_driver_sql(sql, found)
