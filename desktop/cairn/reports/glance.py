"""The top of a summary in words, shared by every format: the *At a glance* facts (done, pace,
study, readiness with the change since the last report, milestones by proof, questions, last
activity), the one date format reports use, the change marks and the three charts' SVG.

Pure: no Qt, no HTML; each renderer escapes the learner's text its own way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from ..markup import WEB_SCHEMES, markdown_to_html
from ..plan import Pace
from ..words import day_text
from . import svg_charts
from .summary import MilestoneLine, Summary, burn_up_points, weekly_points

VERIFIED, SELF_REPORTED, NO_EVIDENCE = "Verified by mentor", "Self-reported", "No evidence yet"


QUESTION_LINES = 3  # lines of the learner's questions shown in the top box


QUESTION_CHARS = 160  # longest question line shown there


CHART_WIDTH = 640  # one chart across the page (fits A4's printable width at 96 dpi)


CHART_HEIGHT = 200


def report_date(moment: date) -> str:
    """A date as every report writes it: "5 Mar 2026" (the window's format, in English)."""
    return day_text(moment)


def period_text(summary: Summary) -> str:
    """The period the summary covers: "5 Mar 2026 – 19 Mar 2026" or "the start – …"."""
    start = report_date(summary.since) if summary.since else "the start"
    return f"{start} – {report_date(summary.until)}"


def change_text(change: float | None) -> str:
    """A change in points as a mark: "▲ 4.5", "▼ 2.0", "no change", or "new" (None: there was
    no earlier report to compare with)."""
    if change is None:
        return "new"
    if abs(change) < 0.05:
        return "no change"
    return f"▲ {change:.1f}" if change > 0 else f"▼ {abs(change):.1f}"


def role_change(summary: Summary, role_id: str) -> float | None:
    """Points a role's readiness moved since the last report marked as sent (None: new)."""
    if summary.last_sent is None:
        return None
    return summary.readiness_change.get(role_id)


def proof_label(milestone: MilestoneLine) -> str:
    """What stands behind a milestone: a mentor's verification, the learner's own evidence
    link, or nothing yet."""
    if milestone.verified:
        return VERIFIED
    return SELF_REPORTED if milestone.evidence else NO_EVIDENCE


def _days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.1f} h"


def period_weeks(summary: Summary) -> float:
    """How many weeks the period covers (at least one): from `since`, or, for a first report,
    from the learner's first recorded work, a finished item or a study session, whichever
    came first (`Summary.period_weeks` looks at finished items only)."""
    s = summary
    if s.since is not None:
        return max((s.until - s.since).days / 7, 1.0)
    studied = (
        [day for day, minutes in s.history.minutes_by_day.items() if minutes] if s.history else []
    )
    firsts = [moment.date() for moment in (s.first_activity,) if moment is not None] + studied
    start = min(firsts, default=s.until.date())
    return max((s.until.date() - start).days / 7, 1.0)


def hours_a_week(summary: Summary) -> float:
    """Hours studied a week over the period."""
    return summary.study_minutes_period / 60 / period_weeks(summary)


