"""Mentor feedback the learner has not looked at yet, for the Today page: which comments,
notes and verified milestones are new, how many, and the sentence that says so.

Pure functions of plain values (comment and verification records, the moment the learner last
marked feedback as read): no Qt, no database, no tracker. The window translates the wording by
passing its own `NewsWords`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

import nh3

from .markup import markdown_to_html, strip_controls
from .records import CommentRecord, VerificationRecord, stored_moment

FEEDBACK_SEEN = "feedback_seen_at"  # setting: when the learner last marked feedback as read
NOTE_SHOWN_CHARS = 400  # of the newest overall note, on the Today page

_MARKDOWN_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_INLINE_TAGS = {"strong", "em", "code", "del", "a"}  # what a note keeps on one line
_BREAKS = re.compile(r"</(p|li|h[1-6]|blockquote|pre|tr)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedbackNews:
    """What arrived since the learner last marked feedback as read. `item_ids` are the items
    and milestones the curriculum knows, in the order first commented; `retired_ids` those it
    no longer has; `notes` the overall notes, oldest first (mentor, text)."""

    item_ids: tuple[str, ...] = ()
    retired_ids: tuple[str, ...] = ()
    comments: int = 0  # on items and milestones
    notes: tuple[tuple[str, str], ...] = ()
    verified: tuple[str, ...] = ()

    @property
    def items(self) -> int:
        """How many items and milestones have new comments (retired ones included)."""
        return len(self.item_ids) + len(self.retired_ids)

    @property
    def empty(self) -> bool:
        return not (self.comments or self.notes or self.verified)

    @property
    def latest_note(self) -> tuple[str, str] | None:
        """The newest overall note (mentor, text), if any arrived."""
        return self.notes[-1] if self.notes else None


def seen_moment(value: Any) -> datetime | None:
    """The stored `feedback_seen_at` as naive UTC (None when absent or unreadable: then every
    comment counts as new)."""
    return stored_moment(value)


def unseen_feedback(
    comments: Iterable[CommentRecord],
    verifications: Mapping[str, VerificationRecord],
    seen_at: datetime | None,
    known: Container[str],
) -> FeedbackNews:
    """Comments received after `seen_at` (all of them when None) and milestones verified after
    it. A verification carries the mentor's time only, so one written before `seen_at` but
    imported after it is not counted as new."""
    fresh = [c for c in comments if seen_at is None or c.received_at > seen_at]
    on_items = [c for c in fresh if c.content_id]
    ids = list(dict.fromkeys(c.content_id for c in on_items))
    notes = sorted((c for c in fresh if not c.content_id), key=lambda c: c.written_at)
    verified = sorted(
        (v for v in verifications.values() if seen_at is None or v.verified_at > seen_at),
        key=lambda v: v.verified_at,
    )
    return FeedbackNews(
        item_ids=tuple(i for i in ids if i in known),
        retired_ids=tuple(i for i in ids if i not in known),
        comments=len(on_items),
        notes=tuple((c.mentor, c.body) for c in notes if c.body.strip()),
        verified=tuple(v.content_id for v in verified),
    )


@dataclass(frozen=True, slots=True)
class NewsWords:
    """The templates of the headline (English here; the window passes translated ones)."""

    sentence: str = "Your mentor {actions}."
    commented_one: str = "commented on 1 item"
    commented_many: str = "commented on {count} items"
    note_one: str = "sent a note"
    note_many: str = "sent {count} notes"
    verified_one: str = "verified 1 milestone"
    verified_many: str = "verified {count} milestones"
    two: str = "{first} and {second}"
    three: str = "{first}, {second} and {third}"


def _counted(count: int, one: str, many: str) -> str:
    return one if count == 1 else many.format(count=count)


def headline(news: FeedbackNews, words: NewsWords = NewsWords()) -> str:
    """ "Your mentor commented on 3 items, sent a note and verified 1 milestone." ('' when
    nothing is new)."""
    actions = []
    if news.comments:
        actions.append(_counted(news.items, words.commented_one, words.commented_many))
    if news.notes:
        actions.append(_counted(len(news.notes), words.note_one, words.note_many))
    if news.verified:
        actions.append(_counted(len(news.verified), words.verified_one, words.verified_many))
    if not actions:
        return ""
    if len(actions) == 1:
        joined = actions[0]
    elif len(actions) == 2:
        joined = words.two.format(first=actions[0], second=actions[1])
    else:
        joined = words.three.format(first=actions[0], second=actions[1], third=actions[2])
    return words.sentence.format(actions=joined)


def inert_markdown(text: str, limit: int = NOTE_SHOWN_CHARS) -> str:
    """Someone else's text made safe to put into Markdown a window renders: on one line, at
    most `limit` characters (then "…"), without control or bidi characters, and every ASCII
    punctuation character backslash-escaped, so nothing in it becomes a link, an image, HTML,
    an entity or emphasis: it reads exactly as typed."""
    flat = " ".join(strip_controls(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)


def _shortened(text: str, limit: int) -> str:
    """At most `limit` characters of `text` (then "…"), its lines kept."""
    clean = strip_controls(text).strip()
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


def note_markdown(text: str, limit: int = NOTE_SHOWN_CHARS) -> str:
    """A mentor's Markdown note as one line a Markdown view shows safely with its emphasis,
    code and web links: its first `limit` characters rendered and sanitized (nh3; links only
    http(s) and mailto), kept to inline elements on one line, and every punctuation character
    of its text backslash-escaped, so the view reads no new link, image or HTML into it."""
    sanitized = markdown_to_html(_shortened(text, limit))
    inline = nh3.clean(
        _BREAKS.sub(" ", sanitized),
        tags=_INLINE_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    rebuilt = _InlineRebuilder()
    rebuilt.feed(inline)
    rebuilt.close()
    return " ".join("".join(rebuilt.out).split())


class _InlineRebuilder(HTMLParser):
    """Sanitized inline HTML again, its text escaped for Markdown; a link without a target
    (nh3 removed it) is left out, its words kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._links: list[bool] = []  # for each open <a>: whether it was written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            self._links.append(bool(href))
            if href:
                self.out.append(f'<a href="{html.escape(href, quote=True)}">')
        elif tag in _INLINE_TAGS:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            if self._links and self._links.pop():
                self.out.append("</a>")
        elif tag in _INLINE_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(_MARKDOWN_PUNCTUATION.sub(r"\\\1", strip_controls(data)))
