"""The main window: navigation | checklist | details, with menus and undo."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..content import Item
from ..progress import STATUS_LABELS, STATUSES, Progress
from ..tracker import Change, Tracker
from .checklist import ChecklistModel, ChecklistView
from .detail import DetailPane
from .links import open_external
from .navigation import NavigationModel, Node
from .page_header import PageHeader
from .theme import THEMES, apply_theme, is_dark


class StatusCommand(QUndoCommand):
    """One status change, undoable."""

    def __init__(self, window: MainWindow, item_id: str, old: str, new: str) -> None:
        title = window.tracker.item(item_id).title
        super().__init__(f"mark “{title}” {STATUS_LABELS[new].lower()}")
        self.window, self.item_id, self.old, self.new = window, item_id, old, new

    def redo(self) -> None:
        self.window.apply_change(self.window.tracker.set_status(self.item_id, self.new))

    def undo(self) -> None:
        self.window.apply_change(self.window.tracker.set_status(self.item_id, self.old))


class MainWindow(QMainWindow):
    """Cairn's window over one open tracker."""

    def __init__(self, tracker: Tracker, *, theme: str = "system",
                 resources_dir: object = None) -> None:
        super().__init__()
        self.tracker = tracker
        self._resources_dir = resources_dir
        self.theme = theme
        self.node = Node("group", "path")
        self.undo_stack = QUndoStack(self)
        self._closed = False
        self._last_view: list[str] = []
        self.setWindowTitle("Cairn")
        self.setAccessibleName("Cairn")

        self.navigation_model = NavigationModel(tracker)
        self.navigation = QTreeView()
        self.navigation.setModel(self.navigation_model)
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setHeaderHidden(True)
        self.navigation.setUniformRowHeights(True)
        self.navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigation.header().setStretchLastSection(False)
        self.navigation.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.navigation.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.navigation.selectionModel().currentChanged.connect(self._navigated)

        self.header = PageHeader()
        self.header.summary.setTextFormat(Qt.TextFormat.MarkdownText)
        self.header.summary.linkActivated.connect(open_external)
        self.checklist_model = ChecklistModel(tracker, self)
        self.checklist = ChecklistView(self.checklist_model)
        self.checklist.status_requested.connect(self.request_status)
        self.checklist.current_item_changed.connect(self._item_selected)
        self.empty_checklist = QLabel("")
        self.empty_checklist.setWordWrap(True)
        self.empty_checklist.setObjectName("PageSummary")
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(8, 8, 8, 8)
        centre_layout.addWidget(self.header)
        centre_layout.addWidget(self.checklist, 1)
        centre_layout.addWidget(self.empty_checklist)

        self.detail = DetailPane(tracker)
        self.detail.status_requested.connect(self.request_status)
        self.detail.evidence_changed.connect(lambda item_id: self._refresh_progress())

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([340, 620, 480])
        self.setCentralWidget(self.splitter)
        self.overall = QLabel("")
        self.overall.setAccessibleName("Overall progress")
        self.statusBar().addPermanentWidget(self.overall)
        self._build_menus()
        self.navigation.expandToDepth(0)
        self._restore_view()
        self.checklist_model.set_dark(is_dark(QApplication.instance()))  # type: ignore[arg-type]

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])

        item_menu = self.menuBar().addMenu("&Item")
        self.status_actions: dict[str, QAction] = {}
        for number, status in enumerate(STATUSES, start=1):
            action = item_menu.addAction(f"Mark {STATUS_LABELS[status]}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, s=status: self._mark_current(s))
            self.status_actions[status] = action
        item_menu.addSeparator()
        toggle = item_menu.addAction("Toggle done")
        toggle.setShortcut(QKeySequence(Qt.Key.Key_Space))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the checklist handles it

        view_menu = self.menuBar().addMenu("&View")
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        for name in THEMES:
            action = theme_menu.addAction(name.capitalize())
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            group.addAction(action)
        view_menu.addSeparator()
        for text, shortcut, widget in (("Go to &navigation", "Alt+1", self.navigation),
                                       ("Go to &checklist", "Alt+2", self.checklist),
                                       ("Go to &note", "Alt+3", self.detail.note.editor)):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _c=False, w=widget: w.setFocus())

        help_menu = self.menuBar().addMenu("&Help")
        about = help_menu.addAction("&About Cairn")
        about.triggered.connect(self._about)

    def _about(self) -> None:
        c = self.tracker.curriculum
        QMessageBox.about(
            self, "About Cairn",
            f"<b>Cairn {__version__}</b><p>An offline companion for a six-month path into AI "
            f"engineering.</p><p>Curriculum: {c.version}<br>Data: "
            f"{self.tracker.database.path}</p><p>Cairn never connects to the network; links "
            "open in your browser only when you click them.</p>")

    # --- navigation -----------------------------------------------------------------------------
    def _restore_view(self) -> None:
        saved = self.tracker.setting("last_view")
        node = Node(*saved) if isinstance(saved, list) and len(saved) == 2 else None
        index = self.navigation_model.index_of(node) if node else None
        if index is None or not index.isValid():
            first_week = next(iter(self.tracker.curriculum.weeks), None)
            index = self.navigation_model.index_of(Node("week", first_week or ""))
        if index.isValid():
            self.navigation.setCurrentIndex(index)
        geometry = self.tracker.setting("window_geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1400, 860)

    def _navigated(self, current: object, _previous: object) -> None:
        node = self.navigation_model.node_at(current)  # type: ignore[arg-type]
        if node is not None:
            self.show_node(node)

    def show_node(self, node: Node) -> None:
        """Show the page for a navigation entry (a milestone opens its project)."""
        self.detail.note.save()
        c = self.tracker.curriculum
        select = ""
        if node.kind == "milestone":
            select = node.id
            node = Node("project", c.items[node.id].project_id or "")
        self.node = node
        items: list[Item] = []
        empty = ""
        if node.kind == "week":
            week = c.weeks[node.id]
            month = c.month_by_id(week.month_id)
            self.header.show_page(f"Week {week.number} · {week.title}",
                                  f"Month {month.number}: {month.title}. {week.summary}")
            items = c.week_items(node.id)
        elif node.kind == "month":
            month = c.month_by_id(node.id)
            self.header.show_page(f"Month {month.number} · {month.title}", month.summary)
            items = c.month_items(node.id)
        elif node.kind == "project":
            project = c.projects[node.id]
            self.header.show_page(project.title,
                                  f"**{project.level.capitalize()} project.** {project.summary}")
            items = c.project_items(node.id)
        elif node.kind == "role":
            role = c.roles[node.id]
            areas = " · ".join(f"{c.skills[a.skill_id].name} {a.weight}%" for a in role.areas)
            self.header.show_page(role.name, f"{role.summary}\n\n**Skill areas:** {areas}")
            skills = {a.skill_id for a in role.areas}
            items = [i for m in c.months for i in c.month_items(m.id) if skills & set(i.skills)]
        elif node.id == "path":
            self.header.show_page("The six-month path",
                                  "Every item and milestone of the path, in order.")
            items = [i for m in c.months for i in c.month_items(m.id)]
        elif node.id == "projects":
            self.header.show_page("Projects", "Portfolio projects and warm-ups. Each milestone "
                                  "says when it is done; attach evidence to prove it.")
            items = [i for p in c.projects for i in c.project_items(p)]
        else:
            self.header.show_page("Role tracks", "")
            empty = ("Choose a role on the left to see its skill areas and every item that "
                     "builds them.")
        self.checklist_model.set_items(items)
        self.checklist.setVisible(bool(items))
        self.empty_checklist.setText(empty)
        self.empty_checklist.setVisible(bool(empty))
        self.checklist.setColumnHidden(3, node.kind == "week")
        if select:
            self.checklist.select_item(select)
        self.detail.show_item(self.checklist.current_item_id())
        self._refresh_progress()
        self._last_view = [node.kind, node.id] if not select else ["milestone", select]

    def _item_selected(self, item_id: str) -> None:
        self.detail.show_item(item_id)
        self._refresh_progress()

    # --- changes --------------------------------------------------------------------------------
    def request_status(self, item_id: str, status: str) -> None:
        """Change a status through the undo stack."""
        old = self.tracker.status(item_id)
        if old != status:
            self.undo_stack.push(StatusCommand(self, item_id, old, status))

    def _mark_current(self, status: str) -> None:
        item_id = self.checklist.current_item_id() or self.detail.item_id
        if item_id:
            self.request_status(item_id, status)

    def apply_change(self, change: Change) -> None:
        """Refresh exactly what a tracker change touches."""
        for item_id in change.ids:
            self.checklist_model.refresh_item(item_id)
            if item_id == self.detail.item_id:
                self.detail.refresh_status()
        self.navigation_model.refresh_progress()
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        t, c = self.tracker, self.tracker.curriculum
        overall = t.overall_progress()
        rows: list[tuple[str, Progress] | None] = [None, None, ("Whole path", overall)]
        item_id = self.detail.item_id
        week_id = c.items[item_id].week_id if item_id else ""
        if self.node.kind == "week":
            week_id = self.node.id
        if week_id and self.node.kind in ("week", "month"):
            week = c.weeks[week_id]
            rows[0] = (f"Week {week.number}", t.week_progress(week_id))
            rows[1] = (f"Month {c.month_by_id(week.month_id).number}",
                       t.month_progress(week.month_id))
        elif self.node.kind == "project":
            rows[0] = ("This project", t.project_progress(self.node.id))
        elif self.node.kind == "role":
            items = [c.items[self.checklist_model.item_at(r).id]  # type: ignore[union-attr]
                     for r in range(self.checklist_model.rowCount())]
            from ..progress import progress_of

            rows[0] = ("Role items", progress_of(items, t.statuses()))
        self.header.set_progress(rows)
        self.overall.setText(f"Whole path: {overall.done} of {overall.total} done "
                             f"({overall.percent:g}%)")

    # --- theme and closing ----------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        self.theme = name
        apply_theme(app, name, self._resources_dir)  # type: ignore[arg-type]
        self.checklist_model.set_dark(is_dark(app))  # type: ignore[arg-type]
        self.tracker.set_setting("theme", name)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being written, the page in view and the window geometry (once)."""
        if not self._closed:
            self._closed = True
            self.detail.note.save()
            self.tracker.set_setting("last_view", self._last_view)
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.tracker.set_setting("window_geometry", geometry)
        super().closeEvent(event)
