"""A status change costs what it changes: the lists ask again only for the rows on screen
that show it, the navigation recounts only the entries holding the item, and every count and
score still says what a full recount would; the fitted columns hold their longest words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QApplication

from cairn.content import KIND_LABELS
from cairn.gui.checklist.table import (
    COLUMNS,
    FITTED_COLUMNS,
    KIND_COLUMN,
    ChecklistModel,
)
from cairn.gui.readings.page import READING_ID_ROLE
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.gui.window.navigation import NavigationModel
from cairn.progress import progress_of
from cairn.tracker import Change, Tracker

EXTRA_ITEMS = 360  # with the shipped path: well over a screen, and over a few hundred rows
SKILLS = ("llm-apis", "rag-grounding", "llm-evaluation", "agents-tools", "software-engineering")
KINDS = ("task", "topic", "check")
ROLES_PER_CELL = 8  # what a view asks a cell for when it paints it (text, font, colours…)


def _write_pack(data_dir: Path, weeks: list[str], items: int) -> None:
    """An added pack (like tests/fixtures/packs/extra) spreading `items` over `weeks`."""
    folder = data_dir / "packs" / "many"
    folder.mkdir(parents=True)
    parts = ['[pack]\nid = "many"\nname = "Many items"\nversion = "1"\nextends = "cairn-core"\n']
    per_week = -(-items // len(weeks))
    for w, week_id in enumerate(weeks):
        parts.append(f'\n[[week]]\nid = "{week_id}"\n')
        for n in range(w * per_week, min(items, (w + 1) * per_week)):
            parts.append(
                f'\n[[week.item]]\nid = "many-{n}"\nkind = "{KINDS[n % 3]}"\n'
                f'title = "Added item {n}"\ndescription = "Work."\n'
                f"estimate_hours = {1 + n % 4 * 0.5}\n"
                f'skills = ["{SKILLS[n % len(SKILLS)]}"]\nreadings = ["pro-git"]\n'
            )
    (folder / "pack.toml").write_text("".join(parts), encoding="utf-8")


@pytest.fixture
def data_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """Every `data()` call on checklist models made from now on: (row, column, role)."""
    calls: list[tuple[int, int, int]] = []
    original = ChecklistModel.data

    def counted(self: ChecklistModel, index: QModelIndex, role: int = 0) -> object:
        calls.append((index.row(), index.column(), int(role)))
        return original(self, index, role)

    monkeypatch.setattr(ChecklistModel, "data", counted)  # before any model is made
    return calls


@pytest.fixture
def big_window(  # type: ignore[no-untyped-def]
    open_window, data_calls: list[tuple[int, int, int]], data_dir: Path, shipped_pack: Path
) -> Iterator[MainWindow]:
    """The window at 1440×900 over the shipped path plus a few hundred added items, with a
    primary role (its score is in the navigation)."""
    with Tracker.open(data_dir, shipped_pack) as plain:
        weeks = list(plain.curriculum.weeks)[:12]
    _write_pack(data_dir, weeks, EXTRA_ITEMS)
    tracker = Tracker.open(data_dir, shipped_pack)
    assert len(tracker.curriculum.items) > EXTRA_ITEMS + 200
    tracker.set_target_roles("llm-engineer", ["ai-product-engineer"])
    window = open_window(tracker)
    window.resize(1440, 900)
    _settle()
    yield window


def _settle() -> None:
    """Let every posted event run: layouts, then the repaints they ask for."""
    for _ in range(5):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _visible_rows(window: MainWindow) -> int:
    view = window.checklist
    first = view.rowAt(0)
    last = view.rowAt(view.viewport().height() - 1)
    if last < 0:
        last = window.checklist_model.rowCount() - 1
    return last - first + 1


def _counts(model: NavigationModel) -> dict[Node, str]:
    """Every navigation entry's count, as shown."""
    shown: dict[Node, str] = {}

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            name = model.index(row, 0, parent)
            node = model.node_at(name)
            if node is not None:
                shown[node] = str(model.index(row, 1, parent).data() or "")
            walk(name)

    walk(QModelIndex())
    return shown


