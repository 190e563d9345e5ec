"""Exports are inert in every format and never land on the learner's data (issue 10, cases 5,
12 and 13, and --since times with an offset). The PDF cases (11) are in
tests/gui/test_export_pdf_safety.py, since they need Qt."""

from __future__ import annotations

import hashlib
import html as html_text
import os
import shutil
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from cairn.markup import markdown_to_html, safe_href
from cairn.reports.export import (
    ExportTargetRefused,
    check_export_target,
    export,
    parse_since,
    render_text,
    write_export,
)
from cairn.tracker import Tracker

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
HOSTILE = (
    "## Sneaky heading\n<script>alert('x')</script>\n"
    '[click me](javascript:alert(1)) <a href="javascript:alert(2)">a</a>\n'
    '<img src="https://evil.example/pixel.png" onerror="alert(3)">\n'
    "![remote](https://evil.example/tracker.gif)\n"
    "<style>body{background:url(https://evil.example/s)}</style>\n"
    '<iframe src="https://evil.example"></iframe> **kept bold**\n'
    "[ref]: javascript:alert(5)\n[sneaky][ref] &#x202E; &lt;script&gt;\n"
    "<javascript:alert(6)> [](data:text/html,x) `<b>code</b>`\n"
    "Setext heading\n---\n"
    f"report{BIDI[4]}txt.exe\n"
    "[a real link](https://docs.python.org/3/)"
)
ALLOWED_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "blockquote",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "br",
    "hr",
}
REPORT_H2 = {
    "At a glance",
    "Progress against the plan",
    "Notes from my mentor",
    "Overall",
    "Readiness by role",
    "Completed in this period",
    "Project milestones",
    "Study time",
    "Questions and blockers for my mentor",
    "Next goals",
    "Readiness explained",
    "Learning journal",
}


class _Tags(HTMLParser):
    """Every tag, attribute and heading text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.headings: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in ("h1", "h2", "h3"):
            self._open, self._text = tag, ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self.headings.append((tag, self._text.strip()))
            self._open = None


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store(tracker: Tracker, *, name: str | None = None, note: str | None = None) -> str:
    """Save a learner name and a note as an older Cairn (or an import) might have left them,
    past today's input checks: the exports must be safe whatever the database holds."""
    item = next(iter(tracker.curriculum.items))
    if name is not None:
        tracker._database.set_setting("learner_name", name)
    if note is not None:
        tracker._database.set_note(item, note, False, datetime(2026, 1, 2))
    tracker.reload()
    return item


@pytest.fixture
def hostile(tracker: Tracker) -> Tracker:
    """A learner whose name, note, evidence and settings all carry hostile text."""
    tracker.set_status("demo-start", "done")
    for url in (
        "https://a.example/<script>alert(1)</script>",
        "https://a.example/\u202etxt.exe",
        "javascript:alert(7)",
    ):  # as an older Cairn might have stored them
        tracker._database.add_evidence("demo-start", url, datetime(2026, 1, 2))
    tracker.add_evidence("demo-start", "https://github.com/learner/demo")
    _store(tracker, name=f"<img src=x onerror=alert(1)>Ada{BIDI}\n# Boss", note=HOSTILE)
    return tracker


# ---- case 12: Markdown export ------------------------------------------------------------


def test_case12_markdown_export_renders_to_inert_html(hostile: Tracker) -> None:
    text = render_text(hostile.snapshot(), "md", questions=HOSTILE, next_goals=HOSTILE)
    html = markdown.markdown(text, extensions=["tables"])
    lowered = html.lower()
    for bad in ("<img", "<script", "<iframe", "<style", "&#x202e;"):
        assert bad not in lowered, bad
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert tag == "a" and name == "href", (tag, name)
            assert value and value.startswith(("https://", "http://")), value
            assert "javascript:" not in value.lower()
    hrefs = [dict(attrs)["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert "https://docs.python.org/3/" in hrefs  # learner http(s) links stay clickable
    assert "https://github.com/learner/demo" in hrefs
    assert "<strong>kept bold</strong>" in html
    assert not any(ch in text for ch in BIDI)


def test_case12_a_learner_heading_never_becomes_a_report_heading(hostile: Tracker) -> None:
    text = render_text(hostile.snapshot(), "md", questions=HOSTILE, next_goals=HOSTILE)
    parsed = _parse(markdown.markdown(text, extensions=["tables"]))
    h1 = [heading for level, heading in parsed.headings if level == "h1"]
    h2 = {heading for level, heading in parsed.headings if level == "h2"}
    assert len(h1) == 1 and h1[0].startswith("Progress summary:") and "Boss" in h1[0]
    assert h2 <= REPORT_H2
    assert not any("Sneaky" in h or "Setext" in h for _, h in parsed.headings)
    assert "> ##### Sneaky heading" in text  # still readable, below the report's headings


# ---- case 13: HTML links and bidi controls ------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "//evil.example/p",
        "/x",
        "x.html",
        "#top",
        "?q=1",
        "https:evil.example",
        "https:///path",
        "mailto:",
        "java\tscript:alert(1)",
        "https://a.example/\nx",
        "https://a.example/\tx",
        "file:///etc/passwd",
    ],
)
def test_case13_relative_and_broken_links_lose_their_target(href: str) -> None:
    html = markdown_to_html(f'<a href="{href}">text</a> [md]({href})')
    assert "<a " not in html, html  # raw HTML reads as its words; the Markdown link loses it
    assert "text" in html and "md" in html


