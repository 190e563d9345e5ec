"""The store: round trips, restarts, the first migration, and refusing what it cannot own."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from cairn.records import EvidenceRecord, SessionRecord
from cairn.store import Database, NewerDatabaseError, StoreError
from cairn.store.backup import backup_to
from cairn.store.migrate import script_heads
from cairn.store.schema import HEAD_REVISION, KNOWN_REVISIONS

T0 = datetime(2026, 1, 5, 19, 30)
T1 = datetime(2026, 1, 6, 20, 0)


def _open(tmp_path: Path) -> Database:
    return Database.open(tmp_path / "cairn.sqlite3", tmp_path / "backups")


def test_known_revisions_match_the_migration_scripts() -> None:
    assert script_heads() == (HEAD_REVISION,)
    versions = Path(__file__).resolve().parents[2] / "desktop/cairn/store/migrations/versions"
    assert len(list(versions.glob("*.py"))) == len(KNOWN_REVISIONS)


def test_first_migration_creates_the_schema(tmp_path: Path) -> None:
    _open(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / "cairn.sqlite3")) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {"item_state", "status_change", "note", "evidence", "setting"} <= tables
    assert version == HEAD_REVISION
    assert journal == "wal"


def test_status_note_evidence_and_settings_survive_a_restart(tmp_path: Path) -> None:
    db = _open(tmp_path)
    assert db.set_status("a", "doing", T0) is None
    assert db.set_status("a", "done", T1) == "doing"
    db.set_note("a", "# Learned\nA lot", True, T0)
    evidence_id = db.add_evidence("m", "https://example.org/repo", T0)
    db.set_setting("theme", "dark")
    db.close()

    db = _open(tmp_path)
    assert db.statuses()["a"].status == "done"
    assert [(h.old_status, h.new_status) for h in db.history("a")] == [
        (None, "doing"),
        ("doing", "done"),
    ]
    note = db.note("a")
    assert note is not None and note.body == "# Learned\nA lot" and note.private
    assert [(e.id, e.url) for e in db.evidence("m")] == [(evidence_id, "https://example.org/repo")]
    assert db.setting("theme") == "dark"
    assert db.setting("missing", 7) == 7
    db.close()


def test_empty_note_removes_it_and_evidence_can_be_removed(tmp_path: Path) -> None:
    db = _open(tmp_path)
    db.set_note("a", "text", False, T0)
    db.set_note("a", "   ", False, T1)
    assert db.note("a") is None
    first = db.add_evidence("m", "https://example.org", T0)
    second = db.add_evidence("m", "https://example.org/2", T1)
    removed = db.remove_evidence(first)
    assert removed == (EvidenceRecord(first, "m", "https://example.org", T0), True)
    assert db.remove_evidence(second) == (
        EvidenceRecord(second, "m", "https://example.org/2", T1),
        False,  # the milestone has no link left
    )
    assert db.remove_evidence(first) is None
    assert db.evidence("m") == []
    db.close()


def test_writes_return_what_the_row_held(tmp_path: Path) -> None:
    db = _open(tmp_path)
    assert db.set_reading_status("r", "reading", T0) == "unread"
    assert db.set_reading_status("r", "read", T1) == "reading"
    assert db.set_reading_status("r", "unread", T1) == "read"
    assert db.reading_statuses() == {}
    assert db.set_reading_copy("r", "/a.pdf", T0) is None
    assert db.set_reading_copy("r", "/b.pdf", T1) == "/a.pdf"
    assert db.set_reading_copy("r", None, T1) == "/b.pdf"
    assert db.reading_copies() == {}
    sid = db.add_session("i", T0, 30, "manual")
    assert db.edit_session(sid, 45, T1) == (
        SessionRecord(sid, "i", T0, 30, "manual"),
        SessionRecord(sid, "i", T1, 45, "manual"),
    )
    assert db.remove_session(sid) == SessionRecord(sid, "i", T1, 45, "manual")
    assert db.remove_session(sid) is None and db.edit_session(sid, 5, T0) is None
    assert db.sessions() == []
    db.close()


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    _open(tmp_path).close()
    path = tmp_path / "cairn.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version of Cairn"):
        _open(tmp_path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cairn.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE other (x)")
        conn.commit()
    with pytest.raises(StoreError, match="not a Cairn database"):
        _open(tmp_path)


def test_a_garbage_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "cairn.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=r"cairn\.sqlite3"):
        _open(tmp_path)
    assert path.read_bytes() == b"this is not a database at all" * 100


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = _open(tmp_path)
    db.set_status("a", "done", T0)
    copy = backup_to(tmp_path / "cairn.sqlite3", tmp_path / "backups", reason="test")
    db.close()
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT status FROM item_state WHERE content_id='a'").fetchone() == (
            "done",
        )
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
