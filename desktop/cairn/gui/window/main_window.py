"""The main window: navigation | checklist | details, with menus and undo."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QWidget,
)

from ...tracker import Change, Tracker
from ..checklist.choice_operation import choice_operation
from ..checklist.glyphs import set_item_marks
from ..checklist.items_page import ItemsPage
from ..checklist.pages import PRACTICE_LINK, PageSpec, page_for
from ..detail.pane import DetailPane
from ..feedback.marks import marks_for
from ..find.candidates import candidates
from ..find.dialog import QuickOpen
from ..find.matching import Candidate
from ..host import WindowHost
from ..operations import Operations, OperationStack
from ..packs.menu import PackMenu
from ..practice.due import DueWatch
from ..readings.detail import ReadingDetail
from ..readings.page import READING_ID_ROLE, ReadingsPage
from ..safety.menu import SafetyMenu
from ..sharing.menu import SharingMenu
from ..study.widgets import PlanDialog, TimerControls
from ..widgets.actions import ACTION_ERRORS
from ..widgets.dates import day
from ..widgets.theme import apply_theme, is_dark
from .chart_pages import ChartPages
from .layout_memory import first_page, restore_layout, save_layout, starting_node
from .menus import (
    add_closing,
    add_edit_menu,
    add_help_menu,
    add_item_menu,
    add_view_menu,
    open_log_folder,
    show_about,
)
from .navigation import NavigationModel, Node, navigation_view
from .panes import (
    banner_label,
    navigation_shown,
    show_navigation,
    stack,
    three_panes,
    under_banner,
)
from .progress_rows import WholePath, progress_rows
from .shortcuts_sheet import ShortcutsSheet
from .status_operation import status_operation, statuses_operation
from .theme_operation import theme_operation
from .week_operations import WeekActions

if TYPE_CHECKING:
    from ...reports.importer import ExportData
    from ..feedback.actions import FeedbackActions
    from ..history.page import HistoryPage
    from ..practice.page import PracticePage
    from ..readiness.page import ReadinessPage


READINGS = Node("group", "readings")
PRACTICE = Node("group", "practice")


class MainWindow(WindowHost):
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
        self.whole_path = WholePath(tracker)  # the header's whole-path row, moved per change
        self.summary = summary
        self._resources_dir = resources_dir
        self.theme = theme
        self.node = Node("group", "path")
        self.undo_stack: OperationStack = OperationStack(self)
        self.operations = Operations(tracker, self.undo_stack, self)
        self.operations.changed.connect(self._follow)  # first: new content rebuilds views
        self._closed = False
        self.plan_dialog: PlanDialog | None = None
        self._last_view: list[str] = []
        self.page = PageSpec("", "")
        self.quick_open: QuickOpen | None = None
        self.shortcuts_sheet: ShortcutsSheet | None = None
        self.feedback: FeedbackActions | None = None  # a summary's window: the mentor's answer
        self.setWindowTitle("Cairn")
        self.setAccessibleName("Cairn")
        self.banner = banner_label()

        self.navigation_model = NavigationModel(tracker, self.operations)
        self.navigation = navigation_view(self.navigation_model)
        self.navigation.selectionModel().currentChanged.connect(self._navigated)
        self.navigation.clicked.connect(self._clicked_again)

        self.items = ItemsPage(tracker, self.operations)
        self.header, self.lists = self.items.header, self.items.lists
        self.checklist_model, self.checklist = self.items.model, self.items.checklist
        self.tree_model, self.tree = self.items.tree_model, self.items.tree
        self.checklist.statuses_requested.connect(self.request_statuses)
        self.items.choose_requested.connect(self.choose)
        for view in (self.checklist, self.tree):
            view.status_requested.connect(self.request_status)
            view.current_item_changed.connect(self._item_selected)
        self._readings: ReadingsPage | None = None  # made on first use (see `readings`)
        self._practice: PracticePage | None = None  # made on first use (see `practice`)
        self.header.summary.linkActivated.connect(self._page_link)  # Today's "N cards due"
        DueWatch.of(self.operations).moved.connect(self._due_moved)
        self.centre = stack(self.items)

        self.detail = DetailPane(tracker, self.operations)
        self.undo_stack.before_step = self.detail.note.ready_for_step  # typing is a change
        self.undo_stack.say = lambda text: self.statusBar().showMessage(text, 15000)
        self.charts = ChartPages(
            tracker, self.operations, self.centre, self.go_to_item, self.detail.show_item
        )
        self.detail.status_requested.connect(self.request_status)
        self.reading_detail = ReadingDetail(tracker, self.operations)
        self.reading_detail.item_requested.connect(self.go_to_item)
        self.right = stack(self.detail, self.reading_detail)

        self.splitter = three_panes(self.navigation, self.centre, self.right)
        self.setCentralWidget(under_banner(self.banner, self.splitter))
        self.overall = QLabel("")
        self.overall.setAccessibleName(self.tr("Overall progress"))
        self.running_timer = TimerControls(tracker, self.operations, compact=True)
        self.statusBar().addPermanentWidget(self.running_timer)
        self.statusBar().addPermanentWidget(self.overall)
        self.week_actions = WeekActions(self, self.week_in_view)
        self._build_menus()
        self._keyboard_order()
        if tracker.read_only:
            self._make_read_only()
        self._mark_feedback()
        self.navigation.expandToDepth(0)
        self._restore_view()
        self.checklist_model.set_dark(is_dark(QApplication.instance()))  # type: ignore[arg-type]

    # --- menus ----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.sharing = SharingMenu(file_menu, self, self._summary_window)
        file_menu.addSeparator()
        self.packs = PackMenu(file_menu, self.operations, self)
        file_menu.addSeparator()
        add_closing(file_menu, self.close)
        add_edit_menu(bar, self.undo_stack, self, self.find_anything, self.find_in_list)
        self.status_actions = add_item_menu(
            bar,
            self._mark_current,
            self.toggle_current,
            self.week_actions.mark_done,
            self.week_actions.reset,
        )
        tools_menu = bar.addMenu(self.tr("&Tools"))
        plan = tools_menu.addAction(self.tr("Your &plan…"))
        plan.triggered.connect(self.show_plan_dialog)
        plan.setEnabled(not self.tracker.read_only)
        tools_menu.addSeparator()
        self.safety = SafetyMenu(tools_menu, self)
        focus = [self.navigation.setFocus, self.focus_list, self.focus_details]
        self.theme_actions = add_view_menu(
            bar,
            self,
            self.theme,
            self.set_theme,
            focus,
            (navigation_shown(self.splitter), lambda on: show_navigation(self.splitter, on)),
        )
        self.navigation_action = self.theme_actions.pop("navigation")
        self.splitter.splitterMoved.connect(self._sync_navigation_action)
        add_help_menu(
            bar,
            self.show_shortcuts,
            self.open_log_folder,
            lambda: show_about(self, self.tracker),
        )

    def _summary_window(self, tracker: Tracker, *, summary: ExportData) -> MainWindow:
        """A read-only window over a learner's summary (the mentor view), where the mentor
        writes feedback signed with the name remembered in their own data."""
        window = MainWindow(
            tracker, theme=self.theme, resources_dir=self._resources_dir, summary=summary
        )
        if window.feedback is not None:
            name = self.tracker.setting("mentor_name", "")
            window.feedback.know_mentor(
                name if isinstance(name, str) else "",
                self._remember_mentor_name,
                (self.tracker.data_folder,),
            )
        return window

    def _remember_mentor_name(self, name: str) -> None:
        """Keep the name a mentor signed feedback with, for their next summary (when this
        window's data can be written; otherwise it is simply asked again)."""
        if self._closed or self.tracker.read_only or name == self.tracker.setting("mentor_name"):
            return
        with contextlib.suppress(*ACTION_ERRORS):
            self.tracker.set_setting("mentor_name", name)

    def _mark_feedback(self) -> None:
        """The lists mark items a mentor commented on or verified (and, in a summary window,
        what the mentor is writing); they redraw as the draft changes."""
        draft = self.feedback.draft if self.feedback is not None else None
        for view in (self.checklist, self.tree):
            set_item_marks(view, marks_for(self.tracker, draft))
            if draft is not None:
                draft.changed.connect(lambda _id, v=view: v.viewport().update())

    def _make_read_only(self) -> None:
        """Someone else's progress: clearly marked, and nothing in it can be changed."""
        name = (self.summary.learner_name if self.summary else "") or self.tr("another learner")
        self._show_title()
        if self.summary:
            text = self.tr(
                "You are viewing {name}'s progress from a summary, exported {date}. It is "
                "read-only: nothing here changes it or your own data."
            )
        else:
            text = self.tr(
                "You are viewing {name}'s progress from a summary. It is read-only: nothing "
                "here changes it or your own data."
            )
        date = day(self.summary.exported_at) if self.summary else ""
        self._banner_text = text.format(name=name, date=date)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are no markup
        self.banner.setText(self._banner_text)
        self.banner.setVisible(True)
        if self.summary:
            from ..feedback.actions import FeedbackActions  # a mentor's window only

            self.feedback = FeedbackActions(self, self.summary, self.file_menu)
            self.feedback.state_changed.connect(self._show_feedback_state)
            self.detail.attach_feedback(self.feedback.draft, self.feedback.learner)
        for action in self.status_actions.values():
            action.setEnabled(False)
        self.packs.set_read_only(True)
        self.detail.set_read_only(True)
        self.reading_detail.setEnabled(False)

    def _show_feedback_state(self) -> None:
        """The banner says whether the mentor's feedback is saved, and where."""
        state = self.feedback.state_text() if self.feedback is not None else ""
        self.banner.setText(f"{self._banner_text} {state}" if state else self._banner_text)

    def show_plan_dialog(self) -> PlanDialog:
        """Tools → Your plan… (the dialog of a previous opening is let go)."""
        if self.plan_dialog is not None:
            self.plan_dialog.deleteLater()
        dialog = PlanDialog(self.tracker, self.operations, self)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def refresh_everything(self) -> None:
        """Redraw every view from the tracker after data changed elsewhere, keeping the
        learner's place (the page, the selected item and the list's scroll position, the
        item in the detail pane and a note being written): one change of everything."""
        self.operations.publish(Change("all", ()))

    def _redraw_page(self) -> None:
        """The window's own part of redrawing everything: the page of items in view (its
        groups may have changed) and the reading shown."""
        if self.centre.currentIndex() == 0:
            self._refresh_list()
        if self.right.currentWidget() is self.reading_detail:
            self._reading_selected(self.readings.current_reading_id())

    def _refresh_list(self) -> None:
        """Recompute the page of items shown and redraw its list in place."""
        self.page = page_for(self.node, self.tracker)
        self.items.redraw(self.page)

    def open_log_folder(self) -> bool:
        """Help → Open log folder (see menus.open_log_folder)."""
        return open_log_folder(self)

    # --- navigation -----------------------------------------------------------------------------
    def _restore_view(self) -> None:
        """Open on the page in view when Cairn last closed (else Today or week 1), at the
        window's size and pane widths of last time."""
        index = self.navigation_model.index_of(starting_node(self.tracker))
        if not index.isValid():
            index = self.navigation_model.index_of(first_page(self.tracker))
        if index.isValid():
            self.navigation.setCurrentIndex(index)
        restore_layout(self, self.splitter, self.tracker)
        self._sync_navigation_action()

    def _clicked_again(self, index: object) -> None:
        """A click on the milestone already current shows it again, after another row of its
        project was selected (a change of the current entry is `_navigated`'s)."""
        node = self.navigation_model.node_at(index)  # type: ignore[arg-type]
        if node is not None and node.kind == "milestone" and self.detail.item_id != node.id:
            self.show_node(node)

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
        self._show_title()
        if node == Node("group", "readiness"):
            dashboard = self.dashboard()
            self.centre.setCurrentWidget(dashboard)
            self.right.setCurrentWidget(self.detail)
            self.detail.show_item(dashboard.step_id(0))
            self._refresh_progress()
            return
        # history and practice need the width
        self.right.setVisible(node not in (Node("group", "history"), PRACTICE))
        if node == PRACTICE:
            self.centre.setCurrentWidget(self.practice())
            self.detail.show_item("")
            self._refresh_progress()
            return
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
        self.items.show_page(self.page, select)
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
        return self.charts.readiness_page()

    def history(self) -> HistoryPage:
        """The history page, built on first use (it loads QtCharts)."""
        return self.charts.history_page()

    def practice(self) -> PracticePage:
        """The Practice page, built on first use (start-up does not read every card)."""
        if self._practice is None:
            from ..practice.page import PracticePage

            self._practice = PracticePage(self.tracker, self.operations)
            self.centre.addWidget(self._practice)
        return self._practice

    def _page_link(self, link: str) -> None:
        """Today's "N cards due" opens Practice."""
        if link == PRACTICE_LINK:
            self.navigation.setCurrentIndex(self.navigation_model.index_of(PRACTICE))

    def _due_moved(self, _count: int) -> None:
        """Today says how many cards are due: redrawn in place when the count moves."""
        if self.node.id == "today" and self.centre.currentWidget() is self.items:
            self._refresh_list()

    def current_item_id(self) -> str:
        """The item selected in the list in view ('' if none)."""
        return self.items.current_item_id()

    def go_to_item(self, item_id: str) -> None:
        """Open the week an item belongs to and select it."""
        item = self.tracker.curriculum.items.get(item_id)
        if item is None:
            return
        index = self.navigation_model.index_of(Node("week", item.week_id))
        self.navigation.setCurrentIndex(index)
        self.checklist.select_item(item_id)
        self.checklist.setFocus()

    def _sync_navigation_action(self) -> None:
        """View → Show navigation stays checked exactly while the navigation is open (it can
        also be dragged shut)."""
        with QSignalBlocker(self.navigation_action):
            self.navigation_action.setChecked(navigation_shown(self.splitter))

    def _follow(self, change: Change) -> None:
        """The window's own parts follow a change (every view follows by itself): new content
        (a pack) rebuilds the views, a change of everything (an import, a restore) redraws
        them in place; the page header's progress follows every change."""
        self.whole_path.follow(change)
        if change.kind == "content":
            self.reload_content()
            return
        if change.kind == "all":
            self._redraw_page()
        elif change.kind == "evidence" and self.lists.currentWidget() is self.tree:
            selected = self.tree.current_item_id()  # the projects page's Evidence column
            self.tree.fill(self.page.groups, self.page.columns)
            self.tree.select_item(selected)
        if change.kind == "setting" and "plan" in change.ids and self.node.id == "today":
            self._refresh_list()  # Today's pace and groups follow the plan (also an undo)
        self._refresh_progress()

    def reload_content(self) -> None:
        """Rebuild every view after the curriculum changed (a pack added or removed), keeping
        the page and the undo history (a pack change is on it too)."""
        self.detail.note.save()
        old_model = self.navigation_model
        self.navigation_model = NavigationModel(self.tracker, self.operations)
        self.navigation.setModel(self.navigation_model)
        old_model.deleteLater()  # and with it, its subscription
        self.navigation.selectionModel().currentChanged.connect(self._navigated)
        self.navigation.expandToDepth(0)
        old_readings, self._readings = self._readings, None
        if old_readings is not None:  # made again from the new curriculum
            showing = self.centre.currentWidget() is old_readings
            self.centre.removeWidget(old_readings)
            old_readings.deleteLater()
            if showing:
                self.centre.setCurrentWidget(self.readings)
        self.charts.forget_readiness()
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

    def choose(self, group_id: str, option_id: str) -> Change | None:
        """Choose an option of a choice group: one undoable step; every total follows."""
        return self.operations.run(choice_operation(self.tracker, group_id, (option_id,)))

    def request_statuses(self, item_ids: list[str], status: str) -> Change | None:
        """Mark several items at once: one transaction, one undo step."""
        return self.operations.run(statuses_operation(self.tracker, item_ids, status))

    def _mark_current(self, status: str) -> None:
        """Item → Mark …: the selected items of the checklist, else the item shown."""
        if self.right.currentWidget() is not self.detail:
            return
        many = self._selected_items()  # what is highlighted (heading rows carry no item)
        if len(many) > 1:
            self.request_statuses(many, status)
            return
        item_id = (many[0] if many else "") or self.current_item_id() or self.detail.item_id
        if item_id:
            self.request_status(item_id, status)

    def _refresh_progress(self) -> None:
        rows, overall = progress_rows(
            self.tracker,
            self.node,
            self.page.all_items,
            self.detail.item_id,
            self.whole_path.progress(),
        )
        self.header.set_progress(rows)
        self.overall.setText(overall)
        self._name_week_actions()

    def _name_week_actions(self) -> None:
        """Item → Mark week N done / Reset week N name the week they act on (off without)."""
        week = self.tracker.curriculum.weeks.get(self.week_in_view())
        done, reset = self.status_actions["week_done"], self.status_actions["week_reset"]
        if week is None:
            done.setText(self.tr("Mark &week done"))
            reset.setText(self.tr("&Reset week"))
        else:
            done.setText(self.tr("Mark &week {number} done").format(number=week.number))
            reset.setText(self.tr("&Reset week {number}").format(number=week.number))
        for action in (done, reset):
            action.setEnabled(week is not None and not self.tracker.read_only)

    # --- readings and evidence ------------------------------------------------------------------
    def _reading_selected(self, reading_id: str) -> None:
        self.reading_detail.show_reading(
            reading_id, self.readings.model.used_by.get(reading_id, [])
        )

    # --- finding and the keyboard ---------------------------------------------------------------
    def _show_title(self) -> None:
        """ "Cairn — <page>" (and whose summary it is in a read-only window)."""
        index = self.navigation_model.index_of(self.node)
        page = str(index.data()) if index.isValid() else ""
        if self.tracker.read_only:
            name = (self.summary.learner_name if self.summary else "") or self.tr("another learner")
            summary = self.tr("{name} (read-only summary)").format(name=name)
            page = f"{summary} — {page}" if page else summary
        self.setWindowTitle(self.tr("Cairn — {page}").format(page=page) if page else "Cairn")

    def find_anything(self) -> QuickOpen:
        """Edit → Find anything (Ctrl+K): the quick-open popup, afresh."""
        if self.quick_open is None:
            self.quick_open = QuickOpen(lambda: candidates(self.tracker), self)
            self.quick_open.chosen.connect(self.open_found)
        self.quick_open.start()
        return self.quick_open

    def open_found(self, found: Candidate) -> None:
        """Show what quick open found: an item (or a note's item) in its week, selected; a
        milestone in its project; a reading on the Readings page; any other on its page."""
        if found.kind in ("item", "note"):
            self.go_to_item(found.target_id)
            return
        if found.kind == "reading":
            self.navigation.setCurrentIndex(self.navigation_model.index_of(READINGS))
            self._select_reading(found.target_id)
            return
        index = self.navigation_model.index_of(Node(found.kind, found.target_id))
        if index.isValid():
            self.navigation.setCurrentIndex(index)
            self.focus_list()

    def _select_reading(self, reading_id: str) -> None:
        """Select a reading in the Readings table, clearing filters that hide it."""
        page = self.readings
        for _attempt in range(2):
            for row in range(page.proxy.rowCount()):
                index = page.proxy.index(row, 1)
                if index.data(READING_ID_ROLE) == reading_id:
                    page.table.setCurrentIndex(index)
                    page.table.scrollTo(index)
                    page.table.setFocus()
                    return
            page.search.clear()
            for combo in (page.kind, page.month, page.status):
                combo.setCurrentIndex(0)

    def find_in_list(self) -> None:
        """Edit → Find in list (Ctrl+F): the filter field of the list in view."""
        if self._readings is not None and self.centre.currentWidget() is self._readings:
            self.readings.search.setFocus()
            self.readings.search.selectAll()
            return
        if self._practice is not None and self.centre.currentWidget() is self._practice:
            self._practice.focus_filter()
            return
        if self.centre.currentWidget() is self.items and hasattr(self.items, "focus_filter"):
            self.items.focus_filter()

    def toggle_current(self) -> None:
        """Item → Toggle done: the selected items (all done → to do, else done), else the
        item shown."""
        if self.right.currentWidget() is not self.detail:
            return
        many = self._selected_items()
        if len(many) > 1:
            done = all(self.tracker.status(i) == "done" for i in many)
            self.request_statuses(many, "todo" if done else "done")
            return
        item_id = self.current_item_id() or self.detail.item_id
        if item_id:
            done = self.tracker.status(item_id) == "done"
            self.request_status(item_id, "todo" if done else "done")

    def week_in_view(self) -> str:
        """The week Mark week done acts on: the week page in view, else the shown item's."""
        if self.centre.currentWidget() is not self.items:
            return ""
        if self.node.kind == "week":
            return self.node.id
        item = self.tracker.curriculum.items.get(self.current_item_id() or self.detail.item_id)
        return item.week_id if item is not None else ""

    def focus_list(self) -> None:
        """View → Go to the list (Alt+2): the list of the page in view, whatever the page."""
        current = self.centre.currentWidget()
        target: QWidget | None = current
        if current is self.items:
            target = self.lists.currentWidget()
        elif current is not None and current is self._readings:
            target = self._readings.table
        elif current is not None:
            target = current.focusProxy() or _first_focusable(current) or current
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_details(self) -> None:
        """View → Go to the details (Alt+3): the note, or the reading's first control."""
        if not self.right.isVisible():
            self.focus_list()
            return
        if self.right.currentWidget() is self.detail:
            self.detail.focus_writing()
            return
        target = _first_focusable(self.reading_detail)
        (target or self.reading_detail).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_shortcuts(self) -> ShortcutsSheet:
        """Help → Keyboard shortcuts (F1)."""
        if self.shortcuts_sheet is not None:
            self.shortcuts_sheet.deleteLater()
        self.shortcuts_sheet = ShortcutsSheet(self.menuBar(), self)
        self.shortcuts_sheet.open()
        return self.shortcuts_sheet

    @property
    def readings(self) -> ReadingsPage:
        """The readings page, made the first time it is needed (it sorts every reading of the
        curriculum: start-up does not wait for a page it does not show)."""
        if self._readings is None:
            page = ReadingsPage(self.tracker, self.operations)
            page.current_reading_changed.connect(self._reading_selected)
            page.table.setTabKeyNavigation(False)
            self.centre.addWidget(page)
            self._readings = page
        return self._readings

    def _keyboard_order(self) -> None:
        """Tab leaves a table for the next pane (arrows move within it) instead of walking
        its cells; a note takes no Tab characters (the readings table: when made)."""
        for view in (self.navigation, self.checklist, self.tree):
            view.setTabKeyNavigation(False)
        self.detail.note.editor.setTabChangesFocus(True)

    def _selected_items(self) -> list[str]:
        """The checklist's selected items when it is the list in view."""
        if self.lists.currentWidget() is not self.checklist:
            return []
        return self.checklist.selected_item_ids()

    # --- theme and closing ----------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        """Apply a theme and keep it for next time (undoable); on a refusal the theme applies
        until Cairn closes. A summary's window changes nothing."""
        if (
            self.tracker.read_only
            or self.operations.run(theme_operation(self.tracker, name, self._show_theme)) is None
        ):
            self._show_theme(name)

    def _show_theme(self, name: str) -> None:
        """Apply a theme to the whole application and tick it in View → Theme."""
        app = QApplication.instance()
        self.theme = name
        apply_theme(app, name, self._resources_dir)  # type: ignore[arg-type]
        self.checklist_model.set_dark(is_dark(app))  # type: ignore[arg-type]
        if name in self.theme_actions:
            self.theme_actions[name].setChecked(True)
        if self.charts.readiness is not None:
            self.charts.readiness.mark_stale()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being written, the page in view and the window geometry (once). A
        summary's window with unsaved feedback asks first (Save, Discard or Cancel)."""
        if not self._closed and self.feedback is not None and not self.feedback.may_close():
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.detail.note.save()
            if self._practice is not None:
                self._practice.flush_pending()  # "Aim to remember" changed a moment ago
            for controls in (self.detail.timer, self.running_timer):
                controls.tick.stop()
            save_layout(self, self.splitter, self.tracker, self._last_view)
            self.safety.finish()  # the closing backup holds everything above
            for opened in list(self.sharing.opened):
                opened.close()
        super().closeEvent(event)
        if self.tracker.read_only:
            self.tracker.close()  # a summary's throwaway copy goes with its window


def _first_focusable(widget: QWidget) -> QWidget | None:
    """The first visible child that takes Tab focus, in the tab chain's order."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget and widget.isAncestorOf(candidate):
        if (
            candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None
