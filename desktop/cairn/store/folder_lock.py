"""A lock on the data folder that every Cairn process holds shared while it uses the database.

Recovery renames the database file; it may do so only while it holds the lock exclusively, that
is, while no other Cairn process (a window or a command) has the file open. On systems without
`fcntl` (Windows) the lock holds nothing: there an open file cannot be renamed anyway.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".cairn-in-use.lock"
log = logging.getLogger("cairn.store")


class FolderLock:
    """Shared while the data is in use; exclusive only for recovery."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    @classmethod
    def share(cls, data_dir: Path, *, create: bool = True) -> FolderLock:
        """Take the shared lock (waiting only for a recovery in progress). A folder where the
        lock file cannot be made (read-only), or need not be (`create=False`, for commands that
        only read), gives a lock that holds nothing when there is no lock file yet."""
        lock = cls(data_dir)
        try:
            flags = os.O_RDWR | (os.O_CREAT if create else 0)
            lock._fd = os.open(lock.path, flags, 0o644)
        except OSError:
            try:
                lock._fd = os.open(lock.path, os.O_RDONLY)
            except OSError as error:
                log.debug("no folder lock at %s: %s", lock.path, error)
                return lock
        if fcntl is not None:
            fcntl.flock(lock._fd, fcntl.LOCK_SH)
        return lock

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_exclusive(self) -> bool:
        """True if no other Cairn process uses the folder (the lock is then exclusive)."""
        if self._fd is None:
            return False
        if fcntl is None:  # pragma: no cover - Windows
            return True
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def back_to_shared(self) -> None:
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


@contextlib.contextmanager
def one_at_a_time(data_dir: Path, name: str) -> Iterator[None]:
    """Let one Cairn process at a time run a read-then-write step (an import plans against
    what the database holds, so two imports at once must not plan against the same state)."""
    path = Path(data_dir) / f".cairn-{name}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: the write that follows will say why
        yield
        return
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
