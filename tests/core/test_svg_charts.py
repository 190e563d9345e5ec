"""The summary's SVG charts: well-formed SVG in the Tiny subset QtSvg draws, bars and lines placed
at their values, learner labels escaped, wild numbers clamped, placeholders for no data."""

from __future__ import annotations

import base64
import math
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cairn.reports.svg_charts import (
    ACCENT,
    DOWN,
    PLAN,
    TEXT,
    UP,
    burn_up,
    data_uri,
    hours_per_week,
    readiness_bars,
)

NS = "{http://www.w3.org/2000/svg}"
TAGS = {"svg", "g", "title", "rect", "line", "polyline", "path", "circle", "text"}
ATTRIBUTES = {
    "version",
    "baseProfile",
    "width",
    "height",
    "viewBox",
    "role",
    "aria-label",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "points",
    "d",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
}
NUMBERS = {"width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx"}
NUMBERS |= {"font-size", "stroke-width"}
ONE_DECIMAL = re.compile(r"-?\d+(\.\d)?")
HOSTILE = [
    "<script>alert(1)</script>",
    "Tom & Jerry",
    "\"quoted\" and 'single'",
    "]]><svg onload=alert(1)>",
    '" onmouseover="alert(1)',
    "<foreignObject><a href='javascript:alert(1)'>x</a></foreignObject>",
]
MONDAY = date(2025, 3, 3)


def checked(svg: str) -> ET.Element:
    """The parsed SVG, after checking it keeps to the subset QtSvg draws with finite numbers
    of at most one decimal, and says what it shows in words."""
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("role") == "img"
    assert root.get("aria-label")
    assert root[0].tag == NS + "title"
    assert root[0].text == root.get("aria-label")
    for element in root.iter():
        assert element.tag.removeprefix(NS) in TAGS, element.tag
        for name, value in element.attrib.items():
            assert name in ATTRIBUTES, name
            if name in NUMBERS:
                assert ONE_DECIMAL.fullmatch(value), (name, value)
            if name == "opacity":
                assert 0 < float(value) <= 1
            if name in {"points", "d"}:
                for number in re.findall(r"[-\d.]+", value):
                    assert ONE_DECIMAL.fullmatch(number), (name, value)
    return root


def find(root: ET.Element, tag: str, **attributes: str) -> list[ET.Element]:
    return [
        element
        for element in root.iter(NS + tag)
        if all(element.get(key.replace("_", "-")) == value for key, value in attributes.items())
    ]


def texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(NS + "text")]


def bars(root: ET.Element) -> list[ET.Element]:
    """The value bars (solid accent rectangles; tracks are translucent)."""
    return [rect for rect in find(root, "rect", fill=ACCENT) if rect.get("opacity") is None]


def number(element: ET.Element, name: str) -> float:
    return float(element.attrib[name])


def weeks_of(*hours: float) -> list[tuple[date, float]]:
    return [(MONDAY + timedelta(weeks=index), value) for index, value in enumerate(hours)]


# --------------------------------------------------------------------------- hours per week


def test_bar_heights_follow_the_hours() -> None:
    root = checked(hours_per_week(weeks_of(2, 4, 8), None))
    # 200 px high, 12 px above and 24 below the plot: 164 px for an axis up to 8 h.
    heights = [number(bar, "height") for bar in bars(root)]
    assert heights == [41, 82, 164]
    assert {number(bar, "y") + number(bar, "height") for bar in bars(root)} == {176}
    assert len({bar.get("width") for bar in bars(root)}) == 1
    assert [x for x in texts(root) if x.endswith(" h")] == ["0 h", "2 h", "4 h", "6 h", "8 h"]


def test_plan_line_sits_at_the_planned_hours() -> None:
    root = checked(hours_per_week(weeks_of(10, 3), 5))
    (plan,) = find(root, "line", stroke=PLAN, stroke_dasharray="6 4", x2="626")
    # 28 px above the plot (room for the legend), 24 below: 148 px for an axis up to 10 h.
    assert number(plan, "y1") == number(plan, "y2") == 28 + 148 / 2
    assert number(plan, "x1") == 46
    assert "plan 5 h/week" in texts(root)
    assert "plan 5 h" in root.attrib["aria-label"]
    # A bar of exactly the planned hours reaches the line.
    equal = checked(hours_per_week(weeks_of(7.5), 7.5))
    (line,) = find(equal, "line", stroke=PLAN, x2="626")
    assert number(bars(equal)[0], "y") == number(line, "y1")


