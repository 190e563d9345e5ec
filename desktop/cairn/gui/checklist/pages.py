"""What each navigation entry shows: a flat checklist, grouped items, or an explanation."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ...content import KIND_LABELS, ChoiceGroup, Curriculum, Item
from ...feedback_news import (
    FEEDBACK_SEEN,
    FeedbackNews,
    NewsWords,
    headline,
    inert_markdown,
    note_markdown,
    seen_moment,
    unseen_feedback,
)
from ...today import today
from ...tracker import Tracker
from ..practice.words import cards_due
from ..widgets.dates import day
from ..widgets.node import Node
from .tree import Column, Group

FEEDBACK_READ_LINK = "#feedback-read"  # Today's "Mark as read" (the sharing menu follows it)
PRACTICE_LINK = "#practice"  # Today's "N cards due" (the window opens Practice)


@dataclass(frozen=True)
class PageSpec:
    """A page of the middle pane. Exactly one of items, groups or empty is used."""

    title: str
    summary: str
    items: list[Item] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    empty: str = ""
    show_week_column: bool = True
    choices: list[ChoiceGroup] = field(default_factory=list)  # shown as cards above the list
    by_week: bool = False  # a heading row over each week's items
    summary_more: str = ""  # the rest of the summary, in the summary's tooltip

    @property
    def all_items(self) -> list[Item]:
        if self.groups:
            seen: dict[str, Item] = {}
            for group in self.groups:
                for item in group.items:
                    seen.setdefault(item.id, item)
            return list(seen.values())
        return list(self.items)


def _first_sentences(text: str, limit: int = 180) -> tuple[str, str]:
    """The opening sentences of `text` that fit in about two lines, and the rest."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat, ""
    cut = flat.rfind(". ", 0, limit)
    if cut < 40:
        cut = flat.rfind(" ", 0, limit - 1)
        return flat[:cut] + "…", flat[cut:].strip()
    return flat[: cut + 1], flat[cut + 2 :]


def _path_items(c: Curriculum) -> list[Item]:
    return [i for m in c.months for i in c.month_items(m.id)]


def _choices_among(c: Curriculum, item_ids: set[str], due_week: str = "") -> list[ChoiceGroup]:
    """The choice groups with an option among `item_ids`, or due in the week `due_week`."""
    return [
        g
        for g in c.choices.values()
        if g.week_id == due_week or any(i in item_ids for o in g.options for i in o.item_ids)
    ]


def due_choices(tracker: Tracker, week_number: int) -> list[ChoiceGroup]:
    """Open choices due by the week after `week_number` (so the learner can decide ahead)."""
    c = tracker.curriculum
    return [
        g
        for g in c.choices.values()
        if not tracker.chosen(g.id)
        and g.week_id in c.weeks
        and c.weeks[g.week_id].number <= week_number + 1
    ]


def _week_number(c: Curriculum) -> dict[str, int]:
    return {w.id: w.number for w in c.weeks.values()}


def _item_columns(weeks: dict[str, int]) -> list[Column]:
    """Kind, week number and estimated hours: the columns of grouped item pages."""
    return [
        Column("Kind", lambda i: KIND_LABELS[i.kind]),
        Column("Week", lambda i: str(weeks[i.week_id])),
        Column("Hours", lambda i: f"{i.estimate_hours:g} h"),
    ]


