"""Which mentor feedback is new for the Today page, how it is counted and said, and that a
mentor's text put into the page's Markdown stays inert (cairn.feedback_news; no Qt)."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import markdown
import pytest

from cairn.feedback_news import (
    FeedbackNews,
    NewsWords,
    headline,
    inert_markdown,
    note_markdown,
    seen_moment,
    unseen_feedback,
)
from cairn.records import CommentRecord, VerificationRecord
from cairn.reports.feedback import feedback_payload, read_feedback, write_feedback
from cairn.tracker import Tracker

T0 = datetime(2026, 3, 1, 12, 0)
KNOWN = {"a", "b", "m1"}


def comment(content_id: str, received: datetime, body: str = "ok", mentor: str = "Sam"):
    return CommentRecord(content_id, body, mentor, received - timedelta(hours=1), received)


def test_every_comment_is_new_before_anything_was_marked_as_read() -> None:
    comments = [comment("a", T0), comment("a", T0), comment("b", T0), comment("", T0, "Hi")]
    news = unseen_feedback(comments, {}, None, KNOWN)
    assert news.item_ids == ("a", "b") and news.comments == 3 and news.items == 2
    assert news.notes == (("Sam", "Hi"),) and news.latest_note == ("Sam", "Hi")
    assert headline(news) == "Your mentor commented on 2 items and sent a note."


def test_only_what_arrived_after_mark_as_read_is_new() -> None:
    seen = T0 + timedelta(minutes=1)
    comments = [comment("a", T0), comment("b", seen + timedelta(seconds=1))]
    verified = {
        "m1": VerificationRecord("m1", seen + timedelta(hours=1), "Sam"),
        "old": VerificationRecord("old", T0, "Sam"),
    }
    news = unseen_feedback(comments, verified, seen, KNOWN)
    assert news.item_ids == ("b",) and news.verified == ("m1",)
    assert headline(news) == "Your mentor commented on 1 item and verified 1 milestone."
    assert unseen_feedback(comments, verified, seen + timedelta(days=1), KNOWN).empty


def test_comments_on_retired_items_are_counted_but_not_listed() -> None:
    news = unseen_feedback([comment("gone", T0), comment("a", T0)], {}, None, KNOWN)
    assert news.item_ids == ("a",) and news.retired_ids == ("gone",) and news.items == 2


@pytest.mark.parametrize(
    ("news", "said"),
    [
        (FeedbackNews(), ""),
        (FeedbackNews(notes=(("Sam", "x"),)), "Your mentor sent a note."),
        (FeedbackNews(notes=(("S", "x"), ("S", "y"))), "Your mentor sent 2 notes."),
        (FeedbackNews(verified=("m1", "m2")), "Your mentor verified 2 milestones."),
        (
            FeedbackNews(
                item_ids=("a", "b", "c"), comments=4, notes=(("S", "x"),), verified=("m",)
            ),
            "Your mentor commented on 3 items, sent a note and verified 1 milestone.",
        ),
    ],
)
def test_the_headline_names_what_came(news: FeedbackNews, said: str) -> None:
    assert headline(news) == said


def test_the_headline_takes_translated_templates() -> None:
    words = NewsWords(sentence="Dein Mentor hat {actions}.", commented_many="{count} kommentiert")
    news = FeedbackNews(item_ids=("a", "b"), comments=2)
    assert headline(news, words) == "Dein Mentor hat 2 kommentiert."


def test_an_empty_overall_note_is_not_a_note() -> None:
    assert unseen_feedback([comment("", T0, "  ")], {}, None, KNOWN).empty


@pytest.mark.parametrize(
    ("stored", "moment"),
    [
        (None, None),
        (42, None),
        ("not a time", None),
        ("2026-03-01T12:00:00", T0),
        ("2026-03-01T13:00:00+01:00", T0),
    ],
)
def test_the_seen_setting_reads_as_naive_utc(stored: object, moment: datetime | None) -> None:
    assert seen_moment(stored) == moment


HOSTILE = [
    '<img src="x" onerror="alert(1)">',
    '<a href="file:///etc/passwd">open</a>',
    "[click](javascript:alert(1))",
    "![tracker](https://evil.example/pixel.png)",
    "**loud** _quiet_ `code`",
    "&#x202E;exe.txt &amp; &lt;b&gt;",
    "https://evil.example www.evil.example mail@evil.example",
    "# heading\n\n- list\n> quote",
    "\u202etxt.exe\x07",
]


def _unescaped(text: str) -> tuple[str, str]:
    """The text with its backslash escapes undone, and any punctuation left unescaped."""
    plain, bare, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            plain.append(next(chars))
        else:
            plain.append(char)
            if char in string.punctuation:
                bare.append(char)
    return "".join(plain), "".join(bare)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_mentors_text_is_inert_markdown(text: str) -> None:
    """Every ASCII punctuation character is backslash-escaped (CommonMark, which the window's
    Markdown follows, then shows it as typed: no link, image, HTML, entity or emphasis), the
    text is one line without control or bidi characters, and even a renderer that honours
    fewer escapes (Python-Markdown) makes no element of it."""
    shown = inert_markdown(text)
    plain, bare = _unescaped(shown)
    assert bare == ""
    assert plain == " ".join(text.replace("\u202e", "").replace("\x07", "").split())
    rendered = markdown.markdown(shown)
    for tag in ("<a", "<img", "<em", "<strong", "<code", "<h1", "<li", "<blockquote"):
        assert tag not in rendered


def test_a_long_name_is_shortened() -> None:
    shown = inert_markdown("word " * 500, limit=40)
    assert shown.endswith("…") and len(shown) <= 40


_TAG = re.compile(r'<(/?)([a-z]+)((?: [a-z]+="[^"<>]*")*)>')


def _parts(text: str) -> tuple[list[str], list[str], str]:
    """The elements, link targets (as written) and unescaped punctuation of a note as the
    window's Markdown reads it: `\\x` is the character x, `<…>` an element."""
    shown = note_markdown(text)
    tags: list[str] = []
    hrefs: list[str] = []
    bare = []
    at = 0
    while at < len(shown):
        char = shown[at]
        if char == "\\":
            at += 2
            continue
        tag = _TAG.match(shown, at)
        if tag:
            if not tag.group(1):
                tags.append(tag.group(2))
                hrefs += re.findall(r'href="([^"]*)"', tag.group(3))
            at = tag.end()
            continue
        if char in string.punctuation:
            bare.append(char)
        at += 1
    return tags, hrefs, "".join(bare)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_note_keeps_only_inline_elements_and_web_links(text: str) -> None:
    tags, hrefs, bare = _parts(text)
    assert set(tags) <= {"strong", "em", "code", "del", "a"}
    assert all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs)
    assert bare == ""  # the text between the elements: nothing Markdown could read again
    assert "\n" not in note_markdown(text)


