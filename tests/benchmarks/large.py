"""Deterministic large test data for measuring Cairn at size (issue 15).

- `make_large_pack(folder, items=5411, roles=57, readings=706, seed=1)` writes a curriculum pack
  that extends the shipped one. The counts are what Cairn shows once the pack is added: the
  shipped pack's items, roles and readings plus the generated ones (so the defaults give the
  issue's 5,411 items and milestones, 57 roles and 706 readings).
- `add_pack(data_dir, folder)` adds it the way File → Add curriculum pack… does
  (`Tracker.add_pack`: validated, copied into <data>/packs/<id>/, loaded).
- `fill_history(data_dir, events=200_000, sessions=5_000, seed=1)` writes that many status
  events and study sessions, spread over the two years before `HISTORY_END`, through
  `Tracker.set_statuses` and `Tracker.log_study` (or, with `fast=True`, the same rows in one
  `apply_import`; see `fill_history`).
- `SMALL` and `LARGE` name two sizes; `prepare(size, root, seed)` builds (or reuses) a pack and
  a filled data folder for one of them under `root`.

Same seed, same data: every id, text, date and choice comes from seeded `random.Random`s.
Nothing runs at import time. Read a filled folder with `open_tracker(data_dir)`: its clock
stands at `HISTORY_END`, so every figure is the same on every run.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

__all__ = [
    "HISTORY_END",
    "HISTORY_START",
    "LARGE",
    "SIZES",
    "SMALL",
    "Prepared",
    "Size",
    "add_pack",
    "fill_history",
    "make_large_pack",
    "open_tracker",
    "prepare",
    "status_batches",
]

#: Bump when the generated data changes, so a cached folder is never reused for other data.
GENERATOR_VERSION = 2
PACK_ID = "bench-large"
#: The history ends here (naive UTC, what the database stores) and starts two years before.
HISTORY_END = datetime(2026, 11, 1, 21, 0)
HISTORY_DAYS = 730
HISTORY_START = HISTORY_END - timedelta(days=HISTORY_DAYS)
#: Share of the path the learner has reached by the end of the history.
REACHED_SHARE = 0.85
MILESTONE_SHARE = 0.04
MILESTONES_PER_PROJECT = 4
REQUIRES_SHARE = 0.3
WEEKS = 26
ALWAYS_WEIGHED = "judgment-communication"
URL_ROOT = "https://example.org/cairn-bench"


@dataclass(frozen=True)
class Size:
    """A data size: totals of the loaded curriculum, and the history written."""

    name: str
    items: int
    roles: int
    readings: int
    events: int
    sessions: int


SMALL = Size("small", items=500, roles=12, readings=300, events=10_000, sessions=250)
LARGE = Size("large", items=5411, roles=57, readings=706, events=200_000, sessions=5_000)
SIZES = {size.name: size for size in (SMALL, LARGE)}


class _Clock:
    """A clock the generator moves (the tracker reads the time from it)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# --- text ------------------------------------------------------------------------------------

