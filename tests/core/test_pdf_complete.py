"""The PDF export holds everything the HTML report holds, for any learner: every heading, the
whole learning journal, what follows a table row taller than a page, and inline SVG charts.
Qt runs offscreen; pdftotext and pdftoppm (poppler-utils) read the result back."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cairn.reports.export import export, render_text
from cairn.reports.pdf import (
    active_content,
    register_svg_images,
    with_svg_alt_text,
    write_pdf,
)
from cairn.tracker import Tracker
from learners import Learner, large_learner, mid_path_learner, new_learner

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QTextDocument

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils",
)

FOOTER = re.compile(r"page (\d+) of (\d+)")
CHART = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">'
    '<rect x="0" y="0" width="320" height="120" fill="#2f6fd0"/>'
    '<text x="12" y="60" font-size="14" fill="#ffffff">Hours per week</text>'
    '<rect x="300" y="0" width="10" height="10" fill="url(#no-such-gradient)"/></svg>'
)  # the last rect makes QtSvg complain while drawing: that is logged, never a Qt warning


def _data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def _flat(text: str) -> str:
    """Text as compared: ligatures (ﬁ) undone, every run of white space one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


class _Headings(HTMLParser):
    """The text of every h1, h2 and h3, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._open = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3") and self._open is not None:
            self.found.append(_flat("".join(self._open)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def _headings(html: str) -> list[str]:
    parser = _Headings()
    parser.feed(html)
    return parser.found


@dataclass(frozen=True)
class Exported:
    html: str
    text: str  # pdftotext -layout
    pages: int  # pages in the PDF file


def _export_both(tracker: Tracker, folder: Path, *, include_notes: bool) -> Exported:
    snapshot = tracker.snapshot()
    html_path = export(snapshot, "html", folder / "summary.html", include_notes=include_notes).path
    pdf_path = export(snapshot, "pdf", folder / "summary.pdf", include_notes=include_notes).path
    text = _pdf_text(pdf_path)
    return Exported(html_path.read_text(encoding="utf-8"), text, text.count("\f"))


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Learner]:
    """The large realistic learner, built once for this module."""
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("large-home")
        patch.setenv("CAIRN_LOG_DIR", str(home / "logs"))
        yield large_learner(home / "data")


@pytest.fixture(scope="module")
def large_exports(large: Learner, tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Exported]:
    """The large learner's HTML and PDF, with notes (True) and without (False)."""
    exports = {}
    with large.open() as tracker:
        for include_notes in (True, False):
            folder = tmp_path_factory.mktemp(f"large-notes-{include_notes}")
            exports[include_notes] = _export_both(tracker, folder, include_notes=include_notes)
    return exports


@pytest.mark.parametrize("include_notes", [True, False], ids=["notes", "no-notes"])
def test_every_heading_of_a_large_learner_is_in_the_pdf(
    large_exports: dict[bool, Exported], include_notes: bool
) -> None:
    result = large_exports[include_notes]
    headings = _headings(result.html)
    assert "Readiness explained" in headings and len(headings) > 10
    if include_notes:
        assert "Learning journal" in headings
        assert sum(h.startswith("Week ") for h in headings) > 100  # the whole journal
    text = _flat(result.text)
    missing = [h for h in headings if h not in text]
    assert not missing, f"{len(missing)} headings are not in the PDF, first: {missing[:3]}"


@pytest.mark.parametrize("include_notes", [True, False], ids=["notes", "no-notes"])
def test_the_footer_numbers_every_page_of_all(
    large_exports: dict[bool, Exported], include_notes: bool
) -> None:
    result = large_exports[include_notes]
    footers = [(int(n), int(m)) for n, m in FOOTER.findall(result.text)]
    assert result.pages > (40 if include_notes else 8)  # the journal alone fills dozens
    assert footers == [(n, result.pages) for n in range(1, result.pages + 1)]


def test_the_last_words_of_the_journal_are_in_the_pdf(large_exports: dict[bool, Exported]) -> None:
    result = large_exports[True]
    text = _flat(result.text)
    assert text.index("Readiness explained") < text.index("Learning journal")
    last_heading = _headings(result.html)[-1]
    assert last_heading.startswith("Week ") and last_heading in text
    assert "Made with Cairn, offline." in text  # the report's very last line