@pytest.mark.parametrize("most", [0, 0.2, 1, 3, 4.5, 7, 12, 40, 168])
def test_two_to_four_gridlines_above_the_baseline(most: float) -> None:
    root = checked(hours_per_week(weeks_of(most, most / 2), None))
    labels = [float(text.removesuffix(" h")) for text in texts(root) if text.endswith(" h")]
    assert labels[0] == 0
    assert 2 <= len(labels) - 1 <= 4
    assert labels[-1] >= most


def test_the_summary_says_last_week_and_plan_in_words() -> None:
    root = checked(hours_per_week(weeks_of(4, 6.5), 10))
    assert root.attrib["aria-label"] == (
        "Study hours per week over 2 weeks: last week 6.5 h, average 5.2 h, plan 10 h"
    )
    hover = bars(root)[-1].find(NS + "title")
    assert hover is not None and hover.text == "Week of 10 Mar 2025: 6.5 h"


def test_half_a_year_of_weeks_is_labelled_every_few_weeks_with_the_latest_named() -> None:
    root = checked(hours_per_week(weeks_of(*([3.0] * 30)), 5))
    assert len(bars(root)) == 26  # the latest 26 weeks
    latest = MONDAY + timedelta(weeks=29)
    dates = [text for text in texts(root) if re.fullmatch(r"\d+ [A-Z][a-z]{2}", text)]
    assert 4 <= len(dates) <= 13
    assert dates[-1] == f"{latest.day} {latest:%b}"
    hovers = [title.text for title in root.iter(NS + "title")][1:]
    assert hovers[0] == "Week of 31 Mar 2025: 3 h"  # the fifth week is the oldest drawn


def test_weeks_are_drawn_oldest_first_whatever_their_order() -> None:
    root = checked(hours_per_week(list(reversed(weeks_of(1, 2, 4))), None))
    heights = [number(bar, "height") for bar in bars(root)]
    assert heights == sorted(heights)


def test_no_weeks_gives_the_placeholder() -> None:
    root = checked(hours_per_week([], 10))
    assert texts(root) == ["No study time recorded yet"]
    assert not bars(root)


def test_wild_hours_are_clamped() -> None:
    nan, inf = math.nan, math.inf
    svg = hours_per_week(weeks_of(nan, inf, -5, 1e308, 2), nan)
    root = checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()
    heights = [number(bar, "height") for bar in bars(root)]
    # NaN and negative hours draw no bar; infinity and 1e308 are a full week (168 h) each.
    assert len(heights) == 3
    assert heights[0] == heights[1] == pytest.approx(164 * 168 / 200, abs=0.05)
    assert not find(root, "line", stroke=PLAN)  # a NaN plan is no plan
    for plan in (-3, 0, inf):
        drawn = checked(hours_per_week(weeks_of(2), plan))
        assert bool(find(drawn, "line", stroke=PLAN, x2="626")) == (plan == inf)


# --------------------------------------------------------------------------- burn-up


def test_burn_up_places_the_line_and_the_plan_by_date_and_percent() -> None:
    done = [(MONDAY, 0.0), (MONDAY + timedelta(days=30), 30.0), (MONDAY + timedelta(60), 42.0)]
    plan = [(MONDAY, 0.0), (MONDAY + timedelta(days=120), 100.0)]
    root = checked(burn_up(done, plan))
    # Plot: x from 46 to 622 over 120 days; y from 176 (0 %) up to 28 (100 %).
    (line,) = find(root, "polyline", stroke=ACCENT)
    assert line.get("points") == "46,176 190,131.6 334,113.8"
    (planned,) = find(root, "polyline", stroke=PLAN)
    assert planned.get("points") == "46,176 622,28"
    assert planned.get("stroke-dasharray")
    (dot,) = find(root, "circle")
    assert (number(dot, "cx"), number(dot, "cy")) == (334, 113.8)
    assert "42 %" in texts(root)
    assert [x for x in texts(root) if x.endswith(" %")][:5] == [f"{n} %" for n in range(0, 101, 25)]
    assert {"Apr 2025", "May", "Jun"} <= set(texts(root))
    assert root.attrib["aria-label"] == (
        "Path done over time: 42 % on 2 May 2025, from 0 % on 3 Mar 2025; "
        "the plan expected 50 % by then"
    )