def test_case13_absolute_links_stay_percent_encoded() -> None:
    html = markdown_to_html(
        "[a](https://en.wikipedia.org/wiki/Foo_(bar)) <https://a.example/)/S/JavaScript/JS(x>"
    )
    assert 'href="https://en.wikipedia.org/wiki/Foo_%28bar%29"' in html
    assert 'href="https://a.example/%29/S/JavaScript/JS%28x"' in html
    assert safe_href("mailto:mentor@example.org") == "mailto:mentor@example.org"
    assert safe_href("https://a.example/ü \\\"'<>") is None  # a space: not a link at all
    assert safe_href("https://a.example/ü\\\"'<>") == "https://a.example/%C3%BC%5C%22%27%3C%3E"


@pytest.mark.parametrize("char", list(BIDI))
def test_case13_bidi_controls_never_reach_the_html(tracker: Tracker, char: str) -> None:
    _store(tracker, name=f"Ada{char}", note=f"see report{char}txt.exe and &#x{ord(char):04x}; too")
    for fmt in ("html", "pdf", "md"):
        text = render_text(tracker.snapshot(), fmt, questions=f"q{char}", next_goals=f"g{char}")
        assert char not in text, fmt
        assert "reporttxt.exe" in text
    assert f"&#x{ord(char):04x};" not in render_text(tracker.snapshot(), "html")


def test_case13_html_report_keeps_only_absolute_links(hostile: Tracker) -> None:
    _store(
        hostile,
        note='<a href="//h.example/p">a</a> [b](/x) [c](x.html) '
        "[d](https://ok.example/d) [e](mailto:m@example.org)",
    )
    for fmt in ("html", "pdf"):
        hrefs = [
            dict(attrs).get("href")
            for tag, attrs in _parse(render_text(hostile.snapshot(), fmt)).tags
            if tag == "a"
        ]
        assert all(h is None or h.startswith(("https://", "http://", "mailto:")) for h in hrefs), (
            hrefs
        )
        assert "https://ok.example/d" in hrefs
        # the PDF keeps web links only: a mailto link becomes its text
        assert ("mailto:m@example.org" in hrefs) == (fmt == "html")


REFERENCES = ("&#x202E;", "&#X202e;", "&#8238;", "&rlm;", "&lrm;", "&#x200F;", "&#x2066;")
CONTROLS = frozenset(BIDI) | {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))}


