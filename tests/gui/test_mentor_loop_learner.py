"""The learner's side of the mentor loop in the window: exports marked as sent (or not), File →
Import recognising a mentor's feedback and another learner's progress, Today announcing what the
mentor sent until it is marked as read, and the name and learner id (welcome and Profile…)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cairn.gui.sharing import menu as sharing_menu
from cairn.gui.sharing.export_dialog import ExportDialog
from cairn.gui.welcome.first_run import show_welcome
from cairn.gui.welcome.profile import ProfileDialog
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.reports.feedback import feedback_payload, write_feedback
from cairn.tracker import Tracker, utc_now

ITEM = "clean-code-refactor"
OTHER_ITEM = "python-project-skeleton"
MILESTONE = "agent-failures-baseline"
HOSTILE = (
    '<img src="x" onerror="alert(1)"> <a href="file:///etc/passwd">open</a> '
    "[click](javascript:alert(1)) **loud** &#x202E;exe.txt www.evil.example"
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def feedback_file(
    window: MainWindow,
    target: Path,
    *,
    note: str = "Good progress: keep the tests small.",
    comments: tuple[str, ...] = (ITEM, OTHER_ITEM),
    verified: tuple[str, ...] = (),
    mentor: str = "Sam",
) -> Path:
    """A mentor's feedback answering this window's learner."""
    at = utc_now() - timedelta(minutes=5)
    payload = feedback_payload(
        written_at=at,
        learner_id=window.tracker.learner_id,
        learner_name="Ada",
        mentor_name=mentor,
        note=note,
        comments=[(cid, f"Comment on {cid}", at) for cid in comments],
        verified=[(cid, at) for cid in verified],
    )
    write_feedback(payload, target)
    return target


def other_learner_export(tmp_path: Path, shipped_pack: Path) -> Path:
    """Bo's progress export (another data folder, so another learner id)."""
    with Tracker.open(tmp_path / "bo", shipped_pack) as bo:
        bo.set_status(OTHER_ITEM, "done")
        bo.set_setting("learner_name", "Bo")
        return export(bo.snapshot(), "json", tmp_path / "bo.json").path


