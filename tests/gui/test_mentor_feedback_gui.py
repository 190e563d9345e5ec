"""The mentor's feedback round trip in the window: comments, verified milestones and an overall
note written in a learner's summary window, saved to a feedback file, and shown in the learner's
own window once imported."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser
from test_accessibility import unnamed

from cairn.content import Item
from cairn.gui.checklist.glyphs import ItemMarks, StatusGlyphDelegate
from cairn.gui.checklist.table import STATUS_COLUMN
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.reports.feedback import feedback_payload, read_feedback, write_feedback
from cairn.tracker import Tracker

OpenWindow = Callable[[Tracker], MainWindow]
EVIDENCE = "https://github.com/ada/agent"


class Learner:
    """Ada's data folder: a few items done, one milestone done with evidence, one not."""

    def __init__(self, folder: Path, pack: Path, name: str = "Ada") -> None:
        self.folder, self.pack = folder, pack
        with Tracker.open(folder, pack) as t:
            t.set_setting("learner_name", name)
            self.id = t.learner_id
            week = t.curriculum.week_items("w01")
            self.task: Item = week[0]
            self.other_task: Item = week[1]
            milestones = [i for i in t.curriculum.items.values() if i.is_milestone]
            self.milestone, self.open_milestone = milestones[0], milestones[1]
            for item in week[:3]:
                t.set_status(item.id, "done")
            t.set_status(self.milestone.id, "done")
            t.add_evidence(self.milestone.id, EVIDENCE)
            t.set_note(self.milestone.id, "The eval set is still small.")
            self.export = export(
                t.snapshot(), "json", folder.parent / "ada.json", questions="How deep on evals?"
            ).path

    def open(self) -> Tracker:
        return Tracker.open(self.folder, self.pack)


@pytest.fixture
def learner(tmp_path: Path, shipped_pack: Path) -> Learner:
    return Learner(tmp_path / "ada", shipped_pack)


@pytest.fixture
def summary(open_window: OpenWindow, tmp_path: Path, shipped_pack: Path, learner: Learner):  # type: ignore[no-untyped-def]
    """The mentor's window, and the summary window it opened over Ada's export."""
    mentor = open_window(Tracker.open(tmp_path / "mentor", shipped_pack))
    view = mentor.sharing.open_summary(learner.export)
    assert view is not None and view.feedback is not None
    return view


def _marks(window: MainWindow, item_id: str) -> ItemMarks | None:
    """What the checklist's status cell marks on `item_id` (its row must be in view)."""
    table = window.checklist
    delegate = table.itemDelegateForColumn(STATUS_COLUMN)
    assert isinstance(delegate, StatusGlyphDelegate)
    row = window.checklist_model.row_of(item_id)
    assert row >= 0
    return delegate.marks_of(window.checklist_model.index(row, STATUS_COLUMN))


