"""The summary as Markdown: readable as plain text, pasteable into an issue or an email.

Nothing learner- or pack-written can become active when a Markdown viewer renders the file:
HTML tags and entities are escaped, links survive only as http(s) autolinks (`<https://…>`),
images become their description, bidi-override and control characters are dropped, and a
learner's heading (ATX or Setext, in a quote or a list too) sits three levels below the
report's own (`#` → `####`, `##` → `#####`, deeper → `######`): the report's `#`, `##` and
`###` stay its outline.

The report opens with the same *At a glance* facts as the HTML (`glance.glance`) and gives
the charts as a small table of the last weeks."""

from __future__ import annotations

import re

from ..markup import WEB_SCHEMES, safe_href, strip_controls
from ..progress import STATUS_LABELS, Progress
from .glance import (
    change_text,
    glance,
    period_text,
    proof_label,
    report_date,
    role_change,
    study_sentence,
)
from .summary import Summary, burn_up_points, weekly_points

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
_HEADING = re.compile(r"^[ ]{0,3}(?P<hashes>#+)(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_LIST_MARKER = re.compile(r"[-+*]|\d[.)]")
TABLE_WEEKS = 8  # weeks in the text table that stands in for the charts
HEADING_SHIFT = 3  # a learner's `#` becomes `####`
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


def _heading(prefix: str, text: str, level: int) -> str:
    """A learner heading of `level` (1 for `#`), three levels below the report's own."""
    text = text.strip()
    if not text:
        return prefix.rstrip()
    return f"{prefix}{'#' * min(level + HEADING_SHIFT, 6)} {inline(text)}"


def _split(line: str) -> tuple[str, str]:
    """A line's leading quote markers and list bullets, and the rest."""
    markers = _QUOTE_MARKERS.match(line)
    prefix = markers.group(0) if markers else ""
    return prefix, line[len(prefix) :]


def _learner_line(line: str) -> str:
    """One line of learner Markdown with its quote markers and lists kept, headings demoted
    and everything active escaped."""
    prefix, rest = _split(line)
    heading = _HEADING.match(rest)
    if heading:
        return _heading(prefix, heading.group("text") or "", len(heading.group("hashes")))
    if _UNDERLINE.match(rest) or rest.lstrip().startswith("#"):  # a lone rule line, "#tag"
        rest = rest.lstrip()
        prefix += "\\"
    pieces, start = [], 0
    for match in _LINK.finditer(rest):
        pieces += [_escape(rest[start : match.start()]), _link(match)]
        start = match.end()
    pieces.append(_escape(rest[start:]))
    return prefix + "".join(pieces)


def _paragraph_line(prefix: str, rest: str) -> bool:
    """True for a line of plain paragraph text (one a Setext underline would make a heading)
    in a quote or at the top, not in a list item."""
    return bool(
        rest.strip()
        and not _LIST_MARKER.search(prefix)
        and not _HEADING.match(rest)
        and not _UNDERLINE.match(rest)
        and not rest.startswith(("    ", "\t"))
        and not rest.lstrip().startswith(("```", "~~~"))
    )


def _learner_lines(text: str) -> list[str]:
    """Learner Markdown line by line, made inert; a Setext heading (a line underlined with
    `===` or `---`) becomes a demoted ATX heading like any other."""
    out: list[str] = []
    previous: tuple[str, str] | None = None  # the last line, when it is paragraph text
    for line in strip_controls(text).strip().splitlines():
        prefix, rest = _split(line)
        underline = _UNDERLINE.match(rest)
        if underline and previous is not None and previous[0] == prefix:
            out[-1] = _heading(prefix, previous[1], 1 if "=" in underline.group(1) else 2)
            previous = None
            continue
        out.append(_learner_line(line))
        previous = (prefix, rest) if _paragraph_line(prefix, rest) else None
    return out


def _quote(text: str, indent: str = "") -> str:
    """Learner (or mentor) Markdown as a quote block, every line made inert."""
    return "\n".join(
        f"{indent}> {line}" if line.strip() else f"{indent}>" for line in _learner_lines(text)
    )


