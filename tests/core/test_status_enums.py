"""Statuses, reading statuses and item kinds are named values that are still the stored words:
the database, JSON and comparisons with plain strings see no difference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cairn.content import KIND_LABELS, Curriculum
from cairn.content.model import ITEM_KINDS, Kind
from cairn.progress import (
    READING_LABELS,
    READING_STATUSES,
    STATUS_LABELS,
    STATUSES,
    ReadingStatus,
    Status,
)
from cairn.tracker import Tracker


def test_every_status_a_tracker_stores_reads_back_as_the_same_member(
    tracker: Tracker, data_dir: Path, small_pack: Path
) -> None:
    items = list(tracker.curriculum.items)
    for item_id, status in zip(items, STATUSES, strict=False):
        tracker.set_status(item_id, "done")  # so that "todo" is a change that is stored
        tracker.set_status(item_id, status)
    tracker.set_reading_status("guide", "reading")
    tracker.close()
    reopened = Tracker.open(data_dir, small_pack)
    try:
        stored = {i: r.status for i, r in reopened.stored_statuses().items()}
        assert sorted(stored.values()) == sorted(s.value for s in STATUSES)
        for word in stored.values():
            assert Status(word) == word and Status(word).value == word
            assert type(word) is str  # the store hands back plain words
        assert ReadingStatus(reopened.reading_status("guide")) is ReadingStatus.READING
    finally:
        reopened.close()


def test_members_are_the_words_in_json_labels_and_comparisons() -> None:
    assert json.dumps({"status": Status.DONE, "kind": Kind.CHECK}) == (
        '{"status": "done", "kind": "check"}'
    )
    assert STATUSES == ("todo", "doing", "done", "skipped")
    assert READING_STATUSES == ("unread", "reading", "read")
    assert ", ".join(STATUSES) == "todo, doing, done, skipped"
    assert STATUS_LABELS["skipped"] == "Skipped" and READING_LABELS["read"] == "Read"
    assert set(KIND_LABELS) == set(Kind) and KIND_LABELS["check"] == "Self-check"
    assert ITEM_KINDS == ("topic", "task", "check")


@pytest.mark.parametrize(
    ("enum", "word", "message"),
    [
        (Status, "finished", "'finished' is not a status; use one of: todo, doing, done, skipped"),
        (Status, "DONE", "'DONE' is not a status"),
        (ReadingStatus, "later", "'later' is not a reading status; use one of: unread, reading"),
    ],
)
def test_a_bad_value_is_refused_by_name(enum: type, word: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        enum(word)


def test_every_item_kind_in_the_shipped_pack_is_a_kind(shipped_tracker: Tracker) -> None:
    c: Curriculum = shipped_tracker.curriculum
    kinds = {Kind(item.kind) for item in c.items.values()}
    assert kinds == set(Kind)
    with pytest.raises(ValueError, match="'lecture' is not a valid Kind"):
        Kind("lecture")
