"""The practice tables (migration 0006): each write is one transaction that reads the old value
inside it, rows refer to cards by id only, and backups carry them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.practice.scheduling import grade
from cairn.store import Database
from cairn.store import practice as rows
from cairn.store.backup import backup_to
from cairn.store.opening import open_database

NOW = datetime(2026, 3, 12, 19, 0)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "data", tmp_path / "data" / "backups")
    yield opened.database
    opened.close()


def _grade(database: Database, card_id: str, rating: int, at: datetime) -> int:
    _old, _new, review = rows.write_grade(
        database, card_id, lambda old: grade(old, card_id, rating, at), rating, at, 1500, "review"
    )
    return review


def test_a_grade_stores_the_state_and_a_review_row(database: Database) -> None:
    old, new, review = rows.write_grade(
        database, "c1", lambda old: grade(old, "c1", 3, NOW), 3, NOW, 1500, "review"
    )
    assert old is None and new.last_review == NOW
    assert rows.state_of(database, "c1") == (new, False)
    [record] = rows.reviews(database)
    assert (record.id, record.card_id, record.rating, record.reviewed_at) == (review, "c1", 3, NOW)
    assert (record.duration_ms, record.mode, record.rating_name) == (1500, "review", "good")
    assert rows.card_states(database) == ({"c1": new}, set())


def test_undo_restores_the_state_and_deletes_only_that_review(database: Database) -> None:
    _grade(database, "c1", 4, NOW)
    first, _ = rows.state_of(database, "c1")
    later = NOW + timedelta(days=8)
    _grade(database, "c1", 3, later)
    second, _ = rows.state_of(database, "c1")
    assert first is not None and second is not None
    assert not rows.undo_grade(database, "c1", first, None)  # not the state held: refused
    assert len(rows.reviews(database, "c1")) == 2
    assert rows.undo_grade(database, "c1", second, first)
    assert rows.state_of(database, "c1") == (first, False)
    assert [r.reviewed_at for r in rows.reviews(database, "c1")] == [NOW]
    assert rows.undo_grade(database, "c1", first, None)
    assert rows.state_of(database, "c1") == (None, False) and rows.reviews(database) == []


def test_a_suspended_new_card_keeps_a_row_without_a_state(database: Database) -> None:
    assert rows.write_suspended(database, "fresh", True) is False
    assert rows.state_of(database, "fresh") == (None, True)
    assert rows.card_states(database) == ({}, {"fresh"})
    assert rows.held_ids(database) == {"fresh"}
    _grade(database, "fresh", 3, NOW)  # graded while suspended: stays suspended
    state, suspended = rows.state_of(database, "fresh")
    assert state is not None and suspended
    assert rows.due_states(database, NOW + timedelta(days=400)) == []
    assert rows.write_suspended(database, "fresh", False) is True
    assert [s.card_id for s in rows.due_states(database, NOW + timedelta(days=400))] == ["fresh"]


def test_resuming_a_new_card_leaves_no_row(database: Database, tmp_path: Path) -> None:
    rows.write_suspended(database, "fresh", True)
    rows.write_suspended(database, "fresh", False)
    with closing(sqlite3.connect(database.path)) as conn:
        assert conn.execute("SELECT count(*) FROM card_state").fetchone() == (0,)


def test_new_cards_are_counted_by_their_first_review(database: Database) -> None:
    _grade(database, "old", 3, NOW - timedelta(days=1))
    _grade(database, "old", 3, NOW + timedelta(hours=1))  # not new today: reviewed yesterday
    _grade(database, "a", 1, NOW)
    _grade(database, "a", 3, NOW + timedelta(minutes=1))
    _grade(database, "b", 4, NOW + timedelta(hours=2))
    start = datetime(2026, 3, 12)
    assert rows.new_cards_since(database, start) == 2
    assert rows.new_cards_since(database, start + timedelta(days=1)) == 0


def test_a_card_first_met_in_a_drill_is_not_a_new_card_of_the_daily_review(
    database: Database,
) -> None:
    rows.write_grade(database, "d", lambda old: grade(old, "d", 3, NOW), 3, NOW, None, "drill")
    assert rows.new_cards_since(database, datetime(2026, 3, 12)) == 0
    _grade(database, "d", 3, NOW + timedelta(minutes=10))  # then reviewed: still not new
    assert rows.new_cards_since(database, datetime(2026, 3, 12)) == 0
    _grade(database, "r", 3, NOW + timedelta(minutes=20))  # started by the daily review
    assert rows.new_cards_since(database, datetime(2026, 3, 12)) == 1


def test_own_card_ids_are_never_reused_and_a_removed_one_comes_back_under_its_id(
    database: Database,
) -> None:
    first = rows.insert_own_card(database, "item-a", "P1", "A1", ["t"], NOW)
    second = rows.insert_own_card(database, "item-a", "P2", "A2", [], NOW)
    assert (first, second) == (1, 2)
    removed = rows.delete_own_card(database, 2)
    assert removed is not None and removed.id == "own-2" and removed.own
    assert rows.insert_own_card(database, "item-b", "P3", "A3", [], NOW) == 3
    assert rows.insert_own_card(database, "item-a", "P2", "A2", [], NOW, number=3) is None
    assert rows.insert_own_card(database, "item-a", "P2", "A2", [], NOW, number=2) == 2
    assert [c.id for c in rows.own_cards(database)] == ["own-1", "own-2", "own-3"]
    assert rows.own_card(database, "own-1") == rows.own_cards(database)[0]
    assert rows.own_cards(database)[0].tags == ("t",)
    assert rows.delete_own_card(database, 99) is None
    # an own card's later wording is kept beside it, with its time (the row keeps the first)
    assert rows.write_card_text(database, "own-1", ("P1'", "A1'"), NOW) is None
    assert rows.card_texts_of(database, ["own-1"]) == {"own-1": ("P1'", "A1'")}
    assert rows.own_card(database, "own-1") == rows.own_cards(database)[0]
    assert rows.own_cards(database)[0].prompt == "P1"


@pytest.mark.parametrize(
    ("card_id", "number"),
    [("own-7", 7), ("own-07", None), ("own-", None), ("own-x", None), ("owned", None), ("7", None)],
)
def test_own_card_ids_read_back_to_their_row(card_id: str, number: int | None) -> None:
    assert rows.own_card_number(card_id) == number


def test_card_texts_are_kept_and_restored(database: Database) -> None:
    assert rows.write_card_text(database, "s1", ("P", "A"), NOW) is None
    assert rows.write_card_text(database, "s1", ("P2", "A2"), NOW) == ("P", "A")
    assert rows.card_texts(database) == {"s1": ("P2", "A2")}
    assert rows.write_card_text(database, "s1", None, NOW) == ("P2", "A2")
    assert rows.card_texts(database) == {}


def test_a_backup_holds_the_review_rows(database: Database, tmp_path: Path) -> None:
    _grade(database, "c1", 3, NOW)
    _grade(database, "c1", 3, NOW + timedelta(minutes=10))
    rows.insert_own_card(database, "item-a", "P", "A", [], NOW)
    copy = backup_to(database.path, tmp_path / "backups", reason="test")
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT card_id, rating FROM review_log ORDER BY id").fetchall() == [
            ("c1", 3),
            ("c1", 3),
        ]
        assert conn.execute("SELECT count(*) FROM card_state").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM own_card").fetchone() == (1,)


def test_a_plain_database_writes_practice_rows_too(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "plain.sqlite3", tmp_path / "backups")
    try:
        _grade(database, "c1", 3, NOW)
        assert len(rows.reviews(database)) == 1
    finally:
        database.close()
