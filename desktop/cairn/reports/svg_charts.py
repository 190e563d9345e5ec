"""The summary's charts as inline SVG text: study hours per week against the plan, the burn-up
of the path, and readiness per role.

Pure functions, no Qt and no I/O. The SVG keeps to the SVG Tiny 1.2 subset QtSvg draws (rect,
line, polyline, path, circle, text, g and title, with presentation attributes only: no CSS,
scripts, links or filters), so the PDF writer can render the very text the HTML report inlines.
Colours read on white and on the dark theme's #17181a. Every label is escaped, and every number
is clamped, finite and written with at most one decimal."""

from __future__ import annotations

import base64
import html
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from itertools import pairwise

from ..markup import strip_controls

__all__ = ["burn_up", "data_uri", "hours_per_week", "readiness_bars"]

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ACCENT = "#2f6fd0"  # bars and the done line
AXIS = "#8a8f98"  # axis lines and gridlines
# Label text: the grey with the best contrast on both backgrounds (about 4.2:1 on each).
TEXT = "#777c85"
PLAN = "#d9822b"  # the plan's dashed line
UP = "#2a9150"  # a rise since the last report (4:1 on white, 4.4:1 on #17181a)
DOWN = "#d0453a"  # a fall since the last report
FONT = "DejaVu Sans, Segoe UI, Arial, sans-serif"
DASH = "6 4"

MAX_WEEKS = 26
HOURS_IN_WEEK = 168.0
NAME_LIMIT = 28
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Character widths in ems, rounded up from DejaVu Sans (wider than Arial or Segoe UI), so a
# label measured with them fits whichever of the fonts draws it.
_NARROW = frozenset("ijlI.,:;'|!")
_SLIM = frozenset("ftr ()[]-/")
_WIDE = frozenset("WMmw@%")
# Characters XML 1.0 cannot hold at all (strip_controls removes the control characters).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_Scale = Callable[[float], float]
_DayScale = Callable[[date], float]


def hours_per_week(
    weeks: Sequence[tuple[date, float]],
    planned_per_week: float | None,
    *,
    width: int = 640,
    height: int = 200,
) -> str:
    """One bar per week (Monday dates; the latest `MAX_WEEKS` are drawn, oldest on the left)
    with hour gridlines, and a dashed line at `planned_per_week` when there is a plan."""
    width, height = _size(width, 240), _size(height, 120)
    rows = sorted(((_day(monday), _clamp(hours, 0.0, HOURS_IN_WEEK)) for monday, hours in weeks))
    rows = rows[-MAX_WEEKS:]
    if not rows:
        return _placeholder("No study time recorded yet", width)
    plan = _clamp(planned_per_week, 0.0, HOURS_IN_WEEK) if planned_per_week is not None else 0.0
    left, right, top, bottom = 46, 14, (28 if plan else 12), 24
    plot_width, plot_height = width - left - right, height - top - bottom
    axis_top, step = _axis(max(max(hours for _, hours in rows), plan))

    def y_of(hours: float) -> float:
        return top + plot_height * (1 - hours / axis_top)

    parts = _y_grid(left, width - right, y_of, axis_top, step, " h")
    slot = plot_width / len(rows)
    bar_width = min(slot * 0.7, 36.0)
    widest = max(_text_width(_short(monday), 11) for monday, _ in rows)
    label_every = max(1, math.ceil(len(rows) * (widest + 10) / plot_width))
    for index, (monday, hours) in enumerate(rows):
        centre = left + slot * (index + 0.5)
        if hours > 0:
            parts.append(
                f'<rect x="{_n(centre - bar_width / 2)}" y="{_n(y_of(hours))}" '
                f'width="{_n(bar_width)}" height="{_n(plot_height * hours / axis_top)}" '
                f'fill="{ACCENT}"><title>{_escape(f"Week of {_long(monday)}: {_n(hours)} h")}'
                "</title></rect>"
            )
        if (len(rows) - 1 - index) % label_every == 0:
            parts.append(_text(centre, height - 7, _short(monday), anchor="middle"))
    last = rows[-1][1]
    summary = f"Study hours per week over {_count(len(rows), 'week')}: last week {_n(last)} h"
    if len(rows) > 1:
        summary += f", average {_n(sum(hours for _, hours in rows) / len(rows))} h"
    if plan:
        y = _n(y_of(plan))
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="{PLAN}" '
            f'stroke-width="2" stroke-dasharray="{DASH}"/>'
        )
        parts.append(_legend(left, 12, PLAN, dashed=True, label=f"plan {_n(plan)} h/week"))
        summary += f", plan {_n(plan)} h"
    return _svg(width, height, summary, parts)


