"""How an elective item (an option of a choice group) is described in lists and the pane."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...content import Item
from ...tracker import Tracker


def option_note(tracker: Tracker, item: Item) -> str:
    """'' for an item outside every choice group; otherwise which option it belongs to and
    whether it counts."""
    option = tracker.curriculum.option_of.get(item.id)
    if option is None:
        return ""
    group = tracker.curriculum.choices[option.group_id]
    if option.id in tracker.chosen(group.id):
        text = QCoreApplication.translate(
            "Choices", "Option “{option}” of “{group}”: chosen, it counts."
        )
    elif item.id in tracker.counted.items:
        text = QCoreApplication.translate(
            "Choices",
            "Option “{option}” of “{group}”: not chosen yet; it counts as the cheapest option "
            "until you choose.",
        )
    else:
        text = QCoreApplication.translate(
            "Choices",
            "Option “{option}” of “{group}”: not chosen, so it counts toward no total. Your "
            "progress on it is kept.",
        )
    return text.format(option=option.title, group=group.title)


def is_left_out(tracker: Tracker, item: Item) -> bool:
    """True for an item of an option that does not count (not chosen)."""
    return item.id in tracker.curriculum.option_of and item.id not in tracker.counted.items
