"""What a learner's mentor sent back, in the item pane: their comments on the item (sanitized
Markdown; only http(s) links can be followed) and the badge of a verified milestone."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...markup import WEB_SCHEMES, escape, markdown_to_html
from ...records import CommentRecord, VerificationRecord
from ...tracker import Tracker
from ..widgets.common import section_label, set_status_style
from ..widgets.dates import day
from ..widgets.theme import document_style
from .browser import html_browser


# An <a> the sanitizer left without a target (its link was not http(s)): text, not a link.
def comment_html(text: str) -> str:
    """A comment's Markdown as sanitized HTML in which only http(s) links are links."""
    return markdown_to_html(text, schemes=WEB_SCHEMES)


def local_day(moment: datetime) -> str:
    """A stored moment (naive UTC) as the learner's local day: "30 Nov 2026"."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return day(aware.astimezone())


class ReceivedComments(QWidget):
    """The mentor comments received on one item, oldest first; hidden when there are none.
    In a summary window (`for_mentor`) they are the learner's earlier feedback."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.for_mentor = False
        self.label = section_label(self.tr("Mentor feedback"))
        self.browser = html_browser(self.tr("Comments from your mentor"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.browser)
        self.item_id = ""
        self._html = ""

    def set_for_mentor(self, for_mentor: bool) -> None:
        """In a summary window: the comments are earlier feedback the learner received."""
        self.for_mentor = for_mentor
        if for_mentor:
            self.label.setText(self.tr("Earlier mentor feedback"))
            self.browser.setAccessibleName(self.tr("Earlier feedback to the learner"))

    def load(self, item_id: str) -> bool:
        """Show `item_id`'s comments; return whether there are any."""
        self.item_id = item_id
        comments = self.tracker.mentor_comments(item_id) if item_id else []
        html = "<hr>".join(self._comment_html(c) for c in comments)
        if html != self._html:
            self._html = html
            self.browser.setHtml(html)
        return bool(comments)

    def restyle(self, theme: str) -> None:
        """The links and muted text take the theme's colours (set again: Qt fixes them)."""
        self.browser.document().setDefaultStyleSheet(document_style(theme))
        self.browser.setHtml(self._html)

    def _comment_html(self, comment: CommentRecord) -> str:
        when = local_day(comment.written_at)
        mentor = comment.mentor.strip()
        if self.for_mentor:
            head = (
                self.tr("From {mentor}, {date}").format(mentor=mentor, date=when)
                if mentor
                else self.tr("From the mentor, {date}").format(date=when)
            )
        elif mentor:
            head = self.tr("From your mentor {name}, {date}").format(name=mentor, date=when)
        else:
            head = self.tr("From your mentor, {date}").format(date=when)
        return f"<p class='muted'><b>{escape(head)}</b></p>{comment_html(comment.body)}"


class VerifiedBadge(QLabel):
    """ "✔ Verified by Grace on 3 Mar 2026" beside a milestone's evidence (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a mentor's name is never markup
        self.setWordWrap(True)
        set_status_style(self, "done")
        self.setAccessibleName(self.tr("Verified by your mentor"))
        self.setToolTip(
            self.tr(
                "A mentor checked this milestone's evidence. It counts fully toward readiness, "
                "like a milestone with a link to proof."
            )
        )

    def load(self, record: VerificationRecord | None) -> bool:
        """Show the verification (or hide); return whether the milestone is verified."""
        if record is None:
            self.setText("")
            return False
        when = local_day(record.verified_at)
        mentor = record.mentor.strip()
        text = (
            self.tr("✔ Verified by {mentor} on {date}").format(mentor=mentor, date=when)
            if mentor
            else self.tr("✔ Verified by your mentor on {date}").format(date=when)
        )
        self.setText(text)
        self.setAccessibleDescription(text)
        return True
