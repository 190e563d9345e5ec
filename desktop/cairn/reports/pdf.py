"""PDF from the print variant of the HTML report, laid out by Qt (QTextDocument + QPdfWriter).

Works with no display: without one, Qt's offscreen platform is used. Pages are A4, numbered
"page N of M" in the footer. The document is laid out once, as one long page, and cut into
pages where no line of text and no table row that fits on a page is split (pdf_pages.py); a
row taller than a page is cut between lines. Nothing is ever left out.

Inline SVG images (`<img src="data:image/svg+xml;base64,...">`, the report's charts) are drawn
by QtSvg at three times their CSS size and handed to the document as image resources; one that
cannot be drawn is replaced by its alt text.

After writing, the PDF's objects are read back: a file holding a script, a launch, a form
submission or a link to anything but an http(s) address is deleted and refused (Qt copies link
targets into the PDF without escaping, so this is checked on the bytes, not trusted)."""

from __future__ import annotations

import base64
import binascii
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..markup import escape
from .pdf_pages import EDGE, PAGE_GAP, finish_layout, page_starts, unlaid_blocks

__all__ = [
    "SvgImage",
    "UnsafePdfError",
    "active_content",
    "finish_layout",
    "page_starts",
    "prepare_svg_images",
    "refuse_active_pdf",
    "register_svg_images",
    "render_svg",
    "svg_images",
    "unlaid_blocks",
    "with_svg_alt_text",
    "write_pdf",
]

log = logging.getLogger("cairn.reports.pdf")

SCREEN_DPI = 96.0
PDF_DPI = 300
FOOTER_POINTS = 18.0
SVG_PREFIX = "data:image/svg+xml;base64,"
SVG_SCALE = 3.0  # drawn at three times the CSS size: about 290 dpi on paper
MAX_SVG_SIDE = 4000  # pixels per side of a drawn chart, at most


class UnsafePdfError(ValueError):
    """The laid-out PDF would carry an action that runs, opens or sends something."""


# Action and object names that make a PDF do something besides showing pages and web links.
ACTIVE_NAMES = frozenset(
    {
        "JavaScript",
        "JS",
        "Launch",
        "SubmitForm",
        "ImportData",
        "GoToR",
        "GoToE",
        "OpenAction",
        "AA",
        "RichMedia",
        "EmbeddedFile",
        "XFA",
    }
)
_WHITESPACE = b"\x00\t\n\x0c\r "
_DELIMITERS = b"()<>[]{}/%"
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\x0c"}


def _literal_string(data: bytes, start: int) -> tuple[bytes, int]:
    """Decode the PDF literal string opening at `start` ("("); returns it and the end index."""
    out = bytearray()
    depth, i = 1, start + 1
    while i < len(data):
        ch = data[i]
        if ch == 0x5C:  # backslash
            nxt = data[i + 1 : i + 2]
            if nxt and nxt in b"01234567":
                digits = re.match(rb"[0-7]{1,3}", data[i + 1 : i + 4])
                assert digits is not None
                out.append(int(digits.group(), 8) & 0xFF)
                i += 1 + len(digits.group())
                continue
            if nxt in (b"\r", b"\n"):  # a line continuation
                i += 3 if data[i + 1 : i + 3] == b"\r\n" else 2
                continue
            out += _ESCAPES.get(nxt[0], nxt) if nxt else b""
            i += 2
            continue
        if ch == 0x28:
            depth += 1
        elif ch == 0x29:
            depth -= 1
            if not depth:
                return bytes(out), i + 1
        out.append(ch)
        i += 1
    return bytes(out), i


def _name(data: bytes, start: int) -> tuple[str, int]:
    """Decode the PDF name opening at `start` ("/"), #xx escapes included."""
    end = start + 1
    while end < len(data) and data[end] not in _WHITESPACE and data[end] not in _DELIMITERS:
        end += 1
    raw = re.sub(
        rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data[start + 1 : end]
    )
    return raw.decode("latin-1"), end


def _tokens(data: bytes) -> Iterator[tuple[str, Any]]:
    """("name", str) and ("string", bytes) tokens of the PDF's objects; streams, comments
    and everything else are passed over."""
    i = 0
    while i < len(data):
        ch = data[i : i + 1]
        if ch == b"%":
            eol = re.compile(rb"[\r\n]").search(data, i)
            i = eol.end() if eol else len(data)
        elif ch == b"(":
            text, i = _literal_string(data, i)
            yield "string", text
        elif data.startswith(b"<<", i) or data.startswith(b">>", i):
            i += 2
        elif ch == b"<":
            end = data.find(b">", i)
            end = len(data) if end < 0 else end
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data[i + 1 : end])
            yield "string", bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
            i = end + 1
        elif ch == b"/":
            name, i = _name(data, i)
            yield "name", name
        elif data.startswith(b"stream", i) and (i == 0 or data[i - 1] in _WHITESPACE):
            end = data.find(b"endstream", i + 6)
            i = len(data) if end < 0 else end + len(b"endstream")
        else:
            i += 1


