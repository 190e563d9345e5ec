"""The summary as one self-contained HTML file: inline CSS and inline SVG charts, nothing loaded
from anywhere, and every piece of learner or mentor text rendered from Markdown and sanitized
by nh3.

A mentor reads it top down: the title, the *At a glance* box (done, pace, study, readiness,
milestones by proof, questions, last activity), the charts, then the details. Long tables fold
into `<details>`; learner headings sit below the report's own (h4–h6).

`for_print=True` gives the variant Qt lays out for the PDF: Qt's rich-text engine has no inline
SVG, CSS grid or `<details>`, so the top box is a bordered table, charts are
`<img src="data:image/svg+xml;base64,…">` images, bars are table cells, everything is shown
unfolded, and only http(s) links are kept (a PDF link to anything else is refused by the
writer).

The top box's facts in words, the date format and the change marks come from `glance`, shared
with the Markdown report."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..markup import (
    LINK_SCHEMES,
    WEB_SCHEMES,
    escape,
    link_html,
    markdown_to_html,
)
from ..progress import STATUS_LABELS
from . import svg_charts
from .glance import (
    CHART_HEIGHT,
    CHART_WIDTH,
    NO_EVIDENCE,
    SELF_REPORTED,
    VERIFIED,
    Glance,
    change_text,
    chart_svgs,
    glance,
    period_text,
    proof_label,
    report_date,
    study_sentence,
)
from .summary import Summary

ACCENT = "#2f6fd0"
TRACK = "#e3e8f0"
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'"
)
FOLD_ROWS = 8  # a table longer than this folds into <details> (HTML only)
FOLD_AREAS = 3  # a role's skill-area table longer than this folds
FOLD_NOTES = 3  # a journal with more notes than this folds
HALF_CHART_WIDTH = 430  # two charts side by side in the HTML

STYLE = """
body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1d1d1f;
       max-width: 900px; margin: 1.2em auto; padding: 0 1em; line-height: 1.4;
       overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin: 0 0 0.1em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #d5dae3; padding-bottom: 0.2em;
     margin: 1.3em 0 0.5em; }
h3 { font-size: 1.02em; margin: 0.8em 0 0.3em; }
h4, h5, h6 { font-size: 1em; margin: 0.6em 0 0.2em; }
.meta { color: #5b616b; margin-top: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e9ef;
         vertical-align: top; }