def today_page(tracker: Tracker) -> PageSpec:
    """What to do now (chosen by `cairn.today`), with the plan's pace, study time and the
    readings under way in words."""
    c = tracker.curriculum
    pace = tracker.pace()
    plan = today(
        tracker.counted,
        tracker.statuses(),
        pace=pace,
        readiness=tracker.readiness(),
        roles=[tracker.primary_role(), *tracker.target_roles()],
        reading_statuses=tracker.reading_statuses(),
    )
    groups = [Group(g.title, list(g.items), show_done=False) for g in plan.groups]
    lines = []
    news = feedback_news(tracker)
    if not news.empty:
        known = [c.items[i] for i in news.item_ids]
        if known:
            groups.insert(
                0,
                Group(
                    QCoreApplication.translate("pages", "New comments from your mentor"),
                    known,
                    QCoreApplication.translate(
                        "pages", "Select an item to read the comment in the item pane"
                    ),
                    show_done=False,
                ),
            )
    if pace is None and tracker.read_only:  # a mentor reading a learner's summary
        lines.append(
            QCoreApplication.translate("pages", "The learner has not set a study plan yet.")
        )
    elif pace is None:
        lines.append(
            QCoreApplication.translate(
                "pages", "No plan yet: set your start date and weekly hours in Tools → Your plan…"
            )
        )
    else:
        finish = f"{day(pace.forecast_finish)}" if pace.forecast_finish else "—"
        lines.append(
            f"**{pace.sentence()}** "
            + QCoreApplication.translate(
                "pages",
                "Plan: {hours} h a week from {start}. {done}% done, {expected}% expected by "
                "today. Finish at your pace: {finish}.",
            ).format(
                hours=f"{pace.hours_per_week:g}",
                start=f"{day(pace.start)}",
                done=f"{pace.done_percent:g}",
                expected=f"{pace.expected_percent:g}",
                finish=finish,
            )
        )
    cards = 0 if tracker.read_only else tracker.due_count()
    if cards:
        lines.append(
            QCoreApplication.translate(
                "pages",
                "**Practice:** [{cards}]({link}): a few minutes of recall keeps what you finished.",
            ).format(cards=cards_due(cards), link=PRACTICE_LINK)
        )
    study = tracker.study()
    days = study.streak_days
    streak = (
        QCoreApplication.translate("pages", "1 day")
        if days == 1
        else QCoreApplication.translate("pages", "{days} days").format(days=days)
    )
    lines.append(
        QCoreApplication.translate(
            "pages", "This week: {hours} h studied. Streak: {streak}."
        ).format(hours=f"{study.minutes_this_week / 60:.1f}", streak=streak)
    )
    if plan.readings:
        lines.append(
            QCoreApplication.translate("pages", "Reading: ")
            + "; ".join(f"[{r.title}]({r.url})" for r in plan.readings)
            + "."
        )
    weeks = _week_number(c)
    due = due_choices(tracker, plan.week.number)
    if due:
        lines.insert(
            1,
            QCoreApplication.translate(
                "pages",
                "**Time to choose:** {choices}. Pick an option below; the others then leave "
                "your totals.",
            ).format(
                choices="; ".join(
                    QCoreApplication.translate("pages", "{title} (due week {week})").format(
                        title=g.title, week=weeks[g.week_id]
                    )
                    for g in due
                )
            ),
        )
    if not news.empty:
        lines.insert(0, _feedback_card(news))  # the mentor's answer comes first
    return PageSpec(
        QCoreApplication.translate("pages", "Today"),
        "\n\n".join(lines),
        groups=groups,
        columns=_item_columns(weeks),
        choices=due,
    )


def feedback_news(tracker: Tracker) -> FeedbackNews:
    """Mentor feedback that arrived since the learner last marked it as read (nothing in a
    read-only window: a mentor looking at a learner's summary is not that learner)."""
    if tracker.read_only:
        return FeedbackNews()
    verified = {cid: v for cid in tracker.verified_ids() if (v := tracker.verification(cid))}
    return unseen_feedback(
        tracker.mentor_comments(),
        verified,
        seen_moment(tracker.setting(FEEDBACK_SEEN)),
        tracker.curriculum.items,
    )


def news_words() -> NewsWords:
    """The headline's templates in the window's language."""
    return NewsWords(
        sentence=QCoreApplication.translate("pages", "Your mentor {actions}."),
        commented_one=QCoreApplication.translate("pages", "commented on 1 item"),
        commented_many=QCoreApplication.translate("pages", "commented on {count} items"),
        note_one=QCoreApplication.translate("pages", "sent a note"),
        note_many=QCoreApplication.translate("pages", "sent {count} notes"),
        verified_one=QCoreApplication.translate("pages", "verified 1 milestone"),
        verified_many=QCoreApplication.translate("pages", "verified {count} milestones"),
        two=QCoreApplication.translate("pages", "{first} and {second}"),
        three=QCoreApplication.translate("pages", "{first}, {second} and {third}"),
    )


def _feedback_card(news: FeedbackNews) -> str:
    """Today's first lines when feedback is new: what came, the link that marks it as read,
    and the newest note, rendered and sanitized (emphasis, code and web links only; the
    mentor's name is shown exactly as typed)."""
    read = QCoreApplication.translate("pages", "Mark as read")
    text = f"**{headline(news, news_words())}** [{read}]({FEEDBACK_READ_LINK})"
    if news.retired_ids:
        text += " " + QCoreApplication.translate(
            "pages", "({count} of the items are no longer in the curriculum.)"
        ).format(count=len(news.retired_ids))
    note = news.latest_note
    if note is not None:
        mentor, body = note
        said = (
            QCoreApplication.translate("pages", "Note from {mentor}:").format(
                mentor=inert_markdown(mentor, 80)
            )
            if mentor.strip()
            else QCoreApplication.translate("pages", "Note from your mentor:")
        )
        text += f"\n\n*{said}* {note_markdown(body)}"
    return text


