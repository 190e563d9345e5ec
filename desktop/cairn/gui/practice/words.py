"""How practice values read in the window: rating names, intervals ("3 d"), a card's state in
a word, percentages. Every string goes through Qt's translation with the "Practice" context."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from ...markup import escape
from ..widgets.dates import local_day_time

RATING_NUMBERS = (1, 2, 3, 4)  # Again, Hard, Good, Easy
RATING_KEYS = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def rating_name(rating: int) -> str:
    """The rating's name as its button says it."""
    names = {
        1: QCoreApplication.translate("Practice", "Again"),
        2: QCoreApplication.translate("Practice", "Hard"),
        3: QCoreApplication.translate("Practice", "Good"),
        4: QCoreApplication.translate("Practice", "Easy"),
    }
    return names[rating]


def rating_hint(rating: int) -> str:
    """What a rating means, for its tooltip."""
    hints = {
        1: QCoreApplication.translate("Practice", "I did not remember it (shown again soon)"),
        2: QCoreApplication.translate("Practice", "I remembered it with real effort"),
        3: QCoreApplication.translate("Practice", "I remembered it after a moment's thought"),
        4: QCoreApplication.translate("Practice", "I knew it at once"),
    }
    return hints[rating]


def interval(span: timedelta) -> str:
    """A time until the next review, short: "1 min", "10 min", "5 h", "3 d", "2.1 mo", "1.4 y"."""
    minutes = max(1, round(span.total_seconds() / 60))
    if minutes < 60:
        return QCoreApplication.translate("Practice", "{n} min").format(n=minutes)
    hours = span.total_seconds() / 3600
    if hours < 23.5:
        return QCoreApplication.translate("Practice", "{n} h").format(n=round(hours))
    days = span.total_seconds() / 86400
    if days < 30.5:
        return QCoreApplication.translate("Practice", "{n} d").format(n=max(1, round(days)))
    if days < 365:
        return QCoreApplication.translate("Practice", "{n} mo").format(n=f"{days / 30.4:.1f}")
    return QCoreApplication.translate("Practice", "{n} y").format(n=f"{days / 365.25:.1f}")


def percent(value: float | None) -> str:
    """A probability as "82 %", or "—" when there is none."""
    if value is None:
        return "—"
    return QCoreApplication.translate("Practice", "{n} %").format(n=round(value * 100))


def cards_due(count: int) -> str:
    """ "1 card due" / "23 cards due"."""
    if count == 1:
        return QCoreApplication.translate("Practice", "1 card due")
    return QCoreApplication.translate("Practice", "{count} cards due").format(count=count)


def next_review(when: datetime | None) -> str:
    """When the next card is due, in the learner's local time ("" if none is scheduled)."""
    return local_day_time(when) if when is not None else ""


def duration(seconds: float) -> str:
    """A clock reading: "0:42", "12:05", "1:02:03"."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def spoken_duration(seconds: float) -> str:
    """A time taken in words: "45 s", "12 min", "1 h 5 min"."""
    whole = max(0, round(seconds))
    if whole < 60:
        return QCoreApplication.translate("Practice", "{n} s").format(n=whole)
    minutes = round(whole / 60)
    if minutes < 60:
        return QCoreApplication.translate("Practice", "{n} min").format(n=minutes)
    return QCoreApplication.translate("Practice", "{h} h {m} min").format(
        h=minutes // 60, m=minutes % 60
    )


def plain_tip(text: str) -> str:
    """Learner- or pack-typed text for a tooltip: escaped and marked as rich text, so that
    Qt shows it as the text it is ("<img …>" stays those characters, loads nothing)."""
    return f"<p>{escape(text)}</p>" if text else ""


def button_text(text: str) -> str:
    """Typed text for a button or a check box: "&" is shown, never taken as a shortcut."""
    return text.replace("&", "&&")
