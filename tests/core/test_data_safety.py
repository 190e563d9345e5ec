"""Backups, integrity checks, recovery and hostile environments."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.store import StoreError
from cairn.store.backup import backup_to, backups_to_keep, list_backups, thin
from cairn.store.recovery import full_check
from cairn.tracker import Tracker, TrackerError

NOW = datetime(2026, 6, 30, 12, 0)


def test_thinning_keeps_recent_then_daily_weekly_monthly() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(0, 24 * 200, 6)]  # every 6 h, 200 days
    keep = backups_to_keep(hourly, NOW)
    recent = [m for m in keep if NOW - m <= timedelta(hours=48)]
    assert len(recent) == 9  # 0, 6, …, 48 h
    daily = {m.date() for m in keep if timedelta(hours=48) < NOW - m <= timedelta(days=14)}
    assert len(daily) == 13
    older = [m for m in keep if NOW - m > timedelta(days=14)]
    assert 8 <= len(older) <= 16  # weeks up to 8, then months
    assert max(keep) == NOW and len(keep) < len(hourly) / 10
    assert backups_to_keep([NOW - timedelta(days=800)], NOW) == set()


def test_many_recent_backups_are_capped() -> None:
    many = [NOW - timedelta(minutes=m) for m in range(0, 100 * 10, 10)]  # 100 within 17 h
    assert len(backups_to_keep(many, NOW)) == 48


def test_make_backup_skips_an_unchanged_copy_and_thins(tmp_path: Path) -> None:
    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
        first = t.backup("open")
        assert first is not None and first.is_file()
        assert t.backup("close") is None  # nothing changed
        t.set_status("clean-code-refactor", "done")
        assert t.backup("periodic") is not None
        info = t.backups()
        assert [b.items_done for b in info] == [2, 1]
        assert info[0].reason == "periodic" and info[0].size > 0
        stale = backup_to(
            t.database_path,
            t.backup_dir,
            reason="ancient",
            now=datetime.now() - timedelta(days=900),
        )
        assert stale.exists() and len(t.backups()) == 3
        assert thin(t.backup_dir) == [stale] and not stale.exists()


def test_restore_a_backup_after_backing_up_the_current_state(tmp_path: Path) -> None:
    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
        good = t.backup("open")
        t.set_status("python-project-skeleton", "skipped")
        t.set_status("clean-code-refactor", "done")
        change = t.restore(good)  # type: ignore[arg-type]
        assert t.status("python-project-skeleton") == "done"
        assert t.status("clean-code-refactor") == "todo"
        safety = Path(change.old)
        assert "before-restore" in safety.name
        with closing(sqlite3.connect(safety)) as conn:
            assert conn.execute("SELECT count(*) FROM item_state").fetchone() == (2,)


def _corrupt(path: Path) -> None:
    """Overwrite the header of every b-tree page after the first (what a bad sector does)."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 32] = b"\xde\xad\xbe\xef" * 8
    path.write_bytes(bytes(data))


