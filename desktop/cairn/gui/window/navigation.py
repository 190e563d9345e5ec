"""The navigation tree: the path (months → weeks), projects (→ milestones) and roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from ...progress import Progress
from ...tracker import Change, Tracker
from ..operations import Operations
from ..widgets.icons import icon
from ..widgets.node import Node

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The icon of each kind of navigation entry (groups by their id); see docs/design.md.
ICONS = {
    "today": "today",
    "history": "history",
    "readiness": "readiness",
    "path": "path",
    "readings": "readings",
    "projects": "projects",
    "roles": "role",
    "retired": "remove",
    "month": "month",
    "week": "week",
    "project": "projects",
    "role": "role",
}


def _count(progress: Progress) -> str:
    return f"{progress.done}/{progress.total}"


class NavigationModel(QStandardItemModel):
    """Two columns: the entry's name and, where it has a checklist, its done count."""

    def __init__(self, tracker: Tracker, operations: Operations) -> None:
        super().__init__()
        self.tracker = tracker
        operations.changed.connect(self._changed)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Navigation", "Section"),
                QCoreApplication.translate("Navigation", "Done"),
            ]
        )
        self._counts: dict[Node, QStandardItem] = {}
        self._rows: dict[Node, QStandardItem] = {}
        self._build()

    def _add(
        self, parent: QStandardItem | QStandardItemModel, label: str, node: Node, tooltip: str = ""
    ) -> QStandardItem:
        name = QStandardItem(label)
        name.setData(node, NODE_ROLE)
        kind = node.id if node.kind == "group" else node.kind
        if kind in ICONS:
            name.setIcon(icon(ICONS[kind]))
        name.setEditable(False)
        if tooltip:
            name.setToolTip(tooltip)
        count = QStandardItem("")
        count.setEditable(False)
        count.setData(node, NODE_ROLE)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        parent.appendRow([name, count])
        self._rows[node] = name
        self._counts[node] = count
        return name

    def _build(self) -> None:
        c = self.tracker.curriculum
        self._add(
            self,
            QCoreApplication.translate("Navigation", "Today"),
            Node("group", "today"),
            QCoreApplication.translate("Navigation", "What to do now"),
        )
        self._add(
            self,
            QCoreApplication.translate("Navigation", "History"),
            Node("group", "history"),
            QCoreApplication.translate(
                "Navigation", "Study days, hours against the plan, items finished over time"
            ),
        )
        self._add(
            self,
            QCoreApplication.translate("Navigation", "Readiness"),
            Node("group", "readiness"),
            QCoreApplication.translate(
                "Navigation", "How ready you are for each role, and what to do next"
            ),
        )
        path = self._add(
            self, QCoreApplication.translate("Navigation", "Six-month path"), Node("group", "path")
        )
        for month in c.months:
            label = QCoreApplication.translate("Navigation", "Month {number} · {title}").format(
                number=month.number, title=month.title
            )
            row = self._add(path, label, Node("month", month.id))
            for week_id in month.week_ids:
                week = c.weeks[week_id]
                label = QCoreApplication.translate("Navigation", "Week {number} · {title}").format(
                    number=week.number, title=week.title
                )
                self._add(row, label, Node("week", week.id), week.title)
        self._add(
            self,
            QCoreApplication.translate("Navigation", "Readings"),
            Node("group", "readings"),
            QCoreApplication.translate("Navigation", "Every reading of the path, with filters"),
        )
        projects = self._add(
            self, QCoreApplication.translate("Navigation", "Projects"), Node("group", "projects")
        )
        for project in c.projects_in_order():
            row = self._add(
                projects,
                project.title,
                Node("project", project.id),
                QCoreApplication.translate("Navigation", "{level} project").format(
                    level=project.level.capitalize()
                ),
            )
            for item in c.project_items(project.id):
                self._add(row, item.title, Node("milestone", item.id), item.title)
        roles = self._add(
            self, QCoreApplication.translate("Navigation", "Role tracks"), Node("group", "roles")
        )
        for role in c.roles.values():
            self._add(roles, role.name, Node("role", role.id), role.name)
        retired = self.tracker.retired_ids()
        if retired:
            self._add(
                self,
                QCoreApplication.translate("Navigation", "Retired items ({count})").format(
                    count=len(retired)
                ),
                Node("group", "retired"),
                QCoreApplication.translate(
                    "Navigation", "Saved progress on items the curriculum no longer has"
                ),
            )
        self.refresh_progress()

    def _changed(self, change: Change) -> None:
        """Done counts follow statuses, readings, evidence and roles (also an undo)."""
        if change.kind in ("status", "reading", "evidence", "roles", "all"):
            self.refresh_progress()

    def refresh_progress(self) -> None:
        """Recompute every done count (cheap: a few dozen entries)."""
        t = self.tracker
        for node, cell in self._counts.items():
            if node.kind == "month":
                text = _count(t.month_progress(node.id))
            elif node.kind == "week":
                text = _count(t.week_progress(node.id))
            elif node.kind == "project":
                text = _count(t.project_progress(node.id))
            elif node.kind == "milestone":
                text = "✓" if t.status(node.id) == "done" else ""
            elif node.kind == "group" and node.id == "path":
                text = _count(t.overall_progress())
            elif node.kind == "group" and node.id == "readiness":
                primary = t.primary_role()
                text = f"{t.readiness().role(primary).score:.0f}" if primary else ""
            elif node.kind == "group" and node.id == "readings":
                statuses = t.reading_statuses()
                read = sum(1 for s in statuses.values() if s == "read")
                text = f"{read}/{len(t.curriculum.readings)}"
            else:
                continue
            if cell.text() != text:
                cell.setText(text)
                cell.setData(f"{text} done", Qt.ItemDataRole.AccessibleTextRole)

    def index_of(self, node: Node) -> QModelIndex:
        row = self._rows.get(node)
        return row.index() if row is not None else QModelIndex()

    @staticmethod
    def node_at(index: QModelIndex | QPersistentModelIndex) -> Node | None:
        value = index.data(NODE_ROLE) if index.isValid() else None
        return value if isinstance(value, Node) else None


class WrappingNames(QStyledItemDelegate):
    """Names wrap onto more lines at the width the view gives them, instead of "…"."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margins = 20  # the style's text margins and focus frame, with room to spare
        width = self.view.header().sectionSize(0) - self.view.indentation() * (depth + 1) - margins
        if width <= 40:
            return hint
        text = str(index.data() or "")
        metrics = self.view.fontMetrics()
        bounds = metrics.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class NavigationView(QTreeView):
    """The navigation tree; its rows are measured again when the names' column changes width
    (the pane resized, a scroll bar shown or hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self.header().sectionResized.connect(self._names_resized)

    def _names_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.scheduleDelayedItemsLayout()


def navigation_view(model: NavigationModel) -> QTreeView:
    """The navigation tree: names stretch and wrap (never cut to "…"), counts fit, nothing is
    edited in place."""
    view = NavigationView()
    view.setModel(model)
    view.setItemDelegate(WrappingNames(view))
    view.setAccessibleName("Navigation")
    view.setHeaderHidden(True)
    view.setUniformRowHeights(False)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.header().setStretchLastSection(False)
    view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return view
