"""A cohort's rows and CSV, from exported summaries, without a window."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from cairn.cohort import COLUMNS, CohortRow, cohort_row, csv_cell, write_csv
from cairn.reports.importer import ExportData

SUMMARY: dict[str, Any] = {
    "overall": {"done": 12, "total": 40, "percent": 30.0},
    "roles": [
        {"id": "builder", "name": "Builder", "readiness": 41.25},
        {"id": "explainer", "name": "Explainer", "readiness": 12.0},
    ],
    "study_minutes_last_four_weeks": 605,
    "last_activity": "2026-03-01T18:30:00Z",
}


def _export(path: Path, name: str = "Ada", summary: dict[str, Any] | None = None) -> ExportData:
    return ExportData(
        path=path,
        exported_at=datetime(2026, 3, 2, 9, 0),
        learner_name=name,
        primary_role="builder",
        target_roles=("builder",),
        curriculum_version="1",
        curriculum_hash="",
        items=(),
        notes=(),
        evidence=(),
        readings=(),
        sessions=(),
        questions="",
        next_goals="",
        summary=SUMMARY if summary is None else summary,
    )


def _read(target: Path) -> list[list[str]]:
    with target.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_a_row_shows_the_primary_roles_readiness_and_recent_study(tmp_path: Path) -> None:
    row = cohort_row(_export(tmp_path / "ada.json"))
    assert row == CohortRow(
        learner="Ada",
        overall=30.0,
        role="Builder",
        readiness=41.25,
        study_hours=10.1,  # 605 minutes
        last_activity="2026-03-01",
        exported="2026-03-02",
        path=tmp_path / "ada.json",
    )
    assert [text for text, _ in row.cells()] == [
        "Ada",
        "30.0",
        "Builder",
        "41.2",
        "10.1",
        "2026-03-01",
        "2026-03-02",
        "ada.json",
    ]


def test_missing_or_odd_numbers_show_a_dash_and_sort_below_every_number(tmp_path: Path) -> None:
    odd = {"overall": "lots", "roles": [{"id": "builder", "readiness": True}], "last_activity": 7}
    row = cohort_row(_export(tmp_path / "bo-export.json", name="", summary=odd))
    assert row.learner == "bo-export"  # no name: the file's name
    assert (row.overall, row.readiness, row.study_hours, row.last_activity) == (0.0, None, None, "")
    cells = row.cells()
    assert [text for text, _ in cells[2:6]] == ["—", "—", "—", "—"]
    assert cells[3][1] == -1.0 and cells[4][1] == -1.0


def test_csv_has_a_header_and_the_rows_in_the_order_given(tmp_path: Path) -> None:
    rows = [cohort_row(_export(tmp_path / f"{n}.json", name=n)) for n in ("Cy", "Ada", "Bo")]
    target = tmp_path / "cohort.csv"
    write_csv(rows, target)
    lines = _read(target)
    assert lines[0] == list(COLUMNS)
    assert [line[0] for line in lines[1:]] == ["Cy", "Ada", "Bo"]
    assert lines[2] == [
        "Ada",
        "30.0",
        "Builder",
        "41.2",
        "10.1",
        "2026-03-01",
        "2026-03-02",
        "Ada.json",
    ]


def test_a_learner_name_a_spreadsheet_would_run_is_written_as_text(tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://example.invalid","x")'
    summary = dict(SUMMARY, roles=[{"id": "builder", "name": "@SUM(A1)", "readiness": 1}])
    target = tmp_path / "cohort.csv"
    write_csv([cohort_row(_export(tmp_path / "e.json", name=evil, summary=summary))], target)
    line = _read(target)[1]
    assert line[0] == "'" + evil and line[2] == "'@SUM(A1)"
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for cell in line)


def test_only_text_that_looks_like_a_formula_is_changed() -> None:
    assert [csv_cell(t) for t in ("Ada", "-1.5", "+3", "-x", "\tA", "—")] == [
        "Ada",
        "-1.5",
        "+3",
        "'-x",
        "'\tA",
        "—",
    ]
