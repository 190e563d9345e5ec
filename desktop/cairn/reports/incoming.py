"""A file given to `import`: a progress export or a mentor's feedback, told apart by its format,
and what importing a mentor's feedback writes (docs/mentor-loop.md). Pure: the tracker applies
the plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..words import plural
from .feedback import FEEDBACK_FORMAT, FeedbackData, check_against, feedback_from_json
from .identity import new_comments, new_verified
from .importer import ExportData, ImportPlan, _parse_json, _read_file, export_from_json
from .refusal import refuse

if TYPE_CHECKING:
    from ..content import Curriculum
    from ..snapshot import ProgressSnapshot


def _short(learner_id: str) -> str:
    return learner_id[:8]


@dataclass(frozen=True, slots=True)
class FeedbackReport:
    """What importing a mentor's feedback file added."""

    mentor: str
    comments: int  # on items and milestones
    items: int  # how many items those comments are on
    notes: int  # overall notes
    verified: int
    backup: Any = None

    def describe(self) -> str:
        who = self.mentor or "your mentor"
        if not (self.comments or self.notes or self.verified):
            return f"Nothing new in the feedback from {who}: it was imported before."
        parts = []
        if self.comments:
            parts.append(f"{plural(self.comments, 'comment')} on {plural(self.items, 'item')}")
        if self.notes:
            parts.append("an overall note" if self.notes == 1 else f"{self.notes} overall notes")
        if self.verified:
            parts.append(f"{plural(self.verified, 'verified milestone')}")
        text = f"Received from {who}: " + ", ".join(parts) + "."
        if self.backup:
            text += f" A backup was made first: {self.backup}."
        return text


def plan_feedback(
    snapshot: ProgressSnapshot, data: FeedbackData, curriculum: Curriculum
) -> ImportPlan:
    """What importing a mentor's feedback file would write: comments (the note under the id
    ""), and milestones verified. Refuses feedback written for another learner."""
    if data.learner_id and snapshot.learner_id and data.learner_id != snapshot.learner_id:
        who = f"{data.learner_name}'s" if data.learner_name else "another learner's"
        raise refuse(
            data.path,
            f"field 'learner.id': this feedback answers {who} summary (learner "
            f"{_short(data.learner_id)}…), not yours ({_short(snapshot.learner_id)}…)",
        )
    check_against(data, curriculum)
    plan = ImportPlan()
    mentor = data.mentor_name
    incoming = [(curriculum.resolve(cid), text, mentor, at) for cid, text, at in data.comments]
    if data.note.strip():
        incoming.append(("", data.note, mentor, data.written_at))
    plan.comments = new_comments(snapshot, incoming)
    plan.verified = new_verified(
        snapshot, ((curriculum.resolve(cid), at, mentor) for cid, at in data.verified)
    )
    return plan


def feedback_report(plan: ImportPlan, mentor: str, backup: Any) -> FeedbackReport:
    on_items = [c for c in plan.comments if c[0]]
    return FeedbackReport(
        mentor,
        len(on_items),
        len({c[0] for c in on_items}),
        len(plan.comments) - len(on_items),
        len(plan.verified),
        backup,
    )


def read_import_file(path: Any, *, now: datetime | None = None) -> ExportData | FeedbackData:
    """Read a file given to `import`: a progress export or a mentor's feedback, told apart by
    its "format" (read and checked once, with the same limits for both)."""
    path = Path(path)
    top = _parse_json(path, _read_file(path))
    if isinstance(top, dict) and top.get("format") == FEEDBACK_FORMAT:
        return feedback_from_json(path, top, now)
    return export_from_json(path, top, now)