def _assert_counts_are_a_full_recount(window: MainWindow) -> None:
    fresh = NavigationModel(window.tracker, window.operations)
    try:
        assert _counts(window.navigation_model) == _counts(fresh)
    finally:
        fresh.deleteLater()
    primary = window.tracker.primary_role()
    expected = f"{window.tracker.readiness().role(primary).score:.0f}"
    assert _counts(window.navigation_model)[Node("group", "readiness")] == expected


def test_a_status_change_on_the_whole_path_asks_only_for_the_rows_on_screen(
    big_window: MainWindow, data_calls: list[tuple[int, int, int]]
) -> None:
    window = big_window
    window.show_node(Node("group", "path"))
    _settle()
    model, view = window.checklist_model, window.checklist
    assert model.rowCount() > EXTRA_ITEMS
    visible = _visible_rows(window)
    assert 5 < visible < 60
    top = view.rowAt(0)
    targets = [i.id for r in range(top, top + visible) if (i := model.item_at(r)) is not None]
    data_calls.clear()
    window.request_status(targets[0], "done")
    _settle()
    # At most the screen is drawn again (the first change may move the page header and with
    # it the list); sizing columns to their contents would ask for up to a thousand rows.
    assert 0 < len(data_calls) <= ROLES_PER_CELL * visible * len(COLUMNS), len(data_calls)
    for item_id, status in zip(targets[1:4], ("doing", "skipped", "todo"), strict=True):
        data_calls.clear()
        window.request_status(item_id, status)
        _settle()
        row = model.row_of(item_id)
        heading = max(h for h in model.heading_rows() if h < row)
        assert {r for r, _column, _role in data_calls} == {row, heading}
        assert len(data_calls) <= ROLES_PER_CELL * (len(COLUMNS) + 1)
    assert model.index(model.row_of(targets[0]), 0).data().endswith("Done")


def test_a_change_off_screen_asks_for_nothing(
    big_window: MainWindow, data_calls: list[tuple[int, int, int]]
) -> None:
    window = big_window
    window.show_node(Node("group", "path"))
    _settle()
    model = window.checklist_model
    window.request_status("many-0", "done")  # the page header settles at its new height
    _settle()
    far = model.item_at(model.rowCount() - 1)
    assert far is not None
    data_calls.clear()
    window.request_status(far.id, "done")
    _settle()
    assert data_calls == []
    assert model.index(model.rowCount() - 1, 0).data().endswith("Done")


def test_navigation_counts_and_score_follow_every_change_like_a_full_recount(
    big_window: MainWindow,
) -> None:
    window, t = big_window, big_window.tracker
    window.show_node(Node("group", "path"))
    c = t.curriculum
    milestone = next(i for i in c.items.values() if i.is_milestone and i.skills)
    week_items = [i.id for i in c.week_items("w02")]
    steps: list[Callable[[], object]] = [
        lambda: window.request_status("many-1", "done"),
        lambda: window.request_status("many-1", "doing"),  # done → doing counts down
        lambda: window.request_status("many-2", "done"),
        lambda: window.request_status(milestone.id, "done"),
        lambda: window.request_statuses(week_items, "done"),
        lambda: window.undo_stack.undo(),
        lambda: window.undo_stack.undo(),
        lambda: window.undo_stack.redo(),
        lambda: window.request_statuses([*week_items[:2], "many-2"], "skipped"),
        lambda: window.operations.publish(t.add_evidence(milestone.id, "https://example.org/p")),
        lambda: window.operations.publish(t.set_target_roles("ai-product-engineer")),
        lambda: window.request_status("many-4", "done"),
        lambda: window.refresh_everything(),
    ]
    for step in steps:
        step()
        _assert_counts_are_a_full_recount(window)
    assert _counts(window.navigation_model)[Node("milestone", milestone.id)] == "✓"


