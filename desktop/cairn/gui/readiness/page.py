"""The readiness dashboard: every role on a radar, the chosen role's areas as bars, the
explanation in words and the next best steps. Imported only when first shown (QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...markup import escape
from ...readiness import NextStep, RoleReadiness
from ...tracker import Change, Tracker
from ..operations import Operations
from ..practice.retention_view import RetentionBox
from ..reversible import reversible
from ..widgets.charts import BarChart, RadarChart, Spoke, keep_together

STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 6


STACK_BELOW = 640  # px: narrower pages stack the radar above the bars


class ReadinessPage(QWidget):
    """Readiness across roles and for the role in view."""

    item_requested = Signal(str)

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker  # for reads only
        self.operations = operations
        self._stale = True
        self._drawn_role: RoleReadiness | None = None  # what the bars and the words show
        self._listed_steps: list[NextStep] | None = None
        title = QLabel(self.tr("Readiness"))
        title.setObjectName("PageTitle")
        intro = QLabel(
            self.tr(
                "How close your finished work brings you to each role. Only done items "
                "count; a milestone counts fully once it has an evidence link."
            )
        )
        intro.setObjectName("PageSummary")
        intro.setWordWrap(True)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role shown"))
        self.role.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.role.setMinimumContentsLength(12)
        for role in tracker.curriculum.roles.values():
            self.role.addItem(role.name, role.id)
        self.role.currentIndexChanged.connect(self.refresh)
        self.primary = QPushButton(self.tr("Make primary role"))
        self.primary.setAccessibleName(self.tr("Make the shown role your primary role"))
        self.primary.clicked.connect(self._make_primary)
        self.targets = QToolButton()
        self.targets.setText(self.tr("Target roles"))
        self.targets.setAccessibleName(self.tr("Choose target roles"))
        self.targets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.targets_menu = QMenu(self.targets)
        for role in tracker.curriculum.roles.values():
            action = self.targets_menu.addAction(role.name)
            action.setCheckable(True)
            action.setData(role.id)
            action.toggled.connect(self._targets_toggled)
        self.targets.setMenu(self.targets_menu)
        self.state = QLabel("")
        self.state.setObjectName("DetailMeta")
        self.state.setWordWrap(True)
        self.state.setMinimumWidth(80)
        choose = QHBoxLayout()
        role_label = QLabel(self.tr("&Role:"))
        role_label.setBuddy(self.role)
        choose.addWidget(role_label)
        choose.addWidget(self.role)
        choose.addWidget(self.primary)
        choose.addWidget(self.targets)
        choose.addStretch(1)

        self.radar = RadarChart()
        self.radar.title = self.tr("All roles (★ your targets)")
        self.radar.setAccessibleName(self.tr("Readiness across roles (radar chart)"))
        self.bars = BarChart()
        self.bars.setAccessibleName(self.tr("Skill-area scores (bar chart)"))
        charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        charts.addWidget(self.radar, 5)
        charts.addWidget(self.bars, 4)
        self.charts = charts  # side by side, stacked when the page is narrow (resizeEvent)

        self.explanation = QTextBrowser()
        self.explanation.setAccessibleName(self.tr("Readiness explained"))
        self.explanation.setMinimumHeight(90)
        steps_label = QLabel(
            self.tr(
                "Next best steps — readiness points gained per hour of work "
                "(Enter or double-click opens the item)"
            )
        )
        steps_label.setObjectName("SectionLabel")
        steps_label.setWordWrap(True)
        self.steps = QTableWidget(0, 4)
        self.steps.setAccessibleName(self.tr("Next steps"))
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Points"), self.tr("Hours"), self.tr("Points per hour")]
        )
        self.steps.verticalHeader().setVisible(False)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setAlternatingRowColors(True)
        self.steps.setShowGrid(False)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # full title in a tooltip
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.itemActivated.connect(self._open_step)
        self.steps.itemDoubleClicked.connect(self._open_step)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.state)
        layout.addLayout(charts, 4)
        self.remembered = RetentionBox()  # beside readiness, never part of it
        beside = QHBoxLayout()
        beside.addWidget(self.explanation, 3)
        beside.addWidget(self.remembered, 2)
        layout.addLayout(beside, 2)
        layout.addWidget(steps_label)
        layout.addWidget(self.steps, 2)
        scroller = QScrollArea()  # a small window scrolls the page instead of clipping it
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller)
        self._load_targets()
        operations.changed.connect(self._changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Radar and bars side by side on a wide page, one above the other on a narrow one."""
        wide = event.size().width() >= STACK_BELOW
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.charts.direction() != direction:
            self.charts.setDirection(direction)
        super().resizeEvent(event)

    def _changed(self, change: Change) -> None:
        """Tick the saved target roles again after a change of them (also an undo)."""
        if change.kind in ("roles", "all"):
            self._check_targets()
        self.mark_stale()  # any change may move readiness; it is recomputed when shown

    # --- choosing roles ----------------------------------------------------------------------
    def _load_targets(self) -> None:
        self._check_targets()
        shown = self.tracker.primary_role() or next(iter(self.tracker.curriculum.roles), "")
        self.role.setCurrentIndex(max(0, self.role.findData(shown)))

    def _check_targets(self) -> None:
        """Tick the target roles saved."""
        targets = set(self.tracker.target_roles())
        for action in self.targets_menu.actions():
            action.blockSignals(True)
            action.setChecked(action.data() in targets)
            action.blockSignals(False)

    def shown_role(self) -> str:
        return str(self.role.currentData() or "")

    def _make_primary(self) -> None:
        role = self.shown_role()
        others = [r for r in self.tracker.target_roles() if r != role]
        self._save_targets(role, others)

    def _targets_toggled(self) -> None:
        chosen = [a.data() for a in self.targets_menu.actions() if a.isChecked()]
        primary = self.tracker.primary_role()
        if primary and primary not in chosen:
            primary = ""
        saved = self._save_targets(
            primary or (chosen[0] if chosen else ""), [r for r in chosen if r != primary]
        )
        if not saved:
            self._check_targets()  # the menu goes back to what is saved

    def _save_targets(self, primary: str, others: list[str]) -> bool:
        """Save the target roles ("Undo Change target roles" puts back both settings as they
        were stored); a failure is said in the status bar."""
        operation = reversible(
            "Change target roles",
            lambda: self.tracker.set_target_roles(primary, others),
            lambda stored: self.tracker.restore_target_roles(stored),
            failed="changed (target roles)",
            read=lambda: (
                self.tracker.setting("primary_role"),
                self.tracker.setting("target_roles"),
            ),
        )
        return self.operations.run(operation, widget=self) is not None

    # --- showing ------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Recompute on next show, or now if visible."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._stale = False
        model = self.tracker.readiness()
        roles = model.roles()
        role_id = self.shown_role()
        shown = next((r for r in roles if r.role_id == role_id), roles[0] if roles else None)
        if shown is None:
            return
        primary = self.tracker.primary_role()
        targets = self.tracker.target_roles()
        self.primary.setEnabled(shown.role_id != primary)
        self.primary.setText(
            self.tr("Primary role") if shown.role_id == primary else self.tr("Make primary role")
        )
        score = self.tr("{role}: {score} / 100").format(role=shown.name, score=f"{shown.score:.1f}")
        self.state.setText(
            score
            + " · "
            + (
                self.tr("targets: {count}").format(count=len(targets))
                if targets
                else self.tr("no target roles chosen yet")
            )
        )
        self._draw_radar(roles, set(targets))
        if self._drawn_role is not shown:  # the model keeps a role a change did not touch
            self._drawn_role = shown
            self._draw_bars(shown)
            self._explain(shown)
        self.remembered.show_areas([a.skill_id for a in shown.areas], self.tracker)
        steps = model.next_steps(shown.role_id, limit=8)
        if steps != self._listed_steps:
            self._listed_steps = steps
            self._list_steps(steps)

    def _draw_radar(self, roles: list[RoleReadiness], targets: set[str]) -> None:
        spokes = [Spoke(r.name, r.score, r.role_id in targets) for r in roles]
        if spokes != self.radar.spokes:
            scale = self.tr("Scale: rings to {maximum} of 100 readiness points")
            self.radar.set_data(spokes, scale)

    def _draw_bars(self, role: RoleReadiness) -> None:
        self.bars.title = self.tr("{role}: {score} / 100").format(
            role=role.name, score=f"{role.score:.1f}"
        )
        label = self.tr("{area} · {weight} %")
        self.bars.set_data(
            [
                (keep_together(label.format(area=a.name, weight=a.weight)), a.score)
                for a in role.areas
            ]
        )

    def _explain(self, role: RoleReadiness) -> None:
        rows = "".join(
            f"<li><b>{a.contribution:.1f} of {a.weight} points</b> — {escape(a.explanation())}</li>"
            for a in role.areas
        )
        self.explanation.setHtml(
            f"<p><b>{escape(role.name)}: {role.score:.1f} / 100</b> — the sum of what each "
            "skill area adds (its weight × its share of finished work, by hours).</p>"
            f"<ul>{rows}</ul>"
        )

    def _list_steps(self, steps: list[NextStep]) -> None:
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            verb = (
                self.tr("Add evidence to: {title}")
                if step.action == "add evidence"
                else self.tr("Finish: {title}")
            )
            cells = [
                verb.format(title=step.title),
                f"+{step.gain:.1f}",
                f"{step.estimate_hours:g} h",
                f"{step.gain_per_hour:.1f}",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(STEP_ID_ROLE, step.item_id)
                cell.setToolTip(cells[0])
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.steps.setItem(row, column, cell)
        if not steps:
            self.steps.setRowCount(1)
            self.steps.setItem(0, 0, QTableWidgetItem(self.tr("Nothing left to do for this role.")))

    def step_id(self, row: int) -> str:
        """The item behind a next-step row ('' if none)."""
        cell = self.steps.item(row, 0)
        value = cell.data(STEP_ID_ROLE) if cell else None
        return value if isinstance(value, str) else ""

    def _open_step(self, cell: QTableWidgetItem) -> None:
        item_id = cell.data(STEP_ID_ROLE)
        if item_id:
            self.item_requested.emit(item_id)
