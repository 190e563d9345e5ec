"""The composition root: Qt application setup, paths, the tracker and the main window."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QLockFile, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from .. import __version__
from ..content import ContentError
from ..locations import APP_NAME, curriculum_dir, default_data_dir, resources_dir
from ..logs import configure_logging
from ..tracker import StoreError, Tracker, TrackerError, explain_folder_error
from .widgets.theme import apply_theme
from .window.main_window import MainWindow

LOCK_NAME = "cairn.lock"
PROBE_CALLS = 50  # void Qt calls made at start to detect a PySide6 that leaks None
CLOSING_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def none_leak_message(calls: int = PROBE_CALLS) -> str | None:
    """Why the window must not open on this Python/PySide6 pair, or None if it is safe.

    Some PySide6 builds (6.12.0 on Python 3.11) drop one reference to None on every Qt call
    that returns nothing; once the count reaches zero the interpreter aborts ("none_dealloc").
    Where None is immortal (Python 3.12+) that cannot happen. Needs a QApplication."""
    if sys.version_info >= (3, 12):
        return None
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(calls):
        label.setText("probe")
    lost = before - sys.getrefcount(None)
    label.deleteLater()
    if lost < calls // 2:
        return None
    python = ".".join(map(str, sys.version_info[:3]))
    return (
        f"Cairn cannot open its window with PySide6 {PySide6.__version__} on Python "
        f"{python}: this combination loses a reference to None on every Qt call "
        f"({lost} in {calls} calls here), and the window would abort within minutes, "
        "losing the note being typed. Your data is untouched. Install a supported PySide6 "
        '(python -m pip install "pyside6-essentials<6.12" "pyside6-addons<6.12") or '
        "run Cairn on Python 3.12 or newer."
    )


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Cairn's names and icon (reused if one exists)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    icon = resources_dir() / "icons" / "cairn.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    from .widgets.translator import install_translator

    install_translator(app)  # resources/translations/cairn_<locale>.qm, when one is shipped
    return app


def open_window(data_dir: Path | None = None) -> MainWindow:
    """Open the learner's tracker and build the window (the QApplication must exist)."""
    tracker = Tracker.open(data_dir or default_data_dir(), curriculum_dir())
    try:
        theme = tracker.setting("theme", "system")
        app = QApplication.instance()
        apply_theme(app, theme, resources_dir() / "styles")  # type: ignore[arg-type]
        return MainWindow(tracker, theme=theme, resources_dir=resources_dir() / "styles")
    except BaseException:
        tracker.close()  # a window that could not be built leaves the data folder closed
        raise


def lock_data_dir(data_dir: Path) -> QLockFile | str:
    """Hold the data folder's lock, or say in words why it cannot be held."""
    if data_dir.exists() and not data_dir.is_dir():
        return QLockFile(str(data_dir) + ".lock")  # Tracker.open explains the real problem
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a lock left by a crash is detected by its dead process id
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return _already_open(data_dir, lock)
    return _cannot_lock(data_dir, lock.error())


def _already_open(data_dir: Path, lock: QLockFile) -> str:
    """Another live Cairn holds the lock: name its process and host."""
    info = lock.getLockInfo()  # PySide6 returns (pid, host, app), or a flag first
    values = [v for v in (info if isinstance(info, tuple) else ()) if not isinstance(v, bool)]
    owner = f" (process {values[0]} on {values[1]})" if len(values) >= 2 and values[0] else ""
    return (
        f"Cairn is already open with the data folder {data_dir}{owner}. Switch to that "
        "window; a second window on the same data is not opened. (The command line works "
        "alongside it: its changes appear in the open window.)"
    )


def _cannot_lock(data_dir: Path, error: QLockFile.LockError) -> str:
    """The lock file could not be written: say why in words (read-only, disk full, …)."""
    problem = write_problem(data_dir)
    if problem is not None:
        return explain_folder_error(data_dir, problem)
    kind = "no permission" if error == QLockFile.LockError.PermissionError else "unknown error"
    return (
        f"cannot use the data folder {data_dir}: its lock file {LOCK_NAME} could not be "
        f"created ({kind}). Nothing was changed."
    )


def write_problem(folder: Path) -> OSError | None:
    """Why a small file cannot be written and flushed in `folder` (None if it can); the
    file is removed again."""
    probe = folder / f".cairn-write-probe-{os.getpid()}"
    try:
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, b"cairn" * 16)
            os.fsync(descriptor)  # a full disk may only say so when the data is flushed
        finally:
            os.close(descriptor)
    except OSError as problem:
        return problem
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
    return None


def _fail(message: str, quiet: bool) -> int:
    if quiet:
        sys.stderr.write(f"cairn: {message}\n")
    else:
        box = QMessageBox(QMessageBox.Icon.Critical, "Cairn", message)
        box.setTextFormat(Qt.TextFormat.PlainText)  # paths and names are never markup
        box.exec()
    return 1


