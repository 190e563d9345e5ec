"""Views follow every change through the one change signal, an undo included; none is
refreshed by another view."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import cairn.gui
from cairn.gui.study.operations import plan_operation
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow

ITEM = "python-project-skeleton"


def test_undoing_a_plan_redraws_today_at_once(window: MainWindow) -> None:
    window.show_node(Node("group", "today"))
    assert "Plan:" not in window.header.summary.text()
    window.operations.run(plan_operation(window.tracker, date(2026, 11, 2), 10))
    assert "Plan: 10 h a week" in window.header.summary.text()
    window.undo_stack.undo()
    assert "Plan:" not in window.header.summary.text()  # no navigation needed
    window.undo_stack.redo()
    assert "Plan: 10 h a week" in window.header.summary.text()


def test_a_status_undo_reaches_every_view_that_shows_it(window: MainWindow) -> None:
    window.show_node(Node("week", "w01"))
    window.checklist.select_item(ITEM)
    window.request_status(ITEM, "done")
    window.undo_stack.undo()
    model = window.checklist_model
    assert model.index(model.row_of(ITEM), 0).data().endswith("To do")
    checked = [b for b in window.detail.status_buttons.buttons() if b.isChecked()]
    assert [b.property("status") for b in checked] == ["todo"]
    week = window.navigation_model.index_of(Node("week", "w01"))
    assert window.navigation_model.index(week.row(), 1, week.parent()).data().startswith("0/")
    assert window.overall.text().startswith("Whole path: 0 of")


def test_a_change_seen_elsewhere_is_one_change_on_the_same_signal(
    window: MainWindow, data_dir: Path
) -> None:
    from cairn.cli import run

    seen: list[str] = []
    window.operations.changed.connect(lambda change: seen.append(change.kind))
    assert run(["--data-dir", str(data_dir), "mark", ITEM, "done"]) == 0
    assert window.safety.notice_outside_changes()
    assert seen == ["all"]
    model = window.checklist_model
    window.show_node(Node("week", "w01"))
    assert model.index(model.row_of(ITEM), 0).data().endswith("Done")


def _own(receiver: ast.expr) -> bool:
    """`self` or one of its own parts (`self.model`, `self.note`): what an object made."""
    if isinstance(receiver, ast.Name):
        return receiver.id == "self"
    return (
        isinstance(receiver, ast.Attribute)
        and isinstance(receiver.value, ast.Name)
        and receiver.value.id == "self"
    )


def test_no_view_calls_another_view_to_refresh_it() -> None:
    """Outside the window module, a gui module refreshes only itself and its own parts
    (`self.model.refresh_all()`), never another view (`self.window.readings.refresh()`,
    `other.refresh()`): views refresh themselves from `Operations.changed`."""
    package = Path(cairn.gui.__file__).parent
    refreshers = {"refresh", "refresh_all", "refresh_progress", "refresh_item", "mark_stale"}
    found = []
    modules = sorted(p for p in package.rglob("*.py") if p.parent.name != "window")
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in refreshers
                and not _own(node.func.value)
            ):
                found.append(f"{path.relative_to(package)}:{node.lineno} .{node.func.attr}()")
    assert len(modules) > 30, "the check found too few modules to mean anything"
    assert not found, "a view refreshes another:\n" + "\n".join(found)