def test_a_note_keeps_its_emphasis_code_and_web_links() -> None:
    tags, hrefs, _ = _parts(
        "**Well done**, see [the guide](https://example.com/a?b=1&c=2) and `uv`"
    )
    assert tags == ["strong", "a", "code"]
    assert hrefs == ["https://example.com/a?b=1&amp;c=2"]
    assert note_markdown("- one\n- two\n\n# Next").replace("\\", "") == "one two Next"


def test_a_long_note_is_shortened_before_it_is_rendered() -> None:
    shown = note_markdown("word " * 500, limit=40)
    assert shown.endswith("…") and len(shown) <= 40


def test_feedback_imported_twice_is_new_once(tmp_path: Path, shipped_pack: Path) -> None:
    """The tracker's records feed the news: a feedback file's comments appear once, and the
    news ends at the moment the learner marks it as read."""
    with Tracker.open(tmp_path / "data", shipped_pack) as tracker:
        learner = tracker.ensure_learner_id()
        at = datetime(2026, 3, 1, 12, 0)
        payload = feedback_payload(
            written_at=at,
            learner_id=learner,
            mentor_name="Sam",
            note="Well done",
            comments=[("clean-code-refactor", "Nice", at)],
        )
        write_feedback(payload, tmp_path / "f.json")
        data = read_feedback(tmp_path / "f.json")
        tracker.import_feedback(data)
        report, _ = tracker.import_feedback(data)
        assert report.describe().startswith("Nothing new in the feedback from Sam")

        def news() -> FeedbackNews:
            verified = {c: v for c in tracker.verified_ids() if (v := tracker.verification(c))}
            seen = seen_moment(tracker.setting("feedback_seen_at"))
            return unseen_feedback(
                tracker.mentor_comments(), verified, seen, tracker.curriculum.items
            )

        assert news().item_ids == ("clean-code-refactor",) and len(news().notes) == 1
        latest = max(c.received_at for c in tracker.mentor_comments())
        tracker.set_setting("feedback_seen_at", (latest + timedelta(seconds=1)).isoformat())
        assert news().empty


def test_the_news_needs_no_qt() -> None:
    code = (
        "import sys, cairn.feedback_news; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
