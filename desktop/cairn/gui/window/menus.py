"""The window's menus that need nothing of a feature: closing, Edit (undo, find), Item (mark,
toggle, the week), View (theme, focus) and Help (shortcuts, log folder, about)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QWidget

from ... import __version__
from ...progress import STATUS_LABELS, STATUSES
from ...tracker import Tracker
from ..operations import OperationStack
from ..widgets.icons import icon
from ..widgets.theme import THEMES


def escape_mnemonic(text: str) -> str:
    """Text from data shown in a menu: a '&' in it is shown, not taken as a mnemonic."""
    return text.replace("&", "&&")


def add_closing(menu: QMenu, close: Callable[[], object]) -> None:
    """File → Close window and Quit."""
    for text, key in (
        (QCoreApplication.translate("Menus", "&Close window"), QKeySequence.StandardKey.Close),
        (QCoreApplication.translate("Menus", "&Quit"), QKeySequence.StandardKey.Quit),
    ):
        action = menu.addAction(text)
        action.setShortcut(key)
        action.triggered.connect(close)


class StepAction(QAction):
    """Edit → Undo or Redo: enabled and named after the step it would take."""

    def __init__(self, word: str, parent: QObject) -> None:
        super().__init__(word, parent)
        self.word = word  # translated, with its mnemonic ("&Undo")

    def name_step(self, step: str) -> None:
        self.setText(f"{self.word} {escape_mnemonic(step)}" if step else self.word)


def add_edit_menu(
    bar: QMenuBar,
    undo_stack: OperationStack,
    parent: QObject,
    find_anything: Callable[[], object],
    find_in_list: Callable[[], object],
) -> None:
    """Edit → Undo / Redo, named after the step ("Undo Mark done"), then Find anything
    (Ctrl+K) and Find in list (Ctrl+F). Undo and redo call the stack's own undo and redo,
    which run the step before the history moves."""
    menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    undo, redo = (
        StepAction(QCoreApplication.translate("Menus", "&Undo"), parent),
        StepAction(QCoreApplication.translate("Menus", "&Redo"), parent),
    )
    undo.setIcon(icon("undo"))
    redo.setIcon(icon("redo"))
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
    menu.addSeparator()
    find = menu.addAction(QCoreApplication.translate("Menus", "&Find anything…"))
    find.setShortcut(QKeySequence("Ctrl+K"))
    find.setIcon(icon("quick-open"))
    find.setToolTip(
        QCoreApplication.translate(
            "Menus", "Open any item, milestone, reading, role, week, month or note"
        )
    )
    find.triggered.connect(lambda _checked=False: find_anything())
    in_list = menu.addAction(QCoreApplication.translate("Menus", "Find in &list"))
    in_list.setShortcut(QKeySequence.StandardKey.Find)
    in_list.setIcon(icon("filter"))
    in_list.setToolTip(QCoreApplication.translate("Menus", "Narrow the list in view by title"))
    in_list.triggered.connect(lambda _checked=False: find_in_list())


def add_item_menu(
    bar: QMenuBar,
    mark: Callable[[str], None],
    toggle: Callable[[], None],
    mark_week_done: Callable[[], None],
    reset_week: Callable[[], None],
) -> dict[str, QAction]:
    """Item → Mark … (Ctrl+1…4), Toggle done (Space in a list), Mark week done and Reset
    week; returns every action that changes progress, by name (the statuses, "toggle",
    "week_done", "week_reset")."""
    menu = bar.addMenu(QCoreApplication.translate("Menus", "&Item"))
    actions: dict[str, QAction] = {}
    for number, status in enumerate(STATUSES, start=1):
        text = QCoreApplication.translate("Menus", "Mark {status}").format(
            status=STATUS_LABELS[status]
        )
        action = menu.addAction(icon(status), text)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _c=False, s=status: mark(s))
        actions[status] = action
    menu.addSeparator()
    toggle_action = menu.addAction(QCoreApplication.translate("Menus", "&Toggle done"))
    toggle_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
    toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the lists handle it
    toggle_action.triggered.connect(lambda _c=False: toggle())
    actions["toggle"] = toggle_action
    menu.addSeparator()
    week_done = menu.addAction(
        icon("check"), QCoreApplication.translate("Menus", "Mark &week done")
    )
    week_done.setToolTip(
        QCoreApplication.translate(
            "Menus", "Mark every item of the week in view done (one undo step)"
        )
    )
    week_done.triggered.connect(lambda _c=False: mark_week_done())
    actions["week_done"] = week_done
    week_reset = menu.addAction(icon("refresh"), QCoreApplication.translate("Menus", "&Reset week"))
    week_reset.setToolTip(
        QCoreApplication.translate("Menus", "Set every item of the week in view back to to do")
    )
    week_reset.triggered.connect(lambda _c=False: reset_week())
    actions["week_reset"] = week_reset
    return actions


def add_view_menu(
    bar: QMenuBar,
    parent: QObject,
    theme: str,
    set_theme: Callable[[str], None],
    focus: Sequence[Callable[[], object]],
    navigation: tuple[bool, Callable[[bool], object]] | None = None,
) -> dict[str, QAction]:
    """View → Theme, Show navigation (given whether it is shown and how to show or hide it)
    and the Alt+1…3 focus keys (navigation, the list in view, the details); returns the theme
    actions by name, and the navigation action as "navigation"."""
    menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    themes = menu.addMenu(icon("theme"), QCoreApplication.translate("Menus", "&Theme"))
    group = QActionGroup(parent)
    actions: dict[str, QAction] = {}
    names = {
        "system": QCoreApplication.translate("Menus", "System"),
        "light": QCoreApplication.translate("Menus", "Light"),
        "dark": QCoreApplication.translate("Menus", "Dark"),
    }
    for name in THEMES:
        action = themes.addAction(names.get(name, name.capitalize()))
        actions[name] = action
        action.setCheckable(True)
        action.setChecked(name == theme)
        action.triggered.connect(lambda _c=False, n=name: set_theme(n))
        group.addAction(action)
    menu.addSeparator()
    if navigation is not None:
        shown, show = navigation
        toggle = menu.addAction(
            icon("sidebar"), QCoreApplication.translate("Menus", "Show &navigation")
        )
        toggle.setCheckable(True)
        toggle.setChecked(shown)
        toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
        toggle.toggled.connect(lambda on: show(on))
        actions["navigation"] = toggle
    texts = (
        QCoreApplication.translate("Menus", "Go to &navigation"),
        QCoreApplication.translate("Menus", "Go to the &list"),
        QCoreApplication.translate("Menus", "Go to the &details"),
    )
    for number, (text, go) in enumerate(zip(texts, focus, strict=True), start=1):
        action = menu.addAction(text)
        action.setShortcut(QKeySequence(f"Alt+{number}"))
        action.triggered.connect(lambda _c=False, g=go: g())
    return actions


def add_help_menu(
    bar: QMenuBar,
    shortcuts: Callable[[], object],
    open_logs: Callable[[], object],
    about: Callable[[], object],
) -> None:
    """Help → Keyboard shortcuts, Open log folder and About Cairn."""
    menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    keys = menu.addAction(
        icon("keyboard"), QCoreApplication.translate("Menus", "&Keyboard shortcuts")
    )
    keys.setShortcut(QKeySequence.StandardKey.HelpContents)
    keys.triggered.connect(lambda _c=False: shortcuts())
    logs = menu.addAction(
        icon("open-external"), QCoreApplication.translate("Menus", "Open &log folder")
    )
    logs.setToolTip(
        QCoreApplication.translate(
            "Menus", "The log records every recovery, refusal and backup failure"
        )
    )
    logs.triggered.connect(open_logs)
    menu.addAction(
        icon("info"), QCoreApplication.translate("Menus", "&About Cairn")
    ).triggered.connect(about)


def open_log_folder(window: QMainWindow) -> bool:
    """Show the folder of Cairn's log in the file manager (or say why there is none)."""
    from ...logs import log_folder

    folder = log_folder()
    if folder is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Menus", "Cairn cannot write its log here; warnings go to the terminal (stderr)."
            ),
            15000,
        )
        return False
    window.statusBar().showMessage(
        QCoreApplication.translate("Menus", "The log is in {folder}").format(folder=folder), 15000
    )
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget, tracker: Tracker) -> QMessageBox:
    """Help → About Cairn: the version, the curriculum, where the data is (with a button that
    opens that folder), and no network. Names and paths are shown as text, never as markup."""
    from ...markup import escape

    c = tracker.curriculum
    folder = Path(tracker.data_dir or tracker.database_path.parent)
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(QCoreApplication.translate("Menus", "About Cairn"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        QCoreApplication.translate(
            "Menus",
            "<b>Cairn {version}</b><p>An offline companion for a six-month path into AI "
            "engineering.</p><p>Curriculum: {curriculum}<br>Your data: {data}</p><p>Cairn never "
            "connects to the network; links open in your browser only when you click them.</p>",
        ).format(
            version=escape(__version__),
            curriculum=escape(c.version),
            data=escape(str(folder)),
        )
    )
    opener = box.addButton(
        QCoreApplication.translate("Menus", "Open data folder"), QMessageBox.ButtonRole.ActionRole
    )
    opener.setToolTip(str(folder))
    opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box
