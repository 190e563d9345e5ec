"""Choice groups in a pack: `[[choice]]` tables with `[[choice.option]]` entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .fields import Fields
from .model import ChoiceGroup, ChoiceOption

CHOICE_FIELDS = {"id", "title", "summary", "choose", "week", "option"}
OPTION_FIELDS = {"id", "title", "summary", "items"}

FieldsMaker = Callable[[Any, str, set[str]], Fields]


def read_choice(
    raw: Any, fields: FieldsMaker, claim: Callable[[Fields, str], bool]
) -> ChoiceGroup | None:
    """One choice group as declared (cross-references are checked once the pack is read)."""
    f = fields(raw, "choice", CHOICE_FIELDS)
    ident = f.ident()
    title = f.text("title")
    summary = f.text("summary", markdown=True)
    choose = f.integer("choose") if "choose" in f.table else 1
    week_id = f.text("week")
    options: list[ChoiceOption] = []
    for raw_option in f.tables("option"):
        of = fields(raw_option, "choice option", OPTION_FIELDS)
        option_id = of.ident()
        option = ChoiceOption(
            option_id,
            of.text("title"),
            of.text("summary", required=False, markdown=True),
            of.id_list("items"),
            ident,
        )
        if "items" in of.table and not option.item_ids:
            of.problem("items", "an option needs at least one item")
        if claim(of, option_id):
            options.append(option)
    if len(options) < 2:
        f.problem("option", "a choice needs at least two options")
    elif choose and choose >= len(options):
        f.problem("choose", f"choose {choose} of {len(options)} options leaves nothing to choose")
    if not claim(f, ident):
        return None
    return ChoiceGroup(ident, title, summary, choose or 1, week_id, tuple(options))
