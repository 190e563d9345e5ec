"""One set of limits and checks for everything a learner types or a file brings in.

The tracker (so the window and the command line) and the importer use the same functions, so
anything Cairn accepts, its own export restores. Pure: no Qt, no database, the clock is passed in.
Every check returns the clean value or raises `InvalidInput` naming the field, in words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

MAX_NOTE_CHARS = 100_000
MAX_URL_CHARS = 2_000
MAX_NAME_CHARS = 200
MAX_MENTOR_CHARS = 100_000
MIN_MINUTES = 1
MAX_MINUTES = 24 * 60
EARLIEST_YEAR = 2000
FUTURE_TOLERANCE = timedelta(days=1)
WEB_SCHEMES = ("http", "https")

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
# Line and paragraph separators: line breaks that are not control characters.
LINE_SEPARATORS = frozenset("\u2028\u2029")
# An HTML character reference (`&#x202E;`, `&#8238;`, `&rlm;`): a browser decodes it inside a
# link, so it could disguise the address. Numeric ones are decoded even without the `;`. Links
# holding one are accepted (earlier versions stored them, and exports must restore); every
# export writes their `&` as `%26` (markup.safe_href), so no viewer decodes them.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_NUL = "\x00"


class InvalidInput(ValueError):
    """A value Cairn will not store: `field` names it, `problem` says why in words."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"the {field} {problem}")


def _shown(text: str, limit: int = 60) -> str:
    """A short, printable rendering of a refused value for a message."""
    clean = text.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
    return repr(clean if len(clean) <= limit else clean[:limit] + "…")


def check_text(text: object, field: str, *, limit: int, single_line: bool = False) -> str:
    """Text of at most `limit` characters: valid UTF-8 (no lone surrogates), no NUL; a single
    line also refuses line breaks, control characters and bidi controls."""
    if not isinstance(text, str):
        raise InvalidInput(field, f"must be text, not {type(text).__name__}")
    if _SURROGATE.search(text):
        raise InvalidInput(field, "is not valid UTF-8 text")
    if len(text) > limit:
        raise InvalidInput(field, f"is {len(text):,} characters long (at most {limit:,})")
    if _NUL in text:
        raise InvalidInput(field, "contains a NUL character")
    if single_line and (
        _CONTROL.search(text)
        or BIDI_CONTROLS.intersection(text)
        or LINE_SEPARATORS.intersection(text)
    ):
        raise InvalidInput(
            field,
            "contains a line break, control characters or invisible "
            "direction marks; it must be one line of visible text",
        )
    return text


def check_note(body: object, field: str = "note") -> str:
    """A Markdown note: at most 100,000 characters of valid text."""
    return check_text(body, field, limit=MAX_NOTE_CHARS)


def check_learner_name(name: object, field: str = "learner name") -> str:
    """The learner's display name: one line of at most 200 characters."""
    return check_text(name, field, limit=MAX_NAME_CHARS, single_line=True)


def check_mentor_text(text: object, field: str = "text for the mentor") -> str:
    """Questions for the mentor or next goals: at most 100,000 characters."""
    return check_text(text, field, limit=MAX_MENTOR_CHARS)


def url_problem(url: str, schemes: Iterable[str] = WEB_SCHEMES) -> str | None:
    """Why `url` is not an absolute web link with a host (None when it is one)."""
    if _SURROGATE.search(url):
        return "is not valid UTF-8 text"
    if len(url) > MAX_URL_CHARS:
        return f"is {len(url):,} characters long (at most {MAX_URL_CHARS:,})"
    if any(ch.isspace() for ch in url):
        return "contains white space"
    if _CONTROL.search(url) or BIDI_CONTROLS.intersection(url):
        return "contains control characters (or invisible direction marks)"
    if "\\" in url:
        return "contains a backslash"
    allowed = tuple(schemes)
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return f"{_shown(url)} is not a web address"
    if parts.scheme.lower() not in allowed or not parts.hostname:
        wanted = "an https" if allowed == ("https",) else "an http(s)"
        return f"{_shown(url)} is not {wanted} link with a host"
    return None


def check_url(
    url: object, field: str = "evidence URL", schemes: Iterable[str] = WEB_SCHEMES
) -> str:
    """An evidence link: absolute http(s) with a host, at most 2,000 characters, nothing that
    could hide or disguise part of it. Surrounding white space is removed first."""
    if not isinstance(url, str):
        raise InvalidInput(field, f"must be text, not {type(url).__name__}")
    clean = url.strip()
    if not clean:
        raise InvalidInput(field, "is empty")
    problem = url_problem(clean, schemes)
    if problem is not None:
        raise InvalidInput(field, problem)
    return clean


def is_web_url(url: str, schemes: Iterable[str] = WEB_SCHEMES) -> bool:
    """True when `url` (without surrounding white space) passes the link rule."""
    return isinstance(url, str) and url_problem(url.strip(), schemes) is None


def check_minutes(minutes: object, field: str = "study time") -> int:
    """A study session's length: a whole number of minutes, 1 to 1440 (a day)."""
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise InvalidInput(field, f"must be a whole number of minutes, not {minutes!r}")
    if isinstance(minutes, float) and (not math.isfinite(minutes) or minutes != int(minutes)):
        raise InvalidInput(field, f"must be a whole number of minutes, not {minutes!r}")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidInput(
            field,
            f"of {minutes:g} minutes is not a study session; give {MIN_MINUTES} to {MAX_MINUTES}",
        )
    return int(minutes)


def to_utc(moment: datetime) -> datetime:
    """Naive UTC, as the database stores it: aware times are converted, naive taken as UTC."""
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(tzinfo=None)


def check_time(moment: object, now: datetime, field: str = "time") -> datetime:
    """A moment in naive UTC, from 2000 to at most a day after `now` (naive UTC or aware)."""
    if not isinstance(moment, datetime):
        raise InvalidInput(field, f"must be a date and time, not {type(moment).__name__}")
    try:
        utc = to_utc(moment)
    except OverflowError:
        raise InvalidInput(field, f"{moment.isoformat()} is out of range") from None
    if utc.year < EARLIEST_YEAR:
        raise InvalidInput(field, f"{utc.isoformat()} is before {EARLIEST_YEAR}")
    if utc > to_utc(now) + FUTURE_TOLERANCE:
        raise InvalidInput(field, f"{utc.isoformat()} is in the future")
    return utc


def parse_time(text: object, now: datetime, field: str = "time") -> datetime:
    """An ISO 8601 date and time ('Z' or an offset allowed) checked like `check_time`."""
    if not isinstance(text, str):
        raise InvalidInput(field, f"must be text, not {type(text).__name__}")
    if not text.strip() or len(text) > 40:
        raise InvalidInput(field, f"{_shown(text)} is not a date and time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, f"{_shown(text)} is not a date and time") from None
    return check_time(moment, now, field)


# Settings holding text the learner typed, by key, with their check and the field's name.
TEXT_SETTINGS = {
    "learner_name": (check_learner_name, "learner name"),
    "mentor_questions": (check_mentor_text, "questions for the mentor"),
    "next_goals": (check_mentor_text, "next goals"),
}


def check_setting(key: str, value: object) -> object:
    """A setting's value: the learner's name and mentor texts are checked, the rest pass."""
    rule = TEXT_SETTINGS.get(key)
    if rule is None or value is None:
        return value
    check, field = rule
    return check(value, field)