# --------------------------------------------------------------------------- sections


def _glance_lines(s: Summary) -> list[str]:
    g = glance(s)
    done = g.done + (f" · {g.done_change}" if g.done_change else "")
    pace = f"**{g.pace}**" + (f" · {g.pace_finish}" if g.pace_finish else "")
    roles = " · ".join(
        f"{inline(r.name)}{' ★' if r.primary else ''} **{r.score:.1f}** {change_text(r.change)}"
        for r in g.roles
    )
    lines = [
        "## At a glance",
        "",
        f"- **Done:** {done}",
        f"- **Pace:** {pace}. {g.pace_detail}",
        f"- **Study:** {g.study}",
        f"- **Readiness:** {roles or 'no target role chosen'}",
        f"- **Remembered:** {inline(s.practice.glance_words())}",
        f"- **Milestones:** {g.milestones}",
    ]
    if g.no_evidence:
        lines.append(f"  - ⚠ Done without evidence: {', '.join(inline(t) for t in g.no_evidence)}")
    if g.questions:
        more = (
            f" (… {g.more_questions} more {'line' if g.more_questions == 1 else 'lines'} below)"
            if g.more_questions
            else ""
        )
        lines.append(f"- **Questions:** {' / '.join(inline(q) for q in g.questions)}{more}")
    else:
        lines.append("- **Questions:** No questions this time")
    lines += [f"- **Last activity:** {g.last_activity}", ""]
    return lines


def _weeks_lines(s: Summary) -> list[str]:
    """The charts in words: the burn-up's last point, and the last weeks' hours and percent
    done against the plan."""
    lines = ["## Progress against the plan", ""]
    if s.history is None:
        return [*lines, "No weeks recorded yet.", ""]
    weeks = weekly_points(s.history)
    done, planned = burn_up_points(s.history, s.overall.total)
    if done:
        end, percent = done[-1]
        said = f"Path done: {percent:.1f} %"
        if planned is not None and len(planned) >= len(done):
            said += (
                f"; the plan expects {planned[len(done) - 1][1]:.1f} % by the end of this "
                f"plan week ({report_date(end)})"
            )
        lines += [said + ".", ""]
    lines += [
        "| Week of | Hours studied | Planned hours | Path done | Plan expects |",
        "|---|---|---|---|---|",
    ]
    plan_hours = f"{s.history.planned_weekly:g}" if s.history.planned_weekly else "—"
    rows = list(enumerate(weeks))[-TABLE_WEEKS:]
    for index, (monday, hours) in rows:
        done_percent = f"{done[index][1]:.1f} %" if index < len(done) else "—"
        plan_percent = (
            f"{planned[index][1]:.1f} %" if planned is not None and index < len(planned) else "—"
        )
        lines.append(
            f"| {report_date(monday)} | {hours:.1f} | {plan_hours} | {done_percent} | "
            f"{plan_percent} |"
        )
    return [*lines, ""]


def _readiness_lines(s: Summary) -> list[str]:
    since = (
        f"Since the last report ({report_date(s.last_sent.at)})"
        if s.last_sent
        else "Since the last report"
    )
    lines = ["## Readiness by role", "", f"| Role | Score | {since} |", "|---|---|---|"]
    lines += [
        f"| {inline(role.name)}{' (primary)' if role.role_id == s.primary_role else ''} | "
        f"{role.score:.1f} | {change_text(role_change(s, role.role_id))} |"
        for role in s.roles
    ]
    return [*lines, ""]


OWN_CARDS_SHOWN = 20  # the learner's own cards listed for the mentor (the newest)


