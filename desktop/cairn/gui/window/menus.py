"""The window's menus that need nothing of a feature: closing, Edit (undo), Item (mark),
View (theme, focus) and Help (log folder, about)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QWidget

from ... import __version__
from ...progress import STATUS_LABELS, STATUSES
from ...tracker import Tracker
from ..operations import OperationStack
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


class StepAction(QAction):
    """Edit → Undo or Redo: enabled and named after the step it would take."""

    def __init__(self, word: str, parent: QObject) -> None:
        super().__init__(f"&{word}", parent)
        self.word = word

    def name_step(self, step: str) -> None:
        self.setText(f"&{self.word} {step}" if step else f"&{self.word}")


def add_edit_menu(bar: QMenuBar, undo_stack: OperationStack, parent: QObject) -> None:
    """Edit → Undo / Redo, named after the step ("Undo Mark done"). The actions call the
    stack's own undo and redo, which run the step before the history moves."""
    menu = bar.addMenu("&Edit")
    undo, redo = StepAction("Undo", parent), StepAction("Redo", parent)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    undo.triggered.connect(lambda _checked=False: undo_stack.undo())
    redo.triggered.connect(lambda _checked=False: undo_stack.redo())
    undo_stack.canUndoChanged.connect(undo.setEnabled)
    undo_stack.canRedoChanged.connect(redo.setEnabled)
    undo_stack.undoTextChanged.connect(undo.name_step)
    undo_stack.redoTextChanged.connect(redo.name_step)
    for action, can, text in (
        (undo, undo_stack.canUndo(), undo_stack.undoText()),
        (redo, undo_stack.canRedo(), undo_stack.redoText()),
    ):
        action.setEnabled(can)
        action.name_step(text)
        menu.addAction(action)


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
