"""Recall probability (what retention averages) is FSRS's forgetting curve at the time since the
last review, in fractional days: the same as fsrs's own `get_card_retrievability` at whole days,
and below 100 % hours after a card was rated Again (fsrs counts whole days only)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from cairn.practice.scheduling import _aware, _scheduler, _to_fsrs, grade, recall_probability

NOW = datetime(2026, 5, 1, 12, 0)


def test_it_is_fsrs_s_own_figure_at_whole_days() -> None:
    state = grade(None, "card", 4, NOW, 0.9)
    scheduler = _scheduler(0.9, False)
    for days in (0, 1, 3, 7, 30, 365):
        later = NOW + timedelta(days=days)
        fsrs_figure = scheduler.get_card_retrievability(_to_fsrs(state, later), _aware(later))
        assert recall_probability(state, later) == pytest.approx(float(fsrs_figure), abs=1e-12)


def test_at_its_stability_a_card_is_recalled_nine_times_in_ten() -> None:
    state = grade(None, "card", 4, NOW, 0.9)
    assert state.stability is not None
    at = NOW + timedelta(days=state.stability)
    assert recall_probability(state, at) == pytest.approx(0.9)


def test_hours_after_again_the_recall_is_below_certain_and_falls() -> None:
    state = grade(None, "card", 1, NOW, 0.9)
    hours = [recall_probability(state, NOW + timedelta(hours=h)) for h in (0, 1, 8, 23)]
    assert hours[0] == 1.0
    assert hours[1] < 1.0 and hours == sorted(hours, reverse=True)
    assert hours[3] < 0.9  # a day later, not 100 % as a whole-day count would say
