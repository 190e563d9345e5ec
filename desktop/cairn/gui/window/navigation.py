"""The navigation tree: the path (months → weeks), projects (→ milestones) and roles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from ...content import Curriculum, Item
from ...readiness import AreaReadiness
from ...tracker import Change, Tracker
from ..checklist.column_fit import ColumnFitter
from ..operations import Operations
from ..practice.due import DueWatch
from ..widgets.icons import icon
from ..widgets.node import Node

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
PRACTICE = Node("group", "practice")
#: The icon of each kind of navigation entry (groups by their id); see docs/design.md.
ICONS = {
    "today": "today",
    "history": "history",
    "practice": "practice",
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


class PrimaryScore:
    """The primary role's readiness score, kept area by area: when items are finished or
    reopened, only the role's areas those items build are worked out again (by the readiness
    model's own `area`, on a fresh snapshot of the tracker), never every area of every role."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self._areas: list[AreaReadiness] = []  # the role's areas, in the role's order
        self._role = ""

    def rebuild(self) -> None:
        """Work every area out again (other evidence, roles, choices or everything)."""
        self._role = self.tracker.primary_role()
        self._areas = []
        if self._role:
            self._areas = list(self.tracker.readiness().role(self._role).areas)

    def follow(self, finished_or_reopened: set[str]) -> bool:
        """Take in items whose done-ness changed; True when an area of the role moved."""
        items = self.tracker.counted.items
        built = {
            skill
            for item_id in finished_or_reopened
            if (item := items.get(item_id)) is not None
            for skill in item.skills
        }
        touched = [n for n, area in enumerate(self._areas) if area.skill_id in built]
        if not touched:
            return False
        model = self.tracker.readiness()  # a snapshot: cheap until an area is asked for
        for n in touched:
            self._areas[n] = model.area(self._areas[n].skill_id, self._areas[n].weight)
        return True

    def value(self) -> float | None:
        """The score as `ReadinessModel.role` makes it (None without a primary role)."""
        if not self._role:
            return None
        areas = self._areas
        total_weight = sum(a.weight for a in areas)
        score = sum(a.weight * a.score for a in areas) / total_weight if total_weight else 0.0
        return min(100.0, score)


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
        self._score = PrimaryScore(tracker)
        self._done_ids: set[str] = set()
        self._entries_of: dict[str, list[Node]] = {}  # item id -> the entries counting it
        self._done: dict[Node, int] = {}
        self._total: dict[Node, int] = {}
        self._layout_for: Curriculum | None = None  # the curriculum the entries were laid out for
        self._counted_nodes: list[Node] = []  # the entries with a done count, in order
        self._positions_of: dict[str, list[int]] = {}  # item id -> its entries' positions
        self._due = DueWatch.of(operations)  # the Practice entry's count of cards due
        self._due.moved.connect(self._show_due)
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
            QCoreApplication.translate("Navigation", "Practice"),
            PRACTICE,
            QCoreApplication.translate(
                "Navigation", "Recall what you finished, and rehearse interview questions"
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
        """Done counts follow statuses, readings, evidence and roles (also an undo): a status
        change recounts only the entries of the items it names."""
        if change.kind == "status":
            self._follow_statuses(change.ids)
        elif change.kind == "reading":
            self._show_readings()
        elif change.kind in ("evidence", "roles"):
            self._score.rebuild()
            self._show_score()
        elif change.kind == "all":
            self.refresh_progress()

    def refresh_progress(self) -> None:
        """Count every entry again from the tracker (a new model, or a change of everything).
        Which entries hold which items is worked out once per curriculum as it counts."""
        t = self.tracker
        if self._layout_for is not t.counted:
            self._lay_out()
        self._done_ids = {i for i, s in t.statuses().items() if s == "done"}
        counts = [0] * len(self._counted_nodes)  # by position: hashing entries is slow
        for item_id in self._done_ids:
            for position in self._positions_of.get(item_id, ()):
                counts[position] += 1
        self._done = dict(zip(self._counted_nodes, counts, strict=True))
        self._score.rebuild()
        for node in self._counts:
            self._show(node)
        self._show_score()
        self._show_readings()
        self._show_due(self._due.count)

    def _lay_out(self) -> None:
        """Which entries list each item (an item is counted as often as it is listed), and
        each entry's total."""
        t = self.tracker
        lists: dict[Node, list[Item]] = {Node("group", "path"): list(t.counted.items.values())}
        for node in self._counts:
            if node.kind == "month":
                lists[node] = t.counted.month_items(node.id)
            elif node.kind == "week":
                lists[node] = t.counted.week_items(node.id)
            elif node.kind == "project":
                lists[node] = t.curriculum.project_items(node.id)
        self._entries_of = {}
        self._total = {}
        for node, items in lists.items():
            self._total[node] = len(items)
            for item in items:
                self._entries_of.setdefault(item.id, []).append(node)
        for node in self._counts:
            if node.kind == "milestone":
                self._entries_of.setdefault(node.id, []).append(node)
        self._counted_nodes = list(self._total)
        position = {node: n for n, node in enumerate(self._counted_nodes)}
        self._positions_of = {
            item_id: [position[node] for node in nodes if node in position]
            for item_id, nodes in self._entries_of.items()
        }
        self._layout_for = t.counted

    def _follow_statuses(self, item_ids: tuple[str, ...]) -> None:
        """Move the done counts of the entries holding these items (each counted as often as
        it is listed there), and the readiness score, by what their statuses became."""
        moved: set[Node] = set()
        flipped: set[str] = set()
        for item_id in dict.fromkeys(item_ids):
            done = self.tracker.status(item_id) == "done"
            if done == (item_id in self._done_ids):
                continue
            flipped.add(item_id)
            if done:
                self._done_ids.add(item_id)
            else:
                self._done_ids.discard(item_id)
            for node in self._entries_of.get(item_id, ()):
                if node in self._done:
                    self._done[node] += 1 if done else -1
                moved.add(node)
        for node in moved:
            self._show(node)
        if self._score.follow(flipped):
            self._show_score()

    def _show(self, node: Node) -> None:
        """Write an entry's count: "done/total", or a tick on a finished milestone."""
        if node.kind == "milestone":
            self._set_count(node, "✓" if node.id in self._done_ids else "")
        elif node in self._done:
            self._set_count(node, f"{self._done[node]}/{self._total[node]}")

    def _show_score(self) -> None:
        """The readiness entry: the primary role's score, rounded."""
        score = self._score.value()
        self._set_count(Node("group", "readiness"), "" if score is None else f"{score:.0f}")

    def _show_readings(self) -> None:
        """The readings entry: how many of the path's readings are read."""
        statuses = self.tracker.reading_statuses()
        read = sum(1 for s in statuses.values() if s == "read")
        total = len(self.tracker.curriculum.readings)
        self._set_count(Node("group", "readings"), f"{read}/{total}")

    def _show_due(self, count: int) -> None:
        """The Practice entry: how many cards are due now (nothing when none is)."""
        spoken = QCoreApplication.translate("Navigation", "{count} due").format(count=count)
        self._set_count(PRACTICE, str(count) if count else "", spoken)

    def _set_count(self, node: Node, text: str, spoken: str = "") -> None:
        cell = self._counts.get(node)
        if cell is not None and cell.text() != text:
            cell.setText(text)
            cell.setData(spoken or f"{text} done", Qt.ItemDataRole.AccessibleTextRole)

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
    (the pane resized, a scroll bar shown or hidden). The counts' column is as wide as its
    widest count: measured once, then only the counts that change (Qt's "resize to contents"
    would measure every row through Python on every change)."""

    def __init__(self) -> None:
        super().__init__()
        self.header().sectionResized.connect(self._names_resized)
        self._fitter = ColumnFitter(self, self.header(), self._count_cells)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.dataChanged.connect(self._counts_changed)
            model.modelReset.connect(self._fitter.fit)
            self._fitter.fit()

    def _count_cells(self) -> dict[int, list[QModelIndex]]:
        """Every count in the tree (the fitter measures them all, once)."""
        model = self.model()
        cells: list[QModelIndex] = []
        parents = [QModelIndex()]
        while parents:
            parent = parents.pop()
            for row in range(model.rowCount(parent)):
                cells.append(model.index(row, 1, parent))
                name = model.index(row, 0, parent)
                if model.hasChildren(name):
                    parents.append(name)
        return {1: cells}

    def _counts_changed(
        self,
        top_left: QModelIndex,
        bottom_right: QModelIndex,
        _roles: Sequence[int] = (),
    ) -> None:
        """Widen the counts' column when a changed count no longer fits (never narrower: a
        count that shrinks leaves the column as it was, so nothing jumps)."""
        if bottom_right.column() < 1 or self._fitter.unfitted:
            return
        if not self.isVisible():  # measured in full when next shown
            self._fitter.unfitted = True
            return
        header = self.header()
        for row in range(top_left.row(), bottom_right.row() + 1):
            wanted = self.sizeHintForIndex(top_left.sibling(row, 1)).width()
            if wanted > header.sectionSize(1):
                header.resizeSection(1, min(wanted, header.maximumSectionSize()))

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
    view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
    return view
