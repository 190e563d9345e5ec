"""The window's menus that need nothing of a feature: closing, Edit (undo), Item (mark),
View (theme, focus) and Help (log folder, about)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QWidget

from ... import __version__
from ...progress import STATUS_LABELS, STATUSES
from ...tracker import Tracker
from ..widgets.theme import THEMES


def add_closing(menu: QMenu, close: Callable[[], object]) -> None:
    """File → Close window and Quit."""
    for text, key in (
        ("&Close window", QKeySequence.StandardKey.Close),
        ("&Quit", QKeySequence.StandardKey.Quit),
    ):
        action = menu.addAction(text)
        action.setShortcut(key)
        action.triggered.connect(close)


def add_edit_menu(bar: QMenuBar, undo_stack: QUndoStack, parent: QObject) -> None:
    """Edit → Undo / Redo, named after the step ("Undo Mark done")."""
    menu = bar.addMenu("&Edit")
    undo = undo_stack.createUndoAction(parent, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(parent, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    menu.addActions([undo, redo])


def add_item_menu(bar: QMenuBar, mark: Callable[[str], None]) -> dict[str, QAction]:
    """Item → Mark … (Ctrl+1…4) and the Space hint; returns the Mark actions by status."""
    menu = bar.addMenu("&Item")
    actions: dict[str, QAction] = {}
    for number, status in enumerate(STATUSES, start=1):
        action = menu.addAction(f"Mark {STATUS_LABELS[status]}")
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _c=False, s=status: mark(s))
        actions[status] = action
    menu.addSeparator()
    toggle = menu.addAction("Toggle done")
    toggle.setShortcut(QKeySequence(Qt.Key.Key_Space))
    toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the checklist handles it
    return actions


def add_view_menu(
    bar: QMenuBar,
    parent: QObject,
    theme: str,
    set_theme: Callable[[str], None],
    focus: Sequence[QWidget],
) -> dict[str, QAction]:
    """View → Theme and the Alt+1…3 focus keys; returns the theme actions by name."""
    menu = bar.addMenu("&View")
    themes = menu.addMenu("&Theme")
    group = QActionGroup(parent)
    actions: dict[str, QAction] = {}
    for name in THEMES:
        action = themes.addAction(name.capitalize())
        actions[name] = action
        action.setCheckable(True)
        action.setChecked(name == theme)
        action.triggered.connect(lambda _c=False, n=name: set_theme(n))
        group.addAction(action)
    menu.addSeparator()
    texts = ("Go to &navigation", "Go to &checklist", "Go to &note")
    for number, (text, widget) in enumerate(zip(texts, focus, strict=True), start=1):
        action = menu.addAction(text)
        action.setShortcut(QKeySequence(f"Alt+{number}"))
        action.triggered.connect(lambda _c=False, w=widget: w.setFocus())
    return actions


def add_help_menu(
    bar: QMenuBar, open_logs: Callable[[], object], about: Callable[[], object]
) -> None:
    """Help → Open log folder and About Cairn."""
    menu = bar.addMenu("&Help")
    logs = menu.addAction("Open &log folder")
    logs.setToolTip("The log records every recovery, refusal and backup failure")
    logs.triggered.connect(open_logs)
    menu.addAction("&About Cairn").triggered.connect(about)


def open_log_folder(window: QMainWindow) -> bool:
    """Show the folder of Cairn's log in the file manager (or say why there is none)."""
    from ...logs import log_folder

    folder = log_folder()
    if folder is None:
        window.statusBar().showMessage(
            "Cairn cannot write its log here; warnings go to the terminal (stderr).", 15000
        )
        return False
    window.statusBar().showMessage(f"The log is in {folder}", 15000)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget, tracker: Tracker) -> None:
    """Help → About Cairn: the version, the curriculum, where the data is, and no network."""
    c = tracker.curriculum
    QMessageBox.about(
        parent,
        "About Cairn",
        f"<b>Cairn {__version__}</b><p>An offline companion for a six-month path into AI "
        f"engineering.</p><p>Curriculum: {c.version}<br>Data: "
        f"{tracker.database_path}</p><p>Cairn never connects to the network; links "
        "open in your browser only when you click them.</p>",
    )
