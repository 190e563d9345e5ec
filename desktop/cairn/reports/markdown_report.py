"""The summary as Markdown: readable as plain text, pasteable into an issue or an email."""

from __future__ import annotations

from ..progress import STATUS_LABELS, Progress
from .summary import Summary


def _bar(progress: Progress | float, width: int = 20) -> str:
    percent = progress.percent if isinstance(progress, Progress) else progress
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def render_markdown(summary: Summary) -> str:
    """The whole report as Markdown (the learner's notes are quoted as they wrote them)."""
    s = summary
    lines = [
        f"# Progress summary: {s.learner}",
        "",
        f"Period: {s.period} · Curriculum: {s.curriculum}",
        "",
        "## Overall",
        "",
        f"`{_bar(s.overall)}` **{s.overall.done} of {s.overall.total} done "
        f"({s.overall.percent:g}%)**" + (f", {s.overall.skipped} skipped"
                                         if s.overall.skipped else ""),
        "",
        "| Month | Theme | Done | Progress |",
        "|---|---|---|---|",
    ]
    lines += [f"| {m.number} | {m.title} | {m.progress.done} of {m.progress.total} | "
              f"{m.progress.percent:g}% |" for m in s.months]
    lines += ["", "## Readiness by role", "", "| Role | Score |", "|---|---|"]
    lines += [f"| {role.name}{' (primary)' if role.role_id == s.primary_role else ''} | "
              f"{role.score:.1f} |" for role in s.roles]
    lines.append("")
    lines += ["## Completed in this period", ""]
    if s.completed:
        lines += [f"- {c.at:%d %b} · week {c.week} · {c.kind}: {c.title}" for c in s.completed]
    else:
        lines.append("Nothing was marked done in this period.")
    lines += ["", "## Project milestones", ""]
    if s.milestones:
        for m in s.milestones:
            proof = ", ".join(f"<{url}>" for url in m.evidence) or "no evidence yet"
            lines.append(f"- **{m.title}** ({m.project}) — {STATUS_LABELS[m.status]}; "
                         f"evidence: {proof}")
    else:
        lines.append("No milestone started yet.")
    if s.study_minutes is not None:
        lines += ["", "## Study time", "", f"{s.study_minutes / 60:.1f} hours recorded in all, "
              f"{s.study_minutes_4w / 60:.1f} in the last four weeks."]
    lines += ["", "## Questions and blockers for my mentor", "",
              _quote(s.questions) if s.questions.strip() else "None this time.",
              "", "## Next goals", ""]
    if s.next_goals.strip():
        lines.append(_quote(s.next_goals))
    lines += ["", "Suggested by Cairn for the primary role:", ""]
    lines += [f"- {step}" for step in s.suggested_next] or ["- (nothing open)"]
    lines += ["", "## Readiness explained", ""]
    for role in s.roles:
        star = " (primary)" if role.role_id == s.primary_role else ""
        lines += [f"### {role.name}{star}: {role.score:.1f} / 100", "",
                  "| Skill area | Weight | Score | What counted |", "|---|---|---|---|"]
        lines += [f"| {a.name} | {a.weight}% | {a.score:.0f} | {a.details()} |"
                  for a in role.areas]
        lines.append("")
    if s.notes_included:
        lines += ["", "## Learning journal", ""]
        if s.notes:
            for note in s.notes:
                lines += [f"### Week {note.week} · {note.title}", "", _quote(note.body), ""]
        else:
            lines.append("No shared notes.")
    return "\n".join(lines).rstrip() + "\n"
