"""Practice rows in plain SQL: the learner's own cards, their versions of card texts, each
card's FSRS state (and whether it is suspended) and the review log (tables of migration 0006,
models in models.py).

Reads go through the database's reader and return the values of `cairn.practice.model`. Each
write is one transaction begun IMMEDIATE on a writer connection (`sql_writes`), reads the old
value inside it and commits everything or nothing; times are stored as SQLAlchemy stores them.
A grade reaches a review in no more than a stdlib `sqlite3` call: no ORM import."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from ..content.model import OWN_CARD_PREFIX, Card
from ..practice.model import CardState, ReviewRecord
from ..practice.validity import stored_due
from .database import Database, _guarded, read_stored_time
from .sql_writes import SqlDatabase, _immediate, open_writer, stored_time

P = ParamSpec("P")
R = TypeVar("R")
_STATE_COLUMNS = "card_id, due, stability, difficulty, state, step, last_review, reps, lapses"


def own_card_id(number: int) -> str:
    return f"{OWN_CARD_PREFIX}{number}"


def own_card_number(card_id: str) -> int | None:
    """The row id of an own card's id ("own-7" → 7), None for any other id."""
    digits = card_id.removeprefix(OWN_CARD_PREFIX)
    if digits == card_id or not digits.isdigit() or digits.startswith("0"):
        return None
    return int(digits)


# --- reads --------------------------------------------------------------------------------------
def _state(row: Sequence[Any]) -> CardState:
    card_id, due, stability, difficulty, state, step, last_review, reps, lapses = row
    last = read_stored_time(last_review) if last_review is not None else None
    return CardState(
        card_id,
        stored_due(read_stored_time(due) if due is not None else None, last),
        stability,
        difficulty,
        state,
        step,
        last,
        reps,
        lapses,
    )


