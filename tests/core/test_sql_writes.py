"""Statuses and settings written in plain SQL (`SqlDatabase`, what Cairn opens) leave exactly
the rows the ORM's writes (`Database`) leave, and answer with the same old values."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from cairn.store import Database
from cairn.store.sql_writes import SqlDatabase

AT = datetime(2026, 3, 4, 5, 6, 7, 891011)


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as db:
        return {
            table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("item_state", "status_change")
        } | {
            "setting": db.execute(
                "SELECT * FROM setting WHERE key != 'learner_id' ORDER BY 1"
            ).fetchall()
        }


def _steps(db: Database) -> list[Any]:
    """The same writes on either database; what each answered."""
    return [
        db.set_status("a", "doing", AT),
        db.set_status("a", "doing", AT),  # equal: not written again
        db.set_statuses({"a": ("done", "todo"), "b": ("skipped", "doing")}, AT),
        db.set_status("c", "todo", AT, absent="todo"),
        db.set_setting("plan", {"start": "2026-03-02", "hours": 8}),
        db.set_settings({"theme": "dark", "plan": None, "missing": None}),
        db.set_setting("theme", "dark"),  # equal: the row stays as it is
        db.set_settings({"names": ["Ada", "ß", 'quote "x"'], "theme": "light"}),
    ]


def test_plain_sql_writes_the_rows_and_answers_the_orm_does(tmp_path: Path) -> None:
    (tmp_path / "orm").mkdir()
    (tmp_path / "sql").mkdir()
    orm = Database.open(tmp_path / "orm" / "cairn.sqlite3", tmp_path / "orm" / "backups")
    sql = SqlDatabase.open(tmp_path / "sql" / "cairn.sqlite3", tmp_path / "sql" / "backups")
    assert isinstance(sql, SqlDatabase)
    try:
        assert _steps(sql) == _steps(orm)
        born = "learner_id"  # each new database is born with its own
        assert {k: v for k, v in sql.settings_text().items() if k != born} == {
            k: v for k, v in orm.settings_text().items() if k != born
        }
    finally:
        orm.close()
        sql.close()
    assert _rows(tmp_path / "sql" / "cairn.sqlite3") == _rows(tmp_path / "orm" / "cairn.sqlite3")
