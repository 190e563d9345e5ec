"""Checks on the path as a whole, once every pack is read: prerequisites come earlier and
choice groups name real items once each. A shipped pack that sets `max_week_hours` is also held
to honest hours: each of its items' estimates covers the readings it requires, and none of its
weeks plans more than that many hours. (Added packs are not: a mentor's short item may point
at a long shipped reading, and a change to the shipped catalogue must not disable it.)"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from .model import ChoiceGroup, Curriculum, Item

# (file, id, field, message) -> records a problem
Report = Callable[[str, str, str, str], None]


def check_path(
    curriculum: Curriculum,
    files: Mapping[str, str],
    base_files: Collection[str],
    report: Report,
) -> None:
    """Report every problem of the merged path; `files` maps an id to the file declaring it,
    `base_files` are the files of the pack whose `max_week_hours` applies."""
    position = _positions(curriculum)
    limit = curriculum.packs[0].max_week_hours if curriculum.packs else None
    ours = set(base_files)
    for item in curriculum.items.values():
        file = files.get(item.id, "")
        _check_optional(curriculum, item, file, report)
        if limit and file in ours:
            _check_estimate(curriculum, item, file, report)
        _check_requires(curriculum, item, position, file, report)
    for group in curriculum.choices.values():
        _check_choice(curriculum, group, position, files.get(group.id, ""), report)
    for week in curriculum.weeks.values():
        for reading in week.readings:
            if reading not in curriculum.readings:
                message = f"there is no reading '{reading}'"
                report(files.get(week.id, ""), week.id, "readings", message)
    if limit:
        _check_week_hours(curriculum, limit, files, ours, report)


def _positions(curriculum: Curriculum) -> dict[str, tuple[int, int]]:
    """Where each item sits: (week number, place in that week's checklist)."""
    return {
        item_id: (week.number, place)
        for week in curriculum.weeks.values()
        for place, item_id in enumerate(week.item_ids)
    }


def _check_optional(curriculum: Curriculum, item: Item, file: str, report: Report) -> None:
    for reading in item.optional_readings:
        if reading not in curriculum.readings:
            report(file, item.id, "optional_readings", f"there is no reading '{reading}'")
        elif reading in item.readings:
            report(file, item.id, "optional_readings", f"'{reading}' is also a required reading")


def _check_estimate(curriculum: Curriculum, item: Item, file: str, report: Report) -> None:
    required = sum(
        curriculum.readings[r].estimate_hours for r in item.readings if r in curriculum.readings
    )
    if item.estimate_hours and required > item.estimate_hours + 1e-9:
        report(
            file,
            item.id,
            "estimate_hours",
            f"{item.estimate_hours:g} h is less than its required readings take "
            f"({required:g} h): raise the estimate or make a reading optional",
        )


def _check_requires(
    curriculum: Curriculum,
    item: Item,
    position: Mapping[str, tuple[int, int]],
    file: str,
    report: Report,
) -> None:
    option = curriculum.option_of.get(item.id)
    for needed in item.requires:
        if needed not in curriculum.items:
            report(file, item.id, "requires", f"there is no item '{needed}'")
        elif needed == item.id:
            report(file, item.id, "requires", "an item cannot require itself")
        elif item.id in position and position.get(needed, (0, 0)) >= position[item.id]:
            report(file, item.id, "requires", f"'{needed}' must come earlier in the path")
        elif needed in curriculum.option_of and curriculum.option_of[needed] != option:
            report(
                file,
                item.id,
                "requires",
                f"'{needed}' belongs to the option '{curriculum.option_of[needed].id}', "
                "which the learner may not choose",
            )


def _check_choice(
    curriculum: Curriculum,
    group: ChoiceGroup,
    position: Mapping[str, tuple[int, int]],
    file: str,
    report: Report,
) -> None:
    due = curriculum.weeks.get(group.week_id)
    if due is None:
        report(file, group.id, "week", f"there is no week '{group.week_id}'")
    seen: set[str] = set()
    for option in group.options:
        for item_id in option.item_ids:
            if item_id not in curriculum.items:
                report(file, option.id, "items", f"there is no item '{item_id}'")
            elif item_id in seen or curriculum.option_of.get(item_id) != option:
                report(file, option.id, "items", f"'{item_id}' is in more than one option")
            elif due is not None and position.get(item_id, (due.number, 0))[0] < due.number:
                report(
                    file, group.id, "week", f"'{item_id}' comes before the week the choice is due"
                )
            seen.add(item_id)


def _check_week_hours(
    curriculum: Curriculum,
    limit: float,
    files: Mapping[str, str],
    base_files: set[str],
    report: Report,
) -> None:
    """No week of the pack plans more than `limit` hours, counting each choice group with its
    heaviest options (added packs' items are the learner's own choice and do not count)."""
    for week in curriculum.weeks.values():
        ours = [i for i in week.item_ids if files.get(i) in base_files]
        hours = week_hours(curriculum, ours)
        if hours > limit + 1e-9:
            report(
                files.get(week.id, ""),
                week.id,
                "item",
                f"week {week.number} plans {hours:g} h, more than the pack's {limit:g} h a week",
            )


def week_hours(curriculum: Curriculum, item_ids: Collection[str]) -> float:
    """Hours of a week's items, each choice group counted by its heaviest `choose` options."""
    plain = 0.0
    per_option: dict[str, dict[str, float]] = {}
    for item_id in item_ids:
        item = curriculum.items[item_id]
        option = curriculum.option_of.get(item_id)
        if option is None:
            plain += item.estimate_hours
        else:
            hours = per_option.setdefault(option.group_id, {})
            hours[option.id] = hours.get(option.id, 0.0) + item.estimate_hours
    for group_id, hours in per_option.items():
        ranked = sorted(hours.values(), reverse=True)
        plain += sum(ranked[: curriculum.choices[group_id].choose])
    return plain