def active_content(data: bytes) -> list[str]:
    """What in these PDF bytes could run, open or send something: active names, and link
    targets that are not http(s) addresses. Empty for an inert PDF."""
    found: list[str] = []
    previous = ("", None)
    for kind, value in _tokens(data):
        if kind == "name" and value in ACTIVE_NAMES:
            found.append(f"/{value}")
        if kind == "string" and previous == ("name", "URI"):
            target = value.decode("latin-1")
            if not re.match(r"https?://[^\s]", target, re.IGNORECASE):
                found.append(f"a link to {target!r}")
        previous = (kind, value)
    return sorted(set(found))


def refuse_active_pdf(path: Path) -> None:
    """Delete the PDF at `path` and raise UnsafePdfError if it holds active content."""
    problems = active_content(path.read_bytes())
    if problems:
        path.unlink(missing_ok=True)
        raise UnsafePdfError(
            "the PDF would contain active content ("
            + ", ".join(problems)
            + "), so it was not written"
        )


def _application() -> Any:
    """The running Qt application, or a new one (a widgets one, so the window can follow)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "cairn"])
    return app


# --- inline SVG images ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SvgImage:
    """An `<img>` whose source is an SVG data URI, as written in the HTML."""

    tag: str  # the tag's text, to replace it
    src: str  # the source with entities decoded (the name Qt looks the image up by)
    width: float | None  # CSS pixels, when the tag says
    height: float | None
    alt: str


class _ImgTag(HTMLParser):
    """Reads one `<img ...>` tag's attributes, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and not self.attributes:
            self.attributes = {name: value or "" for name, value in attrs}


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")
_FOREIGN = re.compile(r"<!(?:DOCTYPE|ENTITY)|\bhref\s*=\s*[\"']\s*(?!#)", re.IGNORECASE)


def _length(text: str | None) -> float | None:
    match = _LENGTH.fullmatch(text or "")
    value = float(match.group(1)) if match else 0.0
    return value if 0 < value <= 10_000 else None


def svg_images(html: str) -> list[SvgImage]:
    """Every `<img>` in `html` whose source is an SVG data URI, in order."""
    found = []
    for match in _IMG_TAG.finditer(html):
        parser = _ImgTag()
        parser.feed(match.group())
        parser.close()
        src = parser.attributes.get("src", "").strip()
        if src[: len(SVG_PREFIX)].lower() != SVG_PREFIX:
            continue
        found.append(
            SvgImage(
                match.group(),
                src,
                _length(parser.attributes.get("width")),
                _length(parser.attributes.get("height")),
                parser.attributes.get("alt", ""),
            )
        )
    return found


