"""A long mixed session in the real window, on every kind of page: statuses (one item and a
selection), note edits and privacy, evidence links, reading status, study time added, edited
and deleted, the timer, the plan, target roles, the theme and the elective chosen — drawn with
a seeded random generator and interleaved with undo and redo runs of random length (past the
beginning too).

The test keeps a model of what the learner expects: the data after each step on the undo
history. After every action, undo and redo the data must be the model's entry for the place
the history is at; at the end a NEW tracker on the same folder reads the same data, and the
window shows it. Along the way no Qt warning is printed, the reference counts of None, True and
False hold (see soak.py), and memory grows by less than a stated bound per 1,000 actions.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel, QtMsgType
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog
from soak import SingletonWatch, collect_garbage, nodes, page_kinds, switch, with_a_retired_item

from cairn.gui.checklist.status_input import status_text
from cairn.gui.checklist.table import STATUS_COLUMN
from cairn.gui.readings.page import READING_ID_ROLE
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.progress import STATUSES
from cairn.timer import TimerState
from cairn.tracker import Tracker
from clocks import Clock

SEED = 20261130
FAST_ACTIONS = 150
SLOW_ACTIONS = 2_800  # every one of the 14 kinds of page at least 100 times
RESTART_EVERY = 250  # actions between two garbage collections of the reference watch
CHECK_FOLDER_EVERY = 500  # actions between two reads of the folder by a new tracker
WARM_UP = 100  # actions before memory is first measured (caches, lazily built pages)
MEASURED = 1_000  # actions after the warm-up needed for the bound to mean something
# Resident memory may grow by at most this much per 1,000 actions after the warm-up (measured
# on this machine: see the report of the change that added this test).
RSS_BOUND_PER_1000 = 16 * 1024 * 1024
THEMES = ("system", "light", "dark")
READING_STATUSES = ("unread", "reading", "read")
TRIES = 4  # draws per action wanted on a page (not every page offers every action)
FULL_RUN_EVERY = 800  # actions between two runs undoing past the start and redoing all
FAST_FULL_RUN_EVERY = 60
PAGE_ACTIONS = {
    Node("group", "readings"): {"reading status": 30},
    Node("group", "readiness"): {"target roles": 20},
    Node("group", "projects"): {"evidence add": 12, "evidence remove": 8},
    Node("week", "w23"): {"choose": 25},  # the week the specialisation is chosen
}
CHOICE_WEEK = Node("week", "w23")


@dataclass(frozen=True)
class Learned:
    """Everything the learner can change, as plain values (row ids and times of writing left
    out: an undone removal comes back as a new row with the same values)."""

    statuses: frozenset[tuple[str, str]]
    notes: frozenset[tuple[str, str, bool]]
    evidence: tuple[tuple[str, str, datetime], ...]
    readings: frozenset[tuple[str, str]]
    sessions: tuple[tuple[str, datetime, int, str], ...]
    timer: TimerState | None
    plan: object
    roles: tuple[str, ...]
    theme: object
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()


#: Each distinct part of a Learned value once: consecutive states differ in one part, so the
#: model of a long history shares the rest (and memory measures the window, not the model).
_PARTS: dict[object, object] = {}


def _shared(value: object) -> Any:
    return _PARTS.setdefault(value, value)


def learned(tracker: Tracker) -> Learned:
    """What `tracker` holds (to-do, unread and an empty public note are the same as none)."""
    return Learned(
        statuses=_shared(frozenset((i, s) for i, s in tracker.statuses().items() if s != "todo")),
        notes=_shared(
            frozenset(
                (i, n.body, n.private) for i, n in tracker.notes().items() if n.body or n.private
            )
        ),
        evidence=_shared(
            tuple(sorted((e.content_id, e.url, e.added_at) for e in tracker.evidence_links()))
        ),
        readings=_shared(
            frozenset((r, s) for r, s in tracker.reading_statuses().items() if s != "unread")
        ),
        sessions=_shared(
            tuple(
                sorted(
                    (s.content_id, s.started_at, s.minutes, s.source) for s in tracker.sessions()
                )
            )
        ),
        timer=tracker.timer(),
        plan=tracker.plan_settings(),
        roles=tuple(tracker.target_roles()),
        theme=tracker.setting("theme"),
        choices=tuple(sorted(tracker.choices().items())),
    )


def read_again(window: MainWindow, data_dir: Path, shipped_pack: Path, clock: Clock) -> Learned:
    """The data as a new tracker on the same folder reads it."""
    again = Tracker.open(data_dir, shipped_pack, clock=clock)
    try:
        return learned(again)
    finally:
        again.close()


def resident_bytes() -> int:
    """This process's resident memory."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def edit_actions(window: MainWindow) -> tuple[QAction, QAction]:
    """Edit → Undo and Edit → Redo, as the learner finds them."""
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    undo, redo = edit.actions()[:2]
    return undo, redo


