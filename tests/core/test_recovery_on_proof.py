"""Recovery acts only on proof of damage: a lock, a full disk, an empty file, a removed -wal or
another Cairn using the folder never costs progress (issue cases 1, 2, 3, 4, 8 and 10)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

import disks
from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.store import errors
from cairn.tracker import Tracker

ITEM, OTHER = "python-project-skeleton", "python-asyncio-concurrency"


def cairn(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(data_dir: Path) -> list[str]:
    """Files recovery would have made: moved-aside copies and half-written restores."""
    return sorted(
        p.name
        for p in data_dir.iterdir()
        if ".damaged-" in p.name
        or ".empty-" in p.name
        or p.name.endswith((".restoring", ".partial"))
    )


@pytest.fixture
def learner(data_dir: Path) -> Path:
    """A data folder with two items done and a backup of that state, closed cleanly."""
    with Tracker.open(data_dir, curriculum_dir()) as t:
        t.set_status(ITEM, "done")
        t.set_status(OTHER, "done")
        t.backup("open")
    return data_dir


def done_count(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> int:
    code, out, err = cairn(data_dir, "status", "--json", capsys=capsys)
    assert code == 0, err
    return int(json.loads(out)["overall"]["done"])


# --- 1. a database held by another program is not "repaired" -------------------------------
@pytest.mark.parametrize("hold", ["exclusive transaction", "exclusive locking mode"])
def test_a_locked_database_is_waited_for_then_left_alone(
    learner: Path, hold: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(errors, "BUSY_TIMEOUT_MS", 200)
    db = learner / "cairn.sqlite3"
    before = sha(db)
    holder = sqlite3.connect(db, isolation_level=None)  # a sync client, sqlite3 in a terminal
    if hold == "exclusive locking mode":
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE setting SET value = value")
    # in WAL mode readers still read past an exclusive transaction; writers must wait
    blocked = [["mark", ITEM, "todo"], ["note", ITEM, "x"]]
    if hold == "exclusive locking mode":
        blocked += [["status"], ["items"], ["readiness"], ["check"]]
    try:
        for command in blocked:
            code, _, err = cairn(learner, *command, capsys=capsys)
            assert code == 1, command
            assert "another program is using your progress file" in err, err
            assert "damaged" not in err and "Traceback" not in err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert leftovers(learner) == []
    assert sha(db) == before
    assert done_count(learner, capsys) == 2


# --- 2. a full disk never empties the database ----------------------------------------------
@dataclass
class SmallDisk:
    """Where the data lives, and a way to take its space away and give it back.

    As root on Linux it is a real 3 MB tmpfs that is filled up. Elsewhere (no mount allowed)
    it is a folder made read-only, which SQLite meets the same way: the -shm and the backups
    cannot be made. `words` is what Cairn's refusal says in each case."""

    root: Path
    mounted: bool

    @property
    def words(self) -> str:
        return "disk is full" if self.mounted else "read-only"

    def fill(self) -> None:
        if self.mounted:
            disks.fill(self.root)
        else:
            for folder in [self.root, *(p for p in self.root.rglob("*") if p.is_dir())]:
                folder.chmod(0o555)

    def free(self) -> None:
        if self.mounted:
            disks.free(self.root)
        else:
            for folder in [self.root, *(p for p in self.root.rglob("*") if p.is_dir())]:
                folder.chmod(0o755)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    root = tmp_path / "disk"
    root.mkdir()
    disk = SmallDisk(root, disks.mount_tmpfs(root, "3m"))
    try:
        yield disk
    finally:
        if disk.mounted:
            subprocess.run(["umount", "-l", str(root)], check=False)
        else:
            disk.free()


