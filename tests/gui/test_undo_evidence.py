"""Evidence links go through the one operation path: adding and removing are undone and redone
by name (a removed link comes back with its own time), the box follows, and a full disk is said
in the box with nothing changed and no undo entry."""

from __future__ import annotations

from datetime import datetime

from full_disk import FullDisk

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow

MILESTONE = "rag-eval-golden-set"


def open_milestone(window: MainWindow) -> None:
    window.show_node(Node("milestone", MILESTONE))
    window.detail.show_item(MILESTONE)


def stored(window: MainWindow) -> list[tuple[str, datetime]]:
    """The milestone's links as the database holds them (read again from the file)."""
    window.tracker.reload()
    return [(e.url, e.added_at) for e in window.tracker.evidence(MILESTONE)]


def shown(window: MainWindow) -> list[str]:
    links = window.detail.evidence.links
    return [links.item(row).text() for row in range(links.count())]


def test_an_added_link_is_undone_and_redone(window: MainWindow) -> None:
    open_milestone(window)
    box = window.detail.evidence
    box.url.setText("https://example.org/proof")
    box.add.click()
    assert [url for url, _at in stored(window)] == ["https://example.org/proof"]
    assert box.url.text() == ""
    assert window.undo_stack.undoText() == "Add evidence link"
    window.undo_stack.undo()
    assert stored(window) == [] and shown(window) == []
    assert not window.tracker.has_evidence(MILESTONE)
    assert box.message.text().startswith("No evidence yet.")
    window.undo_stack.redo()
    assert [url for url, _at in stored(window)] == ["https://example.org/proof"]
    assert shown(window) == ["https://example.org/proof"]


def test_a_removed_link_comes_back_with_its_own_time_and_redo_removes_it_again(
    window: MainWindow,
) -> None:
    for url in ("https://example.org/one", "https://example.org/two"):
        window.tracker.add_evidence(MILESTONE, url)
    open_milestone(window)
    before = stored(window)
    box = window.detail.evidence
    box.links.setCurrentRow(0)
    box.remove.click()
    assert [url for url, _at in stored(window)] == ["https://example.org/two"]
    assert window.undo_stack.undoText() == "Remove evidence link"
    window.undo_stack.undo()
    assert sorted(stored(window)) == sorted(before)  # same URL, same time added
    assert sorted(shown(window)) == ["https://example.org/one", "https://example.org/two"]
    window.undo_stack.redo()  # removes the row the undo put back
    assert [url for url, _at in stored(window)] == ["https://example.org/two"]
    assert shown(window) == ["https://example.org/two"]
    window.undo_stack.undo()
    window.undo_stack.undo()  # the link added outside the window is not on the history
    assert sorted(stored(window)) == sorted(before)


def test_evidence_on_a_full_disk_is_said_in_the_box_with_no_undo_entry(
    full_disk: FullDisk,
) -> None:
    window = full_disk.window
    assert window is not None
    window.tracker.add_evidence(MILESTONE, "https://example.org/kept")
    open_milestone(window)
    before = stored(window)
    box = window.detail.evidence
    full_disk.fill()
    box.url.setText("https://example.org/proof")
    box.add.click()
    assert box.message.text().startswith("Not added: ")
    assert full_disk.words in box.message.text()
    assert box.url.text() == "https://example.org/proof"  # kept to try again
    box.links.setCurrentRow(0)
    box.remove.click()
    assert box.message.text().startswith("Not removed: ")
    assert full_disk.words in box.message.text()
    assert window.undo_stack.count() == 0
    full_disk.free()
    assert stored(window) == before
    assert shown(window) == ["https://example.org/kept"]