class _TextLines(HTMLParser):
    """The text of sanitized HTML, one line per block (paragraph, list item, heading …)."""

    BLOCKS = frozenset(
        {"p", "li", "br", "tr", "pre", "blockquote", "ul", "ol", "table", "hr"}
        | {f"h{n}" for n in range(1, 7)}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append("\n" if tag in self.BLOCKS else " " if tag in ("td", "th") else "")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append("\n" if tag in self.BLOCKS else "")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_lines(markdown_text: str) -> list[str]:
    """Learner Markdown as the plain lines a reader sees once it is rendered and sanitized:
    no markup, no link targets, no images or scripts; empty lines dropped."""
    parser = _TextLines()
    parser.feed(markdown_to_html(markdown_text, schemes=WEB_SCHEMES))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return [line for line in lines if line]


def _clip(line: str, limit: int = QUESTION_CHARS) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class GlanceRole:
    name: str
    score: float
    change: float | None  # None: not in an earlier report
    primary: bool


@dataclass(frozen=True, slots=True)
class Glance:
    """The top box's facts in words. The words are the report's own (numbers and dates);
    `roles` names, `no_evidence` titles and `questions` lines are pack or learner text, kept
    raw for each format to escape."""

    done: str
    done_change: str  # "▲ 4.5 points since the last report", "" or "first report"
    pace: str  # "On track", "Ahead by 4.0 h", "Behind by 12.5 h", "No study plan set", …
    pace_finish: str  # forecast and planned finish, "" without a plan
    pace_detail: str
    study: str
    roles: tuple[GlanceRole, ...]
    milestones: str
    no_evidence: tuple[str, ...]
    questions: tuple[str, ...]
    more_questions: int  # lines of questions not shown in the box
    last_activity: str


def pace_words(pace: Pace | None) -> tuple[str, str, str]:
    """The pace against the plan for a mentor: a headline, the finish dates and a detail."""
    if pace is None:
        return (
            "No study plan set",
            "",
            "The learner has not set a study plan yet, so there is no pace to compare against.",
        )
    plan = f"{pace.hours_per_week:g} h a week from {report_date(pace.start)}"
    planned = f"planned finish {report_date(pace.planned_finish)}"
    if pace.state == "not started":
        return "Plan not started yet", planned, f"The plan runs {plan}."
    if pace.state == "behind":
        headline = f"Behind by {pace.catch_up_hours:.1f} h"
    elif pace.state == "ahead":
        headline = f"Ahead by {pace.done_hours - pace.expected_hours:.1f} h"
    else:
        headline = "On track"
    forecast = (
        f"forecast finish {report_date(pace.forecast_finish)}"
        if pace.forecast_finish is not None
        else "no forecast yet (nothing finished)"
    )
    detail = (
        f"{pace.done_hours:.1f} h of estimated work done; the plan expects "
        f"{pace.expected_hours:.1f} h by now ({plan})."
    )
    return headline, f"{forecast} · {planned}", detail


def _done_words(s: Summary) -> tuple[str, str]:
    done = f"{s.overall.percent:g} % of the path ({s.overall.done} of {s.overall.total})"
    if s.overall.skipped:
        done += f", {s.overall.skipped} skipped"
    if s.last_sent is None:
        return done, "first report"
    if s.overall_change is None:
        return done, ""
    mark = change_text(s.overall_change)
    if mark == "no change":
        return done, "no change since the last report"
    return done, f"{mark} points since the last report"


def _study_words(s: Summary) -> str:
    words = (
        f"{_hours(s.study_minutes_period)} this period "
        f"({hours_a_week(s):.1f} h a week) · "
        f"{_hours(s.study_minutes_14d)} in the last 14 days"
    )
    if s.pace is not None:
        words += f" · plan {s.pace.hours_per_week:g} h a week"
    return words


def _milestone_words(s: Summary) -> tuple[str, tuple[str, ...]]:
    counts = s.milestone_counts
    done = [m for m in s.milestones if m.status == "done"]
    unproven = tuple(m.title for m in done if not m.verified and not m.evidence)
    linked = sum(1 for m in done if not m.verified and m.evidence)
    doing = sum(1 for m in s.milestones if m.status == "doing")
    words = (
        f"{counts.done} finished: {counts.verified} verified by a mentor, {linked} "
        f"self-reported with evidence, {len(unproven)} without evidence"
        if counts.done
        else "None finished yet"
    )
    if doing:
        words += f" · {doing} in progress"
    return words, unproven


def _activity_words(s: Summary) -> str:
    if s.last_activity is None:
        return "No activity recorded yet"
    days = (s.until.date() - s.last_activity.date()).days
    return f"{report_date(s.last_activity)} ({_days_ago(days)})"


def glance(summary: Summary) -> Glance:
    """The facts of the top box, from the summary's fields."""
    s = summary
    done, done_change = _done_words(s)
    pace, finish, detail = pace_words(s.pace)
    milestones, unproven = _milestone_words(s)
    questions = plain_lines(s.questions)
    return Glance(
        done=done,
        done_change=done_change,
        pace=pace,
        pace_finish=finish,
        pace_detail=detail,
        study=_study_words(s),
        roles=tuple(
            GlanceRole(r.name, r.score, role_change(s, r.role_id), r.role_id == s.primary_role)
            for r in s.roles
        ),
        milestones=milestones,
        no_evidence=unproven,
        questions=tuple(_clip(line) for line in questions[:QUESTION_LINES]),
        more_questions=max(0, len(questions) - QUESTION_LINES),
        last_activity=_activity_words(s),
    )


def chart_svgs(summary: Summary, *, width: int = CHART_WIDTH) -> tuple[str, str, str]:
    """The three charts as SVG text: study hours per week against the plan and the burn-up
    (percent done against the plan), `width` px wide, and readiness per role with the change
    since the last report, across the page."""
    s = summary
    if s.history is not None:
        weeks = weekly_points(s.history)
        weeks = weeks if any(hours for _, hours in weeks) else []  # nothing yet: say so
        hours = svg_charts.hours_per_week(
            weeks, s.history.planned_weekly, width=width, height=CHART_HEIGHT
        )
        done, planned = burn_up_points(s.history, s.overall.total)
        burn = svg_charts.burn_up(done, planned, width=width, height=CHART_HEIGHT)
    else:
        hours = svg_charts.hours_per_week([], None, width=width, height=CHART_HEIGHT)
        burn = svg_charts.burn_up([], None, width=width, height=CHART_HEIGHT)
    roles = svg_charts.readiness_bars(
        [
            (
                r.name + (" ★" if r.role_id == s.primary_role else ""),
                r.score,
                role_change(s, r.role_id),
            )
            for r in s.roles
        ],
        width=CHART_WIDTH,
    )
    return hours, burn, roles


def study_sentence(summary: Summary) -> str:
    """Study time in one paragraph of the report's own words (no learner text)."""
    s = summary
    if s.study_minutes is None:
        return "No study time recorded yet."
    line = (
        f"{_hours(s.study_minutes)} recorded in all, {_hours(s.study_minutes_4w)} in the last "
        f"four weeks, {_hours(s.study_minutes_period)} in this period "
        f"({hours_a_week(s):.1f} h a week) and {_hours(s.study_minutes_14d)} in the "
        "last 14 days."
    )
    weeks = weekly_points(s.history) if s.history is not None else []
    busiest = max(weeks, key=lambda point: point[1], default=None)
    if busiest is not None and busiest[1] > 0:
        line += f" The busiest week began {report_date(busiest[0])} ({busiest[1]:.1f} h)."
    return line
