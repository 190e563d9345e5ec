"""The window's life from the outside (issue 10): refused on a PySide6 that would abort it,
closed gracefully by SIGTERM and Ctrl+C, the data-folder lock explained in words, and notices
about disabled packs shown."""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from cairn.gui import app as app_module
from cairn.gui.app import lock_data_dir, none_leak_message, run_app, show_notices
from cairn.gui.window.main_window import MainWindow
from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

MORTAL = sys.version_info < (3, 12)
START_TIMEOUT_MS = 60_000
BROKEN_PACK = (
    '[pack]\nid = "broken"\nname = "Broken"\nversion = "1"\nextends = "cairn-core"\n\n'
    '[[reading]]\nid = "odd"\ntitle = "Odd"\nauthor = "X"\nkind = "docs"\n'
    'url = "javascript:alert(1)"\nestimate_hours = 1\n'
)


def _prepared(data_dir: Path) -> str:
    """A data folder whose first-run questions are answered; returns the first item's id."""
    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        tracker.set_setting("plan_asked", True)
        first = tracker.curriculum.week_items("w01")[0].id
    return first


def _backups(data_dir: Path, reason: str) -> list[Path]:
    return sorted((data_dir / "backups").glob(f"cairn-*-{reason}.sqlite3"))


def _cairn(*args: str) -> list[str]:
    return [sys.executable, "-m", "cairn", *args]


# --- case 1: a Python/PySide6 pair that would abort the window -----------------------------------
class LeakingLabel(QLabel):
    """A QLabel whose setText loses a reference to None, as PySide6 6.12.0 does on Python 3.11
    (references are added first, so nothing is really lost)."""

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))


def test_the_installed_pyside6_passes_the_start_up_probe(qapp: QApplication) -> None:
    assert none_leak_message() is None


def test_a_pyside6_that_loses_none_is_refused_with_the_versions_and_the_fix(
    qapp: QApplication,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for _ in range(app_module.PROBE_CALLS):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))  # what LeakingLabel takes away
    monkeypatch.setattr(app_module, "QLabel", LeakingLabel)
    code = run_app(data_dir=data_dir, quit_after_start=True)
    captured = capsys.readouterr()
    if not MORTAL:  # None is immortal: the same PySide6 cannot abort the window here
        assert code == 0 and "painted-at" in captured.out
        return
    assert code == 1
    python = ".".join(map(str, sys.version_info[:3]))
    assert f"PySide6 {PySide6.__version__} on Python {python}" in captured.err
    assert '"pyside6-essentials<6.12"' in captured.err and "Python 3.12 or newer" in captured.err
    assert not data_dir.exists()  # refused before anything was touched


