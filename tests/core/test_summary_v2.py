"""Summary v2: what a mentor reads in a minute. The top box (done, pace, study, readiness,
milestones by proof, questions, last activity), the three charts, learner headings kept below
the report's own, one date format, and hostile text inert in HTML, print HTML and Markdown."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from cairn.reports.export import render_text
from cairn.reports.html_report import render_html
from cairn.reports.markdown_report import render_markdown
from cairn.reports.summary import MilestoneCounts, Summary, build_summary
from cairn.tracker import Tracker
from clocks import EVENING, Clock

FORMATS = ("html", "pdf", "md")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
DATA_URI = "data:image/svg+xml;base64,"
# The small pack's estimated hours: items 1 + 2 + 2 + 0.5, milestones 2 + 2.
SMALL_PACK_HOURS = 9.5
REPORT_HEADINGS = {
    "At a glance",
    "Progress against the plan",
    "Readiness by role",
    "Overall",
    "Completed in this period",
    "Project milestones",
    "Study time",
    "Questions and blockers for my mentor",
    "Next goals",
    "Readiness explained",
    "Learning journal",
    "Notes from my mentor",
}
LEARNER_HEADINGS = (
    "# Urgent\n"
    "## Later\n"
    "### Deep down\n"
    "Setext one\n===\n"
    "\nSetext two\n---\n"
    "\n- # In a list\n"
    "\n> ## In a quote\n"
)
# (heading text, the level a report gives it: h4 for a learner's #, h5 for ##, h6 below)
DEMOTED = (
    ("Urgent", 4),
    ("Later", 5),
    ("Deep down", 6),
    ("Setext one", 4),
    ("Setext two", 5),
    ("In a list", 4),
    ("In a quote", 5),
)


class _Document(HTMLParser):
    """Every tag with its attributes, and every heading with its level and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self._heading: int | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = int(tag[1]), ""

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join(self._text.split())))
            self._heading = None


def _parse(html: str) -> _Document:
    document = _Document()
    document.feed(html)
    document.close()
    return document


def _as_html(text: str, fmt: str) -> str:
    """What a reader's viewer shows: the HTML itself, or the Markdown rendered."""
    return markdown.markdown(text, extensions=["tables"]) if fmt == "md" else text


def _glance(text: str, fmt: str) -> str:
    """The top box of a report, as text (tags removed)."""
    start = text.index("At a glance")
    end = text.index("Progress against the plan")
    return re.sub(r"<[^>]+>", " ", text[start:end]).replace("&#x27;", "'")


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def clock() -> Clock:
    return Clock(EVENING)  # 19:00 on Thursday 12 March 2026


@pytest.fixture
def learner(data_dir: Path, small_pack: Path, clock: Clock) -> Iterator[Tracker]:
    """A small-pack learner with work done, a milestone without evidence, study sessions and
    no plan."""
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.set_setting("learner_name", "Ada")
        t.set_target_roles("builder", ["explainer"])
        for item in ("write-hello", "read-guide", "demo-start", "demo-measure"):
            t.set_status(item, "done")  # 1 + 2 + 2 + 2 = 7 h of the 9.5 h; 4 of 6 done
        t.add_evidence("demo-start", "https://github.com/ada/demo")
        t.log_study("write-hello", 60, started_at=datetime(2026, 2, 1, 10))  # before the period
        t.log_study("read-guide", 60, started_at=datetime(2026, 2, 20, 10))  # period, not 14 days
        t.log_study("demo-start", 90, started_at=datetime(2026, 3, 10, 18))  # both
        yield t


def _sent(tracker: Tracker, overall: float, readiness: dict[str, float]) -> None:
    tracker.set_setting(
        "last_sent",
        {"at": "2026-02-15T00:00:00", "overall_percent": overall, "readiness": readiness},
    )


def _scores(tracker: Tracker) -> dict[str, float]:
    model = tracker.snapshot().readiness()
    return {role: model.role(role).score for role in ("builder", "explainer")}


# ---- the top box ----------------------------------------------------------------------------