@contextmanager
def _qt_svg_messages_to_log() -> Iterator[None]:
    """While drawing, QtSvg's complaints about a bad SVG go to the log (at debug level), not
    to Qt's warnings; every other Qt message goes where it went before."""
    from PySide6.QtCore import qInstallMessageHandler

    previous: Any = None

    def handler(kind: Any, context: Any, message: str) -> None:
        if (context.category or "").startswith("qt.svg"):
            log.debug("an SVG image could not be drawn cleanly: %s", message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def render_svg(image: SvgImage, *, opaque: bool = False) -> Any:
    """The SVG drawn on a QImage at SVG_SCALE times its CSS size (the tag's width and height,
    else the SVG's own), on white when `opaque` (print: a PDF keeps transparency only as a
    one-bit mask, which would make every anti-aliased edge jagged), else on transparent (a
    preview on a dark theme). None when it cannot be drawn: bad base64, not an SVG, no size,
    or an SVG that would load anything from outside itself."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _application()  # QtSvg draws text with fonts, which need a Qt application

    try:
        data = base64.b64decode(image.src[len(SVG_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return None
    if _FOREIGN.search(data.decode("utf-8", "replace")):
        return None
    with _qt_svg_messages_to_log():
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)  # as a browser does
        natural = renderer.defaultSize()
        width = image.width or (natural.width() if natural.width() > 0 else None)
        height = image.height or (natural.height() if natural.height() > 0 else None)
        if not width or not height:
            return None
        scale = min(SVG_SCALE, MAX_SVG_SIDE / width, MAX_SVG_SIDE / height)
        pixels = QImage(
            max(1, round(width * scale)),
            max(1, round(height * scale)),
            QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied,
        )
        pixels.fill(Qt.GlobalColor.white if opaque else Qt.GlobalColor.transparent)
        pixels.setDevicePixelRatio(scale)  # its natural size stays the CSS size
        painter = QPainter(pixels)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
    return pixels


def _drawn_svg_images(html: str, *, opaque: bool = False) -> tuple[dict[str, Any], list[SvgImage]]:
    """The drawable SVG images of `html` (drawn, by source) and the ones that cannot be."""
    drawn: dict[str, Any] = {}
    broken: list[SvgImage] = []
    for image in svg_images(html):
        if image.src in drawn:
            continue  # Qt keeps one image per source: drawn for its first tag's size
        pixels = render_svg(image, opaque=opaque)
        if pixels is None:
            broken.append(image)
        else:
            drawn[image.src] = pixels
    return drawn, broken


def _add_images(document: Any, drawn: dict[str, Any]) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    for src, pixels in drawn.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), pixels)


def register_svg_images(document: Any, html: str) -> int:
    """Draw every SVG data-URI image of `html` and register it on `document` (a QTextDocument,
    such as a QTextBrowser's) under its source, so rich text shows the chart sharp. Call it
    before the document lays the HTML out. Returns how many images were registered; one that
    cannot be drawn is left out (see `with_svg_alt_text`)."""
    return prepare_svg_images(document, html)[1]


def prepare_svg_images(
    document: Any, html: str, drawn: dict[str, Any] | None = None
) -> tuple[str, int]:
    """Register `html`'s SVG images on `document` (drawn once each: `drawn` keeps them by source
    between calls, None for a drawing that failed) and replace the ones that cannot be drawn by
    their alt text. Returns the HTML to show and how many images were registered."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    drawn = {} if drawn is None else drawn
    registered = set()
    for image in svg_images(html):
        if image.src not in drawn:
            drawn[image.src] = render_svg(image)
        pixels = drawn[image.src]
        if pixels is None:
            html = html.replace(image.tag, _alt_text(image))
        elif image.src not in registered:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(image.src), pixels)
            registered.add(image.src)
    return html, len(registered)


def _alt_text(image: SvgImage) -> str:
    return f'<span class="muted">{escape(image.alt or "(a chart that could not be drawn)")}</span>'


def with_svg_alt_text(html: str) -> str:
    """`html` with every SVG data-URI image that cannot be drawn replaced by its alt text."""
    _drawn, broken = _drawn_svg_images(html)
    for image in broken:
        html = html.replace(image.tag, _alt_text(image))
    return html


# --- writing --------------------------------------------------------------------------------


def write_pdf(html: str, target: Path, *, title: str) -> None:
    """Lay out `html` on numbered A4 pages and write the PDF to `target`; refuse (and leave
    no file) if the result holds anything active."""
    _app = _application()  # keep a reference while painting
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    drawn, broken = _drawn_svg_images(html, opaque=True)
    for image in broken:
        html = html.replace(image.tag, _alt_text(image))

    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("Cairn")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    scale = PDF_DPI / SCREEN_DPI
    paint = writer.pageLayout().paintRectPixels(PDF_DPI)
    footer = FOOTER_POINTS * PDF_DPI / 72.0
    page_width = paint.width() / scale
    page_height = (paint.height() - footer) / scale

    document = QTextDocument()
    font = QFont("DejaVu Sans")
    for tag in ("liga", "clig"):  # "offline", not "oﬄine": the PDF's text is searchable
        font.setFeature(QFont.Tag(tag), 0)
    font.setPointSizeF(9.0)
    document.setDefaultFont(font)
    _add_images(document, drawn)
    document.setHtml(html)
    document.setPageSize(QSizeF(page_width, -1))  # one long page: Qt breaks nothing itself
    finish_layout(document)
    if unlaid_blocks(document):  # never seen after a fresh layout; lose no text if it happens
        log.warning("the PDF layout left text unlaid; laying it out again")
        document.setHtml(html)
        finish_layout(document)
    starts = page_starts(document, page_height)
    ends = [*starts[1:], document.documentLayout().documentSize().height()]
    pages = len(starts)

    painter = QPainter(writer)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    try:
        for page, (top, bottom) in enumerate(zip(starts, ends, strict=True)):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, (PAGE_GAP if page else 0.0) - top)
            window = QRectF(0, top + EDGE, page_width, bottom - top - 2 * EDGE)
            document.drawContents(painter, window)
            painter.restore()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, paint.height() - footer, paint.width(), footer),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{title} · page {page + 1} of {pages}",
            )
    finally:
        painter.end()
    refuse_active_pdf(target)
