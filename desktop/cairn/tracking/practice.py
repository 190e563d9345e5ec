"""Practice: the curriculum's cards and the learner's own, scheduled with FSRS. A card unlocks
when its item is done; due cards are the reviewed ones FSRS says are due, then a few new ones
a day. Each write is one transaction and returns a `Change`; bad ids, ratings and texts are
refused in words naming the card and field, with nothing changed."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from ..content import Card
from ..practice.due import (
    DEFAULT_NEW_PER_DAY,
    NEW_PER_DAY_SETTING,
    new_left,
    start_of_day,
)
from ..practice.model import (
    CardState,
    PracticeCard,
    ReviewRecord,
)
from ..practice.retention import AreaRetention, by_area, from_recalls
from ..practice.scheduling import DEFAULT_RETENTION, check_retention, recall_probability
from ..snapshot import ProgressSnapshot
from ..store import practice as rows
from .practice_cards import CardIndex, shown_id, with_text
from .reads import ProgressReads
from .values import Change, TrackerError

RETENTION_SETTING = "desired_retention"
MAX_NEW_PER_DAY = 999


class Practice(ProgressReads):
    """Recall cards and interview drills: reads, grades, suspensions, own cards and edits."""

    _practice_index: CardIndex | None = None
    _held_read: tuple[object, set[str]] | None = None  # (its key, the held ids)
    #: (its key, each counted card's item and recall probability): see `retention_by_area`
    _recalls_read: tuple[object, CardIndex, dict[str, tuple[str, float]]] | None = None
    _practice_seen: tuple[object, ...] = ()  # practice_stamp() at the last reload

    # --- reads -------------------------------------------------------------------------------
    def practice_cards(self) -> list[PracticeCard]:
        """Every card, shipped and own, by item in the path's order, with the learner's
        edits, FSRS state and flags."""
        index = self._cards()
        states, suspended = rows.card_states(self._database)
        texts = rows.card_texts(self._database)
        return [
            self._practice(card, states.get(card.id), card.id in suspended, texts)
            for card in index.in_order(rows.own_cards(self._database))
        ]

    def due_cards(self, now: datetime | None = None) -> list[PracticeCard]:
        """Unlocked, unsuspended cards to review at `now`: the reviewed ones due (earliest
        first), then new ones in the path's order up to the setting "practice_new_per_day"
        less the new cards first reviewed today (UTC)."""
        now = now or self.now()
        index = self._cards()
        own = rows.own_cards(self._database)
        own_by_id = {card.id: card for card in own}
        texts = rows.card_texts(self._database)
        due: list[PracticeCard] = []
        for state in rows.due_states(self._database, now):
            card = index.by_id.get(state.card_id) or own_by_id.get(state.card_id)
            if card is not None and self._unlocked(card):
                due.append(self._practice(card, state, False, texts))
        left = self._new_allowed(now)
        if left:
            held = self._held()
            for card in index.unlocked_in_order(own, self._statuses):
                if card.id not in held:
                    due.append(self._practice(card, None, False, texts))
                    left -= 1
                    if not left:
                        break
        return due

    def due_count(self, now: datetime | None = None) -> int:
        """How many cards `due_cards` gives, without building them."""
        return sum(self.due_split(now))

    def due_split(self, now: datetime | None = None) -> tuple[int, int]:
        """The cards `due_cards` gives, counted without building them: (reviewed cards due
        again, new cards)."""
        now = now or self.now()
        index = self._cards()
        own = rows.own_cards(self._database)
        own_items = {card.id: card.item_id for card in own}
        again = 0
        for card_id in rows.due_ids(self._database, now):
            card = index.by_id.get(card_id)
            item_id = card.item_id if card is not None else own_items.get(card_id)
            again += item_id is not None and self._statuses.get(item_id) == "done"
        left = allowed = self._new_allowed(now)
        if left:
            held = self._held()
            for card in index.unlocked_in_order(own, self._statuses):
                if card.id not in held:
                    left -= 1
                    if not left:
                        break
        return again, allowed - left

    def _held(self) -> set[str]:
        """The cards that are not new (`rows.held_ids`), read again only after a card state
        was written (by anyone: the key is read from the file)."""
        key = (id(self._database), rows.state_stamp(self._database))
        if self._held_read is None or self._held_read[0] != key:
            self._held_read = (key, rows.held_ids(self._database))
        return self._held_read[1]

    def drill_cards(self, role_id: str) -> list[PracticeCard]:
        """The drill cards naming a role: unlocked ones first, each group in path order."""
        if role_id not in self.curriculum.roles:
            known = ", ".join(self.curriculum.roles) or "none"
            raise TrackerError(f"there is no role {shown_id(role_id)} (roles: {known})")
        drills = [c for c in self.practice_cards() if c.card.is_drill and role_id in c.card.roles]
        return sorted(drills, key=lambda c: not c.unlocked)

    def practice_card(self, card_id: str) -> PracticeCard:
        """One card as the learner sees it; an unknown id is refused in words."""
        card = self._card(card_id)
        state, suspended = rows.state_of(self._database, card.id)
        return self._practice(card, state, suspended, rows.card_texts(self._database))

    def item_practice_cards(self, item_id: str) -> list[PracticeCard]:
        """The cards of one item as `practice_cards` gives them (shipped ones in path order,
        then the learner's own, oldest first), reading only that item's rows; an unknown
        item has none."""
        own = rows.own_cards_of_item(self._database, item_id) if isinstance(item_id, str) else []
        cards = [*self._cards().by_item.get(item_id, ()), *own]
        if not cards:
            return []
        ids = [card.id for card in cards]
        states, suspended = rows.states_of(self._database, ids)
        texts = rows.card_texts_of(self._database, ids)
        return [self._practice(c, states.get(c.id), c.id in suspended, texts) for c in cards]

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """When the next review falls: the earliest due time of a reviewed, unlocked,
        unsuspended card (only those due after `now` when it is given); None when there is
        none. Reads the cards by due time until an unlocked one comes."""
        index = self._cards()
        page, offset = 64, 0
        while True:
            found = rows.due_order(self._database, now, offset, page)
            dues = [due for card_id, due in found if self._due_unlocked(index, card_id)]
            if dues:
                return min(dues)
            if len(found) < page:
                return None
            offset, page = offset + page, min(page * 4, 4096)

    def _due_unlocked(self, index: CardIndex, card_id: str) -> bool:
        card = index.by_id.get(card_id) or rows.own_card(self._database, card_id)
        return card is not None and self._unlocked(card)

    def snapshot(self, *, with_history: bool = True) -> ProgressSnapshot:
        """The progress snapshot (see `ProgressReads.snapshot`) with every practice row and
        the retention per skill area at the snapshot's `now`, for exports and summaries."""
        from ..store.practice_import import practice_records

        taken = super().snapshot(with_history=with_history)
        return replace(
            taken,
            practice=practice_records(self._database),
            retention=tuple(by_area(self.curriculum, self.practice_cards(), taken.now)),
        )

    def reload(self) -> None:
        """Re-read progress (`ProgressReads.reload`) and note how practice stands; the held
        ids and recalls kept between reads are read again."""
        super().reload()
        self._held_read = None
        self._recalls_read = None
        self._practice_seen = rows.practice_stamp(self._database)

    def _snapshot(self) -> tuple[object, ...]:
        """What the learner sees (`ProgressReads._snapshot`) and how practice stood when last
        read, so that `reload_if_changed` says so when another process graded a card."""
        return (*super()._snapshot(), self._practice_seen)

    def progress_fingerprint(self) -> str:
        """The digest of everything the learner made (`ProgressReads.progress_fingerprint`),
        practice included: undoing an import or a restore is refused once a card was graded,
        suspended, added or edited since (it would take those back)."""
        digest = hashlib.sha256(super().progress_fingerprint().encode("utf-8"))
        digest.update(repr(rows.practice_rows_text(self._database)).encode("utf-8"))
        return digest.hexdigest()

    def review_log(self, card_id: str | None = None) -> list[ReviewRecord]:
        """Every review (or one card's), oldest first."""
        return rows.reviews(self._database, card_id)

    def retention_by_area(self, now: datetime | None = None) -> list[AreaRetention]:
        """Mean FSRS recall probability now of each skill area's reviewed, unlocked,
        unsuspended cards (a card counts in every skill of its item). Without `now`, each
        card's recall is worked out once a minute and after every card state write (the
        window asks on every change; at 5,000 cards working it out takes 50 ms)."""
        if now is not None:
            return by_area(self.curriculum, self.practice_cards(), now)
        moment = self.now().replace(second=0, microsecond=0)
        own = {card.id: card.item_id for card in rows.own_cards(self._database)}
        index = self._cards()
        key = (id(self._database), rows.state_stamp(self._database), own, moment)
        read = self._recalls_read
        if read is None or read[0] != key or read[1] is not index:  # (a pack added: new index)
            states, suspended = rows.card_states(self._database)
            recalls = {}
            for card_id, state in states.items():
                shipped = index.by_id.get(card_id)
                item_id = shipped.item_id if shipped is not None else own.get(card_id)
                if item_id is not None and card_id not in suspended:
                    recalls[card_id] = (item_id, recall_probability(state, moment))
            read = self._recalls_read = (key, index, recalls)
        unlocked = self._statuses
        return from_recalls(
            self.curriculum,
            (pair for pair in read[2].values() if unlocked.get(pair[0]) == "done"),
        )

    def desired_retention(self) -> float:
        """The recall probability FSRS schedules for (setting "desired_retention", 0.9)."""
        value = self.setting(RETENTION_SETTING)
        try:
            return check_retention(value)
        except ValueError:
            return DEFAULT_RETENTION

    def new_per_day(self) -> int:
        """How many new cards a day may start (setting "practice_new_per_day", 15)."""
        value = self.setting(NEW_PER_DAY_SETTING)
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value if ok and 0 <= value <= MAX_NEW_PER_DAY else DEFAULT_NEW_PER_DAY

    # --- helpers -----------------------------------------------------------------------------
    def _seen(self, change: Change) -> Change:
        """After a practice write of ours: note how practice stands, so that only another
        process's writes count as a change in `reload_if_changed`."""
        self._practice_seen = rows.practice_stamp(self._database)
        return change

    def _cards(self) -> CardIndex:
        """The shipped cards in path order, made again only when the curriculum changes."""
        index = self._practice_index
        if index is None or index.curriculum is not self.curriculum:
            index = self._practice_index = CardIndex.of(self.curriculum)
        return index

    def _card(self, card_id: str) -> Card:
        """The shipped or own card with this id; refused in words."""
        if not isinstance(card_id, str):
            raise TrackerError(f"{shown_id(card_id)} is not a card id")
        card = self._cards().by_id.get(card_id) or rows.own_card(self._database, card_id)
        if card is None:
            raise TrackerError(f"there is no card {shown_id(card_id)}")
        return card

    def _unlocked(self, card: Card) -> bool:
        return self._statuses.get(card.item_id) == "done"

    def _new_allowed(self, now: datetime) -> int:
        per_day = self.new_per_day()
        if per_day == 0:
            return 0
        return new_left(per_day, rows.new_cards_since(self._database, start_of_day(now)))

    def _practice(
        self,
        card: Card,
        state: CardState | None,
        suspended: bool,
        texts: dict[str, tuple[str, str]],
    ) -> PracticeCard:
        shown, edited = with_text(card, texts)
        return PracticeCard(shown, state, self._unlocked(card), suspended, edited)