def test_the_top_box_holds_every_fact_with_its_number(learner: Tracker) -> None:
    learner.set_plan(date(2026, 2, 12), 3)  # 28 days before: 12 h expected, capped at 9.5
    scores = _scores(learner)
    _sent(learner, 26.7, {"builder": scores["builder"] - 4.5, "explainer": scores["explainer"] + 2})
    learner.set_setting("mentor_questions", "## Stuck\nIs **pytest** enough?\nAnd *mypy*?\nMore?")
    for fmt in FORMATS:
        box = _words(_glance(render_text(learner.snapshot(), fmt), fmt))
        # 4 of 6 done = 66.7 %, 40.0 points above the 26.7 % sent on 15 Feb
        assert "66.7 % of the path (4 of 6)" in box, (fmt, box)
        assert "▲ 40.0 points since the last report" in box, fmt
        # done 7 h, expected 9.5 h: behind by 2.5 h (more than half a week's 3 h);
        # 7 h over 4 weeks = 1.75 h a week, 2.5 h left: 10 days → 22 Mar; the plan's
        # 9.5 h at 3 h a week take 22 days from 12 Feb → 6 Mar
        assert "Behind by 2.5 h" in box, (fmt, box)
        assert "forecast finish 22 Mar 2026" in box and "planned finish 6 Mar 2026" in box
        # the period runs from 15 Feb: 60 + 90 minutes; 25 days = 3.57 weeks → 0.7 h a week;
        # the last 14 days (from 26 Feb, 19:00) hold the 90 minutes only
        assert "2.5 h this period (0.7 h a week)" in box, (fmt, box)
        assert "1.5 h in the last 14 days" in box and "plan 3 h a week" in box
        assert f"Builder ★ **{scores['builder']:.1f}** ▲ 4.5" in box or (
            f"Builder ★: {scores['builder']:.1f} ▲ 4.5" in box
        ), (fmt, box)
        assert "▼ 2.0" in box
        assert "2 finished: 0 verified by a mentor, 1 self-reported with evidence, " in box
        assert "1 without evidence" in box
        assert "Done without evidence: Measure the demo" in box
        assert "Stuck" in box and "Is pytest enough?" in box and "And mypy?" in box
        assert "More?" not in box and "1 more line below" in box
        assert "Last activity" in box and "12 Mar 2026 (today)" in box


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # 3 days in at 1 h a week: 0.4 h expected, 7 done → ahead by 6.6 h; at 7 h a week the
        # 2.5 h left take 2.5 days (round: 2) → 14 Mar; 9.5 h take 66.5 days (round: 66)
        (date(2026, 3, 9), 1, ("Ahead by 6.6 h", "forecast finish 14 Mar 2026", "14 May 2026")),
        # 28 days at 2 h a week: 8 h expected, 7 done: within half a week (1 h) → on track
        (date(2026, 2, 12), 2, ("On track", "forecast finish 22 Mar 2026", "17 Mar 2026")),
        # a plan that starts next week: 9.5 h at 4 h a week take 16.6 days (round: 17)
        (date(2026, 3, 16), 4, ("Plan not started yet", "planned finish 2 Apr 2026", "")),
    ],
)
def test_pace_in_words_for_the_mentor(
    learner: Tracker, start: date, hours: float, expected: tuple[str, str, str]
) -> None:
    learner.set_plan(start, hours)
    for fmt in FORMATS:
        box = _words(_glance(render_text(learner.snapshot(), fmt), fmt))
        for words in expected:
            assert words in box, (fmt, words, box)


def test_without_a_plan_or_an_earlier_report_the_box_says_so_to_the_mentor(
    learner: Tracker,
) -> None:
    for fmt in FORMATS:
        box = _words(_glance(render_text(learner.snapshot(), fmt, questions=""), fmt))
        assert "No study plan set" in box, fmt
        assert "The learner has not set a study plan yet" in box
        assert "your plan" not in box.lower() and "set a plan" not in box.lower()
        assert "first report" in box
        assert re.search(r"Builder ★:? \**\d+\.\d\** new", box), (fmt, box)
        assert re.search(r"Explainer:? \**\d+\.\d\** new", box), (fmt, box)
        assert "No questions this time" in box
        # no period: every session counts (210 min); the 14 days hold 90 min
        assert "3.5 h this period" in box and "1.5 h in the last 14 days" in box


