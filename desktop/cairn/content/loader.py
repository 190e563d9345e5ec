"""Read curriculum packs (folders of TOML files) into a validated `Curriculum`.

Validation never stops at the first mistake: every problem is collected with its file, id and
field, and `ContentError` carries them all.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from .cards import check_card, read_card
from .choices import read_choice
from .fields import Fields
from .files import (
    MAX_NESTING,
    PackFileError,
    data_too_deep,
    list_pack,
    nesting_too_deep,
    read_limited,
)
from .model import (
    ITEM_KINDS,
    PROJECT_LEVELS,
    READING_KINDS,
    Card,
    ChoiceGroup,
    Curriculum,
    Item,
    Month,
    PackInfo,
    Project,
    Reading,
    Role,
    RoleArea,
    Skill,
    Week,
)
from .path_checks import check_path
from .problems import ContentError, Problem
from .urls import is_web_url

_TOP_LEVEL = {"pack", "month", "week", "reading", "skill", "role", "project", "choice", "card"}
_ITEM_FIELDS = {
    "id",
    "kind",
    "title",
    "description",
    "estimate_hours",
    "skills",
    "readings",
    "optional_readings",
    "requires",
    "aliases",
}
_MILESTONE_FIELDS = (_ITEM_FIELDS - {"kind"}) | {"done_when", "week"}
_SYNTAX_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class _WeekDraft:
    id: str
    number: int
    title: str
    summary: str
    month_id: str
    file: str
    item_ids: list[str] = field(default_factory=list)
    readings: tuple[str, ...] = ()


@dataclass
class _Drafts:
    """Everything declared so far, before cross-references are checked."""

    packs: list[PackInfo] = field(default_factory=list)
    months: list[tuple[Month, str]] = field(default_factory=list)
    weeks: dict[str, _WeekDraft] = field(default_factory=dict)
    items: dict[str, tuple[Item, str]] = field(default_factory=dict)
    readings: dict[str, tuple[Reading, str]] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    projects: dict[str, tuple[Project, str]] = field(default_factory=dict)
    roles: dict[str, tuple[Role, str]] = field(default_factory=dict)
    choices: dict[str, ChoiceGroup] = field(default_factory=dict)
    cards: dict[str, tuple[Card, str]] = field(default_factory=dict)
    card_files: dict[str, str] = field(default_factory=dict)  # card id -> its file
    base_files: set[str] = field(default_factory=set)
    owners: dict[str, str] = field(default_factory=dict)  # id -> file that declared it
    milestone_weeks: dict[str, str] = field(default_factory=dict)
    line_finders: dict[str, Callable[[str], int | None]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # file -> its text, for field lines
    urls: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (reading id, file)
    month_numbers: set[int] = field(default_factory=set)
    week_numbers: set[int] = field(default_factory=set)
    digest: Any = field(default_factory=hashlib.sha256)


def parse_packs(pack_dirs: Sequence[Path]) -> Curriculum:
    """Parse and validate every pack's TOML files, the shipped pack first (the package's
    `load_curriculum` reads through the compiled cache); raise ContentError on problems."""
    problems: list[Problem] = []
    drafts = _Drafts()
    for index, pack_dir in enumerate(pack_dirs):
        _read_pack(Path(pack_dir), drafts, problems, is_base=index == 0)
    curriculum = _link(drafts, problems)
    if problems:
        lines: dict[str, list[str]] = {}
        raise ContentError([_at_field(p, drafts.texts, lines) for p in problems])
    return curriculum


def validate_pack(path: Path, base: Path | None = None) -> list[Problem]:
    """Every problem in the pack at `path` (an extension is checked against `base`)."""
    dirs = (
        [base, path]
        if base is not None and Path(base).resolve() != Path(path).resolve()
        else [path]
    )
    try:
        parse_packs([d for d in dirs if d is not None])
    except ContentError as error:
        return error.problems
    return []


def pack_table(folder: Path) -> dict[str, Any]:
    """The [pack] table of a folder's pack.toml, read as safely as a whole pack is ({} when it
    is missing, not a regular file, too large, too deeply nested or not valid TOML)."""
    problems: list[Problem] = []
    data, _ = _parse(Path(folder) / "pack.toml", problems)
    table = data.get("pack") if data is not None else None
    return table if isinstance(table, dict) else {}


def _read_pack(pack_dir: Path, drafts: _Drafts, problems: list[Problem], *, is_base: bool) -> None:
    if not pack_dir.is_dir():
        problems.append(Problem(str(pack_dir), "is not a folder holding a curriculum pack"))
        return
    listing = list_pack(pack_dir)
    problems.extend(listing.problems)
    if listing.too_large:
        return  # over a whole-pack limit: reading it could take minutes
    names = [f.relative for f in listing.files if f.relative.endswith(".toml")]
    if "pack.toml" not in names and not any(
        p.file == str(pack_dir / "pack.toml") for p in listing.problems
    ):
        problems.append(Problem(str(pack_dir / "pack.toml"), "is missing: every pack needs one"))
    for relative in names:
        path = pack_dir / relative
        data, text = _parse(path, problems)
        drafts.digest.update(relative.encode() + b"\0")
        drafts.digest.update(text.encode("utf-8") + b"\0")
        if data is None:
            continue
        if is_base:
            drafts.base_files.add(str(path))
        _read_file(str(path), data, text, drafts, problems, is_base=is_base)


def _parse(path: Path, problems: list[Problem]) -> tuple[dict[str, Any] | None, str]:
    """Read and parse one TOML file; every failure becomes a Problem naming the file."""
    try:
        text = read_limited(path).decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(str(path), f"is not UTF-8 text ({error.reason})"))
        return None, ""
    except PackFileError as error:
        problems.append(Problem(str(path), str(error).removeprefix(f"{path} ")))
        return None, ""
    except OSError as error:
        problems.append(Problem(str(path), f"cannot be read: {error.strerror}"))
        return None, ""
    too_deep = nesting_too_deep(text)
    if too_deep is not None:
        deep_line, what = too_deep
        problems.append(Problem(str(path), f"{what}; a curriculum file may not", line=deep_line))
        return None, text
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _SYNTAX_POSITION.search(message)
        line = int(match.group(1)) if match else None
        column = int(match.group(2)) if match else None
        clean = _SYNTAX_POSITION.sub("", message).strip()
        problems.append(Problem(str(path), f"TOML syntax error: {clean}", line=line, column=column))
        return None, text
    except RecursionError:
        problems.append(Problem(str(path), "is nested too deeply to read"))
        return None, text
    deep_key = data_too_deep(data)
    if deep_key is not None:
        problems.append(
            Problem(
                str(path), f"tables nest more than {MAX_NESTING} deep", field=deep_key.split(".")[0]
            )
        )
        return None, text
    return data, text


_ID_LINE = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*["']([^"'\n]*)["']""", re.MULTILINE)


