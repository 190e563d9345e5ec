"""The detail pane: the selected item's description, readings, status, evidence and note, what a
mentor sent back about it, and in a summary window the mentor's own comment and verification."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...content import KIND_LABELS, Item
from ...markup import escape, markdown_to_html
from ...progress import STATUS_LABELS, STATUSES
from ...tracker import Change, Tracker
from ..checklist.options import option_note
from ..feedback.draft import FeedbackDraft
from ..operations import Operations
from ..practice.item_cards import ItemCards, add_note_menu
from ..study.sessions import StudySessions
from ..study.widgets import AddTimeDialog, TimerControls
from ..widgets.common import heading_labels, repolish, segmented_buttons
from ..widgets.icons import icon
from ..widgets.theme import document_style, theme_signals
from .browser import html_browser
from .evidence import EvidenceBox
from .mentor_box import MentorComment, VerifyCheck
from .note_editor import NoteEditor
from .received import ReceivedComments, VerifiedBadge

FEEDBACK_KINDS = frozenset({"status", "evidence"})  # may open or close "Evidence verified"


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionLabel")
    return label


NARROW_PANE = 380  # px: below it the status buttons show icons only


class DetailPane(QScrollArea):
    """Everything about one item; status buttons ask the window to change the status."""

    status_requested = Signal(str, str)

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        operations.changed.connect(self._changed)
        theme_signals().applied.connect(self._restyle)
        self.item_id = ""
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(self.tr("Item details"))
        body = QWidget()
        self.setWidget(body)
        self.title, self.meta = heading_labels()
        self.status_buttons, status_row = segmented_buttons(
            self,
            [(s, STATUS_LABELS[s]) for s in STATUSES],
            "Status",
            [f"Mark {STATUS_LABELS[s].lower()} (Ctrl+{n})" for n, s in enumerate(STATUSES, 1)],
        )
        self.status_buttons.buttonClicked.connect(self._status_clicked)
        for button in self.status_buttons.buttons():
            button.setIcon(icon(str(button.property("status"))))
        self.description = html_browser("Description")
        self.done_when_label = _section("Done when")
        self.done_when = html_browser("Done when")
        self.readings_label = _section("Readings")
        self.readings = html_browser("Readings")
        self.evidence_label = _section("Evidence")
        self.evidence = EvidenceBox(tracker, operations)
        self.study_label = _section("Study time")
        self.timer = TimerControls(tracker, operations)
        self.sessions = StudySessions(tracker, operations)
        self.studied = self.sessions.studied
        self.add_time = self.sessions.add_time
        self.study_box = QWidget()
        study_layout = QVBoxLayout(self.study_box)
        study_layout.setContentsMargins(0, 0, 0, 0)
        study_layout.addWidget(self.timer)
        study_layout.addWidget(self.sessions)
        self.note = NoteEditor(tracker, operations)
        self.verified_badge = VerifiedBadge()
        self.verify = VerifyCheck()
        self.received = ReceivedComments(tracker)
        self.mentor_comment = MentorComment()
        self.draft: FeedbackDraft | None = None
        self.empty = QLabel(
            "Select an item in the checklist to see what to do, what to read "
            "and to write your notes."
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSummary")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.empty)
        self._parts: list[QWidget] = [self.title, self.meta]
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        status_box = QWidget()
        status_box.setLayout(status_row)
        status_row.setContentsMargins(0, 4, 0, 4)
        self._parts.append(status_box)
        layout.addWidget(status_box)
        for widget in (
            self.description,
            self.done_when_label,
            self.done_when,
            self.readings_label,
            self.readings,
            self.evidence_label,
            self.evidence,
            self.verified_badge,
            self.verify,
            self.study_label,
            self.study_box,
        ):
            layout.addWidget(widget)
            self._parts.append(widget)
        self.note_label = _section(self.tr("Your note"))
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.cards_label = _section(self.tr("Practice"))
        self.cards = ItemCards(tracker, operations)  # Make a card… (also from the note)
        add_note_menu(self.note.editor, self.cards)
        layout.addWidget(self.cards_label)
        layout.addWidget(self.cards)
        self._parts += [self.note_label, self.note, self.cards_label, self.cards]
        layout.addWidget(self.received)
        layout.addWidget(self.mentor_comment)
        self._feedback_parts: list[QWidget] = [
            self.verified_badge,
            self.verify,
            self.received,
            self.mentor_comment,
        ]
        layout.addStretch(1)
        self.show_item("")

    def _restyle(self, theme: str) -> None:
        """After a theme switch: the shown HTML takes the new theme's link and text colours
        (Qt fixes an anchor's colour when the HTML is set, so it is set again)."""
        for browser in (self.description, self.done_when, self.readings):
            browser.document().setDefaultStyleSheet(document_style(theme))
        if self.item_id and self.item_id in self.tracker.curriculum.items:
            item = self.tracker.curriculum.items[self.item_id]
            scroll = self.verticalScrollBar().value()
            self.description.setHtml(markdown_to_html(item.description))
            if item.is_milestone:
                self.done_when.setHtml(markdown_to_html(item.done_when))
            self.readings.setHtml(self._readings_html(item))
            self.verticalScrollBar().setValue(scroll)
        self.received.restyle(theme)

    def set_read_only(self, read_only: bool) -> None:
        """For someone else's progress: show everything, change nothing."""
        self.sessions.set_read_only(read_only)
        for button in self.status_buttons.buttons():
            button.setEnabled(not read_only)
        self.note.editor.setReadOnly(read_only)
        repolish(self.note.editor)  # the read-only look follows
        self.note.private.setEnabled(not read_only)
        for widget in (self.evidence.url, self.evidence.add, self.evidence.remove):
            widget.setVisible(not read_only)

    def attach_feedback(self, draft: FeedbackDraft, learner: str) -> None:
        """In a summary window: the mentor's comment and "Evidence verified" write to `draft`;
        the note shown is the learner's, and comments received are earlier feedback."""
        self.draft = draft
        self.mentor_comment.attach(draft, learner)
        self.verify.attach(draft, learner)
        self.received.set_for_mentor(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)  # a learner's name is no markup
        self.note_label.setText(self.tr("{learner}'s note").format(learner=learner))
        self.note.editor.setPlaceholderText(
            self.tr("{learner} wrote no note on this item.").format(learner=learner)
        )
        if self.item_id:
            self._fill_feedback(self.tracker.item(self.item_id))

    def writing_widget(self) -> QWidget:
        """Where View → Go to the details puts the cursor: the mentor's comment in a summary
        window, else the note."""
        return self.mentor_comment.editor if self.draft is not None else self.note.editor

    def focus_writing(self) -> None:
        """Put the cursor where one writes here, scrolled into view."""
        widget = self.writing_widget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # the whole comment box with its hint, or the note
        self.ensureWidgetVisible(self.mentor_comment if self.draft is not None else widget)

    def refresh(self) -> None:
        """Redraw the item shown from the tracker, keeping the scroll position and any note
        being written (used when data changed elsewhere: an import, a restore, the command
        line)."""
        if not self.item_id:
            return
        scroll = self.verticalScrollBar().value()
        self.note.refresh()
        self._fill(self.tracker.item(self.item_id))
        self.verticalScrollBar().setValue(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow pane the status buttons show their icons only (their names stay in the
        tooltip and the accessible name), so nothing is cut at the pane's edge."""
        narrow = event.size().width() < NARROW_PANE
        for button in self.status_buttons.buttons():
            label = STATUS_LABELS[str(button.property("status"))]
            wanted = "" if narrow else label
            if button.text() != wanted:
                button.setText(wanted)
        super().resizeEvent(event)

    def show_item(self, item_id: str) -> None:
        self.item_id = item_id
        self.empty.setVisible(not item_id)
        for widget in self._parts:
            widget.setVisible(bool(item_id))
        self.note.load(item_id)
        self.cards.load(item_id)
        if not item_id:
            for widget in self._feedback_parts:
                widget.setVisible(False)
            self.mentor_comment.load("")
            return
        self._fill(self.tracker.item(item_id))
        self.verticalScrollBar().setValue(0)

    def _fill(self, item: Item) -> None:
        """Show everything about this item but its note."""
        self.title.setText(item.title)
        self.meta.setText(self._meta(item))
        self.description.setHtml(markdown_to_html(item.description))
        milestone = item.is_milestone
        for widget in (self.done_when_label, self.done_when, self.evidence_label, self.evidence):
            widget.setVisible(milestone)
        if milestone:
            self.done_when.setHtml(markdown_to_html(item.done_when))
            self.evidence.load(item.id)
        has_readings = bool(item.readings or item.optional_readings)
        self.readings_label.setVisible(has_readings)
        self.readings.setVisible(has_readings)
        self.readings.setHtml(self._readings_html(item))
        self.timer.set_item(item.id)
        self.sessions.load(item.id)
        self._fill_feedback(item)
        self.refresh_status()

    def _fill_feedback(self, item: Item) -> None:
        """What a mentor said about this item (received, and in a summary window the comment
        being written) and, on a milestone, its verification."""
        milestone = item.is_milestone
        self.verified_badge.setVisible(
            self.verified_badge.load(self.tracker.verification(item.id)) and milestone
        )
        self.received.setVisible(self.received.load(item.id))
        writing = self.draft is not None
        self.mentor_comment.setVisible(writing)
        self.verify.setVisible(writing and milestone)
        if writing:
            self.mentor_comment.load(item.id)
            self.verify.load(
                item.id,
                done=self.tracker.status(item.id) == "done",
                has_evidence=self.tracker.has_evidence(item.id),
            )

    def _add_time(self) -> None:
        """Open "Add study time" for the item shown."""
        self.sessions.open_add_time()

    @property
    def add_time_dialog(self) -> AddTimeDialog | None:
        """The study-time dialog opened last (Add time… or Edit…)."""
        return self.sessions.dialog

    def _changed(self, change: Change) -> None:
        """The status buttons show the item's saved status after any change of it."""
        if change.kind == "all":
            self.refresh()  # data changed elsewhere: redrawn in place, the note kept
            return
        if change.kind == "status" and self.item_id in change.ids:
            self.refresh_status()
        if change.kind in FEEDBACK_KINDS and self.item_id in change.ids:
            self._fill_feedback(self.tracker.item(self.item_id))

    def refresh_status(self) -> None:
        if not self.item_id:
            return
        status = self.tracker.status(self.item_id)
        for button in self.status_buttons.buttons():
            button.setChecked(button.property("status") == status)

    def _meta(self, item: Item) -> str:
        c = self.tracker.curriculum
        week = c.weeks[item.week_id]
        parts = [KIND_LABELS[item.kind], f"Week {week.number}", f"about {item.estimate_hours:g} h"]
        if item.project_id:
            parts.insert(1, c.projects[item.project_id].title)
        skills = ", ".join(c.skills[s].name for s in item.skills)
        lines = [" · ".join(parts)]
        if skills:
            lines.append(self.tr("Builds: {skills}").format(skills=skills))
        needs = [c.items[n] for n in item.requires if n in c.items]
        if needs:
            listed = "; ".join(
                f"{n.title} ({STATUS_LABELS[self.tracker.status(n.id)].lower()})" for n in needs
            )
            lines.append(self.tr("Needs first: {items}").format(items=listed))
        note = option_note(self.tracker, item)
        if note:
            lines.append(note)
        return "\n".join(lines)

    def _readings_html(self, item: Item) -> str:
        rows = []
        optional = [(r, True) for r in item.optional_readings]
        for reading_id, is_optional in [(r, False) for r in item.readings] + optional:
            r = self.tracker.curriculum.readings[reading_id]
            url = QUrl(r.url).toString()
            hours = f" · ~{r.estimate_hours:g} h" if r.estimate_hours else ""
            extra = self.tr(" · optional, not counted in the hours") if is_optional else ""
            rows.append(
                f'<li><a href="{escape(url)}">{escape(r.title)}</a><br>'
                f"<span class='muted'>{escape(r.author)} · {escape(r.kind)}{hours}{extra}"
                "</span></li>"
            )
        return "<ul style='margin-left:-20px'>" + "".join(rows) + "</ul>"

    def _status_clicked(self, button: QPushButton) -> None:
        if self.item_id:
            self.status_requested.emit(self.item_id, str(button.property("status")))