def burn_up(
    done: Sequence[tuple[date, float]],
    planned: Sequence[tuple[date, float]] | None,
    *,
    width: int = 640,
    height: int = 200,
) -> str:
    """The percent of the path done over time as a line (with a dot and its value at the last
    point), and the plan's expected percent as a dashed line when there is a plan."""
    width, height = _size(width, 240), _size(height, 120)
    done_points = _percent_points(done)
    plan_points = _percent_points(planned or ())
    if not done_points:
        return _placeholder(
            "Nothing done yet: this line starts with the first item marked done", width
        )
    left, right, top, bottom = 46, 18, (28 if plan_points else 14), 24
    plot_width, plot_height = width - left - right, height - top - bottom
    days = [day for day, _ in (*done_points, *plan_points)]
    first, last = min(days), max(days)
    if first == last:
        first, last = _shift(first, -15), _shift(last, 15)
    span = max(1, (last - first).days)

    def x_of(day: date) -> float:
        return left + plot_width * (day - first).days / span

    def y_of(percent: float) -> float:
        return top + plot_height * (1 - percent / 100)

    parts = _y_grid(left, width - right, y_of, 100.0, 25.0, " %")
    parts += _month_labels(first, last, x_of, top + plot_height, height - 7, width)
    if plan_points:
        parts.append(
            f'<polyline points="{_points(plan_points, x_of, y_of)}" fill="none" '
            f'stroke="{PLAN}" stroke-width="2" stroke-dasharray="{DASH}"/>'
        )
        parts.append(_legend(left, 12, ACCENT, dashed=False, label="done"))
        parts.append(_legend(left + 80, 12, PLAN, dashed=True, label="plan"))
    baseline = _n(y_of(0))
    area = " L".join(f"{_n(x_of(day))} {_n(y_of(value))}" for day, value in done_points)
    parts.append(
        f'<path d="M{_n(x_of(done_points[0][0]))} {baseline} L{area} '
        f'L{_n(x_of(done_points[-1][0]))} {baseline} Z" fill="{ACCENT}" opacity="0.12"/>'
    )
    parts.append(
        f'<polyline points="{_points(done_points, x_of, y_of)}" fill="none" stroke="{ACCENT}" '
        'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
    )
    when, value = done_points[-1]
    parts += _end_label(x_of(when), y_of(value), f"{_n(value)} %", left, top)
    summary = f"Path done over time: {_n(value)} % on {_long(when)}"
    if len(done_points) > 1:
        start_day, start_value = done_points[0]
        summary += f", from {_n(start_value)} % on {_long(start_day)}"
    if plan_points:
        summary += f"; the plan expected {_n(_value_at(plan_points, when))} % by then"
    return _svg(width, height, summary, parts)


def readiness_bars(roles: Sequence[tuple[str, float, float | None]], *, width: int = 640) -> str:
    """One horizontal bar per role (name, score 0–100, change in points since the last report
    or None), the score at the bar's end and the change as ▲/▼ beside it."""
    width = _size(width, 240)
    rows = [
        (_clean(name), _clamp(score, 0.0, 100.0), _change(change)) for name, score, change in roles
    ]
    if not rows:
        return _placeholder("No readiness to show: no target role is chosen yet", width)
    row_height, top = 30, 8
    height = top * 2 + row_height * len(rows)
    name_width = min(220, round(width * 0.34))
    bar_left, bar_room = name_width, width - name_width - 112
    name_room = name_width - 14
    parts: list[str] = []
    summary: list[str] = []
    for index, (name, score, change) in enumerate(rows):
        middle = top + row_height * (index + 0.5)
        shown = _shortened(name, NAME_LIMIT, name_room, 12)
        label = _text(name_width - 10, middle + 4, shown, anchor="end", size=12)
        if shown != name:
            label = f"<g><title>{_escape(name)}</title>{label}</g>"
        parts.append(label)
        parts.append(
            f'<rect x="{bar_left}" y="{_n(middle - 7)}" width="{bar_room}" height="14" rx="3" '
            f'fill="{ACCENT}" opacity="0.15"/>'
        )
        if score > 0:
            parts.append(
                f'<rect x="{bar_left}" y="{_n(middle - 7)}" width="{_n(bar_room * score / 100)}" '
                f'height="14" rx="3" fill="{ACCENT}"/>'
            )
        score_text = _text(bar_left + bar_room * score / 100 + 6, middle + 4, _n(score), size=12)
        parts.append(score_text)
        words = f"{name} {_n(score)}"
        if change is not None:
            mark, colour, said = _change_words(change)
            parts.append(
                f"<g><title>{_escape(said)} since the last report</title>"
                f"{_text(width - 8, middle + 4, mark, anchor='end', size=12, fill=colour)}</g>"
            )
            words += f", {said}"
        summary.append(words)
    return _svg(width, height, "Readiness per role, out of 100: " + "; ".join(summary), parts)


