"""The composition root: Qt application setup, paths, the tracker and the main window."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..content import ContentError
from ..locations import APP_NAME, curriculum_dir, default_data_dir, resources_dir
from ..store import StoreError
from ..tracker import Tracker, TrackerError, explain_folder_error
from .main_window import MainWindow
from .theme import apply_theme

LOCK_NAME = "cairn.lock"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Cairn's names and icon (reused if one exists)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    icon = resources_dir() / "icons" / "cairn.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_window(data_dir: Path | None = None) -> MainWindow:
    """Open the learner's tracker and build the window (the QApplication must exist)."""
    tracker = Tracker.open(data_dir or default_data_dir(), curriculum_dir())
    theme = tracker.setting("theme", "system")
    app = QApplication.instance()
    apply_theme(app, theme, resources_dir() / "styles")  # type: ignore[arg-type]
    return MainWindow(tracker, theme=theme, resources_dir=resources_dir() / "styles")


def lock_data_dir(data_dir: Path) -> QLockFile | str:
    """Hold the data folder's lock, or say who holds it (one window per data folder)."""
    if data_dir.exists() and not data_dir.is_dir():
        return QLockFile(str(data_dir) + ".lock")  # Tracker.open explains the real problem
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a lock left by a crash is detected by its dead process id
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # PySide6 returns (pid, host, app), or a flag first
    values = [v for v in (info if isinstance(info, tuple) else ()) if not isinstance(v, bool)]
    owner = f" (process {values[0]} on {values[1]})" if len(values) >= 2 else ""
    return (f"Cairn is already open with the data folder {data_dir}{owner}. Switch to that "
            "window; a second window on the same data is not opened. (The command line works "
            "alongside it: its changes appear in the open window.)")


def _fail(message: str, quiet: bool) -> int:
    if quiet:
        sys.stderr.write(f"cairn: {message}\n")
    else:
        QMessageBox.critical(None, "Cairn", message)
    return 1


def run_app(*, data_dir: Path | None = None, quit_after_start: bool = False) -> int:
    """Run the window until it closes; return the exit code."""
    app = create_application()
    folder = Path(data_dir or default_data_dir())
    try:
        lock = lock_data_dir(folder)
    except OSError as error:
        return _fail(explain_folder_error(folder, error), quit_after_start)
    if isinstance(lock, str):
        return _fail(lock, quit_after_start)
    try:
        window = open_window(folder)
    except OSError as error:
        return _fail(explain_folder_error(folder, error), quit_after_start)
    except (ContentError, StoreError, TrackerError) as error:
        return _fail(str(error), quit_after_start)
    window.show()
    notice = window.tracker.recovery_notice
    if notice is not None:
        if quit_after_start:
            sys.stderr.write(f"cairn: {notice.message()}\n")
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, "Your progress was recovered",
                              notice.message(), QMessageBox.StandardButton.Ok, window)
            box.open()
    if not quit_after_start:
        window.safety.backup_in_background("open")
        if window.tracker.plan_settings() is None and not window.tracker.setting("plan_asked"):
            window.tracker.set_setting("plan_asked", True)  # asked once; Tools → Your plan…
            window.show_plan_dialog()
    # The window painted from plain SQL reads; load the ORM used for writes in the background.
    warm_up = threading.Thread(target=window.tracker.database.warm_up, name="orm-warm-up")
    if not quit_after_start:
        warm_up.start()
    if quit_after_start:
        app.processEvents()
        window.repaint()  # paint synchronously, then leave
        print(f"painted-at {time.time():.6f}", flush=True)
        QTimer.singleShot(0, window.close)
    code = app.exec()
    if warm_up.is_alive():
        warm_up.join()
    window.tracker.close()
    window.deleteLater()  # let Qt destroy the window (and its charts) before Python exits
    app.processEvents()
    lock.unlock()
    return code