_VERBS = (
    "Build",
    "Measure",
    "Compare",
    "Explain",
    "Profile",
    "Evaluate",
    "Sketch",
    "Refactor",
    "Test",
    "Deploy",
    "Document",
    "Review",
)
_OBJECTS = (
    "a retrieval baseline",
    "the evaluation harness",
    "a tokenizer budget",
    "the batching strategy",
    "a cache for repeated prompts",
    "the golden set",
    "an agent's tool calls",
    "a fine-tuning run",
    "the latency budget",
    "a drift monitor",
    "the cost dashboard",
    "a reranker",
    "the embedding index",
    "a safety filter",
    "the data-cleaning step",
)
_CONTEXTS = (
    "on your own corpus",
    "with error bars",
    "against last week's numbers",
    "for a teammate who missed the meeting",
    "under a fixed budget",
    "with one change at a time",
    "before and after the refactor",
    "on the slowest ten requests",
)
_SENTENCES = (
    "Write down what you expect before you run anything, then compare it with what you see.",
    "Keep the numbers in a small table in the repository so that the next change has a baseline.",
    "Pick the smallest example that still shows the problem and keep it as a regression test.",
    "Note every assumption you make, and which of them a measurement later proved wrong.",
    "Run it twice: a result that changes between runs needs a seed or a larger sample.",
    "Explain the trade-off you chose in three sentences, as you would in an interview.",
    "Prefer a plain script you understand over a framework that hides the step you are studying.",
    "Look at twenty real outputs by hand before trusting any aggregate score.",
    "Time each stage separately; the slow part is rarely the one you guessed.",
    "Commit the code, the data version and the command that produced each figure.",
)
_AUTHORS = ("A. Writer", "Example Labs", "The Docs Team", "B. Researcher", "Course Co.")
_READING_KINDS = ("docs", "paper", "course", "book", "video", "post")
_TOPICS = ("Retrieval", "Evaluation", "Serving", "Agents", "Fine-tuning", "Data", "Safety")
_PROJECT_LEVELS = ("warm-up", "intermediate", "portfolio")


