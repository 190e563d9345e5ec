"""Several learners side by side: one row per learner from their exported summaries, a flag on
a learner who needs attention (behind their plan, or quiet for two weeks), and the same rows as
CSV. Pure: no Qt, no database, no tracker, no clock (`today` is passed in); the rows come from
validated exports, and an odd value in one shows as missing rather than failing the cohort.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .records import stored_moment
from .reports.importer import ExportData
from .snapshot import SentReport

QUIET_DAYS = 14  # a learner with no recorded activity for this many days needs attention
MISSING = "—"
MISSING_KEY = float("-inf")  # a missing number sorts below every number
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads these as a formula

COLUMNS = (
    "Learner",
    "Needs attention",
    "Overall %",
    "Pace",
    "Primary role",
    "Readiness",
    "Change",
    "Hours (last 14 days)",
    "Days since last activity",
    "Milestones",
    "Last activity",
    "Exported",
    "File",
)
(
    LEARNER,
    ATTENTION,
    OVERALL,
    PACE,
    ROLE,
    READINESS,
    CHANGE,
    HOURS,
    DAYS,
    MILESTONES,
    LAST_ACTIVITY,
    EXPORTED,
    FILE,
) = range(len(COLUMNS))
NUMBER_COLUMNS = frozenset({OVERALL, READINESS, CHANGE, HOURS, DAYS, MILESTONES})
# The CSV has the table's columns, with the milestones as three numbers a spreadsheet can sum.
MILESTONE_CSV_COLUMNS = ("Milestones done", "Milestones verified", "Milestones self-reported")
CSV_COLUMNS = (*COLUMNS[:MILESTONES], *MILESTONE_CSV_COLUMNS, *COLUMNS[MILESTONES + 1 :])

# Pace states: the export's four, and two for an export that names none.
AHEAD, ON_TRACK, BEHIND, NOT_STARTED = "ahead", "on track", "behind", "not started"
NO_PLAN = "no plan"  # a schema 3 export whose learner has not set a plan
UNKNOWN = ""  # an older export (schema 1-2) cannot say
PACE_STATES = (AHEAD, ON_TRACK, BEHIND, NOT_STARTED)


@dataclass(frozen=True, slots=True)
class Milestones:
    """Finished milestones by their proof: verified by a mentor, or self-reported."""

    done: int
    verified: int
    self_reported: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """What a readiness change is measured from: an earlier export of the same learner the
    mentor opened too ("export", its file name), or the report the learner last marked as
    sent ("sent")."""

    kind: str
    at: datetime | None
    file: str = ""


@dataclass(frozen=True, slots=True)
class CohortRow:
    """One learner's numbers, read from their newest export (None where it has none)."""

    learner: str
    overall: float | None
    role: str
    readiness: float | None
    study_hours: float | None  # hours studied in the 14 days before the export
    last_activity: datetime | None  # naive UTC
    exported: datetime  # naive UTC
    path: Path
    learner_id: str = ""
    schema: int = 1
    pace: str = UNKNOWN  # one of PACE_STATES, NO_PLAN, or UNKNOWN
    behind_hours: float = 0.0  # hours to catch up with the plan (0 unless behind)
    plan_balance: float | None = None  # done minus expected hours (None: no pace)
    change: float | None = None  # readiness points since `compared_with`
    compared_with: Comparison | None = None
    days_quiet: int | None = None  # days from the last activity to today
    milestones: Milestones | None = None

    @property
    def behind(self) -> bool:
        return self.pace == BEHIND

    @property
    def quiet(self) -> bool:
        return self.days_quiet is not None and self.days_quiet >= QUIET_DAYS

    @property
    def needs_attention(self) -> bool:
        return self.behind or self.quiet

    def attention_reasons(self) -> list[str]:
        """Why the learner needs attention, in words ("Behind by 12 h", "Quiet for 21 days");
        empty when nothing is wrong."""
        reasons = []
        if self.behind:
            reasons.append(f"Behind by {hours_text(self.behind_hours)} h")
        if self.quiet:
            reasons.append(f"Quiet for {self.days_quiet} days")
        return reasons

    def pace_text(self) -> str:
        """ "Ahead", "On track", "Behind by 12 h", "Not started", "No plan" or a dash."""
        if self.pace == BEHIND:
            return f"Behind by {hours_text(self.behind_hours)} h"
        words = {AHEAD: "Ahead", ON_TRACK: "On track", NOT_STARTED: "Not started"}
        return words.get(self.pace, "No plan" if self.pace == NO_PLAN else MISSING)

    def sort_keys(self) -> list[object]:
        """The value each column sorts by: numbers by value, a missing one below all."""

        def key(value: float | None) -> float:
            return MISSING_KEY if value is None else value

        last = self.last_activity.isoformat() if self.last_activity else ""
        return [
            self.learner.casefold(),
            float(len(self.attention_reasons())),
            key(self.overall),
            key(self.plan_balance),
            self.role.casefold(),
            key(self.readiness),
            key(self.change),
            key(self.study_hours),
            key(None if self.days_quiet is None else float(self.days_quiet)),
            key(None if self.milestones is None else float(self.milestones.done)),
            last,
            self.exported.isoformat(),
            self.path.name.casefold(),
        ]

    def cells(self) -> list[tuple[str, object]]:
        """(text, value sorted by) for each column, in plain English (the CSV's words)."""
        texts = [
            self.learner,
            " · ".join(self.attention_reasons()),
            number_text(self.overall),
            self.pace_text(),
            self.role or MISSING,
            number_text(self.readiness),
            number_text(self.change),
            number_text(self.study_hours),
            MISSING if self.days_quiet is None else str(self.days_quiet),
            milestones_text(self.milestones),
            f"{self.last_activity:%Y-%m-%d}" if self.last_activity else MISSING,
            f"{self.exported:%Y-%m-%d}",
            self.path.name,
        ]
        return list(zip(texts, self.sort_keys(), strict=True))