def test_last_activity_counts_the_days_to_the_report(learner: Tracker, clock: Clock) -> None:
    later = clock.now + timedelta(days=3)
    for fmt in FORMATS:
        box = _words(_glance(render_text(learner.snapshot(), fmt, now=later), fmt))
        assert "12 Mar 2026 (3 days ago)" in box, (fmt, box)
    summary = replace(build_summary(learner.snapshot()), last_activity=None)
    assert "No activity recorded yet" in render_html(summary)


def _mentored(summary: Summary) -> Summary:
    """The summary as it reads after a mentor verified the demo's start, commented on it and
    sent an overall note (what a feedback import stores)."""
    milestones = [
        replace(m, verified=True, comments=("# Good start\nKeep the **README** short.",))
        if m.item_id == "demo-start"
        else m
        for m in summary.milestones
    ]
    return replace(
        summary,
        milestones=milestones,
        milestone_counts=MilestoneCounts(2, 1, 1, 1),
        mentor_notes=["## Well done\nSee you <b>next</b> week."],
    )


def test_milestones_show_their_proof_and_the_mentors_comments(learner: Tracker) -> None:
    learner.set_status("demo-measure", "doing")
    plain = build_summary(learner.snapshot())
    for text in (render_html(plain), render_html(plain, for_print=True), render_markdown(plain)):
        assert "Self-reported" in text and "No evidence yet" in text
        assert "1 finished: 0 verified by a mentor, 1 self-reported with evidence" in text
        assert "1 in progress" in text and "Done without evidence" not in text
    learner.set_status("demo-measure", "done")
    mentored = _mentored(build_summary(learner.snapshot()))
    for fmt, text in (
        ("html", render_html(mentored)),
        ("pdf", render_html(mentored, for_print=True)),
        ("md", render_markdown(mentored)),
    ):
        box = _words(_glance(text, fmt))
        assert "2 finished: 1 verified by a mentor, 0 self-reported with evidence, " in box
        assert "Done without evidence: Measure the demo" in box
        assert "Verified by mentor" in text and "No evidence yet" in text, fmt
        document = _parse(_as_html(text, fmt))
        assert "Notes from my mentor" in [h for level, h in document.headings if level == 2]
        assert (4, "Good start") in document.headings, fmt  # a mentor's heading, demoted too
        assert (5, "Well done") in document.headings, fmt
        assert "<b>next</b>" not in text  # mentor HTML is escaped or dropped, never kept


# ---- charts ---------------------------------------------------------------------------------