def data_uri(svg: str) -> str:
    """`svg` as a base64 data URI, for an <img> or for QtSvg."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


# ---------------------------------------------------------------------------- drawing parts


def _svg(width: int, height: int, summary: str, parts: Iterable[str]) -> str:
    label = _escape(summary)
    return (
        f'<svg xmlns="{SVG_NAMESPACE}" version="1.2" baseProfile="tiny" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{label}" '
        f'font-family="{FONT}"><title>{label}</title>{"".join(parts)}</svg>'
    )


def _placeholder(message: str, width: int) -> str:
    height = 48
    body = [
        f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" rx="6" fill="none" '
        f'stroke="{AXIS}" stroke-width="1" stroke-dasharray="4 4"/>',
        _text(width / 2, height / 2 + 5, message, anchor="middle", size=13),
    ]
    return _svg(width, height, message, body)


def _text(
    x: float, y: float, content: str, *, anchor: str = "start", size: int = 11, fill: str = TEXT
) -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}">{_escape(content)}</text>'
    )


def _legend(x: float, y: float, colour: str, *, dashed: bool, label: str) -> str:
    dash = f' stroke-dasharray="{DASH}"' if dashed else ""
    return (
        f'<g><line x1="{_n(x)}" y1="{_n(y - 4)}" x2="{_n(x + 22)}" y2="{_n(y - 4)}" '
        f'stroke="{colour}" stroke-width="2"{dash}/>{_text(x + 28, y, label)}</g>'
    )


def _y_grid(
    left: float, right: float, y_of: _Scale, top_value: float, step: float, unit: str
) -> list[str]:
    """The baseline, a gridline at every `step` up to `top_value`, and their labels."""
    parts: list[str] = []
    for index in range(round(top_value / step) + 1):
        value = step * index
        y = _n(y_of(value))
        style = f'stroke="{AXIS}" stroke-width="1"' + ("" if index == 0 else ' opacity="0.35"')
        parts.append(f'<line x1="{_n(left)}" y1="{y}" x2="{_n(right)}" y2="{y}" {style}/>')
        parts.append(_text(left - 6, y_of(value) + 4, f"{_n(value)}{unit}", anchor="end"))
    return parts


def _month_labels(
    first: date, last: date, x_of: _DayScale, axis_y: float, text_y: float, width: int
) -> list[str]:
    """A tick and a name at month starts between `first` and `last` (every month, or every
    few over a long span; the first label and January with the year), thinned so no two
    labels overlap; the end dates when no month starts between them."""
    parts: list[str] = []
    first_month = first.year * 12 + first.month - 1 + (first.day > 1)  # months since 0 AD
    last_month = last.year * 12 + last.month - 1
    every = max(1, math.ceil((last_month - first_month + 1) / 24))
    previous_right = -math.inf
    named = 0
    for number in range(first_month, last_month + 1, every):
        month = date(number // 12, number % 12 + 1, 1)
        label = _MONTHS[month.month - 1]
        if not named or month.month == 1 or every > 1:
            label += f" {month.year}"
        x, half = x_of(month), _text_width(label, 11) / 2
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_y)}" x2="{_n(x)}" y2="{_n(axis_y + 4)}" '
            f'stroke="{AXIS}" stroke-width="1"/>'
        )
        if x - half >= previous_right + 8 and x + half <= width - 4:
            parts.append(_text(x, text_y, label, anchor="middle"))
            previous_right, named = x + half, named + 1
    if not named:
        parts.append(_text(x_of(first), text_y, _short(first), anchor="start"))
        parts.append(_text(x_of(last), text_y, _short(last), anchor="end"))
    return parts


def _end_label(x: float, y: float, label: str, left: float, top: float) -> list[str]:
    """The last point's dot and its value: above it to the left (clear of a rising line),
    level with it near the top, and to its right near the left edge."""
    size = 13
    room = _text_width(label, size) + 8
    anchor, text_x = ("end", x - 8) if x - room >= left else ("start", x + 8)
    text_y = y - 8 if y - 8 - size >= top - 10 else y + 5
    return [
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4.5" fill="{ACCENT}"/>',
        f'<text x="{_n(text_x)}" y="{_n(text_y)}" font-size="{size}" font-weight="bold" '
        f'fill="{ACCENT}" text-anchor="{anchor}">{_escape(label)}</text>',
    ]


def _points(points: Sequence[tuple[date, float]], x_of: _DayScale, y_of: _Scale) -> str:
    return " ".join(f"{_n(x_of(day))},{_n(y_of(value))}" for day, value in points)


def _change_words(change: float) -> tuple[str, str, str]:
    """The change's mark, colour and words: ▲ 4.5 in green, ▼ 2.0 in red, – in grey."""
    amount = f"{abs(change):.1f}"
    if amount == "0.0":
        return "–", TEXT, "no change"
    if change > 0:
        return f"▲ {amount}", UP, f"up {amount} points"
    return f"▼ {amount}", DOWN, f"down {amount} points"


