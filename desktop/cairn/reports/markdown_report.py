"""The summary as Markdown: readable as plain text, pasteable into an issue or an email.

Nothing learner- or pack-written can become active when a Markdown viewer renders the file:
HTML tags and entities are escaped, links survive only as http(s) autolinks (`<https://…>`),
images become their description, bidi-override and control characters are dropped, and a
learner's heading inside a note becomes a bold line (the report's own headings stay its
outline)."""

from __future__ import annotations

import re

from ..markup import WEB_SCHEMES, safe_href, strip_controls
from ..progress import STATUS_LABELS, Progress
from .summary import Summary

_TEXT_ESCAPES = str.maketrans(
    {"\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "\\`", "[": "\\[", "]": "\\]"}
)
_CELL_ESCAPES = str.maketrans({"|": "\\|"})
_LINE_START = re.compile(r"^([#=+-]|\d+[.)])")
# [label](target "title"), ![alt](target), <scheme:target>
_LINK = re.compile(
    r"(?P<image>!?)\[(?P<label>[^\[\]\n]*)\]\(\s*<?(?P<url>[^\s<>()]*"
    r"(?:\([^\s<>()]*\)[^\s<>()]*)*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>"
)
# quote markers and list bullets that may lead a line (kept, so lists and quotes still read)
_QUOTE_MARKERS = re.compile(r"^(?:[ ]{0,3}>[ ]?|[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)*")
_HEADING = re.compile(r"^[ ]{0,3}#+(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")


def _bar(progress: Progress | float, width: int = 20) -> str:
    percent = progress.percent if isinstance(progress, Progress) else progress
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _escape(text: str) -> str:
    """Text with no HTML, entity, code, link or image syntax left (emphasis stays)."""
    return strip_controls(text).translate(_TEXT_ESCAPES)


def inline(text: str) -> str:
    """One learner or pack string for a line or a table cell: escaped, on one line, and
    unable to start a heading, list or quote."""
    flat = " ".join(strip_controls(text).split())
    return _LINE_START.sub(r"\\\1", _escape(flat).translate(_CELL_ESCAPES))


def autolink(url: str) -> str | None:
    """`<https://…>` for an absolute http(s) address (percent-encoded), else None."""
    href = safe_href(url, WEB_SCHEMES)
    return f"<{href}>" if href else None


def _link(match: re.Match[str]) -> str:
    """A Markdown link, image or autolink made inert: http(s) targets as autolinks only."""
    if match.group("auto") is not None:
        return autolink(match.group("auto")) or _escape(match.group(0))
    label, target = _escape(match.group("label")), autolink(match.group("url"))
    if match.group("image"):
        return f"{label} (image not shown{': ' + target if target else ''})"
    if target is None:
        return label
    return target if match.group("label").strip() == match.group("url") else f"{label} ({target})"


def _learner_line(line: str) -> str:
    """One line of learner Markdown with its quote markers and lists kept, headings made bold
    and everything active escaped."""
    markers = _QUOTE_MARKERS.match(line)
    prefix = markers.group(0) if markers else ""
    rest = line[len(prefix) :]
    heading = _HEADING.match(rest)
    if heading:
        text = (heading.group("text") or "").strip()
        return f"{prefix}**{inline(text)}**" if text else prefix
    if _UNDERLINE.match(rest) or rest.lstrip().startswith("#"):  # setext line, "#tag"
        rest = rest.lstrip()
        prefix += "\\"
    pieces, start = [], 0
    for match in _LINK.finditer(rest):
        pieces += [_escape(rest[start : match.start()]), _link(match)]
        start = match.end()
    pieces.append(_escape(rest[start:]))
    return prefix + "".join(pieces)


def _quote(text: str) -> str:
    """Learner Markdown as a quote block, every line made inert."""
    lines = [_learner_line(line) for line in strip_controls(text).strip().splitlines()]
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def render_markdown(summary: Summary) -> str:
    """The whole report as Markdown (the learner's notes are quoted as they wrote them, made
    inert)."""
    s = summary
    lines = [
        f"# Progress summary: {inline(s.learner)}",
        "",
        f"Period: {inline(s.period)} · Curriculum: {inline(s.curriculum)}",
        "",
        "## Overall",
        "",
        f"`{_bar(s.overall)}` **{s.overall.done} of {s.overall.total} done "
        f"({s.overall.percent:g}%)**"
        + (f", {s.overall.skipped} skipped" if s.overall.skipped else ""),
        "",
        *[f"Elective — {inline(line)}" for line in s.electives],
        *([""] if s.electives else []),
        "| Month | Theme | Done | Progress |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {m.number} | {inline(m.title)} | {m.progress.done} of {m.progress.total} | "
        f"{m.progress.percent:g}% |"
        for m in s.months
    ]
    lines += ["", "## Readiness by role", "", "| Role | Score |", "|---|---|"]
    lines += [
        f"| {inline(role.name)}{' (primary)' if role.role_id == s.primary_role else ''} | "
        f"{role.score:.1f} |"
        for role in s.roles
    ]
    lines.append("")
    lines += ["## Completed in this period", ""]
    if s.completed:
        lines += [
            f"- {c.at:%d %b} · week {c.week} · {inline(c.kind)}: {inline(c.title)}"
            for c in s.completed
        ]
    else:
        lines.append("Nothing was marked done in this period.")
    lines += ["", "## Project milestones", ""]
    if s.milestones:
        for m in s.milestones:
            proof = (
                ", ".join(
                    autolink(url) or f"{inline(url)} (not a web address)" for url in m.evidence
                )
                or "no evidence yet"
            )
            lines.append(
                f"- **{inline(m.title)}** ({inline(m.project)}) — "
                f"{STATUS_LABELS[m.status]}; evidence: {proof}"
            )
    else:
        lines.append("No milestone started yet.")
    if s.study_minutes is not None:
        lines += [
            "",
            "## Study time",
            "",
            f"{s.study_minutes / 60:.1f} hours recorded in all, "
            f"{s.study_minutes_4w / 60:.1f} in the last four weeks.",
        ]
    lines += [
        "",
        "## Questions and blockers for my mentor",
        "",
        _quote(s.questions) if s.questions.strip() else "None this time.",
        "",
        "## Next goals",
        "",
    ]
    if s.next_goals.strip():
        lines.append(_quote(s.next_goals))
    lines += ["", "Suggested by Cairn for the primary role:", ""]
    lines += [f"- {inline(step)}" for step in s.suggested_next] or ["- (nothing open)"]
    lines += ["", "## Readiness explained", ""]
    for role in s.roles:
        star = " (primary)" if role.role_id == s.primary_role else ""
        lines += [
            f"### {inline(role.name)}{star}: {role.score:.1f} / 100",
            "",
            "| Skill area | Weight | Score | What counted |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {inline(a.name)} | {a.weight}% | {a.score:.0f} | {inline(a.details())} |"
            for a in role.areas
        ]
        lines.append("")
    if s.notes_included:
        lines += ["", "## Learning journal", ""]
        if s.notes:
            for note in s.notes:
                lines += [f"### Week {note.week} · {inline(note.title)}", "", _quote(note.body), ""]
        else:
            lines.append("No shared notes.")
    return "\n".join(lines).rstrip() + "\n"
