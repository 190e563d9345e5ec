"""The readiness and history pages: built on first use, since they load QtCharts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget

from ...tracker import Tracker
from ..operations import Operations

if TYPE_CHECKING:
    from ..history.page import HistoryPage
    from ..readiness.page import ReadinessPage


class ChartPages:
    """Makes the two chart pages when first shown and adds them to the window's centre."""

    def __init__(
        self,
        tracker: Tracker,
        operations: Operations,
        centre: QStackedWidget,
        go_to_item: Callable[[str], None],
        show_item: Callable[[str], None],
    ) -> None:
        self.tracker = tracker
        self.operations = operations
        self.centre = centre
        self.go_to_item = go_to_item
        self.show_item = show_item
        self.readiness: ReadinessPage | None = None
        self.history: HistoryPage | None = None

    def readiness_page(self) -> ReadinessPage:
        """The readiness page; a next step chosen in it opens in the detail pane."""
        if self.readiness is None:
            from ..readiness.page import ReadinessPage

            page = ReadinessPage(self.tracker, self.operations)
            page.primary.setVisible(not self.tracker.read_only)
            page.targets.setEnabled(not self.tracker.read_only)
            page.refresh()
            page.item_requested.connect(self.go_to_item)
            page.steps.currentCellChanged.connect(lambda row, _c, _r, _p: self._step_selected(row))
            self.centre.addWidget(page)
            self.readiness = page
        return self.readiness

    def history_page(self) -> HistoryPage:
        if self.history is None:
            from ..history.page import HistoryPage

            self.history = HistoryPage(self.tracker, self.operations)
            self.centre.addWidget(self.history)
        return self.history

    def forget_readiness(self) -> None:
        """New content: the readiness page is made again when next shown."""
        if self.readiness is not None:
            self.centre.removeWidget(self.readiness)
            self.readiness.deleteLater()
            self.readiness = None

    def _step_selected(self, row: int) -> None:
        item_id = self.readiness.step_id(row) if self.readiness is not None else ""
        if item_id:
            self.show_item(item_id)
