"""A cohort's rows, flags and CSV, from exported summaries, without a window.

The three learners are real exports: a data folder on the shipped curriculum filled through the
tracker with a fixed clock, exported as JSON and read back. Ada is on track with her plan (and
exported twice), Bo studies but is far behind his, Cy has done nothing for 20 days."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cairn.cohort import (
    COLUMNS,
    CSV_COLUMNS,
    MISSING,
    MISSING_KEY,
    CohortRow,
    Comparison,
    Milestones,
    attention_summary,
    cohort_row,
    cohort_rows,
    csv_cell,
    csv_rows,
    write_csv,
)
from cairn.locations import curriculum_dir
from cairn.reports.export import export
from cairn.reports.feedback import feedback_payload, read_feedback, write_feedback
from cairn.reports.importer import ExportData, read_export
from cairn.tracker import Tracker
from clocks import EVENING, Clock

TODAY = EVENING.date()  # the mentor opens the exports on 12 March 2026
LLM = "llm-engineer"
PRODUCT = "ai-product-engineer"
APPLIED = "applied-ml-engineer"
# The first two weeks of the shipped path, with their estimated hours.
W01 = (  # 17.5 h
    "python-project-skeleton",
    "clean-code-refactor",
    "pytest-fixtures-parametrize",
    "git-everyday-workflow",
    "python-asyncio-concurrency",
    "numpy-vectorise-similarity",
    "ai-coding-assistants",
    "check-w01-engineering-habits",
)
W02_TASKS = ("sql-for-ml-data", "statistics-bootstrap-ci", "llm-api-first-calls")  # 9.5 h
W02_REST = ("structured-outputs-three-providers", "check-w02-arrays-and-noise")  # 4.5 h
W02_MILESTONES = ("warmup-extraction-corpus-and-schema", "warmup-extraction-first-extractor")


@dataclass(frozen=True)
class Exports:
    """The files the learners exported, and what the tracker said when they did."""

    ada_march_1: Path
    ada: Path
    bo: Path
    cy: Path
    items_counted: int
    ada_readiness: tuple[float, float]  # at the first export, at the second
    bo_readiness: float
    bo_readiness_sent: float  # when he marked his last report as sent


def _at(month: int, day: int, hour: int = 19) -> datetime:
    return datetime(2026, month, day, hour, 0)


def _open(folder: Path, clock: Clock, name: str, role: str) -> Tracker:
    tracker = Tracker.open(folder, curriculum_dir(), clock=clock)
    tracker.set_setting("learner_name", name)
    tracker.set_target_roles(role)
    return tracker


def _done(tracker: Tracker, ids: tuple[str, ...]) -> None:
    for item_id in ids:
        tracker.set_status(item_id, "done")


def _export(tracker: Tracker, target: Path) -> Path:
    return export(tracker.snapshot(), "json", target).path


def _score(tracker: Tracker, role: str) -> float:
    return round(tracker.readiness().role(role).score, 1)


def _ada(root: Path) -> tuple[Path, Path, tuple[float, float]]:
    """On track: 10 h a week from 16 Feb; 35.5 h done by 12 Mar, when the plan expects
    24 / 7 * 10 = 34.3 h. Two milestones with links, one verified by her mentor."""
    clock = Clock(_at(2, 16, 9))
    with _open(root / "ada", clock, "Ada", LLM) as t:
        t.set_plan(date(2026, 2, 16), 10)
        clock.now = _at(2, 20)
        _done(t, W01)
        t.mark_sent(clock.now)  # older than the first export: the change is not from here
        clock.now = _at(3, 1)
        first = _export(t, root / "ada-2026-03-01.json")
        before = _score(t, LLM)
        clock.now = _at(3, 9)
        _done(t, W02_TASKS + W02_REST + W02_MILESTONES)
        for milestone in W02_MILESTONES:
            t.add_evidence(milestone, f"https://example.org/ada/{milestone}")
        feedback = root / "ada-feedback.json"
        write_feedback(
            feedback_payload(
                written_at=_at(3, 9, 21),
                learner_id=t.learner_id,
                learner_name="Ada",
                mentor_name="Grace",
                verified=[(W02_MILESTONES[0], _at(3, 9, 21))],
            ),
            feedback,
        )
        clock.now = _at(3, 10, 9)
        t.import_feedback(read_feedback(feedback))
        t.log_study(W02_TASKS[0], 90, started_at=_at(3, 3, 18))
        t.log_study(W02_REST[0], 120, started_at=_at(3, 7, 10))
        t.log_study(W02_MILESTONES[1], 60, started_at=_at(3, 10, 20))  # ends 10 Mar, 21:00
        clock.now = EVENING
        second = _export(t, root / "ada-2026-03-12.json")
        return first, second, (before, _score(t, LLM))


def _bo(root: Path) -> tuple[Path, float, float]:
    """Behind: 10 h a week from 5 Jan; by 12 Mar the plan expects 66 / 7 * 10 = 94.3 h and he
    has done 27 h. He still studies (an hour on 11 Mar)."""
    clock = Clock(_at(1, 5, 9))
    with _open(root / "bo", clock, "Bo", PRODUCT) as t:
        t.set_plan(date(2026, 1, 5), 10)
        clock.now = _at(1, 20)
        _done(t, W01)
        clock.now = _at(2, 1)
        t.mark_sent(clock.now)
        sent = _score(t, PRODUCT)
        clock.now = _at(2, 15)
        _done(t, W02_TASKS)
        t.log_study(W02_TASKS[0], 120, started_at=_at(2, 15, 10))  # not in the last 14 days
        clock.now = EVENING
        t.log_study(W02_TASKS[2], 60, started_at=_at(3, 11, 20))
        return _export(t, root / "bo.json"), _score(t, PRODUCT), sent


def _cy(root: Path) -> Path:
    """Quiet: no plan, and nothing since 20 Feb at 18:00 (20 days before 12 Mar)."""
    clock = Clock(_at(2, 10))
    with _open(root / "cy", clock, "Cy", APPLIED) as t:
        _done(t, W01[:5])
        clock.now = _at(2, 20, 18)
        t.log_study(W01[5], 45, started_at=_at(2, 20, 17))
        _done(t, W01[5:6])
        clock.now = EVENING
        return _export(t, root / "cy.json")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    root = tmp_path_factory.mktemp("cohort")
    ada_first, ada, ada_scores = _ada(root)
    bo, bo_now, bo_sent = _bo(root)
    cy = _cy(root)
    with Tracker.open(root / "counting", curriculum_dir()) as t:
        counted = len(t.counted.items)
    return Exports(ada_first, ada, bo, cy, counted, ada_scores, bo_now, bo_sent)


def _rows(*paths: Path) -> list[CohortRow]:
    return cohort_rows([read_export(p) for p in paths], TODAY)


def _percent(done: int, total: int) -> float:
    return round(100 * done / total, 1)


def _read_csv(target: Path) -> list[list[str]]:
    with target.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


# --- three learners, hand-computed -------------------------------------------------------------
def test_the_learner_on_track_with_two_exports(exports: Exports) -> None:
    (ada,) = _rows(exports.ada_march_1, exports.ada)  # two files of one learner: one row
    before, now = exports.ada_readiness
    assert now > before
    assert ada == CohortRow(
        learner="Ada",
        overall=_percent(15, exports.items_counted),  # w01 and w02: 8 + 7 items
        role="LLM / AI Engineer",
        readiness=now,
        study_hours=4.5,  # 90 + 120 + 60 minutes, all after 26 Feb
        last_activity=_at(3, 10, 21),  # the last session's end
        exported=EVENING,
        path=exports.ada,
        learner_id=ada.learner_id,
        schema=3,
        pace="on track",
        behind_hours=0.0,
        plan_balance=1.2,  # 35.5 h done - 34.3 h expected
        change=round(now - before, 1),  # from the 1 March export, not the report sent 20 Feb
        compared_with=Comparison("export", _at(3, 1), "ada-2026-03-01.json"),
        days_quiet=2,
        milestones=Milestones(done=2, verified=1, self_reported=1),
    )
    assert ada.learner_id and not ada.needs_attention and ada.attention_reasons() == []
    texts = [text for text, _ in ada.cells()]
    assert texts[COLUMNS.index("Pace")] == "On track"
    assert texts[COLUMNS.index("Milestones")] == "2 (1 verified, 1 self-reported)"
    assert texts[COLUMNS.index("Needs attention")] == ""
    assert texts[COLUMNS.index("File")] == "ada-2026-03-12.json"


def test_the_learner_behind_plan_is_flagged_with_the_hours(exports: Exports) -> None:
    (bo,) = _rows(exports.bo)
    assert (bo.learner, bo.role, bo.pace) == ("Bo", "AI Product Engineer", "behind")
    assert bo.overall == _percent(11, exports.items_counted)  # w01 and three w02 tasks
    assert bo.behind_hours == 67.3  # 94.3 h expected - 27 h done
    assert bo.plan_balance == -67.3
    assert bo.study_hours == 1.0  # the 2-hour session on 15 Feb is older than 14 days
    assert bo.last_activity == _at(3, 11, 21) and bo.days_quiet == 1  # the session counts
    assert bo.milestones == Milestones(0, 0, 0)
    # No earlier file of his was opened: the change is since the report he marked as sent.
    assert bo.change == round(exports.bo_readiness - exports.bo_readiness_sent, 1)
    assert bo.compared_with == Comparison("sent", _at(2, 1))
    assert bo.needs_attention and bo.attention_reasons() == ["Behind by 67 h"]
    texts = [text for text, _ in bo.cells()]
    assert texts[COLUMNS.index("Pace")] == "Behind by 67 h"
    assert texts[COLUMNS.index("Needs attention")] == "Behind by 67 h"


def test_the_quiet_learner_is_flagged_with_the_days(exports: Exports) -> None:
    (cy,) = _rows(exports.cy)
    assert (cy.learner, cy.pace, cy.plan_balance) == ("Cy", "no plan", None)
    assert cy.last_activity == _at(2, 20, 18) and cy.days_quiet == 20
    assert cy.study_hours == 0.0
    assert cy.change is None and cy.compared_with is None  # nothing to compare with
    assert cy.attention_reasons() == ["Quiet for 20 days"]
    texts = [text for text, _ in cy.cells()]
    assert texts[COLUMNS.index("Pace")] == "No plan"
    assert texts[COLUMNS.index("Change")] == MISSING
    assert texts[COLUMNS.index("Days since last activity")] == "20"


def test_quiet_is_counted_to_the_day_the_mentor_looks(exports: Exports) -> None:
    data = read_export(exports.ada)
    assert cohort_row(data, TODAY).days_quiet == 2
    almost = cohort_row(data, TODAY + timedelta(days=11))
    assert almost.days_quiet == 13 and almost.attention_reasons() == []
    two_weeks = cohort_row(data, TODAY + timedelta(days=12))
    assert two_weeks.attention_reasons() == ["Quiet for 14 days"]  # 14 days and more
    late = cohort_row(data, TODAY + timedelta(days=19))
    assert late.attention_reasons() == ["Quiet for 21 days"]
    assert cohort_row(data).days_quiet == 2  # without a day: as of the export


def test_the_summary_line_counts_the_learners_who_need_attention(exports: Exports) -> None:
    rows = _rows(exports.ada, exports.bo, exports.cy, exports.ada_march_1)
    assert [r.learner for r in rows] == ["Ada", "Bo", "Cy"]
    assert attention_summary(rows) == "2 of 3 learners need attention"
    assert attention_summary(rows[:2]) == "1 of 2 learners needs attention"
    assert attention_summary(rows[:1]) == "No learner needs attention"


def test_files_without_an_id_are_the_same_learner_by_name(exports: Exports, tmp_path: Path) -> None:
    older = _old_schema(exports.ada_march_1, tmp_path / "ada-old.json")
    newer = _old_schema(exports.ada, tmp_path / "ada-new.json")
    (ada,) = cohort_rows([read_export(newer), read_export(older)], TODAY)
    before, now = exports.ada_readiness
    assert ada.path == newer and ada.change == round(now - before, 1)
    assert ada.compared_with == Comparison("export", _at(3, 1), "ada-old.json")


def test_the_same_name_with_another_id_is_another_learner(exports: Exports) -> None:
    data = read_export(exports.ada)
    twin = ExportData(**{**_fields(data), "learner_id": "another-ada", "path": Path("twin.json")})
    rows = cohort_rows([data, twin], TODAY)
    assert [r.path.name for r in rows] == ["ada-2026-03-12.json", "twin.json"]


# --- older exports -----------------------------------------------------------------------------
SCHEMA_3_KEYS = ("pace", "study_minutes_last_14_days", "last_sent", "milestones")


def _old_schema(source: Path, target: Path) -> Path:
    """A schema-3 export written as Cairn wrote schema 2: without the learner id, plan,
    feedback, pace, recent study, last report sent and milestones by proof."""
    top = json.loads(source.read_text(encoding="utf-8"))
    del top["learner"]["id"], top["plan"], top["feedback"]
    for key in SCHEMA_3_KEYS:
        del top["summary"][key]
    top["schema"] = 2
    target.write_text(json.dumps(top), encoding="utf-8")
    return target


def test_an_older_export_is_never_flagged_for_what_it_cannot_say(
    exports: Exports, tmp_path: Path
) -> None:
    (bo,) = _rows(_old_schema(exports.bo, tmp_path / "bo-schema-2.json"))
    assert (bo.schema, bo.learner_id, bo.pace, bo.plan_balance) == (2, "", "", None)
    assert (bo.study_hours, bo.milestones, bo.change) == (None, None, None)
    assert not bo.needs_attention and bo.attention_reasons() == []
    texts = [text for text, _ in bo.cells()]
    assert texts[COLUMNS.index("Pace")] == MISSING  # unknown, not "behind" nor "no plan"
    assert texts[COLUMNS.index("Hours (last 14 days)")] == MISSING
    assert texts[COLUMNS.index("Milestones")] == MISSING
    assert texts[COLUMNS.index("Needs attention")] == ""
    assert bo.overall == _percent(11, exports.items_counted) and bo.days_quiet == 1


def test_missing_or_odd_numbers_show_a_dash_and_sort_below_every_number(
    exports: Exports,
) -> None:
    data = read_export(exports.ada)
    odd = {
        "overall": "lots",
        "roles": [{"id": LLM, "readiness": True}],
        "last_activity": 7,
        "pace": {"state": "sideways"},
        "study_minutes_last_14_days": "many",
        "milestones": {"done": -1},
        "last_sent": {"at": "yesterday"},
    }
    fields = {**_fields(data), "summary": odd, "learner_name": "", "items": (), "sessions": ()}
    fields.update(notes=(), evidence=(), readings=())
    row = cohort_row(ExportData(**{**fields, "path": Path("bo-export.json")}), TODAY)
    assert row.learner == "bo-export"  # no name: the file's name
    assert (row.overall, row.readiness, row.study_hours, row.change) == (None, None, None, None)
    assert (row.pace, row.last_activity, row.days_quiet, row.milestones) == ("", None, None, None)
    assert not row.needs_attention
    texts = [text for text, _ in row.cells()]
    assert texts[COLUMNS.index("Primary role")] == LLM  # a role without a name: its id
    assert {texts[c] for c in (2, 3, 5, 6, 7, 8, 9, 10)} == {MISSING}
    keys = row.sort_keys()
    assert all(keys[c] == MISSING_KEY for c in (2, 3, 5, 6, 7, 8, 9))
    assert MISSING_KEY < -1000.0  # below a change of -1000 points


def _fields(data: ExportData) -> dict[str, Any]:
    return {name: getattr(data, name) for name in data.__dataclass_fields__}


# --- CSV ---------------------------------------------------------------------------------------
def test_csv_has_the_tables_columns_flags_and_plain_numbers(
    exports: Exports, tmp_path: Path
) -> None:
    rows = _rows(exports.cy, exports.ada, exports.bo)
    target = tmp_path / "cohort.csv"
    write_csv(rows, target)
    lines = _read_csv(target)
    assert lines[0] == list(CSV_COLUMNS)
    assert lines[0][:4] == ["Learner", "Needs attention", "Overall %", "Pace"]
    assert lines[0][9:12] == ["Milestones done", "Milestones verified", "Milestones self-reported"]
    assert [line[0] for line in lines[1:]] == ["Cy", "Ada", "Bo"]  # in the order given
    by_name = {line[0]: dict(zip(lines[0], line, strict=True)) for line in lines[1:]}
    ada, bo, cy = by_name["Ada"], by_name["Bo"], by_name["Cy"]
    assert cy["Needs attention"] == "Quiet for 20 days" and cy["Pace"] == "No plan"
    assert bo["Needs attention"] == "Behind by 67 h" and bo["Pace"] == "Behind by 67 h"
    assert ada["Needs attention"] == "" and ada["Pace"] == "On track"
    assert ada["Hours (last 14 days)"] == "4.5" and ada["Days since last activity"] == "2"
    assert (ada["Milestones done"], ada["Milestones verified"]) == ("2", "1")
    assert ada["Milestones self-reported"] == "1"
    assert ada["Change"] == f"{round(exports.ada_readiness[1] - exports.ada_readiness[0], 1):.1f}"
    assert ada["Last activity"] == "2026-03-10" and ada["Exported"] == "2026-03-12"
    assert ada["File"] == "ada-2026-03-12.json"
    assert cy["Change"] == MISSING


def test_hostile_learner_names_are_inert_in_csv(exports: Exports, tmp_path: Path) -> None:
    data = read_export(exports.cy)
    evil = '=HYPERLINK("http://example.invalid","x")'
    summary = {**data.summary, "roles": [{"id": APPLIED, "name": "@SUM(A1)", "readiness": 1}]}
    rows = cohort_rows(
        [
            ExportData(**{**_fields(data), "learner_name": evil, "learner_id": "a"}),
            ExportData(**{**_fields(data), "learner_name": "<b>Bold</b>", "learner_id": "b"}),
            ExportData(**{**_fields(data), "summary": summary, "learner_id": "c"}),
        ],
        TODAY,
    )
    target = tmp_path / "cohort.csv"
    write_csv(rows, target)
    lines = _read_csv(target)
    assert lines[1][0] == "'" + evil
    assert lines[2][0] == "<b>Bold</b>"  # plain text: a spreadsheet shows it as written
    assert lines[3][4] == "'@SUM(A1)"
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for line in lines for cell in line)


def test_every_text_cell_passes_the_formula_guard(exports: Exports) -> None:
    data = read_export(exports.cy)
    hostile = ExportData(**{**_fields(data), "path": Path("-cmd.json"), "learner_name": "+x"})
    (line,) = csv_rows(cohort_rows([hostile], TODAY))[1:]
    assert line[0] == "'+x" and line[-1] == "'-cmd.json"


def test_only_text_that_looks_like_a_formula_is_changed() -> None:
    assert [csv_cell(t) for t in ("Ada", "-1.5", "+3", "-x", "\tA", "—")] == [
        "Ada",
        "-1.5",
        "+3",
        "'-x",
        "'\tA",
        "—",
    ]
