"""Data safety in the window: backups, the database check, one window per data folder, and
changes from the command line appearing while the window is open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QLockFile

from cairn.cli import run
from cairn.gui.app import LOCK_NAME
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def test_changes_from_the_command_line_appear_in_the_open_window(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    data_dir: Path,
) -> None:
    window.show_node(Node("week", "w01"))
    item_id = window.tracker.curriculum.week_items("w01")[3].id
    assert run(["--data-dir", str(data_dir), "mark", item_id, "done"]) == 0
    row = window.checklist_model.row_of(item_id)
    qtbot.waitUntil(
        lambda: window.checklist_model.index(row, 0).data().endswith("Done"), timeout=6000
    )
    assert window.tracker.status(item_id) == "done"
    assert "1 of" in window.header.rows[0].text.text()


def test_own_changes_do_not_trigger_a_reload(window: MainWindow) -> None:
    window.safety.notice_outside_changes()  # settle the first look
    window.request_status(window.tracker.curriculum.week_items("w01")[0].id, "done")
    assert window.safety.notice_outside_changes() is False


def test_backups_dialog_lists_and_restores(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = window.tracker.curriculum.week_items("w01")[0].id
    window.request_status(first, "done")
    window.tracker.backup("open")
    window.request_status(first, "skipped")
    dialog = window.safety.show_backups()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "1" and dialog.table.item(0, 1).text() == "open"
    assert dialog.restore_selected(confirm=False)
    assert window.tracker.status(first) == "done"
    assert window.checklist_model.index(0, 0).data().endswith("Done")
    assert dialog.table.rowCount() == 2  # the state before restoring was backed up first
    dialog.close()


def test_check_database_reports_a_healthy_file(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.request_status(window.tracker.curriculum.week_items("w01")[0].id, "done")
    with qtbot.waitSignal(window.safety.checked, timeout=10_000) as blocker:
        window.safety.check_database()
    assert "healthy" in blocker.args[0]
    window.safety.message_box.close()


def test_a_second_window_on_the_same_data_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    lock = QLockFile(str(data_dir / LOCK_NAME))
    assert lock.tryLock(100)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "--quit-after-start"],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        lock.unlock()
    assert done.returncode == 1 and "already open" in done.stderr
    again = subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "--quit-after-start"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr


def test_the_window_tells_the_learner_about_a_recovery(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run(["--data-dir", str(data_dir), "mark", "python-project-skeleton", "done"]) == 0
    assert run(["--data-dir", str(data_dir), "check"]) == 0  # makes a backup
    path = data_dir / "cairn.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 32] = b"\xba\xad" * 16
    path.write_bytes(bytes(data))
    done = subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "--quit-after-start"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "restored from the backup" in done.stderr
    assert list(data_dir.glob("cairn.sqlite3.damaged-*"))
