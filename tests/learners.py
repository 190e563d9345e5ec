"""Realistic learners for tests: real data folders filled through the real Tracker API.

Each builder fills `data_dir` (a new or empty folder) on the shipped curriculum and returns a
`Learner`: the folder and the moment its story ends. Open it with `learner.open()` (a tracker
whose clock stands at that moment, so exports and reports are the same on every run). Same
seed, same learner: every text, date and choice comes from a seeded `random.Random`.

- `new_learner`: a name, roles and a plan; the first week started, one note, two sessions.
- `mid_path_learner`: months 1–3 mostly done, a few notes and evidence links, ~120 sessions.
- `large_learner`: deep into month 6 with work done in every month and history spread over
  them, long Markdown notes (headings, lists, code) on many items, evidence on milestones,
  about 260 study sessions, mentor questions and next goals, roles and a plan.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from cairn.locations import curriculum_dir
from cairn.tracker import Tracker
from clocks import Clock

__all__ = ["PATH_START", "Learner", "large_learner", "mid_path_learner", "new_learner"]

PATH_START = date(2025, 9, 1)  # a Monday: week 1 of every learner's path begins here


@dataclass(frozen=True)
class Learner:
    """A filled data folder, and the moment its data ends (the clock to read it with)."""

    data_dir: Path
    now: datetime

    def open(self) -> Tracker:
        """The learner's tracker on the shipped curriculum, its clock standing at `now`."""
        return Tracker.open(self.data_dir, curriculum_dir(), clock=Clock(self.now))


# --- text a learner writes ------------------------------------------------------------------

_TOPICS = (
    "retrieval",
    "evaluation",
    "tokenisation",
    "batching",
    "latency",
    "caching",
    "prompt design",
    "fine-tuning",
    "data cleaning",
    "observability",
    "cost control",
    "type hints",
)
_SENTENCES = (
    "I tried the {t} exercise twice: the first attempt worked but I could not explain why.",
    "The hard part of {t} was not the code but deciding what to measure first.",
    "My mentor's tip about {t} saved me an evening; I wrote it down so I keep it.",
    "Reading the docs on {t} properly took longer than the task itself, and was worth it.",
    "I compared two approaches to {t} on the same small data set and kept the simpler one.",
    "Next time I will write the test for {t} before the code, not after.",
    "The numbers for {t} surprised me, so I reran them with a fixed seed to be sure.",
    "I still do not fully understand {t} under load; this is a question for next week.",
)
_CODE = (
    "```python\ndef score(pred: list[str], gold: list[str]) -> float:\n"
    "    hits = sum(p == g for p, g in zip(pred, gold, strict=True))\n"
    "    return hits / max(len(gold), 1)\n```",
    "```bash\nuv run pytest -q && uv run ruff check .\n```",
    "```sql\nSELECT week, COUNT(*) AS done\nFROM items\nWHERE status = 'done'\nGROUP BY week;\n```",
)


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(_SENTENCES).format(t=rng.choice(_TOPICS)) for _ in range(sentences))


def note_text(rng: random.Random, *, sections: int) -> str:
    """A learner's Markdown note: paragraphs, `sections` `##` headings with lists and code."""
    parts = [_paragraph(rng, rng.randint(2, 4))]
    for number in range(sections):
        parts.append(f"## {rng.choice(_TOPICS).capitalize()}, take {number + 1}")
        parts.append(_paragraph(rng, rng.randint(3, 7)))
        if rng.random() < 0.6:
            parts.append("\n".join(f"- {_paragraph(rng, 1)}" for _ in range(rng.randint(2, 5))))
        if rng.random() < 0.4:
            parts.append(rng.choice(_CODE))
        if rng.random() < 0.3:
            parts.append(
                "\n".join(f"{n}. {_paragraph(rng, 1)}" for n in range(1, rng.randint(3, 5)))
            )
    return "\n\n".join(parts) + "\n"


# --- the story ------------------------------------------------------------------------------


def _week_start(number: int) -> datetime:
    """19:00 on the Monday of path week `number` (1-based)."""
    day = PATH_START + timedelta(weeks=number - 1)
    return datetime.combine(day, time(19, 0))


def _evenings(rng: random.Random, first: datetime, last: datetime) -> Iterator[datetime]:
    """Study starts on most evenings, some mornings and weekend afternoons between two
    moments, in order."""
    day = first.date()
    while day <= last.date():
        if rng.random() < 0.5:
            yield datetime.combine(day, time(6, 30))
        if day.weekday() >= 5 and rng.random() < 0.6:
            yield datetime.combine(day, time(14, rng.choice((0, 30))))
        if rng.random() < 0.9:
            yield datetime.combine(day, time(rng.choice((19, 20, 21)), rng.choice((0, 15, 30))))
        day += timedelta(days=1)


def _work_weeks(
    tracker: Tracker,
    clock: Clock,
    rng: random.Random,
    weeks: int,
    *,
    done_share: float,
    note_share: float,
    note_sections: tuple[int, int],
    evidence: bool,
) -> None:
    """Walk weeks 1..`weeks`: start items, finish most of them over the week (history spread
    over the months), skip a few, write notes and add evidence to finished milestones."""
    curriculum = tracker.curriculum
    for week in sorted(curriculum.weeks.values(), key=lambda w: w.number):
        if week.number > weeks:
            break
        clock.now = _week_start(week.number)
        items = [curriculum.items[i] for i in week.item_ids if i in curriculum.items]
        for item in items:
            clock.now += timedelta(minutes=rng.randint(5, 90))
            tracker.set_status(item.id, "doing")
        for item in items:
            clock.now += timedelta(hours=rng.randint(3, 20))
            roll = rng.random()
            if roll < done_share:
                tracker.set_status(item.id, "done")
                if item.is_milestone and evidence:
                    for n in range(rng.randint(1, 3)):
                        tracker.add_evidence(
                            item.id, f"https://github.com/ada-learner/{item.id}/pull/{n + 1}"
                        )
            elif roll < done_share + 0.04:
                tracker.set_status(item.id, "skipped")
            if rng.random() < note_share:
                private = rng.random() < 0.1
                body = note_text(rng, sections=rng.randint(*note_sections))
                tracker.set_note(item.id, f"# {item.title}\n\n{body}", private=private)


