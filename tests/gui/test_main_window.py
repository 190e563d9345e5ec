"""The real window, driven with the keyboard and mouse through pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from cairn.gui.checklist.table import STATUS_COLUMN, TITLE_COLUMN
from cairn.gui.detail.note_editor import NOTE_SAVE_DELAY_MS
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


def _reopen(data_dir: Path, shipped_pack: Path) -> Tracker:
    return Tracker.open(data_dir, shipped_pack)


def test_opens_on_month_one_week_one(window: MainWindow) -> None:
    assert window.node == Node("week", "w01")
    assert window.header.title.text().startswith("Week 1")
    first = window.tracker.curriculum.week_items("w01")[0]
    assert window.checklist.current_item_id() == first.id
    assert window.detail.title.text() == first.title


def test_space_marks_done_saves_and_updates_progress(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    data_dir: Path,
    shipped_pack: Path,
) -> None:
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
    for key, status in (
        (Qt.Key.Key_2, "doing"),
        (Qt.Key.Key_4, "skipped"),
        (Qt.Key.Key_3, "done"),
        (Qt.Key.Key_1, "todo"),
    ):
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
    skipped = next(
        b for b in window.detail.status_buttons.buttons() if b.property("status") == "skipped"
    )
    qtbot.mouseClick(skipped, Qt.MouseButton.LeftButton)
    assert window.tracker.status(item_id) == "skipped"
    assert window.checklist_model.index(0, STATUS_COLUMN).data().endswith("Skipped")


def test_note_is_saved_after_typing_and_survives_restart(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    data_dir: Path,
    shipped_pack: Path,
) -> None:
    item_id = window.detail.item_id
    editor = window.detail.note.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Learned **uv** today")
    qtbot.waitUntil(
        lambda: window.detail.note.state.text() == "Saved", timeout=NOTE_SAVE_DELAY_MS * 5
    )
    again = _reopen(data_dir, shipped_pack)
    note = again.note(item_id)
    again.close()
    assert note is not None and note.body == "Learned **uv** today"
    window.detail.note.tabs.setCurrentIndex(1)
    assert (
        "<b>uv</b>" in window.detail.note.preview.toHtml()
        or "font-weight" in window.detail.note.preview.toHtml()
    )


def test_note_is_saved_when_switching_items_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item_id = window.detail.item_id
    qtbot.keyClicks(window.detail.note.editor, "quick thought")
    window.checklist.select_item(window.tracker.curriculum.week_items("w01")[1].id)
    note = window.tracker.note(item_id)
    assert note is not None and note.body == "quick thought"


def test_milestone_shows_done_when_and_refuses_bad_evidence(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentIndex(
        window.navigation_model.index_of(Node("milestone", "rag-eval-golden-set"))
    )
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
        "https://github.com/me/rag"
    ]
    assert box.links.count() == 1


def test_pages_for_month_project_role_and_groups(window: MainWindow) -> None:
    c = window.tracker.curriculum
    window.show_node(Node("month", "m2"))
    assert len(window.checklist_model.item_ids()) == len(c.month_items("m2"))
    assert window.lists.currentWidget() is window.checklist

    window.show_node(Node("role", "llm-engineer"))
    assert window.lists.currentWidget() is window.tree
    headings = [window.tree_model.item(r, 0).text() for r in range(window.tree_model.rowCount())]
    rag_row = next(
        r
        for r, h in enumerate(headings)
        if h.startswith("Grounding and RAG · weight 15%  —  0 of ")
    )
    rag = window.tree_model.item(rag_row, 0)
    assert rag.rowCount() == len(c.items_for_skill("rag-grounding"))
    assert window.detail.item_id == window.tree.current_item_id() != ""

    window.show_node(Node("group", "projects"))
    assert window.tree_model.rowCount() == len(c.projects)
    assert window.tree_model.horizontalHeaderItem(3).text() == "Evidence"

    window.show_node(Node("group", "roles"))
    assert window.lists.currentWidget() is window.items.empty
    assert "Choose a role" in window.header.summary.text()
    assert all(r.name in window.items.empty.text() for r in c.roles.values())


def test_role_view_marks_items_with_the_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_node(Node("role", "applied-scientist"))
    window.tree.setFocus()
    item_id = window.tree.current_item_id()
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    assert window.tracker.status(item_id) == "done"
    first_group = window.tree_model.item(0, 0)
    assert "—  1 of " in first_group.text()
    assert window.header.rows[0].text.text().startswith("1 of")


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

    from cairn.gui.widgets.theme import is_dark

    window.set_theme("dark")
    assert is_dark(QApplication.instance())  # type: ignore[arg-type]
    assert window.tracker.setting("theme") == "dark"
    window.set_theme("light")
    assert not is_dark(QApplication.instance())  # type: ignore[arg-type]


def test_only_web_and_mail_links_are_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    from cairn.gui.widgets.links import open_external

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
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
        if (
            focusable
            and widget.isVisibleTo(window)
            and not (widget.accessibleName() or widget.text())
        ):
            unnamed.append(widget)
    assert [type(w).__name__ for w in unnamed] == []
    assert window.checklist.accessibleName() == "Checklist"
    assert window.checklist_model.index(0, TITLE_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)


def test_add_a_pack_shows_its_items_and_remove_keeps_progress(
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    window: MainWindow,
) -> None:
    pack = tmp_path / "mentor"
    pack.mkdir()
    (pack / "pack.toml").write_text(
        '[pack]\nid = "mentor-notes"\nname = "Mentor notes"\nversion = "1"\n'
        'extends = "cairn-core"\n\n[[week]]\nid = "w01"\n\n[[week.item]]\n'
        'id = "mentor-intro-call"\nkind = "task"\ntitle = "Book an intro call with your mentor"\n'
        'description = "Agree how often you will meet and what you will send before each call."\n'
        'estimate_hours = 0.5\nskills = ["judgment-communication"]\nreadings = ["pro-git"]\n'
    )
    assert window.packs.add(pack)
    window.show_node(Node("week", "w01"))
    assert window.checklist_model.row_of("mentor-intro-call") >= 0
    window.checklist.select_item("mentor-intro-call")
    qtbot.keyClick(window.checklist, Qt.Key.Key_Space)
    assert window.packs.remove("mentor-notes", confirm=False)
    assert window.checklist_model.row_of("mentor-intro-call") == -1
    assert window.tracker.retired_ids() == ["mentor-intro-call"]
    assert window.packs.add(pack)
    assert window.tracker.status("mentor-intro-call") == "done"


def test_a_bad_pack_lists_every_problem_and_changes_nothing(
    tmp_path: Path, window: MainWindow
) -> None:
    pack = tmp_path / "broken"
    pack.mkdir()
    (pack / "pack.toml").write_text(
        '[pack]\nid = "broken"\nname = "Broken"\nversion = "1"\nextends = "cairn-core"\n\n'
        '[[reading]]\nid = "odd"\ntitle = "Odd"\nauthor = "X"\nkind = "docs"\n'
        'url = "javascript:alert(1)"\nestimate_hours = 1\n\n[[week]]\nid = "w99"\n'
    )
    items_before = len(window.tracker.curriculum.items)
    assert not window.packs.add(pack)
    dialog = window.packs.problems_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "id 'odd', field 'url'" in text and "id 'w99'" in text
    assert str(pack / "pack.toml") in text
    assert len(window.tracker.curriculum.items) == items_before
    assert window.tracker.own_packs() == []
    dialog.close()


def test_readings_view_filters_marks_read_and_links_to_items(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from cairn.gui.readings.page import READING_ID_ROLE

    window.navigation.setCurrentIndex(window.navigation_model.index_of(Node("group", "readings")))
    page = window.readings
    assert window.centre.currentWidget() is page
    total = len(window.tracker.curriculum.readings)
    assert page.proxy.rowCount() == total
    page.kind.setCurrentIndex(page.kind.findData("paper"))
    papers = page.proxy.rowCount()
    assert 0 < papers < total
    assert all(page.proxy.index(r, 2).data() == "paper" for r in range(papers))
    page.kind.setCurrentIndex(0)
    page.month.setCurrentIndex(page.month.findData(2))
    month2 = {page.proxy.index(r, 0).data(READING_ID_ROLE) for r in range(page.proxy.rowCount())}
    assert "rag-paper" in month2 and "lora-paper" not in month2
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 1))
    reading_id = page.current_reading_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert window.tracker.reading_status(reading_id) == "read"
    page.status.setCurrentIndex(page.status.findData("read"))
    assert page.proxy.rowCount() == 1
    assert (
        window.reading_detail.title.text() == window.tracker.curriculum.readings[reading_id].title
    )
    used = window.reading_detail.used_by
    assert used.count() >= 1
    item_id = used.item(0).data(Qt.ItemDataRole.UserRole)
    window.go_to_item(item_id)
    assert window.centre.currentIndex() == 0 and window.detail.item_id == item_id


def test_readings_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.readings.model)
    qtmodeltester.check(window.readings.proxy)
    window.show_node(Node("role", "llm-engineer"))
    qtmodeltester.check(window.tree_model)


def test_retired_items_are_listed_with_their_progress(
    qtbot,
    data_dir: Path,  # type: ignore[no-untyped-def]
    shipped_pack: Path,
) -> None:
    with Tracker.open(data_dir, shipped_pack) as tracker:
        tracker._database.set_status("an-old-item", "done", tracker._clock())
        tracker._database.set_note("an-old-item", "still mine", False, tracker._clock())
        tracker.reload()
        win = MainWindow(tracker)
        qtbot.addWidget(win)
        index = win.navigation_model.index_of(Node("group", "retired"))
        assert index.data() == "Retired items (1)"
        win.navigation.setCurrentIndex(index)
        assert "an-old-item: done" in win.items.empty.text()
        assert "still mine" in win.items.empty.text()
        win.close()
