"""`cairn choose`: list the path's electives (choice groups), choose an option, reopen a choice;
and the choice fields `cairn items` shows for each item. Never imports PySide6."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from .content import ChoiceGroup, ChoiceOption, Curriculum, Item
from .tracker import Tracker, TrackerError

JSON_SCHEMA = 1


def add_choose_parser(commands: Any) -> None:
    """The `choose` subcommand on the command line's subparsers."""
    choose = commands.add_parser(
        "choose",
        help="choose an elective's option(s); without ids, list the electives",
        description="Choose the option(s) of a choice group (an elective): only the chosen "
        "options count in totals, readiness and the plan; progress on every option is kept. "
        "Until you choose, a group counts as its cheapest option.",
    )
    choose.add_argument("group_id", nargs="?", metavar="GROUP_ID")
    choose.add_argument("option_ids", nargs="*", metavar="OPTION_ID")
    choose.add_argument("--clear", action="store_true", help="reopen the choice")
    choose.add_argument("--list", action="store_true", help="list the electives (the default)")
    choose.add_argument("--json", action="store_true", help="list as machine-readable output")


def is_listing(args: argparse.Namespace) -> bool:
    """True when the command only shows the electives (the data folder is opened read-only)."""
    return args.group_id is None and not args.clear and not args.option_ids


def run_choose(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """List, choose or reopen; every refusal is a TrackerError raised before anything is
    written (the caller says it and exits 2)."""
    if is_listing(args):
        _list(tracker, args.json, out)
        return 0
    if args.list or args.json:
        raise TrackerError(
            "--list and --json only list the electives; give no GROUP_ID, OPTION_ID or --clear "
            "with them"
        )
    if args.group_id is None:
        raise TrackerError("--clear reopens a choice: give its GROUP_ID")
    group = _group(tracker.curriculum, args.group_id)
    if args.clear:
        if args.option_ids:
            raise TrackerError("--clear reopens the choice; give no OPTION_ID with it")
        out.write(_reopen(tracker, group) + "\n")
        return 0
    if not args.option_ids:
        raise TrackerError(
            f"name the option to choose in '{group.id}' (options: {_ids(group.options)}), "
            "or give --clear to reopen it"
        )
    out.write(_choose(tracker, group, args.option_ids) + "\n")
    return 0


def _group(curriculum: Curriculum, group_id: str | None) -> ChoiceGroup:
    group = curriculum.choices.get(group_id or "")
    if group is None:
        known = ", ".join(curriculum.choices) or "none in the loaded curriculum"
        raise TrackerError(f"there is no choice '{group_id}' (choices: {known})")
    return group


def _ids(options: tuple[ChoiceOption, ...]) -> str:
    return ", ".join(o.id for o in options)


def _titles(options: list[ChoiceOption]) -> str:
    """'A', 'A' and 'B', 'A', 'B' and 'C'."""
    quoted = [f"'{o.title}'" for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _choose(tracker: Tracker, group: ChoiceGroup, option_ids: list[str]) -> str:
    change = tracker.choose(group.id, option_ids)
    picked = [o for o in group.options if o.id in change.new]
    if change.old == change.new:
        return f"{_titles(picked)} already chosen in '{group.title}'; nothing changed"
    count = sum(len(o.item_ids) for o in picked)
    whose = "its" if len(picked) == 1 else "their"
    return (
        f"Chose {_titles(picked)} in '{group.title}': {whose} {count} item"
        f"{'s' if count != 1 else ''} count; the other options' progress is kept."
    )


def _reopen(tracker: Tracker, group: ChoiceGroup) -> str:
    change = tracker.choose(group.id, [])
    cheapest = tracker.curriculum.counted_options(group)
    if not change.old:
        return f"'{group.title}' is open already; nothing changed"
    return (
        f"Reopened '{group.title}': until you choose, it counts as {_titles(cheapest)}; "
        "progress on every option is kept."
    )


def _list(tracker: Tracker, as_json: bool, out: TextIO) -> None:
    curriculum = tracker.curriculum
    groups = list(curriculum.choices.values())
    if as_json:
        payload = {"schema": JSON_SCHEMA, "choices": [_group_json(tracker, g) for g in groups]}
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    if not groups:
        out.write("The curriculum offers no electives.\n")
        return
    for group in groups:
        out.write(_group_text(tracker, group))


def _week_number(curriculum: Curriculum, week_id: str) -> int | None:
    week = curriculum.weeks.get(week_id)
    return week.number if week is not None else None


def _group_json(tracker: Tracker, group: ChoiceGroup) -> dict[str, Any]:
    curriculum, chosen = tracker.curriculum, tracker.chosen(group.id)
    counted = curriculum.counted_options(group, chosen)
    return {
        "id": group.id,
        "title": group.title,
        "choose": group.choose,
        "week": _week_number(curriculum, group.week_id),
        "chosen": list(chosen),
        "options": [
            {
                "id": o.id,
                "title": o.title,
                "items": list(o.item_ids),
                "estimate_hours": curriculum.option_hours(o),
                "chosen": o.id in chosen,
                "counted": o in counted,
            }
            for o in group.options
        ],
    }


def _group_text(tracker: Tracker, group: ChoiceGroup) -> str:
    curriculum, chosen = tracker.curriculum, tracker.chosen(group.id)
    counted = curriculum.counted_options(group, chosen)
    week = _week_number(curriculum, group.week_id)
    state = (
        f"chosen: {_titles([o for o in group.options if o.id in chosen])}"
        if chosen
        else f"open: counts as {_titles(counted)} until you choose {group.choose}"
    )
    lines = [f"{group.id}  {group.title} (due week {week}) — {state}\n"]
    width = max(len(o.id) for o in group.options)
    for option in group.options:
        mark = "*" if option.id in chosen else ("~" if option in counted else " ")
        count = len(option.item_ids)
        lines.append(
            f"  {mark} {option.id:<{width}}  {curriculum.option_hours(option):>5g} h  "
            f"{count} item{'s' if count != 1 else ''}  {option.title}\n"
        )
    return "".join(lines)


def item_choice_fields(tracker: Tracker, item: Item) -> dict[str, Any]:
    """`cairn items --json` fields: the item's choice group (None outside every group),
    whether its option is chosen (None outside), and whether it counts in the totals."""
    option = tracker.curriculum.option_of.get(item.id)
    return {
        "choice": option.group_id if option else None,
        "chosen": option.id in tracker.chosen(option.group_id) if option else None,
        "counted": item.id in tracker.counted.items,
    }


def item_choice_label(tracker: Tracker, item: Item) -> str:
    """What `cairn items` says after an option's item ('' outside every group)."""
    option = tracker.curriculum.option_of.get(item.id)
    if option is None:
        return ""
    if option.id in tracker.chosen(option.group_id):
        state = "chosen"
    elif item.id in tracker.counted.items:
        state = "counts until you choose"
    else:
        state = "not chosen"
    return f"  (option '{option.id}' of '{option.group_id}', {state})"