def _checkpoint(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_damaged_file_is_moved_aside_and_the_newest_good_backup_restored(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
        t.backup("open")
        t.set_status("clean-code-refactor", "done")  # after the backup: will be lost
    path = data_dir / "cairn.sqlite3"
    _checkpoint(path)
    _corrupt(path)
    with Tracker.open(data_dir, curriculum_dir()) as t:
        notice = t.recovery_notice
        assert notice is not None and notice.restored is not None
        assert notice.damaged_copy.exists() and notice.damaged_copy.name.startswith(
            "cairn.sqlite3.damaged-"
        )
        message = notice.message()
        assert "moved aside, not deleted" in message and "restored from the backup of" in message
        assert t.status("python-project-skeleton") == "done"
        assert t.status("clean-code-refactor") == "todo"
        assert full_check(path) == []


def test_damage_with_no_backup_starts_fresh_and_keeps_the_damaged_copy(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "cairn.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    with Tracker.open(data_dir, curriculum_dir()) as t:
        assert t.recovery_notice is not None and t.recovery_notice.restored is None
        assert "No good backup was found" in t.recovery_notice.message()
        assert list(data_dir.glob("cairn.sqlite3.damaged-*"))


def test_cairn_check_reports_ok_and_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    assert run(["--data-dir", str(data_dir), "mark", "python-project-skeleton", "done"]) == 0
    assert run(["--data-dir", str(data_dir), "check"]) == 0
    assert "ok (integrity and foreign keys checked" in capsys.readouterr().out
    assert list_backups(data_dir / "backups")
    _checkpoint(data_dir / "cairn.sqlite3")
    _corrupt(data_dir / "cairn.sqlite3")
    assert run(["--data-dir", str(data_dir), "check"]) == 1
    captured = capsys.readouterr()
    assert "restored from the backup" in captured.err + captured.out
    assert run(["--data-dir", str(data_dir), "check"]) == 0  # healthy again


def test_a_full_disk_loses_nothing_acknowledged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cairn.store import database

    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
        t.set_note("python-project-skeleton", "kept")
        with closing(sqlite3.connect(t.database_path)) as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
    original = database.configure_connection

    def tiny_disk(connection: sqlite3.Connection, record: object = None) -> None:
        original(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    monkeypatch.setattr(database, "configure_connection", tiny_disk)
    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        with pytest.raises(StoreError, match="disk is full") as full:
            for n in range(50):
                t.set_note("clean-code-refactor", "x" * 20_000 * (n + 1))
        assert "Everything saved before is intact" in str(full.value)
        assert t.status("python-project-skeleton") == "done"
        assert t.note("python-project-skeleton").body == "kept"  # type: ignore[union-attr]
    monkeypatch.setattr(database, "configure_connection", original)
    assert full_check(tmp_path / "data" / "cairn.sqlite3") == []


def _make_read_only(folder: Path) -> bool:
    """chattr +i works even for root; chmod works for everyone else."""
    done = (
        subprocess.run(
            ["chattr", "+i", str(folder), *map(str, folder.iterdir())],
            capture_output=True,
            check=False,
        )
        if os.geteuid() == 0
        else None
    )
    if done is None or done.returncode != 0:
        for path in [folder, *folder.iterdir()]:
            path.chmod(0o555 if path.is_dir() else 0o444)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    return False


def _undo_read_only(folder: Path) -> None:
    subprocess.run(
        ["chattr", "-i", str(folder), *map(str, folder.iterdir())], capture_output=True, check=False
    )
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_data_folder_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cairn.store import database

    data_dir = tmp_path / "data"
    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_status("python-project-skeleton", "done")
    _checkpoint(data_dir / "cairn.sqlite3")
    for extra in ("cairn.sqlite3-wal", "cairn.sqlite3-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    made_read_only = _make_read_only(data_dir)
    if not made_read_only:
        # This machine cannot protect a folder from its user (root without chattr): make
        # SQLite itself refuse to write instead, which fails the same way.
        original = database.configure_connection

        def query_only(connection: sqlite3.Connection, record: object = None) -> None:
            original(connection, record)
            connection.execute("PRAGMA query_only = ON")

        monkeypatch.setattr(database, "configure_connection", query_only)
    try:
        code = run(["--data-dir", str(data_dir), "mark", "clean-code-refactor", "done"])
    finally:
        if made_read_only:
            _undo_read_only(data_dir)
        monkeypatch.undo()
    assert code == 1
    message = capsys.readouterr().err
    assert str(data_dir) in message
    assert "read-only" in message or "cannot be written" in message or "readonly" in message
    with Tracker.open(data_dir, curriculum_dir()) as t:
        assert t.status("python-project-skeleton") == "done"
        assert t.status("clean-code-refactor") == "todo"
    assert full_check(data_dir / "cairn.sqlite3") == []


def test_a_data_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "not-a-folder"
    target.write_text("hello")
    assert run(["--data-dir", str(target), "status"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text() == "hello"


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    with Tracker.open(tmp_path / "data", curriculum_dir()) as t:
        bad = tmp_path / "bad.sqlite3"
        bad.write_bytes(b"junk" * 500)
        with pytest.raises(TrackerError, match="damaged"):
            t.restore(bad)
