"""A page of items: its header (title, summary, progress) over the list in view — a table, a
grouped tree, or a few words saying why the page is empty."""

from __future__ import annotations

import sys
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...content import Item
from ...tracker import StoreError, Tracker, TrackerError
from ..operations import Operations
from ..widgets.links import open_external
from .choice_card import ChoiceCards
from .filter_bar import FilterBar
from .header import PageHeader
from .pages import PageSpec
from .table import WEEK_COLUMN, ChecklistModel, ChecklistView
from .tree import ItemTreeModel, ItemTreeView

HIDDEN_SETTING = "hidden_statuses"  # a window preference: "Hide done" / "Hide skipped"
MORE_LINK = "#more"


class ItemsPage(QWidget):
    """The centre of the window for weeks, months, projects, roles and Today."""

    choose_requested = Signal(str, str)  # choice group id, option id

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.header = PageHeader()
        self.header.summary.setTextFormat(Qt.TextFormat.MarkdownText)
        self.header.summary.linkActivated.connect(self._link)
        self.tracker = tracker
        self.page = PageSpec("", "")
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
        self.filters = FilterBar()
        with QSignalBlocker(self.filters):
            self.filters.set_hidden_statuses(tracker.setting(HIDDEN_SETTING))
        self.filters.changed.connect(self._filters_changed)
        self.filters.to_list.connect(self._focus_list)
        self.checklist.setMinimumHeight(120)
        self.tree.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.choices)
        layout.addWidget(self.filters)
        layout.addWidget(self.lists, 1)

    # --- filters --------------------------------------------------------------------------------
    def focus_filter(self) -> None:
        """Ctrl+F: open the filter field above the list in view and put the cursor in it (a
        page without a list has nothing to filter)."""
        if self.page.items or self.page.groups:
            self.filters.open_field()

    def _focus_list(self) -> None:
        current = self.lists.currentWidget()
        if current is not None and current is not self.empty:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filters_changed(self) -> None:
        """Keep the toggles for next time (a window preference, never undone) and narrow the
        list in place."""
        hidden = self.filters.hidden_statuses()
        if not self.tracker.read_only and self.tracker.setting(HIDDEN_SETTING) != hidden:
            try:
                self.tracker.set_setting(HIDDEN_SETTING, hidden or None)
            except (StoreError, TrackerError) as error:
                sys.stderr.write(f"cairn: the list filters were not saved: {error}\n")
        self.redraw(self.page)

    def _shown(self, page: PageSpec) -> PageSpec:
        """The page as the filters leave it: rows hidden by status or not matching the text
        typed; a group keeps its done count over all its items."""
        if not self.filters.hidden_statuses() and not self.filters.narrowing():
            return page
        statuses = self.tracker.statuses()

        def keep(items: list[Item] | tuple[Item, ...]) -> list[Item]:
            return [i for i in items if self.filters.keeps(i, statuses.get(i.id, "todo"))]

        groups = [
            replace(g, items=keep(list(g.items)), counted=g.items if g.show_done else None)
            for g in page.groups
        ]
        if self.filters.narrowing():
            groups = [g for g in groups if g.items]
        return replace(page, items=keep(page.items), groups=groups)

    def _empty_words(self, page: PageSpec) -> str:
        """Why the page shows no list: its own words, or the filters hiding every row."""
        if not (page.items or page.groups):
            return page.empty
        return self.tr("The filters above hide every item here.")

    def _link(self, link: str) -> None:
        """The summary's "more…" shows the rest of it; other links open in the browser."""
        if link == MORE_LINK:
            self.header.summary.setText(self.page.summary + "\n\n" + self.page.summary_more)
            return
        open_external(link)

    def _show_header(self, page: PageSpec) -> None:
        summary = page.summary
        if page.summary_more:
            summary += f" [{self.tr('more…')}]({MORE_LINK})"
        self.header.show_page(page.title, summary)

    # --- pages ----------------------------------------------------------------------------------
    def show_page(self, page: PageSpec, select: str = "") -> None:
        """Show a new page, with the item `select` selected if it is on it."""
        self.page = page
        self._show_header(page)
        self._show_choices(page)
        self.filters.setVisible(bool(page.items or page.groups))  # only over a list
        self.filters.close_field()  # typed text filtered the page before; the toggles stay
        shown = self._shown(page)
        view: QWidget = self.empty
        if shown.groups:
            self.tree.fill(shown.groups, shown.columns)
            view = self.tree
        elif shown.items:
            self.model.set_items(shown.items, grouped=page.by_week)
            self.checklist.setColumnHidden(
                WEEK_COLUMN, page.by_week or not page.show_week_column
            )  # under week headings the column would repeat them
            view = self.checklist
        else:
            self.empty.setText(self._empty_words(page))
            self.model.set_items([])
        self.lists.setCurrentWidget(view)
        if select and isinstance(view, (ChecklistView, ItemTreeView)):
            view.select_item(select)

    def redraw(self, page: PageSpec) -> None:
        """Show the same page again after its data changed, in place: the selected item, the
        scroll position and the rows that stayed are kept."""
        keep = self.current_item_id()
        more_open = bool(page.summary_more) and self.header.summary.text().endswith(
            page.summary_more
        )
        self.page = page
        if not more_open:
            self._show_header(page)
        self._show_choices(page)
        self.filters.setVisible(bool(page.items or page.groups))
        shown = self._shown(page)
        if shown.groups:
            self.tree.show_groups(shown.groups, shown.columns, keep=keep)
            self.lists.setCurrentWidget(self.tree)
        elif shown.items:
            self.checklist.show_items(shown.items, keep=keep, grouped=page.by_week)
            self.checklist.setColumnHidden(
                WEEK_COLUMN, page.by_week or not page.show_week_column
            )  # under week headings the column would repeat them
            self.lists.setCurrentWidget(self.checklist)
        else:
            self.empty.setText(self._empty_words(page))
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
