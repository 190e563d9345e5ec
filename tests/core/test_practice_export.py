"""Practice travels with the learner's data: the JSON export carries own cards, card edits,
card states (suspended ones too) and the review log; importing is idempotent, merges two
devices (the union of reviews, the latest state per card), refuses a malformed practice section
whole, reaches the mentor view read-only, and every backup holds the review log."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cairn.cli import run
from cairn.mentor_view import open_summary
from cairn.reports.export import export
from cairn.reports.importer import ImportRefused
from cairn.tracker import Tracker, TrackerError
from clocks import Clock

CARDS = """
[[card]]
id = "hello-why"
item = "write-hello"
prompt = "Why print hello before anything else?"
answer = "It proves the whole toolchain works, end to end, before anything harder is tried."
tags = ["basics"]

[[card]]
id = "guide-point"
item = "read-guide"
prompt = "What is the guide's main point?"
answer = "Read the whole thing before writing code, and keep it open while you work."

[[card]]
id = "eval-what"
item = "write-eval"
prompt = "What does an evaluation measure?"
answer = "How often the system's outputs are right, on a set of cases chosen in advance."

[[card]]
id = "eval-golden"
item = "write-eval"
prompt = "Why keep a golden set?"
answer = "So that every change is measured on the same cases and regressions show at once."

