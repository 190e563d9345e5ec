"""The mentor's cohort window: five learners from real exports, who needs attention and why,
sorting by value, numbers right-aligned, hostile names shown as written, Enter opens one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from cairn.cohort import COLUMNS, NUMBER_COLUMNS, CohortRow, cohort_rows
from cairn.gui.sharing.cohort import (
    SORT_ROLE,
    CohortWindow,
    attention_text,
    attention_tint,
    pace_text,
)
from cairn.gui.widgets.theme import contrast_ratio, palette_for
from cairn.locations import curriculum_dir
from cairn.reports.export import export
from cairn.reports.importer import read_export
from cairn.tracker import Tracker
from clocks import EVENING, Clock

TODAY = EVENING.date()
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
W02 = (  # 18 h
    "sql-for-ml-data",
    "statistics-bootstrap-ci",
    "llm-api-first-calls",
    "structured-outputs-three-providers",
    "check-w02-arrays-and-noise",
    "warmup-extraction-corpus-and-schema",
    "warmup-extraction-first-extractor",
)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Story:
    """A learner's few weeks: who, their plan, what they finished when, a study session."""

    name: str
    role: str
    plan: tuple[date, float] | None
    done_at: datetime
    done: tuple[str, ...]
    studied_at: datetime
    first_export_at: datetime | None = None  # an earlier export, after the first week


D = datetime
STORIES = (
    Story("Ada", "llm-engineer", (date(2026, 2, 16), 10), D(2026, 3, 9), W01 + W02,
          D(2026, 3, 10, 20), first_export_at=D(2026, 3, 1)),
    Story("Bo", "ai-product-engineer", (date(2026, 1, 5), 10), D(2026, 2, 15), W01,
          D(2026, 3, 11, 20)),
    Story("Cy", "applied-ml-engineer", None, D(2026, 2, 20, 18), W01[:6], D(2026, 2, 20, 17)),
    Story("Dee", "llm-engineer", (date(2026, 3, 2), 6), D(2026, 3, 11), W01 + W02,
          D(2026, 3, 12, 8)),
    Story("Eve", "applied-scientist", (date(2026, 2, 2), 8), D(2026, 3, 5), W01,
          D(2026, 3, 6, 9)),
)  # fmt: skip


def _export(root: Path, story: Story, name: str | None = None) -> list[Path]:
    """The learner's exports, oldest first."""
    clock = Clock(datetime(2026, 1, 2, 9))
    files = []
    with Tracker.open(root / story.name, curriculum_dir(), clock=clock) as t:
        t.set_setting("learner_name", name or story.name)
        t.set_target_roles(story.role)
        if story.plan:
            t.set_plan(*story.plan)
        if story.first_export_at:
            clock.now = story.first_export_at
            for item_id in W01:
                t.set_status(item_id, "done")
            first = root / f"{story.name.lower()}-{clock.now:%Y-%m-%d}.json"
            files.append(export(t.snapshot(), "json", first).path)
        clock.now = story.done_at
        for item_id in story.done:
            t.set_status(item_id, "done")
        clock.now = EVENING
        t.log_study(story.done[0], 60, started_at=story.studied_at)
        files.append(export(t.snapshot(), "json", root / f"{story.name.lower()}.json").path)
    return files


