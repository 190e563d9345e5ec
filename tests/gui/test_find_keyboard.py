"""Find anything (Ctrl+K), the single-key status shortcuts, Toggle done from the menu, marking
a whole week, Tab between the panes and the shortcuts sheet: driven with the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.fixtures.packs.big_pack import write_big_pack

from cairn.gui.find.matching import Candidate, score, search, snippet, subsequence_score
from cairn.gui.readings.page import READING_ID_ROLE
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.gui.window.shortcuts_sheet import plain
from cairn.tracker import Tracker

CTRL = Qt.KeyboardModifier.ControlModifier


# --- the fuzzy scorer (no Qt) -------------------------------------------------------------------
def test_a_subsequence_matches_and_anything_else_does_not() -> None:
    assert subsequence_score("rfp", "RAG from primitives") is not None
    assert subsequence_score("pfr", "RAG from primitives") is None
    assert score("xyz", "RAG from primitives") is None
    assert score("", "anything") is None


def test_prefix_beats_word_start_beats_scattered_letters() -> None:
    prefix = score("eval", "Evaluation harness")
    word = score("eval", "An evaluation harness")
    scattered = score("eval", "Every vector a lesson")
    assert prefix is not None and word is not None and scattered is not None
    assert prefix > word > scattered


def test_letters_in_a_row_and_at_word_starts_rank_first() -> None:
    found = search(
        "rag",
        [
            Candidate("item", "a", "Storage engines and graphs"),
            Candidate("week", "b", "Week 5 · RAG from primitives"),
            Candidate("item", "c", "Read a grammar"),
        ],
    )
    assert found[0].target_id == "b"
    assert {c.target_id for c in found} == {"a", "b", "c"}


def test_every_word_of_the_query_must_match() -> None:
    titles = [Candidate("week", "w5", "Week 5 · RAG"), Candidate("week", "w6", "Week 6 · Evals")]
    assert [c.target_id for c in search("week rag", titles)] == ["w5"]


def test_a_note_matches_by_its_words_not_its_title() -> None:
    note = Candidate("note", "x", "Tokens", body="Remember the BPE merges", match_title=False)
    assert [c.target_id for c in search("bpe merges", [note])] == ["x"]
    assert search("tokens", [note]) == []
    assert "BPE" in snippet(note.body, "bpe")


def test_shorter_titles_win_a_tie() -> None:
    found = search("go", [Candidate("item", "long", "Go further"), Candidate("item", "s", "Go")])
    assert [c.target_id for c in found] == ["s", "long"]


# --- quick open -----------------------------------------------------------------------------------
def _quick_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = window.quick_open
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    qtbot.keyClicks(dialog.field, text)


def test_ctrl_k_then_a_fragment_and_enter_shows_the_item(qtbot: QtBot, window: MainWindow) -> None:
    item = window.tracker.curriculum.items["python-project-skeleton"]
    window.show_node(Node("week", "w05"))
    _quick_open(qtbot, window, "repo with uv ruff")
    dialog = window.quick_open
    assert dialog is not None
    first = dialog.current()
    assert first is not None and first.target_id == item.id
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.node == Node("week", item.week_id)
    assert window.checklist.current_item_id() == item.id
    assert window.detail.title.text() == item.title
    assert window.windowTitle().startswith("Cairn — Week 1")


def test_down_arrow_chooses_the_next_result_and_esc_closes(
    qtbot: QtBot, window: MainWindow
) -> None:
    _quick_open(qtbot, window, "week")
    dialog = window.quick_open
    assert dialog is not None and dialog.results.count() > 2
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 1
    chosen = dialog.current()
    assert chosen is not None and chosen.kind == "week"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.node == Node("week", chosen.target_id)
    _quick_open(qtbot, window, "anything")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.node == Node("week", chosen.target_id)


def test_a_reading_found_by_ctrl_k_opens_on_the_readings_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = window.tracker.curriculum.readings["m1-makemore"]
    window.show_node(Node("group", "readings"))
    window.readings.search.setText("nothing matches this at all")  # a filter hides it
    window.show_node(Node("week", "w01"))
    _quick_open(qtbot, window, "makemore")
    dialog = window.quick_open
    assert dialog is not None
    first = dialog.current()
    assert first is not None and (first.kind, first.target_id) == ("reading", reading.id)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.centre.currentWidget() is window.readings
    assert window.readings.current_reading_id() == reading.id
    assert window.readings.table.currentIndex().data(READING_ID_ROLE) == reading.id
    assert window.reading_detail.isVisible()
    assert window.windowTitle() == "Cairn — Readings"


def test_a_notes_text_finds_its_item(qtbot: QtBot, window: MainWindow) -> None:
    item_id = window.tracker.curriculum.week_items("w03")[2].id
    window.tracker.set_note(item_id, "Remember: the softmax overflow trick (subtract the max)")
    _quick_open(qtbot, window, "overflow trick")
    dialog = window.quick_open
    assert dialog is not None
    first = dialog.current()
    assert first is not None and (first.kind, first.target_id) == ("note", item_id)
    assert "overflow trick" in dialog.results.currentItem().text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.node == Node("week", "w03")
    assert window.checklist.current_item_id() == item_id


def test_a_role_found_opens_its_page(qtbot: QtBot, window: MainWindow) -> None:
    role = next(iter(window.tracker.curriculum.roles.values()))
    _quick_open(qtbot, window, role.name)
    dialog = window.quick_open
    assert dialog is not None
    while (found := dialog.current()) is not None and found.kind != "role":
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.node == Node("role", role.id)
    assert window.windowTitle() == f"Cairn — {role.name}"


# --- single keys, toggle, Alt+2 -------------------------------------------------------------------
def _select_rows(window: MainWindow, rows: range) -> list[str]:
    view = window.checklist
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.clearSelection()
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0), flags)
    return view.selected_item_ids()


@pytest.mark.parametrize(
    ("key", "status"),
    [(Qt.Key.Key_D, "done"), (Qt.Key.Key_G, "doing"), (Qt.Key.Key_S, "skipped")],
)
def test_a_letter_marks_the_current_row_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, status: str
) -> None:
    window.checklist.setFocus()
    item_id = window.checklist.current_item_id()
    qtbot.keyClick(window.checklist, key)
    assert window.tracker.status(item_id) == status
    qtbot.keyClick(window.checklist, Qt.Key.Key_T)
    assert window.tracker.status(item_id) == "todo"
    window.undo_stack.undo()
    assert window.tracker.status(item_id) == status
    window.undo_stack.undo()
    assert window.tracker.status(item_id) == "todo"


@pytest.mark.parametrize(
    ("key", "status"),
    [
        (Qt.Key.Key_D, "done"),
        (Qt.Key.Key_G, "doing"),
        (Qt.Key.Key_S, "skipped"),
        (Qt.Key.Key_T, "todo"),
    ],
)
def test_a_letter_marks_every_selected_row_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, status: str
) -> None:
    ids = _select_rows(window, range(3))
    window.tracker.set_status(ids[1], "doing" if status != "doing" else "done")
    before = [window.tracker.status(i) for i in ids]
    window.checklist.setFocus()
    steps = window.undo_stack.count()
    qtbot.keyClick(window.checklist, key)
    assert [window.tracker.status(i) for i in ids] == [status] * 3
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert [window.tracker.status(i) for i in ids] == before


def test_toggle_done_from_the_menu_toggles(window: MainWindow) -> None:
    item_id = window.checklist.current_item_id()
    toggle = window.status_actions["toggle"]
    toggle.trigger()
    assert window.tracker.status(item_id) == "done"
    toggle.trigger()
    assert window.tracker.status(item_id) == "todo"


def test_alt_2_goes_to_the_list_on_every_kind_of_page(qtbot: QtBot, window: MainWindow) -> None:
    role = next(iter(window.tracker.curriculum.roles))
    project = next(iter(window.tracker.curriculum.projects))
    for node in (
        Node("week", "w02"),
        Node("month", "m1"),
        Node("group", "today"),
        Node("group", "readings"),
        Node("project", project),
        Node("role", role),
        Node("group", "readiness"),
        Node("group", "history"),
    ):
        window.show_node(node)
        window.navigation.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        assert focused is not None and focused is not window.navigation, node
        assert window.centre.isAncestorOf(focused), node


def test_tab_goes_from_the_navigation_to_the_list_then_the_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_node(Node("week", "w02"))
    window.navigation.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        if window.right.isAncestorOf(focused):
            break
    assert window.checklist in seen, "Tab never reached the list"
    assert window.right.isAncestorOf(seen[-1]), "Tab never reached the detail pane"
    after_list = seen[seen.index(window.checklist) + 1 :]
    assert after_list and all(not window.centre.isAncestorOf(w) for w in after_list[:1])
    assert seen.count(window.checklist) == 1  # not cell by cell


# --- the week at once -----------------------------------------------------------------------------
def test_a_week_of_ten_is_marked_done_without_asking(window: MainWindow) -> None:
    window.show_node(Node("week", "w15"))
    ids = list(window.tracker.curriculum.weeks["w15"].item_ids)
    window.status_actions["week_done"].trigger()
    assert window.week_actions.pending is None
    assert all(window.tracker.status(i) == "done" for i in ids)
    assert window.undo_stack.undoText() == "Mark week 15 done"


@pytest.fixture
def big_window(open_window, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    pack = tmp_path / "pack"
    write_big_pack(pack, 50)  # two weeks of 25 items
    window: MainWindow = open_window(Tracker.open(tmp_path / "data", pack))
    window.show_node(Node("week", "w1"))
    return window


def _answer(qtbot: QtBot, window: MainWindow, button: QMessageBox.StandardButton) -> None:
    box = window.week_actions.pending
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "25 items" in box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_marking_a_week_of_more_than_ten_asks_and_cancel_changes_nothing(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    ids = list(big_window.tracker.curriculum.weeks["w1"].item_ids)
    big_window.status_actions["week_done"].trigger()
    _answer(qtbot, big_window, QMessageBox.StandardButton.Cancel)
    assert all(big_window.tracker.status(i) == "todo" for i in ids)
    assert not big_window.undo_stack.canUndo()


def test_ok_marks_the_week_in_one_step_and_undo_restores_each_status(
    qtbot: QtBot, big_window: MainWindow
) -> None:
    t = big_window.tracker
    ids = list(t.curriculum.weeks["w1"].item_ids)
    t.set_statuses({ids[0]: "done", ids[1]: "doing", ids[2]: "skipped"})
    big_window.refresh_everything()
    before = {i: t.status(i) for i in ids}
    steps = big_window.undo_stack.count()
    big_window.status_actions["week_done"].trigger()
    box = big_window.week_actions.pending
    assert box is not None and "23 items" in box.text()
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert t.status(ids[2]) == "skipped"  # skipped on purpose stays skipped
    assert all(t.status(i) == "done" for i in ids if i != ids[2])
    assert big_window.undo_stack.count() == steps + 1
    big_window.undo_stack.undo()
    assert {i: t.status(i) for i in ids} == before
    big_window.status_actions["week_reset"].trigger()  # 3 change: no question
    assert big_window.week_actions.pending is None
    assert all(t.status(i) == "todo" for i in ids)
    big_window.undo_stack.undo()
    assert {i: t.status(i) for i in ids} == before


# --- wording and the sheet -----------------------------------------------------------------------
def test_the_title_names_cairn_once_and_the_page(window: MainWindow) -> None:
    window.show_node(Node("week", "w05"))
    assert window.windowTitle() == "Cairn — Week 5 · RAG from primitives"
    window.show_node(Node("group", "today"))
    assert window.windowTitle() == "Cairn — Today"
    assert window.windowTitle().count("Cairn") == 1


def test_no_menu_shows_a_literal_ampersand(window: MainWindow) -> None:
    window.tracker.set_note(window.checklist.current_item_id(), "Q&A")
    window.status_actions["done"].trigger()
    texts = []
    for top in window.menuBar().actions():
        menu = top.menu()
        texts.append(top.text())
        texts += [a.text() for a in menu.actions()] if menu else []  # type: ignore[union-attr]
    for text in texts:
        shown = text.replace("&&", "")
        assert "& " not in shown and not shown.endswith("&"), text


def test_the_shortcuts_sheet_lists_ctrl_k_and_d(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.shortcuts_sheet
    assert sheet is not None
    qtbot.waitUntil(sheet.isVisible)
    rows = sheet.texts()
    assert "Find anything: Ctrl+K" in rows
    assert "Mark done (every selected row): D" in rows
    assert any(row.endswith("Alt+2") for row in rows)
    assert plain("Find &anything…") == "Find anything"


def test_ctrl_f_puts_the_cursor_in_the_filter_of_the_list_in_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.checklist.setFocus()
    qtbot.keyClick(window.checklist, Qt.Key.Key_F, CTRL)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit) and window.items.isAncestorOf(focused)
    window.show_node(Node("group", "readings"))
    window.readings.table.setFocus()
    qtbot.keyClick(window.readings.table, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.readings.search


def test_a_letter_marks_the_current_row_of_a_grouped_list(qtbot: QtBot, window: MainWindow) -> None:
    window.show_node(Node("role", next(iter(window.tracker.curriculum.roles))))
    view = window.lists.currentWidget()
    assert view is window.tree
    item_id = window.tree.current_item_id()
    assert item_id
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert window.tracker.status(item_id) == "doing"
    window.status_actions["toggle"].trigger()  # Item → Toggle done on a grouped list
    assert window.tracker.status(item_id) == "done"


def test_the_week_actions_name_the_week_in_view_and_rest_without_one(window: MainWindow) -> None:
    window.show_node(Node("week", "w05"))
    action = window.status_actions["week_done"]
    assert plain(action.text()) == "Mark week 5 done" and action.isEnabled()
    window.show_node(Node("group", "history"))
    assert not action.isEnabled() and not window.status_actions["week_reset"].isEnabled()


def test_tab_passes_the_readings_box_in_one_step(window: MainWindow, qtbot: QtBot) -> None:
    """The item pane's readings are one Tab stop, not one per link."""
    window.show_node(Node("week", "w02"))
    readings = window.detail.readings
    assert readings.tabChangesFocus()
    readings.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is readings)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not readings
