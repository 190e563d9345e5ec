"""SQLite's quick check of the learner's file, started early on a thread of its own.

Opening checks the file before it is used (`recovery.quick_check`, called by `Database.open`).
The check is SQLite's work (it releases the GIL), so it can run while this process loads the
curriculum; `Database.open` then takes its result instead of checking again. Nothing about what
is checked changes: the same pragma on the same file, once per opening, before the file is read
or written. A result is taken only when the file (and its journal) are exactly as they were when
the check began; otherwise the file is checked again then.

Start it only once the folder lock is held and the companion files were found sound (the
check's connection is the first this process makes to the file; see opening.py).

A clean check is also remembered, in the user's cache folder (never the data folder): the file's
identity, size and modification and change times (the change time is set by the system on every
write and no program can set it back; so not on Windows, which keeps none) and those of its
journal. An opening within the hour that finds the file exactly so takes that result instead of
checking again: any write since, by Cairn or anything else, changes a time, so the file is
checked. Proof of damage met while reading or
writing (SQLite's CORRUPT or NOTADB, see errors.explain) forgets the record, so the next opening
checks and recovers; `Tracker.open` reopens at once when the file it trusted proves damaged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

#: What tells that a file is the one checked: device, inode, size, modification and change times.
Fingerprint = tuple[tuple[int, int, int, int, int] | None, ...]
#: How long a clean check is trusted for a file that did not change.
TRUST_SECONDS = 3600
#: A file changed less than this long before a check is not remembered as clean (two writes
#: within one tick of the file system's clock may leave the same times): a tick of the kernel's
#: clock where times keep sub-second digits, two seconds where they are whole seconds (FAT,
#: HFS+, old ext4).
SETTLED_NS = 100_000_000
COARSE_SETTLED_NS = 2_000_000_000
CHECKS_FOLDER = "checks"
log = logging.getLogger("cairn.store")


class _Check:
    """One check running on its own thread (or a clean one remembered): its fingerprint, and
    its result once done."""

    def __init__(self, path: Path, check: Callable[[Path], list[str]] | None) -> None:
        self.fingerprint = fingerprint(path)
        self.problems: list[str] | None = None
        self.error: BaseException | None = None
        self.remembered = check is None
        self._thread: threading.Thread | None = None
        if check is None:
            self.problems = []
            return
        self._thread = threading.Thread(
            target=self._run, args=(path, check), name="cairn-quick-check", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path, check: Callable[[Path], list[str]]) -> None:
        try:
            self.problems = check(path)
        except BaseException as error:  # handed to the thread that takes the result
            self.error = error
            return
        if self.problems == [] and fingerprint(path) == self.fingerprint:
            remember_clean(path, self.fingerprint)

    def wait(self) -> None:
        if self._thread is not None:
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


def start(path: Path, check: Callable[[Path], list[str]], *, trust: bool = True) -> bool:
    """Begin `check(path)` on its own thread, unless (with `trust`) a clean check of this very
    file is remembered. True when the remembered result stands in for the check."""
    remembered = trust and _remembered_clean(path)
    begun = _Check(path, None if remembered else check)
    with _lock:
        previous = _running.pop(str(path), None)
        _running[str(path)] = begun
    if previous is not None:
        previous.wait()
    return begun.remembered


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


# --- remembered clean checks --------------------------------------------------------------


def _record_path(path: Path) -> Path:
    from platformdirs import user_cache_dir

    from ..locations import APP_NAME

    name = hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:32]
    return Path(user_cache_dir(APP_NAME, appauthor=False)) / CHECKS_FOLDER / f"{name}.json"


def _settled(found: Fingerprint, now_ns: int) -> bool:
    return all(entry is None or now_ns - entry[4] >= _settle_time(entry[4]) for entry in found)


def _settle_time(changed_ns: int) -> int:
    coarse = changed_ns % 1_000_000_000 == 0
    return max(SETTLED_NS, COARSE_SETTLED_NS) if coarse else SETTLED_NS


def remember_clean(path: Path, found: Fingerprint) -> None:
    """Remember that the file, as `found`, passed the quick check (not when it changed only
    just before: see SETTLED_NS). A cache folder that cannot be written is passed over."""
    now = time.time_ns()
    if os.name == "nt" or found[0] is None or not _settled(found, now):
        return  # Windows keeps no change time (st_ctime is when the file was made)
    record = _record_path(path)
    text = json.dumps({"file": str(path), "fingerprint": found, "checked_ns": now})
    partial = record.with_name(f".{record.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, record)
    except OSError as error:
        log.debug("clean check of %s not remembered: %s", path, error)
        with contextlib.suppress(OSError):
            partial.unlink()


def _remembered_clean(path: Path) -> bool:
    """True when a clean check of this file exactly as it is now is remembered, and recent."""
    try:
        data = json.loads(_record_path(path).read_text(encoding="utf-8"))
        stored = tuple(tuple(entry) if entry is not None else None for entry in data["fingerprint"])
        checked = int(data["checked_ns"])
    except (OSError, ValueError, TypeError, KeyError):
        return False
    now = time.time_ns()
    if not 0 <= now - checked <= TRUST_SECONDS * 1_000_000_000:
        return False
    return stored[0] is not None and stored == fingerprint(path)


def forget_clean(path: Path) -> None:
    """Forget the remembered clean check of `path` (it proved damaged): the next opening
    checks it again."""
    with contextlib.suppress(OSError):
        _record_path(path).unlink()