def _line_finder(text: str) -> Callable[[str], int | None]:
    """Where each id is declared (`id = "..."`): an index built once, on first use."""
    index: dict[str, int] | None = None

    def line_of(ident: str) -> int | None:
        nonlocal index
        if index is None:
            index = {}
            line, last = 1, 0
            for match in _ID_LINE.finditer(text):
                line += text.count("\n", last, match.start())
                last = match.start()
                index.setdefault(match.group(1), line)
        return index.get(ident)

    return line_of


_HEADER_LINE = re.compile(r"^[ \t]*\[")


def _field_line(lines: list[str], id_line: int, name: str) -> int | None:
    """The line of field `name` in the table whose id is declared on `id_line` (1-based), or
    None when the table does not spell that field itself."""
    start = id_line - 1
    while start > 0 and not _HEADER_LINE.match(lines[start]):
        start -= 1
    end = id_line
    while end < len(lines) and not _HEADER_LINE.match(lines[end]):
        end += 1
    own = re.compile(rf"^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*=")
    for number in range(start, end):
        if own.match(lines[number]):
            return number + 1
    return None


def _at_field(problem: Problem, texts: dict[str, str], lines: dict[str, list[str]]) -> Problem:
    """The problem pointing at its field's own line when the file spells it under the id
    (`lines` caches each file's lines)."""
    text = texts.get(problem.file)
    if problem.line is None or not problem.field or text is None:
        return problem
    if problem.file not in lines:
        lines[problem.file] = text.splitlines()
    line = _field_line(lines[problem.file], problem.line, problem.field)
    return problem if line is None else replace(problem, line=line, column=None)


