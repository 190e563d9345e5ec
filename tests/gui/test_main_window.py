"""The real window, driven with the keyboard and mouse through pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from cairn.gui.checklist import STATUS_COLUMN, TITLE_COLUMN
from cairn.gui.detail import NOTE_SAVE_DELAY_MS
from cairn.gui.main_window import MainWindow
from cairn.gui.navigation import Node
from cairn.tracker import Tracker


@pytest.fixture
def window(qtbot, data_dir: Path, shipped_pack: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    tracker = Tracker.open(data_dir, shipped_pack)
    win = MainWindow(tracker)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    tracker.close()


def _reopen(data_dir: Path, shipped_pack: Path) -> Tracker:
    return Tracker.open(data_dir, shipped_pack)


def test_opens_on_month_one_week_one(window: MainWindow) -> None:
    assert window.node == Node("week", "w01")
    assert window.header.title.text().startswith("Week 1")
    first = window.tracker.curriculum.week_items("w01")[0]
    assert window.checklist.current_item_id() == first.id
    assert window.detail.title.text() == first.title


def test_space_marks_done_saves_and_updates_progress(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                     data_dir: Path, shipped_pack: Path) -> None:
    item_id = window.checklist.current_item_id()
    week_total = len(window.tracker.curriculum.week_items("w01"))
    window.checklist.setFocus()
    qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
    assert window.tracker.status(item_id) == "done"
    assert window.header.rows[0].text.text().startswith(f"1 of {week_total} done")
    assert "Whole path: 1 of" in window.overall.text()
    week_index = window.navigation_model.index_of(Node("week", "w01"))
    assert week_index.siblingAtColumn(1).data() == f"1/{week_total}"
    assert window.detail.status_buttons.checkedButton().property("status") == "done"
    again = _reopen(data_dir, shipped_pack)
    assert again.status(item_id) == "done"
    again.close()
    qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
    assert window.tracker.status(item_id) == "todo"


def test_keyboard_shortcuts_set_each_status_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.checklist.setFocus()
    qtbot.keyClick(window.checklist, Qt.Key.Key_Down)
    item_id = window.checklist.current_item_id()
    assert item_id == window.tracker.curriculum.week_items("w01")[1].id
    for key, status in ((Qt.Key.Key_2, "doing"), (Qt.Key.Key_4, "skipped"),
                        (Qt.Key.Key_3, "done"), (Qt.Key.Key_1, "todo")):
        qtbot.keyClick(window.checklist, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tracker.status(item_id) == status
    qtbot.keyClick(window.checklist, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.tracker.status(item_id) == "done"
    row = window.checklist_model.row_of(item_id)
    assert window.checklist_model.index(row, STATUS_COLUMN).data().endswith("Done")


def test_clicking_the_status_cell_cycles_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.checklist
    item_id = window.tracker.curriculum.week_items("w01")[2].id
    rect = view.visualRect(window.checklist_model.index(2, STATUS_COLUMN))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tracker.status(item_id) == "doing"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tracker.status(item_id) == "done"


def test_detail_status_buttons_change_status(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item_id = window.detail.item_id
    skipped = next(b for b in window.detail.status_buttons.buttons()
                   if b.property("status") == "skipped")
    qtbot.mouseClick(skipped, Qt.MouseButton.LeftButton)
    assert window.tracker.status(item_id) == "skipped"
    assert window.checklist_model.index(0, STATUS_COLUMN).data().endswith("Skipped")


def test_note_is_saved_after_typing_and_survives_restart(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                        data_dir: Path,
                                                        shipped_pack: Path) -> None:
    item_id = window.detail.item_id
    editor = window.detail.note.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Learned **uv** today")
    qtbot.waitUntil(lambda: window.detail.note.state.text() == "Saved",
                    timeout=NOTE_SAVE_DELAY_MS * 5)
    again = _reopen(data_dir, shipped_pack)
    note = again.note(item_id)
    again.close()
    assert note is not None and note.body == "Learned **uv** today"
    window.detail.note.tabs.setCurrentIndex(1)
    assert "<b>uv</b>" in window.detail.note.preview.toHtml() or \
        "font-weight" in window.detail.note.preview.toHtml()


def test_note_is_saved_when_switching_items_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item_id = window.detail.item_id
    qtbot.keyClicks(window.detail.note.editor, "quick thought")
    window.checklist.select_item(window.tracker.curriculum.week_items("w01")[1].id)
    note = window.tracker.note(item_id)
    assert note is not None and note.body == "quick thought"


def test_milestone_shows_done_when_and_refuses_bad_evidence(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentIndex(
        window.navigation_model.index_of(Node("milestone", "rag-eval-golden-set")))
    assert window.node == Node("project", "rag-eval")
    assert window.detail.item_id == "rag-eval-golden-set"
    assert window.detail.done_when.isVisibleTo(window)
    box = window.detail.evidence
    qtbot.keyClicks(box.url, "javascript:alert(1)")
    qtbot.keyClick(box.url, Qt.Key.Key_Return)
    assert "javascript:alert(1)" in box.message.text()
    assert window.tracker.evidence("rag-eval-golden-set") == []
    box.url.clear()
    qtbot.keyClicks(box.url, "https://github.com/me/rag")
    qtbot.keyClick(box.url, Qt.Key.Key_Return)
    assert [e.url for e in window.tracker.evidence("rag-eval-golden-set")] == [
        "https://github.com/me/rag"]
    assert box.links.count() == 1


def test_pages_for_month_project_role_and_groups(window: MainWindow) -> None:
    c = window.tracker.curriculum
    window.show_node(Node("month", "m2"))
    assert window.checklist_model.rowCount() == len(c.month_items("m2"))
    window.show_node(Node("role", "llm-engineer"))
    assert "Grounding and RAG 20%" in window.header.summary.text()
    assert window.checklist_model.rowCount() > 20
    window.show_node(Node("group", "roles"))
    assert window.empty_checklist.isVisibleTo(window)
    assert not window.checklist.isVisibleTo(window)


def test_last_view_is_restored(qtbot, shipped_tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(shipped_tracker)
    qtbot.addWidget(win)
    win.show()
    win.navigation.setCurrentIndex(win.navigation_model.index_of(Node("week", "w07")))
    win.close()
    again = MainWindow(shipped_tracker)
    qtbot.addWidget(again)
    assert again.node == Node("week", "w07")
    again.close()


def test_dark_theme_is_remembered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from cairn.gui.theme import is_dark

    window.set_theme("dark")
    assert is_dark(QApplication.instance())  # type: ignore[arg-type]
    assert window.tracker.setting("theme") == "dark"
    window.set_theme("light")
    assert not is_dark(QApplication.instance())  # type: ignore[arg-type]


def test_only_web_and_mail_links_are_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    from cairn.gui.links import open_external

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString())
                        or True)
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x"):
        assert open_external(url) is False
    assert open_external("https://docs.python.org/3/") is True
    assert open_external("mailto:mentor@example.org") is True
    assert opened == ["https://docs.python.org/3/", "mailto:mentor@example.org"]


def test_item_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.checklist_model)
    qtmodeltester.check(window.navigation_model)


def test_everything_focusable_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QTextBrowser

    unnamed = []
    for kind in (QLineEdit, QPlainTextEdit, QTextBrowser):
        unnamed += [w for w in window.findChildren(kind) if not w.accessibleName()]
    for widget in window.findChildren(QAbstractButton):
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if focusable and widget.isVisibleTo(window) and not (widget.accessibleName()
                                                             or widget.text()):
            unnamed.append(widget)
    assert [type(w).__name__ for w in unnamed] == []
    assert window.checklist.accessibleName() == "Checklist"
    assert window.checklist_model.index(0, TITLE_COLUMN).data(
        Qt.ItemDataRole.AccessibleTextRole)
