"""Writing the mentor's draft as a feedback file, and the file's suggested name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...reports.export import ExportTargetRefused
from ...reports.feedback import ImportRefused, write_feedback
from ...reports.importer import ExportData
from ..widgets.actions import ACTION_ERRORS, in_words
from .draft import FeedbackDraft, utc_now

_NOT_FILE_NAME = re.compile(r"[^\w.-]+")
_NAME_CHARS = 60


class FeedbackNotSaved(Exception):
    """Saving was refused; the message says why in words (nothing was written)."""


def default_file_name(summary: ExportData, today: date) -> str:
    """feedback-{learner name or id}-{YYYY-MM-DD}.json, safe as a file name anywhere."""
    who = _NOT_FILE_NAME.sub("-", summary.learner_name.strip()).strip("-.")[:_NAME_CHARS]
    who = who.strip("-.") or summary.learner_id or "learner"
    return f"feedback-{who}-{today:%Y-%m-%d}.json"


def default_target(summary: ExportData, today: date) -> Path:
    """The suggested file, beside the export it answers."""
    return summary.path.parent / default_file_name(summary, today)


def save_feedback(
    draft: FeedbackDraft,
    summary: ExportData,
    target: Path,
    *,
    protected: Sequence[Path] = (),
) -> None:
    """Write the draft to `target` (atomically); raise FeedbackNotSaved saying why."""
    written_at = utc_now()
    try:
        write_feedback(draft.payload(summary, written_at), Path(target), protected=protected)
    except ExportTargetRefused as refused:
        reason = str(refused).removeprefix("Not exported: ")
        raise FeedbackNotSaved(_not_saved(reason)) from None
    except ImportRefused as refused:
        raise FeedbackNotSaved(_not_saved(str(refused))) from None
    except ACTION_ERRORS as error:
        raise FeedbackNotSaved(_not_saved(in_words(error))) from None
    draft.mark_saved(Path(target))


def _not_saved(reason: str) -> str:
    return QCoreApplication.translate("FeedbackSave", "Feedback not saved: {reason}").format(
        reason=reason
    )
