"""Practice's writes: grading (and its undo), suspending, the learner's own cards, edits of
any card's text and the practice settings. Each is one transaction, checked first (bad ids,
ratings and texts are refused in words naming the card and field, with nothing changed), and
returns a `Change`; the reads are `Practice`'s."""

from __future__ import annotations

from ..content import Card
from ..practice.due import NEW_PER_DAY_SETTING
from ..practice.model import MAX_DURATION_MS, MODES, RATINGS, CardState, rating_number
from ..practice.scheduling import check_retention
from ..store import practice as rows
from .practice import RETENTION_SETTING, Practice
from .practice_cards import checked_tags, checked_text, shown_id, with_text
from .values import Change, TrackerError


class PracticeChanges(Practice):
    """The practice writes, on top of the practice reads."""

    # --- writes ------------------------------------------------------------------------------
    def grade_card(
        self,
        card_id: str,
        rating: str | int,
        *,
        duration_ms: int | None = None,
        mode: str = "review",
    ) -> Change:
        """Record a review rated `rating` (again, hard, good, easy or 1–4) and let FSRS
        schedule the card; Change("card", (id,), old state or None, new state). A locked card
        is refused in the daily review (a drill may rehearse it). A duration over a day is
        kept as a day (what an export may hold)."""
        self._writable()
        card = self._card(card_id)
        try:
            number = rating_number(rating)
        except ValueError:
            raise TrackerError(
                f"card '{card.id}': {shown_id(rating)} is not a rating; use one of: "
                f"{', '.join(RATINGS)} (or 1–4)"
            ) from None
        if mode not in MODES:
            raise TrackerError(
                f"card '{card.id}': {shown_id(mode)} is not a mode ({', '.join(MODES)})"
            )
        if duration_ms is not None and (
            isinstance(duration_ms, bool) or not isinstance(duration_ms, int) or duration_ms < 0
        ):
            raise TrackerError(f"card '{card.id}': the duration must be whole milliseconds")
        if duration_ms is not None:
            duration_ms = min(duration_ms, MAX_DURATION_MS)
        if mode == "review" and not self._unlocked(card):
            item = self.curriculum.items.get(card.item_id)
            what = f"'{item.title}' ({item.id})" if item else f"'{card.item_id}'"
            raise TrackerError(f"card '{card.id}' is locked: it unlocks when {what} is done")
        from ..practice.scheduling import grade

        now, retention = self.now(), self.desired_retention()
        old, new, _review = rows.write_grade(
            self._database,
            card.id,
            lambda held: grade(held, card.id, number, now, retention),
            number,
            now,
            duration_ms,
            mode,
        )
        return self._seen(Change("card", (card.id,), old, new))

    def undo_grade(self, change: Change) -> Change:
        """Put back the state a grade replaced and delete its review row; refused (nothing
        changed) when the card was graded again since."""
        self._writable()
        if change.kind != "card" or len(change.ids) != 1 or not isinstance(change.new, CardState):
            raise TrackerError("only a card's grade can be undone here")
        card_id = change.ids[0]
        if not rows.undo_grade(self._database, card_id, change.new, change.old):
            raise TrackerError(
                f"card {shown_id(card_id)} was reviewed again since; undo that review first"
            )
        return self._seen(Change("card", (card_id,), change.new, change.old))

    def set_card_suspended(self, card_id: str, suspended: bool) -> Change:
        """Suspend a card (it is never due) or resume it."""
        self._writable()
        card = self._card(card_id)
        old = rows.write_suspended(self._database, card.id, bool(suspended))
        return self._seen(Change("card_suspended", (card.id,), old, bool(suspended)))

    def add_own_card(
        self,
        item_id: str,
        prompt: str,
        answer: str,
        tags: tuple[str, ...] | list[str] = (),
        *,
        card_id: str | None = None,
    ) -> Change:
        """Make a card of the learner's own on an item; Change("card_added", (id,), None,
        Card). `card_id` puts a removed own card back under its id (undoing its removal)."""
        self._writable()
        item = self.item(item_id)
        number = None
        if card_id is not None:
            number = rows.own_card_number(card_id)
            if number is None:
                raise TrackerError(f"{shown_id(card_id)} is not an id of the learner's own cards")
        prompt, answer = checked_text(card_id or "", prompt, answer)
        kept_tags = checked_tags(tags)
        made = rows.insert_own_card(
            self._database, item.id, prompt, answer, kept_tags, self.now(), number
        )
        if made is None:
            raise TrackerError(f"card {shown_id(card_id)} already exists")
        card = Card(rows.own_card_id(made), item.id, prompt, answer, kept_tags, own=True)
        return self._seen(Change("card_added", (card.id,), None, card))

    def remove_own_card(self, card_id: str) -> Change:
        """Remove one of the learner's own cards (its reviews are kept); the undo of adding it:
        Change("card_added", (id,), Card, None)."""
        self._writable()
        number = rows.own_card_number(card_id)
        if number is None:
            raise TrackerError(f"card {shown_id(card_id)} is not one of your own cards")
        removed = rows.delete_own_card(self._database, number)
        if removed is None:
            raise TrackerError(f"there is no card {shown_id(card_id)}")
        shown, _edited = with_text(removed, rows.card_texts_of(self._database, [removed.id]))
        return self._seen(Change("card_added", (card_id,), shown, None))

    def edit_card(self, card_id: str, prompt: str, answer: str) -> Change:
        """Change a card's prompt and answer: an own card's text, or the learner's version of
        a shipped card (("", "") restores the shipped text, as does the shipped text itself);
        Change("card_text", (id,), (prompt, answer) before, after) where ("", "") means the
        shipped text."""
        self._writable()
        card = self._card(card_id)
        if card.own:  # its later wording is kept beside it, with the time (as a shipped one's)
            text = checked_text(card.id, prompt, answer)
            shown = rows.card_texts_of(self._database, [card.id]).get(card.id)
            before = shown or (card.prompt, card.answer)
            if text != before:
                rows.write_card_text(self._database, card.id, text, self.now())
            return self._seen(Change("card_text", (card.id,), before, text))
        restore = (prompt, answer) == ("", "") or (
            isinstance(prompt, str)
            and isinstance(answer, str)
            and (prompt.strip(), answer.strip()) == (card.prompt, card.answer)
        )
        wanted = None if restore else checked_text(card.id, prompt, answer)
        held = rows.write_card_text(self._database, card.id, wanted, self.now())
        return self._seen(Change("card_text", (card.id,), held or ("", ""), wanted or ("", "")))

    def set_desired_retention(self, value: float) -> Change:
        """The recall probability FSRS aims for, 0.70–0.99 (Change of setting)."""
        self._writable()
        try:
            wanted = check_retention(value)
        except ValueError as error:
            raise TrackerError(str(error)) from None
        old = self._database.set_setting(RETENTION_SETTING, wanted)
        return Change("setting", (RETENTION_SETTING,), old, wanted)

    def set_new_per_day(self, count: int) -> Change:
        """How many new cards a day may start, 0–999 (Change of setting)."""
        self._writable()
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 999:
            raise TrackerError(
                f"new cards a day must be a whole number from 0 to 999, not {count!r}"
            )
        old = self._database.set_setting(NEW_PER_DAY_SETTING, count)
        return Change("setting", (NEW_PER_DAY_SETTING,), old, count)
