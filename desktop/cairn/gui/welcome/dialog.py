"""The first-run welcome: three short pages, skippable at every step. Finish saves the roles
and the plan (each an undoable operation) and emits `finished_setup` so the window opens
Today."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...tracker import Tracker
from ..operations import Operations
from ..reversible import reversible
from ..study.operations import plan_operation
from .pages import PanesPage, PlanPage, RolesPage
from .profile import name_operation, name_problem


class WelcomeDialog(QDialog):
    """Welcome, target roles, plan. Skip closes without saving anything."""

    finished_setup = Signal()

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.setWindowTitle(self.tr("Welcome"))
        self.setMinimumWidth(520)
        self.panes = PanesPage(tracker)
        self.roles = RolesPage(tracker)
        self.plan = PlanPage(tracker)
        self.pages = QStackedWidget()
        for page in (self.panes, self.roles, self.plan):
            self.pages.addWidget(page)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Why your answers were not saved"))
        self.skip = self._button(self.tr("S&kip"), self.tr("Close the welcome; nothing is saved"))
        self.back = self._button(self.tr("&Back"), self.tr("The previous page"))
        self.next = self._button(self.tr("&Next"), self.tr("The next page"))
        self.finish = self._button(
            self.tr("&Finish"), self.tr("Save your roles and plan, then open Today")
        )
        self.skip.clicked.connect(self.reject)
        self.back.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.go(self.pages.currentIndex() + 1))
        self.finish.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        for button in (self.back, self.next, self.finish):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._order_tabs()
        self.go(0)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        return button

    def _order_tabs(self) -> None:
        """The fields of a page, then its way forward, then Back and Skip."""
        chain = [
            self.panes.name,
            self.roles.primary,
            self.roles.others,
            self.plan.start,
            self.plan.hours,
            self.next,
            self.finish,
            self.back,
            self.skip,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def go(self, index: int) -> None:
        """Show page `index` with its buttons, the first field focused."""
        index = max(0, min(self.pages.count() - 1, index))
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        self.back.setVisible(index > 0)
        self.next.setVisible(not last)
        self.finish.setVisible(last)
        forward = self.finish if last else self.next
        forward.setDefault(True)
        (self.finish if not last else self.next).setDefault(False)
        # page 1 starts on Next (Enter goes on; Shift+Tab reaches the optional name)
        first = {0: self.next, 1: self.roles.primary, 2: self.plan.start}[index]
        first.setFocus()

    def save(self) -> bool:
        """Save the name (if typed), the roles (if any were chosen) and the plan, each
        undoable; a refusal is said in the dialog, which stays open."""
        primary, others = self.roles.chosen()
        tracker = self.tracker
        if not self._save_name():
            return False
        if primary:
            roles = reversible(
                "Change target roles",
                lambda: tracker.set_target_roles(primary, others),
                lambda stored: tracker.restore_target_roles(stored),
                failed="changed (target roles)",
                read=lambda: (tracker.setting("primary_role"), tracker.setting("target_roles")),
            )
            if self.operations.run(roles, widget=self, say=self.message.setText) is None:
                return False
        settings = self.plan.settings()
        plan = plan_operation(tracker, settings.start, settings.hours_per_week)
        if self.operations.run(plan, widget=self, say=self.message.setText) is None:
            return False
        self.accept()
        self.finished_setup.emit()
        return True

    def _save_name(self) -> bool:
        """Keep the name typed on the first page (nothing typed, or unchanged: no step); a
        name that cannot be kept is said, on its page."""
        name = self.panes.name.text().strip()
        problem = name_problem(name)
        if problem:
            self.message.setText(self.tr("Not saved (your name): {reason}.").format(reason=problem))
            self.go(0)
            return False
        if name == (self.tracker.setting("learner_name") or ""):
            return True
        operation = name_operation(self.tracker, name)
        return self.operations.run(operation, widget=self, say=self.message.setText) is not None
