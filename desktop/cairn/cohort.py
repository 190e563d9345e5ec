"""Several learners side by side: one row of summary numbers per exported file, and the same
rows as CSV. Pure: no Qt, no database, no tracker; the rows come from validated exports.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .reports.importer import ExportData

COLUMNS = (
    "Learner",
    "Overall %",
    "Primary role",
    "Readiness",
    "Study, last 4 weeks (h)",
    "Last activity",
    "Exported",
    "File",
)
MISSING = "—"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads these as a formula


@dataclass(frozen=True, slots=True)
class CohortRow:
    """One learner's numbers, read from their export (None where the export has none)."""

    learner: str
    overall: float
    role: str
    readiness: float | None
    study_hours: float | None
    last_activity: str
    exported: str
    path: Path

    def cells(self) -> list[tuple[str, object]]:
        """(text shown, value sorted by) for each column; missing numbers sort first."""

        def number(value: float | None, fmt: str) -> tuple[str, object]:
            return (MISSING, -1.0) if value is None else (format(value, fmt), value)

        return [
            (self.learner, self.learner.lower()),
            number(self.overall, ".1f"),
            (self.role or MISSING, self.role),
            number(self.readiness, ".1f"),
            number(self.study_hours, ".1f"),
            (self.last_activity or MISSING, self.last_activity),
            (self.exported, self.exported),
            (self.path.name, self.path.name),
        ]


def _number(value: object) -> float | None:
    """A JSON number as a float; anything else (booleans included) as None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def cohort_row(data: ExportData) -> CohortRow:
    """A learner's row from the summary numbers their export carries; a missing or odd value
    shows as missing rather than failing the whole cohort."""
    summary = data.summary
    overall = summary.get("overall")
    overall = overall if isinstance(overall, dict) else {}
    roles = [r for r in summary.get("roles", []) or [] if isinstance(r, dict)]
    primary = next((r for r in roles if r.get("id") == data.primary_role), None)
    study = _number(summary.get("study_minutes_last_four_weeks"))
    last = summary.get("last_activity")
    return CohortRow(
        learner=data.learner_name or data.path.stem,
        overall=_number(overall.get("percent")) or 0.0,
        role=str(primary.get("name", "")) if primary else "",
        readiness=_number(primary.get("readiness")) if primary else None,
        study_hours=round(study / 60, 1) if study is not None else None,
        last_activity=str(last)[:10] if isinstance(last, str) else "",
        exported=f"{data.exported_at:%Y-%m-%d}",
        path=data.path,
    )


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


def csv_rows(rows: Sequence[CohortRow]) -> list[list[str]]:
    """The header and one line per learner, in the order given, as the CSV holds them."""
    return [list(COLUMNS), *([csv_cell(text) for text, _ in row.cells()] for row in rows)]


def write_csv(rows: Sequence[CohortRow], target: Path) -> None:
    """Write the rows, in the order given, as UTF-8 CSV with a header line."""
    with open(target, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(csv_rows(rows))
