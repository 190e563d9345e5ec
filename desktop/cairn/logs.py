"""The log: every recovery, refusal and backup failure, with SQLite's result code.

Where it goes (decided by `cairn.locations.log_dir_for`):
1. `$CAIRN_LOG_DIR`, when set;
2. `<data folder>/logs`, when a data folder was chosen with `--data-dir` or `$CAIRN_DATA_DIR`
   (tests, a portable copy): the log travels with the data, and tests never touch the real
   user folders;
3. otherwise the platform's log folder (platformdirs): `~/.local/state/Cairn/log` on Linux,
   `~/Library/Logs/Cairn` on macOS, `%LOCALAPPDATA%\\Cairn\\Logs` on Windows.

The file is `cairn.log`, rotated: three files of 1 MB at most (`cairn.log`, `.1`, `.2`). The
folder is made only when there is something to write, so a command that only reads leaves an
empty data folder empty. If the folder cannot be made or written (read-only, a full disk),
Cairn keeps working: from then on warnings and errors go to stderr only, and logging never
raises. Nothing is ever logged to the network.

The command line also shows warnings and errors on stderr as `cairn: <message>`, and never says
a thing twice: `command_line_log` holds the WARNING and ERROR records of one command and prints
them when it ends, but only if the command printed nothing on stderr itself. Cairn's modules log
the technical detail of each problem that the command line then says in words (a refusal, a
recovery notice, a backup warning); that detail stays in the log file. So a warning that nobody
said is shown, and a refusal is said once.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from .locations import LOG_FOLDER, log_dir_for

LOG_NAME = "cairn.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 2  # cairn.log plus two older files
_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"
_CAIRN = "cairn"
log = logging.getLogger("cairn.logs")


class _LogFile(logging.Handler):
    """The rotating log file. The first failure to make or write it sends Cairn's warnings to
    stderr instead; it never raises and never puts a traceback on the learner's screen.

    The file handler itself (`logging.handlers`, which imports sockets) is made only when the
    first record is written: a command that logs nothing never loads it."""

    def __init__(self, folder: Path, *, make_parents: bool) -> None:
        super().__init__()
        self.folder = folder
        self.make_parents = make_parents
        self.failure: str | None = None
        self._file: logging.Handler | None = None
        self.setFormatter(logging.Formatter(_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, unless the file already failed (then stderr has it)."""
        if self.failure is None:
            if self._file is None:
                self._file = _rotating_file(self)
            self._file.emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A folder or disk that refuses the log: fall back to stderr, once, quietly."""
        error = sys.exc_info()[1]
        if not isinstance(error, OSError) or self.failure is not None:
            return  # a record that cannot be formatted is dropped, not shown as a traceback
        self.failure = error.strerror or str(error)
        with contextlib.suppress(OSError, ValueError):
            self.close()
        _fall_back_to_stderr(self, record)

    def close(self) -> None:
        """Close the file (if it was ever opened)."""
        if self._file is not None:
            self._file.close()
        super().close()


def _rotating_file(owner: _LogFile) -> logging.Handler:
    """The rotating file handler behind `owner`: three files of MAX_BYTES at most, its folder
    made only when there is something to write, its failures handled by `owner`."""
    import logging.handlers

    class RotatingLogFile(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            """Make the log folder only when there is something to write."""
            owner.folder.mkdir(parents=owner.make_parents, exist_ok=True)
            return super()._open()

        def doRollover(self) -> None:
            """Rotate; if another Cairn holds the file open (Windows), keep writing to it."""
            with contextlib.suppress(OSError):
                super().doRollover()

        def handleError(self, record: logging.LogRecord) -> None:
            owner.handleError(record)

    handler = RotatingLogFile(
        owner.folder / LOG_NAME,
        maxBytes=MAX_BYTES,
        backupCount=BACKUP_COUNT,
        encoding="utf-8",
        delay=True,
    )
    handler.setFormatter(owner.formatter)
    return handler


class _StderrLines(logging.Handler):
    """Warnings and errors as `cairn: <message>` on stderr: the window's fallback when its
    log file cannot be written."""

    cairn_stderr = True

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        """Say the record on the current stderr."""
        _say(sys.stderr, record)


class _HeldWarnings(logging.Handler):
    """The warnings and errors logged while one command runs, kept until it ends."""

    cairn_stderr = True

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record for the end of the command."""
        self.records.append(record)


