"""SQLite's quick check of the learner's file, started early on a thread of its own.

Opening checks the file before it is used (`recovery.quick_check`, called by `Database.open`).
The check is SQLite's work (it releases the GIL), so it can run while this process loads the
curriculum; `Database.open` then takes its result instead of checking again. Nothing about what
is checked changes: the same pragma on the same file, once per opening, before the file is read
or written. A result is taken only when the file (and its journal) are exactly as they were when
the check began; otherwise the file is checked again then.

Start it only once the folder lock is held and the companion files were found sound (the
check's connection is the first this process makes to the file; see opening.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

#: What tells that a file is the one checked: device, inode, size, modification and change times.
Fingerprint = tuple[tuple[int, int, int, int, int] | None, ...]


class _Check:
    """One check running on its own thread: its fingerprint, and its result once done."""

    def __init__(self, path: Path, check: Callable[[Path], list[str]]) -> None:
        self.fingerprint = fingerprint(path)
        self.problems: list[str] | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(path, check), name="cairn-quick-check", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path, check: Callable[[Path], list[str]]) -> None:
        try:
            self.problems = check(path)
        except BaseException as error:  # handed to the thread that takes the result
            self.error = error

    def wait(self) -> None:
        self._thread.join()


_lock = threading.Lock()
_running: dict[str, _Check] = {}


def _stat(path: str) -> tuple[int, int, int, int, int] | None:
    """A file's identity, size and times; None when it is absent or empty (an empty journal
    holds nothing: SQLite makes and removes it as connections open and close)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if found.st_size == 0:
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def fingerprint(path: Path) -> Fingerprint:
    """The database file's and its journal's identity, size and times (None: absent/empty)."""
    real = os.path.realpath(path)
    return (_stat(real), _stat(real + "-wal"))


def start(path: Path, check: Callable[[Path], list[str]]) -> None:
    """Begin `check(path)` on its own thread (a check already running for it is replaced)."""
    begun = _Check(path, check)
    with _lock:
        previous = _running.pop(str(path), None)
        _running[str(path)] = begun
    if previous is not None:
        previous.wait()


def take(path: Path) -> list[str] | None:
    """The problems the early check of `path` found (raising what it raised), once it is done;
    None when there was none, or the file changed since it began (check it now)."""
    with _lock:
        begun = _running.pop(str(path), None)
    if begun is None:
        return None
    begun.wait()
    if begun.fingerprint != fingerprint(path):
        return None
    if begun.error is not None:
        raise begun.error
    return begun.problems


def drop(path: Path) -> None:
    """Forget the early check of `path`, once its thread is done (before the file may be moved
    or replaced, and when an opening is given up)."""
    with _lock:
        begun = _running.pop(str(path), None)
    if begun is not None:
        begun.wait()