def _read_file(
    file: str,
    data: dict[str, Any],
    text: str,
    drafts: _Drafts,
    problems: list[Problem],
    *,
    is_base: bool,
) -> None:
    line_of = _line_finder(text)
    drafts.line_finders[file] = line_of
    drafts.texts[file] = text

    def fields(table: Any, what: str, allowed: set[str]) -> Fields:
        return Fields(
            table, file=file, what=what, allowed=allowed, problems=problems, line_of=line_of
        )

    for key in sorted(set(data) - _TOP_LEVEL):
        problems.append(
            Problem(
                file, f"unknown table '{key}' (allowed: {', '.join(sorted(_TOP_LEVEL))})", field=key
            )
        )
    if "pack" in data:
        _read_pack_info(
            fields(
                data["pack"],
                "pack",
                {"id", "name", "version", "description", "extends", "max_week_hours"},
            ),
            drafts,
            is_base=is_base,
        )
    month_id = ""
    if "month" in data:
        month_id = _read_month(
            fields(data["month"], "month", {"id", "number", "title", "summary"}), drafts
        )
    for raw_week in _array(data, "week", file, problems):
        _read_week(raw_week, month_id, fields, drafts, is_base=is_base)
    for raw in _array(data, "reading", file, problems):
        _read_reading(
            fields(
                raw, "reading", {"id", "title", "author", "kind", "url", "estimate_hours", "topic"}
            ),
            drafts,
        )
    for raw in _array(data, "skill", file, problems):
        _read_skill(fields(raw, "skill", {"id", "name", "description"}), drafts)
    for raw in _array(data, "role", file, problems):
        _read_role(raw, fields, drafts)
    for raw in _array(data, "project", file, problems):
        _read_project(raw, fields, drafts)
    for raw in _array(data, "choice", file, problems):
        group = read_choice(raw, fields, lambda f, ident: _claim(f, ident, drafts))
        if group is not None:
            drafts.choices[group.id] = group
    for raw in _array(data, "card", file, problems):
        card = read_card(raw, fields, drafts.card_files)
        if card is not None:
            drafts.cards[card.id] = (card, file)


def _array(data: dict[str, Any], key: str, file: str, problems: list[Problem]) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(file, f"'{key}' must be an array of tables ([[{key}]])", field=key))
        return []
    return value


def _claim(f: Fields, ident: str, drafts: _Drafts) -> bool:
    """Register an id as declared by this file; a second declaration is a problem."""
    if not ident:
        return False
    owner = drafts.owners.get(ident)
    if owner is not None:
        f.problem("id", f"'{ident}' is already used in {owner}; ids must be unique")
        return False
    drafts.owners[ident] = f.file
    return True


def _read_pack_info(f: Fields, drafts: _Drafts, *, is_base: bool) -> None:
    ident = f.ident()
    name = f.text("name")
    version = f.text("version")
    description = f.text("description", required=False, markdown=True)
    extends = f.text("extends", required=False) or None
    max_week_hours = (
        f.number("max_week_hours", strict=True) or None if "max_week_hours" in f.table else None
    )
    if is_base and extends:
        f.problem("extends", "the shipped pack cannot extend another pack")
    if not is_base and drafts.packs and extends != drafts.packs[0].id:
        f.problem("extends", f'an added pack must say extends = "{drafts.packs[0].id}"')
    if any(p.id == ident for p in drafts.packs):
        f.problem("id", f"a pack with id '{ident}' is already loaded")
    drafts.packs.append(
        PackInfo(ident, name, version, description, f.file, extends, max_week_hours)
    )


def _read_month(f: Fields, drafts: _Drafts) -> str:
    ident = f.ident()
    number = f.integer("number")
    title = f.text("title")
    summary = f.text("summary", markdown=True)
    if number and number in drafts.month_numbers:
        f.problem("number", f"month number {number} is used twice")
    drafts.month_numbers.add(number)
    if not _claim(f, ident, drafts):
        return ident
    drafts.months.append((Month(ident, number, title, summary, ()), f.file))
    return ident


def _read_week(
    raw: Any,
    month_id: str,
    fields: Callable[[Any, str, set[str]], Fields],
    drafts: _Drafts,
    *,
    is_base: bool,
) -> None:
    extending = not month_id
    allowed = (
        {"id", "item"} if extending else {"id", "number", "title", "summary", "item", "readings"}
    )
    f = fields(raw, "week", allowed)
    ident = f.ident()
    if extending:
        if is_base:
            f.problem("id", "a week must be declared in a file with a [month] table")
            return
        week = drafts.weeks.get(ident)
        if ident and week is None:
            f.problem("id", f"there is no week '{ident}' to add items to")
            return
    else:
        number = f.integer("number")
        title = f.text("title")
        summary = f.text("summary", markdown=True)
        if number and number in drafts.week_numbers:
            f.problem("number", f"week number {number} is used twice")
        drafts.week_numbers.add(number)
        if not _claim(f, ident, drafts):
            return
        readings = f.id_list("readings", required=False)
        week = _WeekDraft(ident, number, title, summary, month_id, f.file, readings=readings)
        drafts.weeks[ident] = week
    for raw_item in f.tables("item"):
        item = _read_item(fields(raw_item, "item", _ITEM_FIELDS), week, drafts)
        if item is not None and week is not None:
            week.item_ids.append(item.id)


