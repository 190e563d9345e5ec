"""Nothing is left open: a tracker closes at the end of a with-block, and an open that fails
halfway closes the SQLite connections it had already made (on Python 3.13 an unclosed one is a
ResourceWarning, and the suite runs with warnings as errors)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cairn.store import database
from cairn.store.errors import StoreError
from cairn.tracker import Tracker


def _closed(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[sqlite3.Connection]]:
    """Every SQLite connection made during the test (all closed again afterwards)."""
    made: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def recording(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        made.append(connection)
        return connection

    monkeypatch.setattr(sqlite3, "connect", recording)
    yield made
    for connection in made:
        connection.close()


def test_a_tracker_in_a_with_block_is_closed_after_it_and_keeps_what_was_saved(
    data_dir: Path, small_pack: Path
) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("write-hello", "done")
    with pytest.raises(StoreError, match="is closed") as closed:
        t.reload()
    assert str(data_dir / "cairn.sqlite3") in str(closed.value)
    with Tracker.open(data_dir, small_pack) as again:
        assert again.status("write-hello") == "done"


def test_a_with_block_that_fails_still_closes_the_tracker(
    data_dir: Path, small_pack: Path, opened: list[sqlite3.Connection]
) -> None:
    with pytest.raises(RuntimeError, match="halfway"), Tracker.open(data_dir, small_pack) as t:
        t.set_status("write-hello", "doing")
        raise RuntimeError("halfway")
    assert opened and all(_closed(c) for c in opened)
    with Tracker.open(data_dir, small_pack) as again:  # the folder is free again
        assert again.status("write-hello") == "doing"


def test_a_progress_file_that_cannot_be_set_up_is_refused_and_left_closed_and_unchanged(
    data_dir: Path,
    small_pack: Path,
    opened: list[sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Tracker.open(data_dir, small_pack) as t:
        t.set_status("write-hello", "done")
    path = data_dir / "cairn.sqlite3"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    opened.clear()

    def refuses(connection: sqlite3.Connection, _record: object = None) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "configure_connection", refuses)
    with pytest.raises(StoreError) as refused:
        database.Database(path)
    assert str(path) in str(refused.value)
    assert len(opened) == 1 and _closed(opened[0])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_summary_that_fails_to_load_closes_its_database_and_removes_its_folder(
    tmp_path: Path,
    data_dir: Path,
    small_pack: Path,
    opened: list[sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Tracker.open(data_dir, small_pack) as mentor:
        curriculum = mentor.curriculum
    opened.clear()
    cleaned: list[str] = []
    (tmp_path / "summary").mkdir()  # a throwaway folder, as the mentor view makes

    def unreadable(self: Tracker) -> None:
        raise StoreError("the summary could not be read")

    monkeypatch.setattr(Tracker, "reload", unreadable)
    with pytest.raises(StoreError, match="could not be read"):
        Tracker.open_snapshot(
            tmp_path / "summary",
            curriculum,
            lambda empty: pytest.fail("never planned"),
            on_close=lambda: cleaned.append("removed"),
        )
    assert cleaned == ["removed"]
    assert opened and all(_closed(c) for c in opened)