def test_html_and_print_hold_the_three_charts_and_markdown_a_table(learner: Tracker) -> None:
    learner.set_plan(date(2026, 2, 12), 3)
    snapshot = learner.snapshot()
    html = render_text(snapshot, "html")
    charts = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg"[^>]*aria-label="([^"]*)"', html)
    assert len(charts) == 3, charts
    assert charts[0].startswith("Study hours per week") and "plan 3 h" in charts[0]
    assert charts[1].startswith("Path done over time")
    assert charts[2].startswith("Readiness per role")
    assert html.index("At a glance") < html.index("<svg xmlns") < html.index("Overall")

    printed = render_text(snapshot, "pdf")
    assert "<svg" not in printed
    images = [attrs for tag, attrs in _parse(printed).tags if tag == "img"]
    assert len(images) == 3
    for attrs in images:
        assert (attrs["src"] or "").startswith(DATA_URI)
        assert int(attrs["width"] or 0) <= 640 and int(attrs["height"] or 0) > 0
        svg = base64.b64decode((attrs["src"] or "")[len(DATA_URI) :]).decode()
        assert svg.startswith("<svg") and f'height="{attrs["height"]}"' in svg

    md = render_text(snapshot, "md")
    # plan weeks start on 12 Feb: the 60 minutes of 20 Feb fall in the week of 19 Feb, the 90
    # of 10 Mar in the week of 5 Mar; 4 of 6 items were done on 12 Mar, the fifth plan week
    assert "| Week of | Hours studied | Planned hours | Path done | Plan expects |" in md
    assert "| 19 Feb 2026 | 1.0 | 3 |" in md
    assert "| 5 Mar 2026 | 1.5 | 3 |" in md
    assert "| 12 Mar 2026 | 0.0 | 3 | 66.7 % |" in md


# ---- learner headings -----------------------------------------------------------------------


def test_learner_headings_sit_below_the_reports_own(learner: Tracker) -> None:
    learner.set_note("write-hello", LEARNER_HEADINGS)
    snapshot = learner.snapshot()
    for fmt in FORMATS:
        text = render_text(snapshot, fmt, questions=LEARNER_HEADINGS, next_goals="## Goals")
        document = _parse(_as_html(text, fmt))
        own = [(level, h) for level, h in document.headings if level <= 3]
        assert own[0] == (1, "Progress summary: Ada"), fmt
        assert {h for level, h in own if level == 2} <= REPORT_HEADINGS, (fmt, own)
        learner_words = [words for words, _ in DEMOTED] + ["Goals"]
        for _level, heading in own:
            assert not any(words in heading for words in learner_words), (fmt, heading)
        for words, level in DEMOTED:  # in the questions and in the journal
            assert document.headings.count((level, words)) == 2, (fmt, words, document.headings)
        assert (5, "Goals") in document.headings


def test_markdown_never_starts_a_learner_line_with_a_report_heading(learner: Tracker) -> None:
    learner.set_note("write-hello", LEARNER_HEADINGS)
    md = render_text(learner.snapshot(), "md", questions=LEARNER_HEADINGS)
    learner_words = [words for words, _ in DEMOTED]
    for line in md.splitlines():
        bare = re.sub(r"^(?:[ ]{0,3}>[ ]?|[ ]*[-*+][ ]+)+", "", line)  # quote and list markers
        level = len(re.match(r"#*", bare).group(0))  # type: ignore[union-attr]
        if any(words in bare for words in learner_words) and level:
            assert level >= 4, line
        if 1 <= level <= 3:
            assert line == bare and not any(words in line for words in learner_words), line
    assert "> #### Urgent" in md and "> ##### Later" in md and "> ###### Deep down" in md
    assert "> #### Setext one" in md and "> ##### Setext two" in md
    assert "> - #### In a list" in md and "> > ##### In a quote" in md
    assert "\n> ===" not in md and "\n> ---" not in md  # the underlines went with the heading


# ---- hostile text ---------------------------------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script>\n"
    '<img src="x" onerror="alert(2)">\n'
    "[click](javascript:alert(3)) <javascript:alert(4)>\n"
    "]]><b>bold?</b>"
)


@pytest.fixture
def hostile(data_dir: Path, small_pack: Path, clock: Clock) -> Iterator[Tracker]:
    """A learner whose pack role name closes a CDATA section and opens a script, and whose
    name, questions, goals and note are hostile."""
    pack = small_pack / "pack.toml"
    pack.write_text(
        pack.read_text().replace(
            'name = "Builder"', 'name = "Builder ]]><script>alert(5)</script>"'
        )
    )
    with Tracker.open(data_dir, small_pack, clock=clock) as t:
        t.set_setting("learner_name", "Eve")
        t.set_setting("mentor_questions", HOSTILE)
        t.set_setting("next_goals", HOSTILE)
        t.set_target_roles("builder", ["explainer"])
        t.set_status("demo-start", "done")
        t.set_note("write-hello", HOSTILE)
        t.log_study("write-hello", 30, started_at=datetime(2026, 3, 11, 9))
        yield t


def test_hostile_text_is_inert_in_every_format(hostile: Tracker) -> None:
    summary = replace(
        build_summary(hostile.snapshot()),
        mentor_notes=[HOSTILE],
    )
    assert any("]]>" in role.name for role in summary.roles)  # the pack kept it
    for fmt, text in (
        ("html", render_html(summary)),
        ("pdf", render_html(summary, for_print=True)),
        ("md", render_markdown(summary)),
    ):
        shown = _as_html(text, fmt)
        lowered = shown.lower()
        assert "<script" not in lowered, fmt  # raw HTML reads as its words, as text
        assert "]]>" not in text, fmt
        assert "<b>bold?</b>" not in text, fmt
        for tag, attrs in _parse(shown).tags:
            assert tag not in ("script", "iframe", "object", "embed", "style") or (
                tag == "style" and fmt != "md"
            ), (fmt, tag)
            assert not any(name.startswith("on") for name in attrs), (fmt, tag, attrs)
            if tag == "a" and "href" in attrs:  # a link whose target was dropped stays text
                assert re.match(r"https?://|mailto:", attrs["href"] or ""), (fmt, attrs)
            if tag == "img":
                assert fmt == "pdf" and (attrs.get("src") or "").startswith(DATA_URI), attrs
        svgs = "".join(
            base64.b64decode(uri[len(DATA_URI) :]).decode()
            for uri in re.findall(re.escape(DATA_URI) + r"[A-Za-z0-9+/=]+", text)
        )
        assert "<script" not in svgs and "]]>" not in svgs
        assert ("]]&gt;" in svgs) == (fmt == "pdf")  # the role's name, escaped in the chart
        if fmt != "md":
            assert 'href="javascript:' not in lowered, fmt
            assert 'http-equiv="Content-Security-Policy"' in text
            assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:;" in text
            # nothing is loaded from anywhere: the only addresses are the SVG namespace
            assert set(re.findall(r"(?:src|href)=\"([a-z]+:)", text)) <= {"data:", "https:"}


# ---- dates, order, folding ------------------------------------------------------------------


def test_every_date_in_the_report_has_one_format(learner: Tracker) -> None:
    learner.set_plan(date(2026, 2, 12), 3)
    _sent(learner, 10.0, {})
    for fmt in FORMATS:
        text = render_text(learner.snapshot(), fmt)
        if fmt == "pdf":
            text = re.sub(re.escape(DATA_URI) + r"[A-Za-z0-9+/=]+", "", text)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), fmt  # no ISO dates
        assert not re.search(rf"\b0\d {MONTH}\b", text), fmt  # no leading zero
        assert not re.search(rf"\b{MONTH} \d{{1,2}}\b", text), fmt  # no "Mar 12"
        outside_charts = re.sub(r"<svg.*?</svg>", "", text, flags=re.DOTALL)
        days = re.findall(rf"\b(\d{{1,2}}) ({MONTH})\b( \d{{4}})?", outside_charts)
        assert days, fmt
        assert all(year for _, _, year in days), (fmt, [d for d in days if not d[2]])
        for expected in (
            "15 Feb 2026 – 12 Mar 2026",  # the period
            "12 Mar 2026 (today)",  # last activity
            "forecast finish 22 Mar 2026",
        ):
            assert expected in _words(re.sub(r"<[^>]+>", " ", text)), (fmt, expected)


