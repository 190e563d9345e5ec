"""A long session in the real window must never abort (issue 10).

Some PySide6 builds (6.12.0 on Python 3.11) drop one reference to None — and to True and False —
on every Qt call that returns nothing; when a count reaches zero the interpreter aborts with
"Fatal Python error: none_dealloc" and the note being typed is lost. Where these singletons are
mortal (Python < 3.12) these tests watch their reference counts after every step and fail at the
first fall, naming the versions. So that the failure is reported rather than the test process
aborting, the counts are first padded by a list of references that is never freed.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cairn.gui.window.main_window import MainWindow
from cairn.gui.window.navigation import NODE_ROLE, Node
from cairn.tracker import Tracker

MORTAL = sys.version_info < (3, 12)  # from 3.12 None, True and False are immortal
PAGE_SWITCHES = 200
STATUS_CHANGES = 2_000
CHANGES_PER_VISIT = 10
VOID_CALLS = 100_000
CHECK_EVERY = 500  # void calls between two looks at the counts
# How far a count may dip below its starting value (objects freed in passing) before it is a
# leak. A leaking PySide6 loses ~70 per status change on a week page and thousands on the
# whole-path page, so a leak crosses this within a few dozen steps.
TOLERANCE = 1_000
PADDING = 400_000  # references added to each singleton, never released (Python < 3.12 only)
_padded = False


def _pad_singletons() -> None:
    """Hold PADDING extra references to None, True and False for the rest of the process, so a
    leaking PySide6 fails these tests instead of aborting the interpreter."""
    global _padded
    if MORTAL and not _padded:
        padding = [None, True, False] * PADDING
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(padding))  # deliberately never freed
        _padded = True


class SingletonWatch:
    """Reference counts of None, True and False from a starting point, checked step by step.

    Objects left by earlier tests are freed first (Qt's deferred deletions, then the cyclic
    garbage collector), and the collector stays off while the counts are watched, so that a
    count falls only through what the test does, not when old garbage happens to be collected.
    """

    def __init__(self) -> None:
        _pad_singletons()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        self._collecting = gc.isenabled()
        gc.disable()
        self.start = self.counts()

    def stop(self) -> None:
        """Let the garbage collector run again."""
        if self._collecting:
            gc.enable()

    @staticmethod
    def counts() -> dict[str, int]:
        return {
            "None": sys.getrefcount(None),
            "True": sys.getrefcount(True),
            "False": sys.getrefcount(False),
        }

    def fallen(self) -> dict[str, int]:
        """How far each count has fallen below the start (only falls beyond TOLERANCE)."""
        now = self.counts()
        return {
            name: self.start[name] - now[name]
            for name in now
            if self.start[name] - now[name] > TOLERANCE
        }

    def check(self, step: str) -> None:
        """Fail at once, naming the versions, if a count has fallen (mortal singletons only)."""
        if not MORTAL:
            return
        fallen = self.fallen()
        assert not fallen, (
            f"after {step}: references lost {fallen} with PySide6 {PySide6.__version__} on "
            f"Python {sys.version.split()[0]}; a learner's window on this combination aborts "
            "with 'Fatal Python error: none_dealloc'. Install a supported PySide6 (<6.12 on "
            "Python 3.11)."
        )


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
    tracker = Tracker.open(data_dir, shipped_pack)
    tracker._database.set_status("an-old-item", "done", tracker.now())
    tracker.reload()
    return open_window(tracker)


def _nodes(window: MainWindow) -> list[Node]:
    """Every navigation entry, in the order the tree shows them."""
    model = window.navigation_model
    found: list[Node] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index.data(NODE_ROLE))
            walk(index)

    walk(QModelIndex())
    return found


def _page_kinds(nodes: list[Node]) -> list[Node]:
    """One entry of each kind of page: every group page, then a month, week, project,
    milestone and role."""
    kinds: dict[tuple[str, str], Node] = {}
    for node in nodes:
        kinds.setdefault((node.kind, node.id if node.kind == "group" else ""), node)
    return list(kinds.values())


def _switch(window: MainWindow, node: Node) -> None:
    """Go to a page as a click in the navigation does, and check it is the one shown."""
    window.navigation.setCurrentIndex(window.navigation_model.index_of(node))
    shown = window.node if node.kind != "milestone" else Node("milestone", window.detail.item_id)
    assert shown == node


def test_every_page_kind_exists(soak_window: MainWindow) -> None:
    kinds = {(n.kind, n.id if n.kind == "group" else "") for n in _page_kinds(_nodes(soak_window))}
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
    nodes = _nodes(window)
    assert len(set(nodes)) * 2 >= PAGE_SWITCHES  # each entry visited about twice
    for number, node in zip(range(1, PAGE_SWITCHES + 1), cycle(nodes), strict=False):
        _switch(window, node)
        watch.check(f"page switch {number} (to {node.kind} {node.id})")
    assert window.isVisible() and shiboken6.isValid(window)
    assert (
        window.navigation.currentIndex().data(NODE_ROLE) == nodes[(PAGE_SWITCHES - 1) % len(nodes)]
    )


@pytest.mark.slow  # ~25 s; the page switches and the void calls catch a leak in the fast tier
def test_2000_status_changes_across_every_page_kind(
    soak_window: MainWindow, watch: SingletonWatch
) -> None:
    window = soak_window
    fallback = window.tracker.curriculum.week_items("w01")[0].id
    statuses = cycle(("doing", "done", "skipped", "todo"))
    changed: dict[str, str] = {}
    pages = cycle(_page_kinds(_nodes(window)))
    made = 0
    while made < STATUS_CHANGES:
        node = next(pages)
        _switch(window, node)
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
