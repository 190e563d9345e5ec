"""A learner's summary opened read-only (the mentor view), kept apart from the mentor's data.

The export is loaded into a throwaway database in a temporary folder, removed on close; the
tracker refuses every change with a message saying whose progress this is. This module sits
above the tracker: the reports below it only read and plan.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .content import Curriculum
from .reports.importer import ExportData, plan_merge, read_export
from .tracker import Tracker


def open_summary(path: Path, curriculum: Curriculum) -> tuple[Tracker, ExportData]:
    """Open an export read-only against `curriculum` (the mentor's own content)."""
    data = read_export(path)
    folder = Path(tempfile.mkdtemp(prefix="cairn-summary-"))
    name = data.learner_name or "another learner"
    try:
        tracker = Tracker.open_snapshot(
            folder,
            curriculum,
            lambda empty: plan_merge(empty, data),
            read_only_reason=f"this is {name}'s progress, opened from a summary; it is read-only",
            on_close=lambda: shutil.rmtree(folder, ignore_errors=True),
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return tracker, data