def page_for(node: Node, tracker: Tracker) -> PageSpec:
    """Build the page for a navigation entry."""
    c = tracker.curriculum
    weeks = _week_number(c)
    if node.id == "today":
        return today_page(tracker)
    if node.kind == "week":
        week = c.weeks[node.id]
        month = c.month_by_id(week.month_id)
        further = "; ".join(f"[{c.readings[r].title}]({c.readings[r].url})" for r in week.readings)
        opening, rest = _first_sentences(
            QCoreApplication.translate("pages", "Month {number}: {title}.").format(
                number=month.number, title=month.title
            )
            + f" {week.summary}"
        )
        extra = (
            QCoreApplication.translate(
                "pages", "Further study (optional, not counted): {readings}."
            ).format(readings=further)
            if further
            else ""
        )
        return PageSpec(
            QCoreApplication.translate("pages", "Week {number} · {title}").format(
                number=week.number, title=week.title
            ),
            opening,
            items=c.week_items(node.id),
            show_week_column=False,
            choices=_choices_among(c, set(week.item_ids), week.id),
            summary_more="\n\n".join(x for x in (rest, extra) if x),
        )
    if node.kind == "month":
        month = c.month_by_id(node.id)
        items = c.month_items(node.id)
        opening, rest = _first_sentences(month.summary)
        return PageSpec(
            QCoreApplication.translate("pages", "Month {number} · {title}").format(
                number=month.number, title=month.title
            ),
            opening,
            items=items,
            choices=_choices_among(c, {i.id for i in items}),
            by_week=True,
            summary_more=rest,
        )
    if node.kind == "project":
        project = c.projects[node.id]
        return PageSpec(
            project.title,
            f"**{project.level.capitalize()} project.** {project.summary}",
            items=c.project_items(node.id),
        )
    if node.kind == "role":
        role = c.roles[node.id]
        groups = [
            Group(
                f"{c.skills[a.skill_id].name} · weight {a.weight}%",
                sorted(  # what counts toward the role: options not chosen are left out
                    tracker.counted.items_for_skill(a.skill_id), key=lambda i: weeks[i.week_id]
                ),
                c.skills[a.skill_id].description,
            )
            for a in role.areas
        ]
        opening, rest = _first_sentences(role.summary)
        return PageSpec(
            role.name,
            opening,
            groups=groups,
            columns=_item_columns(weeks),
            summary_more="\n\n".join(x for x in (rest, role.market_note) if x),
        )
    if node.id == "projects":
        groups = [
            Group(f"{p.title} ({p.level})", c.project_items(p.id)) for p in c.projects_in_order()
        ]
        return PageSpec(
            "Projects",
            "Every project's milestones with what *done* means and the proof you attached. "
            "Employers weigh evidence over checkmarks: add a link to each milestone you finish.",
            groups=groups,
            columns=[
                Column("Week", lambda i: str(weeks[i.week_id])),
                Column("Evidence", lambda i: _evidence_text(tracker, i)),
                Column("Done when", lambda i: _one_line(i.done_when), width=220),
            ],
        )
    if node.id == "path":
        return PageSpec(
            "The six-month path",
            "Every item and milestone of the path, in order.",
            items=_path_items(c),
            choices=list(c.choices.values()),
            by_week=True,
        )
    if node.id == "retired":
        lines = []
        notes = tracker.notes()
        statuses = tracker.stored_statuses()
        for item_id in tracker.retired_ids():
            record = statuses[item_id]
            note = notes.get(item_id)
            extra = f" — note: {_one_line(note.body, 60)}" if note else ""
            lines.append(f"• {item_id}: {record.status} on {day(record.updated_at)}{extra}")
        return PageSpec(
            "Retired items",
            "The curriculum no longer has these items. Your progress, history and notes on "
            "them are kept exactly as they were, and come back if the items return.",
            empty="\n".join(lines) or "Nothing is retired.",
        )
    return roles_overview(tracker)


def roles_overview(tracker: Tracker) -> PageSpec:
    """Every role with its readiness and its three heaviest skill areas."""
    readiness = tracker.readiness()
    primary = tracker.primary_role()
    lines = []
    for role in readiness.roles():
        top = sorted(role.areas, key=lambda a: -a.weight)[:3]
        areas = ", ".join(f"{a.name} {a.weight}% ({a.score:.0f})" for a in top)
        mark = (
            QCoreApplication.translate("pages", " — your primary role")
            if role.role_id == primary
            else ""
        )
        lines.append(
            QCoreApplication.translate(
                "pages", "{name}{mark}: readiness {score} of 100. Heaviest areas: {areas}."
            ).format(name=role.name, mark=mark, score=f"{role.score:.0f}", areas=areas)
        )
    return PageSpec(
        QCoreApplication.translate("pages", "Role tracks"),
        QCoreApplication.translate(
            "pages",
            "The roles share one set of skill areas: work you finish counts toward every role "
            "it serves. Choose a role on the left to see its areas and the work that builds them.",
        ),
        empty="\n\n".join(lines),
    )


def _evidence_text(tracker: Tracker, item: Item) -> str:
    count = len(tracker.evidence(item.id))
    return f"{count} link{'s' if count != 1 else ''}" if count else "—"


def _one_line(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