def _toml(value: object) -> str:
    """A TOML value: JSON's string escapes are valid TOML basic strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def _table(header: str, fields: dict[str, object]) -> str:
    lines = [f"[{header}]" if not header.startswith("[") else header]
    lines += [f"{key} = {_toml(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def _title(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_CONTEXTS)}"


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(_SENTENCES, sentences))


def _description(rng: random.Random, ident: str) -> str:
    """Two paragraphs of Markdown with a link, inline code and a done-when line (~700 chars)."""
    return (
        f"{_paragraph(rng, 3)} Start from `{ident}.py` and the notes at "
        f"[the worked example]({URL_ROOT}/notes/{ident}).\n\n"
        f"{_paragraph(rng, 2)}\n\n**Done when** {rng.choice(_SENTENCES).lower()}"
    )


# --- the pack --------------------------------------------------------------------------------


def _shipped_counts() -> tuple[int, int, int, list[str]]:
    """Items (with milestones), roles, readings and skill ids of the shipped pack."""
    from cairn.content import load_curriculum
    from cairn.locations import curriculum_dir

    shipped = load_curriculum([curriculum_dir()])
    return len(shipped.items), len(shipped.roles), len(shipped.readings), list(shipped.skills)


def make_large_pack(
    folder: Path, *, items: int = 5411, roles: int = 57, readings: int = 706, seed: int = 1
) -> Path:
    """Write a pack extending the shipped one into `folder` (made; must not exist) so that the
    shipped pack plus it hold `items` items and milestones, `roles` roles and `readings`
    readings. Items spread evenly over the 26 shipped weeks (one file per week); about 4 % are
    project milestones (four per project, in consecutive weeks); about 30 % require an item
    of an earlier week. Returns `folder`."""
    shipped_items, shipped_roles, shipped_readings, skills = _shipped_counts()
    own_items, own_roles = items - shipped_items, roles - shipped_roles
    own_readings = readings - shipped_readings
    if min(own_items, own_roles, own_readings) < 1:
        raise ValueError(
            f"the shipped pack alone has {shipped_items} items, {shipped_roles} roles and "
            f"{shipped_readings} readings; ask for more of each"
        )
    folder = Path(folder)
    folder.mkdir(parents=True)
    (folder / "weeks").mkdir()
    (folder / "projects").mkdir()
    reading_hours = _write_readings(folder, own_readings, random.Random(f"{seed}-readings"))
    _write_roles(folder, own_roles, skills, random.Random(f"{seed}-roles"))
    milestones = max(1, round(own_items * MILESTONE_SHARE))
    _write_weeks(
        folder, own_items - milestones, skills, reading_hours, random.Random(f"{seed}-items")
    )
    _write_projects(folder, milestones, skills, reading_hours, random.Random(f"{seed}-projects"))
    (folder / "pack.toml").write_text(
        _table(
            "pack",
            {
                "id": PACK_ID,
                "name": f"Benchmark pack ({items} items, seed {seed})",
                "version": f"{GENERATOR_VERSION}.{seed}",
                "description": "Generated by tests/benchmarks/large.py to measure Cairn at size.",
                "extends": "cairn-core",
            },
        ),
        encoding="utf-8",
    )
    return folder


def _reading_id(number: int) -> str:
    return f"bench-reading-{number:04d}"


def _write_readings(folder: Path, count: int, rng: random.Random) -> dict[str, float]:
    hours: dict[str, float] = {}
    parts = []
    for number in range(1, count + 1):
        ident = _reading_id(number)
        hours[ident] = rng.choice((0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0))
        parts.append(
            _table(
                "[[reading]]",
                {
                    "id": ident,
                    "title": f"{rng.choice(_TOPICS)} notes, part {number}",
                    "author": rng.choice(_AUTHORS),
                    "kind": rng.choice(_READING_KINDS),
                    "url": f"{URL_ROOT}/readings/{number:04d}",
                    "topic": rng.choice(_TOPICS),
                    "estimate_hours": hours[ident],
                },
            )
        )
    (folder / "readings.toml").write_text("\n".join(parts), encoding="utf-8")
    return hours


def _weights(count: int, rng: random.Random) -> list[int]:
    """`count` positive multiples of 5 summing to 100."""
    weights = [5] * count
    for _ in range((100 - 5 * count) // 5):
        weights[rng.randrange(count)] += 5
    return weights


def _write_roles(folder: Path, count: int, skills: Sequence[str], rng: random.Random) -> None:
    others = [s for s in skills if s != ALWAYS_WEIGHED]
    parts = []
    for number in range(1, count + 1):
        ident = f"bench-role-{number:03d}"
        areas = [*rng.sample(others, rng.randint(3, 5)), ALWAYS_WEIGHED]
        role = _table(
            "[[role]]",
            {
                "id": ident,
                "name": f"Benchmark role {number}: {rng.choice(_OBJECTS)}",
                "short_name": f"Bench {number}",
                "summary": _paragraph(rng, 3),
                "market_note": _paragraph(rng, 2) + " Source: the benchmark generator.",
            },
        )
        role += "".join(
            "\n" + _table("[[role.area]]", {"skill": skill, "weight": weight})
            for skill, weight in zip(areas, _weights(len(areas), rng), strict=True)
        )
        parts.append(role)
    (folder / "roles.toml").write_text("\n".join(parts), encoding="utf-8")


def _week_of(index: int, count: int) -> int:
    """The week (1–26) of the `index`th of `count` items spread evenly over the path."""
    return index * WEEKS // count + 1


def _item_fields(
    ident: str,
    rng: random.Random,
    skills: Sequence[str],
    reading_hours: dict[str, float],
) -> dict[str, object]:
    """The fields an item and a milestone share: estimate, skills and readings."""
    reading_ids = list(reading_hours)
    required = rng.sample(reading_ids, rng.choice((0, 1, 1, 2)))
    optional = [r for r in rng.sample(reading_ids, rng.choice((1, 1, 2))) if r not in required]
    base = sum(reading_hours[r] for r in required)
    return {
        "estimate_hours": base + rng.choice((0.5, 1.0, 1.5, 2.0, 3.0)),
        "skills": rng.sample(list(skills), rng.randint(1, 3)),
        "readings": required,
        "optional_readings": optional,
    }


def _write_weeks(
    folder: Path,
    count: int,
    skills: Sequence[str],
    reading_hours: dict[str, float],
    rng: random.Random,
) -> None:
    by_week: dict[int, list[str]] = {}  # week number -> its items as TOML tables
    earlier: list[str] = []  # ids of the items of the weeks before the one being written
    this_week: list[str] = []
    week = 1
    for index in range(count):
        if _week_of(index, count) != week:
            earlier += this_week
            this_week = []
            week = _week_of(index, count)
        ident = f"bench-item-{index + 1:05d}"
        fields: dict[str, object] = {
            "id": ident,
            "kind": rng.choice(("topic", "task", "task", "check")),
            "title": _title(rng),
            "description": _description(rng, ident),
        }
        fields |= _item_fields(ident, rng, skills, reading_hours)
        if earlier and rng.random() < REQUIRES_SHARE:
            fields["requires"] = sorted(set(rng.sample(earlier, min(len(earlier), 2))))
        this_week.append(ident)
        by_week.setdefault(week, []).append(
            _table("[[week.item]]", {k: v for k, v in fields.items() if v != []})
        )
    for number, entries in by_week.items():
        head = _table("[[week]]", {"id": f"w{number:02d}"})
        (folder / "weeks" / f"w{number:02d}.toml").write_text(
            "\n".join([head, *entries]), encoding="utf-8"
        )


def _write_projects(
    folder: Path,
    count: int,
    skills: Sequence[str],
    reading_hours: dict[str, float],
    rng: random.Random,
) -> None:
    written = 0
    project = 0
    while written < count:
        project += 1
        ident = f"bench-project-{project:03d}"
        size = min(MILESTONES_PER_PROJECT, count - written)
        first_week = rng.randint(1, WEEKS - size + 1)
        text = _table(
            "[[project]]",
            {
                "id": ident,
                "title": f"Project {project}: {_title(rng)}",
                "level": _PROJECT_LEVELS[project % len(_PROJECT_LEVELS)],
                "summary": _paragraph(rng, 3),
            },
        )
        previous = ""
        for step in range(size):
            mid = f"{ident}-m{step + 1}"
            fields: dict[str, object] = {
                "id": mid,
                "title": _title(rng),
                "description": _description(rng, mid),
                "done_when": rng.choice(_SENTENCES),
                "week": f"w{first_week + step:02d}",
            }
            fields |= _item_fields(mid, rng, skills, reading_hours)
            if previous:
                fields["requires"] = [previous]
            if not fields["optional_readings"]:
                del fields["optional_readings"]
            text += "\n" + _table("[[project.milestone]]", fields)
            previous = mid
        (folder / "projects" / f"{ident}.toml").write_text(text, encoding="utf-8")
        written += size


# --- adding it -------------------------------------------------------------------------------


def open_tracker(data_dir: Path, *, now: datetime = HISTORY_END, read_only: bool = False):  # type: ignore[no-untyped-def]
    """A tracker on the shipped pack plus the data folder's packs, its clock standing at
    `now` (the end of the generated history)."""
    from cairn.locations import curriculum_dir
    from cairn.tracker import Tracker

    return Tracker.open(Path(data_dir), curriculum_dir(), clock=_Clock(now), read_only=read_only)


def add_pack(data_dir: Path, folder: Path) -> Path:
    """Add the pack in `folder` to the data folder as File → Add curriculum pack… does
    (`Tracker.add_pack`); return where it now lives (<data>/packs/<id>)."""
    with open_tracker(data_dir) as tracker:
        change = tracker.add_pack(Path(folder))
    return Path(change.new)


# --- the history -----------------------------------------------------------------------------


def status_batches(
    order: Sequence[str], events: int, seed: int = 1
) -> list[tuple[datetime, dict[str, str]]]:
    """`events` status changes of the items in path `order`, as (moment, {item: status})
    batches (each one `set_statuses` call), spread evenly over the two years of history.

    The learner works along the path (to do → doing → done, some done or skipped at once),
    reaching 85 % of it by the end; the rest of the events reopen finished or skipped items
    and put them back a few batches later (a reopened item, an undone bulk change), so the
    final state is what the walk along the path left, and every event changes a status."""
    rng = random.Random(f"{seed}-statuses")
    batches_planned = max(1, min(events, 2 * HISTORY_DAYS))
    reach = max(1, math.ceil(len(order) * REACHED_SHARE))
    state: dict[str, str] = {}
    started: deque[str] = deque()  # items the walk left at 'doing', oldest first
    settled: list[str] = []  # items the walk finished or skipped: may be reopened
    pending: dict[str, tuple[int, str]] = {}  # item -> (batch it goes back in, its status)
    walked = 0
    remaining = events
    batches: list[dict[str, str]] = []
    number = 0
    while remaining > 0 or pending:
        batch: dict[str, str] = {}
        for ident, (due, status) in list(pending.items()):
            if due <= number:
                batch[ident] = state[ident] = status
                del pending[ident]
        share = math.ceil(remaining / max(1, batches_planned - number))
        frontier = min(reach, reach * (number + 1) // batches_planned)
        while share > 0 and started and started[0] not in batch:
            ident = started.popleft()
            batch[ident] = state[ident] = "done"
            settled.append(ident)
            share, remaining = share - 1, remaining - 1
        while share > 0 and walked < max(frontier, 1 if not settled else 0):
            ident = order[walked]
            walked += 1
            status = rng.choices(("doing", "done", "skipped"), (60, 32, 8))[0]
            batch[ident] = state[ident] = status
            (started.append if status == "doing" else settled.append)(ident)
            share, remaining = share - 1, remaining - 1
        tries = 0
        while share > 0 and settled and tries < 4 * share + 20:
            tries += 1
            ident = rng.choice(settled)
            if ident in batch or ident in pending:
                continue
            if share == 1 and remaining > 1:
                break  # a pair does not fit this batch: the next one gets more
            old = state[ident]
            batch[ident] = state[ident] = "doing" if old == "done" else "todo"
            if remaining >= 2:  # reopened, and put back a few batches later
                pending[ident] = (number + rng.randint(1, 5), old)
                share, remaining = share - 2, remaining - 2
            else:  # the last event: left reopened
                settled.remove(ident)
                share, remaining = share - 1, remaining - 1
        if walked >= reach and not settled and not started and remaining:
            raise ValueError(f"{len(order)} items cannot carry {events} status events")
        batches.append(batch)
        number += 1
    step = (HISTORY_END - HISTORY_START - timedelta(hours=1)) / len(batches)
    return [
        (HISTORY_START + step * i + timedelta(seconds=rng.randrange(60)), batch)
        for i, batch in enumerate(batches)
        if batch
    ]


def _session_plan(
    order: Sequence[str], readings: Sequence[str], count: int, seed: int
) -> list[tuple[str, datetime, int, str]]:
    """`count` study sessions (content id, start, minutes, source) over the two years, in time
    order: evenings, on items near where the walk along the path was, or on readings."""
    rng = random.Random(f"{seed}-sessions")
    reach = max(1, math.ceil(len(order) * REACHED_SHARE))
    starts = sorted(
        HISTORY_START
        + timedelta(days=rng.randrange(1, HISTORY_DAYS), hours=-rng.randint(0, 4))
        + timedelta(minutes=rng.randrange(60))
        for _ in range(count)
    )
    plan = []
    for start in starts:
        share = (start - HISTORY_START) / (HISTORY_END - HISTORY_START)
        near = max(1, min(reach, round(reach * share)))
        if readings and rng.random() < 0.2:
            target = rng.choice(readings)
        else:
            target = order[rng.randrange(max(0, near - 50), near)]
        plan.append((target, start, rng.randint(15, 150), rng.choice(("manual", "timer"))))
    return plan


def fill_history(
    data_dir: Path,
    *,
    events: int = 200_000,
    sessions: int = 5_000,
    seed: int = 1,
    fast: bool = False,
) -> None:
    """Write `events` status events and `sessions` study sessions into the data folder (its
    packs added first), spread over the two years ending at `HISTORY_END`, plus a profile: a
    plan starting with the history at 10 hours a week, a primary role (the last role loaded:
    a generated one when the pack is added), two other target roles, a name and a learner id
    made from the seed (so the whole folder is the same on every run).

    The default writes through the tracker: one `set_statuses` call per batch of
    `status_batches` (the clock at the batch's moment) and one `log_study` per session.
    `fast=True` writes the same rows (item_state with the last status and its time, one
    status_change per event with its old status, None for an item's first, the same study
    sessions) in one `apply_import` transaction instead: only the row ids' order inside a
    table could differ (it does not: the rows are written in the same order) and no per-change
    checks run (the events are valid by construction). The tracker path takes about 160 s for
    200,000 events on a two-core machine, the fast one about 3 s."""
    with open_tracker(data_dir, now=HISTORY_START) as tracker:
        if tracker.statuses() or tracker.sessions():
            raise ValueError(f"{data_dir} already holds progress; fill a new data folder")
        curriculum = tracker.curriculum
        order = [i.id for m in curriculum.months for i in curriculum.month_items(m.id)]
        batches = status_batches(order, events, seed)
        study = _session_plan(order, sorted(curriculum.readings), sessions, seed)
        clock = tracker._clock
        assert isinstance(clock, _Clock)
        if fast:
            _import(tracker, batches, study)
        else:
            for moment, batch in batches:
                clock.now = moment
                tracker.set_statuses(batch)
            clock.now = HISTORY_END
            for target, start, minutes, source in study:
                tracker.log_study(target, minutes, started_at=start, source=source)
        clock.now = HISTORY_END
        rng = random.Random(f"{seed}-profile")
        roles = list(curriculum.roles)
        tracker.set_target_roles(roles[-1], roles[:2])
        tracker.set_plan(HISTORY_START.date(), 10)
        tracker.set_setting("learner_name", "Bench Learner")
        tracker.set_setting("learner_id", str(uuid.UUID(int=rng.getrandbits(128), version=4)))


def _import(
    tracker,  # type: ignore[no-untyped-def]
    batches: Iterable[tuple[datetime, dict[str, str]]],
    study: list[tuple[str, datetime, int, str]],
) -> None:
    """The rows `set_statuses` and `log_study` would write, in one import transaction."""
    from cairn.reports.importer import ImportPlan

    plan = ImportPlan(sessions=list(study))
    current: dict[str, tuple[str, datetime]] = {}
    for moment, batch in batches:
        for ident, status in batch.items():
            old = current.get(ident)
            plan.history.append((ident, old[0] if old else None, status, moment))
            current[ident] = (status, moment)
    plan.statuses = [(ident, status, at) for ident, (status, at) in current.items()]
    tracker._database.apply_import(plan)
    tracker.reload()


# --- both together, cached -------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """A generated pack and a data folder with it added and the history filled."""

    size: Size
    seed: int
    pack: Path
    data_dir: Path
    now: datetime = HISTORY_END

    @property
    def today(self) -> date:
        return self.now.date()


def prepare(size: Size, root: Path, *, seed: int = 1, fast: bool = False) -> Prepared:
    """The pack and filled data folder for `size` and `seed` under `root`/<key>, built once:
    a folder finished earlier (it holds a `ready` marker) is reused as it is."""
    folder = Path(root) / f"{size.name}-seed{seed}-v{GENERATOR_VERSION}"
    prepared = Prepared(size, seed, folder / "pack", folder / "data")
    if (folder / "ready").exists():
        return prepared
    if folder.exists():
        shutil.rmtree(folder)
    make_large_pack(
        prepared.pack, items=size.items, roles=size.roles, readings=size.readings, seed=seed
    )
    add_pack(prepared.data_dir, prepared.pack)
    fill_history(
        prepared.data_dir, events=size.events, sessions=size.sessions, seed=seed, fast=fast
    )
    (folder / "ready").write_text("ok\n", encoding="utf-8")
    return prepared


def copy_data(prepared: Prepared, target: Path) -> Path:
    """A copy of the prepared data folder (for benchmarks that change it)."""
    shutil.copytree(prepared.data_dir, target)
    return Path(target)
