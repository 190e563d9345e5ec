"""Which items the checklist marks for mentor feedback, and the words for its tooltip: a
comment (written here and not yet sent, or received) and a verified milestone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...tracker import Tracker
from ..checklist.glyphs import ItemMarks, MarksOf
from .draft import FeedbackDraft


def marks_for(tracker: Tracker, draft: FeedbackDraft | None = None) -> MarksOf:
    """The marks of an item: in a learner's window what their mentor sent back; in a summary
    window (with the mentor's `draft`) what the mentor wrote, and what the export carries."""

    def marks(item_id: str) -> ItemMarks | None:
        tips = []
        commented = verified = False
        if draft is not None and draft.has_comment(item_id):
            commented = True
            tips.append(
                QCoreApplication.translate(
                    "FeedbackMarks", "✎ You commented on this (in your feedback)"
                )
            )
        if draft is not None and draft.is_verified(item_id):
            verified = True
            tips.append(
                QCoreApplication.translate(
                    "FeedbackMarks", "✔ You verified its evidence (in your feedback)"
                )
            )
        if tracker.mentor_comments(item_id):
            commented = True
            tips.append(
                QCoreApplication.translate("FeedbackMarks", "✎ Has earlier feedback from a mentor")
                if draft is not None
                else QCoreApplication.translate("FeedbackMarks", "✎ Your mentor commented on this")
            )
        record = tracker.verification(item_id)
        if record is not None:
            verified = True
            if draft is not None:
                tips.append(
                    QCoreApplication.translate("FeedbackMarks", "✔ Verified earlier by a mentor")
                )
            else:  # no name here: a tooltip may read a name as markup
                tips.append(
                    QCoreApplication.translate("FeedbackMarks", "✔ Verified by your mentor")
                )
        if not tips:
            return None
        return ItemMarks(commented=commented, verified=verified, tip="\n".join(tips))

    return marks
