"""The practice cards of a curriculum in the path's order, made once per curriculum, and the
checks on what a learner types into a card."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from ..content import Card, Curriculum
from ..content.cards import MAX_PROMPT, MAX_TAGS, TAG
from ..validation import InvalidInput, check_text
from .values import TrackerError

MAX_OWN_ANSWER = 2500


@dataclass(frozen=True)
class CardIndex:
    """A curriculum's shipped cards: by id, by item, and the items in the path's order."""

    curriculum: Curriculum
    by_id: Mapping[str, Card]
    by_item: Mapping[str, tuple[Card, ...]]
    item_order: tuple[str, ...]  # every item with cards (shipped or own may come), path order
    position: Mapping[str, int]  # item id -> its place in the path

    @classmethod
    def of(cls, curriculum: Curriculum) -> CardIndex:
        items = [
            item_id
            for month in curriculum.months
            for week_id in month.week_ids
            for item_id in curriculum.weeks[week_id].item_ids
        ]
        items += [i for i in curriculum.items if i not in set(items)]  # none, in a valid pack
        position = {item_id: place for place, item_id in enumerate(dict.fromkeys(items))}
        return cls(
            curriculum, curriculum.cards, curriculum.cards_by_item, tuple(position), position
        )

    def in_order(self, own: Sequence[Card]) -> Iterator[Card]:
        """Every card, shipped and own, by item in the path's order (an item's own cards
        after its shipped ones; own cards of items no longer in the path last)."""
        mine: dict[str, list[Card]] = {}
        for card in own:
            mine.setdefault(card.item_id, []).append(card)
        for item_id in self.item_order:
            yield from self.by_item.get(item_id, ())
            yield from mine.pop(item_id, ())
        for left in mine.values():
            yield from left

    def unlocked_in_order(self, own: Sequence[Card], done: Mapping[str, str]) -> Iterator[Card]:
        """The cards of done items only, in the same order as `in_order`."""
        mine: dict[str, list[Card]] = {}
        for card in own:
            mine.setdefault(card.item_id, []).append(card)
        for item_id in self.item_order:
            if done.get(item_id) == "done":
                yield from self.by_item.get(item_id, ())
                yield from mine.get(item_id, ())


def with_text(card: Card, texts: Mapping[str, tuple[str, str]]) -> tuple[Card, bool]:
    """The card with the learner's version of its text, and whether a shipped card has one
    (an own card's later wording is kept the same way, but it is the learner's card: never
    "edited")."""
    text = texts.get(card.id)
    if text is None:
        return card, False
    return replace(card, prompt=text[0], answer=text[1]), not card.own


def shown_id(card_id: object) -> str:
    """A card id (or a rating, tag or mode) as a message shows it: quoted, on one line, with
    control characters, lone surrogates and anything not printable escaped (an id may come
    from a command line)."""
    if isinstance(card_id, int | float) or card_id is None:
        return f"'{card_id}'"
    if not isinstance(card_id, str):
        return f"a {type(card_id).__name__}"
    text = card_id if len(card_id) <= 80 else card_id[:80] + "…"
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    clean = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in clean)
    return f"'{clean}'"


def checked_text(card_id: str, prompt: str, answer: str) -> tuple[str, str]:
    """A card's prompt and answer as typed, trimmed; refused in words naming card and field.
    The checks are the importer's (`cairn.validation.check_text`: no NUL, no lone surrogate),
    so a card the tracker keeps is one every export of it imports again."""
    name = shown_id(card_id) if card_id else "'new card'"
    if not isinstance(prompt, str) or not isinstance(answer, str):
        raise TrackerError(f"card {name}: the prompt and answer must be text")
    prompt, answer = prompt.strip(), answer.strip()
    for field, text, longest in (
        ("prompt", prompt, MAX_PROMPT),
        ("answer", answer, MAX_OWN_ANSWER),
    ):
        if not text:
            raise TrackerError(f"card {name}: the {field} is empty")
        if len(text) > longest:
            raise TrackerError(
                f"card {name}: the {field} is {len(text)} characters long; at most {longest}"
            )
        try:
            check_text(text, field, limit=longest)
        except InvalidInput as error:
            raise TrackerError(f"card {name}: {error}") from None
    return prompt, answer


def checked_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags for an own card (lowercase words with hyphens, at most 8), duplicates dropped."""
    found = tuple(dict.fromkeys(tags))
    for tag in found:
        if not isinstance(tag, str) or not TAG.match(tag):
            raise TrackerError(
                f"{shown_id(tag)} is not a valid tag: lowercase letters, digits and hyphens, "
                "at most 32"
            )
    if len(found) > MAX_TAGS:
        raise TrackerError(f"a card takes at most {MAX_TAGS} tags, not {len(found)}")
    return found
