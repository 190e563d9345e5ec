"""One set of limits for what the learner types and what an import brings (issue 10, case 7).

The command line and the window go through the tracker, so a value the tracker refuses is
refused everywhere, with one message naming the item and the field, and nothing changes."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from cairn.cli import run
from cairn.content.urls import is_web_url
from cairn.tracker import Tracker, TrackerError
from cairn.validation import (
    BIDI_CONTROLS,
    MAX_NOTE_CHARS,
    MAX_URL_CHARS,
    InvalidInput,
    check_learner_name,
    check_minutes,
    check_note,
    check_time,
    check_url,
    parse_time,
)

NOW = datetime(2026, 6, 1, 12, 0)
ITEM, MILESTONE = "python-project-skeleton", "rag-eval-golden-set"
GOOD_URLS = (
    "https://github.com/me/rag",
    "http://example.org:8080/a?b=c#d",
    "https://例え.jp/パス",
    "https://[2001:db8::1]/x",
)
BAD_URLS = {
    "too long": "https://example.org/" + "a" * (MAX_URL_CHARS - 19),
    "white space inside": "https://example.org/a b",
    "a tab": "https://example.org/a\tb",
    "a control character": "https://example.org/\x07",
    "a backslash": "https://example.org\\@evil.example/",
    "no host": "https:///path-only",
    "only user info": "https://user@/x",
    "not a port": "https://example.org:99999/",
    "broken IPv6": "http://[::1/",
    "javascript": "javascript:alert(1)",
    "a file": "file:///etc/passwd",
    "no scheme": "example.org",
    "ftp": "ftp://example.org/x",
    "a lone surrogate": "https://example.org/\udcff",
}


def test_refusals_are_value_errors_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        check_note("x" * (MAX_NOTE_CHARS + 1))
    assert isinstance(refused.value, ValueError) and refused.value.field == "note"
    assert "100,001 characters long (at most 100,000)" in str(refused.value)


def test_a_note_up_to_the_limit_is_kept_exactly() -> None:
    body = "é\r\n\t# x " * (MAX_NOTE_CHARS // 8)
    assert check_note(body) == body and len(body) <= MAX_NOTE_CHARS


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("before\x00after", "NUL"),
        ("terminal bytes \udcff\udcfe", "is not valid UTF-8 text"),
        ("a lone high surrogate \ud800", "is not valid UTF-8 text"),
        ("y" * (MAX_NOTE_CHARS + 1), "at most 100,000"),
    ],
)
def test_a_note_cairn_could_not_export_is_refused(body: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        check_note(body)


@pytest.mark.parametrize("url", GOOD_URLS)
def test_web_links_with_a_host_are_accepted(url: str) -> None:
    assert check_url(f"  {url}\n") == url


@pytest.mark.parametrize("case", sorted(BAD_URLS))
def test_links_that_hide_or_break_something_are_refused(case: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_url(BAD_URLS[case])
    assert refused.value.field == "evidence URL"


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_every_bidi_control_is_refused_in_a_link(control: str) -> None:
    with pytest.raises(InvalidInput, match="control characters"):
        check_url(f"https://example.org/{control}gpj.exe")


def test_curriculum_links_share_the_rule_but_need_https() -> None:
    assert is_web_url("https://docs.python.org/3/")
    assert not is_web_url("http://docs.python.org/3/")
    assert is_web_url("http://docs.python.org/3/", allow_http=True)
    for bad in ("https://docs.python.org/\u202e", "https://a.org\\b", BAD_URLS["too long"]):
        assert not is_web_url(bad, allow_http=True), bad


# Character references a browser decodes inside a link: each hides a direction override or mark.
DISGUISED_URLS = (
    "https://evil.example/&#x202E;fdp.exe",
    "https://evil.example/&#X202e;fdp.exe",
    "https://evil.example/&#8238;fdp.exe",
    "https://evil.example/&rlm;fdp.exe",
    "https://evil.example/&lrm;fdp.exe",
    "https://evil.example/a?b=&RightArrow;",
)


@pytest.mark.parametrize("url", DISGUISED_URLS)
def test_a_link_with_a_character_reference_is_kept_and_every_export_makes_it_inert(
    url: str,
) -> None:
    from html import unescape

    from cairn.markup import safe_href

    assert check_url(url) == url  # earlier versions stored such links: exports must restore
    href = safe_href(url)
    assert href is not None and "%26" in href
    assert not set(unescape(href)) & {"\u202e", "\u200f", "\u200e", "\u2192"}


def test_an_ampersand_that_is_no_reference_stays_allowed() -> None:
    for url in ("https://example.org/a?b=1&c=2", "https://example.org/&x", "https://a.org/&;"):
        assert check_url(url) == url


@pytest.mark.parametrize(
    "mark", ["\u2028", "\u2029", "\x85", "\r", "\x0b", "\x0c", "\x1e", "\u200f", "\u2066"]
)
def test_learner_name_refuses_every_line_break_and_direction_mark(mark: str) -> None:
    with pytest.raises(InvalidInput, match="learner name"):
        check_learner_name(f"Ada{mark}Boss")


def test_learner_name_is_one_short_line() -> None:
    assert check_learner_name("Ada Lovelace") == "Ada Lovelace"
    for bad in ("Ada\nLovelace", "A" * 201, "Ada\u202e", "Ada\udcff"):
        with pytest.raises(InvalidInput):
            check_learner_name(bad)


@pytest.mark.parametrize("minutes", [0, -5, 1441, True, 1.5, "30", None, float("nan")])
def test_study_minutes_outside_a_day_are_refused(minutes: object) -> None:
    with pytest.raises(InvalidInput):
        check_minutes(minutes)


def test_study_minutes_from_one_to_a_day() -> None:
    assert (check_minutes(1), check_minutes(1440), check_minutes(30.0)) == (1, 1440, 30)


def test_times_become_naive_utc_and_stay_between_2000_and_tomorrow() -> None:
    five_east = timezone(timedelta(hours=5))
    assert check_time(datetime(2026, 3, 1, 15, tzinfo=five_east), NOW) == datetime(2026, 3, 1, 10)
    assert check_time(datetime(2026, 3, 1, 15), NOW) == datetime(2026, 3, 1, 15)  # naive: UTC
    assert parse_time("2026-03-01T15:00:00+05:00", NOW) == datetime(2026, 3, 1, 10)
    assert parse_time("2026-03-01T10:00:00.123456Z", NOW) == datetime(2026, 3, 1, 10, 0, 0, 123456)
    assert check_time(NOW + timedelta(days=1), NOW) == NOW + timedelta(days=1)
    assert check_time(NOW, NOW.replace(tzinfo=UTC)) == NOW  # an aware `now` works too
    for bad, words in (
        (datetime(1999, 12, 31, 23), "before 2000"),
        (NOW + timedelta(days=1, seconds=1), "in the future"),
        (datetime(9999, 12, 31), "in the future"),
        (datetime(1, 1, 1, tzinfo=five_east), "out of range"),
    ):
        with pytest.raises(InvalidInput, match=words):
            check_time(bad, NOW)
    for text in ("yesterday", "", "2026-13-01T00:00:00", "x" * 100):
        with pytest.raises(InvalidInput, match="not a date and time"):
            parse_time(text, NOW)


# --- through the tracker: the window and the command line -----------------------------------
def test_the_tracker_refuses_with_the_item_in_words(shipped_tracker: Tracker) -> None:
    t = shipped_tracker
    with pytest.raises(TrackerError, match=f"{ITEM}: the note is not valid UTF-8 text"):
        t.set_note(ITEM, "from a terminal \udcff")
    with pytest.raises(TrackerError, match=f"{MILESTONE}: the evidence URL is 2,001 characters"):
        t.add_evidence(MILESTONE, BAD_URLS["too long"])
    with pytest.raises(TrackerError, match=f"{ITEM}: the study time of 1441 minutes"):
        t.log_study(ITEM, 1441)
    with pytest.raises(TrackerError, match=r"start time .* is in the future"):
        t.log_study(ITEM, 30, started_at=t.now() + timedelta(days=2))
    with pytest.raises(TrackerError, match="learner name"):
        t.set_setting("learner_name", "x" * 201)
    assert t.note(ITEM) is None and t.evidence(MILESTONE) == [] and t.sessions() == []
    assert t.setting("learner_name") is None


def test_an_aware_start_time_is_stored_in_utc(shipped_tracker: Tracker) -> None:
    start = datetime.now(timezone(timedelta(hours=-7))) - timedelta(hours=3)
    shipped_tracker.log_study(ITEM, 45, started_at=start)
    stored = shipped_tracker.sessions()[0].started_at
    assert stored.tzinfo is None and stored == start.astimezone(UTC).replace(tzinfo=None)


def _digest(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "cairn.sqlite3").read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["note", ITEM, "n" * (MAX_NOTE_CHARS + 1)], "at most 100,000"),
        (["note", ITEM, "bad bytes \udcff from a terminal"], "is not valid UTF-8 text"),
        (["note", ITEM, "nul \x00 inside"], "NUL"),
        (["evidence", MILESTONE, BAD_URLS["too long"]], "at most 2,000"),
        (["evidence", MILESTONE, "https://example.org/\u202egpj.exe"], "control characters"),
        (["evidence", MILESTONE, "https://example.org\\@evil.example/"], "backslash"),
        (["log", ITEM, "1441"], "give 1 to 1440"),
    ],
)
def test_cli_refuses_in_one_line_exit_2_and_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str], words: str
) -> None:
    assert run(["--data-dir", str(data_dir), "mark", ITEM, "doing"]) == 0
    before = _digest(data_dir)
    capsys.readouterr()
    err = io.StringIO()
    assert run(["--data-dir", str(data_dir), *command], stderr=err) == 2
    message = err.getvalue()
    assert message.count("\n") == 1 and words in message and "Traceback" not in message
    assert command[1] in message and "nothing was changed" in message
    assert _digest(data_dir) == before