class LongSession:
    """Drives the window as a learner would and keeps the model of what the learner expects:
    `states[i]` is the data with the first i steps of the undo history done."""

    def __init__(
        self,
        window: MainWindow,
        clock: Clock,
        watch: SingletonWatch,
        rng: random.Random,
        full_every: int,
    ) -> None:
        self.window = window
        self.clock = clock
        self.watch = watch
        self.rng = rng
        self.states = [learned(window.tracker)]
        self.done: Counter[str] = Counter()
        self.on_page: Counter[tuple[str, str]] = Counter()  # actions per kind of page
        self.page = ("", "")
        self.full_runs = 0
        self.full_every = full_every
        self.next_full_run = full_every // 2
        self.actions = 0
        self.undo, self.redo = edit_actions(window)
        self.learner_actions: dict[str, Callable[[], bool]] = {
            "status": self.mark_one,
            "bulk status": self.mark_selection,
            "note": self.edit_note,
            "privacy": self.toggle_privacy,
            "evidence add": self.add_evidence,
            "evidence remove": self.remove_evidence,
            "reading status": self.mark_reading,
            "study add": self.add_time,
            "study edit": self.edit_session,
            "study delete": self.delete_session,
            "timer": self.use_timer,
            "plan": self.save_plan,
            "target roles": self.toggle_target_role,
            "theme": self.choose_theme,
            "choose": self.choose_elective,
            "select": self.select_another,
        }
        self.weights = {name: 3 for name in self.learner_actions}
        self.weights.update(
            {"theme": 1, "plan": 1, "select": 4, "status": 5, "privacy": 4, "choose": 1}
        )

    # --- the model ----------------------------------------------------------------------------
    def expect(self, step: str) -> None:
        """The data is the model's entry for where the undo history is."""
        stack = self.window.undo_stack
        assert stack.count() == len(self.states) - 1, step
        assert learned(self.window.tracker) == self.states[stack.index()], step

    def act(self, name: str, action: Callable[[], bool]) -> bool:
        """Do a learner action; record what it left if it went on the undo history. False
        if the page does not offer it."""
        stack = self.window.undo_stack
        before = stack.index()
        self.clock.now += timedelta(minutes=self.rng.randint(1, 9))
        if not action():
            return False
        self.count(name)
        if stack.index() == before + 1:
            del self.states[before + 1 :]  # a new step drops what could be redone
            self.states.append(learned(self.window.tracker))
        else:
            assert stack.index() == before, f"{name} moved the history by more than one"
        self.expect(f"action {self.actions} ({name})")
        return True

    def count(self, name: str) -> None:
        self.actions += 1
        self.done[name] += 1
        self.on_page[self.page] += 1
        self.watch.check(f"action {self.actions} ({name})")
        if self.actions % RESTART_EVERY == 0:
            self.watch.restart(f"action {self.actions}")

    def undo_run(self) -> None:
        """Undo or redo a run of random length through the Edit menu."""
        move = self.undo if self.rng.random() < 0.55 else self.redo
        for _ in range(self.rng.randint(1, 8)):
            self.move(move)
            self.count(move.text().split()[0].strip("&").lower())

    def full_run(self) -> None:
        """Undo past the start of the history, then redo everything and a little more: the
        data is the start, then back where it was (each step checked, not counted as an
        action)."""
        stack = self.window.undo_stack
        top = stack.index()
        for _ in range(top + self.rng.randint(1, 3)):
            self.move(self.undo)
        assert stack.index() == 0 and learned(self.window.tracker) == self.states[0]
        for _ in range(stack.count() + 2):
            self.move(self.redo)
        assert stack.index() == stack.count()
        self.full_runs += 1
        self.watch.restart(f"undoing and redoing all {stack.count()} steps")

    def move(self, action: QAction) -> None:
        """Edit → Undo or Redo once (disabled at either end: then nothing happens)."""
        stack = self.window.undo_stack
        was = stack.index()
        end = 0 if action is self.undo else stack.count()
        action.trigger()
        assert stack.index() - was == (0 if was == end else -1 if action is self.undo else 1)
        self.watch.check(f"{action.text()} after action {self.actions}")
        self.expect(f"{action.text()} after action {self.actions}")

    # --- learner actions: each returns False when the page does not offer it ----------------
    def _detail_item(self) -> str:
        shown = self.window.right.currentWidget() is self.window.detail
        return self.window.detail.item_id if shown and self.window.right.isVisible() else ""

    def mark_one(self) -> bool:
        item_id = self._detail_item()
        if not item_id:
            return False
        current = self.window.tracker.status(item_id)
        wanted = self.rng.choice([s for s in STATUSES if s != current])
        button = next(
            b for b in self.window.detail.status_buttons.buttons() if b.property("status") == wanted
        )
        button.click()
        assert self.window.tracker.status(item_id) == wanted
        return True

    def mark_selection(self) -> bool:
        window = self.window
        if window.lists.currentWidget() is not window.checklist or not self._detail_item():
            return False
        model = window.checklist_model
        rows = model.rowCount()
        if rows < 2:
            return False
        chosen = self.rng.sample(range(rows), self.rng.randint(2, min(rows, 6)))
        view = window.checklist
        view.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in chosen:
            view.selectionModel().select(model.index(row, 0), flags)
        ids = view.selected_item_ids()
        wanted = self.rng.choice(STATUSES)
        window.status_actions[wanted].trigger()  # Item → Mark … (Ctrl+1…4)
        assert all(window.tracker.status(i) == wanted for i in ids)
        return True

    def edit_note(self) -> bool:
        item_id = self._detail_item()
        if not item_id:
            return False
        note = self.window.detail.note
        note.editor.moveCursor(note.editor.textCursor().MoveOperation.End)
        note.editor.insertPlainText(f" thought {self.actions}")
        note.save()
        saved = self.window.tracker.note(item_id)
        assert saved is not None and saved.body == note.editor.toPlainText()
        return True

    def toggle_privacy(self) -> bool:
        item_id = self._detail_item()
        note = self.window.detail.note
        if not item_id or not note.editor.toPlainText():
            return False
        note.private.setChecked(not note.private.isChecked())
        note.save()
        saved = self.window.tracker.note(item_id)
        assert saved is not None and saved.private == note.private.isChecked()
        return True

    def add_evidence(self) -> bool:
        item_id = self._detail_item()
        if not item_id or not self.window.tracker.item(item_id).is_milestone:
            return False
        box = self.window.detail.evidence
        box.url.setText(f"https://example.org/proof/{self.actions}")
        box.add.click()
        return True

    def remove_evidence(self) -> bool:
        box = self.window.detail.evidence
        if not self._detail_item() or not box.isVisible() or box.links.count() == 0:
            return False
        box.links.setCurrentRow(self.rng.randrange(box.links.count()))
        box.remove.click()
        return True

    def mark_reading(self) -> bool:
        window = self.window
        if window.centre.currentWidget() is not window.readings:
            return False
        proxy = window.readings.proxy
        window.readings.table.setCurrentIndex(proxy.index(self.rng.randrange(proxy.rowCount()), 1))
        reading_id = window.readings.current_reading_id()
        assert window.reading_detail.reading_id == reading_id
        wanted = self.rng.choice(READING_STATUSES)
        next(
            b for b in window.reading_detail.buttons.buttons() if b.property("status") == wanted
        ).click()
        assert window.tracker.reading_status(reading_id) == wanted
        return True

    def add_time(self) -> bool:
        if not self._detail_item():
            return False
        dialog = self.window.detail.sessions.open_add_time()
        dialog.minutes.setValue(self.rng.randint(5, 120))
        assert dialog.save(), dialog.message.text()
        return True

    def _select_session(self) -> bool:
        sessions = self.window.detail.sessions
        if not self._detail_item() or sessions.list.count() == 0:
            return False
        sessions.list.setCurrentRow(self.rng.randrange(sessions.list.count()))
        return True

    def edit_session(self) -> bool:
        if not self._select_session():
            return False
        dialog = self.window.detail.sessions.open_edit()
        assert dialog is not None
        dialog.minutes.setValue(self.rng.randint(5, 120))
        assert dialog.save(), dialog.message.text()
        return True

    def delete_session(self) -> bool:
        if not self._select_session():
            return False
        self.window.detail.sessions.delete.click()
        return True

    def use_timer(self) -> bool:
        """Start the timer on the item shown, or pause, resume, stop or discard it in the
        status bar."""
        controls = self.window.detail.timer
        if self._detail_item() and controls.start.isVisible() and self.rng.random() < 0.4:
            controls.start.click()
            return True
        bar = self.window.running_timer
        if not bar.isVisible():
            return False
        self.rng.choice([bar.pause, bar.pause, bar.stop, bar.discard]).click()
        return True

    def save_plan(self) -> bool:
        dialog = self.window.show_plan_dialog()
        dialog.start.setDate(date(2026, self.rng.randint(1, 3), self.rng.randint(1, 28)))
        dialog.hours.setValue(self.rng.randint(2, 40) / 2)
        assert dialog.save(), dialog.message.text()
        return True

    def toggle_target_role(self) -> bool:
        window = self.window
        if window.node != Node("group", "readiness"):
            return False
        page = window.dashboard()
        if self.rng.random() < 0.3:
            page.role.setCurrentIndex(self.rng.randrange(page.role.count()))
            if not page.primary.isEnabled():
                return False
            page.primary.click()
        else:
            self.rng.choice(page.targets_menu.actions()).trigger()
        return True

    def choose_theme(self) -> bool:
        theme = self.rng.choice([t for t in THEMES if t != self.window.theme])
        self.window.theme_actions[theme].trigger()  # View → Theme
        return True

    def choose_elective(self) -> bool:
        """Pick another option on a choice card in view and press Choose."""
        cards = [c for c in self.window.items.choices.cards if c.isVisible()]
        if self.window.centre.currentIndex() != 0 or not cards:
            return False
        card = self.rng.choice(cards)
        chosen = self.window.tracker.chosen(card.group_id)
        others = [o for o in card.option_ids if (o,) != chosen]
        option = self.rng.choice(others)
        card.buttons.button(card.option_ids.index(option)).click()
        card.choose.click()
        assert self.window.tracker.chosen(card.group_id) == (option,)
        return True

    def select_another(self) -> bool:
        """Select another row of the list in view (the detail pane follows)."""
        window = self.window
        ids = [item.id for item in window.page.all_items]
        if window.centre.currentIndex() != 0 or not ids:
            return False
        view = window.checklist if window.lists.currentWidget() is window.checklist else window.tree
        view.select_item(self.rng.choice(ids))
        return False  # nothing changes: not counted as an action

    # --- the session ----------------------------------------------------------------------------
    def visit(self, node: Node, steps: int) -> None:
        """Go to a page and do `steps` things there."""
        self.window.detail.note.save()
        switch(self.window, node)
        self.page = (node.kind, node.id if node.kind == "group" else "")
        QApplication.processEvents()  # what a learner's pause between pages lets Qt do
        names = list(self.weights)
        here = {**self.weights, **PAGE_ACTIONS.get(node, {})}  # what this page is for
        weights = [here[name] for name in names]
        goal = self.actions + steps
        for _try in range(TRIES * steps):  # draws until the page offered `steps` actions
            if self.actions >= goal:
                break
            if self.actions >= self.next_full_run:
                self.full_run()
                self.next_full_run += self.full_every
            elif self.rng.random() < 0.1 and len(self.states) > 1:
                self.undo_run()
            else:
                name = self.rng.choices(names, weights)[0]
                self.act(name, self.learner_actions[name])


