"""The composition root: Qt application setup, paths, the tracker and the main window."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..content import ContentError
from ..locations import APP_NAME, curriculum_dir, default_data_dir, resources_dir
from ..store import StoreError
from ..tracker import Tracker, TrackerError
from .main_window import MainWindow
from .theme import apply_theme


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


def run_app(*, data_dir: Path | None = None, quit_after_start: bool = False) -> int:
    """Run the window until it closes; return the exit code."""
    app = create_application()
    try:
        window = open_window(data_dir)
    except (ContentError, StoreError, TrackerError, OSError) as error:
        if quit_after_start:
            sys.stderr.write(f"cairn: {error}\n")
        else:
            QMessageBox.critical(None, "Cairn cannot open your data", str(error))
        return 1
    window.show()
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
    return code
