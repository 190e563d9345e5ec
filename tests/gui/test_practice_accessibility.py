"""Every control of Practice has a name a screen reader can say, in every state: the page, the
review (question, answer, summary), the drill (setup, question, revealed, summary) and the card
dialog; and Tab reaches the review's buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed
from test_practice_drill import drill_window  # noqa: F401  (a fixture)
from test_practice_review import PRACTICE

from cairn.gui.window.main_window import MainWindow


def _named(root: QWidget, where: str, missing: dict[str, None]) -> None:
    missing.update(dict.fromkeys(f"{m} ({where})" for m in unnamed(root)))


def test_every_practice_control_has_a_name(drill_window: MainWindow, qtbot: QtBot) -> None:  # noqa: F811
    window = drill_window
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    missing: dict[str, None] = {}
    _named(window, "page", missing)
    assert page.start_review()
    _named(window, "review, question", missing)
    page.review.reveal()
    _named(window, "review, answer", missing)
    dialog = page.review.edit_card()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    _named(dialog, "card dialog", missing)
    dialog.reject()
    page.review.rate(3)
    page.review.finish()
    _named(window, "review, summary", missing)
    page.show_overview()
    drill = page.open_drill()
    _named(window, "drill, setup", missing)
    assert drill.start()
    _named(window, "drill, question", missing)
    drill.reveal()
    _named(window, "drill, revealed", missing)
    drill.rate(3)
    drill.finish()
    _named(window, "drill, summary", missing)
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_tab_reaches_the_review_buttons(drill_window: MainWindow) -> None:  # noqa: F811
    window = drill_window
    window.navigation.setCurrentIndex(window.navigation_model.index_of(PRACTICE))
    page = window.practice()
    page.start_review()
    page.review.reveal()
    chain: list[QWidget] = []
    widget = page.review.nextInFocusChain()
    while widget is not page.review and len(chain) < 200:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    review = page.review
    for button in (*review.rate_buttons.values(), review.edit, review.suspend, review.end):
        assert button in chain and button.focusPolicy() & button.focusPolicy().TabFocus