def shown_matches(window: MainWindow, truth: Learned, again: Tracker) -> None:
    """What the window shows is what `again` (a new tracker on the folder) reads."""
    assert learned(again) == truth
    overall = again.overall_progress()
    assert window.overall.text().startswith(f"Whole path: {overall.done} of {overall.total}")
    theme = truth.theme or "system"
    assert window.theme == theme and window.theme_actions[str(theme)].isChecked()
    assert window.running_timer.isVisibleTo(window) == (truth.timer is not None)
    switch(window, Node("week", "w01"))
    model = window.checklist_model
    for row in range(model.rowCount()):
        item_id = model.item_ids()[row]
        assert model.index(row, STATUS_COLUMN).data() == status_text(again.status(item_id))
    detail = window.detail
    note = again.note(detail.item_id)
    assert detail.note.editor.toPlainText() == (note.body if note else "")
    assert detail.note.private.isChecked() == (note.private if note else False)
    checked = [b.property("status") for b in detail.status_buttons.buttons() if b.isChecked()]
    assert checked == [again.status(detail.item_id)]
    mine = [s for s in truth.sessions if s[0] == detail.item_id]
    assert detail.sessions.list.count() == min(len(mine), 5)
    switch(window, Node("group", "readings"))
    proxy = window.readings.proxy
    for row in range(proxy.rowCount()):
        reading_id = proxy.index(row, 0).data(READING_ID_ROLE)
        assert again.reading_status(reading_id) in proxy.index(row, 0).data().lower()


