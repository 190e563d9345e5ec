"""Markdown to HTML, sanitized with nh3 so only safe tags and absolute http(s)/mailto links remain.

Used for everything shown in the window and everything that leaves the app as HTML. Every link
target that survives is percent-encoded (no quotes, parentheses, spaces, backslashes, control or
non-ASCII characters), so it cannot break out of an HTML attribute or a PDF string; an `&` that
begins an HTML character reference (`&#x202E;`, `&rlm;`) becomes `%26`, so no viewer decodes one
into the address; and every bidirectional-override or control character is removed from learner
text (it could disguise `txt.exe` as `exe.txt`)."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Collection
from urllib.parse import quote, urlsplit

import markdown
import nh3

from .validation import CHARACTER_REFERENCE

_TAGS = {
    "a",
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
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
    "del",
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
WEB_SCHEMES = frozenset({"http", "https"})

# Bidi embeddings/overrides/isolates and marks, C0 controls except tab and newline, DEL, C1.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Kept as they are in a link target; everything else is percent-encoded.
_URL_SAFE = "/:?#[]@!$&*+,;=%~"


def strip_controls(text: str) -> str:
    """The text without bidi controls and control characters (tabs and newlines stay)."""
    return _INVISIBLE.sub("", text)


def safe_href(url: str, schemes: Collection[str] = LINK_SCHEMES) -> str | None:
    """`url` percent-encoded if it is an absolute link with one of `schemes` (http(s) with a
    host, mailto with an address); None for anything else: relative, protocol-relative,
    other schemes, or a target holding whitespace or control characters. An `&` beginning a
    character reference is encoded as `%26`, so the target stays as written in any viewer."""
    url = url.strip()
    if not url or any(ch.isspace() or _INVISIBLE.match(ch) for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return None
    if scheme in WEB_SCHEMES and not (parts.netloc and parts.hostname):
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return quote(CHARACTER_REFERENCE.sub(_inert_reference, url), safe=_URL_SAFE)


def _inert_reference(match: re.Match[str]) -> str:
    """A character reference with its `&` percent-encoded, so nothing decodes it."""
    return "%26" + match.group(0)[1:]


_RENDERERS = threading.local()


def _markdown() -> markdown.Markdown:
    """This thread's Markdown renderer, reset. Raw HTML in the text is shown as the text it
    is (`<script>` reads as "<script>"), never passed on: a mentor's "put keys in a <script>
    tag" keeps its words, and nothing typed can open an element that swallows what follows."""
    renderer = getattr(_RENDERERS, "markdown", None)
    if renderer is None:
        from markdown.extensions.fenced_code import FencedCodeExtension
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        # Instances, not names: a name makes Markdown scan every installed package's entry
        # points (importlib.metadata), a noticeable part of the window's start-up.
        renderer = markdown.Markdown(
            extensions=[FencedCodeExtension(), TableExtension(), SaneListExtension()]
        )
        renderer.preprocessors.deregister("html_block")
        renderer.inlinePatterns.deregister("html")
        _RENDERERS.markdown = renderer
    return renderer.reset()


_DEAD_LINK = re.compile(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", re.DOTALL)


def markdown_to_html(text: str, *, schemes: Collection[str] = LINK_SCHEMES) -> str:
    """Render learner or content Markdown to sanitized HTML (no images, scripts or styles);
    links keep only absolute targets with one of `schemes`."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            return safe_href(value, schemes)
        return strip_controls(value)

    raw = _markdown().convert(strip_controls(text))
    cleaned = nh3.clean(
        raw,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},
        attribute_filter=keep,
        url_schemes=set(schemes),
        link_rel="noopener noreferrer",
    )
    # a link whose target was refused keeps only its words: an <a> without href still looks
    # like a link in a browser or a QTextBrowser
    cleaned = _DEAD_LINK.sub(r"\1", cleaned)
    return strip_controls(cleaned)  # entities such as &#x202E; are decoded by the sanitizer


def link_html(url: str, *, schemes: Collection[str] = LINK_SCHEMES) -> str:
    """One link to `url` showing the address, or just the address as text when it is not an
    absolute link with one of `schemes`."""
    href = safe_href(url, schemes)
    if href is None:
        return escape(url)
    return f'<a href="{escape(href)}" rel="noopener noreferrer">{escape(url)}</a>'


def escape(text: str) -> str:
    """Text for HTML: escaped, without bidi controls or control characters."""
    return html.escape(strip_controls(text), quote=True)
