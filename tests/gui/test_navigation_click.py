"""Clicking a milestone in the navigation shows it, even when it is already the current entry
and another row of its project was picked since."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow


def _click(window: MainWindow, node: Node, qtbot) -> None:  # type: ignore[no-untyped-def]
    navigation, index = window.navigation, window.navigation_model.index_of(node)
    navigation.expand(index.parent())
    navigation.scrollTo(index)
    qtbot.mouseClick(
        navigation.viewport(), Qt.MouseButton.LeftButton, pos=navigation.visualRect(index).center()
    )


def test_a_click_on_the_current_milestone_shows_it_again(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    first, second = window.tracker.curriculum.project_items("warmup-extraction")[:2]
    _click(window, Node("milestone", first.id), qtbot)
    assert window.detail.item_id == first.id
    shown = window.checklist if window.lists.currentWidget() is window.checklist else window.tree
    shown.select_item(second.id)  # another row of the project
    assert window.detail.item_id == second.id
    _click(window, Node("milestone", first.id), qtbot)
    assert window.detail.item_id == first.id
    assert window.node == Node("project", "warmup-extraction")