def hours_text(hours: float) -> str:
    """Hours as a person says them: whole from 10 up ("12"), one decimal below ("3.5", "4")."""
    return f"{hours:.0f}" if hours >= 9.95 else f"{round(hours, 1):g}"


def number_text(value: float | None) -> str:
    """A number with one decimal ("41.2", "-2.0"); a dash when missing."""
    return MISSING if value is None else f"{value:.1f}"


def milestones_text(counts: Milestones | None) -> str:
    """ "3 (1 verified, 2 self-reported)"; a dash when the export does not say."""
    if counts is None:
        return MISSING
    return f"{counts.done} ({counts.verified} verified, {counts.self_reported} self-reported)"


def attention_summary(rows: Sequence[CohortRow]) -> str:
    """ "2 of 5 learners need attention", in words."""
    flagged = sum(1 for row in rows if row.needs_attention)
    if not flagged:
        return "No learner needs attention"
    learners = "learner" if len(rows) == 1 else "learners"
    return f"{flagged} of {len(rows)} {learners} {'needs' if flagged == 1 else 'need'} attention"


# --- reading an export's summary ---------------------------------------------------------------
def _number(value: object) -> float | None:
    """A JSON number as a float; anything else (booleans included) as None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _count(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number >= 0 and number == int(number) else None


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


_moment = stored_moment  # an ISO time from a summary as naive UTC (None if it is not one)


def _role_score(summary: dict[str, Any], role_id: str) -> tuple[str, float | None] | None:
    """(name, readiness) of `role_id` in a summary; None if the summary does not list it."""
    for role in summary.get("roles") or []:
        if isinstance(role, dict) and role.get("id") == role_id and role_id:
            return str(role.get("name") or role_id), _number(role.get("readiness"))
    return None


def _pace(data: ExportData) -> tuple[str, float, float | None]:
    """(state, hours behind, done minus expected hours) from the export's pace."""
    summary = data.summary
    if "pace" not in summary:
        return UNKNOWN, 0.0, None
    pace = summary["pace"]
    if pace is None:
        return NO_PLAN, 0.0, None
    pace = _dict(pace)
    state = pace.get("state")
    if state not in PACE_STATES:
        return UNKNOWN, 0.0, None
    done, expected = _number(pace.get("done_hours")), _number(pace.get("expected_hours"))
    balance = round(done - expected, 1) if done is not None and expected is not None else None
    behind = max(_number(pace.get("catch_up_hours")) or 0.0, 0.0) if state == BEHIND else 0.0
    return str(state), behind, balance


def last_activity(data: ExportData) -> datetime | None:
    """The last moment the export shows the learner doing anything: a status (the summary's
    `last_activity`), a note, the end of a study session, an evidence link or a reading."""
    moments = [m for m in [_moment(data.summary.get("last_activity"))] if m is not None]
    moments += [item.updated_at for item in data.items]
    moments += [at for _, _, at in data.notes]
    moments += [started + timedelta(minutes=minutes) for _, started, minutes, _ in data.sessions]
    moments += [at for _, _, at in data.evidence]
    moments += [at for _, _, at in data.readings]
    return max(moments, default=None)