def _study(tracker: Tracker, rng: random.Random, first: datetime, last: datetime) -> int:
    """Record study sessions on items of the weeks they fall in; returns how many."""
    curriculum = tracker.curriculum
    weeks = sorted(curriculum.weeks.values(), key=lambda w: w.number)
    count = 0
    for start in _evenings(rng, first, last):
        number = min(len(weeks), (start.date() - PATH_START).days // 7 + 1)
        item_ids = [i for i in weeks[number - 1].item_ids if i in curriculum.items]
        tracker.log_study(rng.choice(item_ids), rng.randint(20, 150), started_at=start)
        count += 1
    return count


def _readings(tracker: Tracker, rng: random.Random, share: float) -> None:
    for reading_id in sorted(tracker.curriculum.readings):
        roll = rng.random()
        if roll < share:
            tracker.set_reading_status(reading_id, "read")
        elif roll < share + 0.1:
            tracker.set_reading_status(reading_id, "reading")


def _profile(tracker: Tracker, rng: random.Random, *, name: str, texts: bool) -> None:
    tracker.set_setting("learner_name", name)
    tracker.set_target_roles("llm-engineer", ["applied-ml-engineer", "ai-product-engineer"])
    tracker.set_plan(PATH_START, 12.0)
    if texts:
        tracker.set_setting(
            "mentor_questions",
            "## Blockers\n\n"
            + "\n".join(f"- {_paragraph(rng, 1)}" for _ in range(4))
            + "\n\n## Questions\n\n1. Should I go deeper on evals or on serving first?\n"
            "2. Is my RAG write-up clear enough to show in an interview?\n",
        )
        tracker.set_setting(
            "next_goals",
            "Finish the specialisation build and write it up.\n\n"
            + "\n".join(f"- {_paragraph(rng, 1)}" for _ in range(3)),
        )


def _fresh(data_dir: Path) -> None:
    """Refuse a folder that already holds something (a learner is built once)."""
    if Path(data_dir).exists() and any(Path(data_dir).iterdir()):
        raise ValueError(f"{data_dir} is not empty; a learner is built in a new folder")


def _fill(
    data_dir: Path,
    *,
    seed: int,
    name: str,
    weeks: int,
    done_share: float,
    note_share: float,
    note_sections: tuple[int, int],
    evidence: bool,
    study_days: int,
    reading_share: float,
    texts: bool,
) -> Learner:
    rng = random.Random(seed)
    _fresh(data_dir)
    clock = Clock(_week_start(1) - timedelta(days=2))
    with Tracker.open(data_dir, curriculum_dir(), clock=clock) as tracker:
        _profile(tracker, rng, name=name, texts=texts)
        if weeks >= 23:
            tracker.choose("specialisation", ["spec-option-evals"])
        _work_weeks(
            tracker,
            clock,
            rng,
            weeks,
            done_share=done_share,
            note_share=note_share,
            note_sections=note_sections,
            evidence=evidence,
        )
        end = _week_start(weeks) + timedelta(days=6, hours=2)
        clock.now = end
        first = end - timedelta(days=study_days)
        _study(tracker, rng, max(first, _week_start(1)), end - timedelta(hours=3))
        _readings(tracker, rng, reading_share)
    return Learner(Path(data_dir), end)


def large_learner(data_dir: Path, *, seed: int = 7) -> Learner:
    """Week 24 of 26: work done in every month, about 130 long notes (a tenth private),
    evidence on finished milestones, about 260 study sessions, mentor texts, roles, a plan
    and a specialisation."""
    return _fill(
        data_dir,
        seed=seed,
        name="Ada Large-Learner",
        weeks=24,
        done_share=0.88,
        note_share=0.75,
        note_sections=(1, 5),
        evidence=True,
        study_days=7 * 24,
        reading_share=0.6,
        texts=True,
    )


def mid_path_learner(data_dir: Path, *, seed: int = 11) -> Learner:
    """Week 12: months 1–3 mostly done, some notes and evidence, about 120 sessions."""
    return _fill(
        data_dir,
        seed=seed,
        name="Bo Mid-Path",
        weeks=12,
        done_share=0.8,
        note_share=0.25,
        note_sections=(0, 2),
        evidence=True,
        study_days=75,
        reading_share=0.4,
        texts=True,
    )


def new_learner(data_dir: Path, *, seed: int = 3) -> Learner:
    """Week 1 just begun: a name, roles and a plan, a few items started, one short note."""
    rng = random.Random(seed)
    _fresh(data_dir)
    clock = Clock(_week_start(1))
    with Tracker.open(data_dir, curriculum_dir(), clock=clock) as tracker:
        _profile(tracker, rng, name="Cy New-Learner", texts=False)
        week = tracker.curriculum.weeks["w01"]
        first, second = week.item_ids[:2]
        clock.now += timedelta(hours=1)
        tracker.set_status(first, "done")
        tracker.set_status(second, "doing")
        tracker.set_note(first, note_text(rng, sections=0))
        clock.now += timedelta(days=1, hours=2)
        tracker.log_study(first, 60, started_at=_week_start(1))
        tracker.log_study(second, 45, started_at=_week_start(1) + timedelta(days=1))
        end = clock.now
    return Learner(Path(data_dir), end)
