"""Electives: an open choice counts as its cheapest option, a chosen option is the only one in
every total, and a learner who does every counted item reaches 100 %."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cairn.tracker import Tracker, TrackerError
from choice_packs import AGENTS, CORE, EVALS, GROUP, OPTION_ITEMS, SERVING, write_choice_pack
from clocks import Clock


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_choice_pack(tmp_path / "electives")


@pytest.fixture
def learner(data_dir: Path, pack: Path, clock: Clock) -> Iterator[Tracker]:
    with Tracker.open(data_dir, pack, clock=clock) as t:
        yield t


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counted_ids(t: Tracker) -> set[str]:
    return set(t.counted.items)


def test_an_open_choice_counts_as_its_cheapest_option(learner: Tracker) -> None:
    assert learner.chosen(GROUP) == () and learner.choices() == {}
    assert _counted_ids(learner) == {*CORE, *OPTION_ITEMS[EVALS]}
    overall = learner.overall_progress()
    assert (overall.total, overall.hours_total) == (5, 6.5)  # 4.5 h core + 2 h of evals
    assert learner.month_progress("m2").total == 3
    assert learner.week_progress("w03").total == 1
    assert len(learner.curriculum.week_items("w03")) == 4  # the checklist still shows all


def test_choosing_an_option_makes_every_total_count_it_only(learner: Tracker) -> None:
    learner.set_statuses(dict.fromkeys(OPTION_ITEMS[EVALS], "done"))
    change = learner.choose(GROUP, [AGENTS])
    assert (change.old, change.new) == ((), (AGENTS,))
    assert learner.chosen(GROUP) == (AGENTS,)
    assert _counted_ids(learner) == {*CORE, *OPTION_ITEMS[AGENTS]}
    overall = learner.overall_progress()
    assert (overall.done, overall.total, overall.hours_total) == (0, 6, 8.5)
    assert (learner.month_progress("m2").done, learner.month_progress("m2").total) == (0, 4)
    assert learner.week_progress("w03").total == 2
    learner.set_plan(date(2026, 3, 2), 5)
    pace = learner.pace()
    assert pace is not None and pace.total_hours == 8.5 and pace.done_hours == 0
    steps = {s.item_id for s in learner.readiness().next_steps("builder", limit=20)}
    assert steps == {*CORE, *OPTION_ITEMS[AGENTS]}  # never an option left out


def test_doing_every_counted_item_reaches_one_hundred_percent(learner: Tracker) -> None:
    learner.choose(GROUP, [SERVING])
    learner.set_statuses(dict.fromkeys([*CORE, *OPTION_ITEMS[SERVING]], "done"))
    learner.set_status("agents-loop", "skipped")  # work on an option not chosen costs nothing
    assert learner.overall_progress().percent == 100
    assert learner.month_progress("m2").percent == 100
    assert learner.week_progress("w02").percent == 100
    assert learner.readiness().role("builder").score == pytest.approx(100)
    learner.set_plan(date(2026, 3, 2), 5)
    pace = learner.pace()
    assert pace is not None and pace.done_percent == 100


def test_changing_the_choice_keeps_progress_on_every_option(learner: Tracker) -> None:
    learner.set_status("evals-golden-set", "done")
    learner.choose(GROUP, [AGENTS])
    learner.set_status("agents-loop", "doing")
    learner.choose(GROUP, [SERVING])
    assert learner.status("evals-golden-set") == "done"
    assert learner.status("agents-loop") == "doing"
    assert learner.overall_progress().done == 0
    learner.choose(GROUP, [EVALS])
    assert learner.overall_progress().done == 1  # the earlier work counts again


def test_reopening_the_choice_returns_to_the_cheapest_option(learner: Tracker) -> None:
    learner.choose(GROUP, [SERVING])
    change = learner.choose(GROUP, [])
    assert (change.old, change.new) == ((SERVING,), ())
    assert learner.chosen(GROUP) == () and learner.stored_choice(GROUP) == ()
    assert _counted_ids(learner) == {*CORE, *OPTION_ITEMS[EVALS]}


REFUSALS = {
    "unknown group": (("electives", [EVALS]), "there is no choice 'electives'"),
    "unknown option": ((GROUP, ["spec-cooking"]), "'spec-cooking' is not an option of"),
    "two options of a choose-one": (
        (GROUP, [EVALS, AGENTS]),
        f"'{GROUP}' asks you to choose 1 option, not 2",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_choice_changes_nothing(
    data_dir: Path, pack: Path, clock: Clock, case: str
) -> None:
    (group, options), words = REFUSALS[case]
    with Tracker.open(data_dir, pack, clock=clock) as t:
        t.choose(GROUP, [AGENTS])
    before = _sha(data_dir / "cairn.sqlite3")
    with Tracker.open(data_dir, pack, clock=clock) as t:
        with pytest.raises(TrackerError) as refused:
            t.choose(group, options)
        assert words in str(refused.value)
        assert t.chosen(GROUP) == (AGENTS,) and t.stored_choice(GROUP) == (AGENTS,)
    assert _sha(data_dir / "cairn.sqlite3") == before


def test_the_choice_survives_a_restart(data_dir: Path, pack: Path, clock: Clock) -> None:
    with Tracker.open(data_dir, pack, clock=clock) as t:
        t.choose(GROUP, [AGENTS])
    with Tracker.open(data_dir, pack, clock=clock) as t:
        assert t.choices() == {GROUP: (AGENTS,)}
        assert t.overall_progress().total == 6


def test_summaries_name_the_elective_and_leave_the_other_options_out(
    learner: Tracker, tmp_path: Path
) -> None:
    from cairn.reports.export import export

    learner.set_status("serving-vllm", "done")
    markdown = export(learner.snapshot(), "md", tmp_path / "open.md").path.read_text()
    assert "Elective — Choose one specialisation: not chosen yet (counts as Evals)" in markdown
    assert "0 of 5 done" in markdown and "Serve a model with vLLM" not in markdown
    learner.choose(GROUP, [SERVING])
    html = export(learner.snapshot(), "html", tmp_path / "chosen.html").path.read_text()
    assert "Elective — Choose one specialisation: Serving" in html
    assert "1 of 5 items and milestones done" in html and "Serve a model with vLLM" in html


def test_status_names_an_open_choice_until_it_is_made(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line reads the shipped curriculum, whose specialisations are a choice."""
    from cairn.cli import run

    assert run(["--data-dir", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "Open choice: Choose one specialisation (due week 23)" in out
    assert run(["--data-dir", str(data_dir), "choose", "specialisation", "spec-option-voice"]) == 0
    assert run(["--data-dir", str(data_dir), "status"]) == 0
    assert "Open choice" not in capsys.readouterr().out


def test_a_reload_counts_a_choice_made_elsewhere_and_keeps_the_rest(
    learner: Tracker, data_dir: Path, pack: Path, clock: Clock
) -> None:
    """Re-reading after another process wrote keeps the curriculum as it counts (and what is
    worked out from it) while the choices are the same, and counts a new choice at once."""
    before = learner.counted
    with Tracker.open(data_dir, pack, clock=clock) as other:
        other.set_status(CORE[0], "done")
    learner.reload()
    assert learner.counted is before and learner.status(CORE[0]) == "done"
    with Tracker.open(data_dir, pack, clock=clock) as other:
        other.choose(GROUP, [AGENTS])
    learner.reload()
    assert learner.counted is not before
    assert _counted_ids(learner) == _counted_ids(other) and learner.choices() == {GROUP: (AGENTS,)}
    learner.reload_content()
    assert learner.counted.items.keys() == other.counted.items.keys()
