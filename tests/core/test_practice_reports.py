"""The mentor's summary shows retention per skill area beside readiness, in Markdown, HTML and
PDF alike, with figures a person can work out by hand; the learner's own cards are shown as
typed and can never become markup, links or scripts in any format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from tests.core.test_practice_export import add_cards

from cairn.reports.export import export, render_text
from cairn.reports.pdf import active_content
from cairn.reports.summary import build_summary
from cairn.tracker import Tracker
from clocks import EVENING, Clock

NOW = EVENING  # 12 March 2026, 19:00 UTC
HOSTILE = (
    "<script>alert(1)</script> [click](javascript:alert(2)) &lt;b&gt;entity&lt;/b&gt; "
    '&#x3C;img src=x onerror=alert(3)&#x3E; <img src=x onerror="alert(4)"> '
    '<a href="javascript:alert(5)">link</a> **bold** | pipe'
)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds") + "Z"


def _state(card: str, stability: float, days_ago: float, **more: Any) -> dict[str, Any]:
    last = NOW - timedelta(days=days_ago)
    return {
        "id": card,
        "due": _iso(last + timedelta(days=stability)),
        "stability": stability,
        "difficulty": 5.0,
        "state": 2,
        "step": None,
        "last_review": _iso(last),
        "reps": 1,
        "lapses": 0,
        "suspended": False,
        **more,
    }


def _remembering(folder: Path, pack: Path, own_prompt: str) -> Path:
    """An export of a learner who finished write-hello, write-eval and explain-eval (not
    read-guide) and wrote one card on write-eval, whose card states are set so that recall
    can be worked out by hand: FSRS's recall is exactly 0.9 when the days since the last
    review equal the stability, and 1.0 at the moment of the review."""
    with Tracker.open(folder, pack, clock=Clock(NOW)) as t:
        t.set_setting("learner_name", "Ada")
        t.set_target_roles("builder", ["explainer"])
        for item in ("write-hello", "write-eval", "explain-eval"):
            t.set_status(item, "done")
        t.set_desired_retention(0.85)
        own = t.add_own_card("write-eval", own_prompt, "The answer the learner wrote down.")
        target = export(t.snapshot(), "json", folder.parent / f"{folder.name}.json").path
    payload = json.loads(target.read_text(encoding="utf-8"))
    states = [
        _state("eval-what", 4.0, 0),  # evals: reviewed just now: 1.0
        _state("explain-eval-why", 20.0, 20),  # evals and talking: 20 days at 20: 0.9
        _state(own.ids[0], 10.0, 10),  # evals (the own card): 10 days at 10: 0.9
        _state("eval-golden", 1.0, 40, suspended=True),  # suspended: not counted
        _state("guide-point", 1.0, 30),  # read-guide is not done: locked, not counted
    ]  # hello-why (coding) was never reviewed: coding has no reviewed card
    payload["practice"]["states"] = states
    payload["practice"]["reviews"] = [
        {"id": s["id"], "rating": 3, "at": s["last_review"], "duration_ms": 5000, "mode": "review"}
        for s in states
    ]
    target.write_text(json.dumps(payload), encoding="utf-8")
    return target


@pytest.fixture
def pack(small_pack: Path) -> Path:
    return add_cards(small_pack)


@pytest.fixture
def mentee(tmp_path: Path, pack: Path) -> Iterator[Tracker]:
    """The learner's export opened in another folder at the same moment."""
    source = _remembering(tmp_path / "learner", pack, "What is recall@k, in my words?")
    with Tracker.open(tmp_path / "copy", pack, clock=Clock(NOW)) as t:
        t.import_progress(source)
        yield t


@pytest.fixture
def hostile(tmp_path: Path, pack: Path) -> Iterator[Tracker]:
    source = _remembering(tmp_path / "learner", pack, HOSTILE)
    with Tracker.open(tmp_path / "copy", pack, clock=Clock(NOW)) as t:
        t.import_progress(source)
        yield t


def _words(text: str) -> str:
    return " ".join(text.split())


class _Text(HTMLParser):
    """A document's visible text (charrefs read once, as a viewer shows them) and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _shown(text: str, fmt: str) -> _Text:
    """What a reader's viewer shows of a report (Markdown rendered first)."""
    parser = _Text()
    parser.feed(markdown.markdown(text, extensions=["tables"]) if fmt == "md" else text)
    parser.close()
    return parser


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


# ---- retention, worked out by hand -----------------------------------------------------------


def test_retention_per_area_is_the_mean_recall_of_the_areas_reviewed_cards(
    mentee: Tracker,
) -> None:
    summary = build_summary(mentee.snapshot())
    lines = {line.skill_id: line for line in summary.practice.retention}
    # evals: eval-what 1.0, explain-eval-why 0.9, the own card 0.9 → 2.8 / 3
    assert lines["evals"].cards == 3 and lines["evals"].recall == pytest.approx(2.8 / 3)
    assert lines["talking"].cards == 1 and lines["talking"].recall == pytest.approx(0.9)
    assert lines["coding"].cards == 0 and lines["coding"].recall is None
    assert (lines["evals"].percent, lines["talking"].percent) == (93, 90)
    p = summary.practice
    assert (p.reviews, p.reviews_period, p.reviews_14d, p.cards_reviewed, p.suspended) == (
        5,
        5,
        2,  # two hours and ten days ago
        5,
        1,
    )
    # readiness keeps its properties: the same with the practice as without it
    from dataclasses import replace

    from cairn.snapshot import PracticeRecords

    bare = replace(mentee.snapshot(), practice=PracticeRecords(), retention=())
    assert [r.score for r in build_summary(bare).roles] == [r.score for r in summary.roles]