def _laid_out(html: str, width: float = 672.0) -> QTextDocument:
    """The document as write_pdf lays it out: once, as one long page."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument

    from cairn.reports.pdf import _application, finish_layout

    _app = _application()
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.0)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setPageSize(QSizeF(width, -1))
    finish_layout(document)
    return document


def _split_lines(document: QTextDocument, starts: list[float]) -> list[str]:
    """Every line of text (in any block, table cell included) that a page start cuts."""
    layout = document.documentLayout()
    split = []
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        origin = layout.blockBoundingRect(block).top() - lines.boundingRect().top()
        for n in range(lines.lineCount()):
            top = origin + lines.lineAt(n).y()
            bottom = top + lines.lineAt(n).height()
            split += [block.text()[:40] for start in starts if top < start < bottom]
        block = block.next()
    return split


def _split_rows(document: QTextDocument, starts: list[float], page: float) -> list[int]:
    """Rows (of tables not inside another table) fitting on a page that a page start cuts."""
    from PySide6.QtGui import QTextTable

    from cairn.reports.pdf_pages import _row_span

    layout = document.documentLayout()
    split = []
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            top, bottom = _row_span(layout, frame, row)
            if bottom - top < page - 8:
                split += [row for start in starts if top < start < bottom]
    return split


def test_pages_cut_no_line_and_no_row_and_every_block_is_laid_out(large: Learner) -> None:
    """The layout is never edited (edits once left blocks unlaid and painted as nothing), and
    a page begins where it cuts no line of text and no table row that fits on a page."""
    from cairn.reports.pdf import page_starts, unlaid_blocks

    with large.open() as tracker:
        html = render_text(tracker.snapshot(), "pdf", include_notes=False)
    document = _laid_out(html)
    starts = page_starts(document, 1000.0)
    assert unlaid_blocks(document) == 0
    assert len(starts) > 8 and starts == sorted(set(starts))
    assert all(b - a <= 1000.0 for a, b in pairwise(starts))
    assert _split_lines(document, starts) == []
    assert _split_rows(document, starts, 1000.0) == []


def test_a_row_almost_a_page_tall_below_a_page_start_is_cut_between_lines() -> None:
    """A row that fits a page, but not below the gap its page starts with, is cut between
    its lines rather than through them."""
    from cairn.reports.pdf import page_starts

    words = " ".join(f"word{n}" for n in range(60))  # a row about 210 px tall
    html = (
        '<table cellpadding="9" border="1" style="border-collapse: collapse">'
        f"<tr><td>first</td><td>short</td></tr><tr><td>tall</td><td>{words}</td></tr>"
        f"<tr><td>again</td><td>{words}</td></tr></table><p>after</p>"
    )
    document = _laid_out(html, 300.0)
    for height in range(200, 260, 2):  # from 218 on it fits a page, not below a start
        starts = page_starts(document, float(height))
        assert _split_lines(document, starts) == [], height


def test_a_row_taller_than_a_page_is_cut_between_lines() -> None:
    words = " ".join(f"word{n}" for n in range(3000))
    html = (
        "<table><tr><td>short</td><td>" + words + "</td><td>" + words[:9000] + "</td></tr>"
        "</table><p>after</p>"
    )
    from cairn.reports.pdf import page_starts

    document = _laid_out(html)
    starts = page_starts(document, 300.0)
    assert len(starts) > 3 and _split_lines(document, starts) == []


def test_a_new_learner_pdf_has_every_heading(tmp_path: Path) -> None:
    learner = new_learner(tmp_path / "data")
    with learner.open() as tracker:
        result = _export_both(tracker, tmp_path, include_notes=True)
    text = _flat(result.text)
    assert all(h in text for h in _headings(result.html))
    footers = [(int(n), int(m)) for n, m in FOOTER.findall(result.text)]
    assert footers == [(n, result.pages) for n in range(1, result.pages + 1)]


def test_rows_taller_than_a_page_lose_nothing_after_them(tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(6000))  # one cell: several pages
    links = "<br>".join(f"https://example.org/proof/{n}" for n in range(200))
    rows = "".join(f"<tr><td>row {n}</td><td>{'text ' * 30}</td></tr>" for n in range(30))
    html = (
        "<html><body><h1>Tall rows</h1>" + "<p>filler</p>" * 30 + "<table>"
        f"<tr><th>A</th><th>B</th></tr>{rows}<tr><td>tall</td><td>{words}</td></tr>{rows}"
        "</table><h2>After the tall row</h2><p>Closing words.</p>"
        f"<table><tr><td>links</td><td>{links}</td></tr></table>"
        "<h2>After the links</h2><p>The very end.</p></body></html>"
    )
    target = tmp_path / "tall.pdf"
    write_pdf(html, target, title="Tall")
    text = _pdf_text(target)
    for expected in ("word5999", "After the tall row", "example.org/proof/199", "The very end."):
        assert expected in text, expected
    pages = text.count("\f")
    assert FOOTER.findall(text)[-1] == (str(pages), str(pages))


def test_a_huge_note_and_a_milestone_with_many_links_lose_nothing(tmp_path: Path) -> None:
    learner = new_learner(tmp_path / "data")
    with learner.open() as tracker:
        milestone = next(i for i in tracker.curriculum.items.values() if i.is_milestone)
        tracker.set_status(milestone.id, "done")
        for n in range(150):
            tracker.add_evidence(milestone.id, f"https://github.com/cy/proof/pull/{n}")
        huge = "\n\n".join(f"Paragraph {n}: " + "a long thought " * 40 for n in range(150))
        tracker.set_note(milestone.id, "## A very long note\n\n" + huge + "\n\nThe last line.")
        result = _export_both(tracker, tmp_path, include_notes=True)
    text = _flat(result.text)
    assert all(h in text for h in _headings(result.html))
    assert "github.com/cy/proof/pull/149" in text and "The last line." in text


def _svg_html(*images: str) -> str:
    return "<html><body><h1>Charts</h1>" + "".join(f"<p>{i}</p>" for i in images) + "</body></html>"


def _page_image(pdf: Path, folder: Path) -> QImage:
    from PySide6.QtGui import QImage

    subprocess.run(
        ["pdftoppm", "-png", "-r", "48", "-f", "1", "-l", "1", str(pdf), str(folder / "page")],
        check=True,
    )
    return QImage(str(next(folder.glob("page*.png"))))


def test_an_svg_chart_is_drawn_into_the_pdf(tmp_path: Path) -> None:
    src = _data_uri(CHART.encode())
    target = tmp_path / "chart.pdf"
    write_pdf(
        _svg_html(f'<img src="{src}" width="320" height="120" alt="Study hours per week">'),
        target,
        title="Chart",
    )
    data = target.read_bytes()
    assert b"/Subtype /Image" in data and active_content(data) == []
    page = _page_image(target, tmp_path)
    # The chart is below the heading, at the left margin: 320 CSS px is about 240 pt wide.
    blue = sum(
        (c := page.pixelColor(x, y)).blue() > 150 and c.red() < 100
        for y in range(0, page.height() // 3, 2)
        for x in range(0, page.width() // 2, 2)
    )
    assert blue > 200  # not white where the chart is


def test_a_broken_svg_gives_its_alt_text_and_no_error(tmp_path: Path) -> None:
    broken = [
        _data_uri(b"<svg xmlns='http://www.w3.org/2000/svg'><rect"),  # cut short
        "data:image/svg+xml;base64,@@not base64@@",
        _data_uri(  # would load a file from outside itself
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            b' width="10" height="10"><image xlink:href="/etc/hosts" width="10" height="10"/>'
            b"</svg>"
        ),
    ]
    alts = [
        "Readiness by role",
        "Hours &amp; plan",
        "Burn-up &lt;script&gt;alert(1)&lt;/script&gt;",
    ]
    html = _svg_html(
        *(
            f'<img src="{s}" width="320" height="120" alt="{a}">'
            for s, a in zip(broken, alts, strict=True)
        )
    )
    target = tmp_path / "broken.pdf"
    write_pdf(html, target, title="Broken")
    text = _pdf_text(target)
    assert "Readiness by role" in text and "Hours & plan" in text
    assert "Burn-up <script>alert(1)</script>" in text  # shown as words, never run
    data = target.read_bytes()
    assert b"/Subtype /Image" not in data and active_content(data) == []
    assert with_svg_alt_text(html).count("<img") == 0


def test_the_preview_can_register_the_same_images() -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from cairn.reports.pdf import _application

    _app = _application()
    good = _data_uri(CHART.encode())
    html = _svg_html(
        f'<img src="{good}" width="160" height="60" alt="chart">',
        f'<img src="{_data_uri(b"<svg")}" width="10" height="10" alt="broken">',
        '<img src="https://example.org/x.png" alt="not an svg">',
    )
    document = QTextDocument()
    assert register_svg_images(document, html) == 1
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(good))
    assert (image.width(), image.height()) == (480, 180)  # three times the CSS size


def test_hostile_learner_text_still_gives_an_inert_pdf(tmp_path: Path) -> None:
    learner = new_learner(tmp_path / "data")
    with learner.open() as tracker:
        first = tracker.curriculum.weeks["w01"].item_ids[0]
        tracker.set_note(
            first,
            "<script>alert('x')</script> [click](javascript:alert(1)) "
            '<a href="javascript:alert(2)">a</a> **kept bold** [real](https://docs.python.org/3/)',
        )
        tracker.set_setting("mentor_questions", "[x](javascript:alert(3)) <script>y</script>")
        result = _export_both(tracker, tmp_path, include_notes=True)
    data = (tmp_path / "summary.pdf").read_bytes()
    assert active_content(data) == []
    assert "kept bold" in result.text and "docs.python.org" in data.decode("latin-1")


def test_a_learner_is_the_same_every_time(tmp_path: Path) -> None:
    """tests/learners.py is seeded: the same builder gives the same report."""
    reports = []
    for name in ("first", "second"):
        learner = mid_path_learner(tmp_path / name)
        with learner.open() as tracker:
            reports.append(render_text(tracker.snapshot(), "html"))
            assert len(tracker.sessions()) > 100 and len(tracker.notes()) > 10
    assert reports[0] == reports[1]


def test_the_pdf_text_has_no_ligatures_so_it_searches_as_written(tmp_path: Path) -> None:
    target = tmp_path / "words.pdf"
    write_pdf(
        "<h1>Offline fixtures</h1><p>An efficient, fluffy workflow: ruff finds flaws.</p>",
        target,
        title="Words",
    )
    text = _pdf_text(target)
    assert "Offline fixtures" in text and "efficient, fluffy workflow: ruff finds flaws" in text
    assert not set(text) & set("\ufb00\ufb01\ufb02\ufb03\ufb04")