def _remembered_lines(s: Summary) -> list[str]:
    """Retention per skill area beside readiness (in its section, never inside its scores),
    the reviews, and the cards the learner wrote (their text made inert)."""
    p = s.practice
    lines = ["### Remembered", ""]
    if not p.any:
        return [*lines, "No practice cards reviewed yet.", ""]
    lines += [
        "The chance that the learner recalls a card of finished work today (FSRS), averaged "
        "over the cards of each skill area they reviewed; readiness does not count it.",
        "",
        "| Skill area | Remembered | Cards reviewed | In words |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {inline(line.name)} | {'—' if line.percent is None else f'{line.percent} %'} | "
        f"{line.cards} | {inline(p.area_words(line))} |"
        for line in p.retention
    ]
    lines += ["", f"Reviews: {p.reviews_words()}", ""]
    if p.own_cards:
        shown = p.own_cards[-OWN_CARDS_SHOWN:]
        lines += ["**Cards the learner wrote:**", ""]
        lines += [f"- {inline(card.item_title)}: {inline(card.prompt)}" for card in shown]
        if len(p.own_cards) > len(shown):
            lines.append(f"- … and {len(p.own_cards) - len(shown)} more")
        lines.append("")
    return lines


def _overall_lines(s: Summary) -> list[str]:
    lines = [
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
    return [*lines, ""]


def _completed_lines(s: Summary) -> list[str]:
    lines = ["## Completed in this period", ""]
    if not s.completed:
        return [*lines, "Nothing was marked done in this period.", ""]
    lines += [
        f"- {report_date(c.at)} · week {c.week} · {inline(c.kind)}: {inline(c.title)}"
        for c in s.completed
    ]
    return [*lines, ""]


def _milestone_lines(s: Summary) -> list[str]:
    lines = ["## Project milestones", ""]
    if not s.milestones:
        return [*lines, "No milestone started yet.", ""]
    for m in s.milestones:
        proof = ", ".join(
            autolink(url) or f"{inline(url)} (not a web address)" for url in m.evidence
        )
        lines.append(
            f"- **{inline(m.title)}** ({inline(m.project)}) — {STATUS_LABELS[m.status]} · "
            f"{proof_label(m)}" + (f"; evidence: {proof}" if proof else "")
        )
        for comment in m.comments:
            lines += ["", "    > **Mentor:**", "    >", _quote(comment, indent="    "), ""]
    return [*lines, ""]


def _questions_lines(s: Summary) -> list[str]:
    lines = [
        "## Questions and blockers for my mentor",
        "",
        _quote(s.questions) if s.questions.strip() else "None this time.",
        "",
        "## Next goals",
        "",
    ]
    if s.next_goals.strip():
        lines += [_quote(s.next_goals), ""]
    lines += ["Suggested by Cairn for the primary role:", ""]
    lines += [f"- {inline(step)}" for step in s.suggested_next] or ["- (nothing open)"]
    return [*lines, ""]


def _explained_lines(s: Summary) -> list[str]:
    lines = ["## Readiness explained", ""]
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
    return lines


def _journal_lines(s: Summary) -> list[str]:
    if not s.notes_included:
        return []
    lines = ["## Learning journal", ""]
    if not s.notes:
        return [*lines, "No shared notes.", ""]
    for note in s.notes:
        lines += [f"### Week {note.week} · {inline(note.title)}", "", _quote(note.body), ""]
    return lines


def _mentor_notes_lines(s: Summary) -> list[str]:
    if not s.mentor_notes:
        return []
    lines = ["## Notes from my mentor", ""]
    for note in s.mentor_notes:
        lines += [_quote(note), ""]
    return lines


def render_markdown(summary: Summary) -> str:
    """The whole report as Markdown (learner and mentor text quoted as written, made
    inert)."""
    s = summary
    lines = [
        f"# Progress summary: {inline(s.learner)}",
        "",
        f"Period: {inline(period_text(s))} · Curriculum: {inline(s.curriculum)}",
        "",
        *_glance_lines(s),
        *_weeks_lines(s),
        *_readiness_lines(s),
        *_remembered_lines(s),
        *_overall_lines(s),
        *_completed_lines(s),
        *_milestone_lines(s),
        "## Study time",
        "",
        study_sentence(s),
        "",
        *_questions_lines(s),
        *_explained_lines(s),
        *_journal_lines(s),
        *_mentor_notes_lines(s),
    ]
    return "\n".join(lines).rstrip() + "\n"
