"""Where the log goes, that it rotates, that an unwritable log never stops Cairn, and that the
command line says each problem once on stderr."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from platformdirs import user_log_dir

from cairn.cli import run
from cairn.logs import (
    LOG_NAME,
    MAX_BYTES,
    command_line_log,
    configure_logging,
    log_folder,
    stop_logging,
)

ITEM = "python-project-skeleton"


@pytest.fixture(autouse=True)
def _no_log_left_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test chooses its own log folder, and leaves no log file open behind it."""
    monkeypatch.delenv("CAIRN_LOG_DIR", raising=False)
    yield
    stop_logging()


def cairn(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_log_is_written_in_the_folder_cairn_log_dir_names(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("CAIRN_LOG_DIR", str(tmp_path / "my logs"))
    assert cairn(data_dir, "mark", "no-such-item", "done", capsys=capsys)[0] == 2
    log = (tmp_path / "my logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "mark refused: there is no item or milestone with id 'no-such-item'" in log
    assert not (data_dir / "logs").exists()


def test_with_a_data_dir_the_log_stays_under_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cairn(data_dir, "mark", "no-such-item", "done", capsys=capsys)[0] == 2
    assert "no-such-item" in (data_dir / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert not Path(user_log_dir("Cairn", appauthor=False)).exists()  # the real folder: untouched


def test_without_a_data_dir_the_log_goes_to_the_platform_log_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CAIRN_DATA_DIR")  # HOME and XDG_* point at a temporary folder
    assert run(["mark", "no-such-item", "done"]) == 2
    capsys.readouterr()
    platform_log = Path(user_log_dir("Cairn", appauthor=False)) / LOG_NAME
    assert "no-such-item" in platform_log.read_text(encoding="utf-8")
    assert log_folder() == platform_log.parent


def test_configuring_twice_adds_no_second_handler_and_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAIRN_LOG_DIR", str(tmp_path / "logs"))
    assert configure_logging(tmp_path) == tmp_path / "logs"
    handlers = list(logging.getLogger("cairn").handlers)
    assert configure_logging(tmp_path) == tmp_path / "logs"
    assert logging.getLogger("cairn").handlers == handlers
    logging.getLogger("cairn.test").warning("once")
    text = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert text.count("once") == 1
    assert log_folder() == tmp_path / "logs"


def test_a_data_folder_not_made_yet_gets_its_log_once_it_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "other").mkdir()
    assert configure_logging(tmp_path / "other")  # an earlier folder, in the same process
    data = tmp_path / "new"
    assert configure_logging(data) is None and log_folder() is None
    logging.getLogger("cairn.test").warning("before the folder exists")
    assert not data.exists()  # nothing is made just for the log
    data.mkdir()
    assert configure_logging(data) == data / "logs"
    logging.getLogger("cairn.test").warning("after")
    assert "after" in (data / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert not (tmp_path / "other" / "logs").exists()


def test_the_log_rotates_and_keeps_three_files_of_a_megabyte_at_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAIRN_LOG_DIR", str(tmp_path))
    configure_logging(tmp_path)
    line = "x" * 1000
    for number in range(4 * MAX_BYTES // len(line)):
        logging.getLogger("cairn.test").warning("%06d %s", number, line)
    stop_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    assert all((tmp_path / name).stat().st_size <= MAX_BYTES for name in names)
    newest = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert f"{4 * MAX_BYTES // len(line) - 1:06d}" in newest  # the latest record is kept


def _unwritable(folder: Path, how: str) -> None:
    """A log folder Cairn cannot write: read-only (chmod, and chattr +i, which binds root too),
    or a plain file standing where the folder should be (also where root's chattr fails)."""
    if how == "read-only":
        folder.mkdir()
        folder.chmod(0o555)
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if not _refuses_writes(folder):
            _writable_again(folder)
            folder.rmdir()
    if not folder.exists():
        folder.write_text("not a folder")


def _refuses_writes(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


def _writable_again(folder: Path) -> None:
    if folder.is_dir():
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
        folder.chmod(0o755)


@pytest.fixture(params=["read-only", "a file in the way"])
def unwritable_logs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    _unwritable(folder, request.param)
    try:
        yield folder
    finally:
        _writable_again(folder)


def _empty_progress_file_with_a_backup(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    """A data folder whose progress file is empty: opening it restores the backup and logs
    a warning, and the command still succeeds."""
    assert cairn(data_dir, "mark", ITEM, "done", capsys=capsys)[0] == 0  # makes a backup
    (data_dir / "cairn.sqlite3").write_bytes(b"")


def test_an_unwritable_log_folder_leaves_the_command_line_working(
    unwritable_logs: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _empty_progress_file_with_a_backup(data_dir, capsys)
    monkeypatch.setenv("CAIRN_LOG_DIR", str(unwritable_logs))
    code, out, err = cairn(data_dir, "mark", ITEM, "todo", capsys=capsys)
    assert code == 0 and f"{ITEM}: done -> todo" in out
    assert "Traceback" not in err and "Logging error" not in err
    assert err.count("Your progress file was empty") == 1
    assert not (unwritable_logs / LOG_NAME).exists()
    assert log_folder() is None  # Help → Open log folder has nothing to open


def test_an_unwritable_log_falls_back_to_stderr_without_raising(
    unwritable_logs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAIRN_LOG_DIR", str(unwritable_logs))
    configure_logging(unwritable_logs.parent)  # as the window does
    logging.getLogger("cairn.test").warning("restored from a backup")
    logging.getLogger("cairn.test").warning("second warning")
    err = capsys.readouterr().err
    assert "cairn: restored from a backup\n" in err and "cairn: second warning\n" in err
    assert f"the log cannot be written in {unwritable_logs}" in err
    assert "Traceback" not in err and "Logging error" not in err


def test_a_refusal_is_said_once_on_stderr_and_its_detail_is_in_the_log(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cairn(data_dir, "mark", ITEM, "done", capsys=capsys)[0] == 0
    (data_dir / "cairn.sqlite3").write_bytes(b"not a database " * 500)
    code, _, err = cairn(data_dir, "status", capsys=capsys)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("cairn: ") and "is damaged" in err
    log = (data_dir / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "SQLITE_NOTADB" in log and "status refused to open" in log


def test_a_warning_the_command_did_not_say_is_shown_once() -> None:
    quiet, spoke = io.StringIO(), io.StringIO()
    with command_line_log(quiet):
        logging.getLogger("cairn.test").warning("the clock went back %d hours", 2)
    with command_line_log(spoke) as err:
        logging.getLogger("cairn.test").warning("detail of a refusal")
        err.write("cairn: the refusal in words\n")
    assert quiet.getvalue() == "cairn: the clock went back 2 hours\n"
    assert spoke.getvalue() == "cairn: the refusal in words\n"


def test_output_to_a_closed_pipe_exits_0_and_quietly(data_dir: Path) -> None:
    """What `cairn items | head -1` does: the reader goes away before the output is read."""
    command = [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), "items"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert err == b""
