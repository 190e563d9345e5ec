"""Markdown to HTML, sanitized with nh3 so only safe tags and http(s)/mailto links remain.

Used for everything shown in the window and everything that leaves the app as HTML."""

from __future__ import annotations

import html

import markdown
import nh3

_TAGS = {
    "a", "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "del",
}


def markdown_to_html(text: str) -> str:
    """Render learner or content Markdown to sanitized HTML (no images, scripts or styles)."""
    raw = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists"])
    return nh3.clean(raw, tags=_TAGS, attributes={"a": {"href", "title"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def escape(text: str) -> str:
    return html.escape(text, quote=True)
