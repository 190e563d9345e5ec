"""Merging a learner's JSON export into their progress: planned purely against a fresh
snapshot (cairn.reports.importer), then backed up and applied in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..snapshot import ProgressSnapshot
from ..store.backup import backup_to
from ..store.errors import explain
from ..store.folder_lock import one_at_a_time
from .reads import ProgressReads
from .values import Change

if TYPE_CHECKING:
    from ..reports.feedback import FeedbackData
    from ..reports.importer import ExportData, ImportReport
    from ..reports.incoming import FeedbackReport


class ImportPlanLike(Protocol):
    """What the tracker needs of a merge plan (see cairn.reports.importer.ImportPlan)."""

    @property
    def empty(self) -> bool: ...


PlanT = TypeVar("PlanT", bound=ImportPlanLike)


class Importing(ProgressReads):
    """Applying an import plan; the planning itself is pure and sits below the tracker."""

    def apply_import(
        self, plan_for: Callable[[ProgressSnapshot], PlanT]
    ) -> tuple[PlanT, Path | None]:
        """Plan an import with `plan_for` against a fresh snapshot and, unless the plan changes
        nothing, back up and apply it in one transaction, then re-read. One import at a time
        per data folder (each plans against what the database holds). Returns the plan and
        the backup made."""
        with one_at_a_time(self.database_path.parent, "import"):
            plan = plan_for(self.snapshot())
            if plan.empty:
                return plan, None
            try:
                backup = backup_to(self.database_path, self.backup_dir, reason="before-import")
            except (sqlite3.Error, OSError) as error:  # no backup, no import: said in words
                raise explain(
                    self.database_path,
                    error,
                    doing="the backup before the import (so nothing was imported)",
                ) from error
            self._database.apply_import(plan)
            self.reload()
            return plan, backup

    def import_progress(self, path: Path, *, as_restore: bool = False) -> ImportReport:
        """Validate a JSON export completely, back up, then merge it in one transaction
        (newer wins, nothing is deleted); say what was taken and what was left out.

        Raises ImportRefused naming the file and field; then nothing was changed."""
        from ..reports import importer

        return self.merge_export(importer.read_export(Path(path)), as_restore=as_restore)[0]

    def merge_export(
        self, data: ExportData, *, as_restore: bool = False
    ) -> tuple[ImportReport, Change]:
        """Back up, then merge an export already read (newer wins, nothing is deleted). The
        Change (kind 'all') names the file; its `new` is the backup made just before (None
        when the import changed nothing): restoring it takes the import back. Another
        learner's export is refused where progress exists, unless `as_restore`."""
        from ..reports import importer

        self._writable()
        plan, backup = self.apply_import(
            lambda here: importer.plan_merge(here, data, here.curriculum, as_restore=as_restore)
        )
        change = Change("all", (data.path.name,), None, str(backup) if backup else None)
        return importer.ImportReport.from_plan(plan, backup), change

    def import_feedback(self, data: FeedbackData) -> tuple[FeedbackReport, Change]:
        """Back up, then keep a mentor's feedback already read: comments, the overall note and
        verified milestones (what is already here is not added twice). Feedback for another
        learner is refused (ImportRefused) and nothing changes."""
        from ..reports import incoming

        self._writable()
        plan, backup = self.apply_import(
            lambda here: incoming.plan_feedback(here, data, here.curriculum)
        )
        change = Change("all", (data.path.name,), None, str(backup) if backup else None)
        return incoming.feedback_report(plan, data.mentor_name, backup), change