class _ToldStream:
    """The command's stderr, remembering whether the command said anything on it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.told = False

    def write(self, text: str) -> int:
        """Write through and remember that something was said."""
        self.told = self.told or bool(text.strip())
        return self.stream.write(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def _say(stream: TextIO | None, record: logging.LogRecord) -> None:
    """One plain line; a missing or closed stderr (pythonw, a closed pipe) just stays silent."""
    with contextlib.suppress(Exception):  # logging must never raise, whatever the record holds
        if stream is not None:
            stream.write(f"cairn: {record.getMessage()}\n")
            stream.flush()


def _fall_back_to_stderr(broken: _LogFile, record: logging.LogRecord) -> None:
    """Send Cairn's warnings to stderr from now on (unless something already shows them
    there, as the command line does) and say once why the log file is not written."""
    cairn = logging.getLogger(_CAIRN)
    handlers = [*cairn.handlers, *logging.getLogger().handlers]
    if not any(getattr(handler, "cairn_stderr", False) for handler in handlers):
        fallback = _StderrLines()
        cairn.addHandler(fallback)
        if record.levelno >= fallback.level:
            fallback.handle(record)
    log.warning(
        "the log cannot be written in %s (%s); warnings go to stderr only",
        broken.folder,
        broken.failure,
    )


def _log_file() -> _LogFile | None:
    """The log file Cairn writes to, if one is set up."""
    found = [h for h in logging.getLogger(_CAIRN).handlers if isinstance(h, _LogFile)]
    return found[0] if found else None


def configure_logging(data_dir: Path) -> Path | None:
    """Send Cairn's log records to the rotating log file of a Cairn using `data_dir` (where:
    see the module docstring); return the log folder, or None when there is no log file (the
    chosen data folder does not exist yet, or the log could not be written). Calling it again
    with the same folder adds nothing; another folder replaces the previous one."""
    cairn = logging.getLogger(_CAIRN)
    cairn.setLevel(logging.INFO)
    folder = log_dir_for(Path(data_dir))
    current = _log_file()
    if current is not None and current.folder == folder:
        return None if current.failure else folder
    in_data_dir = folder == Path(data_dir) / LOG_FOLDER
    if in_data_dir and not Path(data_dir).is_dir():
        stop_logging()  # never make the data folder just for the log; called again once it is
        return None
    try:
        handler = _LogFile(folder, make_parents=not in_data_dir)
    except (OSError, ValueError):
        return None
    stop_logging()
    cairn.addHandler(handler)
    return folder


def log_folder() -> Path | None:
    """The folder holding the log file (for Help → Open log folder), made if nothing has been
    logged yet; None when there is no log file (not set up, or it could not be written and
    warnings go to stderr)."""
    current = _log_file()
    if current is None or current.failure:
        return None
    try:
        current.folder.mkdir(parents=current.make_parents, exist_ok=True)
    except OSError:
        return None
    return current.folder


def stop_logging() -> None:
    """Close the log file and the stderr fallback (tests; another data folder in one process)."""
    cairn = logging.getLogger(_CAIRN)
    for handler in [h for h in cairn.handlers if isinstance(h, (_LogFile, _StderrLines))]:
        cairn.removeHandler(handler)
        with contextlib.suppress(OSError, ValueError):
            handler.close()


@contextlib.contextmanager
def command_line_log(err: TextIO) -> Iterator[TextIO]:
    """Run one command with its warnings on stderr: yields the stream the command writes its
    messages to; when the command ends, the warnings and errors logged meanwhile are printed
    on `err` as `cairn: <message>`, unless the command printed something there itself (its
    words already say what happened; the details stay in the log file)."""
    told = _ToldStream(err)
    held = _HeldWarnings()
    root = logging.getLogger()
    root.addHandler(held)
    try:
        yield cast(TextIO, told)
    finally:
        root.removeHandler(held)
        if not told.told:
            for record in held.records:
                _say(err, record)