th { background: #f3f5f8; }
tr { page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
.glance { border: 1px solid #b9c6da; border-radius: 8px; background: #f3f6fb;
          padding: 0.2em 1em 0.5em; margin: 0.8em 0 1em; }
.glance h2 { border: 0; margin: 0.4em 0 0.2em; }
.glance table { margin: 0; }
.glance th { background: none; width: 8.5em; font-weight: 600; color: #3d4450; }
.glance th, .glance td { border-bottom: 1px solid #dde4ee; padding: 3px 6px; }
.glance tr:last-child th, .glance tr:last-child td { border-bottom: 0; }
.up { color: #1f7a42; } .down { color: #b8352b; } .warn { color: #9a4a00; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.chart { flex: 1 1 400px; min-width: 0; }
.chart h3 { margin-top: 0.2em; }
svg { max-width: 100%; height: auto; }
details > summary { cursor: pointer; color: #2f6fd0; margin: 0.3em 0 0.5em; }
.journal { border-left: 3px solid #d5dae3; padding: 0.1em 0 0.1em 0.9em; margin: 0.4em 0 1em; }
.comment { border-left: 3px solid #b9c6da; padding-left: 0.6em; margin-top: 0.3em; }
.muted { color: #6e7179; }
@media (prefers-color-scheme: dark) {
  body { background: #17181a; color: #e6e6e6; }
  th { background: #23252a; } th, td { border-color: #33363c; }
  .meta, .muted { color: #9aa0aa; } a, details > summary { color: #7cb7ff; }
  .glance { background: #1e232b; border-color: #3d4757; }
  .glance th { color: #c5ccd6; } .glance th, .glance td { border-color: #333b47; }
  .up { color: #5cc27f; } .down { color: #ff7b70; } .warn { color: #f0a050; }
}
"""

PRINT_STYLE = """
body { color: #1d1d1f; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14pt; } h3 { font-size: 11pt; }
h4, h5, h6 { font-size: 9pt; }
.meta, .muted { color: #5b616b; }
th { background-color: #f3f5f8; }
th, td { padding: 3px 6px; }
td.bar { padding: 0; font-size: 4pt; }
.up { color: #1f7a42; } .down { color: #b8352b; } .warn { color: #9a4a00; }
"""


# --------------------------------------------------------------------------- words and dates


# --------------------------------------------------------------------------- HTML pieces


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
        f'<rect width="{width}" height="12" rx="3" fill="#8a8f98" fill-opacity="0.25"/>'
        f'<rect width="{inner:.1f}" height="12" rx="3" fill="{ACCENT}"/></svg>'
    )


_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def _demote(match: re.Match[str]) -> str:
    """A learner heading three levels down (h1 → h4, h2 → h5, h3 and below → h6)."""
    return f"<{match.group(1)}h{min(int(match.group(2)) + 3, 6)}>"


def _learner(text: str, schemes: Collection[str], *, empty: str = "None this time.") -> str:
    """Learner (or mentor) Markdown as sanitized HTML with its headings below the report's
    own (h4–h6), or a muted `empty` line."""
    if not text.strip():
        return f'<p class="muted">{empty}</p>' if empty else ""
    return _HEADING_TAG.sub(_demote, markdown_to_html(text, schemes=schemes))


def _change_html(text: str) -> str:
    """A change mark in the colour of its direction."""
    if text.startswith("▲"):
        return f'<span class="up">{escape(text)}</span>'
    if text.startswith("▼"):
        return f'<span class="down">{escape(text)}</span>'
    return f'<span class="muted">{escape(text)}</span>'


def _fold(body: str, label: str, rows: int, *, for_print: bool, limit: int = FOLD_ROWS) -> str:
    """`body` folded under `label` in the HTML when it holds more than `limit` rows; the
    print variant always shows everything."""
    if for_print or rows <= limit:
        return body
    return f"<details><summary>{escape(label)}</summary>{body}</details>"


def _glance_rows(g: Glance, remembered: str) -> list[tuple[str, str]]:
    """(label, value HTML) for each line of the top box (`remembered`: the practice line,
    beside readiness)."""
    done = f"<b>{escape(g.done)}</b>"
    if g.done_change:
        done += " · " + (
            _change_html(g.done_change)
            if g.done_change[0] in "▲▼"
            else f'<span class="muted">{escape(g.done_change)}</span>'
        )
    pace = f"<b>{escape(g.pace)}</b>"
    if g.pace_finish:
        pace += f" · {escape(g.pace_finish)}"
    pace += f'<br><span class="meta">{escape(g.pace_detail)}</span>'
    roles = (
        "<br>".join(
            f"{escape(r.name)}{' ★' if r.primary else ''}: <b>{r.score:.1f}</b> "
            + _change_html(change_text(r.change))
            for r in g.roles
        )
        or '<span class="muted">No target role chosen</span>'
    )
    milestones = escape(g.milestones)
    if g.no_evidence:
        milestones += (
            '<br><span class="warn">⚠ Done without evidence: '
            f"{escape(', '.join(g.no_evidence))}</span>"
        )
    if g.questions:
        questions = "<br>".join(escape(line) for line in g.questions)
        if g.more_questions:
            questions += (
                f'<br><span class="muted">… {g.more_questions} more '
                f"{'line' if g.more_questions == 1 else 'lines'} below</span>"
            )
    else:
        questions = '<span class="muted">No questions this time</span>'
    return [
        ("Done", done),
        ("Pace", pace),
        ("Study", escape(g.study)),
        ("Readiness", roles),
        ("Remembered", escape(remembered)),
        ("Milestones", milestones),
        ("Questions", questions),
        ("Last activity", escape(g.last_activity)),
    ]


def _glance_html(s: Summary, *, for_print: bool) -> list[str]:
    rows = _glance_rows(glance(s), s.practice.glance_words())
    if for_print:
        return [
            "<h2>At a glance</h2>",
            '<table class="glance" width="100%" border="1" cellspacing="0" cellpadding="5" '
            'bgcolor="#f3f6fb" style="border-color: #b9c6da; border-style: solid; '
            'border-collapse: collapse">',
            *[
                f'<tr><td width="20%" bgcolor="#e6ecf5"><b>{label}</b></td><td>{value}</td></tr>'
                for label, value in rows
            ],
            "</table>",
        ]
    return [
        '<section class="glance" aria-labelledby="glance">',
        '<h2 id="glance">At a glance</h2>',
        "<table>",
        *[f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows],
        "</table></section>",
    ]


def _svg_size(svg: str) -> tuple[int, int]:
    """The width and height written on an SVG's root element."""
    found = re.search(r'<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"', svg)
    return (int(found.group(1)), int(found.group(2))) if found else (CHART_WIDTH, CHART_HEIGHT)


def _chart(svg: str, *, for_print: bool, heading: str = "") -> str:
    """A chart under its `heading` (HTML): inline SVG in the HTML; for the PDF a data-URI
    image of the same SVG, held with its heading in one table cell, so a page never ends
    between the two (the PDF writer moves a table row whole to the next page)."""
    if not for_print:
        return heading + svg
    width, height = _svg_size(svg)
    image = f'<img src="{svg_charts.data_uri(svg)}" width="{width}" height="{height}">'
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-style: none">'
        f"<tr><td>{heading}<p>{image}</p></td></tr></table>"
    )


def _charts_html(hours: str, burn: str, *, for_print: bool) -> list[str]:
    figures = [("Study hours per week", hours), ("Path done against the plan", burn)]
    out = ["<h2>Progress against the plan</h2>"]
    if for_print:
        return out + [_chart(svg, for_print=True, heading=f"<h3>{t}</h3>") for t, svg in figures]
    out.append('<div class="charts">')
    out += [f'<div class="chart"><h3>{title}</h3>{svg}</div>' for title, svg in figures]
    out.append("</div>")
    return out


def _readiness_html(s: Summary, roles: str, *, for_print: bool) -> list[str]:
    since = (
        f"since the last report ({report_date(s.last_sent.at)})"
        if s.last_sent
        else "(no earlier report marked as sent)"
    )
    return [
        _chart(roles, for_print=for_print, heading="<h2>Readiness by role</h2>"),
        f'<p class="meta">Scores out of 100, ★ the primary role; ▲/▼ points {escape(since)}. '
        "Each role scores from its weighted skill areas: only finished work counts, and a "
        "milestone counts fully only with an evidence link or a mentor's verification.</p>",
    ]


OWN_CARDS_SHOWN = 20  # the learner's own cards listed for the mentor (the newest)


def _remembered_html(s: Summary, *, for_print: bool) -> list[str]:
    """Retention per skill area beside readiness (in its section, never inside its scores),
    the reviews, and the cards the learner wrote (their text escaped: it shows as typed,
    never as markup)."""
    p = s.practice
    out = ["<h3>Remembered</h3>"]
    if not p.any:
        return [*out, '<p class="muted">No practice cards reviewed yet.</p>']
    out.append(
        '<p class="meta">The chance that the learner recalls a card of finished work today '
        "(FSRS), averaged over the cards of each skill area they reviewed; readiness does not "
        "count it.</p>"
    )
    table = "".join(
        [
            '<table><tr><th>Skill area</th><th class="num">Remembered</th>'
            '<th class="num">Cards reviewed</th><th>In words</th></tr>',
            *[
                f"<tr><td>{escape(line.name)}</td>"
                f'<td class="num">{"—" if line.percent is None else f"{line.percent} %"}</td>'
                f'<td class="num">{line.cards}</td><td>{escape(p.area_words(line))}</td></tr>'
                for line in p.retention
            ],
            "</table>",
        ]
    )
    count = len(p.retention)
    label = f"{count} skill areas — show what is remembered"
    out += [
        _fold(table, label, count, for_print=for_print),
        f"<p>Reviews: {escape(p.reviews_words())}</p>",
    ]
    if p.own_cards:
        shown = p.own_cards[-OWN_CARDS_SHOWN:]
        items = [
            f"<li><b>{escape(card.item_title)}</b>: {escape(card.prompt)}</li>" for card in shown
        ]
        if len(p.own_cards) > len(shown):
            items.append(f"<li>… and {len(p.own_cards) - len(shown)} more</li>")
        out += ["<p><b>Cards the learner wrote:</b></p>", "<ul>", *items, "</ul>"]
    return out


def _overall_html(s: Summary, *, for_print: bool) -> list[str]:
    out = [
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
    return out


def _completed_html(s: Summary, *, for_print: bool) -> list[str]:
    out = ["<h2>Completed in this period</h2>"]
    if not s.completed:
        return [*out, '<p class="muted">Nothing was marked done in this period.</p>']
    table = "".join(
        [
            '<table><tr><th>Date</th><th class="num">Week</th><th>Kind</th><th>Item</th></tr>',
            *[
                f'<tr><td>{report_date(c.at)}</td><td class="num">{c.week}</td>'
                f"<td>{escape(c.kind)}</td><td>{escape(c.title)}</td></tr>"
                for c in s.completed
            ],
            "</table>",
        ]
    )
    count = len(s.completed)
    label = f"{count} {'item' if count == 1 else 'items'} finished — show the list"
    return [*out, _fold(table, label, count, for_print=for_print)]


def _milestones_html(s: Summary, schemes: Collection[str], *, for_print: bool) -> list[str]:
    out = ["<h2>Project milestones</h2>"]
    if not s.milestones:
        return [*out, '<p class="muted">No milestone started yet.</p>']
    rows = [
        '<table><tr><th width="50%">Milestone</th><th width="14%">Status</th><th>Evidence</th></tr>'
    ]
    for ms in s.milestones:
        proof = "<br>".join(link_html(url, schemes=WEB_SCHEMES) for url in ms.evidence) or "—"
        label = proof_label(ms)
        marker = {VERIFIED: "up", SELF_REPORTED: "muted", NO_EVIDENCE: "warn"}[label]
        comments = "".join(
            f'<div class="comment"><b>Mentor:</b> {_learner(body, schemes, empty="")}</div>'
            for body in ms.comments
        )
        rows.append(
            f"<tr><td><b>{escape(ms.title)}</b><br>"
            f'<span class="meta">{escape(ms.project)} · done when: '
            f"{escape(ms.done_when)}</span>{comments}</td>"
            f"<td>{STATUS_LABELS[ms.status]}<br>"
            f'<span class="{marker}">{label}</span></td>'
            f"<td>{proof}</td></tr>"
        )
    rows.append("</table>")
    count = len(s.milestones)
    label = f"{count} milestones started or finished — show the table"
    return [*out, _fold("".join(rows), label, count, for_print=for_print)]


def _study_html(s: Summary) -> list[str]:
    muted = ' class="muted"' if s.study_minutes is None else ""
    return ["<h2>Study time</h2>", f"<p{muted}>{escape(study_sentence(s))}</p>"]


def _next_html(s: Summary, schemes: Collection[str]) -> list[str]:
    return [
        "<h2>Questions and blockers for my mentor</h2>",
        _learner(s.questions, schemes),
        "<h2>Next goals</h2>",
        _learner(s.next_goals, schemes, empty=""),
        '<p class="meta">Suggested by Cairn for the primary role:</p><ul>',
        *([f"<li>{escape(step)}</li>" for step in s.suggested_next] or ["<li>—</li>"]),
        "</ul>",
    ]


def _explained_html(s: Summary, *, for_print: bool) -> list[str]:
    out = ["<h2>Readiness explained</h2>"]
    for role in s.roles:
        out.append(f"<h3>{escape(role.name)}: {role.score:.1f} / 100</h3>")
        table = "".join(
            [
                '<table><tr><th>Skill area</th><th class="num">Weight</th>'
                '<th class="num">Score</th><th>What counted</th></tr>',
                *[
                    f'<tr><td>{escape(a.name)}</td><td class="num">{a.weight}%</td>'
                    f'<td class="num">{a.score:.0f}</td><td>{escape(a.details())}</td></tr>'
                    for a in role.areas
                ],
                "</table>",
            ]
        )
        count = len(role.areas)
        label = f"{count} skill areas — show what counted"
        out.append(_fold(table, label, count, for_print=for_print, limit=FOLD_AREAS))
    return out


def _journal_html(s: Summary, schemes: Collection[str], *, for_print: bool) -> list[str]:
    if not s.notes_included:
        return []
    out = ["<h2>Learning journal</h2>"]
    if not s.notes:
        return [*out, '<p class="muted">No shared notes.</p>']
    body = "".join(
        f"<h3>Week {note.week} · {escape(note.title)}</h3>"
        f'<div class="journal">{_learner(note.body, schemes)}</div>'
        for note in s.notes
    )
    if for_print or len(s.notes) <= FOLD_NOTES:
        return [*out, body]
    return [
        *out,
        f"<details><summary>{len(s.notes)} shared notes — show them</summary>{body}</details>",
    ]


def _mentor_notes_html(s: Summary, schemes: Collection[str]) -> list[str]:
    if not s.mentor_notes:
        return []
    return [
        "<h2>Notes from my mentor</h2>",
        *[f'<div class="journal">{_learner(note, schemes)}</div>' for note in s.mentor_notes],
    ]


def _head(s: Summary, *, for_print: bool) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Progress summary: {escape(s.learner)}</title>",
        f"<style>{PRINT_STYLE if for_print else STYLE}</style></head><body>",
        f"<h1>Progress summary: {escape(s.learner)}</h1>",
        f'<p class="meta">Period: {escape(period_text(s))} · Curriculum: '
        f"{escape(s.curriculum)}</p>",
    ]


def render_html(summary: Summary, *, for_print: bool = False) -> str:
    """The whole report as a standalone HTML document."""
    s = summary
    schemes = WEB_SCHEMES if for_print else LINK_SCHEMES
    hours, burn, roles = chart_svgs(s, width=CHART_WIDTH if for_print else HALF_CHART_WIDTH)
    sections: Sequence[list[str]] = (
        _head(s, for_print=for_print),
        _glance_html(s, for_print=for_print),
        _charts_html(hours, burn, for_print=for_print),
        _readiness_html(s, roles, for_print=for_print),
        _remembered_html(s, for_print=for_print),
        _overall_html(s, for_print=for_print),
        _completed_html(s, for_print=for_print),
        _milestones_html(s, schemes, for_print=for_print),
        _study_html(s),
        _next_html(s, schemes),
        _explained_html(s, for_print=for_print),
        _journal_html(s, schemes, for_print=for_print),
        _mentor_notes_html(s, schemes),
    )
    out = [line for section in sections for line in section]
    out.append(
        '<p class="meta">Made with Cairn, offline. This file loads nothing from the '
        "network.</p></body></html>"
    )
    return "\n".join(out)


__all__ = ["render_html"]