@pytest.fixture
def session_window(
    open_window: Callable[[Tracker], MainWindow],
    data_dir: Path,
    shipped_pack: Path,
    clock: Clock,
) -> MainWindow:
    """The real window over the shipped curriculum, every kind of page present."""
    return open_window(with_a_retired_item(Tracker.open(data_dir, shipped_pack, clock=clock)))


@pytest.fixture
def watch(session_window: MainWindow) -> Iterator[SingletonWatch]:
    started = SingletonWatch()
    yield started
    started.stop()


def run_session(  # type: ignore[no-untyped-def]
    window: MainWindow,
    clock: Clock,
    watch: SingletonWatch,
    qtlog,
    data_dir: Path,
    shipped_pack: Path,
    total: int,
) -> LongSession:
    """`total` actions over every kind of page, then redo everything, undo everything (back
    to the start) and redo everything again, checking the data and the window throughout."""
    rng = random.Random(SEED)
    _PARTS.clear()
    full_every = FULL_RUN_EVERY if total > FAST_ACTIONS else FAST_FULL_RUN_EVERY
    session = LongSession(window, clock, watch, rng, full_every)
    everything = nodes(window)
    kinds = page_kinds(everything) + ([CHOICE_WEEK] if CHOICE_WEEK in everything else [])
    start = session.states[0]
    for node in kinds:  # every page built once before memory is measured
        switch(window, node)
    rss: tuple[int, int] | None = None
    dialogs_before = len(window.findChildren(QDialog))
    folder_checked = 0
    while session.actions < total:
        pages = list(kinds) + rng.sample(everything, 3)
        rng.shuffle(pages)
        for node in pages:
            if session.actions >= total:
                break
            session.visit(node, rng.randint(4, 16))
            if rss is None and session.actions >= WARM_UP:
                collect_garbage()
                rss = (session.actions, resident_bytes())
            if session.actions >= folder_checked + CHECK_FOLDER_EVERY:
                folder_checked = session.actions
                here = session.states[window.undo_stack.index()]
                assert read_again(window, data_dir, shipped_pack, clock) == here
    assert rss is not None
    collect_garbage()
    grown = resident_bytes() - rss[1]
    per_1000 = grown * 1000 / max(1, session.actions - rss[0])
    print(
        f"\n{session.actions} actions {dict(session.done)}, {session.full_runs} runs undoing "
        f"past the start and redoing all; resident memory "
        f"+{grown / 2**20:.1f} MiB after the warm-up ({per_1000 / 2**20:.2f} MiB per 1,000); "
        f"{len(window.findChildren(QDialog)) - dialogs_before} dialogs kept; actions per "
        f"kind of page {dict(session.on_page)}"
    )
    if session.actions - rss[0] >= MEASURED:
        assert per_1000 < RSS_BOUND_PER_1000, f"{per_1000 / 2**20:.1f} MiB per 1,000 actions"

    stack = window.undo_stack
    session.watch.restart("the session")
    while stack.canRedo():
        session.redo.trigger()
    session.expect("redoing everything")
    last = session.states[-1]
    while stack.canUndo():
        session.undo.trigger()
    assert learned(window.tracker) == start
    assert read_again(window, data_dir, shipped_pack, clock) == start  # back to the beginning
    while stack.canRedo():
        session.redo.trigger()
    assert learned(window.tracker) == last  # and everything again
    again = Tracker.open(data_dir, shipped_pack, clock=clock)
    try:
        shown_matches(window, last, again)
    finally:
        again.close()
    watch.check("undoing and redoing everything")
    assert window.isVisible() and shiboken6.isValid(window)
    warnings = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    said = [r.message for r in qtlog.records if r.type in warnings and not r.ignored]
    assert said == [], said
    return session


