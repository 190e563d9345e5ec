"""Which links Cairn accepts, in content and in what the learner types."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import validation
from ..validation import WEB_SCHEMES

_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HREF = re.compile(r"""(?:href|src)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def is_web_url(url: str, *, allow_http: bool = False) -> bool:
    """True for an absolute https URL with a host (http too when allowed): the one link rule
    of `cairn.validation` (length, no white space, control or bidi characters, no backslash)."""
    return validation.is_web_url(url, WEB_SCHEMES if allow_http else ("https",))


def is_openable_link(url: str) -> bool:
    """Links the app will hand to the system browser: http(s) and mailto only."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.netloc)
    return scheme == "mailto" and bool(parts.path)


def markdown_link_targets(text: str) -> list[str]:
    """Every link or image target written in a Markdown (or inline HTML) text."""
    found = _MARKDOWN_LINK.findall(text) + _AUTOLINK.findall(text) + _HREF.findall(text)
    return [target.strip() for target in found]


def bad_markdown_links(text: str) -> list[str]:
    """Link targets in Markdown content that are not https or mailto."""
    bad = []
    for target in markdown_link_targets(text):
        scheme = urlsplit(target).scheme.lower() if ":" in target else ""
        if scheme == "mailto" or is_web_url(target):
            continue
        bad.append(target)
    return bad