def close_on_signals(window: MainWindow) -> Callable[[], None]:
    """Make SIGTERM and SIGINT (Ctrl+C) close the window exactly as its close button does.

    Python runs a signal handler only when the interpreter next gets control, which Qt's event
    loop does not give it: on POSIX the C-level handler also writes to a wake-up pipe that a
    QSocketNotifier watches, elsewhere a timer wakes the interpreter. Returns what undoes it."""
    app = QApplication.instance()

    def close() -> None:
        window.close()  # saves the note, then makes the closing backup
        if app is not None:
            app.quit()  # also ends a dialog's nested event loop

    previous = {
        number: signal.signal(number, lambda *_: QTimer.singleShot(0, close))
        for number in CLOSING_SIGNALS
    }
    if os.name != "posix":  # pragma: no cover - Windows: no wake-up pipe for Qt to watch
        heartbeat = QTimer(window)
        heartbeat.timeout.connect(lambda: None)
        heartbeat.start(250)
        return lambda: _restore_handlers(previous)
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, window)
    notifier.activated.connect(lambda: _drain(read_end))  # the Python handler runs meanwhile
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)

    def restore() -> None:
        _restore_handlers(previous)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        os.close(read_end)
        os.close(write_end)

    return restore


def _restore_handlers(previous: Mapping[signal.Signals, Any]) -> None:
    """Put back the signal handlers that were there before (the default where none was)."""
    for number, handler in previous.items():
        signal.signal(number, signal.SIG_DFL if handler is None else handler)


def _drain(read_end: int) -> None:
    """Empty the wake-up pipe."""
    with contextlib.suppress(BlockingIOError):
        os.read(read_end, 512)


def show_notices(window: MainWindow, quiet: bool) -> list[QMessageBox]:
    """Tell the learner what happened while opening: a recovered database, a missing file
    restored, packs disabled because they are broken. Non-blocking boxes, or lines on stderr
    when quiet."""
    notices: list[tuple[str, str]] = []
    recovery = window.tracker.recovery_notice
    if recovery is not None:
        notices.append(("Your progress was recovered", recovery.message()))
    opened = getattr(window.tracker, "open_notice", "")
    if opened:
        notices.append(("About your data", str(opened)))
    for text in getattr(window.tracker, "pack_notices", []):
        notices.append(("A curriculum pack was disabled", str(text)))
    boxes = []
    for title, text in notices:
        if quiet:
            sys.stderr.write(f"cairn: {text}\n")
            continue
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
        box.open()
        boxes.append(box)
    return boxes


def run_app(
    *,
    data_dir: Path | None = None,
    quit_after_start: bool = False,
    on_painted: Callable[[], None] | None = None,
) -> int:
    """Run the window until it closes; return the exit code. `on_painted` runs once: when the
    window has painted, or when it could not open."""
    painted = _Once(on_painted)
    try:
        return _run_app(data_dir, quit_after_start, painted)
    finally:
        painted()


class _Once:
    """An action that runs the first time it is called, and never again."""

    def __init__(self, action: Callable[[], None] | None) -> None:
        self.action = action

    def __call__(self) -> None:
        action, self.action = self.action, None
        if action is not None:
            action()


def _show_welcome_once_painted(window: MainWindow) -> None:
    """What a first start shows over the window, painted and closed again without recording
    that it was shown (a smoke test of a bundle or an install sees it; the learner still gets
    it on their first real start). Prints "welcome shown" when it was due."""
    from .welcome.first_run import show_welcome

    dialog = show_welcome(window, remember=False)
    if dialog is not None:
        dialog.repaint()
        print("welcome shown", flush=True)
        dialog.done(0)


def _run_app(data_dir: Path | None, quit_after_start: bool, painted: _Once) -> int:
    app = create_application()
    unsafe = none_leak_message()
    if unsafe is not None:
        return _fail(unsafe, quit_after_start)
    try:
        folder = Path(data_dir or default_data_dir())
    except ValueError as error:
        return _fail(str(error), quit_after_start)
    try:
        lock = lock_data_dir(folder)
    except OSError as error:
        return _fail(explain_folder_error(folder, error), quit_after_start)
    if isinstance(lock, str):
        return _fail(lock, quit_after_start)
    configure_logging(folder)  # recoveries and refusals in the window are logged too
    try:
        window = open_window(folder)
    except OSError as error:
        lock.unlock()
        return _fail(explain_folder_error(folder, error), quit_after_start)
    except (ContentError, StoreError, TrackerError) as error:
        lock.unlock()
        return _fail(str(error), quit_after_start)
    restore_signals = close_on_signals(window)
    window.show()
    show_notices(window, quit_after_start)  # the boxes belong to the window
    if not quit_after_start:
        window.safety.backup_in_background("open")
        from .welcome.first_run import show_welcome  # after the first paint

        show_welcome(window)  # once, with no plan yet; later: Tools → Your plan…
    # The window painted from plain SQL reads; load the ORM used for writes in the background.
    warm_up = threading.Thread(target=window.tracker.warm_up, name="orm-warm-up")
    if not quit_after_start:
        warm_up.start()
    if quit_after_start:
        app.processEvents()
        window.repaint()  # paint synchronously, then leave
        print(f"painted-at {time.time():.6f}", flush=True)
        _show_welcome_once_painted(window)
        QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, painted)  # after the first paint's events
    code = app.exec()
    restore_signals()
    if warm_up.is_alive():
        warm_up.join()
    window.tracker.close()
    window.deleteLater()  # let Qt destroy the window (and its charts) before Python exits
    app.processEvents()
    lock.unlock()
    return code
