"""What a progress summary for a mentor holds, gathered once and rendered in every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..content import KIND_LABELS
from ..progress import Progress
from ..readiness import RoleReadiness
from ..snapshot import LAST_EXPORT, LEARNER_NAME, MENTOR_QUESTIONS, NEXT_GOALS, ProgressSnapshot

__all__ = [
    "LAST_EXPORT",
    "LEARNER_NAME",
    "MENTOR_QUESTIONS",
    "NEXT_GOALS",
    "Completed",
    "MilestoneLine",
    "MonthLine",
    "NoteLine",
    "Summary",
    "build_summary",
]


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
    electives: list[str] = field(default_factory=list)  # "Choose one specialisation: Evals"

    @property
    def period(self) -> str:
        start = f"{self.since:%d %b %Y}" if self.since else "the start"
        return f"{start} – {self.until:%d %b %Y}"


def _electives(snapshot: ProgressSnapshot) -> list[str]:
    """Each choice group and the option chosen, or which one counts while it is open."""
    c = snapshot.curriculum
    lines = []
    for group in c.choices.values():
        chosen = snapshot.chosen.get(group.id, ())
        counted = ", ".join(o.title for o in c.counted_options(group, chosen))
        state = counted if chosen else f"not chosen yet (counts as {counted})"
        lines.append(f"{group.title}: {state}")
    return lines


def build_summary(
    snapshot: ProgressSnapshot,
    *,
    until: datetime | None = None,
    since: datetime | None = None,
    include_notes: bool = True,
    questions: str | None = None,
    next_goals: str | None = None,
) -> Summary:
    """Gather a summary of the learner's progress from `since` (default: the last export)
    until `until` (default: the snapshot's moment)."""
    c = snapshot.counted  # options not chosen leave the summary
    until = until if until is not None else snapshot.now
    since = since if since is not None else snapshot.last_export
    weeks = {w.id: w.number for w in c.weeks.values()}
    months = [MonthLine(m.number, m.title, snapshot.month_progress(m.id)) for m in c.months]
    model = snapshot.readiness()
    targets = list(snapshot.target_roles)
    roles = [model.role(r) for r in (targets or list(c.roles))]
    completed: list[Completed] = []
    for item_id, entries in snapshot.history.items():
        item = c.items.get(c.resolve(item_id))
        if item is None or snapshot.status(item.id) != "done":
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
            snapshot.status(m.id),
            m.done_when,
            tuple(e.url for e in snapshot.evidence_for(m.id)),
        )
        for p in c.projects_in_order()
        for m in c.project_items(p.id)
        if snapshot.status(m.id) in ("doing", "done") or snapshot.evidence_for(m.id)
    ]
    notes: list[NoteLine] = []
    if include_notes:
        journal = snapshot.curriculum  # a note is the learner's writing, on any option
        for item_id, note in snapshot.notes.items():
            item = journal.items.get(journal.resolve(item_id))
            if note.private or item is None or not note.body.strip():
                continue
            notes.append(
                NoteLine(item.id, item.title, weeks[item.week_id], note.body, note.updated_at)
            )
        notes.sort(key=lambda n: (n.week, n.title))
    study = snapshot.study(until.date())
    primary = snapshot.primary_role
    suggested = [
        f"{s.title} (+{s.gain:.1f} readiness, ~{s.estimate_hours:g} h)"
        for s in model.next_steps(
            primary or (targets[0] if targets else next(iter(c.roles))), limit=3
        )
    ]
    return Summary(
        electives=_electives(snapshot),
        learner=snapshot.learner_name or "A Cairn learner",
        since=since,
        until=until,
        curriculum=c.version,
        overall=snapshot.overall_progress(),
        months=months,
        roles=roles,
        primary_role=primary,
        completed=completed,
        milestones=milestones,
        notes=notes,
        notes_included=include_notes,
        questions=questions if questions is not None else snapshot.mentor_questions,
        next_goals=next_goals if next_goals is not None else snapshot.next_goals,
        suggested_next=suggested,
        study_minutes=study.minutes_total or None,
        study_minutes_4w=study.minutes_last_four_weeks,
    )