def test_a_role_page_redraws_its_changed_item_and_the_counts_of_its_groups(
    big_window: MainWindow,
) -> None:
    window, t = big_window, big_window.tracker
    window.show_node(Node("role", "llm-engineer"))
    model = window.tree_model
    first_group = model.item(0, 0)
    item_id = first_group.child(0, 0).data(Qt.ItemDataRole.UserRole + 3)
    window.request_status(item_id, "done")
    window.request_statuses([item_id, "many-1", "many-3"], "done")
    for row, group in enumerate(window.page.groups):
        done = progress_of(group.items, t.statuses()).done
        assert model.item(row, 0).text() == f"{group.title}  —  {done} of {len(group.items)} done"
    assert first_group.child(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Done"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_fitted_columns_hold_their_longest_words_in_both_themes(
    big_window: MainWindow, theme: str
) -> None:
    window = big_window
    window.set_theme(theme)
    window.show_node(Node("group", "path"))
    _settle()
    view, model = window.checklist, window.checklist_model
    header = view.horizontalHeader()
    padding = 2 * 6  # the style sheet's item padding, left and right
    for word in (KIND_LABELS["check"], KIND_LABELS["milestone"]):
        row = next(r for r in range(model.rowCount()) if model.index(r, KIND_COLUMN).data() == word)
        needed = view.fontMetrics().horizontalAdvance(word) + padding
        assert view.columnWidth(KIND_COLUMN) >= needed, (word, view.columnWidth(KIND_COLUMN))
        assert view.columnWidth(KIND_COLUMN) >= view.sizeHintForIndex(model.index(row, 2)).width()
    fitted = {column: view.columnWidth(column) for column in FITTED_COLUMNS}
    for column in FITTED_COLUMNS:  # at least what Qt's own fitting gives them
        if view.isColumnHidden(column):
            continue
        header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        _settle()
        assert fitted[column] >= header.sectionSize(column), COLUMNS[column]
        header.setSectionResizeMode(column, header.ResizeMode.Fixed)
        header.resizeSection(column, fitted[column])


def test_a_status_change_measures_only_the_navigation_counts_it_changes(
    big_window: MainWindow,
) -> None:
    """Qt's "resize to contents" on the counts would measure every navigation row again on
    each change; the counts' column is fitted once and widened only by a count that grew."""
    from cairn.gui.window.navigation import WrappingNames

    measured: list[int] = []

    class Counting(WrappingNames):
        def sizeHint(self, option: Any, index: Any) -> QSize:
            measured.append(index.column())
            return super().sizeHint(option, index)

    window = big_window
    view = window.navigation
    view.setItemDelegate(Counting(view))
    window.show_node(Node("group", "path"))
    _settle()
    measured.clear()
    window.request_status("many-5", "done")
    _settle()
    shown = _counts(window.navigation_model)
    assert len(shown) > 40
    assert 0 < measured.count(1) <= 16, measured  # the entries holding the item, not all rows
    for node, text in shown.items():
        cell = window.navigation_model.index_of(node).siblingAtColumn(1)
        assert view.sizeHintForIndex(cell).width() <= view.columnWidth(1), (node, text)


def test_the_whole_path_row_moves_with_every_change_like_a_full_recount(
    big_window: MainWindow,
) -> None:
    window, t = big_window, big_window.tracker
    window.show_node(Node("week", "w02"))
    week_items = [i.id for i in t.curriculum.week_items("w02")]
    steps: list[Callable[[], object]] = [
        lambda: window.request_status("many-1", "done"),
        lambda: window.request_status("many-1", "skipped"),
        lambda: window.request_status("many-1", "doing"),
        lambda: window.request_statuses(week_items, "done"),
        lambda: window.undo_stack.undo(),
        lambda: window.undo_stack.redo(),
        lambda: window.request_statuses([*week_items[:3], "many-2", "many-2"], "skipped"),
        lambda: window.operations.publish(t.set_note("many-3", "a note changes no count")),
        lambda: window.refresh_everything(),
        lambda: window.request_status("many-4", "done"),
    ]
    for step in steps:
        step()
        shown, fresh = window.whole_path.progress(), t.overall_progress()
        assert (shown.done, shown.doing, shown.skipped, shown.total) == (
            fresh.done,
            fresh.doing,
            fresh.skipped,
            fresh.total,
        )
        assert shown.hours_done == pytest.approx(fresh.hours_done)
        assert window.overall.text() == (
            f"Whole path: {fresh.done} of {fresh.total} done ({fresh.percent:g}%)"
        )