def _type(qtbot, window: MainWindow, item_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    window.go_to_item(item_id)
    assert window.detail.item_id == item_id
    editor = window.detail.mentor_comment.editor
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def _links(browser: QTextBrowser) -> list[str]:
    """Every link target the box would follow on a click."""
    found = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            fragments += 1
        block = block.next()
    return found


def test_a_mentor_comments_verifies_notes_and_saves(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    view = summary
    pane = view.detail
    _type(qtbot, view, learner.task.id, "Good **start** with uv.")
    assert pane.mentor_comment.isVisible()
    assert pane.mentor_comment.label.text() == "Your comment for Ada"
    assert "Ada's progress" in view.banner.text() and "not saved yet" in view.banner.text()
    _type(qtbot, view, learner.other_task.id, "Read the pytest chapter again.")
    view.go_to_item(learner.task.id)
    assert pane.mentor_comment.editor.toPlainText() == "Good **start** with uv."  # kept per item
    commented = _marks(view, learner.task.id)
    assert commented is not None and commented.commented and "You commented" in commented.tip

    view.go_to_item(learner.milestone.id)
    assert pane.verify.isVisible() and pane.verify.isEnabled()
    assert "checked this milestone's evidence" in pane.verify.toolTip()
    pane.verify.click()
    _type(qtbot, view, learner.milestone.id, "Solid harness.")
    view.go_to_item(learner.open_milestone.id)
    assert not pane.verify.isEnabled() and "Nothing to verify yet" in pane.verify.toolTip()

    view.feedback.note_action.trigger()
    panel = view.feedback.note_panel
    assert panel is not None and panel.isVisible()
    qtbot.keyClicks(panel.mentor_name, "Grace")
    qtbot.keyClicks(panel.note, "A good month. Next: evaluations.")
    assert unnamed(panel) == [] and unnamed(view) == []

    view.feedback.save_action.trigger()  # File → Save feedback… (Ctrl+S): where, beside the file
    dialog = view.feedback.file_dialog
    assert dialog is not None
    chosen = Path(dialog.selectedFiles()[0])
    assert chosen == learner.export.parent / f"feedback-Ada-{date.today():%Y-%m-%d}.json"
    dialog.reject()
    target = tmp_path / "feedback.json"
    assert view.feedback.save_to(target)
    assert f"Feedback saved to {target}" in view.banner.text()
    assert f"Feedback saved to {target}" in view.statusBar().currentMessage()
    assert not view.feedback.draft.unsaved

    saved = read_feedback(target)
    assert saved.learner_id == learner.id and saved.learner_name == "Ada"
    assert saved.answers_file == "ada.json" and saved.mentor_name == "Grace"
    assert saved.note == "A good month. Next: evaluations."
    comments = {ident: text for ident, text, _at in saved.comments}
    assert comments == {
        learner.task.id: "Good **start** with uv.",
        learner.other_task.id: "Read the pytest chapter again.",
        learner.milestone.id: "Solid harness.",
    }
    assert [ident for ident, _at in saved.verified] == [learner.milestone.id]
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_the_learner_sees_the_comment_and_the_verified_badge(  # type: ignore[no-untyped-def]
    qtbot, open_window: OpenWindow, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    view = summary
    view.feedback.draft.set_mentor_name("Grace")
    _type(qtbot, view, learner.milestone.id, "Solid harness; add [a baseline](https://x.org).")
    view.detail.verify.click()
    target = tmp_path / "feedback.json"
    assert view.feedback.save_to(target)
    view.close()

    tracker = learner.open()
    window = open_window(tracker)
    window.go_to_item(learner.milestone.id)
    pane = window.detail
    assert not pane.received.isVisible() and not pane.verified_badge.isVisible()
    assert not pane.mentor_comment.isVisible() and not pane.verify.isVisible()
    _report, change = tracker.import_feedback(read_feedback(target))
    window.operations.publish(change)  # the views follow the import in place
    assert pane.received.isVisible()
    text = pane.received.browser.toPlainText()
    assert "From your mentor Grace, " in text and "Solid harness; add a baseline." in text
    assert _links(pane.received.browser) == ["https://x.org"]
    assert pane.verified_badge.isVisible()
    assert pane.verified_badge.text().startswith("✔ Verified by Grace on ")
    marks = _marks(window, learner.milestone.id)
    assert marks is not None and marks.verified and marks.commented
    assert "Verified by your mentor" in marks.tip


def test_hostile_feedback_renders_inert(  # type: ignore[no-untyped-def]
    qtbot, open_window: OpenWindow, learner: Learner, tmp_path: Path
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    hostile = (
        "<script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[click](javascript:alert(3)) <a href='javascript:alert(4)'>raw</a> "
        "[fine](https://example.org/ok)"
    )
    target = tmp_path / "hostile.json"
    payload = feedback_payload(
        written_at=now,
        learner_id=learner.id,
        learner_name="Ada",
        mentor_name="<b>Eve</b> <img src=x>",
        comments=[(learner.milestone.id, hostile, now)],
        verified=[(learner.milestone.id, now)],
    )
    write_feedback(payload, target)
    tracker = learner.open()
    window = open_window(tracker)
    _report, change = tracker.import_feedback(read_feedback(target))
    window.operations.publish(change)
    window.go_to_item(learner.milestone.id)
    browser = window.detail.received.browser
    html = browser.toHtml().lower()
    assert "<script" not in html and "<img" not in html  # raw HTML reads as its words
    assert 'href="javascript' not in html and "<img src=x onerror" in browser.toPlainText()
    assert _links(browser) == ["https://example.org/ok"]  # only the http(s) link is a link
    assert "<b>Eve</b>" in browser.toPlainText()  # the mentor's name shown as typed
    badge = window.detail.verified_badge
    assert badge.textFormat() == Qt.TextFormat.PlainText and "<b>Eve</b>" in badge.text()


def test_a_learner_name_is_shown_as_typed_never_as_markup(  # type: ignore[no-untyped-def]
    qtbot, open_window: OpenWindow, tmp_path: Path, shipped_pack: Path
) -> None:
    name = "<img src=x><b>Ada</b>"
    learner = Learner(tmp_path / "ada", shipped_pack, name)
    mentor = open_window(Tracker.open(tmp_path / "mentor", shipped_pack))
    view = mentor.sharing.open_summary(learner.export)
    view.go_to_item(learner.task.id)
    label = view.detail.mentor_comment.label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == f"Your comment for {name}"
    assert view.banner.textFormat() == Qt.TextFormat.PlainText and name in view.banner.text()
    panel = view.feedback.show_note_panel()
    shown = [w.text() for w in panel.findChildren(QLabel) if name in w.text()]
    assert shown and all(
        w.textFormat() == Qt.TextFormat.PlainText
        for w in panel.findChildren(QLabel)
        if name in w.text()
    )
    assert view.feedback.default_target().name == (
        f"feedback-img-src-x-b-Ada-b-{date.today():%Y-%m-%d}.json"
    )
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_unsaved_feedback_asks_before_closing(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    view = summary
    view.feedback.draft.set_mentor_name("Grace")
    _type(qtbot, view, learner.task.id, "Nice.")
    view.close()
    prompt = view.feedback.prompt
    assert view.isVisible() and prompt is not None and prompt.isVisible()
    assert "not saved" in prompt.text()
    prompt.button(QMessageBox.StandardButton.Cancel).click()
    assert view.isVisible()
    assert view.detail.mentor_comment.editor.toPlainText() == "Nice."

    view.close()  # Save: asked where, then the window closes after writing
    view.feedback.prompt.button(QMessageBox.StandardButton.Save).click()
    dialog = view.feedback.file_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "on-close.json"
    dialog.fileSelected.emit(str(target))  # as the dialog does when a file is chosen
    qtbot.waitUntil(lambda: not view.isVisible())
    assert read_feedback(target).comments[0][1] == "Nice."


def test_discarding_closes_without_a_file(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner
) -> None:
    view = summary
    _type(qtbot, view, learner.task.id, "Draft only.")
    view.close()
    assert view.isVisible()
    view.feedback.prompt.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not view.isVisible())
    assert not list(learner.export.parent.glob("feedback-*.json"))


def test_saving_without_a_name_asks_for_it(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    view = summary
    _type(qtbot, view, learner.task.id, "Nice.")
    view.feedback.save_action.trigger()
    asked = view.feedback.name_dialog
    assert asked is not None and asked.isVisible()
    labels = [label for label in asked.findChildren(QLabel) if "will see it" in label.text()]
    assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)
    asked.setTextValue("Grace")
    asked.accept()
    assert view.feedback.draft.mentor_name == "Grace"
    assert view.feedback.file_dialog is not None and view.feedback.file_dialog.isVisible()
    view.feedback.file_dialog.fileSelected.emit(str(tmp_path / "named.json"))
    assert read_feedback(tmp_path / "named.json").mentor_name == "Grace"
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_a_refused_save_is_said_in_words(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    view = summary
    view.feedback.draft.set_mentor_name("Grace")
    _type(qtbot, view, learner.task.id, "Nice.")
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    assert not view.feedback.save_to(folder)
    message = view.feedback.message
    assert message is not None and message.isVisible()
    assert message.text().startswith("Feedback not saved:")
    assert "Feedback not saved" in view.statusBar().currentMessage()
    assert "Traceback" not in message.text()
    mentor_data = tmp_path / "mentor"
    assert not view.feedback.save_to(mentor_data / "feedback.json")  # the mentor's own data
    assert view.feedback.draft.unsaved and view.feedback.draft.saved_to is None
    message.close()
    view.feedback.message.close()
    view.feedback.draft.set_comment(learner.task.id, "")
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())  # nothing left to lose: no question


def test_a_long_session_of_comments(  # type: ignore[no-untyped-def]
    qtbot, summary: MainWindow, learner: Learner, tmp_path: Path
) -> None:
    """120 selections, each with a comment typed, then every comment is still there."""
    view = summary
    curriculum = view.tracker.curriculum
    items = [i for w in list(curriculum.weeks)[:12] for i in curriculum.week_items(w)][:40]
    for n in range(120):
        item = items[n % len(items)]
        _type(qtbot, view, item.id, f" {n}")
    draft = view.feedback.draft
    assert len(draft.commented_ids()) == len(items)
    first = items[0]
    assert draft.comment(first.id) == " " + " ".join(str(n) for n in range(0, 120, len(items)))
    view.go_to_item(first.id)
    assert view.detail.mentor_comment.editor.toPlainText() == draft.comment(first.id)
    assert view.feedback.save_to(tmp_path / "long.json")
    assert len(read_feedback(tmp_path / "long.json").comments) == len(items)
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_the_learners_window_has_no_mentor_editor(  # type: ignore[no-untyped-def]
    open_window: OpenWindow, learner: Learner
) -> None:
    window = open_window(learner.open())
    assert window.feedback is None
    titles = [a.text() for a in window.menuBar().actions()]
    assert "Fee&dback" not in titles
    window.go_to_item(learner.milestone.id)
    assert not window.detail.mentor_comment.isVisible()
    assert window.detail.writing_widget() is window.detail.note.editor


def test_the_feedback_menu_and_the_remembered_name(  # type: ignore[no-untyped-def]
    qtbot, open_window: OpenWindow, learner: Learner, tmp_path: Path, shipped_pack: Path
) -> None:
    """Feedback sits after File; Save feedback… is Ctrl+S; the name signed with is offered
    again in the next summary the mentor opens."""
    mentor = open_window(Tracker.open(tmp_path / "mentor", shipped_pack))
    view = mentor.sharing.open_summary(learner.export)
    titles = [a.text() for a in view.menuBar().actions()]
    assert titles[:3] == ["&File", "Fee&dback", "&Edit"]
    assert view.feedback.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert view.file_menu.actions()[0] is view.feedback.save_action
    view.go_to_item(learner.milestone.id)
    assert view.detail.writing_widget() is view.detail.mentor_comment.editor  # Alt+3 goes there
    view.focus_details()
    assert view.detail.verticalScrollBar().value() > 0  # scrolled down to the comment
    view.feedback.draft.set_mentor_name("Grace")
    _type(qtbot, view, learner.task.id, "Nice.")
    assert view.feedback.save_to(tmp_path / "one.json")
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())
    assert mentor.tracker.setting("mentor_name") == "Grace"
    again = mentor.sharing.open_summary(learner.export)
    assert again.feedback.draft.mentor_name == "Grace" and not again.feedback.draft.unsaved
    again.close()
    qtbot.waitUntil(lambda: not again.isVisible())


def test_opening_the_same_summary_again_brings_its_window_back(  # type: ignore[no-untyped-def]
    qtbot, open_window: OpenWindow, learner: Learner, tmp_path: Path, shipped_pack: Path
) -> None:
    mentor = open_window(Tracker.open(tmp_path / "mentor", shipped_pack))
    view = mentor.sharing.open_summary(learner.export)
    _type(qtbot, view, learner.task.id, "Draft one.")
    assert mentor.sharing.open_summary(learner.export) is view  # one draft per export
    assert view.feedback.draft.comment(learner.task.id) == "Draft one."
    view.feedback.draft.mark_saved(tmp_path / "x.json")
    view.close()
    qtbot.waitUntil(lambda: not view.isVisible())