[[card]]
id = "explain-eval-why"
item = "explain-eval"
prompt = "How do you explain that an evaluation measures the right thing?"
answer = "Tie each metric to a decision a user makes, and show a case where it disagrees."
"""


def add_cards(pack: Path) -> Path:
    """The small pack with five recall cards (coding, evals and talking items)."""
    (pack / "cards.toml").write_text(CARDS, encoding="utf-8")
    return pack


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def practice_rows(tracker: Tracker) -> dict[str, Any]:
    """What a learner would notice of their practice: reviews, states, own cards, edits and
    the desired retention (own cards by their text, not their local id)."""
    names = {c.id: f"own:{c.card.prompt}" if c.card.own else c.id for c in tracker.practice_cards()}
    return {
        "reviews": sorted(
            (names.get(r.card_id, r.card_id), r.rating, r.reviewed_at, r.duration_ms, r.mode)
            for r in tracker.review_log()
        ),
        "states": sorted(
            (names[c.id], c.state and replace(c.state, card_id=names[c.id]), c.suspended)
            for c in tracker.practice_cards()
            if c.state is not None or c.suspended
        ),
        "cards": sorted(
            (names[c.id], c.card.item_id, c.card.prompt, c.card.answer, c.card.tags, c.edited)
            for c in tracker.practice_cards()
        ),
        "desired_retention": tracker.desired_retention(),
    }


@pytest.fixture
def pack(small_pack: Path) -> Path:
    return add_cards(small_pack)


@pytest.fixture
def learner(tmp_path: Path, pack: Path, clock: Clock) -> Iterator[Tracker]:
    with practising(tmp_path / "learner", pack, clock) as t:
        yield t


@contextmanager
def practising(folder: Path, pack: Path, clock: Clock) -> Iterator[Tracker]:
    """A learner who finished three items, reviewed cards over three weeks, suspended one,
    wrote a card of their own and reworded a shipped one (the clock ends on 12 March)."""
    clock.now = datetime(2026, 2, 20, 9, 0)
    with Tracker.open(folder, pack, clock=clock) as t:
        t.set_setting("learner_name", "Ada")
        for item in ("write-hello", "write-eval", "explain-eval"):
            t.set_status(item, "done")
        t.set_desired_retention(0.85)
        own = t.add_own_card("write-eval", "What is **recall@k**?", "The share of the k hits " * 3)
        t.edit_card("eval-what", "What does an eval measure, in my words?", "Right answers " * 4)
        for day, grades in enumerate([("good", "again", "good"), ("good", "good", "hard")]):
            clock.now = datetime(2026, 2, 20 + 7 * day, 9, 30)
            for card, rating in zip(("hello-why", "eval-what", own.ids[0]), grades, strict=True):
                t.grade_card(card, rating, duration_ms=4200 + day)
                clock.now += timedelta(seconds=41, microseconds=123)
        t.grade_card("explain-eval-why", "easy", mode="drill")
        t.set_card_suspended("eval-golden", True)  # never reviewed: suspended only
        t.set_card_suspended("hello-why", True)
        clock.now = datetime(2026, 3, 12, 19, 0)
        yield t


def export_json(tracker: Tracker, target: Path) -> Path:
    return export(tracker.snapshot(), "json", target).path


# ---- the export ------------------------------------------------------------------------------


def test_the_export_holds_the_practice_section_one_row_a_line(
    learner: Tracker, tmp_path: Path
) -> None:
    text = export_json(learner, tmp_path / "ada.json").read_text(encoding="utf-8")
    payload = json.loads(text)
    assert payload["schema"] == 3  # older Cairn still imports the file (it skips practice)
    practice = payload["practice"]
    assert practice["schema"] == 1 and practice["desired_retention"] == 0.85
    assert len(practice["reviews"]) == len(learner.review_log()) == 7
    assert [c["prompt"] for c in practice["own_cards"]] == ["What is **recall@k**?"]
    assert [e["id"] for e in practice["edits"]] == ["eval-what"]
    states = {s["id"]: s for s in practice["states"]}
    assert states["eval-golden"]["state"] is None and states["eval-golden"]["suspended"] is True
    assert states["hello-why"]["suspended"] is True and states["hello-why"]["reps"] == 2
    assert {r["mode"] for r in practice["reviews"]} == {"review", "drill"}
    for review in practice["reviews"]:  # one review a line, readable and diffable
        assert f"      {json.dumps(review, ensure_ascii=False)}" in text.splitlines() or (
            f"      {json.dumps(review, ensure_ascii=False)}," in text.splitlines()
        )


# ---- round trip and idempotence ------------------------------------------------------------------


def test_reviews_states_and_own_cards_round_trip_into_an_empty_folder(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    target = export_json(learner, tmp_path / "ada.json")
    expected = practice_rows(learner)
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        report = fresh.import_progress(target)
        assert report.reviews == 7 and report.card_states == 5 and report.own_cards == 1
        assert report.card_edits == 1
        assert "Took 7 reviews, 5 card states, 1 own card and 1 card edit" in report.describe()
        assert practice_rows(fresh) == expected
        moment = learner.now()
        assert [c.id for c in fresh.due_cards(moment)] == [c.id for c in learner.due_cards()]


def test_importing_your_own_export_twice_changes_nothing(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    target = export_json(learner, tmp_path / "ada.json")
    database = learner.database_path
    before = file_hash(database)
    report = learner.import_progress(target)  # the learner's own export, into its own folder
    assert (report.practice, report.backup) == (0, None)
    assert report.describe().startswith("Nothing to import")
    assert file_hash(database) == before
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        fresh.import_progress(target)
        copy = fresh.database_path
        once = file_hash(copy)
        again = fresh.import_progress(target)
        assert again.practice == 0 and again.backup is None
        assert file_hash(copy) == once


def test_two_devices_merge_every_review_and_keep_the_latest_state(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    shared = export_json(learner, tmp_path / "shared.json")
    laptop_clock = Clock(clock.now)
    with Tracker.open(tmp_path / "laptop", pack, clock=laptop_clock) as laptop:
        laptop.import_progress(shared, as_restore=True)
        # the laptop reviews eval-what later than the desktop does, and writes its own card
        laptop_clock.now = datetime(2026, 3, 14, 8, 0)
        laptop.grade_card("eval-what", "good")
        laptop_own = laptop.add_own_card("explain-eval", "Laptop card", "Written on the laptop.")
        laptop.grade_card(laptop_own.ids[0], "easy")
        from_laptop = export_json(laptop, tmp_path / "laptop.json")
        laptop_state = laptop.practice_card("eval-what").state
    clock.now = datetime(2026, 3, 13, 8, 0)  # the desktop: an earlier review of eval-what,
    learner.grade_card("eval-what", "again")  # and a later one of explain-eval-why
    clock.now = datetime(2026, 3, 15, 8, 0)
    learner.grade_card("explain-eval-why", "hard")
    desktop_state = learner.practice_card("explain-eval-why").state
    desktop_own = learner.add_own_card("write-hello", "Desktop card", "Written on the desk.")
    before = {(r.card_id, r.reviewed_at, r.rating) for r in learner.review_log()}

    report = learner.import_progress(from_laptop)
    merged = learner.review_log()
    keys = [(r.card_id, r.reviewed_at, r.rating) for r in merged]
    assert len(keys) == len(set(keys)) == len(before) + 2  # the union, each review once
    assert before <= set(keys)
    assert report.reviews == 2 and report.own_cards == 1
    assert learner.practice_card("eval-what").state == laptop_state  # the later review wins
    assert learner.practice_card("explain-eval-why").state == desktop_state  # ours is later
    own = {c.card.prompt: c for c in learner.practice_cards() if c.card.own}
    assert set(own) == {"What is **recall@k**?", "Laptop card", "Desktop card"}
    assert own["Desktop card"].id == desktop_own.ids[0]  # ours keeps its id
    laptop_card = own["Laptop card"]  # the laptop's card found its id here, with its review
    assert laptop_card.id not in (desktop_own.ids[0], laptop_own.ids[0])
    assert [r.rating for r in learner.review_log(laptop_card.id)] == [4]
    assert laptop_card.state is not None and laptop_card.state.reps == 1
    # and importing the laptop's file again changes nothing
    database = learner.database_path
    hashed = file_hash(database)
    assert learner.import_progress(from_laptop).practice == 0
    assert file_hash(database) == hashed


def test_a_removed_own_cards_kept_reviews_do_not_stop_the_export_importing(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    made = learner.add_own_card("write-hello", "Soon removed", "Its reviews stay in the log.")
    learner.grade_card(made.ids[0], "good")
    learner.remove_own_card(made.ids[0])  # its state and review stay, as a retired card's do
    target = export_json(learner, tmp_path / "ada.json")
    assert made.ids[0] not in target.read_text()  # nothing in the file names a card it lacks
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        assert fresh.import_progress(target).reviews == 7


def test_a_card_suspended_here_stays_suspended_when_the_same_state_comes_back(
    learner: Tracker, tmp_path: Path
) -> None:
    target = export_json(learner, tmp_path / "ada.json")
    learner.set_card_suspended("explain-eval-why", True)
    learner.import_progress(target)  # the file's state has the same last review: ours stays
    assert learner.practice_card("explain-eval-why").suspended


# ---- refusals ------------------------------------------------------------------------------------


def _broken(payload: dict[str, Any], change: str) -> tuple[str, str]:
    """Break the practice section one way; return the field and card the refusal names."""
    practice = payload["practice"]
    review = practice["reviews"][2]
    if change == "rating":
        review["rating"] = 7
        return "practice.reviews[2].rating", review["id"]
    if change == "mode":
        review["mode"] = "cram"
        return "practice.reviews[2].mode", review["id"]
    if change == "time":
        review["at"] = "yesterday"
        return "practice.reviews[2].at", review["id"]
    if change == "no such day":
        review["at"] = "2026-02-30T10:00:00.000000Z"
        return "practice.reviews[2].at", review["id"]
    if change == "future":
        review["at"] = "2099-01-01T00:00:00Z"
        return "practice.reviews[2].at", review["id"]
    if change == "card id":
        review["id"] = "Not An Id"
        return "practice.reviews[2].id", ""
    if change == "own card missing":
        review["id"] = "own-99"
        return "practice.reviews[2].id", "own-99"
    state = next(s for s in practice["states"] if s["id"] == "hello-why")
    where = f"practice.states[{practice['states'].index(state)}]"
    if change == "state":
        state["state"] = 9
        return f"{where}.state", "hello-why"
    if change == "stability":
        state["stability"] = -1
        return f"{where}.stability", "hello-why"
    if change == "suspended":
        state["suspended"] = "yes"
        return f"{where}.suspended", "hello-why"
    unusable = {  # states FSRS cannot schedule from (ZeroDivisionError, AssertionError in fsrs)
        "zero stability": ("stability", {"stability": 0}),
        "tiny stability": ("stability", {"stability": 1e-300}),
        "difficulty 0": ("difficulty", {"difficulty": 0}),
        "difficulty 11": ("difficulty", {"difficulty": 11}),
        "review without stability": ("stability", {"stability": None}),
        "review without difficulty": ("difficulty", {"difficulty": None}),
        "review without last review": ("last_review", {"last_review": None}),
        "review with a step": ("step", {"step": 5}),
        "relearning without a step": ("step", {"state": 3, "step": None}),
    }
    if change in unusable:
        name, patch = unusable[change]
        state.update(patch)
        return f"{where}.{name}", "hello-why"
    if change == "learning without a step":
        learning = next(s for s in practice["states"] if s["id"] == "eval-what")
        assert learning["state"] == 1
        learning["step"] = None
        return f"practice.states[{practice['states'].index(learning)}].step", "eval-what"
    if change == "twice":
        practice["states"].append(dict(state))
        return f"practice.states[{len(practice['states']) - 1}].id", "hello-why"
    if change == "own prompt":
        practice["own_cards"][0]["prompt"] = "   "
        return "practice.own_cards[0].prompt", practice["own_cards"][0]["id"]
    if change == "edit too long":
        practice["edits"][0]["answer"] = "x" * 2501
        return "practice.edits[0].answer", "eval-what"
    if change == "schema":
        practice["schema"] = 2
        return "practice.schema", ""
    raise AssertionError(change)


CHANGES = [
    "rating",
    "mode",
    "time",
    "no such day",
    "future",
    "card id",
    "own card missing",
    "state",
    "stability",
    "suspended",
    "zero stability",
    "tiny stability",
    "difficulty 0",
    "difficulty 11",
    "review without stability",
    "review without difficulty",
    "review without last review",
    "review with a step",
    "relearning without a step",
    "learning without a step",
    "twice",
    "own prompt",
    "edit too long",
    "schema",
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_malformed_practice_section_is_refused_naming_file_field_and_card(
    learner: Tracker, tmp_path: Path, pack: Path, change: str
) -> None:
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    where, card = _broken(payload, change)
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(payload))
    with Tracker.open(tmp_path / "laptop", pack) as other:
        other.set_status("write-hello", "done")
        database = other.database_path
        before = file_hash(database)
        with pytest.raises(ImportRefused) as refused:
            other.import_progress(bad)
        message = str(refused.value)
        assert str(bad) in message and f"field '{where}'" in message, message
        assert (f"card '{card}'" in message) == bool(card), message
        assert "nothing was imported" in message
        assert file_hash(database) == before  # all or nothing: the statuses were not taken
        assert other.review_log() == [] and other.status("write-eval") == "todo"
    assert not (tmp_path / "laptop" / "backups").exists()


def test_the_command_line_refuses_a_malformed_section_with_exit_2_and_changes_nothing(
    learner: Tracker, tmp_path: Path, shipped_pack: Path
) -> None:
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    payload["practice"]["reviews"][0]["rating"] = 0
    card = payload["practice"]["reviews"][0]["id"]
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(payload))
    data = tmp_path / "cli"
    assert run(["--data-dir", str(data), "mark", "python-project-skeleton", "done"]) == 0
    before = file_hash(data / "cairn.sqlite3")
    err = io.StringIO()
    assert run(["--data-dir", str(data), "import", str(bad)], stderr=err) == 2
    said = err.getvalue()
    assert "practice.reviews[0].rating" in said and f"card '{card}'" in said and str(bad) in said
    assert len(said.strip().splitlines()) == 1
    assert file_hash(data / "cairn.sqlite3") == before


def test_the_command_line_refuses_a_state_fsrs_cannot_use_and_practice_still_lists(
    learner: Tracker, tmp_path: Path, shipped_pack: Path
) -> None:
    """A stability of 0 used to be imported, and then `cairn practice`, its grade and every
    export ended in ZeroDivisionError."""
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    states = payload["practice"]["states"]
    n = next(k for k, s in enumerate(states) if s["id"] == "explain-eval-why")
    states[n]["stability"] = 0
    bad = tmp_path / "zero.json"
    bad.write_text(json.dumps(payload))
    data = tmp_path / "cli"
    assert run(["--data-dir", str(data), "mark", "python-project-skeleton", "done"]) == 0
    before = file_hash(data / "cairn.sqlite3")
    err = io.StringIO()
    assert run(["--data-dir", str(data), "import", str(bad)], stderr=err) == 2
    said = err.getvalue()
    assert f"field 'practice.states[{n}].stability'" in said, said
    assert "card 'explain-eval-why'" in said and "nothing was imported" in said
    assert len(said.strip().splitlines()) == 1
    assert file_hash(data / "cairn.sqlite3") == before
    out = io.StringIO()
    assert run(["--data-dir", str(data), "practice", "--json"], stdout=out) == 0
    assert json.loads(out.getvalue())["due"] > 0


def test_a_failure_writing_practice_rows_takes_the_whole_import_back(
    learner: Tracker, tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The practice rows are written in the import's own transaction: if they fail, the
    statuses written just before them are rolled back too."""
    from cairn.store import practice_import

    target = export_json(learner, tmp_path / "ada.json")

    def broken(connection: Any, plan: Any) -> None:
        connection.exec_driver_sql("INSERT INTO review_log (card_id) VALUES (NULL)")  # fails

    with Tracker.open(tmp_path / "laptop", pack) as other:
        monkeypatch.setattr(practice_import, "apply_practice", broken)
        with pytest.raises(Exception):  # noqa: B017 (the store's error, in words)
            other.import_progress(target)
        assert other.statuses() == {} and other.review_log() == []
        monkeypatch.undo()
        other.import_progress(target)  # and nothing was left half-written
        assert len(other.review_log()) == 7