EVERY_KIND = {
    "status",
    "bulk status",
    "note",
    "privacy",
    "evidence add",
    "reading status",
    "study add",
    "timer",
    "undo",
    "redo",
}


def test_150_mixed_actions_undone_and_redone_leave_the_data_the_learner_expects(  # type: ignore[no-untyped-def]
    session_window: MainWindow,
    clock: Clock,
    watch: SingletonWatch,
    qtlog,
    data_dir: Path,
    shipped_pack: Path,
) -> None:
    session = run_session(session_window, clock, watch, qtlog, data_dir, shipped_pack, FAST_ACTIONS)
    assert session.actions >= FAST_ACTIONS
    assert set(session.done) >= EVERY_KIND, session.done


@pytest.mark.slow  # ~40 s: every kind of action many times over, on every kind of page
def test_2800_mixed_actions_undone_and_redone_leave_the_data_the_learner_expects(  # type: ignore[no-untyped-def]
    session_window: MainWindow,
    clock: Clock,
    watch: SingletonWatch,
    qtlog,
    data_dir: Path,
    shipped_pack: Path,
) -> None:
    session = run_session(session_window, clock, watch, qtlog, data_dir, shipped_pack, SLOW_ACTIONS)
    assert set(session.learner_actions) - {"select"} <= set(session.done), session.done
    assert min(session.done[name] for name in EVERY_KIND) >= 20, session.done
    assert len(session.on_page) == 14  # every kind of page (Practice too)
    assert min(session.on_page.values()) >= 100, session.on_page


def test_adding_time_many_times_keeps_one_dialog_in_memory(session_window: MainWindow) -> None:
    sessions = session_window.detail.sessions
    assert session_window.detail.item_id
    for minutes in range(10, 30):
        dialog = sessions.open_add_time()
        dialog.minutes.setValue(minutes)
        assert dialog.save()
    collect_garbage()
    assert len(sessions.findChildren(QDialog)) == 1
    assert len(session_window.tracker.sessions()) == 20
