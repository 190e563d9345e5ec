"""The summary as one self-contained HTML file: inline CSS, charts drawn inline, nothing loaded
from anywhere, and every piece of learner text rendered from Markdown and sanitized by nh3.

`for_print=True` gives the variant Qt lays out for the PDF: Qt's rich-text engine has no SVG
or modern CSS, so its bars are table cells, and only http(s) links are kept (a PDF link to
anything else is refused by the writer)."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..markup import (
    LINK_SCHEMES,
    WEB_SCHEMES,
    escape,
    link_html,
    markdown_to_html,
)
from ..progress import STATUS_LABELS
from .summary import Summary

ACCENT = "#2f6fd0"
TRACK = "#e3e8f0"
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'"
)

STYLE = """
body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1d1d1f;
       max-width: 900px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.1em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #d5dae3; padding-bottom: 0.2em;
     margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.meta { color: #5b616b; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e9ef;
         vertical-align: top; }
th { background: #f3f5f8; }
tr { page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
.journal { border-left: 3px solid #d5dae3; padding: 0.1em 0 0.1em 0.9em; margin: 0.4em 0 1em; }
.muted { color: #6e7179; }
@media (prefers-color-scheme: dark) {
  body { background: #17181a; color: #e6e6e6; }
  th { background: #23252a; } th, td { border-color: #33363c; }
  .meta, .muted { color: #9aa0aa; } a { color: #7cb7ff; }
}
"""


def _bar(percent: float, *, for_print: bool, width: int = 220) -> str:
    percent = max(0.0, min(100.0, percent))
    if for_print:
        filled = max(1, round(percent))
        rest = 100 - filled if percent < 100 else 0
        colour = ACCENT if percent else TRACK
        cells = f'<td class="bar" width="{filled}%" bgcolor="{colour}"></td>'
        if rest:
            cells += f'<td class="bar" width="{rest}%" bgcolor="{TRACK}"></td>'
        return (
            f'<table class="bar" width="100%" height="9" cellspacing="0" cellpadding="0">'
            f"<tr>{cells}</tr></table>"
        )
    inner = width * percent / 100
    return (
        f'<svg width="{width}" height="12" role="img" aria-label="{percent:.0f}%">'
        f'<rect width="{width}" height="12" rx="3" fill="{TRACK}"/>'
        f'<rect width="{inner:.1f}" height="12" rx="3" fill="{ACCENT}"/></svg>'
    )


def _learner(text: str, schemes: Collection[str], *, empty: str = "None this time.") -> str:
    """Learner Markdown as sanitized HTML with its headings below the report's own (h4), or
    a muted `empty` line."""
    if not text.strip():
        return f'<p class="muted">{empty}</p>' if empty else ""
    return re.sub(r"<(/?)h[1-6]>", r"<\1h4>", markdown_to_html(text, schemes=schemes))


PRINT_STYLE = """
body { color: #1d1d1f; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14pt; } h3 { font-size: 11pt; }
.meta, .muted { color: #5b616b; }
th { background-color: #f3f5f8; }
th, td { padding: 3px 6px; }
td.bar { padding: 0; font-size: 4pt; }
"""


def render_html(summary: Summary, *, for_print: bool = False) -> str:
    """The whole report as a standalone HTML document."""
    s = summary
    schemes = WEB_SCHEMES if for_print else LINK_SCHEMES
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Progress summary: {escape(s.learner)}</title>",
        f"<style>{PRINT_STYLE if for_print else STYLE}</style></head><body>",
        f"<h1>Progress summary: {escape(s.learner)}</h1>",
        f'<p class="meta">Period: {escape(s.period)} · Curriculum: {escape(s.curriculum)}</p>',
        "<h2>Overall</h2>",
        f"<p><b>{s.overall.done} of {s.overall.total} items and milestones done "
        f"({s.overall.percent:g}%)</b>"
        + (
            f", {s.overall.skipped} skipped (skipped work is not counted as progress)"
            if s.overall.skipped
            else ""
        )
        + "</p>",
        *[f"<p>Elective — {escape(line)}</p>" for line in s.electives],
        '<table><tr><th>Month</th><th>Theme</th><th>Done</th><th width="40%">Progress</th></tr>',
    ]
    for m in s.months:
        out.append(
            f"<tr><td>{m.number}</td><td>{escape(m.title)}</td>"
            f'<td class="num">{m.progress.done} of {m.progress.total}</td>'
            f"<td>{_bar(m.progress.percent, for_print=for_print)}</td></tr>"
        )
    out.append("</table>")

    out.append("<h2>Readiness by role</h2>")
    out.append(
        '<p class="meta">Each role scores 0–100 from its weighted skill areas: only '
        "finished work counts, and a milestone counts fully only with an evidence "
        "link.</p>"
    )
    out.append(
        '<table><tr><th>Role</th><th class="num">Score</th><th width="40%">Readiness</th></tr>'
    )
    for role in s.roles:
        star = " ★ primary" if role.role_id == s.primary_role else ""
        out.append(
            f"<tr><td>{escape(role.name)}{star}</td>"
            f'<td class="num">{role.score:.1f}</td>'
            f"<td>{_bar(role.score, for_print=for_print)}</td></tr>"
        )
    out.append("</table>")
    out.append("<h2>Completed in this period</h2>")
    if s.completed:
        out.append(
            '<table><tr><th>Date</th><th class="num">Week</th><th>Kind</th><th>Item</th></tr>'
        )
        out += [
            f'<tr><td>{c.at:%d %b %Y}</td><td class="num">{c.week}</td>'
            f"<td>{escape(c.kind)}</td><td>{escape(c.title)}</td></tr>"
            for c in s.completed
        ]
        out.append("</table>")
    else:
        out.append('<p class="muted">Nothing was marked done in this period.</p>')

    out.append("<h2>Project milestones</h2>")
    if s.milestones:
        out.append("<table><tr><th>Milestone</th><th>Status</th><th>Evidence</th></tr>")
        for ms in s.milestones:
            proof = "<br>".join(link_html(url, schemes=WEB_SCHEMES) for url in ms.evidence)
            proof = proof or '<span class="muted">no evidence yet</span>'
            out.append(
                f"<tr><td><b>{escape(ms.title)}</b><br>"
                f'<span class="meta">{escape(ms.project)} · done when: '
                f"{escape(ms.done_when)}</span></td>"
                f"<td>{STATUS_LABELS[ms.status]}</td>"
                f"<td>{proof}</td>"
                "</tr>"
            )
        out.append("</table>")
    else:
        out.append('<p class="muted">No milestone started yet.</p>')

    if s.study_minutes is not None:
        out.append(
            f"<h2>Study time</h2><p>{s.study_minutes / 60:.1f} hours recorded in all, "
            f"{s.study_minutes_4w / 60:.1f} in the last four weeks.</p>"
        )

    out.append("<h2>Questions and blockers for my mentor</h2>")
    out.append(_learner(s.questions, schemes))
    out.append("<h2>Next goals</h2>")
    out.append(_learner(s.next_goals, schemes, empty=""))
    out.append('<p class="meta">Suggested by Cairn for the primary role:</p><ul>')
    out += [f"<li>{escape(step)}</li>" for step in s.suggested_next] or ["<li>—</li>"]
    out.append("</ul>")

    out.append("<h2>Readiness explained</h2>")
    for role in s.roles:
        out.append(f"<h3>{escape(role.name)}: {role.score:.1f} / 100</h3>")
        out.append(
            '<table><tr><th>Skill area</th><th class="num">Weight</th>'
            '<th class="num">Score</th><th>What counted</th></tr>'
        )
        for a in role.areas:
            out.append(
                f'<tr><td>{escape(a.name)}</td><td class="num">{a.weight}%</td>'
                f'<td class="num">{a.score:.0f}</td><td>{escape(a.details())}</td>'
                "</tr>"
            )
        out.append("</table>")

    if s.notes_included:
        out.append("<h2>Learning journal</h2>")
        if not s.notes:
            out.append('<p class="muted">No shared notes.</p>')
        for note in s.notes:
            out.append(f"<h3>Week {note.week} · {escape(note.title)}</h3>")
            out.append(f'<div class="journal">{_learner(note.body, schemes)}</div>')
    out.append(
        '<p class="meta">Made with Cairn, offline. This file loads nothing from the '
        "network.</p></body></html>"
    )
    return "\n".join(out)
