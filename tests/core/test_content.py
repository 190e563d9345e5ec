"""Curriculum packs: the good pack loads, and every kind of mistake is reported with file, id and
field — all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXTRA_PACK, SMALL_PACK

from cairn.content import ContentError, load_curriculum, validate_pack
from choice_packs import (
    AGENTS,
    EVALS,
    GROUP,
    MONTH_1_FILE,
    MONTH_2,
    MONTH_2_FILE,
    OPTION_ITEMS,
    SERVING,
    edit,
    write_choice_pack,
)


def _problems(pack: Path) -> list[str]:
    return [str(p) for p in validate_pack(pack)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_small_pack_loads_with_weeks_items_and_milestones() -> None:
    c = load_curriculum([SMALL_PACK])
    assert [m.id for m in c.months] == ["m1"]
    assert [i.id for i in c.week_items("w01")] == ["write-hello", "read-guide", "demo-start"]
    milestone = c.items["demo-measure"]
    assert milestone.kind == "milestone" and milestone.project_id == "demo"
    assert milestone.month_id == "m1" and milestone.done_when
    assert c.resolve("old-eval") == "write-eval"
    assert c.roles["builder"].areas[0].weight == 60


def test_shipped_pack_is_valid(shipped_pack: Path) -> None:
    assert validate_pack(shipped_pack) == []


def test_extension_pack_adds_items_to_a_shipped_week() -> None:
    c = load_curriculum([SMALL_PACK, EXTRA_PACK])
    assert "pair-session" in [i.id for i in c.week_items("w01")]
    assert [p.id for p in c.packs] == ["small", "mentor-extra"]


def test_extension_pack_cannot_redefine_a_shipped_id(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "pack.toml").write_text(
        (EXTRA_PACK / "pack.toml").read_text().replace('id = "pair-session"', 'id = "write-hello"')
    )
    problems = [str(p) for p in validate_pack(extra, base=SMALL_PACK)]
    assert len(problems) == 1
    assert "id 'write-hello'" in problems[0] and "already used in" in problems[0]
    assert str(extra / "pack.toml") in problems[0]


def test_syntax_error_names_file_line_and_column(small_pack: Path) -> None:
    month = small_pack / "months" / "01-basics.toml"
    _edit(month, 'title = "Write code"', 'title = "Write code')
    problems = validate_pack(small_pack)
    assert len(problems) >= 1
    syntax = problems[0]
    assert syntax.file == str(month)
    assert syntax.line == 10 and syntax.column is not None
    assert "TOML syntax error" in syntax.message
    assert f"{month}:10:" in str(syntax)


# One broken copy of the small pack per kind of mistake: (file, old text, new text, id, field).
MISTAKES = {
    "unknown skill": (
        "months/01-basics.toml",
        'skills = ["coding"]\nreadings = ["guide"]',
        'skills = ["cooking"]\nreadings = ["guide"]',
        "write-hello",
        "skills",
    ),
    "unknown reading": (
        "months/01-basics.toml",
        'readings = ["paper"]\naliases',
        'readings = ["nope"]\naliases',
        "write-eval",
        "readings",
    ),
    "javascript url": (
        "pack.toml",
        'url = "https://example.org/guide"',
        'url = "javascript:alert(1)"',
        "guide",
        "url",
    ),
    "file url": (
        "pack.toml",
        'url = "https://example.org/paper"',
        'url = "file:///etc/passwd"',
        "paper",
        "url",
    ),
    "http url": (
        "pack.toml",
        'url = "https://example.org/paper"',
        'url = "http://example.org/paper"',
        "paper",
        "url",
    ),
    "bad markdown link": (
        "months/01-basics.toml",
        'description = "Read it all."',
        'description = "Read [this](javascript:alert(1))."',
        "read-guide",
        "description",
    ),
    "duplicate id": (
        "months/01-basics.toml",
        'id = "read-guide"',
        'id = "write-hello"',
        "write-hello",
        "id",
    ),
    "bad kind": (
        "months/01-basics.toml",
        'kind = "topic"',
        'kind = "lecture"',
        "read-guide",
        "kind",
    ),
    "negative hours": (
        "months/01-basics.toml",
        'estimate_hours = 2\nskills = ["coding", ',
        'estimate_hours = -2\nskills = ["coding", ',
        "read-guide",
        "estimate_hours",
    ),
    "missing title": (
        "months/01-basics.toml",
        'title = "Read the guide"\n',
        "",
        "read-guide",
        "title",
    ),
    "bad id": (
        "months/01-basics.toml",
        'id = "write-hello"',
        'id = "Write Hello"',
        "Write Hello",
        "id",
    ),
    "weights not 100": ("pack.toml", "weight = 40 }", "weight = 30 }", "builder", "area"),
    "milestone week": ("pack.toml", 'week = "w02"', 'week = "w09"', "demo-measure", "week"),
    "unknown field": (
        "months/01-basics.toml",
        "estimate_hours = 0.5",
        "estimate_hours = 0.5\nestimate_hour = 1",
        "explain-eval",
        "estimate_hour",
    ),
    "reading missing": (
        "months/01-basics.toml",
        'readings = ["guide"]\n\n[[week]]',
        "readings = []\n\n[[week]]",
        "read-guide",
        "readings",
    ),
    "alias in use": (
        "months/01-basics.toml",
        'aliases = ["old-eval"]',
        'aliases = ["write-hello"]',
        "write-eval",
        "aliases",
    ),
}


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_each_mistake_is_named_with_file_id_and_field(small_pack: Path, case: str) -> None:
    relative, old, new, ident, field = MISTAKES[case]
    _edit(small_pack / relative, old, new)
    problems = validate_pack(small_pack)
    matching = [p for p in problems if p.id == ident and p.field == field]
    assert matching, f"expected a problem for {ident}.{field}, got: {[str(p) for p in problems]}"
    assert matching[0].file == str(small_pack / relative)
    assert f"id '{ident}'" in str(matching[0]) and f"field '{field}'" in str(matching[0])


def test_every_problem_is_reported_not_just_the_first(small_pack: Path) -> None:
    month = small_pack / "months" / "01-basics.toml"
    _edit(month, 'skills = ["coding"]\nreadings = ["guide"]', 'skills = ["x"]\nreadings = ["y"]')
    _edit(small_pack / "pack.toml", 'url = "https://example.org/paper"', 'url = "file:///x"')
    with pytest.raises(ContentError) as raised:
        load_curriculum([small_pack])
    fields = {(p.id, p.field) for p in raised.value.problems}
    assert {("write-hello", "skills"), ("write-hello", "readings"), ("paper", "url")} <= fields
    assert "3 problems" in str(raised.value)


def test_missing_pack_file_and_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert any("pack.toml" in p for p in _problems(tmp_path / "empty"))
    assert any("is not a folder" in p for p in _problems(tmp_path / "nowhere"))


def test_non_utf8_file_is_a_problem(small_pack: Path) -> None:
    (small_pack / "months" / "02-latin1.toml").write_bytes("title = 'caf\xe9'".encode("latin-1"))
    assert any("not UTF-8" in p for p in _problems(small_pack))


# --- choice groups, prerequisites, optional readings, week hours ------------------------------
def _choice_pack(tmp_path: Path, max_week_hours: float | None = None) -> Path:
    return write_choice_pack(tmp_path / "electives", max_week_hours=max_week_hours)


def test_a_choice_group_loads_with_its_options(tmp_path: Path) -> None:
    c = load_curriculum([_choice_pack(tmp_path)])
    group = c.choices[GROUP]
    assert (group.title, group.choose, group.week_id) == ("Choose one specialisation", 1, "w02")
    assert [(o.id, o.title, o.item_ids) for o in group.options] == [
        (option, title, OPTION_ITEMS[option])
        for option, title in ((EVALS, "Evals"), (AGENTS, "Agents"), (SERVING, "Serving"))
    ]
    assert c.option_of["agents-trace"].id == AGENTS and "core-plan" not in c.option_of
    assert c.items["core-plan"].requires == ("core-setup",)
    assert c.items["core-read"].optional_readings == ("book",)


_AGENT_OPTION = MONTH_2[MONTH_2.index('[[choice.option]]\nid = "spec-agents"') :]

# One broken copy of the elective pack per rule: (file, old text, new text, id, field, words).
CHOICE_MISTAKES = {
    "unknown item in an option": (
        MONTH_2_FILE,
        '"evals-golden-set", "evals-judge"]',
        '"evals-golden-set", "evals-nope"]',
        EVALS,
        "items",
        "no item 'evals-nope'",
    ),
    "item in two options": (
        MONTH_2_FILE,
        '"agents-tools", "agents-trace"]',
        '"agents-tools", "agents-trace", "evals-judge"]',
        AGENTS,
        "items",
        "'evals-judge' is in more than one option",
    ),
    "fewer than two options": (
        MONTH_2_FILE,
        _AGENT_OPTION,
        "",
        GROUP,
        "option",
        "at least two options",
    ),
    "choose as many as there are options": (
        MONTH_2_FILE,
        "choose = 1",
        "choose = 3",
        GROUP,
        "choose",
        "choose 3 of 3 options",
    ),
    "due week unknown": (
        MONTH_2_FILE,
        'week = "w02"',
        'week = "w09"',
        GROUP,
        "week",
        "no week 'w09'",
    ),
    "due week left out": (MONTH_2_FILE, 'week = "w02"\n', "", GROUP, "week", ""),
    "due week after an option's item": (
        MONTH_2_FILE,
        'week = "w02"',
        'week = "w03"',
        GROUP,
        "week",
        "'evals-golden-set' comes before the week the choice is due",
    ),
    "requires an unknown item": (
        MONTH_2_FILE,
        'requires = ["core-setup"]',
        'requires = ["core-nope"]',
        "core-plan",
        "requires",
        "no item 'core-nope'",
    ),
    "requires a later week's item": (
        MONTH_1_FILE,
        'optional_readings = ["book"]',
        'optional_readings = ["book"]\nrequires = ["core-plan"]',
        "core-read",
        "requires",
        "'core-plan' must come earlier",
    ),
    "requires a later item of the same week": (
        MONTH_2_FILE,
        'requires = ["agents-loop"]',
        'requires = ["agents-trace"]',
        "agents-tools",
        "requires",
        "'agents-trace' must come earlier",
    ),
    "requires an item of another option": (
        MONTH_2_FILE,
        'description = "Every step logged."',
        'description = "Every step logged."\nrequires = ["evals-golden-set"]',
        "agents-trace",
        "requires",
        f"belongs to the option '{EVALS}'",
    ),
    "optional reading unknown": (
        MONTH_1_FILE,
        'optional_readings = ["book"]',
        'optional_readings = ["nope"]',
        "core-read",
        "optional_readings",
        "no reading 'nope'",
    ),
    "optional reading also required": (
        MONTH_1_FILE,
        'optional_readings = ["book"]',
        'optional_readings = ["paper"]',
        "core-read",
        "optional_readings",
        "'paper' is also a required reading",
    ),
}


@pytest.mark.parametrize("case", sorted(CHOICE_MISTAKES))
def test_each_choice_and_path_mistake_is_named(tmp_path: Path, case: str) -> None:
    relative, old, new, ident, field, words = CHOICE_MISTAKES[case]
    pack = _choice_pack(tmp_path)
    edit(pack / relative, old, new)
    problems = validate_pack(pack)
    matching = [p for p in problems if p.id == ident and p.field == field and words in p.message]
    assert matching, f"expected {ident}.{field} ({words}), got: {[str(p) for p in problems]}"
    assert matching[0].file == str(pack / relative)
    assert f"id '{ident}'" in str(matching[0]) and f"field '{field}'" in str(matching[0])


def test_a_pack_with_a_week_limit_holds_estimates_to_their_required_readings(
    tmp_path: Path,
) -> None:
    """An item whose required readings take longer than its estimate is named; the same item
    in a pack without `max_week_hours` (a mentor's added pack) is accepted."""
    for name, limit in (("honest", 40.0), ("free", None)):
        pack = _choice_pack(tmp_path / name, max_week_hours=limit)
        edit(
            pack / MONTH_1_FILE,
            'readings = ["paper"]\noptional_readings = ["book"]',
            'readings = ["paper", "book"]',
        )
        problems = validate_pack(pack)
        if limit is None:
            assert problems == []
            continue
        assert [(p.id, p.field) for p in problems] == [("core-read", "estimate_hours")]
        assert "2 h is less than its required readings take (31 h)" in problems[0].message
        assert problems[0].file == str(pack / MONTH_1_FILE)


def test_a_week_counts_its_heaviest_option_against_the_pack_limit(tmp_path: Path) -> None:
    # week 1: 3.5 h; week 2: 1 h core + 3 h for serving, the heaviest option (all options: 7 h)
    assert validate_pack(_choice_pack(tmp_path / "fits", max_week_hours=4)) == []
    problems = validate_pack(_choice_pack(tmp_path / "over", max_week_hours=3.75))
    assert [(p.id, p.field) for p in problems] == [("w02", "item")]
    assert "week 2 plans 4 h, more than the pack's 3.75 h a week" in problems[0].message
    assert problems[0].file == str(tmp_path / "over" / "electives" / MONTH_2_FILE)


def test_an_added_packs_items_do_not_count_against_the_shipped_limit(tmp_path: Path) -> None:
    base = _choice_pack(tmp_path, max_week_hours=4)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "pack.toml").write_text(
        '[pack]\nid = "mentor-extra"\nname = "More"\nversion = "1"\ndescription = "More."\n'
        'extends = "electives"\n\n[[week]]\nid = "w02"\n\n[[week.item]]\nid = "pair-day"\n'
        'kind = "task"\ntitle = "Pair for a day"\ndescription = "All day."\n'
        'estimate_hours = 8\nskills = ["coding"]\nreadings = ["guide"]\n',
        encoding="utf-8",
    )
    assert validate_pack(extra, base=base) == []
    assert "pair-day" in [i.id for i in load_curriculum([base, extra]).week_items("w02")]


def test_a_topic_with_only_optional_readings_is_sound(tmp_path: Path) -> None:
    pack = _choice_pack(tmp_path)
    edit(pack / MONTH_1_FILE, 'readings = ["paper"]\noptional_readings', "optional_readings")
    assert validate_pack(pack) == []
    item = load_curriculum([pack]).items["core-read"]
    assert (item.kind, item.readings, item.optional_readings) == ("topic", (), ("book",))