def test_review_times_in_any_iso_form_read_as_utc(learner: Tracker, tmp_path: Path) -> None:
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    payload["practice"]["reviews"] += [
        {"id": "eval-what", "rating": 2, "at": "2026-03-01T10:00:00+01:00"},
        {"id": "eval-what", "rating": 4, "at": "2026-03-02T10:00:00Z", "duration_ms": None},
    ]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(payload))
    assert learner.import_progress(other).reviews == 2
    added = [r for r in learner.review_log("eval-what") if r.reviewed_at.day in (1, 2)]
    assert [(r.reviewed_at, r.rating, r.mode) for r in added] == [
        (datetime(2026, 3, 1, 9, 0), 2, "review"),
        (datetime(2026, 3, 2, 10, 0), 4, "review"),
    ]


def test_a_file_from_before_practice_imports_and_changes_no_practice(
    learner: Tracker, tmp_path: Path
) -> None:
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    del payload["practice"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(payload))
    reviews = learner.review_log()
    assert learner.import_progress(old).practice == 0
    assert learner.review_log() == reviews


def test_a_folder_with_only_practice_refuses_another_learners_export(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    target = export_json(learner, tmp_path / "ada.json")
    with Tracker.open(tmp_path / "other", pack) as other:
        other.grade_card("explain-eval-why", "good", mode="drill")  # a drill: nothing done yet
        with pytest.raises(ImportRefused, match=r"learner\.id"):
            other.import_progress(target)
        assert len(other.review_log()) == 1


# ---- the mentor view ---------------------------------------------------------------------------


def test_the_mentor_view_shows_the_practice_and_refuses_changes(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    target = export_json(learner, tmp_path / "ada.json")
    moment = learner.now()
    with Tracker.open(tmp_path / "mentor", pack) as mentor:
        view, _data = open_summary(target, mentor.curriculum)
    try:
        assert practice_rows(view) == practice_rows(learner)
        assert view.retention_by_area(moment) == learner.retention_by_area(moment)
        snapshot = view.snapshot()
        assert len(snapshot.practice.reviews) == 7 and snapshot.retention
        for change in (
            lambda: view.grade_card("eval-what", "good"),
            lambda: view.set_card_suspended("eval-what", False),
            lambda: view.add_own_card("write-eval", "A mentor's card?", "Not in a summary."),
            lambda: view.edit_card("eval-what", "Changed?", "Not in a read-only summary."),
            lambda: view.set_desired_retention(0.95),
        ):
            with pytest.raises(TrackerError, match="read-only"):
                change()
        assert practice_rows(view) == practice_rows(learner)
    finally:
        view.close()


# ---- backups -----------------------------------------------------------------------------------


def _reviews_in(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as copy:  # `with` on a connection only commits
        return copy.execute(
            "SELECT card_id, rating, reviewed_at, duration_ms, mode FROM review_log ORDER BY id"
        ).fetchall()


def test_every_backup_holds_the_review_log(learner: Tracker, tmp_path: Path, clock: Clock) -> None:
    live = _reviews_in(learner.database_path)
    assert len(live) == 7
    learner.check()  # what `cairn check` does: back up, then check
    checked = sorted(learner.backup_dir.glob("cairn-*-before-check.sqlite3"))
    assert checked and _reviews_in(checked[-1]) == live
    clock.now += timedelta(minutes=5)
    learner.grade_card("eval-what", "good")
    eight = _reviews_in(learner.database_path)
    payload = json.loads(export_json(learner, tmp_path / "later.json").read_text())
    payload["practice"]["reviews"].append(  # a review from another device, to take
        {"id": "hello-why", "rating": 3, "at": "2026-03-12T18:00:00.000000Z", "mode": "review"}
    )
    later = tmp_path / "later-edited.json"
    later.write_text(json.dumps(payload))
    before_import = learner.import_progress(later).backup
    assert before_import is not None and _reviews_in(before_import) == eight
    assert len(learner.review_log()) == 9
    change = learner.restore(checked[-1])  # back to the 7 reviews of the check
    assert _reviews_in(learner.database_path) == live
    assert len(_reviews_in(Path(change.old))) == 9  # the safety copy before the restore
    learner.restore(Path(change.old))  # the undo of the restore brings every review back
    assert len(learner.review_log()) == 9


def test_cairn_check_backs_up_the_review_log(tmp_path: Path, pack: Path, clock: Clock) -> None:
    data = tmp_path / "learner"
    with practising(data, pack, clock) as learner:
        live = _reviews_in(learner.database_path)
    out = io.StringIO()
    assert run(["--data-dir", str(data), "check"], stdout=out) == 0, out.getvalue()
    backups = sorted((data / "backups").glob("cairn-*-before-check.sqlite3"))
    assert backups and _reviews_in(backups[-1]) == live


# ---- review fixes: long reviews, suspensions ---------------------------------------------------


def test_an_export_after_a_thirty_hour_review_imports(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    """A card left on screen overnight: the tracker keeps the duration as a day (what the
    importer reads), so every later export still imports."""
    learner.grade_card("eval-golden", "good", duration_ms=30 * 3600 * 1000)
    assert learner.review_log("eval-golden")[-1].duration_ms == 24 * 3600 * 1000
    target = export_json(learner, tmp_path / "ada.json")
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        assert fresh.import_progress(target).reviews == 8
        assert fresh.review_log("eval-golden")[-1].duration_ms == 24 * 3600 * 1000


def test_a_file_holding_a_review_longer_than_a_day_imports_it_as_a_day(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    """Files written before the tracker kept durations to a day import too."""
    payload = json.loads(export_json(learner, tmp_path / "ada.json").read_text())
    payload["practice"]["reviews"][0]["duration_ms"] = 30 * 3600 * 1000
    old = tmp_path / "old.json"
    old.write_text(json.dumps(payload))
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        assert fresh.import_progress(old).reviews == 7
        assert max(r.duration_ms or 0 for r in fresh.review_log()) == 24 * 3600 * 1000


def _second_device(learner: Tracker, tmp_path: Path, pack: Path, clock: Clock) -> Tracker:
    """The same learner on a laptop, restored from the desktop's export."""
    laptop = Tracker.open(tmp_path / "laptop", pack, clock=clock)
    laptop.import_progress(export_json(learner, tmp_path / "shared.json"), as_restore=True)
    return laptop


def test_a_suspension_here_survives_a_later_review_elsewhere(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    with _second_device(learner, tmp_path, pack, clock) as laptop:
        learner.set_card_suspended("eval-what", True)  # the desktop suspends it
        clock.now += timedelta(days=1)
        laptop.grade_card("eval-what", "good")  # the laptop reviews it later
        laptop_state = laptop.practice_card("eval-what").state
        from_laptop = export_json(laptop, tmp_path / "laptop.json")
    report = learner.import_progress(from_laptop)
    card = learner.practice_card("eval-what")
    assert card.state == laptop_state  # the later review wins
    assert card.suspended  # and the card is still suspended
    assert report.card_states == 1 and "1 card state" in report.describe()
    assert learner.import_progress(from_laptop).practice == 0  # idempotent


def test_a_suspension_elsewhere_reaches_here_whichever_state_wins(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    """Suspended on the laptop: a card reviewed later here, one never reviewed, and one with
    the same state on both sides are all suspended here after the import."""
    with _second_device(learner, tmp_path, pack, clock) as laptop:
        for card in ("eval-what", "explain-eval-why", own_id(laptop)):
            laptop.set_card_suspended(card, True)
        laptop.set_card_suspended("eval-golden", False)  # resumed there: not taken back
        from_laptop = export_json(laptop, tmp_path / "laptop.json")
    clock.now += timedelta(days=1)
    learner.grade_card("eval-what", "good")  # ours is later: our state stays
    ours = learner.practice_card("eval-what").state
    report = learner.import_progress(from_laptop)
    assert learner.practice_card("eval-what").state == ours
    suspended = {c.id for c in learner.practice_cards() if c.suspended}
    assert suspended == {
        "eval-what",
        "explain-eval-why",
        own_id(learner),
        "eval-golden",
        "hello-why",
    }
    assert report.card_states == 3
    assert learner.import_progress(from_laptop).practice == 0  # idempotent


def own_id(tracker: Tracker) -> str:
    return next(c.id for c in tracker.practice_cards() if c.card.own)


# ---- what the tracker keeps, an export restores ----------------------------------------------

BAD_TEXTS = [("NUL", "a \x00 b", "contains a NUL character"), ("surrogate", "a \ud800 b", "UTF-8")]


@pytest.mark.parametrize(("name", "bad", "words"), BAD_TEXTS)
def test_a_card_text_the_importer_would_refuse_is_refused_when_typed(
    learner: Tracker, tmp_path: Path, pack: Path, name: str, bad: str, words: str
) -> None:
    database = learner.database_path
    before = file_hash(database)
    own = own_id(learner)
    attempts = [
        lambda: learner.add_own_card("write-eval", bad, "A fine answer."),
        lambda: learner.add_own_card("write-eval", "A fine prompt", bad),
        lambda: learner.edit_card(own, bad, "A fine answer."),
        lambda: learner.edit_card("guide-point", "A fine prompt", bad),
    ]
    for attempt in attempts:
        with pytest.raises(TrackerError) as refused:
            attempt()
        message = str(refused.value)
        message.encode("utf-8")  # printable: no lone surrogate in the words
        assert words in message and "card '" in message
        assert ("prompt" in message) != ("answer" in message)
    assert file_hash(database) == before
    # what the learner could type (tabs, other control characters) exports and imports back
    odd = "Tab\there, bell \x07, a bidi mark \u202e and a line\nbreak"
    learner.add_own_card("write-eval", odd, odd)
    learner.edit_card("guide-point", odd, odd)
    target = export_json(learner, tmp_path / "ada.json")
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        fresh.import_progress(target)
        assert practice_rows(fresh)["cards"] == practice_rows(learner)["cards"]


# ---- own cards keep their ids, and their edits travel ---------------------------------------


def own_texts(tracker: Tracker) -> dict[str, tuple[str, str]]:
    return {c.id: (c.card.prompt, c.card.answer) for c in tracker.practice_cards() if c.card.own}


def test_a_restore_into_a_new_folder_keeps_every_own_cards_id(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    second = learner.add_own_card("write-hello", "Second", "The second card of my own.")
    third = learner.add_own_card("write-hello", "Third", "The third card of my own.")
    learner.remove_own_card(second.ids[0])  # own-2 is gone: own-3 must not become own-2
    learner.grade_card(third.ids[0], "good")
    target = export_json(learner, tmp_path / "ada.json")
    with Tracker.open(tmp_path / "laptop", pack) as fresh:
        fresh.import_progress(target, as_restore=True)
        assert own_texts(fresh) == own_texts(learner)
        assert third.ids[0] == "own-3" and fresh.practice_card("own-3").card.prompt == "Third"
        assert fresh.review_log("own-3")[0].rating == 3
        made = fresh.add_own_card("write-hello", "Next", "The next card made on the laptop.")
        assert made.ids[0] == "own-4"  # ids are not reused


def test_an_own_cards_newer_edit_crosses_to_the_other_computer_and_back_changes_nothing(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    card = own_id(learner)
    laptop_clock = Clock(clock.now)
    with Tracker.open(tmp_path / "laptop", pack, clock=laptop_clock) as laptop:
        laptop.import_progress(export_json(learner, tmp_path / "a0.json"), as_restore=True)
        laptop_clock.now += timedelta(hours=1)
        laptop.edit_card(card, "Laptop wording, older", "Written on the laptop first.")
        from_laptop = export_json(laptop, tmp_path / "b0.json")
        clock.now += timedelta(hours=2)  # the desktop edits it later
        change = learner.edit_card(card, "Desktop wording, newer", "Written on the desk later.")
        assert change.old == ("What is **recall@k**?", ("The share of the k hits " * 3).strip())
        assert learner.practice_card(card).edited is False  # an own card is never "edited"
        learner.import_progress(from_laptop)  # the older laptop edit loses here
        assert learner.practice_card(card).card.prompt == "Desktop wording, newer"
        from_desktop = export_json(learner, tmp_path / "a1.json")
        report = laptop.import_progress(from_desktop)  # the newer desktop edit wins there
        assert report.card_edits == 1
        assert own_texts(laptop) == own_texts(learner)
        assert laptop.practice_card(card).card.answer == "Written on the desk later."
        # importing the laptop back into the desktop changes nothing, nor does a re-import
        back = export_json(laptop, tmp_path / "b1.json")
        hashed = file_hash(learner.database_path)
        assert learner.import_progress(back).practice == 0
        assert file_hash(learner.database_path) == hashed
        hashed = file_hash(laptop.database_path)
        for _ in range(2):
            assert laptop.import_progress(from_desktop).practice == 0
            assert file_hash(laptop.database_path) == hashed


def test_an_edited_own_card_shows_its_new_wording_everywhere_and_undo_puts_it_back(
    learner: Tracker, tmp_path: Path, pack: Path
) -> None:
    card = own_id(learner)
    change = learner.edit_card(card, "New wording", "The new answer, in my words.")
    item = learner.practice_card(card).card.item_id
    assert [c.card.prompt for c in learner.item_practice_cards(item) if c.card.own] == [
        "New wording"
    ]
    summary = learner.snapshot().practice
    assert "New wording" in {t.prompt for t in summary.texts}
    learner.edit_card(card, *change.old)  # undo
    assert learner.practice_card(card).card.prompt == "What is **recall@k**?"
    removed = learner.remove_own_card(card)
    assert removed.old.prompt == "What is **recall@k**?"
    with Tracker.open(tmp_path / "laptop", pack) as fresh:  # the removed card's edit stays out
        fresh.import_progress(export_json(learner, tmp_path / "ada.json"))
        assert own_texts(fresh) == {}


# ---- what is read again after an import ------------------------------------------------------


def test_retention_and_the_due_split_after_an_import_are_the_exact_figures(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    """The laptop asked for retention and the due count (kept between reads); the desktop
    then forgot its evaluation cards and suspended cards; after importing that, both read
    what they would read from scratch, before and after a reload."""
    with _second_device(learner, tmp_path, pack, clock) as laptop:
        laptop.retention_by_area()
        laptop.due_split()
        clock.now += timedelta(minutes=5)  # the desktop, a few minutes later
        for card in ("eval-what", own_id(learner)):
            learner.grade_card(card, "again")
        due_there = [c.id for c in laptop.due_cards(clock.now) if c.state is not None]
        assert due_there
        for card in due_there:
            learner.set_card_suspended(card, True)
        from_desktop = export_json(learner, tmp_path / "desktop.json")
        clock.now += timedelta(minutes=1)
        before = laptop.retention_by_area()
        split_before = laptop.due_split()
        laptop.import_progress(from_desktop)
        for _ in range(2):
            exact = laptop.retention_by_area(clock.now)
            assert laptop.retention_by_area() == exact != before
            due = laptop.due_cards()
            split = (sum(c.state is not None for c in due), sum(c.state is None for c in due))
            assert laptop.due_split() == split != split_before
            assert laptop.due_split() == learner.due_split()
            laptop.reload()


def test_an_import_by_another_process_reaches_an_open_trackers_retention_at_once(
    learner: Tracker, tmp_path: Path, pack: Path, clock: Clock
) -> None:
    """Every card state write replaces its row (the key the kept figures are read by), the
    import's too: a window left open sees the command line's import without a reload."""
    with _second_device(learner, tmp_path, pack, clock) as laptop:
        before = laptop.retention_by_area()
        for card in ("eval-what", "hello-why", own_id(learner)):
            learner.grade_card(card, "again")
        from_desktop = export_json(learner, tmp_path / "desktop.json")
        folder = laptop.database_path.parent
        assert run(["--data-dir", str(folder), "import", str(from_desktop)]) == 0
        exact = laptop.retention_by_area(clock.now)
        assert laptop.retention_by_area() == exact != before