class _Links(HTMLParser):
    """Every link's target and visible text, as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_case13_a_character_reference_never_disguises_a_link(tracker: Tracker, fmt: str) -> None:
    tracker.set_status("demo-start", "done")
    for ref in REFERENCES:  # as an older Cairn or an import might have stored them
        tracker._database.add_evidence(
            "demo-start", f"https://evil.example/{ref}fdp.exe", datetime(2026, 1, 2)
        )
    _store(
        tracker,
        note="\n".join(
            f"[a](https://x.example/{ref}y) <https://x.example/{ref}z> "
            f"[https://x.example/{ref}w](https://x.example/{ref}w)"
            for ref in REFERENCES
        ),
    )
    text = render_text(tracker.snapshot(), fmt)
    parser = _Links()
    parser.feed(markdown.markdown(text, extensions=["tables"]) if fmt == "md" else text)
    parser.close()
    # the evidence links stay links; a note's link whose target was refused keeps only its words
    assert len(parser.links) >= len(REFERENCES), parser.links
    assert "https://x.example/" in text
    for href, label in parser.links:
        # decoded once more, in case anything downstream decodes again
        assert not CONTROLS.intersection(html_text.unescape(href)), ascii(href)
        # the HTML reports show the address as stored, as text (decoded once, by the browser);
        # the Markdown one shows the inert target itself
        shown = html_text.unescape(label) if fmt == "md" else label
        assert not CONTROLS.intersection(shown), ascii(label)
    assert "https://evil.example/%26#x202E;fdp.exe" in dict(parser.links)


def test_safe_href_makes_every_character_reference_inert() -> None:
    assert (
        safe_href("https://e.example/&#x202E;x?a=1&b=2&rlm;")
        == "https://e.example/%26#x202E;x?a=1&b=2%26rlm;"
    )
    assert safe_href("https://e.example/&#8238") == "https://e.example/%26#8238"


# ---- case 5: an export never replaces the database -----------------------------------------


def _refused(tracker: Tracker, target: Path, fmt: str = "md") -> str:
    database = tracker.database_path
    before = _sha256(database)
    with pytest.raises(ExportTargetRefused) as refused:
        export(tracker.snapshot(), fmt, target)
    assert _sha256(database) == before
    message = str(refused.value)
    assert str(target) in message and "Nothing was written" in message
    return message


@pytest.mark.parametrize("name", ["cairn.sqlite3", "backups/x.md", "notes.md"])
def test_case5_exporting_into_the_data_folder_is_refused(
    tracker: Tracker, data_dir: Path, name: str
) -> None:
    (data_dir / "backups").mkdir(exist_ok=True)
    target = data_dir / name
    existed = target.exists()
    assert "data folder" in _refused(tracker, target)
    assert target.exists() == existed
    assert not list(data_dir.rglob("*.partial"))


def test_case5_a_symlink_into_the_data_folder_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    link = tmp_path / "summary.md"
    link.symlink_to(tracker.database_path)
    _refused(tracker, link)
    assert link.is_symlink()


def test_case5_a_copy_of_a_database_elsewhere_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "summary.md"
    copy.parent.mkdir()
    shutil.copyfile(tracker.database_path, copy)
    before = _sha256(copy)
    assert "is a database" in _refused(tracker, copy, "html")
    assert _sha256(copy) == before
    (copy.parent / "summary.md-wal").write_bytes(b"")
    assert "belongs to a database" in _refused(tracker, copy.parent / "summary.md-wal")
    assert "named like a database" in _refused(tracker, tmp_path / "new.sqlite3")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_case5_a_fifo_or_folder_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert "not an ordinary file" in _refused(tracker, fifo)
    assert "is a folder" in _refused(tracker, tmp_path)
    with pytest.raises(ExportTargetRefused, match="is a system path"):
        check_export_target(Path("/dev/null"), None)


def test_case5_the_background_writer_refuses_too(tracker: Tracker, data_dir: Path) -> None:
    before = _sha256(tracker.database_path)
    with pytest.raises(ExportTargetRefused, match="data folder"):
        write_export("x", "md", data_dir / "cairn.sqlite3", datetime(2026, 1, 1), data_dir=data_dir)
    with pytest.raises(ExportTargetRefused, match="is a database"):
        write_export("x", "md", tracker.database_path, datetime(2026, 1, 1))
    assert _sha256(tracker.database_path) == before


def test_case5_a_good_export_still_replaces_an_old_one(tracker: Tracker, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("last week's summary")
    export(tracker.snapshot(), "md", target)
    assert target.read_text().startswith("# Progress summary")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# ---- --since with an offset ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-01", datetime(2026, 1, 1)),
        ("2026-01-01T00:00:00+05:00", datetime(2025, 12, 31, 19)),
        ("2026-01-01T09:30:00Z", datetime(2026, 1, 1, 9, 30)),
        ("2026-01-01T09:30", datetime(2026, 1, 1, 9, 30)),  # naive: UTC, like the database
    ],
)
def test_since_is_naive_utc(text: str, expected: datetime) -> None:
    assert parse_since(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "",
        "2026-02-30",
        "2026-1-1",
        "1999-12-31",
        "2101-01-01",
        "0001-01-01T00:00:00+05:00",
        "2026-01-01T25:00",
    ],
)
def test_since_refuses_nonsense_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match="--since"):
        parse_since(text)


def test_since_with_an_offset_exports_without_a_traceback(tracker: Tracker, tmp_path: Path) -> None:
    tracker.set_status("demo-start", "done")
    done = export(
        tracker.snapshot(),
        "md",
        tmp_path / "s.md",
        since=datetime.fromisoformat("2000-01-01T00:00:00+05:00"),
    )
    assert "Completed in this period" in done.path.read_text()


def test_case12_learner_headings_stay_below_the_html_report_outline(hostile: Tracker) -> None:
    for fmt in ("html", "pdf"):
        parsed = _parse(
            render_text(hostile.snapshot(), fmt, questions="# Urgent", next_goals="## Later")
        )
        h2 = {heading for level, heading in parsed.headings if level == "h2"}
        assert h2 <= REPORT_H2, (fmt, h2)
        text = render_text(hostile.snapshot(), fmt, questions="# Urgent", next_goals="## Later")
        for heading, level in (("Urgent", 4), ("Later", 5), ("Sneaky heading", 5)):
            assert f"<h{level}>{heading}</h{level}>" in text, (fmt, heading)