def _milestones(summary: dict[str, Any]) -> Milestones | None:
    raw = _dict(summary.get("milestones"))
    done, verified = _count(raw.get("done")), _count(raw.get("verified"))
    if done is None or verified is None:
        return None
    self_reported = _count(raw.get("self_reported"))
    return Milestones(done, verified, done - verified if self_reported is None else self_reported)


def _change(
    data: ExportData, readiness: float | None, previous: ExportData | None
) -> tuple[float | None, Comparison | None]:
    """Readiness points since `previous` (an earlier export of the same learner) or, without
    one, since the report the learner last marked as sent."""
    if readiness is None:
        return None, None
    if previous is not None:
        before = _role_score(previous.summary, data.primary_role)
        if before is not None and before[1] is not None:
            compared = Comparison("export", previous.exported_at, previous.path.name)
            return round(readiness - before[1], 1), compared
    sent = SentReport.from_setting(data.summary.get("last_sent"))
    if sent is not None and data.primary_role in sent.readiness:
        change = round(readiness - sent.readiness[data.primary_role], 1)
        return change, Comparison("sent", sent.at)
    return None, None


def cohort_row(
    data: ExportData, today: date | None = None, previous: ExportData | None = None
) -> CohortRow:
    """A learner's row from their export; `previous` is an earlier export of the same
    learner (the change in readiness is measured from it). Days since the last activity count
    to `today` (None: to the day of the export)."""
    summary = data.summary
    primary = _role_score(summary, data.primary_role)
    readiness = primary[1] if primary else None
    study = _number(summary.get("study_minutes_last_14_days"))
    state, behind, balance = _pace(data)
    change, compared = _change(data, readiness, previous)
    last = last_activity(data)
    until = today if today is not None else data.exported_at.date()
    return CohortRow(
        learner=data.learner_name or data.path.stem,
        overall=_number(_dict(summary.get("overall")).get("percent")),
        role=primary[0] if primary else "",
        readiness=readiness,
        study_hours=round(study / 60, 1) if study is not None else None,
        last_activity=last,
        exported=data.exported_at,
        path=data.path,
        learner_id=data.learner_id,
        schema=data.schema,
        pace=state,
        behind_hours=behind,
        plan_balance=balance,
        change=change,
        compared_with=compared,
        days_quiet=max((until - last.date()).days, 0) if last is not None else None,
        milestones=_milestones(summary),
    )


def same_learner(data: ExportData) -> tuple[str, str]:
    """What tells one learner's exports apart from another's: the learner id, or for an
    older file without one the learner's name, or else the file itself."""
    if data.learner_id:
        return "id", data.learner_id
    if data.learner_name.strip():
        return "name", data.learner_name.strip().casefold()
    return "file", str(data.path)


def cohort_rows(datas: Sequence[ExportData], today: date) -> list[CohortRow]:
    """One row per learner, in the order the learners first appear: the newest of their
    exports gives the row, and the one before it the change in readiness."""
    groups: dict[tuple[str, str], list[ExportData]] = {}
    for data in datas:
        groups.setdefault(same_learner(data), []).append(data)
    rows = []
    for exports in groups.values():
        newest_first = sorted(exports, key=lambda d: (d.exported_at, d.path.name), reverse=True)
        previous = newest_first[1] if len(newest_first) > 1 else None
        rows.append(cohort_row(newest_first[0], today, previous))
    return rows


# --- CSV ---------------------------------------------------------------------------------------
def csv_cell(text: str) -> str:
    """`text` as a spreadsheet shows it and never runs it: text that a spreadsheet would read
    as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. Numbers
    such as -1.5 stay numbers."""
    if not text.startswith(FORMULA_START):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def csv_values(row: CohortRow) -> list[str]:
    """A row's cells as the CSV holds them (before the formula guard)."""
    texts = [text for text, _ in row.cells()]
    counts = row.milestones
    numbers = (
        [MISSING] * 3
        if counts is None
        else [str(counts.done), str(counts.verified), str(counts.self_reported)]
    )
    return [*texts[:MILESTONES], *numbers, *texts[MILESTONES + 1 :]]


def csv_rows(rows: Sequence[CohortRow]) -> list[list[str]]:
    """The header and one line per learner, in the order given, every cell guarded."""
    return [list(CSV_COLUMNS), *([csv_cell(text) for text in csv_values(row)] for row in rows)]


def write_csv(rows: Sequence[CohortRow], target: Path) -> None:
    """Write the rows, in the order given, as UTF-8 CSV with a header line."""
    with open(target, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(csv_rows(rows))
