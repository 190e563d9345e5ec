"""The main window: navigation | checklist | details, with menus and undo."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSignalBlocker, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...progress import STATUS_LABELS, STATUSES, Progress, progress_of
from ...tracker import Change, StoreError, Tracker, TrackerError
from ..checklist.header import PageHeader
from ..checklist.pages import PageSpec, page_for
from ..checklist.table import WEEK_COLUMN, ChecklistModel, ChecklistView
from ..checklist.tree import ItemTreeModel, ItemTreeView
from ..detail.pane import DetailPane
from ..operations import Operations
from ..packs.menu import PackMenu
from ..readings.detail import ReadingDetail
from ..readings.page import ReadingsPage
from ..reversible import reversible
from ..safety.menu import SafetyMenu
from ..sharing.menu import SharingMenu
from ..study.widgets import PlanDialog, TimerControls
from ..widgets.links import open_external
from ..widgets.theme import THEMES, apply_theme, is_dark
from .navigation import NavigationModel, Node
from .status_operation import status_operation, statuses_operation

if TYPE_CHECKING:
    from ...reports.importer import ExportData
    from ..history.page import HistoryPage
    from ..readiness.page import ReadinessPage


class MainWindow(QMainWindow):
    """Cairn's window over one open tracker."""

    def __init__(
        self,
        tracker: Tracker,
        *,
        theme: str = "system",
        resources_dir: object = None,
        summary: ExportData | None = None,
    ) -> None:
        super().__init__()
        self.tracker = tracker
        self.summary = summary
        self._resources_dir = resources_dir
        self.theme = theme
        self.node = Node("group", "path")
        self.undo_stack = QUndoStack(self)
        self.operations = Operations(tracker, self.undo_stack, self)
        self.operations.changed.connect(self._redraw_for)  # first: views follow new content
        self.operations.changed.connect(self.apply_change)
        self._closed = False
        self._last_view: list[str] = []
        self.page = PageSpec("", "")
        self._dashboard: ReadinessPage | None = None
        self._history: HistoryPage | None = None
        self.setWindowTitle("Cairn")
        self.setAccessibleName("Cairn")
        self.banner = QLabel("")
        self.banner.setObjectName("ReadOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

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
        self.tree_model = ItemTreeModel(tracker)
        self.tree = ItemTreeView(self.tree_model, "Grouped items")
        self.checklist.statuses_requested.connect(self.request_statuses)
        for view in (self.checklist, self.tree):
            view.status_requested.connect(self.request_status)
            view.current_item_changed.connect(self._item_selected)
        self.empty_checklist = QLabel("")
        self.empty_checklist.setWordWrap(True)
        self.empty_checklist.setObjectName("PageSummary")
        self.empty_checklist.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.lists = QStackedWidget()
        for widget in (self.checklist, self.tree, self.empty_checklist):
            self.lists.addWidget(widget)
        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.setContentsMargins(8, 8, 8, 8)
        items_layout.addWidget(self.header)
        items_layout.addWidget(self.lists, 1)
        self.readings = ReadingsPage(tracker, self.operations)
        self.readings.current_reading_changed.connect(self._reading_selected)
        self.centre = QStackedWidget()
        self.centre.addWidget(items_page)
        self.centre.addWidget(self.readings)

        self.detail = DetailPane(tracker, self.operations)
        self.detail.status_requested.connect(self.request_status)
        self.operations.changed.connect(self._evidence_changed)
        self.reading_detail = ReadingDetail(tracker, self.operations)
        self.reading_detail.item_requested.connect(self.go_to_item)
        self.right = QStackedWidget()
        self.right.addWidget(self.detail)
        self.right.addWidget(self.reading_detail)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([340, 620, 480])
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.overall = QLabel("")
        self.overall.setAccessibleName("Overall progress")
        self.running_timer = TimerControls(tracker, self.operations, compact=True)
        self.statusBar().addPermanentWidget(self.running_timer)
        self.statusBar().addPermanentWidget(self.overall)
        self._build_menus()
        if tracker.read_only:
            self._make_read_only()
        self.navigation.expandToDepth(0)
        self._restore_view()
        self.checklist_model.set_dark(is_dark(QApplication.instance()))  # type: ignore[arg-type]

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.sharing = SharingMenu(file_menu, self, self._summary_window)
        file_menu.addSeparator()
        self.packs = PackMenu(file_menu, self.operations, self)
        file_menu.addSeparator()
        close_action = file_menu.addAction("&Close window")
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
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

        tools_menu = self.menuBar().addMenu("&Tools")
        plan = tools_menu.addAction("Your &plan…")
        plan.triggered.connect(self.show_plan_dialog)
        plan.setEnabled(not self.tracker.read_only)
        tools_menu.addSeparator()
        self.safety = SafetyMenu(tools_menu, self)

        view_menu = self.menuBar().addMenu("&View")
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            action = theme_menu.addAction(name.capitalize())
            self.theme_actions[name] = action
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            group.addAction(action)
        view_menu.addSeparator()
        for text, shortcut, widget in (
            ("Go to &navigation", "Alt+1", self.navigation),
            ("Go to &checklist", "Alt+2", self.checklist),
            ("Go to &note", "Alt+3", self.detail.note.editor),
        ):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _c=False, w=widget: w.setFocus())

        help_menu = self.menuBar().addMenu("&Help")
        logs = help_menu.addAction("Open &log folder")
        logs.setToolTip("The log records every recovery, refusal and backup failure")
        logs.triggered.connect(self.open_log_folder)
        about = help_menu.addAction("&About Cairn")
        about.triggered.connect(self._about)

    def _summary_window(self, tracker: Tracker, *, summary: ExportData) -> MainWindow:
        """A read-only window over a learner's summary (the mentor view)."""
        return MainWindow(
            tracker, theme=self.theme, resources_dir=self._resources_dir, summary=summary
        )

    def _make_read_only(self) -> None:
        """Someone else's progress: clearly marked, and nothing in it can be changed."""
        name = (self.summary.learner_name if self.summary else "") or "another learner"
        when = f", exported {self.summary.exported_at:%d %b %Y}" if self.summary else ""
        self.setWindowTitle(f"Cairn — {name} (read-only summary)")
        self.banner.setText(
            f"You are viewing {name}'s progress from a summary{when}. It is "
            "read-only: nothing here changes it or your own data."
        )
        self.banner.setVisible(True)
        for action in self.status_actions.values():
            action.setEnabled(False)
        self.packs.setParent(None)
        self.detail.set_read_only(True)
        self.reading_detail.setEnabled(False)

    def show_plan_dialog(self) -> PlanDialog:
        dialog = PlanDialog(self.tracker, self.operations, self)
        dialog.accepted.connect(self.refresh_everything)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def refresh_everything(self, *, forget_undo: bool = False) -> None:
        """Redraw every view from the tracker after data changed elsewhere (the command line,
        an import, the plan), keeping the learner's place: the page, the selected item and
        the scroll position of the list, the item in the detail pane and a note being written.

        The undo history is kept (its commands name items and statuses, still meaningful);
        `forget_undo` clears it when old commands would undo into another past (a restore).
        """
        if forget_undo:
            self.undo_stack.clear()
        self.readings.model.refresh_copies()
        self.readings.model.refresh_all()
        self.readings.refresh_summary()
        if self._dashboard is not None:
            self._dashboard.mark_stale()
        if self._history is not None and self._history.isVisible():
            self._history.refresh()
        self.navigation_model.refresh_progress()
        if self.centre.currentIndex() == 0:
            self._refresh_list()
        if self.right.currentWidget() is self.reading_detail:
            self._reading_selected(self.readings.current_reading_id())
        else:
            self.detail.refresh()
        self._refresh_progress()

    def _refresh_list(self) -> None:
        """Recompute the page of items shown and redraw its list in place."""
        keep = self.current_item_id()
        self.page = page_for(self.node, self.tracker)
        self.header.show_page(self.page.title, self.page.summary)
        if self.page.groups:
            self.tree.show_groups(self.page.groups, self.page.columns, keep=keep)
            self.lists.setCurrentWidget(self.tree)
        elif self.page.items:
            self.checklist.show_items(self.page.items, keep=keep)
            self.lists.setCurrentWidget(self.checklist)
        else:
            self.empty_checklist.setText(self.page.empty)
            self.lists.setCurrentWidget(self.empty_checklist)
            with QSignalBlocker(self.checklist):
                self.checklist_model.set_items([])

    def open_log_folder(self) -> bool:
        """Show the folder of Cairn's log in the file manager (or say why there is none)."""
        from ...logs import log_folder

        folder = log_folder()
        if folder is None:
            self.statusBar().showMessage(
                "Cairn cannot write its log here; warnings go to the terminal (stderr).", 15000
            )
            return False
        self.statusBar().showMessage(f"The log is in {folder}", 15000)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _about(self) -> None:
        c = self.tracker.curriculum
        QMessageBox.about(
            self,
            "About Cairn",
            f"<b>Cairn {__version__}</b><p>An offline companion for a six-month path into AI "
            f"engineering.</p><p>Curriculum: {c.version}<br>Data: "
            f"{self.tracker.database_path}</p><p>Cairn never connects to the network; links "
            "open in your browser only when you click them.</p>",
        )

    # --- navigation -----------------------------------------------------------------------------
    def _restore_view(self) -> None:
        saved = self.tracker.setting("last_view")
        node = Node(*saved) if isinstance(saved, list) and len(saved) == 2 else None
        index = self.navigation_model.index_of(node) if node else None
        if index is None or not index.isValid():
            # a learner with a plan or progress lands on Today; a newcomer on week 1
            started = self.tracker.plan_settings() is not None or self.tracker.statuses()
            first_week = next(iter(self.tracker.curriculum.weeks), "")
            index = self.navigation_model.index_of(
                Node("group", "today") if started else Node("week", first_week)
            )
        if index.isValid():
            self.navigation.setCurrentIndex(index)
        geometry = self.tracker.setting("window_geometry")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1400, 860)
        splitter = self.tracker.setting("splitter_state")
        if isinstance(splitter, str):
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))
        else:
            self.splitter.setSizes([330, 610, 460])

    def _navigated(self, current: object, _previous: object) -> None:
        node = self.navigation_model.node_at(current)  # type: ignore[arg-type]
        if node is not None:
            self.show_node(node)

    def show_node(self, node: Node) -> None:
        """Show the page for a navigation entry (a milestone opens its project)."""
        self.detail.note.save()
        self._sync_navigation(node)
        select = ""
        if node.kind == "milestone":
            select = node.id
            node = Node("project", self.tracker.curriculum.items[node.id].project_id or "")
        self.node = node
        self._last_view = [node.kind, node.id] if not select else ["milestone", select]
        if node == Node("group", "readiness"):
            dashboard = self.dashboard()
            self.centre.setCurrentWidget(dashboard)
            self.right.setCurrentWidget(self.detail)
            self.detail.show_item(dashboard.step_id(0))
            self._refresh_progress()
            return
        self.right.setVisible(node != Node("group", "history"))  # history needs the width
        if node == Node("group", "history"):
            self.centre.setCurrentWidget(self.history())
            self.detail.show_item("")
            self._refresh_progress()
            return
        if node == Node("group", "readings"):
            self.centre.setCurrentWidget(self.readings)
            self.right.setCurrentWidget(self.reading_detail)
            self._reading_selected(self.readings.current_reading_id())
            self._refresh_progress()
            return
        self.centre.setCurrentIndex(0)
        self.right.setCurrentWidget(self.detail)
        self.page = page_for(node, self.tracker)
        self.header.show_page(self.page.title, self.page.summary)
        if self.page.groups:
            self.tree.fill(self.page.groups, self.page.columns)
            self.lists.setCurrentWidget(self.tree)
            view: ChecklistView | ItemTreeView = self.tree
        elif self.page.items:
            self.checklist_model.set_items(self.page.items)
            self.checklist.setColumnHidden(WEEK_COLUMN, not self.page.show_week_column)
            self.lists.setCurrentWidget(self.checklist)
            view = self.checklist
        else:
            self.empty_checklist.setText(self.page.empty)
            self.lists.setCurrentWidget(self.empty_checklist)
            view = self.checklist
            self.checklist_model.set_items([])
        if select:
            view.select_item(select)
        self.detail.show_item(self.current_item_id())
        self._refresh_progress()

    def _sync_navigation(self, node: Node) -> None:
        """Keep the navigation's selection on the page shown, without re-entering."""
        index = self.navigation_model.index_of(node)
        if index.isValid() and self.navigation.currentIndex() != index:
            with QSignalBlocker(self.navigation.selectionModel()):
                self.navigation.setCurrentIndex(index)

    def dashboard(self) -> ReadinessPage:
        """The readiness page, built on first use (it loads QtCharts)."""
        if self._dashboard is None:
            from ..readiness.page import ReadinessPage

            self._dashboard = ReadinessPage(self.tracker, self.operations)
            self._dashboard.primary.setVisible(not self.tracker.read_only)
            self._dashboard.targets.setEnabled(not self.tracker.read_only)
            self._dashboard.refresh()
            self._dashboard.item_requested.connect(self.go_to_item)
            self._dashboard.steps.currentCellChanged.connect(
                lambda row, _c, _r, _p: self._step_selected(row)
            )
            self.centre.addWidget(self._dashboard)
        return self._dashboard

    def history(self) -> HistoryPage:
        """The history page, built on first use (it loads QtCharts)."""
        if self._history is None:
            from ..history.page import HistoryPage

            self._history = HistoryPage(self.tracker)
            self.centre.addWidget(self._history)
        return self._history

    def _step_selected(self, row: int) -> None:
        if self._dashboard is None:
            return
        item_id = self._dashboard.step_id(row)
        if item_id:
            self.detail.show_item(item_id)

    def current_item_id(self) -> str:
        """The item selected in the list in view ('' if none)."""
        current = self.lists.currentWidget()
        if current is self.tree:
            return self.tree.current_item_id()
        if current is self.checklist:
            return self.checklist.current_item_id()
        return ""

    def go_to_item(self, item_id: str) -> None:
        """Open the week an item belongs to and select it."""
        item = self.tracker.curriculum.items.get(item_id)
        if item is None:
            return
        index = self.navigation_model.index_of(Node("week", item.week_id))
        self.navigation.setCurrentIndex(index)
        self.checklist.select_item(item_id)
        self.checklist.setFocus()

    def _redraw_for(self, change: Change) -> None:
        """A change of everything (an import, a restore: kind 'all') redraws every view in
        place; a change of the curriculum (a pack: kind 'content') rebuilds them."""
        if change.kind == "content":
            self.reload_content()
        elif change.kind == "all":
            self.refresh_everything()

    def reload_content(self) -> None:
        """Rebuild every view after the curriculum changed (a pack added or removed), keeping
        the page and the undo history (a pack change is on it too)."""
        self.detail.note.save()
        self.navigation_model = NavigationModel(self.tracker)
        self.navigation.setModel(self.navigation_model)
        self.navigation.selectionModel().currentChanged.connect(self._navigated)
        self.navigation.expandToDepth(0)
        old_readings = self.readings
        self.readings = ReadingsPage(self.tracker, self.operations)
        self.readings.current_reading_changed.connect(self._reading_selected)
        self.centre.insertWidget(1, self.readings)
        self.centre.removeWidget(old_readings)
        old_readings.deleteLater()
        if self._dashboard is not None:
            self.centre.removeWidget(self._dashboard)
            self._dashboard.deleteLater()
            self._dashboard = None
        node = self.node
        index = self.navigation_model.index_of(node)
        if not index.isValid():
            index = self.navigation_model.index_of(
                Node("week", next(iter(self.tracker.curriculum.weeks), ""))
            )
        self.navigation.setCurrentIndex(index)
        self.show_node(self.navigation_model.node_at(index) or node)

    def _item_selected(self, item_id: str) -> None:
        self.detail.show_item(item_id)
        self._refresh_progress()

    # --- changes --------------------------------------------------------------------------------
    def request_status(self, item_id: str, status: str) -> None:
        """Change a status through the operation path (said in words, undoable)."""
        self.set_status_in_words(item_id, status)

    def set_status_in_words(self, item_id: str, status: str) -> Change | None:
        """Save a status; a refusal or a disk error is shown in the status bar, not raised.
        The database says what the status was, and undo puts that back."""
        return self.operations.run(status_operation(self.tracker, item_id, status))

    def request_statuses(self, item_ids: list[str], status: str) -> Change | None:
        """Mark several items at once: one transaction, one undo step."""
        return self.operations.run(statuses_operation(self.tracker, item_ids, status))

    def _mark_current(self, status: str) -> None:
        """Item → Mark …: the selected items of the checklist, else the item shown."""
        if self.right.currentWidget() is not self.detail:
            return
        many = (
            self.checklist.selected_item_ids()
            if self.lists.currentWidget() is self.checklist
            else []
        )
        if len(many) > 1:
            self.request_statuses(many, status)
            return
        item_id = self.current_item_id() or self.detail.item_id
        if item_id:
            self.request_status(item_id, status)

    def apply_change(self, change: Change) -> None:
        """Refresh exactly what a tracker change touches."""
        for item_id in change.ids:
            self.checklist_model.refresh_item(item_id)
            if item_id == self.detail.item_id:
                self.detail.refresh_status()
        if self.lists.currentWidget() is self.tree:
            self.tree_model.refresh()
        if self._dashboard is not None:
            self._dashboard.mark_stale()
        self.navigation_model.refresh_progress()
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        t, c = self.tracker, self.tracker.curriculum
        overall = t.overall_progress()
        rows: list[tuple[str, Progress] | None] = [None, None, ("Whole path", overall)]
        kind = self.node.kind
        item_id = self.detail.item_id
        week_id = (
            self.node.id
            if kind == "week"
            else (c.items[item_id].week_id if item_id in c.items else "")
        )
        if kind in ("week", "month") and week_id:
            week = c.weeks[week_id]
            rows[0] = (f"Week {week.number}", t.week_progress(week_id))
            rows[1] = (
                f"Month {c.month_by_id(week.month_id).number}",
                t.month_progress(week.month_id),
            )
        elif kind == "project":
            rows[0] = ("This project", t.project_progress(self.node.id))
        elif kind == "role" or self.node.id == "projects":
            rows[0] = ("On this page", progress_of(self.page.all_items, t.statuses()))
        self.header.set_progress(rows)
        self.overall.setText(
            f"Whole path: {overall.done} of {overall.total} done ({overall.percent:g}%)"
        )

    # --- readings and evidence ------------------------------------------------------------------
    def _reading_selected(self, reading_id: str) -> None:
        self.reading_detail.show_reading(
            reading_id, self.readings.model.used_by.get(reading_id, [])
        )

    def _evidence_changed(self, change: Change) -> None:
        """An evidence link added or removed: the projects page's Evidence column is filled
        again (the rest follows `apply_change`)."""
        if change.kind == "evidence" and self.lists.currentWidget() is self.tree:
            selected = self.tree.current_item_id()
            self.tree.fill(self.page.groups, self.page.columns)
            self.tree.select_item(selected)

    # --- theme and closing ----------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        """Apply a theme and keep it for next time ("Undo Change theme" puts back the theme
        saved before and applies it). On a refusal the theme applies until Cairn closes."""
        if self.tracker.read_only:  # a summary's window changes nothing
            self._show_theme(name)
            return

        def put(theme: object) -> Change:
            change = self.tracker.set_setting("theme", theme)
            self._show_theme(str(theme or "system"))  # no saved theme: the default
            return change

        operation = reversible(
            "Change theme",
            lambda: put(name),
            put,
            failed="kept for next time (the theme applies until Cairn closes)",
        )
        if self.operations.run(operation) is None:
            self._show_theme(name)

    def _show_theme(self, name: str) -> None:
        """Apply a theme to the whole application and tick it in View → Theme."""
        app = QApplication.instance()
        self.theme = name
        apply_theme(app, name, self._resources_dir)  # type: ignore[arg-type]
        self.checklist_model.set_dark(is_dark(app))  # type: ignore[arg-type]
        if name in self.theme_actions:
            self.theme_actions[name].setChecked(True)
        if self._dashboard is not None:
            self._dashboard.mark_stale()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being written, the page in view and the window geometry (once)."""
        if not self._closed:
            self._closed = True
            self.detail.note.save()
            for controls in (self.detail.timer, self.running_timer):
                controls.tick.stop()
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            state = bytes(self.splitter.saveState().toBase64().data()).decode("ascii")
            try:
                self.tracker.set_setting("last_view", self._last_view)
                self.tracker.set_setting("window_geometry", geometry)
                self.tracker.set_setting("splitter_state", state)
            except (StoreError, TrackerError) as error:  # closing still closes, in words
                sys.stderr.write(f"cairn: the window's layout was not saved: {error}\n")
            self.safety.finish()  # the closing backup holds everything above
            for opened in list(self.sharing.opened):
                opened.close()
        super().closeEvent(event)
        if self.tracker.read_only:
            self.tracker.close()  # a summary's throwaway copy goes with its window