def said(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """The message the import ends with (then forgotten, for the next one)."""
    qtbot.waitUntil(lambda: window.sharing.message is not None, timeout=10_000)
    box = window.sharing.message
    assert box is not None
    window.sharing.message = None
    return box


def asked(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.sharing.question is not None, timeout=10_000)
    box = window.sharing.question
    assert box is not None
    window.sharing.question = None
    return box


def today_summary(window: MainWindow) -> str:
    window.show_node(Node("group", "today"))
    return window.header.summary.text()


def tree_headings(window: MainWindow) -> list[str]:
    model = window.tree_model
    return [model.item(row, 0).text() for row in range(model.rowCount())]


def completed(text: str, start: str, end: str) -> str:
    """The Completed part of a summary's text."""
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


# --- 1. marked as sent -----------------------------------------------------------------------
def test_exports_not_marked_as_sent_show_the_same_period_and_leave_last_sent_unset(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    tracker = window.tracker
    for item_id in (ITEM, OTHER_ITEM):
        tracker.set_status(item_id, "done")
    titles = [tracker.curriculum.items[i].title for i in (ITEM, OTHER_ITEM)]
    dialog = window.sharing.show_export_dialog()
    assert isinstance(dialog, ExportDialog)
    assert dialog.mark_sent.isChecked()  # on by default
    assert dialog.period.itemText(0) == (
        "Since the last summary marked as sent (none yet: everything)"
    )
    dialog.mark_sent.setChecked(False)
    parts = {}
    for fmt in ("md", "html", "pdf"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        preview = dialog.preview.toPlainText()
        target = tmp_path / f"summary.{fmt}"
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.export_to(target)
        if fmt == "md":
            written = target.read_text(encoding="utf-8")
        elif fmt == "html":
            document = QTextDocument()
            document.setHtml(target.read_text(encoding="utf-8"))
            written = document.toPlainText()
        else:  # the PDF is laid out from exactly what the preview shows
            assert target.read_bytes().startswith(b"%PDF")
            written = preview
        parts[fmt] = completed(written, "Completed in this period", "Project milestones")
        assert all(title in parts[fmt] for title in titles), (fmt, parts[fmt])
        assert "Nothing was marked done" not in parts[fmt]
        assert dialog.state.text() == f"Saved {target}."
    assert tracker.setting("last_sent") is None
    assert tracker.setting("export_choice")["mark_sent"] is False
    dialog.close()
    again = window.sharing.show_export_dialog()
    assert not again.mark_sent.isChecked()  # the choice is kept with the others
    again.close()


def test_an_export_marked_as_sent_starts_the_next_period(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.tracker.set_status(ITEM, "done")
    dialog = window.sharing.show_export_dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert dialog.mark_sent.isChecked()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(tmp_path / "sent.md")
    sent = window.tracker.setting("last_sent")
    assert sent is not None and sent["at"]
    assert re.fullmatch(
        r"Since the last summary marked as sent \(\d{1,2} \w{3} \d{4}\)", dialog.period.itemText(0)
    )
    assert "Nothing was marked done in this period" in dialog.preview.toPlainText()
    dialog.close()


# --- 2. import recognises feedback -------------------------------------------------------------
def test_import_asks_then_keeps_feedback_undoably_and_says_nothing_new_the_second_time(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = feedback_file(window, tmp_path / "feedback.json", verified=(MILESTONE,))
    window.sharing.import_file(source, confirm=True)
    question = asked(qtbot, window)
    assert question.text().startswith("Keep the feedback from Sam on 2 items?")
    question.button(QMessageBox.StandardButton.Yes).click()
    report = said(qtbot, window).text()
    assert report.startswith("Received from Sam: 2 comments on 2 items, an overall note")
    assert "1 verified milestone" in report
    assert window.undo_stack.undoText() == "Import feedback from Sam"
    assert len(window.tracker.mentor_comments()) == 3
    window.sharing.import_file(source, confirm=False)
    assert said(qtbot, window).text().startswith("Nothing new in the feedback from Sam")
    assert window.undo_stack.undoText() == "Import feedback from Sam"  # no second step
    window.undo_stack.undo()
    assert window.tracker.mentor_comments() == [] and not window.tracker.verified_ids()


def test_no_on_the_feedback_question_keeps_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.sharing.import_file(feedback_file(window, tmp_path / "f.json"), confirm=True)
    asked(qtbot, window).button(QMessageBox.StandardButton.No).click()
    assert window.tracker.mentor_comments() == [] and window.sharing.message is None


def test_the_import_dialog_accepts_exports_and_feedback(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def choose(*args: object) -> tuple[str, str]:
        seen.append(str(args[3]))
        return "", ""

    monkeypatch.setattr(sharing_menu.QFileDialog, "getOpenFileName", choose)
    window.sharing.import_action.trigger()
    assert seen == ["Cairn files (*.json)"]
    assert window.sharing.import_action.text() == "&Import…"


# --- another learner's progress --------------------------------------------------------------
def test_another_learners_progress_is_refused_in_words_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    window.tracker.set_status(ITEM, "doing")
    database = window.tracker.database_path
    before = sha(database)
    window.sharing.import_file(other_learner_export(tmp_path, shipped_pack), confirm=False)
    box = said(qtbot, window)
    assert "bo.json holds the progress of Bo" in box.text()
    assert "Nothing was imported" in box.text()
    assert "restore it into your data" in box.informativeText()
    assert "learner.id" in box.detailedText()
    restore = window.sharing.restore_button
    assert restore is not None and restore.text() == "&Restore it into my data"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert sha(database) == before
    assert window.tracker.statuses() == {ITEM: "doing"}
    assert window.undo_stack.count() == 0 and window.sharing.message is None


def test_restore_takes_another_learners_progress_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    window.tracker.set_status(ITEM, "doing")
    mine = window.tracker.learner_id
    window.sharing.import_file(other_learner_export(tmp_path, shipped_pack), confirm=False)
    said(qtbot, window)
    restore = window.sharing.restore_button
    assert restore is not None
    restore.click()
    assert said(qtbot, window).text().startswith("Imported 1 status")
    assert window.tracker.status(OTHER_ITEM) == "done"
    assert window.tracker.learner_id != mine  # the folder takes the restored learner's id
    assert window.undo_stack.undoText() == "Restore bo.json"
    window.undo_stack.undo()
    window.tracker.reload()
    assert window.tracker.statuses() == {ITEM: "doing"}
    assert window.tracker.learner_id == mine


# --- 3. Today ----------------------------------------------------------------------------------
def test_today_announces_feedback_until_it_is_marked_as_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert "Your mentor" not in today_summary(window)
    window.sharing.import_file(
        feedback_file(window, tmp_path / "f.json", verified=(MILESTONE,)), confirm=False
    )
    said(qtbot, window)
    summary = today_summary(window)  # the import redrew Today already; shown again here
    assert summary.startswith(
        "**Your mentor commented on 2 items, sent a note and verified 1 milestone.**"
    )
    assert "[Mark as read](#feedback-read)" in summary
    assert "*Note from Sam:* Good progress: keep the tests small." in summary.replace("\\", "")
    headings = tree_headings(window)
    assert headings[0].startswith("New comments from your mentor") and "2 items" in headings[0]
    window.tree.setFocus()
    window.tree.select_item(OTHER_ITEM)  # a listed item opens in the item pane like others
    assert window.current_item_id() == OTHER_ITEM
    window.header.summary.linkActivated.emit("#feedback-read")  # the learner clicks the link
    assert window.tracker.setting("feedback_seen_at")
    assert "Your mentor" not in window.header.summary.text()
    assert not tree_headings(window)[0].startswith("New comments")
    assert not window.undo_stack.undoText().startswith("Mark")  # a note of the window's own


def test_only_feedback_newer_than_mark_as_read_is_announced(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.sharing.import_file(feedback_file(window, tmp_path / "a.json"), confirm=False)
    said(qtbot, window)
    window.sharing.read_action.trigger()  # the keyboard's way: File → Mark … as read
    assert "Your mentor" not in today_summary(window)
    later = feedback_file(window, tmp_path / "b.json", note="", comments=(MILESTONE,), mentor="Kim")
    window.sharing.import_file(later, confirm=False)
    said(qtbot, window)
    assert today_summary(window).startswith("**Your mentor commented on 1 item.**")


def test_a_hostile_note_from_the_mentor_is_inert_on_today(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.sharing.import_file(
        feedback_file(window, tmp_path / "f.json", note=HOSTILE, mentor="<b>Eve</b>"),
        confirm=False,
    )
    said(qtbot, window)
    today_summary(window)
    label = window.header.summary
    document = QTextDocument()
    document.setMarkdown(label.text())
    html = document.toHtml()
    assert "<img" not in html  # no image, no script, no element the note brought itself
    assert re.findall(r'href="([^"]*)"', html) == ["#feedback-read"]  # the only link
    shown = document.toPlainText()
    assert "Note from <b>Eve</b>:" in shown  # the name exactly as typed
    # raw HTML reads as the words typed; the Markdown link keeps its words only
    assert '<img src="x" onerror="alert(1)"> <a href="file:///etc/passwd">open</a>' in shown
    assert "click loud exe.txt www.evil.example" in shown and "\u202e" not in shown
    assert 'font-weight:700;">loud' in html  # the mentor's emphasis is kept


# --- 4. name and learner id ------------------------------------------------------------------
def test_the_welcome_keeps_the_name_for_the_mentor(qtbot: QtBot, window: MainWindow) -> None:
    dialog = show_welcome(window)
    assert dialog is not None
    dialog.panes.name.setText("  Ada Lovelace ")
    dialog.go(2)
    assert dialog.save()
    assert window.tracker.setting("learner_name") == "Ada Lovelace"
    window.undo_stack.undo()  # the plan
    window.undo_stack.undo()  # the name
    assert window.tracker.setting("learner_name") is None


def test_profile_shows_the_id_to_copy_and_edits_the_name_undoably(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tracker.set_setting("learner_name", "Ada")
    window.sharing.profile_action.trigger()  # File → Profile…
    dialog = window.sharing.profile
    assert isinstance(dialog, ProfileDialog)
    qtbot.waitExposed(dialog)
    for widget in (dialog.name, dialog.learner_id, dialog.copy):  # named for screen readers
        assert widget.accessibleName()
    assert dialog.name.text() == "Ada"
    assert dialog.learner_id.text() == window.tracker.learner_id != ""
    assert (
        dialog.learner_id.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == window.tracker.learner_id
    dialog.name.setText("Ada\u202eevil")  # an invisible direction mark: refused as typed
    assert "must be one line of visible text" in dialog.message.text()
    assert not dialog.save() and dialog.isVisible()
    dialog.name.setText("Ada Lovelace")
    assert dialog.message.text() == ""
    assert dialog.save() and not dialog.isVisible()
    assert window.tracker.setting("learner_name") == "Ada Lovelace"
    assert window.undo_stack.undoText() == "Edit learner name"
    window.undo_stack.undo()
    assert window.tracker.setting("learner_name") == "Ada"


def test_profile_is_unavailable_in_a_read_only_summary(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    view = window.sharing.open_summary(other_learner_export(tmp_path, shipped_pack))
    assert view is not None
    assert not view.sharing.profile_action.isEnabled()
    assert not view.sharing.read_action.isEnabled()
    view.close()


def test_feedback_for_another_learner_is_refused_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    at = datetime(2026, 3, 1, 12, 0)
    payload = feedback_payload(
        written_at=at,
        learner_id="0f0e0d0c-0b0a-4908-8706-050403020100",
        learner_name="Bo",
        mentor_name="Sam",
        comments=[(ITEM, "For Bo", at)],
    )
    write_feedback(payload, tmp_path / "bo-feedback.json")
    before = sha(window.tracker.database_path)
    window.sharing.import_file(tmp_path / "bo-feedback.json", confirm=False)
    box = said(qtbot, window)
    assert box.windowTitle() == "Not imported" and "learner.id" in box.text()
    assert sha(window.tracker.database_path) == before
    assert window.tracker.mentor_comments() == []


def test_names_in_import_messages_are_plain_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    hostile = '<img src="x.png" width=900 height=900><a href="https://evil.example/">CLICK</a>'
    source = feedback_file(window, tmp_path / "f.json", mentor=hostile)
    window.sharing.import_file(source, confirm=True)
    question = asked(qtbot, window)
    assert question.textFormat() == Qt.TextFormat.PlainText and hostile in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    report = said(qtbot, window)
    assert report.textFormat() == Qt.TextFormat.PlainText and hostile in report.text()


def test_undoing_an_import_keeps_the_report_marked_as_sent_and_feedback_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.sharing.import_file(feedback_file(window, tmp_path / "f.json"), confirm=False)
    said(qtbot, window)
    tracker = window.tracker
    tracker.set_setting("feedback_seen_at", utc_now().isoformat())
    tracker.mark_sent(utc_now())
    kept = (tracker.setting("last_sent"), tracker.setting("feedback_seen_at"))
    assert window.undo_stack.undoText() == "Import feedback from Sam"
    window.undo_stack.undo()
    assert tracker.mentor_comments() == []
    assert (tracker.setting("last_sent"), tracker.setting("feedback_seen_at")) == kept
    window.undo_stack.redo()
    assert len(tracker.mentor_comments()) == 3
    assert (tracker.setting("last_sent"), tracker.setting("feedback_seen_at")) == kept