def test_shipped_pack_report_for_a_realistic_learner(
    data_dir: Path, shipped_pack: Path, clock: Clock
) -> None:
    """Forty items done over six weeks with study most evenings: the HTML folds its long
    tables, the print variant shows them all with the same headings, and the top box comes
    first."""
    with Tracker.open(data_dir, shipped_pack, clock=clock) as t:
        t.set_setting("learner_name", "Sam")
        t.set_plan(date(2026, 1, 5), 10)
        items = list(t.curriculum.items)[:40]
        t.set_statuses(dict.fromkeys(items, "done"))
        for day in range(60):
            start = datetime(2026, 1, 5, 19) + timedelta(days=day)
            t.log_study(items[day % len(items)], 75, started_at=start)
        t.set_note(items[0], "# My notes\nFirst week went well.")
        snapshot = t.snapshot()
    html = render_text(snapshot, "html")
    printed = render_text(snapshot, "pdf")
    assert "<details>" in html and "<details>" not in printed
    assert html.index('class="glance"') < html.index("<svg xmlns") < html.index("<details>")
    headings = [h for level, h in _parse(html).headings if level in (2, 3)]
    assert headings == [h for level, h in _parse(printed).headings if level in (2, 3)]
    assert "40 items finished — show the list" in html
    assert (4, "My notes") in _parse(html).headings
    # 60 evenings of 75 minutes from 5 Jan (the last on 5 Mar): 75 h in 66 days, 8.0 h a
    # week counted from the first session (not from the items, all marked done today); the
    # 14 days from 26 Feb, 19:00 hold the eight sessions from 26 Feb to 5 Mar
    box = _words(_glance(html, "html"))
    assert "75.0 h this period (8.0 h a week)" in box, box
    assert "10.0 h in the last 14 days" in box
