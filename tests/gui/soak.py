"""What the long-session tests share: the watch on the reference counts of None, True and
False, and the way through every kind of page of the real window.

Some PySide6 builds (6.12.0 on Python 3.11) drop one reference to None — and to True and False —
on every Qt call that returns nothing; when a count reaches zero the interpreter aborts with
"Fatal Python error: none_dealloc" and the note being typed is lost. Where these singletons are
mortal (Python < 3.12) the watch fails at the first fall, naming the versions. So that the
failure is reported rather than the test process aborting, the counts are first padded by a
list of references that is never freed.
"""

from __future__ import annotations

import ctypes
import gc
import sys

import PySide6
from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtWidgets import QApplication

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.gui.window.navigation import NODE_ROLE
from cairn.tracker import Tracker

MORTAL = sys.version_info < (3, 12)  # from 3.12 None, True and False are immortal
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


def collect_garbage() -> None:
    """Free what Qt and Python would free in time: deferred deletions, then cycles."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


class SingletonWatch:
    """Reference counts of None, True and False from a starting point, checked step by step.

    Objects left by earlier tests are freed first (Qt's deferred deletions, then the cyclic
    garbage collector), and the collector stays off while the counts are watched, so that a
    count falls only through what the test does, not when old garbage happens to be collected.
    """

    def __init__(self) -> None:
        _pad_singletons()
        collect_garbage()
        self._collecting = gc.isenabled()
        gc.disable()
        self.start = self.counts()

    def stop(self) -> None:
        """Let the garbage collector run again."""
        if self._collecting:
            gc.enable()

    def restart(self, step: str) -> None:
        """Check, then free the garbage gathered so far and watch from the counts after it (a
        long session would otherwise grow with cycles the collector is kept from freeing).
        A leak still fails within the few dozen steps it takes to lose TOLERANCE references."""
        self.check(step)
        collect_garbage()
        self.start = self.counts()

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


def nodes(window: MainWindow) -> list[Node]:
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


def page_kinds(found: list[Node]) -> list[Node]:
    """One entry of each kind of page: every group page, then a month, week, project,
    milestone and role."""
    kinds: dict[tuple[str, str], Node] = {}
    for node in found:
        kinds.setdefault((node.kind, node.id if node.kind == "group" else ""), node)
    return list(kinds.values())


def switch(window: MainWindow, node: Node) -> None:
    """Go to a page by a click in the navigation, and check it is the one shown (a click on
    the entry already current, say a milestone after another row of its project was picked,
    shows it again)."""
    navigation, index = window.navigation, window.navigation_model.index_of(node)
    navigation.setCurrentIndex(index)  # what the press does
    navigation.clicked.emit(index)  # and what the release then says
    shown = window.node if node.kind != "milestone" else Node("milestone", window.detail.item_id)
    assert shown == node


def with_a_retired_item(tracker: Tracker) -> Tracker:
    """The tracker with progress on an item the curriculum no longer has, so that the
    "retired" page exists too (13 kinds of page in all)."""
    tracker._database.set_status("an-old-item", "done", tracker.now())
    tracker.reload()
    return tracker