def _read_item(f: Fields, week: _WeekDraft | None, drafts: _Drafts) -> Item | None:
    ident = f.ident()
    kind = f.choice("kind", ITEM_KINDS)
    title = f.text("title")
    if len(title) > 90:
        f.problem("title", f"is {len(title)} characters long; keep titles to 90")
    description = f.text("description", markdown=True)
    hours = f.number("estimate_hours", strict=True)
    skills = f.id_list("skills")
    if "skills" in f.table and not skills:
        f.problem("skills", "must name at least one skill area")
    readings = f.id_list("readings", required=False)
    optional = f.id_list("optional_readings", required=False)
    if kind and kind != "check" and not readings and not optional:
        f.problem("readings", "must name at least one reading (only self-checks may have none)")
    aliases = f.id_list("aliases", required=False)
    requires = f.id_list("requires", required=False)
    if not _claim(f, ident, drafts) or week is None:
        return None
    item = Item(
        ident,
        kind,
        title,
        description,
        hours,
        skills,
        readings,
        week.id,
        week.month_id,
        aliases,
        optional_readings=optional,
        requires=requires,
    )
    drafts.items[ident] = (item, f.file)
    return item


def _read_reading(f: Fields, drafts: _Drafts) -> None:
    ident = f.ident()
    title = f.text("title")
    author = f.text("author")
    kind = f.choice("kind", READING_KINDS)
    url = f.text("url")
    if url and not is_web_url(url):
        f.problem("url", f"'{url}' is not allowed: readings need an absolute https:// address")
    hours = f.number("estimate_hours")
    topic = f.text("topic", required=False)
    if url and url in drafts.urls:
        other_id, other_file = drafts.urls[url]
        f.problem("url", f"the same address is already catalogued as '{other_id}' in {other_file}")
    if _claim(f, ident, drafts):
        if url:
            drafts.urls.setdefault(url, (ident, f.file))
        drafts.readings[ident] = (Reading(ident, title, author, kind, url, hours, topic), f.file)


def _read_skill(f: Fields, drafts: _Drafts) -> None:
    ident = f.ident()
    skill = Skill(ident, f.text("name"), f.text("description"))
    if _claim(f, ident, drafts):
        drafts.skills[ident] = skill


def _read_role(raw: Any, fields: Callable[[Any, str, set[str]], Fields], drafts: _Drafts) -> None:
    f = fields(raw, "role", {"id", "name", "short_name", "summary", "market_note", "area"})
    ident = f.ident()
    name = f.text("name")
    short_name = f.text("short_name", required=False)
    if len(short_name) > 16:
        f.problem("short_name", f"is {len(short_name)} characters long; keep it to 16")
    summary = f.text("summary", markdown=True)
    market_note = f.text("market_note", markdown=True)
    areas: dict[str, RoleArea] = {}
    for raw_area in f.tables("area"):
        af = fields(raw_area, "role area", {"skill", "weight"})
        af.id = ident
        skill = af.text("skill")
        weight = af.integer("weight")
        if skill and skill in areas:
            af.problem("area", f"skill area '{skill}' is listed twice")
        elif skill and weight:
            areas[skill] = RoleArea(skill, weight)
    if not areas:
        f.problem("area", "a role needs at least one weighted skill area")
    elif sum(a.weight for a in areas.values()) != 100:
        f.problem("area", f"weights add up to {sum(a.weight for a in areas.values())}, not 100")
    if _claim(f, ident, drafts):
        drafts.roles[ident] = (
            Role(ident, name, summary, market_note, tuple(areas.values()), short_name),
            f.file,
        )