def test_a_change_of_everything_reaches_the_hidden_readings_page_when_it_is_shown(
    big_window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    """Hidden, the readings page does not re-sort and re-filter every reading on an outside
    change; shown, it filters by what the statuses are now."""
    window = big_window
    readings = window.readings
    window.show_node(Node("group", "readings"))
    readings.status.setCurrentIndex(readings.status.findData("read"))
    shown_before = readings.proxy.rowCount()
    window.show_node(Node("week", "w01"))
    reading_id = next(
        r for r in window.tracker.curriculum.readings if window.tracker.reading_status(r) != "read"
    )
    with Tracker.open(data_dir, shipped_pack) as other:  # `cairn` in a terminal
        other.set_reading_status(reading_id, "read")
    assert window.safety.notice_outside_changes()
    assert readings._stale
    window.show_node(Node("group", "readings"))
    assert not readings._stale
    assert readings.proxy.rowCount() == shown_before + 1
    rows = [readings.proxy.index(r, 0).data(READING_ID_ROLE) for r in range(shown_before + 1)]
    assert reading_id in rows


def test_a_role_page_follows_a_change_made_elsewhere_like_a_fresh_fill(
    big_window: MainWindow, data_dir: Path, shipped_pack: Path
) -> None:
    """After another process changes statuses, the role page's cells and group counts are
    compared with the statuses in Python and redrawn where they differ: the same as filling
    the page again."""
    window, t = big_window, big_window.tracker
    window.show_node(Node("role", "llm-engineer"))
    model = window.tree_model
    first_group = window.page.groups[0]
    changed = [i.id for i in first_group.items[:3]]
    with Tracker.open(data_dir, shipped_pack) as other:  # `cairn mark` in a terminal
        other.set_statuses(dict.fromkeys(changed, "done"))
    assert window.safety.notice_outside_changes()
    shown = {
        model.item(row, 0).child(n, 0).data(Qt.ItemDataRole.UserRole + 3): model.item(row, 0)
        .child(n, 0)
        .text()
        for row in range(model.rowCount())
        for n in range(model.item(row, 0).rowCount())
    }
    headings = [model.item(row, 0).text() for row in range(model.rowCount())]
    window.tree.fill(window.page.groups, window.page.columns)  # a fresh fill to compare with
    fresh = [model.item(row, 0).text() for row in range(model.rowCount())]
    assert headings == fresh
    for item_id in changed:
        assert (
            shown[item_id]
            == model.item(0, 0).child([i.id for i in first_group.items].index(item_id), 0).text()
        )
    done = progress_of(first_group.items, t.statuses()).done
    assert headings[0].endswith(f"{done} of {len(first_group.items)} done")


class _Items:
    """A stand-in tracker: a counted curriculum of items with these hours, and statuses."""

    def __init__(self, hours: list[float]) -> None:
        from types import SimpleNamespace

        items = {
            f"i{n}": SimpleNamespace(id=f"i{n}", estimate_hours=h) for n, h in enumerate(hours)
        }
        self.counted = SimpleNamespace(items=items)
        self._statuses: dict[str, str] = {}

    def statuses(self) -> dict[str, str]:
        return dict(self._statuses)

    def status(self, item_id: str) -> str:
        return self._statuses.get(item_id, "todo")

    def set(self, item_id: str, status: str) -> Change:
        self._statuses[item_id] = status
        return Change("status", (item_id,), None, status)


@pytest.mark.parametrize("hours", [[0.1, 1e9, 2.5], [0.1, float("inf"), 3.0]])
def test_the_whole_path_hours_never_drift_whatever_the_estimates(hours: list[float]) -> None:
    """Hours done are summed again from the items done, not moved by additions and
    subtractions: a huge or infinite estimate marked done and back leaves no trace."""
    from cairn.gui.window.progress_rows import WholePath

    fake = _Items(hours)
    whole = WholePath(fake)  # type: ignore[arg-type]
    whole.follow(fake.set("i0", "done"))
    assert whole.progress().hours_done == pytest.approx(0.1)
    for status in ("done", "todo", "done", "skipped"):
        whole.follow(fake.set("i1", status))
    assert whole.progress().hours_done == 0.1
    assert (whole.progress().done, whole.progress().skipped) == (1, 1)


def test_a_count_that_grew_while_the_window_was_hidden_fits_when_it_is_shown(
    big_window: MainWindow,
) -> None:
    window = big_window
    window.hide()
    path = Node("group", "path")
    window.navigation_model._set_count(path, "12345/99999")  # wider than any count before
    window.show()
    _settle()
    view = window.navigation
    cell = window.navigation_model.index_of(path).siblingAtColumn(1)
    assert view.columnWidth(1) >= view.sizeHintForIndex(cell).width()