def test_a_full_disk_and_a_read_only_command_change_nothing(
    tiny_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tiny_disk.root / "data"
    assert cairn(data, "mark", ITEM, "done", capsys=capsys)[0] == 0
    db = data / "cairn.sqlite3"
    before = sha(db)
    tiny_disk.fill()
    for command in (["status"], ["readiness"], ["mark", OTHER, "done"], ["check"]):
        code, _, err = cairn(data, *command, capsys=capsys)
        assert code == 1, command
        assert tiny_disk.words in err and "Nothing was changed" in err
        assert "damaged" not in err
    assert leftovers(data) == [] and db.stat().st_size > 0
    assert sha(db) == before
    assert list((data / "backups").glob("*.partial")) == []
    tiny_disk.free()
    assert done_count(data, capsys) == 1  # once space is free, the progress is all there


def test_check_fails_when_its_own_backup_fails(
    tiny_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tiny_disk.root / "data"
    with Tracker.open(data, curriculum_dir()) as t:
        t.set_status(ITEM, "done")
        t.set_note(ITEM, "n" * 90_000)
        t.set_note(OTHER, "m" * 90_000)  # a backup of this no longer fits once the disk is full
        # keep the tracker open: the -shm exists, so reading still works on a full disk
        tiny_disk.fill()
        with pytest.raises(errors.StoreError, match=tiny_disk.words):
            t.check()
        assert list((data / "backups").glob("*.partial")) == []
        assert list((data / "backups").glob("*.sqlite3")) == []
        tiny_disk.free()
        assert t.check() == ([], None)


# --- 3. a 0-byte or deleted database comes back from the newest good backup ------------------
STATES = {
    "empty": "empty (0 bytes)",
    "deleted": "missing",
    "no tables": "empty (it holds no tables)",
}


@pytest.mark.parametrize("damage", list(STATES))
def test_an_empty_or_deleted_database_is_restored_from_a_backup(
    learner: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = learner / "cairn.sqlite3"
    if damage == "empty":
        db.write_bytes(b"")
    elif damage == "no tables":  # a file some other program made: SQLite, but nothing in it
        db.unlink()
        with closing(sqlite3.connect(db)) as conn:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
    else:
        db.unlink()
    before = sha(db) if db.exists() else None
    # a read-only command shows the backup and creates, moves or renames nothing
    code, out, err = cairn(learner, "status", "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["overall"]["done"] == 2
    assert "newest good backup" in err and "nothing was changed" in err
    assert (sha(db) if db.exists() else None) == before and leftovers(learner) == []
    # the next command that saves restores it, with a notice
    code, _, err = cairn(learner, "mark", "clean-code-refactor", "done", capsys=capsys)
    assert code == 0
    assert f"was {STATES[damage]}" in err
    assert "restored from the backup" in err
    assert done_count(learner, capsys) == 3


def test_a_brand_new_folder_is_the_only_silent_case(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cairn(data_dir, "status", capsys=capsys)
    assert code == 0 and err == ""
    assert not (data_dir / "cairn.sqlite3").exists()  # a read-only command created nothing
    assert cairn(data_dir, "mark", ITEM, "done", capsys=capsys)[:3:2] == (0, "")
    assert (data_dir / "cairn.sqlite3").stat().st_size > 0


# --- 4. removing -wal under a live writer forks nothing ---------------------------------------
WRITER = """
import sys
from pathlib import Path
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

with Tracker.open(Path(sys.argv[1]), curriculum_dir()) as t:
    items = list(t.curriculum.items)
    for item in items[:10]:
        t.set_status(item, "done")
    print("ready", flush=True)
    sys.stdin.readline()
    for item in items[10:20]:
        t.set_status(item, "done")
    print("acknowledged", flush=True)
    sys.stdin.readline()
"""


def test_removing_the_wal_under_a_live_writer_renames_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "ready"
        db = data_dir / "cairn.sqlite3"
        inode = db.stat().st_ino
        (data_dir / "cairn.sqlite3-wal").unlink()
        for command in (["status"], ["mark", "clean-code-refactor", "doing"], ["check"]):
            code, _, err = cairn(data_dir, *command, capsys=capsys)
            assert code == 1, command
            assert "Nothing was changed" in err and "damaged" not in err
        assert db.stat().st_ino == inode and leftovers(data_dir) == []
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "acknowledged"
        writer.stdin.write("\n")
        writer.stdin.flush()
        assert writer.wait(timeout=60) == 0
    finally:
        writer.kill()
        writer.communicate(timeout=30)  # reaps it and closes its pipes
    assert done_count(data_dir, capsys) == 20  # every acknowledged change is in the one file


# --- recovery never renames a file another Cairn process uses -------------------------------
def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 32] = b"\xde\xad\xbe\xef" * 8
    path.write_bytes(bytes(data))


def test_recovery_waits_until_no_other_cairn_uses_the_folder(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cairn.store.folder_lock import FolderLock

    other = FolderLock.share(learner)  # what the window holds while it is open
    db = learner / "cairn.sqlite3"
    _corrupt(db)
    damaged = sha(db)
    code, _, err = cairn(learner, "mark", ITEM, "todo", capsys=capsys)
    assert code == 1 and "another Cairn" in err and "nothing was moved" in err
    assert sha(db) == damaged and leftovers(learner) == []
    other.release()
    code, _, err = cairn(learner, "check", capsys=capsys)
    assert code == 1 and "moved aside" in err
    assert done_count(learner, capsys) == 2
    assert any(".damaged-" in name for name in leftovers(learner))


def test_a_read_only_command_never_moves_a_damaged_file(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = learner / "cairn.sqlite3"
    _corrupt(db)
    damaged = sha(db)
    code, _, err = cairn(learner, "status", capsys=capsys)
    assert code == 1 and "is damaged" in err and "cairn check" in err
    assert sha(db) == damaged and leftovers(learner) == []


# --- a broken schema version table is explained, not a traceback ----------------------------
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM alembic_version",
        "UPDATE alembic_version SET version_num = 'zz-top'",
        "INSERT INTO alembic_version VALUES ('0002')",
    ],
)
def test_a_broken_version_table_is_refused_untouched(
    learner: Path, sql: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = learner / "cairn.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    conn.close()
    before = sha(db)
    for command in (["status"], ["mark", ITEM, "todo"], ["check"]):
        code, _, err = cairn(learner, *command, capsys=capsys)
        assert code == 1 and "Traceback" not in err
        assert "schema version" in err and "Nothing was changed" in err
    assert sha(db) == before and leftovers(learner) == []


# --- 8. simultaneous first runs and writers ---------------------------------------------------
def _parallel(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "cairn", *c],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in commands
    ]
    results = []
    for proc, command in zip(procs, commands, strict=True):
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, proc.returncode, out, err))
    return results


def test_simultaneous_first_runs_and_writers_all_succeed(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ["--data-dir", str(data_dir)]
    first = _parallel(
        [
            [*folder, "mark", ITEM, "done"],
            [*folder, "log", ITEM, "30"],
            [*folder, "note", OTHER, "first run"],
        ]
    )
    for result in first:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "already exists" not in result.stderr
    same = _parallel(
        [[*folder, "mark", "clean-code-refactor", s] for s in ("doing", "done", "skipped")]
    )
    for result in same:
        assert result.returncode == 0, result.stderr
        assert "IntegrityError" not in result.stderr
    with Tracker.open(data_dir, curriculum_dir()) as t:
        assert t.status(ITEM) == "done" and t.study().minutes_total == 30
        assert len(t.history("clean-code-refactor")) == 3


# --- 10. command-line writes make backups; --data-dir "" is refused ---------------------------
def test_command_line_writes_back_up_at_most_hourly(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cairn(data_dir, "mark", ITEM, "done", capsys=capsys)[0] == 0
    assert cairn(data_dir, "mark", OTHER, "done", capsys=capsys)[0] == 0
    backups = sorted((data_dir / "backups").glob("cairn-*-cli.sqlite3"))
    assert len(backups) == 1  # one an hour at most


def test_an_empty_data_dir_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as usage:
        run(["--data-dir", "", "mark", ITEM, "done"])
    code = usage.value.code
    assert code == 2 and "--data-dir" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_recovery_and_refusals_are_logged(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _corrupt(learner / "cairn.sqlite3")
    assert cairn(learner, "mark", ITEM, "todo", capsys=capsys)[0] == 0
    log = (learner / "logs" / "cairn.log").read_text(encoding="utf-8")
    assert "moved damaged" in log and "restored" in log


def test_an_import_whose_backup_cannot_be_made_changes_nothing(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    assert cairn(other, "mark", "clean-code-refactor", "done", capsys=capsys)[0] == 0
    export = tmp_path / "other.json"
    assert cairn(other, "export", "--format", "json", "--out", str(export), capsys=capsys)[0] == 0
    db = learner / "cairn.sqlite3"
    before = sha(db)
    for backup in (learner / "backups").iterdir():
        backup.unlink()
    (learner / "backups").rmdir()
    (learner / "backups").write_text("not a folder")  # the backup folder cannot be made
    code, _, err = cairn(learner, "import", str(export), "--as-restore", capsys=capsys)
    assert code == 1 and "nothing was imported" in err and "Traceback" not in err
    assert sha(db) == before


# --- what an outside review tried next -------------------------------------------------------
HOLDER = """
import sys
from pathlib import Path
from cairn.locations import curriculum_dir
from cairn.store import StoreError
from cairn.tracker import Tracker

with Tracker.open(Path(sys.argv[1]), curriculum_dir()) as t:  # the window, holding the file open
    t.set_status("clean-code-refactor", "doing")
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "close":
            break
        item, status = line.split()
        try:
            t.set_status(item, status)
            print("saved", flush=True)
        except StoreError as error:
            print("refused", error, flush=True)
"""


@pytest.mark.parametrize("then", ["mark", "status then mark"])
def test_a_removed_shm_under_a_live_cairn_refuses_instead_of_losing_a_change(
    learner: Path, then: str, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(learner)],
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"
        (learner / "cairn.sqlite3-shm").unlink()
        if then == "status then mark":  # any connection would make a new, empty -shm
            code, _, err = cairn(learner, "status", capsys=capsys)
            assert code == 1 and "companion file" in err
        code, _, err = cairn(learner, "mark", "git-everyday-workflow", "done", capsys=capsys)
        assert code == 1 and "companion file" in err and "Nothing was changed" in err
        holder.stdin.write("clean-code-refactor done\n")
        holder.stdin.flush()
        said = holder.stdout.readline()
        assert said.startswith("refused") and "companion file" in said  # in words, not lost
        holder.stdin.write("close\n")
        holder.stdin.flush()
        assert holder.wait(timeout=60) == 0
    finally:
        holder.kill()
        holder.communicate(timeout=30)  # reaps it and closes its pipes
    code, out, _ = cairn(learner, "items", "--status", "doing", capsys=capsys)
    assert code == 0 and "clean-code-refactor" in out
    assert cairn(learner, "mark", "git-everyday-workflow", "done", capsys=capsys)[0] == 0
    assert done_count(learner, capsys) == 3


def test_a_database_behind_a_link_works_beside_a_live_cairn(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (learner / "cairn.sqlite3").rename(store / "cairn.sqlite3")
    (learner / "cairn.sqlite3").symlink_to(store / "cairn.sqlite3")
    with Tracker.open(learner, curriculum_dir()) as window:
        window.set_status("clean-code-refactor", "doing")
        assert cairn(learner, "mark", "git-everyday-workflow", "done", capsys=capsys)[0] == 0
        window.set_status("clean-code-refactor", "done")
    assert done_count(learner, capsys) == 4


def test_a_pipe_in_place_of_the_database_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / "cairn.sqlite3")
    for command in (["status"], ["mark", ITEM, "done"]):
        code, _, err = cairn(folder, *command, capsys=capsys)
        assert code == 1 and "not a regular file" in err


def test_a_removed_database_under_a_live_cairn_refuses_the_next_change(learner: Path) -> None:
    with Tracker.open(learner, curriculum_dir()) as t:
        (learner / "cairn.sqlite3").unlink()
        with pytest.raises(errors.StoreError, match="was removed while Cairn had it open"):
            t.set_status("clean-code-refactor", "done")


def test_recovery_on_a_full_disk_moves_nothing(
    learner: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cairn.store import recovery

    db = learner / "cairn.sqlite3"
    _corrupt(db)
    damaged = sha(db)

    def no_space(backup: Path, path: Path) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(recovery, "restore_backup", no_space)
    for command in (["check"], ["mark", ITEM, "todo"]):
        code, _, err = cairn(learner, *command, capsys=capsys)
        assert code == 1 and "disk is full" in err and "Nothing was changed" in err
        assert sha(db) == damaged and leftovers(learner) == []
    monkeypatch.undo()
    code, _, err = cairn(learner, "check", capsys=capsys)
    assert code == 1 and "restored from the backup" in err
    assert done_count(learner, capsys) == 2


def test_two_imports_at_once_import_once(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    with Tracker.open(source, curriculum_dir()) as t:
        t.log_study(ITEM, 45)
        t.set_status(OTHER, "done")
    export = tmp_path / "mine.json"
    assert cairn(source, "export", "--format", "json", "--out", str(export), capsys=capsys)[0] == 0
    assert cairn(data_dir, "mark", "clean-code-refactor", "doing", capsys=capsys)[0] == 0
    command = ["--data-dir", str(data_dir), "import", str(export), "--as-restore"]
    results = _parallel([command] * 3)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    with Tracker.open(data_dir, curriculum_dir()) as t:
        assert t.study().minutes_total == 45 and len(t.history(OTHER)) == 1


def test_a_pipe_among_the_backups_is_never_opened(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(learner / "backups" / "cairn-20261130-090000-000000-cli.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", str(learner), "mark", OTHER, "todo"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert cairn(learner, "check", capsys=capsys)[0] == 0


def test_a_backup_that_fails_after_a_saved_change_says_the_change_is_saved(
    learner: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for backup in (learner / "backups").iterdir():
        backup.unlink()
    (learner / "backups").rmdir()
    (learner / "backups").write_text("not a folder")
    code, out, err = cairn(learner, "mark", ITEM, "doing", capsys=capsys)
    assert code == 0 and "done -> doing" in out
    assert "saved and intact" in err and "Nothing was changed" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["validate", ""],
        ["export", "--format", "md", "--out", "x/"],
        ["export", "--format", "md", "--out", "/dev/stdout"],
        ["export", "--format", "md", "--out", "-"],
    ],
)
def test_paths_that_would_mean_something_else_are_refused(
    learner: Path,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sha(learner / "cairn.sqlite3")
    try:
        code = run(["--data-dir", str(learner), *args])
    except SystemExit as usage:
        code = int(usage.code or 0)
    assert code == 2 and "Traceback" not in capsys.readouterr().err
    assert sha(learner / "cairn.sqlite3") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_data_dir_of_spaces_in_the_environment_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CAIRN_DATA_DIR", "  ")
    assert run(["mark", ITEM, "done"]) == 2
    assert "CAIRN_DATA_DIR" in capsys.readouterr().err and list(tmp_path.iterdir()) == []


def test_commands_that_only_read_leave_an_existing_empty_folder_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    for command in (["status"], ["items"], ["readiness"]):
        assert cairn(folder, *command, capsys=capsys)[0] == 0
    assert list(folder.iterdir()) == []


def test_a_change_made_while_an_import_is_planned_is_never_overwritten(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cairn.reports import importer

    source = tmp_path / "source"
    with Tracker.open(source, curriculum_dir()) as t:
        t.set_status(OTHER, "done")
        t.set_note(OTHER, "from the other computer")
    export = tmp_path / "old.json"
    assert cairn(source, "export", "--format", "json", "--out", str(export), capsys=capsys)[0] == 0
    with Tracker.open(data_dir, curriculum_dir()) as window:
        planned = importer.plan_merge

        def plan_then_the_learner_clicks(*args: object, **kwargs: object) -> object:
            plan = planned(*args, **kwargs)  # type: ignore[arg-type]
            window.set_status(OTHER, "doing")  # the window, while the import was planning
            window.set_note(OTHER, "my own newer note")
            return plan

        monkeypatch.setattr(importer, "plan_merge", plan_then_the_learner_clicks)
        assert cairn(data_dir, "import", str(export), capsys=capsys)[0] == 0
        window.reload()
        assert window.status(OTHER) == "doing"
        note = window.note(OTHER)
        assert note is not None and note.body == "my own newer note"


def test_export_links_that_lead_nowhere_are_refused_in_words(
    learner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "no-such-folder" / "x.md")
    for target, words in ((loop, "circle"), (dangling, "does not exist")):
        code, _, err = cairn(
            learner, "export", "--format", "md", "--out", str(target), capsys=capsys
        )
        assert code == 2 and words in err and "Traceback" not in err
