"""What a progress summary for a mentor holds, gathered once and rendered in every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..content import KIND_LABELS
from ..progress import Progress
from ..readiness import RoleReadiness
from ..tracker import Tracker

LEARNER_NAME = "learner_name"
MENTOR_QUESTIONS = "mentor_questions"
NEXT_GOALS = "next_goals"
LAST_EXPORT = "last_export_at"


@dataclass(frozen=True, slots=True)
class MonthLine:
    number: int
    title: str
    progress: Progress


@dataclass(frozen=True, slots=True)
class Completed:
    item_id: str
    title: str
    kind: str
    week: int
    at: datetime


@dataclass(frozen=True, slots=True)
class MilestoneLine:
    item_id: str
    title: str
    project: str
    status: str
    done_when: str
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NoteLine:
    item_id: str
    title: str
    week: int
    body: str
    updated_at: datetime


@dataclass(frozen=True)
class Summary:
    """Everything a report shows; learner text is kept raw here and escaped by each format."""

    learner: str
    since: datetime | None
    until: datetime
    curriculum: str
    overall: Progress
    months: list[MonthLine]
    roles: list[RoleReadiness]
    primary_role: str
    completed: list[Completed]
    milestones: list[MilestoneLine]
    notes: list[NoteLine]
    notes_included: bool
    questions: str
    next_goals: str
    suggested_next: list[str] = field(default_factory=list)
    study_minutes: int | None = None
    study_minutes_4w: int = 0

    @property
    def period(self) -> str:
        start = f"{self.since:%d %b %Y}" if self.since else "the start"
        return f"{start} – {self.until:%d %b %Y}"


def build_summary(
    tracker: Tracker,
    *,
    until: datetime,
    since: datetime | None = None,
    include_notes: bool = True,
    questions: str | None = None,
    next_goals: str | None = None,
) -> Summary:
    """Gather a summary of the learner's progress from `since` (default: the last export)."""
    c = tracker.curriculum
    if since is None:
        last = tracker.setting(LAST_EXPORT)
        since = datetime.fromisoformat(last) if isinstance(last, str) else None
    weeks = {w.id: w.number for w in c.weeks.values()}
    months = [MonthLine(m.number, m.title, tracker.month_progress(m.id)) for m in c.months]
    model = tracker.readiness()
    targets = tracker.target_roles()
    roles = [model.role(r) for r in (targets or list(c.roles))]
    completed: list[Completed] = []
    for item_id, entries in tracker.all_history().items():
        item = c.items.get(c.resolve(item_id))
        if item is None or tracker.status(item.id) != "done":
            continue
        finished = [e.changed_at for e in entries if e.new_status == "done"]
        if finished and (since is None or finished[-1] >= since) and finished[-1] <= until:
            completed.append(
                Completed(
                    item.id, item.title, KIND_LABELS[item.kind], weeks[item.week_id], finished[-1]
                )
            )
    completed.sort(key=lambda line: (line.at, line.week))
    milestones = [
        MilestoneLine(
            m.id,
            m.title,
            c.projects[m.project_id or ""].title,
            tracker.status(m.id),
            m.done_when,
            tuple(e.url for e in tracker.evidence(m.id)),
        )
        for p in c.projects_in_order()
        for m in c.project_items(p.id)
        if tracker.status(m.id) in ("doing", "done") or tracker.evidence(m.id)
    ]
    notes: list[NoteLine] = []
    if include_notes:
        for item_id, note in tracker.notes().items():
            item = c.items.get(c.resolve(item_id))
            if note.private or item is None or not note.body.strip():
                continue
            notes.append(
                NoteLine(item.id, item.title, weeks[item.week_id], note.body, note.updated_at)
            )
        notes.sort(key=lambda n: (n.week, n.title))
    study = tracker.study(until.date())
    primary = tracker.primary_role()
    suggested = [
        f"{s.title} (+{s.gain:.1f} readiness, ~{s.estimate_hours:g} h)"
        for s in model.next_steps(
            primary or (targets[0] if targets else next(iter(c.roles))), limit=3
        )
    ]
    return Summary(
        learner=str(tracker.setting(LEARNER_NAME, "") or "A Cairn learner"),
        since=since,
        until=until,
        curriculum=c.version,
        overall=tracker.overall_progress(),
        months=months,
        roles=roles,
        primary_role=primary,
        completed=completed,
        milestones=milestones,
        notes=notes,
        notes_included=include_notes,
        questions=questions
        if questions is not None
        else str(tracker.setting(MENTOR_QUESTIONS, "") or ""),
        next_goals=next_goals
        if next_goals is not None
        else str(tracker.setting(NEXT_GOALS, "") or ""),
        suggested_next=suggested,
        study_minutes=study.minutes_total or None,
        study_minutes_4w=study.minutes_last_four_weeks,
    )
