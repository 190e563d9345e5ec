"""Text a learner or a pack typed is shown as the text it is wherever Practice puts it in a
tooltip, a label or a check box: an `<img src=…>` in a card's prompt loads nothing, `<div>`
stays on screen as those five characters, and an "&" in a rubric point is an "&", not a
keyboard shortcut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QKeySequence, Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot
from test_practice_review import _page, with_cards

from cairn.gui.practice.card_model import PROMPT, first_line
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker
from clocks import Clock

ANSWER = "An answer long enough for the card format's minimum of forty characters."
RUBRIC = "Links tokens & cost"
DRILL = f"""
[[card]]
id = "drill-amp"
item = "write-hello"
kind = "drill"
prompt = "Explain cost."
answer = "{ANSWER}"
roles = ["builder"]
rubric = ["{RUBRIC}", "Names <b>caching</b>", "Says <div> is markup"]
minutes = 1
"""


def _hostile(picture: Path) -> str:
    return (
        f'<img src="{picture}" width="900" height="900"><h1 style="color:red">HUGE</h1> '
        "what is a `<div>` for?"
    )


def _shown_as_text(tip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like some."""
    document = QTextDocument()
    if Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    assert "<img" not in document.toHtml()
    return document.toPlainText()


def _window(
    open_window, data_dir: Path, small_pack: Path, clock: Clock, qtbot: QtBot
) -> MainWindow:  # type: ignore[no-untyped-def]
    pack = with_cards(small_pack)
    (pack / "cards" / "hostile.toml").write_text(DRILL, encoding="utf-8")
    tracker = Tracker.open(data_dir, pack, clock=clock)
    tracker.set_status("write-hello", "done")
    window = open_window(tracker)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_an_own_card_prompt_in_the_list_tooltip_is_text(
    open_window, data_dir: Path, small_pack: Path, clock: Clock, qtbot: QtBot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    picture = tmp_path / "pixel.png"
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    window = _window(open_window, data_dir, small_pack, clock, qtbot)
    prompt = _hostile(picture)
    window.tracker.add_own_card("write-hello", prompt, ANSWER)
    page = _page(window)
    row = page.model.row_of("own-1")
    assert row >= 0
    tip = str(page.model.data(page.model.index(row, PROMPT), Qt.ItemDataRole.ToolTipRole))
    assert _shown_as_text(tip) == first_line(prompt, 600)  # every character, literally
    assert "<div>" in _shown_as_text(tip) and "HUGE" in _shown_as_text(tip)

    QToolTip.showText(page.table.mapToGlobal(QPoint(20, 20)), tip, page.table)
    labels = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QLabel) and w.metaObject().className() == "QTipLabel"
    ]
    assert labels and all(label.sizeHint().height() < 200 for label in labels)  # no 900 px image
    QToolTip.hideText()


def test_drill_rubric_and_summary_tooltip_show_the_text(
    open_window, data_dir: Path, small_pack: Path, clock: Clock, qtbot: QtBot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(open_window, data_dir, small_pack, clock, qtbot)
    prompt = _hostile(tmp_path / "missing.png")
    window.tracker.edit_card("drill-amp", prompt, ANSWER)  # the learner's version of it
    page = _page(window)
    drill = page.open_drill()
    drill.setup.length.setCurrentIndex(0)
    drill.start()
    while drill.current_card() is not None and drill.current_card().card.id != "drill-amp":  # type: ignore[union-attr]
        drill.reveal()
        drill.rate(3)
    assert drill.current_card() is not None
    assert drill.run.source.textFormat() == Qt.TextFormat.PlainText
    drill.reveal()
    boxes = {box.accessibleName(): box for box in drill.run.rubric}
    amp = boxes[RUBRIC]
    assert amp.text().replace("&&", "&") == RUBRIC  # shown with its "&" …
    assert QKeySequence.mnemonic(amp.text()).isEmpty()  # … which is no shortcut key
    assert "Names <b>caching</b>" in boxes and "Says <div> is markup" in boxes
    drill.rate(3)
    drill.finish()
    table = drill.summary.table
    rows = [table.item(r, 0) for r in range(table.rowCount())]
    cell = next(c for c in rows if c is not None and c.text().startswith("<img"))
    assert cell.text() == first_line(prompt, 120)  # a table cell is plain text
    assert _shown_as_text(cell.toolTip()) == first_line(prompt, 120)


DIRECTION_CONTROLS = "\u202e\u202a\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_text_direction_controls_in_an_own_card_are_not_shown(
    open_window, data_dir: Path, small_pack: Path, clock: Clock, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """A right-to-left override typed into an own card's prompt does not reverse the text in
    the Practice list (cell, tooltip, screen-reader text) or in the review."""
    window = _window(open_window, data_dir, small_pack, clock, qtbot)
    prompt = "Why \u202egnp.exe\u202c cache \u2066tokens\u2069 \u200fhere?"
    window.tracker.add_own_card("write-hello", prompt, ANSWER)
    page = _page(window)
    index = page.model.index(page.model.row_of("own-1"), PROMPT)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    ):
        shown = str(page.model.data(index, role))
        assert "gnp.exe" in shown and not set(shown) & set(DIRECTION_CONTROLS + "\u202c"), role
    assert first_line(prompt) == "Why gnp.exe cache tokens here?"
    assert page.select_card("own-1")
    review = page.review
    review.start([c for c in window.tracker.practice_cards() if c.card.id == "own-1"])
    shown = review.prompt.toPlainText()
    assert "gnp.exe" in shown and not set(shown) & set(DIRECTION_CONTROLS + "\u202c")