def _as_schema_2(path: Path) -> Path:
    """The export as an older Cairn wrote it: no id, plan, feedback, pace or new summary keys."""
    top = json.loads(path.read_text(encoding="utf-8"))
    del top["learner"]["id"], top["plan"], top["feedback"]
    for key in ("pace", "study_minutes_last_14_days", "last_sent", "milestones"):
        del top["summary"][key]
    top["schema"] = 2
    path.write_text(json.dumps(top), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cohort_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Ada on track, Bo behind, Cy quiet for 20 days, Dee ahead, and Eve from an older Cairn
    (she is behind her plan, but her export cannot say so). Ada exported twice."""
    root = tmp_path_factory.mktemp("cohort-gui")
    paths = [path for story in STORIES for path in _export(root, story)]
    _as_schema_2(paths[-1])
    return paths  # six files: Ada exported twice


def _rows(paths: list[Path]) -> list[CohortRow]:
    return cohort_rows([read_export(p) for p in paths], TODAY)


@pytest.fixture
def cohort(qtbot, cohort_files: list[Path]) -> CohortWindow:  # type: ignore[no-untyped-def]
    window = CohortWindow(_rows(cohort_files))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _column(name: str) -> int:
    return COLUMNS.index(name)


def _shown(window: CohortWindow, column: str) -> list[str]:
    return [window.proxy.index(r, _column(column)).data() for r in range(window.proxy.rowCount())]


def test_the_model_keeps_qts_rules(qtmodeltester, cohort: CohortWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(cohort.model)
    qtmodeltester.check(cohort.proxy)


def test_who_needs_attention_and_why(cohort: CohortWindow) -> None:
    assert cohort.model.rowCount() == 5  # six files, five learners
    assert cohort.attention.text() == "2 of 5 learners need attention"
    assert cohort.attention.isVisible() and cohort.attention_icon.isVisible()
    by_name = dict(zip(_shown(cohort, "Learner"), _shown(cohort, "Needs attention"), strict=True))
    assert by_name == {
        "Ada": "",
        "Bo": "Behind by 77 h",  # 66 / 7 * 10 = 94.3 h expected, 17.5 h done
        "Cy": "Quiet for 20 days",
        "Dee": "",
        "Eve": "",  # her older export says no pace: not flagged on a guess
    }
    paces = dict(zip(_shown(cohort, "Learner"), _shown(cohort, "Pace"), strict=True))
    assert paces == {
        "Ada": "On track",
        "Bo": "Behind by 77 h",
        "Cy": "No plan",
        "Dee": "Ahead",
        "Eve": "—",
    }
    for row in cohort.rows:  # the window's words are the CSV's words
        assert attention_text(row) == " · ".join(row.attention_reasons())
        assert pace_text(row) == row.pace_text()


def test_a_flagged_row_is_tinted_and_marked_and_readable_in_both_themes(
    cohort: CohortWindow,
) -> None:
    flagged = {r: cohort.model.rows[r].needs_attention for r in range(cohort.model.rowCount())}
    for row, needs in flagged.items():
        mark = cohort.model.index(row, _column("Needs attention"))
        background = cohort.model.index(row, _column("Learner")).data(
            Qt.ItemDataRole.BackgroundRole
        )
        assert (background is not None) == needs
        icon = mark.data(Qt.ItemDataRole.DecorationRole)
        assert (icon is not None and not icon.isNull()) == needs
    for theme in ("light", "dark"):
        palette = palette_for(theme)
        tint = attention_tint(palette).name()
        assert tint != palette.color(QPalette.ColorRole.Base).name()
        assert contrast_ratio(palette.color(QPalette.ColorRole.Text).name(), tint) >= 4.5


def test_sorting_by_days_since_activity_puts_the_quiet_learner_first(
    cohort: CohortWindow,
) -> None:
    cohort.table.sortByColumn(_column("Days since last activity"), Qt.SortOrder.DescendingOrder)
    assert cohort.sorted_rows()[0].learner == "Cy"
    assert _shown(cohort, "Days since last activity")[0] == "20"
    cohort.table.sortByColumn(_column("Pace"), Qt.SortOrder.AscendingOrder)
    # No pace first (Cy has no plan, Eve's export cannot say), then the furthest behind.
    assert [r.learner for r in cohort.sorted_rows()][2:] == ["Bo", "Ada", "Dee"]


def test_numbers_sort_by_value_not_by_text(cohort: CohortWindow) -> None:
    column = _column("Hours (last 14 days)")
    cohort.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    keys = [cohort.proxy.index(r, column).data(SORT_ROLE) for r in range(5)]
    assert keys == sorted(keys) and keys[0] == float("-inf")  # Eve's older file: missing first
    assert _shown(cohort, "Hours (last 14 days)")[0] == "—"


def test_numbers_are_right_aligned_and_text_left_aligned(cohort: CohortWindow) -> None:
    model = cohort.model
    for column in range(len(COLUMNS)):
        wanted = RIGHT if column in NUMBER_COLUMNS else LEFT
        for row in range(model.rowCount()):
            cell = model.index(row, column).data(Qt.ItemDataRole.TextAlignmentRole)
            assert cell == wanted, COLUMNS[column]
    assert {COLUMNS[c] for c in NUMBER_COLUMNS} >= {
        "Overall %",
        "Readiness",
        "Change",
        "Hours (last 14 days)",
        "Days since last activity",
    }


def test_every_column_has_a_readable_header_and_a_tooltip(cohort: CohortWindow) -> None:
    header = cohort.table.horizontalHeader()
    for column in range(len(COLUMNS)):
        title = str(cohort.model.headerData(column, Qt.Orientation.Horizontal))
        tip = str(
            cohort.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        )
        assert title and len(tip) > len(title)
        needed = max(header.sectionSizeHint(column), cohort.table.sizeHintForColumn(column))
        assert header.sectionSize(column) >= needed, title  # neither title nor cell cut off


def test_enter_opens_the_learner_shown_in_the_row(qtbot, cohort: CohortWindow) -> None:  # type: ignore[no-untyped-def]
    cohort.table.sortByColumn(_column("Learner"), Qt.SortOrder.AscendingOrder)
    cohort.table.setFocus()
    cohort.table.setCurrentIndex(cohort.proxy.index(2, 0))
    with qtbot.waitSignal(cohort.open_requested) as opened:
        qtbot.keyClick(cohort.table, Qt.Key.Key_Return)
    assert Path(opened.args[0]).name == "cy.json"


def test_hostile_names_are_shown_as_written(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    evil = '=HYPERLINK("http://example.invalid","x")'
    story = STORIES[0]
    paths = [
        _export(tmp_path / "one", story, evil)[-1],
        _export(tmp_path / "two", story, "<b>Bold</b>")[-1],
    ]
    window = CohortWindow(_rows(paths))
    qtbot.addWidget(window)
    names = _shown(window, "Learner")
    assert sorted(names) == sorted([evil, "<b>Bold</b>"])
    for row in range(window.model.rowCount()):
        for column in range(len(COLUMNS)):
            tip = window.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            assert tip is None or "<b>" not in tip
    assert type(window.table.itemDelegate()) is QStyledItemDelegate  # it draws plain text


def test_the_change_is_since_the_learners_earlier_export(cohort: CohortWindow) -> None:
    changes = dict(zip(_shown(cohort, "Learner"), _shown(cohort, "Change"), strict=True))
    assert changes["Ada"].startswith("+") and changes["Bo"] == "—"
    ada = next(r for r in range(5) if cohort.model.rows[r].learner == "Ada")
    tip = cohort.model.index(ada, _column("Change")).data(Qt.ItemDataRole.ToolTipRole)
    assert "ada-2026-03-01.json" in tip and "1 Mar 2026" in tip
    assert cohort.model.rows[ada].path.name == "ada.json"  # the newest file gives the row
