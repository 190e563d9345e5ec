"""Electives in the window: a choice group is one card with a Choose action that is undoable;
options that are not chosen are dimmed and leave every total; the pane says what an item
needs first and which readings are optional."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from cairn.gui.checklist.choice_card import ChoiceCard
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from choice_packs import AGENTS, EVALS, GROUP, SERVING, write_choice_pack


@pytest.fixture
def electives(
    tmp_path: Path, data_dir: Path, open_window: Callable[[Tracker], MainWindow]
) -> MainWindow:
    pack = write_choice_pack(tmp_path / "pack")
    return open_window(Tracker.open(data_dir, pack))


def _card(window: MainWindow) -> ChoiceCard:
    cards = [c for c in window.items.choices.cards if c.isVisible()]
    assert len(cards) == 1
    return cards[0]


def _pick(card: ChoiceCard, option_id: str) -> None:
    index = card.option_ids.index(option_id)
    card.buttons.button(index).click()


def _row_foreground(window: MainWindow, item_id: str) -> object:
    model = window.checklist_model
    return model.index(model.row_of(item_id), 1).data(Qt.ItemDataRole.ForegroundRole)


def test_the_week_shows_one_card_with_every_option_and_the_cheapest_counting(
    electives: MainWindow,
) -> None:
    electives.show_node(Node("week", "w02"))
    card = _card(electives)
    texts = [b.text() for b in card.buttons.buttons()]
    assert texts == ["Evals — 2 items, 2 h", "Agents — 3 items, 4 h", "Serving — 2 items, 6 h"]
    assert card.selected_option() == EVALS
    assert "the cheapest (Evals) counts" in card.state.text()
    assert card.choose.isEnabled()  # choosing the cheapest one is a choice too
    model = electives.checklist_model
    assert model.index(model.row_of("serving-vllm"), 2).data() == "Task · option"
    placeholder = QPalette().color(QPalette.ColorRole.PlaceholderText)
    assert _row_foreground(electives, "serving-vllm").color() == placeholder  # type: ignore[attr-defined]
    assert _row_foreground(electives, "evals-golden-set") is None
    tip = model.index(model.row_of("serving-vllm"), 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "not chosen, so it counts toward no total" in tip
    assert electives.overall.text().startswith("Whole path: 0 of 5 done")


def test_choose_counts_the_option_and_undo_and_redo_follow(electives: MainWindow) -> None:
    electives.show_node(Node("week", "w02"))
    card = _card(electives)
    _pick(card, AGENTS)
    assert card.choose.isEnabled()
    card.choose.click()
    tracker = electives.tracker
    assert tracker.chosen(GROUP) == (AGENTS,)
    assert electives.overall.text().startswith("Whole path: 0 of 6 done")
    assert "Chosen: Agents" in _card(electives).state.text()
    assert _row_foreground(electives, "evals-golden-set") is not None  # now dimmed
    assert _row_foreground(electives, "agents-loop") is None
    assert electives.undo_stack.undoText() == "Choose Agents"
    electives.undo_stack.undo()
    assert tracker.chosen(GROUP) == ()
    assert electives.overall.text().startswith("Whole path: 0 of 5 done")
    assert _card(electives).selected_option() == EVALS
    electives.undo_stack.redo()
    assert tracker.chosen(GROUP) == (AGENTS,)
    assert electives.overall.text().startswith("Whole path: 0 of 6 done")


def test_changing_the_choice_keeps_progress_on_every_option(electives: MainWindow) -> None:
    electives.show_node(Node("week", "w02"))
    electives.request_status("evals-golden-set", "done")
    card = _card(electives)
    _pick(card, SERVING)
    card.choose.click()
    assert electives.tracker.status("evals-golden-set") == "done"
    assert electives.overall.text().startswith("Whole path: 0 of 5 done")  # 3 core + 2 serving
    _pick(_card(electives), EVALS)
    _card(electives).choose.click()
    assert electives.overall.text().startswith("Whole path: 1 of 5 done")


def test_a_choice_made_in_a_terminal_reaches_the_open_card(
    electives: MainWindow, data_dir: Path, tmp_path: Path
) -> None:
    electives.show_node(Node("week", "w02"))
    with Tracker.open(data_dir, tmp_path / "pack") as other:
        other.choose(GROUP, [SERVING])
    assert electives.safety.notice_outside_changes()
    card = _card(electives)
    assert card.selected_option() == SERVING
    assert "Chosen: Serving" in card.state.text()
    assert "✔ chosen" in card.buttons.button(2).text()


def test_today_asks_for_the_choice_a_week_ahead_until_it_is_made(electives: MainWindow) -> None:
    electives.show_node(Node("group", "today"))
    assert "Time to choose:** Choose one specialisation (due week 2)" in (
        electives.header.summary.text()
    )
    card = _card(electives)
    assert card.group_id == GROUP and card.selected_option() == EVALS
    card.choose.click()
    assert electives.tracker.chosen(GROUP) == (EVALS,)
    assert "Time to choose" not in electives.header.summary.text()
    assert not electives.items.choices.isVisible()


def test_the_pane_says_what_an_item_needs_first_and_which_readings_are_optional(
    electives: MainWindow,
) -> None:
    electives.detail.show_item("core-plan")
    assert "Needs first: Set up a project (to do)" in electives.detail.meta.text()
    electives.request_status("core-setup", "done")
    electives.detail.show_item("core-plan")
    assert "Needs first: Set up a project (done)" in electives.detail.meta.text()
    electives.detail.show_item("core-read")
    html = electives.detail.readings.toPlainText()
    assert "The paper" in html and "The book" in html
    assert html.count("optional, not counted in the hours") == 1
    electives.detail.show_item("serving-vllm")
    assert "not chosen, so it counts toward no total" in electives.detail.meta.text()


def test_a_choice_on_a_full_disk_is_said_and_changes_nothing(full_disk) -> None:  # type: ignore[no-untyped-def]
    """On a really full disk Choose says so in the status bar; the choice, the totals and the
    undo history stay as they were. Freed, it works; filled again, its undo is refused in words
    and the history stays where the data is."""
    window = full_disk.window
    window.show_node(Node("week", "w23"))
    card = _card(window)
    total = window.overall.text()
    full_disk.fill()
    _pick(card, "spec-option-voice")
    card.choose.click()
    said = window.statusBar().currentMessage()
    assert said.startswith("Not chosen: ") and full_disk.words in said
    assert window.tracker.chosen("specialisation") == () and window.tracker.choices() == {}
    assert window.overall.text() == total and window.undo_stack.count() == 0
    full_disk.free()
    _card(window).choose.click()
    assert window.tracker.chosen("specialisation") == ("spec-option-voice",)
    full_disk.fill()
    window.undo_stack.undo()
    assert window.undo_stack.index() == 1  # the undo was refused, the history kept
    assert full_disk.words in window.statusBar().currentMessage()
    assert window.tracker.chosen("specialisation") == ("spec-option-voice",)
    full_disk.free()