EXPECTED_SENTENCES = (  # evals: eval-what, explain-eval-why and the own card (not the
    # suspended eval-golden); talking: explain-eval-why
    "knows 93 % of what they finished in Evaluation (3 of 3 cards reviewed)",
    "knows 90 % of what they finished in Communication (1 of 1 card reviewed)",
    "5 reviews in this period, 5 in all (2 in the last 14 days) of 5 cards; 1 card suspended; "
    "the learner aims to remember 85 %.",
)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_summary_shows_retention_beside_readiness(mentee: Tracker, fmt: str) -> None:
    text = render_text(mentee.snapshot(), fmt)
    shown = _words("".join(_shown(text, fmt).text))
    for sentence in EXPECTED_SENTENCES:
        assert sentence in shown, (fmt, sentence)
    assert (
        "Remembered weakest first Communication 90 % · Evaluation 93 % · 5 reviews in this period"
        in shown.replace(":", "")
    )  # the top box's line: the areas that need review first
    readiness, remembered, overall = (
        shown.index("Readiness by role"),
        shown.index("Remembered The chance"),
        shown.index("Overall"),
    )
    assert readiness < remembered < overall  # beside readiness, not inside its scores
    assert re.search(r"Coding\s*\|?\s*—\s*\|?\s*0\s*\|?\s*no reviewed cards yet", shown), shown
    assert "What is recall@k, in my words?" in shown and "Write an evaluation" in shown


@needs_poppler
def test_the_pdf_shows_the_same_figures(mentee: Tracker, tmp_path: Path) -> None:
    pdf = export(mentee.snapshot(), "pdf", tmp_path / "summary.pdf").path
    text = _words(_pdf_text(pdf))
    for sentence in EXPECTED_SENTENCES:
        assert sentence in text, sentence
    assert "weakest first: Communication 90 % · Evaluation 93 % · 5 reviews in this period" in text
    assert "no reviewed cards yet" in text and "What is recall@k, in my words?" in text


def test_an_areas_figure_says_how_many_cards_it_rests_on_and_the_glance_names_the_weakest() -> None:
    from cairn.reports.summary import PracticeSummary, RetentionLine

    fine_tuning = RetentionLine("tuning", "Fine-tuning", 4, 0.92, finished=20)
    assert PracticeSummary.area_words(fine_tuning) == (
        "knows 92 % of what they finished in Fine-tuning (4 of 20 cards reviewed)"
    )
    lines = (
        fine_tuning,
        RetentionLine("evals", "Evaluation", 6, 0.55, finished=6),
        RetentionLine("rag", "RAG", 2, 0.71, finished=9),
        RetentionLine("agents", "Agents", 3, 0.80, finished=3),
        RetentionLine("coding", "Coding", 0, None, finished=0),
    )
    glance = PracticeSummary(retention=lines, reviews=15, reviews_period=3).glance_words()
    assert glance == (
        "weakest first: Evaluation 55 % · RAG 71 % · Agents 80 % · 1 more area · "
        "3 reviews in this period"
    )


def test_the_json_summary_carries_the_figures(mentee: Tracker) -> None:
    summary = json.loads(render_text(mentee.snapshot(), "json"))["summary"]
    by_id = {line["id"]: line for line in summary["retention"]}
    assert by_id["evals"] == {
        "id": "evals",
        "name": "Evaluation",
        "cards": 3,
        "recall": round(2.8 / 3, 4),
    }
    assert by_id["coding"]["recall"] is None and by_id["talking"]["recall"] == 0.9
    assert summary["practice"] == {
        "reviews": 5,
        "reviews_in_period": 5,
        "reviews_last_14_days": 2,
        "cards_reviewed": 5,
        "suspended": 1,
        "own_cards": 1,
    }


def test_a_learner_without_practice_reads_so(tracker: Tracker) -> None:
    for fmt in ("md", "html"):
        shown = _words("".join(_shown(render_text(tracker.snapshot(), fmt), fmt).text))
        assert "No practice cards reviewed yet" in shown


# ---- hostile text ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_an_own_cards_hostile_text_is_inert_and_shown_as_typed(hostile: Tracker, fmt: str) -> None:
    text = render_text(hostile.snapshot(), fmt)
    shown = _shown(text, fmt)
    for tag, attrs in shown.tags:
        assert tag not in ("script", "iframe", "object", "embed", "img") or (
            tag == "img" and fmt == "pdf" and (attrs.get("src") or "").startswith("data:")
        ), (fmt, tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (fmt, tag, attrs)
        if tag == "a":
            assert re.match(r"https?://|mailto:", attrs.get("href") or ""), (fmt, attrs)
    words = _words("".join(shown.text))
    # what the learner typed is read back as they typed it, entities and all
    for typed in (
        "<script>alert(1)</script>",
        "[click](javascript:alert(2))",
        "&lt;b&gt;entity&lt;/b&gt;",
        "&#x3C;img src=x onerror=alert(3)&#x3E;",
        "| pipe",
    ):
        assert typed in words, (fmt, typed, words[words.find("Cards the") :][:400])
    assert "javascript:" not in re.sub(
        r"\[click\]\(javascript:alert\(2\)\)",
        "",
        words.replace('<a href="javascript:alert(5)">link</a>', ""),
    ), fmt


@needs_poppler
def test_an_own_cards_hostile_text_is_inert_in_the_pdf_file(
    hostile: Tracker, tmp_path: Path
) -> None:
    pdf = export(hostile.snapshot(), "pdf", tmp_path / "hostile.pdf").path
    assert active_content(pdf.read_bytes()) == []
    text = _words(_pdf_text(pdf))
    assert "<script>alert(1)</script>" in text and "&lt;b&gt;entity&lt;/b&gt;" in text
