"""The window refuses what Cairn could not export and restore, in words, and loses nothing."""

from __future__ import annotations

from cairn.gui.window.main_window import MainWindow
from cairn.validation import MAX_NOTE_CHARS, MAX_URL_CHARS


def test_a_note_over_the_limit_is_not_saved_and_stays_in_the_editor(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    item_id = window.detail.item_id
    note = window.detail.note
    note.editor.setPlainText("x" * (MAX_NOTE_CHARS + 1))
    note.save()
    assert note.state.text().startswith("Not saved:") and "100,000" in note.state.text()
    assert window.tracker.note(item_id) is None
    assert len(note.editor.toPlainText()) == MAX_NOTE_CHARS + 1  # nothing the learner typed
    copies = list((window.tracker.data_dir / "notes-not-saved").glob(f"{item_id}.md"))
    assert len(copies) == 1 and len(copies[0].read_text(encoding="utf-8")) == MAX_NOTE_CHARS + 1
    assert str(copies[0]) in note.state.toolTip()  # and the learner is told where
    note.editor.setPlainText("x" * MAX_NOTE_CHARS)  # trimmed to the limit: saved
    note.save()
    assert note.state.text() == "Saved"
    saved = window.tracker.note(item_id)
    assert saved is not None and len(saved.body) == MAX_NOTE_CHARS


def test_the_evidence_field_stops_at_the_longest_link_cairn_keeps(window: MainWindow) -> None:
    window.detail.evidence.url.setText("https://example.org/" + "a" * 3000)
    assert len(window.detail.evidence.url.text()) == MAX_URL_CHARS
