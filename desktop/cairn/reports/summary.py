"""What a progress summary for a mentor holds, gathered once and rendered in every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ..content import KIND_LABELS
from ..history import (
    WEEKS_SHOWN,
    HistoryData,
    history_data,
)
from ..plan import Pace
from ..progress import Progress
from ..readiness import RoleReadiness
from ..snapshot import (
    DESIRED_RETENTION,
    LAST_EXPORT,
    LEARNER_NAME,
    MENTOR_QUESTIONS,
    NEXT_GOALS,
    ProgressSnapshot,
    SentReport,
)
from ..words import day_text

__all__ = [
    "LAST_EXPORT",
    "LEARNER_NAME",
    "MENTOR_QUESTIONS",
    "NEXT_GOALS",
    "Completed",
    "MilestoneCounts",
    "MilestoneLine",
    "MonthLine",
    "NoteLine",
    "OwnCardLine",
    "PracticeSummary",
    "RetentionLine",
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
    verified: bool = False  # a mentor verified its evidence
    comments: tuple[str, ...] = ()  # what mentors said about it


@dataclass(frozen=True, slots=True)
class MilestoneCounts:
    """Finished milestones by the proof behind them: verified by a mentor, or self-reported
    (with an evidence link, or with none)."""

    done: int
    verified: int
    with_evidence: int  # linked, whether verified or not
    without_evidence: int

    @property
    def self_reported(self) -> int:
        return self.done - self.verified

    def as_dict(self) -> dict[str, int]:
        return {
            "done": self.done,
            "with_evidence": self.with_evidence,
            "without_evidence": self.without_evidence,
            "verified": self.verified,
            "self_reported": self.self_reported,
        }


@dataclass(frozen=True, slots=True)
class NoteLine:
    item_id: str
    title: str
    week: int
    body: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RetentionLine:
    """How much of one skill area's finished work the learner remembers: the mean chance
    (FSRS) of recalling each reviewed card of the area at the report's moment."""

    skill_id: str
    name: str
    cards: int  # reviewed, unlocked, not suspended cards of the area
    recall: float | None  # 0..1; None when no card of the area was reviewed
    finished: int | None = None  # unlocked, not suspended cards of the area (None: unknown)

    @property
    def percent(self) -> int | None:
        return None if self.recall is None else round(100 * self.recall)

    def as_dict(self) -> dict[str, Any]:
        recall = None if self.recall is None else round(self.recall, 4)
        return {"id": self.skill_id, "name": self.name, "cards": self.cards, "recall": recall}


@dataclass(frozen=True, slots=True)
class OwnCardLine:
    """A card the learner wrote, for the mentor to see (raw text: every format escapes it)."""

    item_title: str
    prompt: str