def test_burn_up_without_a_plan_or_a_month_start_names_its_dates() -> None:
    root = checked(burn_up([(date(2025, 3, 3), 5), (date(2025, 3, 20), 97.04)], None))
    assert not find(root, "polyline", stroke=PLAN)
    assert {"3 Mar", "20 Mar", "97 %"} <= set(texts(root))
    single = checked(burn_up([(MONDAY, 12.0)], []))  # one day: centred, not divided by zero
    (dot,) = find(single, "circle")
    assert number(dot, "cx") == 46 + 576 / 2


def test_burn_up_clamps_percentages() -> None:
    svg = burn_up(
        [(MONDAY, -20), (MONDAY + timedelta(7), math.nan), (MONDAY + timedelta(14), 250)],
        [(MONDAY, math.inf), (MONDAY + timedelta(14), -math.inf)],
    )
    root = checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()
    (line,) = find(root, "polyline", stroke=ACCENT)
    assert line.get("points") == "46,176 334,176 622,28"  # -20 and NaN are 0, 250 is 100
    assert "100 %" in [t.text for t in find(root, "text", font_weight="bold")]


def test_nothing_done_gives_the_placeholder() -> None:
    root = checked(burn_up([], [(MONDAY, 0), (MONDAY + timedelta(100), 100)]))
    (message,) = texts(root)
    assert message.startswith("Nothing done yet")


# --------------------------------------------------------------------------- readiness


def test_readiness_bars_follow_the_scores() -> None:
    root = checked(readiness_bars([("LLM engineer", 25.0, 4.5), ("Data engineer", 100.0, None)]))
    tracks = find(root, "rect", opacity="0.15")
    quarter, full = bars(root)
    assert number(quarter, "width") == number(tracks[0], "width") / 4
    assert number(full, "width") == number(tracks[1], "width")
    assert number(quarter, "x") == number(tracks[0], "x")
    assert {"LLM engineer", "Data engineer", "25", "100"} <= set(texts(root))


def test_changes_show_as_arrows_in_colour() -> None:
    roles = [("Up", 50, 4.5), ("Down", 50, -2), ("Same", 50, 0), ("Barely", 50, 0.04)]
    root = checked(readiness_bars([*roles, ("First report", 50, None)]))
    changes = {t.text: t.get("fill") for t in root.iter(NS + "text") if t.get("fill") != TEXT}
    assert changes == {"▲ 4.5": UP, "▼ 2.0": DOWN}
    assert texts(root).count("–") == 2  # the 0 and the 0.04 change, in grey
    assert (
        "Up 50, up 4.5 points; Down 50, down 2.0 points; Same 50, no change"
        in root.attrib["aria-label"]
    )
    assert root.attrib["aria-label"].endswith("; First report 50")


def test_height_grows_with_the_roles() -> None:
    heights = [
        number(checked(readiness_bars([(f"Role {n}", 10.0 * n, None)] * n)), "height")
        for n in (1, 2, 5)
    ]
    assert heights[1] - heights[0] == 30
    assert heights[2] - heights[1] == 90


def test_long_names_are_shortened_with_the_full_name_on_hover() -> None:
    long = "Machine learning platform engineer (inference)"
    root = checked(readiness_bars([(long, 40, None), ("ML ops", 20, None)]))
    shown = texts(root)
    shortened = next(text for text in shown if text.endswith("…"))
    assert len(shortened) <= 28 and long.startswith(shortened[:-1])
    group = next(g for g in root.iter(NS + "g") if g.find(NS + "text") is not None)
    hover = group.find(NS + "title")
    assert hover is not None and hover.text == long
    assert "ML ops" in shown
    assert long in root.attrib["aria-label"]
    wide = checked(readiness_bars([("W" * 27, 40, None)]))
    assert texts(wide)[0].endswith("…")  # 27 wide letters do not fit the name column


