"""Practice cards in a pack: `[[card]]` tables (recall prompts and interview drills).

Each card is read on its own here; whether its item and roles exist is checked once every pack
is read (`check_card`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from .fields import Fields
from .model import CARD_KINDS, OWN_CARD_PREFIX, Card

CARD_FIELDS = {"id", "item", "kind", "prompt", "answer", "tags", "roles", "rubric", "minutes"}
DRILL_ONLY = ("roles", "rubric", "minutes")
CARD_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
TAG = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
MAX_PROMPT = 600
ANSWER_LENGTH = (40, 2500)
MAX_TAGS = 8
RUBRIC_POINTS = (3, 5)
MAX_RUBRIC_POINT = 120
MINUTES = (1, 15)

FieldsMaker = Callable[[Any, str, set[str]], Fields]
Report = Callable[[str, str], None]  # (field, message) for one card


def read_card(raw: Any, fields: FieldsMaker, seen: dict[str, str]) -> Card | None:
    """One card as declared, or None when it cannot be kept (every mistake is a problem).
    `seen` maps the card ids read so far to their files (card ids are unique among cards)."""
    f = fields(raw, "card", CARD_FIELDS)
    if not f.ok:
        return None
    ident = _card_id(f)
    item_id = f.text("item")
    kind = f.choice("kind", CARD_KINDS) if "kind" in f.table else "recall"
    prompt = _sized_text(f, "prompt", 1, MAX_PROMPT)
    answer = _sized_text(f, "answer", *ANSWER_LENGTH)
    tags = _tags(f)
    roles: tuple[str, ...] = ()
    rubric: tuple[str, ...] = ()
    minutes = 0
    if kind == "drill":
        roles = f.id_list("roles", required=False)
        if not roles and (f.table.get("roles") is None or f.table["roles"] == []):
            f.problem("roles", "a drill card needs at least one role")
        rubric = _rubric(f)
        minutes = _minutes(f)
    elif kind == "recall":
        for name in DRILL_ONLY:
            if name in f.table:
                f.problem(name, 'only a drill card (kind = "drill") has this field')
    if not ident:
        return None
    if ident in seen:
        f.problem("id", f"card '{ident}' is already declared in {seen[ident]}; ids must be unique")
        return None
    seen[ident] = f.file
    return Card(ident, item_id, prompt, answer, tags, kind or "recall", roles, rubric, minutes)


def check_card(
    card: Card,
    items: Mapping[str, object],
    roles: Mapping[str, object],
    aliases: Mapping[str, str],
    report: Report,
) -> None:
    """The card's item and roles exist (checked once every pack is read)."""
    if card.item_id and card.item_id not in items:
        if card.item_id in aliases:
            report("item", f"'{card.item_id}' was renamed: use '{aliases[card.item_id]}'")
        else:
            report("item", f"there is no item or milestone '{card.item_id}'")
    for role in card.roles:
        if role not in roles:
            report("roles", f"there is no role '{role}'")


def _card_id(f: Fields) -> str:
    value = f.table.get("id")
    if value is None:
        f.problem("id", "a card needs an id")
        return ""
    if not isinstance(value, str) or not CARD_ID.match(value):
        f.problem(
            "id",
            f"'{value}' is not a valid card id: lowercase letters, digits and hyphens, "
            "starting with a letter or digit, at most 64 characters",
        )
        return ""
    if value.startswith(OWN_CARD_PREFIX):
        f.problem("id", f"ids starting with '{OWN_CARD_PREFIX}' are kept for the learner's cards")
        return ""
    return value


def _sized_text(f: Fields, name: str, shortest: int, longest: int) -> str:
    value = f.text(name, markdown=True)
    if value and not shortest <= len(value) <= longest:
        f.problem(
            name, f"is {len(value)} characters long; it must be {shortest} to {longest} characters"
        )
    return value


def _tags(f: Fields) -> tuple[str, ...]:
    tags = f.id_list("tags", required=False)
    bad = [t for t in tags if not TAG.match(t)]
    if bad:
        f.problem(
            "tags",
            f"'{bad[0]}' is not a valid tag: lowercase letters, digits and hyphens, "
            "at most 32 characters",
        )
    if len(tags) > MAX_TAGS:
        f.problem("tags", f"lists {len(tags)} tags; at most {MAX_TAGS}")
    return tags


def _rubric(f: Fields) -> tuple[str, ...]:
    value = f.table.get("rubric")
    if value is None:
        f.problem("rubric", "is missing: a drill card needs 3 to 5 rubric points")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        f.problem("rubric", "must be a list of texts")
        return ()
    points = tuple(v.strip() for v in value)
    low, high = RUBRIC_POINTS
    if not low <= len(points) <= high:
        f.problem("rubric", f"has {len(points)} points; a drill card needs {low} to {high}")
    for number, point in enumerate(points, start=1):
        if not point:
            f.problem("rubric", f"point {number} is empty")
        elif len(point) > MAX_RUBRIC_POINT:
            f.problem(
                "rubric",
                f"point {number} is {len(point)} characters long; keep each to {MAX_RUBRIC_POINT}",
            )
    return points


def _minutes(f: Fields) -> int:
    value = f.table.get("minutes")
    low, high = MINUTES
    if value is None:
        f.problem("minutes", f"is missing: a drill card needs {low} to {high} minutes")
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        f.problem("minutes", f"must be a whole number from {low} to {high}, not {value!r}")
        return 0
    return value
