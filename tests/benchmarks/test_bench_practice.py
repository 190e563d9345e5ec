"""Practice at size (issue 17): the due list with 5,000 cards and 100,000 reviews (target: the
due list in 10 ms or less).

    pytest tests/benchmarks/test_bench_practice.py -p no:cacheprovider
    CAIRN_BENCH_QUICK=1 pytest tests/benchmarks/test_bench_practice.py   # 1 round (CI)

The data: the shipped pack plus an added pack of 5,000 recall cards spread over the shipped
items (9 in 10 of them done, so some cards are locked); 4,800 cards reviewed 20 or 21 times
each (100,000 review rows over two years, a few of them first reviewed today), their FSRS states
due from nine days ago to three months ahead (about 400 due now); 200 never reviewed. The rows
are written straight into the tables in one transaction (the same rows grading writes), once a
module; the tracker's clock stands at `NOW`, so every run sees the same due list.
"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cairn.locations import curriculum_dir
from cairn.tracker import Tracker

QUICK = os.environ.get("CAIRN_BENCH_QUICK") == "1"
ROUNDS = 1 if QUICK else 50
WARMUP = 0 if QUICK else 3
CARDS = 5_000
NEW_CARDS = 200
REVIEWS = 100_000
NOW = datetime(2026, 9, 1, 19, 0)
STAMP = "%Y-%m-%d %H:%M:%S.%f"


def measure(benchmark: Any, target: Any) -> Any:
    return benchmark.pedantic(target, rounds=ROUNDS, iterations=1, warmup_rounds=WARMUP)


def _card_pack(folder: Path, item_ids: list[str]) -> None:
    """An added pack of CARDS recall cards, round-robin over the items."""
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(
        '[pack]\nid = "bench-cards"\nname = "Bench cards"\nversion = "1"\n'
        'description = "Generated practice cards."\nextends = "cairn-core"\n',
        encoding="utf-8",
    )
    answer = "A model answer, long enough for the format's forty-character minimum."
    lines = []
    for number in range(CARDS):
        lines += [
            "[[card]]",
            f'id = "bench-card-{number:05d}"',
            f'item = "{item_ids[number % len(item_ids)]}"',
            f'prompt = "Generated prompt number {number}?"',
            f'answer = "{answer}"',
            "",
        ]
    (folder / "cards.toml").write_text("\n".join(lines), encoding="utf-8")


def _fill(database: Path, card_ids: list[str], seed: int = 17) -> None:
    """Card states and REVIEWS review rows for all but the last NEW_CARDS cards."""
    rng = random.Random(seed)
    reviewed = card_ids[: len(card_ids) - NEW_CARDS]
    states, reviews = [], []
    per_card, extra = divmod(REVIEWS, len(reviewed))
    for index, card_id in enumerate(reviewed):
        count = per_card + (index < extra)
        today = index % 400 == 0  # a dozen cards started today (they count against new ones)
        first = NOW - timedelta(hours=2) if today else NOW - timedelta(days=rng.uniform(30, 730))
        span = (NOW - first) / count
        times = [first + span * step for step in range(count)]
        for moment in times:
            rating = rng.choices((1, 2, 3, 4), (10, 15, 60, 15))[0]
            reviews.append((card_id, rating, moment.strftime(STAMP), 6000, "review"))
        due = NOW + timedelta(days=rng.uniform(-9, 90))
        states.append(
            (
                card_id,
                due.strftime(STAMP),
                rng.uniform(1, 200),
                rng.uniform(1, 10),
                2,
                None,
                times[-1].strftime(STAMP),
                count,
                rng.randrange(3),
                int(index % 250 == 0),  # a few suspended
            )
        )
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO card_state VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", states
        )
        connection.executemany(
            "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, mode) "
            "VALUES (?, ?, ?, ?, ?)",
            reviews,
        )
    connection.close()


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    data_dir = tmp_path_factory.mktemp("practice") / "data"
    with Tracker.open(data_dir, curriculum_dir()) as first:
        items = list(first.curriculum.items)
        first.set_statuses({item_id: "done" for item_id in items[: len(items) * 9 // 10]})
    _card_pack(data_dir / "packs" / "bench-cards", items)
    with Tracker.open(data_dir, curriculum_dir()) as second:
        card_ids = [c for c in second.curriculum.cards if c.startswith("bench-card-")]
        assert len(card_ids) == CARDS
        database = second.database_path
    _fill(database, card_ids)
    opened = Tracker.open(data_dir, curriculum_dir(), clock=lambda: NOW)
    assert len(opened.review_log()) >= REVIEWS
    yield opened
    opened.close()


def test_due_cards_5000_cards_100000_reviews(benchmark, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    due = measure(benchmark, tracker.due_cards)
    assert 300 < len(due) < 1_000 and sum(c.is_new for c in due) > 0
    benchmark.extra_info["due"] = len(due)


def test_due_count_5000_cards_100000_reviews(benchmark, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    count = measure(benchmark, tracker.due_count)
    assert count == len(tracker.due_cards())


def test_practice_cards_5000(benchmark, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    cards = measure(benchmark, tracker.practice_cards)
    assert len(cards) >= CARDS


def test_retention_by_area_5000(benchmark, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    areas = benchmark.pedantic(
        tracker.retention_by_area, rounds=1 if QUICK else 5, iterations=1, warmup_rounds=0
    )
    assert any(a.recall is not None for a in areas)
