"""A page of items: its header (title, summary, progress) over the list in view — a table, a
grouped tree, or a few words saying why the page is empty."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...tracker import Tracker
from ..operations import Operations
from ..widgets.links import open_external
from .choice_card import ChoiceCards
from .header import PageHeader
from .pages import PageSpec
from .table import WEEK_COLUMN, ChecklistModel, ChecklistView
from .tree import ItemTreeModel, ItemTreeView


class ItemsPage(QWidget):
    """The centre of the window for weeks, months, projects, roles and Today."""

    choose_requested = Signal(str, str)  # choice group id, option id

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.header = PageHeader()
        self.header.summary.setTextFormat(Qt.TextFormat.MarkdownText)
        self.header.summary.linkActivated.connect(open_external)
        self.tracker = tracker
        self.choices = ChoiceCards()
        self.choices.choose_requested.connect(self.choose_requested)
        self.model = ChecklistModel(tracker, operations, self)
        self.checklist = ChecklistView(self.model)
        self.tree_model = ItemTreeModel(tracker, operations)
        self.tree = ItemTreeView(self.tree_model, "Grouped items")
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSummary")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.lists = QStackedWidget()
        for widget in (self.checklist, self.tree, self.empty):
            self.lists.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.choices)
        layout.addWidget(self.lists, 1)

    def show_page(self, page: PageSpec, select: str = "") -> None:
        """Show a new page, with the item `select` selected if it is on it."""
        self.header.show_page(page.title, page.summary)
        self._show_choices(page)
        view: ChecklistView | ItemTreeView = self.checklist
        if page.groups:
            self.tree.fill(page.groups, page.columns)
            view = self.tree
        elif page.items:
            self.model.set_items(page.items)
            self.checklist.setColumnHidden(WEEK_COLUMN, not page.show_week_column)
        else:
            self.empty.setText(page.empty)
            self.model.set_items([])
        self.lists.setCurrentWidget(view if page.groups or page.items else self.empty)
        if select:
            view.select_item(select)

    def redraw(self, page: PageSpec) -> None:
        """Show the same page again after its data changed, in place: the selected item, the
        scroll position and the rows that stayed are kept."""
        keep = self.current_item_id()
        self.header.show_page(page.title, page.summary)
        self._show_choices(page)
        if page.groups:
            self.tree.show_groups(page.groups, page.columns, keep=keep)
            self.lists.setCurrentWidget(self.tree)
        elif page.items:
            self.checklist.show_items(page.items, keep=keep)
            self.lists.setCurrentWidget(self.checklist)
        else:
            self.empty.setText(page.empty)
            self.lists.setCurrentWidget(self.empty)
            with QSignalBlocker(self.checklist):
                self.model.set_items([])

    def _show_choices(self, page: PageSpec) -> None:
        self.choices.show_groups(self.tracker.curriculum, page.choices, self.tracker.choices())

    def current_item_id(self) -> str:
        """The item selected in the list in view ('' if none)."""
        current = self.lists.currentWidget()
        if current is self.tree:
            return self.tree.current_item_id()
        if current is self.checklist:
            return self.checklist.current_item_id()
        return ""
