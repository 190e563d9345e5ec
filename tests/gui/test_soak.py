"""A long session in the real window must never abort (issue 10).

Some PySide6 builds (6.12.0 on Python 3.11) drop one reference to None — and to True and False —
on every Qt call that returns nothing, until the interpreter aborts. These tests watch the
counts after every step (see soak.py) and fail at the first fall, naming the versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem
from PySide6.QtWidgets import QLabel, QWidget
from soak import TOLERANCE, SingletonWatch, nodes, page_kinds, switch, with_a_retired_item

from cairn.gui.window.main_window import MainWindow
from cairn.gui.window.navigation import NODE_ROLE
from cairn.tracker import Tracker

PAGE_SWITCHES = 200
STATUS_CHANGES = 2_000
CHANGES_PER_VISIT = 10
VOID_CALLS = 100_000
CHECK_EVERY = 500  # void calls between two looks at the counts


@pytest.fixture
def watch() -> Iterator[SingletonWatch]:
    """A SingletonWatch started now (after the window fixture), stopped after the test."""
    started = SingletonWatch()
    yield started
    started.stop()


@pytest.fixture
def soak_window(
    open_window: Callable[[Tracker], MainWindow], data_dir: Path, shipped_pack: Path
) -> MainWindow:
    """The real window over the shipped curriculum, with a retired item so that every kind of
    page exists."""
    return open_window(with_a_retired_item(Tracker.open(data_dir, shipped_pack)))


def test_every_page_kind_exists(soak_window: MainWindow) -> None:
    kinds = {(n.kind, n.id if n.kind == "group" else "") for n in page_kinds(nodes(soak_window))}
    assert {
        ("group", g)
        for g in (
            "today",
            "history",
            "readiness",
            "path",
            "readings",
            "projects",
            "roles",
            "retired",
        )
    } <= kinds
    assert {("month", ""), ("week", ""), ("project", ""), ("milestone", ""), ("role", "")} <= kinds


def test_200_page_switches_across_every_page_kind(
    soak_window: MainWindow, watch: SingletonWatch
) -> None:
    window = soak_window
    entries = nodes(window)
    assert len(set(entries)) * 2 >= PAGE_SWITCHES  # each entry visited about twice
    for number, node in zip(range(1, PAGE_SWITCHES + 1), cycle(entries), strict=False):
        switch(window, node)
        watch.check(f"page switch {number} (to {node.kind} {node.id})")
    assert window.isVisible() and shiboken6.isValid(window)
    assert (
        window.navigation.currentIndex().data(NODE_ROLE)
        == entries[(PAGE_SWITCHES - 1) % len(entries)]
    )


@pytest.mark.slow  # ~25 s; the page switches and the void calls catch a leak in the fast tier
def test_2000_status_changes_across_every_page_kind(
    soak_window: MainWindow, watch: SingletonWatch
) -> None:
    window = soak_window
    fallback = window.tracker.curriculum.week_items("w01")[0].id
    statuses = cycle(("doing", "done", "skipped", "todo"))
    changed: dict[str, str] = {}
    pages = cycle(page_kinds(nodes(window)))
    made = 0
    while made < STATUS_CHANGES:
        node = next(pages)
        switch(window, node)
        for _ in range(CHANGES_PER_VISIT):
            item_id = window.current_item_id() or window.detail.item_id or fallback
            status = next(statuses)
            if window.tracker.status(item_id) == status:
                status = next(statuses)
            window.request_status(item_id, status)
            assert window.tracker.status(item_id) == status
            changed[item_id] = status
            made += 1
            watch.check(f"status change {made} (on {node.kind} {node.id})")
    assert window.isVisible() and shiboken6.isValid(window)
    assert window.undo_stack.count() == STATUS_CHANGES
    done = sum(1 for status in changed.values() if status == "done")
    overall = window.tracker.overall_progress()
    assert overall.done >= done
    assert window.overall.text().startswith(f"Whole path: {overall.done} of {overall.total}")


def _void_calls(total: int) -> Iterator[int]:
    """Qt calls that return nothing (text, item data, font weight, enabled state), in turns;
    yields how many were made every CHECK_EVERY calls."""
    label, item, font, widget = QLabel(), QStandardItem(), QFont(), QWidget()
    calls: list[Callable[[int], None]] = [
        lambda n: label.setText(f"{n}"),
        lambda n: item.setData(n, Qt.ItemDataRole.UserRole),
        lambda n: font.setBold(n % 2 == 0),
        lambda n: widget.setEnabled(n % 3 != 0),
    ]
    for n in range(1, total + 1):
        calls[n % len(calls)](n)
        if n % CHECK_EVERY == 0:
            yield n
    assert label.text() == f"{total - total % len(calls)}"
    assert item.data(Qt.ItemDataRole.UserRole) == total - (total - 1) % len(calls)
    label.deleteLater()
    widget.deleteLater()


def test_100000_void_qt_calls_keep_every_reference(
    qtbot,  # type: ignore[no-untyped-def]
    watch: SingletonWatch,
) -> None:
    made = 0
    for made in _void_calls(VOID_CALLS):
        watch.check(f"{made} void Qt calls")
    assert made == VOID_CALLS
    # Where None is immortal (3.12+) its count is fixed, so this holds by construction there;
    # where it is mortal, it is the check that fails on a PySide6 that loses references.
    assert watch.counts()["None"] >= watch.start["None"] - TOLERANCE