@dataclass(frozen=True)
class PracticeSummary:
    """Practice in the summary: retention per skill area (beside readiness, never inside it),
    how many reviews, and the cards the learner wrote."""

    retention: tuple[RetentionLine, ...] = ()
    reviews: int = 0
    reviews_period: int = 0
    reviews_14d: int = 0
    cards_reviewed: int = 0
    suspended: int = 0
    own_cards: tuple[OwnCardLine, ...] = ()
    desired_retention: float | None = None

    @property
    def remembered(self) -> tuple[RetentionLine, ...]:
        """The areas with reviewed cards, best remembered first."""
        found = [line for line in self.retention if line.recall is not None]
        return tuple(sorted(found, key=lambda line: -(line.recall or 0.0)))

    @property
    def weakest(self) -> tuple[RetentionLine, ...]:
        """The areas with reviewed cards, least remembered first (what to review next)."""
        return tuple(reversed(self.remembered))

    @property
    def any(self) -> bool:
        """Whether there is practice to show: a reviewed card or an own card."""
        return bool(self.reviews or self.own_cards or self.remembered)

    @staticmethod
    def area_words(line: RetentionLine) -> str:
        """ "knows 92 % of what they finished in Fine-tuning (4 of 20 cards reviewed)": the
        figure rests only on the reviewed, unsuspended cards, so it says how many
        ("no reviewed cards yet")."""
        if line.percent is None:
            return "no reviewed cards yet"
        words = f"knows {line.percent} % of what they finished in {line.name}"
        if line.finished is not None and line.finished >= line.cards:
            return words + f" ({line.cards} of {_cards(line.finished)} reviewed)"
        return words + f" ({_cards(line.cards)} reviewed)"

    def glance_words(self, shown: int = 3) -> str:
        """The top box's line: the least remembered areas (what needs review) and the
        reviews in the period."""
        if not self.any:
            return "No practice cards reviewed yet"
        weakest = self.weakest
        areas = [f"{line.name} {line.percent} %" for line in weakest[:shown]]
        if areas:
            areas[0] = "weakest first: " + areas[0]
        more = len(weakest) - shown
        if more > 0:
            areas.append(f"{more} more {'area' if more == 1 else 'areas'}")
        reviews = f"{self.reviews_period} {'review' if self.reviews_period == 1 else 'reviews'}"
        return " · ".join([*areas, f"{reviews} in this period"])

    def reviews_words(self) -> str:
        """ "34 reviews in this period, 120 in all (12 in the last 14 days) …"."""

        def count(number: int, word: str) -> str:
            return f"{number:,} {word if number == 1 else word + 's'}"

        text = (
            f"{count(self.reviews_period, 'review')} in this period, {self.reviews:,} in all "
            f"({self.reviews_14d:,} in the last 14 days) of "
            f"{count(self.cards_reviewed, 'card')}"
        )
        if self.suspended:
            text += f"; {count(self.suspended, 'card')} suspended"
        if self.desired_retention is not None:
            text += f"; the learner aims to remember {round(100 * self.desired_retention)} %"
        return text + "."

    def counts(self) -> dict[str, int]:
        return {
            "reviews": self.reviews,
            "reviews_in_period": self.reviews_period,
            "reviews_last_14_days": self.reviews_14d,
            "cards_reviewed": self.cards_reviewed,
            "suspended": self.suspended,
            "own_cards": len(self.own_cards),
        }


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
    # --- the top box (summary v2) ---
    pace: Pace | None = None  # None: no plan set
    study_minutes_period: int = 0
    study_minutes_14d: int = 0
    history: HistoryData | None = None  # hours per week and the burn-up, for the charts
    last_sent: SentReport | None = None
    readiness_change: dict[str, float] = field(default_factory=dict)  # role id -> points
    overall_change: float | None = None  # points since the last report marked as sent
    milestone_counts: MilestoneCounts = MilestoneCounts(0, 0, 0, 0)
    last_activity: datetime | None = None
    learner_id: str = ""
    mentor_notes: list[str] = field(default_factory=list)  # overall notes mentors sent back
    practice: PracticeSummary = PracticeSummary()

    @property
    def period(self) -> str:
        start = day_text(self.since) if self.since else "the start"
        return f"{start} – {day_text(self.until)}"

    @property
    def period_weeks(self) -> float:
        """How many weeks the period covers (at least one)."""
        start = self.since or self.first_activity or self.until
        return max((self.until - start).days / 7, 1.0)

    @property
    def first_activity(self) -> datetime | None:
        """The first thing done in the period: an item finished or a day of study."""
        moments = [c.at for c in self.completed]
        if self.history is not None:
            moments += [
                datetime.combine(d, datetime.min.time()) for d in self.history.minutes_by_day
            ]
        return min(moments, default=None)

    @property
    def hours_per_week_period(self) -> float:
        return self.study_minutes_period / 60 / self.period_weeks


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
    details: bool = True,
) -> Summary:
    """Gather a summary of the learner's progress from `since` (default: the last export)
    until `until` (default: the snapshot's moment). Without `details` (for the JSON export,
    which writes only the totals) the lists a reader goes through are left empty: items
    completed, milestones, notes, suggestions, electives and the charts' history."""
    c = snapshot.counted  # options not chosen leave the summary
    until = until if until is not None else snapshot.now
    since = since if since is not None else snapshot.last_export
    weeks = {w.id: w.number for w in c.weeks.values()}
    months = [MonthLine(m.number, m.title, snapshot.month_progress(m.id)) for m in c.months]
    model = snapshot.readiness()
    targets = list(snapshot.target_roles)
    roles = [model.role(r) for r in (targets or list(c.roles))]
    completed: list[Completed] = []
    for item_id, finished in (snapshot.done_moments() if details else {}).items():
        item = c.items.get(c.resolve(item_id))
        if item is None or snapshot.status(item.id) != "done":
            continue
        if (since is None or finished >= since) and finished <= until:
            completed.append(
                Completed(
                    item.id, item.title, KIND_LABELS[item.kind], weeks[item.week_id], finished
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
            m.id in snapshot.verified,
            tuple(comment.body for comment in snapshot.comments_on(m.id)),
        )
        for p in (c.projects_in_order() if details else ())
        for m in c.project_items(p.id)
        if snapshot.status(m.id) in ("doing", "done")
        or snapshot.evidence_for(m.id)
        or m.id in snapshot.verified
    ]
    notes: list[NoteLine] = []
    if include_notes and details:
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
    focus = primary or (targets[0] if targets else next(iter(c.roles)))
    suggested = [
        f"{s.title} (+{s.gain:.1f} readiness, ~{s.estimate_hours:g} h)"
        for s in (model.next_steps(focus, limit=3) if details else ())
    ]
    sent = snapshot.last_sent
    scores = {r.role_id: r.score for r in model.roles()}
    overall = snapshot.overall_progress()
    return Summary(
        pace=snapshot.pace(until.date()),
        study_minutes_period=_minutes_between(snapshot, since, until),
        study_minutes_14d=_minutes_between(snapshot, until - timedelta(days=14), until),
        history=_history(snapshot, until.date()) if details else None,
        last_sent=sent,
        readiness_change={
            role: round(score - sent.readiness[role], 1)
            for role, score in scores.items()
            if sent is not None and role in sent.readiness
        },
        overall_change=(
            round(overall.percent - sent.overall_percent, 1)
            if sent is not None and sent.overall_percent is not None
            else None
        ),
        milestone_counts=milestone_counts(snapshot),
        last_activity=last_activity(snapshot),
        learner_id=snapshot.learner_id,
        mentor_notes=[comment.body for comment in snapshot.comments_on("")],
        practice=practice_summary(snapshot, since, until),
        electives=_electives(snapshot) if details else [],
        learner=snapshot.learner_name or "A Cairn learner",
        since=since,
        until=until,
        curriculum=c.version,
        overall=overall,
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


def practice_summary(
    snapshot: ProgressSnapshot, since: datetime | None, until: datetime
) -> PracticeSummary:
    """Retention per skill area (as the snapshot's tracker worked it out), reviews in all, in
    the period and in the last 14 days, and the learner's own cards."""
    practice = snapshot.practice
    times = [r.reviewed_at for r in practice.reviews]
    fortnight = until - timedelta(days=14)
    items = snapshot.curriculum.items
    target = snapshot.settings.get(DESIRED_RETENTION)
    reworded = {t.card_id: t.prompt for t in practice.texts}  # an own card's later wording
    finished = _finished_cards(snapshot)
    return PracticeSummary(
        retention=tuple(
            RetentionLine(a.skill_id, a.name, a.cards, a.recall, finished.get(a.skill_id, 0))
            for a in snapshot.retention
        ),
        reviews=len(times),
        reviews_period=sum(1 for t in times if (since is None or t >= since) and t <= until),
        reviews_14d=sum(1 for t in times if fortnight <= t <= until),
        cards_reviewed=len({r.card_id for r in practice.reviews}),
        suspended=sum(1 for s in practice.states if s.suspended),
        own_cards=tuple(
            OwnCardLine(
                items[snapshot.curriculum.resolve(c.item_id)].title
                if snapshot.curriculum.resolve(c.item_id) in items
                else c.item_id,
                reworded.get(c.card_id, c.prompt),
            )
            for c in practice.own_cards
        ),
        desired_retention=float(target) if isinstance(target, int | float) else None,
    )


def _cards(count: int) -> str:
    return f"{count:,} {'card' if count == 1 else 'cards'}"


def _finished_cards(snapshot: ProgressSnapshot) -> dict[str, int]:
    """Per skill area, the unlocked (item done), unsuspended cards, shipped and own: what a
    retention figure could rest on (a card counts in every skill of its item)."""
    curriculum = snapshot.curriculum
    suspended = {s.card_id for s in snapshot.practice.states if s.suspended}
    counts: dict[str, int] = {}
    cards = [
        (card.id, card.item_id) for cards in curriculum.cards_by_item.values() for card in cards
    ]
    cards += [(c.card_id, c.item_id) for c in snapshot.practice.own_cards]
    for card_id, item_id in cards:
        item = curriculum.items.get(item_id)
        if item is None or card_id in suspended or snapshot.statuses.get(item_id) != "done":
            continue
        for skill in item.skills:
            counts[skill] = counts.get(skill, 0) + 1
    return counts


MAX_WEEKS = 260  # five years of plan weeks at the most


def _history(snapshot: ProgressSnapshot, today: date) -> HistoryData:
    """Hours per week and the burn-up for the charts: with a plan, every plan week from its
    start up to this week (however long ago it started, up to MAX_WEEKS); without one, the
    WEEKS_SHOWN weeks ending with this week."""
    plan = snapshot.plan
    weeks = WEEKS_SHOWN
    if plan is not None:
        weeks = min(max(WEEKS_SHOWN, (today - plan.start).days // 7 + 1), MAX_WEEKS)
    return history_data(
        snapshot.counted,
        snapshot.statuses,
        snapshot.done_moments(),
        snapshot.sessions,
        plan,
        today,
        weeks=weeks,
    )


def _minutes_between(snapshot: ProgressSnapshot, since: datetime | None, until: datetime) -> int:
    """Minutes of study recorded from `since` (None: ever) until `until`."""
    return sum(
        x.minutes
        for x in snapshot.sessions
        if (since is None or x.started_at >= since) and x.started_at <= until
    )


def milestone_counts(snapshot: ProgressSnapshot) -> MilestoneCounts:
    """Finished milestones (of the counted path) by the proof behind them."""
    done = [
        m.id
        for m in snapshot.counted.items.values()
        if m.is_milestone and snapshot.status(m.id) == "done"
    ]
    linked = sum(1 for m in done if snapshot.evidence_for(m))
    return MilestoneCounts(
        len(done), sum(1 for m in done if m in snapshot.verified), linked, len(done) - linked
    )


def last_activity(snapshot: ProgressSnapshot) -> datetime | None:
    """The last moment the learner did anything recorded: a status, a note, a study session,
    an evidence link."""
    moments = [r.updated_at for r in snapshot.records.values()]
    moments += [n.updated_at for n in snapshot.notes.values()]
    moments += [x.started_at + timedelta(minutes=x.minutes) for x in snapshot.sessions]
    moments += [e.added_at for e in snapshot.evidence]
    return max(moments, default=None)


def weekly_points(history: HistoryData) -> list[tuple[date, float]]:
    """(Monday of each plan week, hours studied) up to this week."""
    weeks = [
        (history.start + timedelta(weeks=n), hours) for n, hours in enumerate(history.weekly_hours)
    ]
    return [(start, hours) for start, hours in weeks if start <= history.today]


def burn_up_points(
    history: HistoryData, total: int
) -> tuple[list[tuple[date, float]], list[tuple[date, float]] | None]:
    """Percent of the counted path done at the end of each plan week up to this week, and the
    percent the plan expects (None without a plan)."""
    total = max(total, 1)
    ends = [history.start + timedelta(weeks=n + 1) for n in range(len(history.done_by_week))]
    shown = [n for n, end in enumerate(ends) if end - timedelta(weeks=1) <= history.today]
    done = [(ends[n], 100.0 * history.done_by_week[n] / total) for n in shown]
    if history.planned_done_by_week is None:
        return done, None
    planned = [
        (ends[n], 100.0 * count / total) for n, count in enumerate(history.planned_done_by_week)
    ]
    return done, planned