# --- case 4: SIGTERM and Ctrl+C close the window as its close button does -----------------------
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_window_with_its_backup_and_releases_the_lock(
    qtbot, data_dir: Path, number: signal.Signals
) -> None:  # type: ignore[no-untyped-def]
    _prepared(data_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    window = subprocess.Popen(
        _cairn("--data-dir", str(data_dir)),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the opening backup is made once the window has shown
        qtbot.waitUntil(
            lambda: bool(_backups(data_dir, "open")) or window.poll() is not None,
            timeout=START_TIMEOUT_MS,
        )
        assert window.poll() is None, window.stderr.read() if window.stderr else ""
        window.send_signal(number)
        _out, err = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate()
    assert window.returncode == 0, err
    assert len(_backups(data_dir, "close")) == 1
    assert not (data_dir / app_module.LOCK_NAME).exists()
    with Tracker.open(data_dir, curriculum_dir()) as again:
        assert again.setting("last_view")  # saved by the window's closing, as on a click
    second = subprocess.run(
        _cairn("--data-dir", str(data_dir), "--quit-after-start"),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert "already open" not in second.stderr


def test_ctrl_c_saves_the_note_being_typed(qapp: QApplication, data_dir: Path) -> None:
    item_id = _prepared(data_dir)
    typed: list[str] = []

    def type_then_interrupt() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, type_then_interrupt)
            return
        note = windows[0].detail.note
        note.editor.setFocus()
        note.editor.insertPlainText("half a thought about uv")  # not yet saved: a timer is
        typed.append(windows[0].detail.item_id)
        os.kill(os.getpid(), signal.SIGINT)

    before = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(0, type_then_interrupt)
    code = run_app(data_dir=data_dir)
    assert code == 0
    assert typed == [item_id]
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl+C is pytest's again
    with Tracker.open(data_dir, curriculum_dir()) as tracker:
        note = tracker.note(item_id)
    assert note is not None and note.body == "half a thought about uv"
    assert _backups(data_dir, "close")
    assert not (data_dir / app_module.LOCK_NAME).exists()


# --- case 5: the lock explained in words ---------------------------------------------------------
def test_a_second_window_names_the_live_process_holding_the_folder(
    qapp: QApplication, data_dir: Path
) -> None:
    first = lock_data_dir(data_dir)
    assert isinstance(first, QLockFile)
    try:
        refused = lock_data_dir(data_dir)
    finally:
        first.unlock()
    assert isinstance(refused, str)
    assert refused.startswith(f"Cairn is already open with the data folder {data_dir}")
    assert f"(process {os.getpid()} on {socket.gethostname()})" in refused


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _fake_lock_failure(
    monkeypatch: pytest.MonkeyPatch, error: QLockFile.LockError, problem: OSError
) -> None:
    """Where the machine cannot make a read-only or full folder: a lock that fails with
    `error`, and a folder whose writes fail with `problem`."""

    class FailingLock(QLockFile):
        def tryLock(self, timeout: int = 0) -> bool:  # type: ignore[override]
            return False

        def error(self) -> QLockFile.LockError:  # type: ignore[override]
            return error

    monkeypatch.setattr(app_module, "QLockFile", FailingLock)
    monkeypatch.setattr(app_module, "write_problem", lambda _folder: problem)


@contextmanager
def _read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make `folder` read-only: a read-only bind mount (root), chmod (anyone else), or else
    simulated. Yields which was used."""
    if _mount("--bind", str(folder), str(folder)):
        try:
            if _mount("-o", "remount,bind,ro", str(folder)):
                yield "read-only bind mount"
                return
        finally:
            _mount_undo(folder)
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield "chmod 0o500"
        finally:
            folder.chmod(0o755)
        return
    _fake_lock_failure(
        monkeypatch,
        QLockFile.LockError.PermissionError,
        OSError(errno.EROFS, "Read-only file system"),
    )
    yield "simulated"


def _mount_undo(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


@contextmanager
def _full_disk(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Put `folder` on a tiny file system filled to the last byte (root), or else simulate it.
    Yields which was used."""
    folder.mkdir(parents=True)
    if _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)):
        try:
            with (folder / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
            (folder / "data").mkdir()
            yield "full tmpfs"
        finally:
            _mount_undo(folder)
        return
    (folder / "data").mkdir()
    _fake_lock_failure(
        monkeypatch,
        QLockFile.LockError.UnknownError,
        OSError(errno.ENOSPC, "No space left on device"),
    )
    yield "simulated"


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_read_only_data_folder_is_named_as_such_not_already_open(
    qapp: QApplication,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _prepared(data_dir)
    before = _listing(data_dir)
    with _read_only(data_dir, monkeypatch) as how:
        code = run_app(data_dir=data_dir, quit_after_start=True)
    err = capsys.readouterr().err
    print(f"read-only folder made by: {how}")
    assert code == 1, how
    assert f"cannot use the data folder {data_dir}" in err
    assert "read-only, or no permission" in err
    assert "already open" not in err
    assert _listing(data_dir) == before


def test_a_full_disk_is_named_as_such_not_already_open(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _full_disk(tmp_path / "disk", monkeypatch) as how:
        data_dir = tmp_path / "disk" / "data"
        refused = lock_data_dir(data_dir)
        left = _listing(data_dir)
    print(f"full disk made by: {how}")
    assert isinstance(refused, str), how
    assert refused == (
        f"cannot use the data folder {data_dir}: the disk is full. Nothing was changed."
    )
    assert left == []  # neither a lock file nor the probe is left behind


# --- case 6: packs disabled because they are broken ----------------------------------------------
def _with_broken_pack(data_dir: Path) -> Path:
    pack = data_dir / "packs" / "broken"
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text(BROKEN_PACK)
    return pack


def test_a_disabled_pack_is_reported_on_stderr_with_quit_after_start(
    qapp: QApplication, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepared(data_dir)
    pack = _with_broken_pack(data_dir)
    code = run_app(data_dir=data_dir, quit_after_start=True)
    err = capsys.readouterr().err
    assert code == 0
    assert f"cairn: The curriculum pack in {pack} was disabled" in err
    assert "id 'odd', field 'url'" in err


def test_a_disabled_pack_is_shown_in_a_box_that_does_not_block(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path
) -> None:
    pack = _with_broken_pack(data_dir)
    window = open_window(Tracker.open(data_dir, curriculum_dir()))
    boxes = show_notices(window, quiet=False)
    assert len(boxes) == 1
    box = boxes[0]
    # show_notices has returned with the box still up: open(), not a blocking exec()
    assert box.isVisible() and box.windowTitle() == "A curriculum pack was disabled"
    assert str(pack) in box.text() and "id 'odd', field 'url'" in box.text()
    box.close()
