"""Practice cards in a pack: good cards load, and every mistake in one is reported with its
file, card id and field (all of them at once), like every other curriculum problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXTRA_PACK

from cairn.content import Card, load_curriculum, validate_pack
from cairn.content.cache import read_entry, write_entry
from practice_packs import ANSWER, CARDS_TOML, write_cards


def _card(body: str, *, ident: str = "bad-card", item: str = "write-hello") -> str:
    return f'[[card]]\nid = "{ident}"\nitem = "{item}"\n{body}\n'


RECALL = f'prompt = "What is it?"\nanswer = "{ANSWER}"'
DRILL = (
    f'kind = "drill"\nprompt = "Design it."\nanswer = "{ANSWER}"\nroles = ["builder"]\n'
    'rubric = ["One", "Two", "Three"]\nminutes = 5'
)


def _problems(pack: Path, text: str) -> list[tuple[str, str, str, str]]:
    file = write_cards(pack, text)
    found = validate_pack(pack)
    assert all(p.file == str(file) for p in found), [str(p) for p in found]
    return [(p.file, p.id, p.field, p.message) for p in found]


def test_good_cards_load_with_every_field(small_pack: Path) -> None:
    write_cards(small_pack)
    curriculum = load_curriculum([small_pack])
    assert list(curriculum.cards) == ["hello-why", "hello-print", "eval-score", "drill-demo"]
    assert curriculum.cards["hello-why"] == Card(
        "hello-why", "write-hello", "Why start with hello world?", ANSWER, ("basics",)
    )
    drill = curriculum.cards["drill-demo"]
    assert drill.kind == "drill" and drill.is_drill and drill.roles == ("builder",)
    assert drill.rubric == ("Names a metric", "Names a baseline", "Says how often")
    assert drill.minutes == 3 and not drill.own
    assert [c.id for c in curriculum.cards_by_item["write-hello"]] == ["hello-why", "hello-print"]
    assert "read-guide" not in curriculum.cards_by_item


def test_a_pack_without_cards_has_none(small_pack: Path) -> None:
    assert load_curriculum([small_pack]).cards == {}


def test_an_extension_pack_may_add_cards_to_shipped_items(small_pack: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "pack.toml").write_text((EXTRA_PACK / "pack.toml").read_text())
    write_cards(extra, _card(RECALL, ident="extra-card", item="write-eval"))
    assert validate_pack(extra, base=small_pack) == []
    curriculum = load_curriculum([small_pack, extra])
    assert curriculum.cards["extra-card"].item_id == "write-eval"


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        (RECALL + "\ncolour = 'red'", "colour", "unknown field"),
        (f'answer = "{ANSWER}"', "prompt", "is missing"),
        ('prompt = "Why?"', "answer", "is missing"),
        (f'prompt = "{"x" * 601}"\nanswer = "{ANSWER}"', "prompt", "601 characters"),
        ('prompt = "Why?"\nanswer = "Too short."', "answer", "10 characters"),
        (f'prompt = "Why?"\nanswer = "{"y" * 2501}"', "answer", "2501 characters"),
        (RECALL + '\nkind = "essay"', "kind", "'essay' is not one of"),
        (RECALL + '\ntags = ["Bad Tag"]', "tags", "'Bad Tag' is not a valid tag"),
        (RECALL + f"\ntags = {[f't{n}' for n in range(9)]}", "tags", "9 tags"),
        (RECALL + '\ntags = "basics"', "tags", "must be a list"),
        (RECALL + '\nroles = ["builder"]', "roles", "only a drill card"),
        (RECALL + '\nrubric = ["a", "b", "c"]', "rubric", "only a drill card"),
        (RECALL + "\nminutes = 3", "minutes", "only a drill card"),
        ('prompt = "Why? [x](javascript:alert(1))"\nanswer = "' + ANSWER + '"', "prompt", "link"),
    ],
)
def test_each_bad_field_is_named_with_file_and_card_id(
    small_pack: Path, body: str, field: str, words: str
) -> None:
    found = _problems(small_pack, _card(body))
    assert len(found) == 1, found
    _, ident, got_field, message = found[0]
    assert (ident, got_field) == ("bad-card", field)
    assert words in message


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (('roles = ["builder"]\n', ""), "roles", "needs at least one role"),
        (('roles = ["builder"]', "roles = []"), "roles", "needs at least one role"),
        (('rubric = ["One", "Two", "Three"]\n', ""), "rubric", "3 to 5 rubric points"),
        (('"Three"]', '"Three", "4", "5", "6"]'), "rubric", "has 6 points"),
        (('"One", ', ""), "rubric", "has 2 points"),
        (('"One"', '"' + "z" * 121 + '"'), "rubric", "point 1 is 121 characters"),
        (("minutes = 5", "minutes = 16"), "minutes", "from 1 to 15"),
        (("minutes = 5", "minutes = 0"), "minutes", "from 1 to 15"),
        (("minutes = 5", "minutes = 2.5"), "minutes", "from 1 to 15"),
        (("minutes = 5", ""), "minutes", "is missing"),
    ],
)
def test_a_drill_card_needs_roles_rubric_and_minutes(
    small_pack: Path, change: tuple[str, str], field: str, words: str
) -> None:
    assert _problems(small_pack, _card(DRILL)) == []
    found = _problems(small_pack, _card(DRILL.replace(*change)))
    assert len(found) == 1, found
    assert found[0][1:3] == ("bad-card", field) and words in found[0][3]


def test_unknown_item_and_role_are_named(small_pack: Path) -> None:
    text = _card(RECALL, item="no-such-item") + _card(
        DRILL.replace('["builder"]', '["builder", "astronaut"]'), ident="drill-x"
    )
    found = _problems(small_pack, text)
    assert [(i, f) for _, i, f, _ in found] == [("bad-card", "item"), ("drill-x", "roles")]
    assert "no item or milestone 'no-such-item'" in found[0][3]
    assert "no role 'astronaut'" in found[1][3]


def test_an_old_item_id_names_its_replacement(small_pack: Path) -> None:
    found = _problems(small_pack, _card(RECALL, item="old-eval"))
    assert found[0][2:] == ("item", "'old-eval' was renamed: use 'write-eval'")


def test_card_ids_are_checked_and_unique(small_pack: Path) -> None:
    text = (
        _card(RECALL, ident="Bad_Id")
        + _card(RECALL, ident="own-3")
        + _card(RECALL, ident="twice")
        + _card(RECALL, ident="twice")
        + f'[[card]]\nitem = "write-hello"\n{RECALL}\n'
    )
    found = _problems(small_pack, text)
    fields = [(f, m) for _, _, f, m in found]
    assert len(found) == 4, found
    assert all(f == "id" for f, _ in fields)
    messages = " | ".join(m for _, m in fields)
    assert "'Bad_Id' is not a valid card id" in messages
    assert "kept for the learner's cards" in messages
    assert "card 'twice' is already declared in" in messages
    assert "a card needs an id" in messages


def test_a_card_id_may_start_with_a_digit_and_share_an_item_id(small_pack: Path) -> None:
    text = _card(RECALL, ident="2-ways") + _card(RECALL, ident="write-eval")
    assert _problems(small_pack, text) == []


def test_every_problem_of_a_file_is_reported_at_once_with_its_line(small_pack: Path) -> None:
    text = _card('prompt = "Why?"\nanswer = "short"\nkind = "essay"')
    write_cards(small_pack, text)
    found = validate_pack(small_pack)
    assert {p.field for p in found} == {"answer", "kind"}
    answer = next(p for p in found if p.field == "answer")
    assert answer.line == 5 and "bad-card" in str(answer) and "field 'answer'" in str(answer)


def test_card_must_be_an_array_of_tables(small_pack: Path) -> None:
    file = write_cards(small_pack, 'card = "not a table"\n')
    found = validate_pack(small_pack)
    assert [(p.file, p.field) for p in found] == [(str(file), "card")]


def test_the_cache_stores_and_restores_cards(small_pack: Path, tmp_path: Path) -> None:
    write_cards(small_pack, CARDS_TOML)
    curriculum = load_curriculum([small_pack])
    write_entry(tmp_path / "cache", "k", curriculum)
    restored = read_entry(tmp_path / "cache", "k")
    assert restored is not None
    assert restored.cards == curriculum.cards
    assert restored.cards_by_item.keys() == curriculum.cards_by_item.keys()


def test_every_shipped_card_belongs_to_an_item_and_every_drill_names_a_role(
    shipped_pack: Path,
) -> None:
    curriculum = load_curriculum([shipped_pack])
    for card in curriculum.cards.values():
        assert card.item_id in curriculum.items, card.id
        assert not card.is_drill or (
            card.roles and all(r in curriculum.roles for r in card.roles)
        ), card.id