# ---------------------------------------------------------------------------- values


def _clamp(value: object, low: float, high: float) -> float:
    """`value` as a float within [low, high]; NaN and anything not a number count as `low`."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return low
    if math.isnan(number):
        return low
    return min(high, max(low, number))


def _change(value: float | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return None if math.isnan(number) else min(100.0, max(-100.0, number))


def _size(value: object, minimum: int) -> int:
    return int(_clamp(value, minimum, 4000))


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _percent_points(points: Iterable[tuple[date, float]]) -> list[tuple[date, float]]:
    return sorted((_day(day), _clamp(value, 0.0, 100.0)) for day, value in points)


def _value_at(points: Sequence[tuple[date, float]], when: date) -> float:
    """The value of the line through `points` on `when` (its end values outside them)."""
    if when <= points[0][0]:
        return points[0][1]
    for (start, low), (end, high) in pairwise(points):
        if start <= when <= end:
            days = (end - start).days
            return high if not days else low + (high - low) * (when - start).days / days
    return points[-1][1]


def _axis(maximum: float) -> tuple[float, float]:
    """The axis top and gridline step (0.5, 1, 2, 5, 10, 20, 50 … h) giving two to four
    gridlines above the baseline."""
    maximum = max(maximum, 1.0)
    step, factors = 0.5, (2.0, 2.0, 2.5)  # 0.5 → 1 → 2 → 5 → 10 → 20 → 50 …
    turn = 0
    while math.ceil(maximum / step - 1e-9) > 4:
        step *= factors[turn % 3]
        turn += 1
    return math.ceil(maximum / step - 1e-9) * step, step


def _shift(day: date, days: int) -> date:
    """`day` moved by `days`, or `day` itself at the ends of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


def _n(value: float) -> str:
    """A number with at most one decimal, never NaN, inf or -0."""
    if not math.isfinite(value):
        value = 0.0
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _short(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _long(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _text_width(text: str, size: float) -> float:
    """About how wide `text` is drawn at `size` px (a little over, rather than under)."""
    return size * sum(_character_width(character) for character in text)


def _character_width(character: str) -> float:
    if unicodedata.east_asian_width(character) in "WF":
        return 1.05
    if character in _NARROW:
        return 0.32
    if character in _SLIM:
        return 0.45
    if character in _WIDE:
        return 1.0
    if character.isupper():
        return 0.8
    return 0.66


def _shortened(text: str, limit: int, room: float, size: float) -> str:
    """`text`, or as much of it as fits in `limit` characters and `room` px followed by …"""
    if len(text) <= limit and _text_width(text, size) <= room:
        return text
    room -= _text_width("…", size)
    width, kept = 0.0, 0
    for character in text[: limit - 1]:
        width += _text_width(character, size)
        if width > room:
            break
        kept += 1
    return text[:kept].rstrip() + "…"


def _clean(text: str) -> str:
    """Learner text on one line, without control, bidi or non-XML characters."""
    return " ".join(_NOT_XML.sub("", strip_controls(str(text))).split())


def _escape(text: str) -> str:
    """Text safe inside an XML element or a double- or single-quoted attribute."""
    return html.escape(_clean(text), quote=True)
