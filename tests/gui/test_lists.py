"""Lists that read: whole titles in tips, a narrow status column, week headings, the Hide
done toggle kept across a restart, the Ctrl+F filter, and a layout that holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cairn.gui.checklist.table import STATUS_COLUMN, TITLE_COLUMN
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def _shown_titles(window: MainWindow) -> list[str]:
    """The titles of the item rows the checklist shows, top to bottom."""
    model = window.checklist_model
    rows = range(model.rowCount())
    return [model.index(r, TITLE_COLUMN).data() for r in rows if model.item_at(r) is not None]


def test_a_long_title_that_does_not_fit_has_its_whole_text_in_a_tooltip(
    window: MainWindow,
) -> None:
    window.resize(1024, 640)
    window.show_node(Node("month", "m2"))
    model, view = window.checklist_model, window.checklist
    longest = max(
        (r for r in range(model.rowCount()) if model.item_at(r) is not None),
        key=lambda r: len(model.index(r, TITLE_COLUMN).data()),
    )
    index = model.index(longest, TITLE_COLUMN)
    title = index.data()
    needed = view.fontMetrics().horizontalAdvance(title)
    assert needed > 2 * view.columnWidth(TITLE_COLUMN)  # it is cut on screen …
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(title)  # … and whole in the tip
    assert view.wordWrap()  # two lines of it are shown before it is cut


def test_the_status_column_is_a_narrow_glyph_with_the_status_in_words(
    window: MainWindow,
) -> None:
    window.show_node(Node("week", "w01"))
    view, model = window.checklist, window.checklist_model
    assert view.columnWidth(STATUS_COLUMN) <= 40
    index = model.index(0, STATUS_COLUMN)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "To do"


def test_a_month_page_has_a_heading_per_week_with_its_done_count(window: MainWindow) -> None:
    c = window.tracker.curriculum
    first = c.week_items("w05")[0]
    window.request_status(first.id, "done")
    window.show_node(Node("month", "m2"))
    model = window.checklist_model
    headings = [model.index(r, 0).data() for r in model.heading_rows()]
    month = c.month_by_id("m2")
    assert len(headings) == len(month.week_ids)
    week = c.weeks["w05"]
    total = len(c.week_items("w05"))
    assert headings[0] == f"Week {week.number} · {week.title} — 1 of {total} done"
    assert window.checklist.columnSpan(model.heading_rows()[0], 0) == model.columnCount()
    window.request_status(c.week_items("w05")[1].id, "done")  # the heading follows in place
    assert model.index(model.heading_rows()[0], 0).data().endswith(f"2 of {total} done")


def test_the_keyboard_passes_over_week_headings(qtbot: QtBot, window: MainWindow) -> None:
    c = window.tracker.curriculum
    window.show_node(Node("month", "m2"))
    view = window.checklist
    view.select_item(c.week_items("w05")[-1].id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_item_id() == c.week_items("w06")[0].id


def test_hide_done_hides_done_rows_and_is_kept_after_a_restart(
    open_window, data_dir: Path, shipped_pack: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(Tracker.open(data_dir, shipped_pack))
    items = window.tracker.curriculum.week_items("w01")
    window.request_status(items[0].id, "done")
    window.request_status(items[1].id, "skipped")
    window.show_node(Node("week", "w01"))
    window.items.filters.hide_done.click()
    assert items[0].title not in _shown_titles(window)
    assert items[1].title in _shown_titles(window)
    assert len(_shown_titles(window)) == len(items) - 1
    undo_text = window.undo_stack.undoText()
    assert "hide" not in undo_text.lower()  # a window preference, not a learner action
    window.close()
    window.tracker.close()

    again = open_window(Tracker.open(data_dir, shipped_pack))
    again.show_node(Node("week", "w01"))
    assert again.items.filters.hide_done.isChecked()
    assert not again.items.filters.hide_skipped.isChecked()
    assert items[0].title not in _shown_titles(again)
    again.items.filters.hide_skipped.click()
    assert items[1].title not in _shown_titles(again)
    again.items.filters.hide_done.click()
    assert items[0].title in _shown_titles(again)


def test_ctrl_f_filter_narrows_as_you_type_and_esc_restores(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_node(Node("month", "m2"))
    everything = _shown_titles(window)
    window.items.focus_filter()
    field = window.items.filters.field
    assert field.isVisible() and field.hasFocus()
    qtbot.keyClicks(field, "judge")
    narrowed = _shown_titles(window)
    assert narrowed and len(narrowed) < len(everything)
    assert all("judge" in t.lower() for t in narrowed)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.isVisible() and field.text() == ""
    assert _shown_titles(window) == everything
    assert window.checklist.hasFocus()


def test_another_page_is_shown_whole(qtbot: QtBot, window: MainWindow) -> None:
    window.show_node(Node("week", "w01"))
    window.items.focus_filter()
    qtbot.keyClicks(window.items.filters.field, "zzz-nothing")
    assert _shown_titles(window) == []
    assert "filters above hide every item" in window.items.empty.text()
    window.show_node(Node("week", "w02"))
    assert len(_shown_titles(window)) == len(window.tracker.curriculum.week_items("w02"))
    assert not window.items.filters.field.isVisible()


def test_the_filter_narrows_a_grouped_list_too(qtbot: QtBot, window: MainWindow) -> None:
    window.show_node(Node("role", "llm-engineer"))
    model = window.tree_model
    before = sum(model.item(r, 0).rowCount() for r in range(model.rowCount()))
    window.items.focus_filter()
    qtbot.keyClicks(window.items.filters.field, "rag")
    after = sum(model.item(r, 0).rowCount() for r in range(model.rowCount()))
    assert 0 < after < before


def test_the_navigation_keeps_its_width_after_visiting_readiness(window: MainWindow) -> None:
    window.resize(1024, 640)
    window.show_node(Node("week", "w01"))
    width = window.navigation.width()
    window.show_node(Node("group", "readiness"))
    window.show_node(Node("week", "w02"))
    assert window.navigation.width() == width >= 200


def test_at_1024_by_640_the_list_shows_rows(window: MainWindow) -> None:
    window.resize(1024, 640)
    window.show_node(Node("month", "m2"))
    view = window.checklist
    assert view.isVisible() and view.width() >= 300
    first_row = view.visualRect(window.checklist_model.index(1, TITLE_COLUMN))
    assert view.viewport().rect().contains(first_row)
    visible = view.viewport().height() // view.rowHeight(1)
    assert visible >= 4


def test_today_headings_count_the_items_listed(window: MainWindow) -> None:
    c = window.tracker.curriculum
    for item in c.week_items("w01")[:3]:
        window.request_status(item.id, "doing")
    window.show_node(Node("group", "today"))
    heading = window.tree_model.item(0, 0).text()
    assert heading == "In progress  —  3 items"


def test_the_role_tracks_page_lists_every_role_with_its_readiness(window: MainWindow) -> None:
    window.show_node(Node("group", "roles"))
    text = window.items.empty.text()
    for role in window.tracker.curriculum.roles.values():
        assert f"{role.name}" in text
    assert "readiness 0 of 100" in text


def test_a_role_page_opens_with_a_short_summary_and_more(window: MainWindow) -> None:
    window.show_node(Node("role", "llm-engineer"))
    summary = window.header.summary
    role = window.tracker.curriculum.roles["llm-engineer"]
    assert len(summary.text()) < 300 and "more…" in summary.text()  # two lines, not 200 px
    window.items._link("#more")
    assert " ".join(role.market_note.split()[:5]) in " ".join(summary.text().split())


def test_view_show_navigation_hides_and_shows_it_and_follows_a_drag(window) -> None:  # type: ignore[no-untyped-def]
    from cairn.gui.window.panes import navigation_shown

    action = window.navigation_action
    assert action.isChecked() and navigation_shown(window.splitter)
    action.trigger()
    assert not navigation_shown(window.splitter) and not action.isChecked()
    action.trigger()
    assert navigation_shown(window.splitter) and action.isChecked()


def test_a_grouped_list_rebuilt_again_and_again_keeps_the_window_alive(window) -> None:  # type: ignore[no-untyped-def]
    """The Projects page rebuilds its grouped list on every evidence change; adding and
    removing links and undoing, many times, must not crash PySide6 (it did while the status
    header's tip was set through the header item's wrapper)."""
    window.show_node(Node("group", "projects"))
    ids = [item.id for group in window.page.groups for item in group.items]
    box = window.detail.evidence
    for n in range(60):
        window.tree.select_item(ids[n % len(ids)])
        box.url.setText(f"https://example.org/proof/{n}")
        box.add.click()
        if n % 3 == 0 and box.links.count():
            box.links.setCurrentRow(0)
            box.remove.click()
        if n % 5 == 0:
            window.undo_stack.undo()
    assert window.tree_model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert window.tree.current_item_id() in ids
