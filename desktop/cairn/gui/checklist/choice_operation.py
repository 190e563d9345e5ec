"""Choosing an option of a choice group as one undoable operation ("Undo Choose Evals")."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ...tracker import Change, Tracker
from ..operations import Operation


def choice_operation(tracker: Tracker, group_id: str, options: tuple[str, ...]) -> Operation:
    """Choose `options` in the group; undo puts back what the database held (an open choice
    included). Every total changes, so the views hear it as a change of everything."""
    first: list[Change] = []

    def choose(wanted: tuple[str, ...]) -> Change:
        change = tracker.choose(group_id, wanted)
        return replace(change, kind="all")

    def apply() -> Change:
        change = choose(options)
        first.append(change)
        return change

    group = tracker.curriculum.choices.get(group_id)
    titles = [o.title for o in group.options if o.id in options] if group else []
    return Operation(
        QCoreApplication.translate("Choices", "Choose {options}").format(
            options=", ".join(titles) or ", ".join(options)
        ),
        apply,
        lambda _last: choose(tuple(first[0].old)),
        lambda _undone: choose(options),
        failed="chosen",
        stamp=lambda: tracker.stored_choice(group_id),
    )
