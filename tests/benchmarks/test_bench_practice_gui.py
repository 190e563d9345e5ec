"""Practice in the window at size (issue 17): the everyday actions with 5,000 cards and 100,000
reviews, each timed from the action until the window has settled (posted events and repaints
processed, offscreen). Target: one frame (16 ms) each.

    pytest tests/benchmarks/test_bench_practice_gui.py -p no:cacheprovider
    CAIRN_BENCH_QUICK=1 pytest tests/benchmarks/test_bench_practice_gui.py   # 1 round (CI)

- rate: a card rated Good by keyboard (the key "3") in a review of the cards due;
- select item: the checklist's item pane shows another item (its practice-card count);
- mark status: an item with 5 cards marked done, then to do (its cards unlock and lock)
  while the Practice page's card list is shown;
- suspend / restore: the card selected in the list suspended, then the step undone.

The data is test_bench_practice.py's (the shipped pack, a pack of 5,000 recall cards, 100,000
review rows; the clock at its `NOW`), built once a module and copied for each test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest
from test_bench_practice import NOW, _card_pack, _fill

from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUICK = os.environ.get("CAIRN_BENCH_QUICK") == "1"
ROUNDS = 1 if QUICK else 30
WARMUP = 0 if QUICK else 2


def settle() -> None:
    """Process events until nothing is left to do (posted events, updates, paints)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


def settled(action: Callable[[], object]) -> Callable[[], None]:
    """`action`, then the window settles: what a benchmark round times."""

    def run() -> None:
        action()
        settle()

    return run


def measure(benchmark: Any, target: Callable[[], None], setup: Callable[[], None]) -> None:
    """Time `target` for ROUNDS rounds, `setup` (untimed) before each."""

    def prepared() -> tuple[tuple[()], dict[str, Any]]:
        setup()
        settle()
        return (), {}

    benchmark.pedantic(target, setup=prepared, rounds=ROUNDS, iterations=1, warmup_rounds=WARMUP)


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder at size, made once a module."""
    data_dir = tmp_path_factory.mktemp("practice-gui") / "data"
    with Tracker.open(data_dir, curriculum_dir()) as first:
        items = list(first.curriculum.items)
        first.set_statuses({item_id: "done" for item_id in items[: len(items) * 9 // 10]})
    _card_pack(data_dir / "packs" / "bench-cards", items)
    with Tracker.open(data_dir, curriculum_dir()) as second:
        card_ids = [c for c in second.curriculum.cards if c.startswith("bench-card-")]
        database = second.database_path
    _fill(database, card_ids)
    return data_dir


@pytest.fixture
def window(big_folder: Path, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    """The real window over a copy of the folder, its clock at NOW, shown and active."""
    from cairn.gui.window.main_window import MainWindow

    data_dir = tmp_path / "data"
    shutil.copytree(big_folder, data_dir)
    tracker = Tracker.open(data_dir, curriculum_dir(), clock=lambda: NOW)
    shown = MainWindow(tracker)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    settle()
    yield shown
    shown.close()
    tracker.close()


def _practice(window: Any) -> Any:
    from cairn.gui.widgets.node import Node

    window.navigation.setCurrentIndex(window.navigation_model.index_of(Node("group", "practice")))
    settle()
    return window.practice()


@pytest.mark.benchmark(group="practice window: per action")
def test_rate_a_card_by_keyboard(benchmark: Any, window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    page = _practice(window)
    assert page.start_review()
    review = page.review
    rated = len(window.tracker.review_log(review.session.current))

    def reveal() -> None:
        qtbot.keyClick(review, Qt.Key.Key_Space)

    measure(benchmark, settled(lambda: qtbot.keyClick(review, Qt.Key.Key_3)), reveal)
    assert review.session.steps and review.stack.currentWidget() is review.card_view
    first = review.session.steps[0].card_id
    assert len(window.tracker.review_log(first)) == rated + 1


@pytest.mark.benchmark(group="practice window: per action")
def test_select_an_item_in_the_checklist(benchmark: Any, window: Any) -> None:
    from cairn.gui.widgets.node import Node

    window.show_node(Node("group", "path"))
    items = cycle([i for i in window.tracker.curriculum.cards_by_item if i][:40])
    box = window.detail.cards
    target = {"item": next(items)}
    measure(
        benchmark,
        settled(lambda: window.go_to_item(target["item"])),
        lambda: target.update(item=next(items)),
    )
    assert box.item_id == target["item"] and "practice card" in box.count.text()


@pytest.mark.benchmark(group="practice window: per action")
def test_item_pane_count_alone(benchmark: Any, window: Any) -> None:
    box = window.detail.cards
    items = cycle([i for i in window.tracker.curriculum.cards_by_item if i][:40])
    target = {"item": next(items)}
    load = settled(lambda: box.load(target["item"]))
    measure(benchmark, load, lambda: target.update(item=next(items)))
    assert "practice card" in box.count.text()


@pytest.mark.benchmark(group="practice window: per action")
def test_mark_an_item_done_and_to_do(benchmark: Any, window: Any) -> None:
    page = _practice(window)
    tracker = window.tracker
    item = next(i for i, cards in tracker.curriculum.cards_by_item.items() if len(cards) >= 5)
    window.go_to_item(item)
    _practice(window)
    wanted = {"status": ""}

    def toggle() -> None:  # each round changes the status: done <-> to do
        wanted["status"] = "todo" if tracker.status(item) == "done" else "done"

    measure(benchmark, settled(lambda: window.request_status(item, wanted["status"])), toggle)
    card_id = tracker.curriculum.cards_by_item[item][0].id
    row = page.model.row_of(card_id)
    assert page.model.cards[row].unlocked == (tracker.status(item) == "done")


@pytest.mark.benchmark(group="practice window: per action")
def test_suspend_and_restore_from_the_list(benchmark: Any, window: Any) -> None:
    page = _practice(window)
    page.table.selectRow(3)
    card = page.selected_card()
    assert card is not None
    turn = {"next": ""}

    def choose() -> None:  # each round suspends the card, or undoes its suspension
        suspended = window.tracker.practice_card(card.card.id).suspended
        turn["next"] = "undo" if suspended else "suspend"

    def act() -> None:
        if turn["next"] == "suspend":
            assert page.toggle_suspended() is not None
        else:
            window.undo_stack.undo()

    measure(benchmark, settled(act), choose)
    selected = page.selected_card()
    assert selected is not None and selected.card.id == card.card.id  # the selection stays
    assert selected.suspended == window.tracker.practice_card(card.card.id).suspended