def _tags(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _own(row: Sequence[Any]) -> Card:
    number, item_id, prompt, answer, tags = row
    return Card(own_card_id(number), item_id, prompt, answer, _tags(tags), own=True)


def own_cards(database: Database) -> list[Card]:
    """The learner's own cards, oldest first."""
    rows = database._rows("SELECT id, item_id, prompt, answer, tags FROM own_card ORDER BY id")
    return [_own(row) for row in rows]


def own_card(database: Database, card_id: str) -> Card | None:
    number = own_card_number(card_id)
    if number is None:
        return None
    rows = database._rows(
        "SELECT id, item_id, prompt, answer, tags FROM own_card WHERE id = ?", number
    )
    return _own(rows[0]) if rows else None


def card_texts(database: Database) -> dict[str, tuple[str, str]]:
    """The learner's versions of card texts (shipped and own): card id → (prompt, answer)."""
    rows = database._rows("SELECT card_id, prompt, answer FROM card_text")
    return {card_id: (prompt, answer) for card_id, prompt, answer in rows}


def _states(rows: Sequence[Sequence[Any]]) -> tuple[dict[str, CardState], set[str]]:
    states = {row[0]: _state(row[:-1]) for row in rows if row[4] is not None}
    return states, {row[0] for row in rows if row[-1]}


def card_states(database: Database) -> tuple[dict[str, CardState], set[str]]:
    """Every reviewed card's state, and the ids of suspended cards: one read."""
    return _states(database._rows(f"SELECT {_STATE_COLUMNS}, suspended FROM card_state"))


_CHUNK = 500  # ids per `IN (…)`: far below SQLite's limit on parameters


def _by_ids(database: Database, sql: str, card_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The rows of `sql` (ending "WHERE card_id IN ({})") for these cards."""
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(card_ids), _CHUNK):
        chunk = card_ids[start : start + _CHUNK]
        found += database._rows(sql.format(", ".join("?" * len(chunk))), *chunk)
    return found


def states_of(database: Database, card_ids: Sequence[str]) -> tuple[dict[str, CardState], set[str]]:
    """`card_states` of these cards only."""
    sql = f"SELECT {_STATE_COLUMNS}, suspended FROM card_state WHERE card_id IN ({{}})"
    return _states(_by_ids(database, sql, card_ids))


def card_texts_of(database: Database, card_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """`card_texts` of these cards only."""
    sql = "SELECT card_id, prompt, answer FROM card_text WHERE card_id IN ({})"
    return {
        card_id: (prompt, answer) for card_id, prompt, answer in _by_ids(database, sql, card_ids)
    }


def own_cards_of_item(database: Database, item_id: str) -> list[Card]:
    """The learner's own cards on one item, oldest first."""
    rows = database._rows(
        "SELECT id, item_id, prompt, answer, tags FROM own_card WHERE item_id = ? ORDER BY id",
        item_id,
    )
    return [_own(row) for row in rows]


def due_order(
    database: Database, after: datetime | None, offset: int, limit: int
) -> list[tuple[str, datetime]]:
    """Reviewed, unsuspended cards by due time, earliest first (one page of them: `limit`
    from `offset`), only those due after `after` when given: (card id, due)."""
    if after is None:
        rows = database._rows(
            "SELECT card_id, due, last_review FROM card_state "
            "WHERE state IS NOT NULL AND NOT suspended ORDER BY due LIMIT ? OFFSET ?",
            limit,
            offset,
        )
    else:
        rows = database._rows(
            "SELECT card_id, due, last_review FROM card_state "
            "WHERE due > ? AND state IS NOT NULL AND NOT suspended ORDER BY due LIMIT ? OFFSET ?",
            stored_time(after),
            limit,
            offset,
        )
    return [
        (
            card_id,
            stored_due(
                read_stored_time(due) if due is not None else None,
                read_stored_time(last) if last is not None else None,
            ),
        )
        for card_id, due, last in rows
    ]


def state_of(database: Database, card_id: str) -> tuple[CardState | None, bool]:
    """One card's state (None: never reviewed) and whether it is suspended."""
    rows = database._rows(
        f"SELECT {_STATE_COLUMNS}, suspended FROM card_state WHERE card_id = ?", card_id
    )
    if not rows:
        return None, False
    row = rows[0]
    return (_state(row[:-1]) if row[4] is not None else None), bool(row[-1])


def due_states(database: Database, now: datetime) -> list[CardState]:
    """Reviewed, unsuspended cards due by `now`, earliest first (through the due index)."""
    rows = database._rows(
        f"SELECT {_STATE_COLUMNS} FROM card_state "
        "WHERE (due <= ? OR due IS NULL) AND state IS NOT NULL AND NOT suspended ORDER BY due",
        stored_time(now),
    )
    return [_state(row) for row in rows]


def due_ids(database: Database, now: datetime) -> list[str]:
    """The ids `due_states` would read, without reading the states."""
    rows = database._rows(
        "SELECT card_id FROM card_state "
        "WHERE (due <= ? OR due IS NULL) AND state IS NOT NULL AND NOT suspended",
        stored_time(now),
    )
    return [row[0] for row in rows]


def state_stamp(database: Database) -> tuple[object, ...]:
    """What changes with every card state write (a row is replaced whole, so its rowid grows;
    a removed row lowers the count): the key of the held ids read below."""
    return tuple(database._rows("SELECT count(*), max(rowid) FROM card_state")[0])


def held_ids(database: Database) -> set[str]:
    """Cards that are not new to review: reviewed or suspended."""
    rows = database._rows("SELECT card_id FROM card_state WHERE state IS NOT NULL OR suspended")
    return {row[0] for row in rows}


def new_cards_since(database: Database, start: datetime) -> int:
    """Cards the daily review started at or after `start` (new cards started today): their
    first review ever was then, in mode "review". A card first met in an interview drill
    uses none of the day's new cards."""
    rows = database._rows(
        "SELECT count(DISTINCT card_id) FROM review_log AS r WHERE reviewed_at >= ? "
        "AND mode = 'review' AND NOT EXISTS (SELECT 1 FROM review_log AS p "
        "WHERE p.card_id = r.card_id AND (p.reviewed_at < r.reviewed_at "
        "OR (p.reviewed_at = r.reviewed_at AND p.id < r.id)))",
        stored_time(start),
    )
    return int(rows[0][0])


def reviews(database: Database, card_id: str | None = None) -> list[ReviewRecord]:
    """The review log (or one card's), oldest first."""
    sql = "SELECT id, card_id, rating, reviewed_at, duration_ms, mode FROM review_log"
    rows = (
        database._rows(sql + " WHERE card_id = ? ORDER BY reviewed_at, id", card_id)
        if card_id is not None
        else database._rows(sql + " ORDER BY reviewed_at, id")
    )
    return [
        ReviewRecord(rid, cid, rating, read_stored_time(at), duration, mode)
        for rid, cid, rating, at, duration, mode in rows
    ]


def practice_rows_text(database: Database) -> tuple[object, ...]:
    """Everything the learner did in practice, as stored (row ids of own cards kept: they
    are the cards' ids), for telling whether anything changed: own cards, card texts, card
    states, and the review log's count, latest time and rating total."""
    return (
        database._rows("SELECT id, item_id, prompt, answer, tags FROM own_card ORDER BY id"),
        database._rows("SELECT card_id, prompt, answer FROM card_text ORDER BY card_id"),
        database._rows(f"SELECT {_STATE_COLUMNS}, suspended FROM card_state ORDER BY card_id"),
        database._rows("SELECT count(*), max(reviewed_at), total(rating) FROM review_log"),
    )


def practice_stamp(database: Database) -> tuple[object, ...]:
    """A few aggregates that change with every practice write (a card state row is replaced
    whole, so its rowid grows): cheap enough to read on every reload, at any size."""
    return (
        *database._rows("SELECT count(*), max(rowid) FROM card_state")[0],
        *database._rows("SELECT max(id) FROM review_log")[0],
        *database._rows(
            "SELECT count(*), max(id), total(length(prompt) + length(answer) + length(tags)) "
            "FROM own_card"
        )[0],
        *database._rows(
            "SELECT count(*), max(edited_at), total(length(prompt) + length(answer)) FROM card_text"
        )[0],
    )


# --- writes -------------------------------------------------------------------------------------
def _saving(write: Callable[Concatenate[Database, P], R]) -> Callable[Concatenate[Database, P], R]:
    """`Database`'s write guard (the same file still; failures in words), keeping the types."""
    return cast(Callable[Concatenate[Database, P], R], _guarded(write))


@contextlib.contextmanager
def _transaction(database: Database) -> Iterator[sqlite3.Connection]:
    """One IMMEDIATE transaction on the database's writer connection (a connection of its own
    for a database opened without one)."""
    if isinstance(database, SqlDatabase):
        with database._writer_lock:
            connection = database._writing()
            with _immediate(connection):
                yield connection
        return
    connection = open_writer(database.path)
    try:
        with _immediate(connection):
            yield connection
    finally:
        connection.close()


def _read_state(connection: sqlite3.Connection, card_id: str) -> tuple[CardState | None, bool]:
    row = connection.execute(
        f"SELECT {_STATE_COLUMNS}, suspended FROM card_state WHERE card_id = ?", (card_id,)
    ).fetchone()
    if row is None:
        return None, False
    return (_state(row[:-1]) if row[4] is not None else None), bool(row[-1])


def _put_state(
    connection: sqlite3.Connection, card_id: str, state: CardState | None, suspended: bool
) -> None:
    """Store a card's state and flag; a new card that is not suspended keeps no row."""
    if state is None and not suspended:
        connection.execute("DELETE FROM card_state WHERE card_id = ?", (card_id,))
        return
    values: tuple[Any, ...] = (
        (None, None, None, None, None, None, 0, 0)
        if state is None
        else (
            stored_time(state.due),
            state.stability,
            state.difficulty,
            state.state,
            state.step,
            stored_time(state.last_review) if state.last_review is not None else None,
            state.reps,
            state.lapses,
        )
    )
    connection.execute(
        f"INSERT OR REPLACE INTO card_state ({_STATE_COLUMNS}, suspended) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (card_id, *values, int(suspended)),
    )


@_saving
def write_grade(
    database: Database,
    card_id: str,
    make: Callable[[CardState | None], CardState],
    rating: int,
    at: datetime,
    duration_ms: int | None,
    mode: str,
) -> tuple[CardState | None, CardState, int]:
    """Grade a card in one transaction: its state as held (read inside it) becomes
    `make(state)`, and a review row is added. Returns (old, new, the review's row id)."""
    with _transaction(database) as connection:
        old, suspended = _read_state(connection, card_id)
        new = make(old)
        _put_state(connection, card_id, new, suspended)
        cursor = connection.execute(
            "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, mode) "
            "VALUES (?, ?, ?, ?, ?)",
            (card_id, rating, stored_time(at), duration_ms, mode),
        )
        return old, new, int(cursor.lastrowid or 0)


@_saving
def undo_grade(
    database: Database, card_id: str, graded: CardState, restore: CardState | None
) -> bool:
    """Undo the review that left `graded`: in one transaction, unless the card's state is no
    longer `graded` (False, nothing changed), delete that review's row and store `restore`."""
    with _transaction(database) as connection:
        held, suspended = _read_state(connection, card_id)
        if held != graded or graded.last_review is None:
            return False
        row = connection.execute(
            "SELECT id FROM review_log WHERE card_id = ? AND reviewed_at = ? "
            "ORDER BY id DESC LIMIT 1",
            (card_id, stored_time(graded.last_review)),
        ).fetchone()
        if row is not None:
            connection.execute("DELETE FROM review_log WHERE id = ?", (row[0],))
        _put_state(connection, card_id, restore, suspended)
        return True


@_saving
def write_suspended(database: Database, card_id: str, suspended: bool) -> bool:
    """Suspend (or resume) a card; return whether it was suspended (read inside the write)."""
    with _transaction(database) as connection:
        state, was = _read_state(connection, card_id)
        if was != suspended:
            _put_state(connection, card_id, state, suspended)
        return was


@_saving
def insert_own_card(
    database: Database,
    item_id: str,
    prompt: str,
    answer: str,
    tags: Sequence[str],
    at: datetime,
    number: int | None = None,
) -> int | None:
    """Add an own card and return its row id; `number` puts a removed card back under its
    own id (None, nothing changed, when that id is taken)."""
    with _transaction(database) as connection:
        if number is not None:
            taken = connection.execute("SELECT 1 FROM own_card WHERE id = ?", (number,))
            if taken.fetchone() is not None:
                return None
        cursor = connection.execute(
            "INSERT INTO own_card (id, item_id, prompt, answer, tags, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (number, item_id, prompt, answer, json.dumps(list(tags)), stored_time(at)),
        )
        return int(cursor.lastrowid or 0)


@_saving
def delete_own_card(database: Database, number: int) -> Card | None:
    """Remove an own card (its state and reviews stay, as a retired card's do); return it as
    it was held, or None when there is no such card."""
    with _transaction(database) as connection:
        row = connection.execute(
            "SELECT id, item_id, prompt, answer, tags FROM own_card WHERE id = ?", (number,)
        ).fetchone()
        if row is None:
            return None
        connection.execute("DELETE FROM own_card WHERE id = ?", (number,))
        return _own(row)


@_saving
def write_card_text(
    database: Database, card_id: str, text: tuple[str, str] | None, at: datetime
) -> tuple[str, str] | None:
    """Keep the learner's version of a card's text, shipped or own, with the time it was
    written (None: back to the card's own); return the version held before (None: none)."""
    with _transaction(database) as connection:
        row = connection.execute(
            "SELECT prompt, answer FROM card_text WHERE card_id = ?", (card_id,)
        ).fetchone()
        old = (row[0], row[1]) if row is not None else None
        if text is None:
            connection.execute("DELETE FROM card_text WHERE card_id = ?", (card_id,))
        elif old != text:
            connection.execute(
                "INSERT OR REPLACE INTO card_text (card_id, prompt, answer, edited_at) "
                "VALUES (?, ?, ?, ?)",
                (card_id, *text, stored_time(at)),
            )
        return old