def _read_project(
    raw: Any, fields: Callable[[Any, str, set[str]], Fields], drafts: _Drafts
) -> None:
    f = fields(raw, "project", {"id", "title", "level", "summary", "milestone"})
    ident = f.ident()
    title = f.text("title")
    level = f.choice("level", PROJECT_LEVELS)
    summary = f.text("summary", markdown=True)
    milestone_ids: list[str] = []
    raw_milestones = f.tables("milestone")
    if not raw_milestones:
        f.problem("milestone", "a project needs at least one milestone")
    for raw_milestone in raw_milestones:
        mf = fields(raw_milestone, "milestone", _MILESTONE_FIELDS)
        mid = mf.ident()
        m_title = mf.text("title")
        description = mf.text("description", markdown=True)
        done_when = mf.text("done_when", markdown=True)
        week_id = mf.text("week")
        hours = mf.number("estimate_hours", strict=True)
        skills = mf.id_list("skills")
        readings = mf.id_list("readings", required=False)
        aliases = mf.id_list("aliases", required=False)
        optional = mf.id_list("optional_readings", required=False)
        requires = mf.id_list("requires", required=False)
        if _claim(mf, mid, drafts):
            item = Item(
                mid,
                "milestone",
                m_title,
                description,
                hours,
                skills,
                readings,
                week_id,
                "",
                aliases,
                ident,
                done_when,
                optional,
                requires,
            )
            drafts.items[mid] = (item, mf.file)
            drafts.milestone_weeks[mid] = week_id
            milestone_ids.append(mid)
    if _claim(f, ident, drafts):
        drafts.projects[ident] = (
            Project(ident, title, level, summary, tuple(milestone_ids)),
            f.file,
        )


def _link(drafts: _Drafts, problems: list[Problem]) -> Curriculum:
    """Check every cross-reference and assemble the immutable curriculum."""

    def problem(file: str, ident: str, fld: str, message: str) -> None:
        finder = drafts.line_finders.get(file)
        problems.append(Problem(file, message, ident, fld, finder(ident) if finder else None))

    # Milestones join the checklist of the week they are scheduled in.
    items: dict[str, Item] = {}
    for ident, (item, file) in drafts.items.items():
        if item.is_milestone:
            week = drafts.weeks.get(item.week_id)
            if week is None:
                if item.week_id:
                    problem(file, ident, "week", f"there is no week '{item.week_id}'")
                continue
            week.item_ids.append(ident)
            item = replace(item, month_id=week.month_id)
        items[ident] = item
        for skill in item.skills:
            if skill not in drafts.skills:
                problem(file, ident, "skills", f"there is no skill area '{skill}'")
        for reading in item.readings:
            if reading not in drafts.readings:
                problem(file, ident, "readings", f"there is no reading '{reading}'")

    aliases: dict[str, str] = {}
    for ident, (item, file) in drafts.items.items():
        for alias in item.aliases:
            if alias in drafts.owners:
                problem(
                    file,
                    ident,
                    "aliases",
                    f"'{alias}' is a live id; an alias must be an id that is no longer used",
                )
            elif alias in aliases:
                problem(
                    file, ident, "aliases", f"'{alias}' is already an alias of '{aliases[alias]}'"
                )
            else:
                aliases[alias] = ident

    for ident, (role, file) in drafts.roles.items():
        for area in role.areas:
            if area.skill_id not in drafts.skills:
                problem(file, ident, "area", f"there is no skill area '{area.skill_id}'")

    for card, file in drafts.cards.values():
        check_card(card, items, drafts.roles, aliases, partial(problem, file, card.id))

    weeks_of_month: dict[str, list[str]] = {}
    for w in sorted(drafts.weeks.values(), key=lambda w: w.number):
        weeks_of_month.setdefault(w.month_id, []).append(w.id)
    for month, file in drafts.months:
        if month.id not in weeks_of_month:
            problem(file, month.id, "week", "a month needs at least one week")
    for week in drafts.weeks.values():
        if not week.item_ids:
            problem(week.file, week.id, "item", "a week needs at least one item")

    weeks = {
        w.id: Week(w.id, w.number, w.title, w.summary, w.month_id, tuple(w.item_ids), w.readings)
        for w in sorted(drafts.weeks.values(), key=lambda w: w.number)
    }
    months = tuple(
        Month(m.id, m.number, m.title, m.summary, tuple(weeks_of_month.get(m.id, ())))
        for m, _ in sorted(drafts.months, key=lambda pair: pair[0].number)
    )
    curriculum = Curriculum(
        packs=tuple(drafts.packs),
        months=months,
        weeks=weeks,
        items=items,
        readings={k: r for k, (r, _) in drafts.readings.items()},
        skills=dict(drafts.skills),
        projects={k: p for k, (p, _) in drafts.projects.items()},
        roles={k: r for k, (r, _) in drafts.roles.items()},
        aliases=aliases,
        content_hash="sha256:" + drafts.digest.hexdigest(),
        choices=dict(drafts.choices),
        cards={k: c for k, (c, _) in drafts.cards.items()},
    )
    check_path(
        curriculum,
        {**drafts.owners, **{w.id: w.file for w in drafts.weeks.values()}},
        drafts.base_files,
        lambda file, ident, fld, message: problem(file, ident, fld, message),
    )
    return curriculum