def test_wild_scores_are_clamped() -> None:
    roles = [("a", math.nan, math.nan), ("b", math.inf, math.inf), ("c", -5, -math.inf)]
    svg = readiness_bars(roles)
    root = checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()
    tracks = find(root, "rect", opacity="0.15")
    (full,) = bars(root)  # NaN and -5 score 0 and draw no bar; infinity is 100
    assert full.get("width") == tracks[1].get("width")
    assert {"▲ 100.0", "▼ 100.0"} <= set(texts(root))


def test_no_roles_gives_the_placeholder() -> None:
    root = checked(readiness_bars([]))
    (message,) = texts(root)
    assert "no target role" in message


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_stay_text(label: str) -> None:
    svg = readiness_bars([(label, 50, 1.0), (label * 3, 20, None)])
    root = checked(svg)
    assert label[:20] in "".join(texts(root))  # shown as typed (shortened)...
    assert label * 3 in root.attrib["aria-label"]  # ... and whole in words
    lowered = svg.lower()
    for bad in ("<script", "<foreignobject", "<a ", "<svg onload", "]]>"):
        assert bad not in lowered
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "href" not in name.lower()
            assert not value.strip().lower().startswith("javascript:")


def test_invisible_and_non_xml_characters_are_dropped() -> None:
    svg = readiness_bars([("a\x00b\x1b[31m\u202ec\ud800d\ufffe\n\te", 10, None)])
    root = checked(svg)
    assert "ab[31mcd e" in texts(root)


def test_sizes_are_kept_sane() -> None:
    for size in (0, -10, math.nan, math.inf, 10**9):
        for svg in (
            hours_per_week(weeks_of(1), 2, width=size, height=size),  # type: ignore[arg-type]
            burn_up([(MONDAY, 1)], None, width=size, height=size),  # type: ignore[arg-type]
            readiness_bars([("a", 1, 1)], width=size),  # type: ignore[arg-type]
        ):
            root = checked(svg)
            assert 240 <= number(root, "width") <= 4000


def test_data_uri_carries_the_svg() -> None:
    svg = readiness_bars([("Ünïcode ▲", 50, 1)])
    uri = data_uri(svg)
    prefix = "data:image/svg+xml;base64,"
    assert uri.startswith(prefix)
    assert base64.b64decode(uri.removeprefix(prefix), validate=True).decode("utf-8") == svg


# --------------------------------------------------------------------------- properties

wild = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**30), 10**30)
days = st.dates()
no_n = st.text(st.characters(exclude_characters="nNiI"), max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(days, wild), max_size=40),
    st.none() | wild,
    st.integers(0, 2000),
    st.integers(0, 1000),
)
def test_hours_always_well_formed(weeks, plan, width, height) -> None:  # type: ignore[no-untyped-def]
    svg = hours_per_week(weeks, plan, width=width, height=height)
    checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(days, wild), max_size=30),
    st.none() | st.lists(st.tuples(days, wild), max_size=5),
)
def test_burn_up_always_well_formed(done, planned) -> None:  # type: ignore[no-untyped-def]
    svg = burn_up(done, planned)
    checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(no_n, wild, st.none() | wild), max_size=12), st.integers(-5, 3000))
def test_readiness_always_well_formed(roles, width) -> None:  # type: ignore[no-untyped-def]
    svg = readiness_bars(roles, width=width)
    root = checked(svg)
    assert "nan" not in svg.lower() and "inf" not in svg.lower()
    assert len(bars(root)) <= len(roles)


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_label_stays_text(label: str) -> None:  # type: ignore[no-untyped-def]
    root = checked(readiness_bars([(label, 50, None)]))
    assert all(element.tag.removeprefix(NS) in TAGS for element in root.iter())
