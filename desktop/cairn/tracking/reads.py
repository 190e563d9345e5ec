"""Reading the learner's progress: the in-memory copy the views read, re-reading it when
another process changed the file, the frozen snapshot for reports, and progress, readiness,
roles, study and the timer as values."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from ..content import Curriculum
from ..plan import Pace, PlanSettings, pace
from ..progress import Progress, progress_of
from ..readiness import ReadinessModel
from ..records import (
    CommentRecord,
    EvidenceRecord,
    HistoryEntry,
    NoteRecord,
    SessionRecord,
    StatusRecord,
    VerificationRecord,
)
from ..snapshot import (
    PRIMARY_ROLE,
    SNAPSHOT_SETTINGS,
    TARGET_ROLES,
    ProgressSnapshot,
    StoredHistory,
    plan_from_setting,
    target_roles_of,
)
from ..store.database import read_stored_time
from ..timer import TimerState
from .state import TrackerState

#: Settings the window keeps for itself, not the learner's doing (never undone).
NOT_PROGRESS_SETTINGS = frozenset(
    {
        "last_view",
        "window_geometry",
        "splitter_state",
        "plan_asked",
        "last_export_at",
        "hidden_statuses",
        "last_sent",
        "learner_id",
        "feedback_seen_at",
    }
)

TIMER_SETTING = "study_timer"

#: The window's own notes that undoing an import keeps as they are (the learner id goes back
#: with the data it belongs to).
KEPT_ACROSS_UNDO = NOT_PROGRESS_SETTINGS - {"learner_id"}


class ProgressReads(TrackerState):
    """Everything the window and the command line read; nothing here writes."""

    def reload(self) -> None:
        """Re-read statuses from the database (after another process changed them)."""
        stored = self._database.status_texts()  # times read as text: parsed only for aliases
        items = self.curriculum.items
        resolved = {cid: status for cid, (status, _at) in stored.items() if cid in items}
        carried: dict[str, datetime] = {}  # a new id's status from an old id: when it was set
        for old_id, (status, at) in stored.items():
            target = self.curriculum.aliases.get(old_id)
            if target is None or target in stored:
                continue  # not an alias, or the new id has progress of its own
            moment = read_stored_time(at)
            if target not in resolved or moment > carried[target]:
                resolved[target], carried[target] = status, moment
        self._statuses = resolved
        self._stored_ids = set(stored)
        self._reading_statuses = self._database.reading_statuses()
        self._evidence_ids = self._database.evidence_ids()
        self._notes_seen = {cid: (n.body, n.private) for cid, n in self._database.notes().items()}
        chosen = {g: c.options for g, c in self._database.choices().items() if c.options}
        if chosen != self._chosen:  # the same choices count the same items: keep that object
            self._counted = None
        self._chosen = chosen
        self._verified = self._database.verified()
        self._comments = self._database.comments()
        self._readiness_model = None

    @property
    def counted(self) -> Curriculum:
        """The curriculum as it counts for this learner: without the options of a choice group
        they did not choose (an open choice counts as its cheapest option). Every total,
        percentage, readiness score and plan is computed from it; the checklist shows all."""
        if self._counted is None:
            self._counted = self.curriculum.counted(self._chosen)
        return self._counted

    def chosen(self, group_id: str) -> tuple[str, ...]:
        """The options chosen in a choice group (none while the choice is open)."""
        return self._chosen.get(group_id, ())

    def choices(self) -> dict[str, tuple[str, ...]]:
        """Every choice made: group id -> the options chosen."""
        return dict(self._chosen)

    def stored_choice(self, group_id: str) -> tuple[str, ...]:
        """A group's chosen options as the file holds them now."""
        held = self._database.choices().get(group_id)
        return held.options if held is not None else ()

    def _snapshot(self) -> tuple[object, ...]:
        """What the learner sees, as last read (notes too: comparing against a fresh read
        would miss a note another process just changed)."""
        return (
            dict(self._statuses),
            dict(self._reading_statuses),
            set(self._evidence_ids),
            dict(self._notes_seen),
            dict(self._chosen),
            dict(self._verified),
            len(self._comments),
        )

    def reload_if_changed(self) -> bool:
        """Re-read if another process committed since the last look; True if anything the
        learner sees changed."""
        version = self._database.data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        before = self._snapshot()
        self.reload()
        return self._snapshot() != before

    def snapshot(self, *, with_history: bool = True) -> ProgressSnapshot:
        """The learner's progress now, frozen: what reports, exports and the import planner
        read. Statuses come from the in-memory copy; everything else from one read each.
        Without `with_history` every status event is left out (a summary needs only when each
        item was last marked done, which one aggregate gives; the JSON export and the import
        planner need them all)."""
        db = self._database
        return ProgressSnapshot(
            curriculum=self.curriculum,
            choice_records=db.choices(),
            now=self.now(),
            statuses=self._statuses,
            records=db.statuses(),
            reading_records=db.reading_records(),
            history=StoredHistory(db.history_rows()) if with_history else {},
            last_done=None if with_history else db.last_done(),  # else from the history
            notes=db.notes(),
            evidence=tuple(db.evidence()),
            sessions=tuple(db.sessions()),
            settings={key: db.setting(key) for key in SNAPSHOT_SETTINGS},
            comments=tuple(db.comments()),
            verified=db.verified(),
            data_folder=self.data_folder,
            backup_dir=self.backup_dir,
        )

    # --- statuses, notes, evidence -------------------------------------------------------------
    def status(self, content_id: str) -> str:
        return self._statuses.get(content_id, "todo")

    def statuses(self) -> dict[str, str]:
        """Status of every current item that has one (the rest are 'todo')."""
        return dict(self._statuses)

    def reading_status(self, reading_id: str) -> str:
        return self._reading_statuses.get(reading_id, "unread")

    def reading_statuses(self) -> dict[str, str]:
        return dict(self._reading_statuses)

    def retired_ids(self) -> list[str]:
        """Ids with saved progress that the loaded curriculum no longer has."""
        return sorted(
            cid
            for cid in self._stored_ids
            if self.curriculum.resolve(cid) not in self.curriculum.items
        )

    def history(self, content_id: str) -> list[HistoryEntry]:
        return self._database.history(content_id)

    def note(self, content_id: str) -> NoteRecord | None:
        return self._database.note(content_id)

    def notes(self) -> dict[str, NoteRecord]:
        return self._database.notes()

    def evidence(self, content_id: str) -> list[EvidenceRecord]:
        return self._database.evidence(content_id)

    def stored_status_of(self, content_ids: Sequence[str]) -> tuple[str, ...]:
        """These ids' statuses as the file holds them now ('todo' where none is stored)."""
        held = self._database.statuses_of(content_ids)
        return tuple(held.get(cid, "todo") for cid in content_ids)

    def session(self, session_id: int) -> SessionRecord | None:
        """One study session as the file holds it now (None once it is gone)."""
        return self._database.session(session_id)

    def evidence_link(self, evidence_id: int) -> EvidenceRecord | None:
        """One evidence link as the file holds it now (None once it is gone)."""
        return self._database.evidence_link(evidence_id)

    def stored_statuses(self) -> dict[str, StatusRecord]:
        """Every stored status with its time, under the ids it was saved with."""
        return self._database.statuses()

    def last_done(self, ids: Collection[str] | None = None) -> dict[str, datetime]:
        """When each stored id (or each of `ids` ever done) was last marked done (one
        aggregate over the history)."""
        return self._database.last_done(ids)

    def all_history(self) -> dict[str, list[HistoryEntry]]:
        """Every status change, grouped by id, oldest first."""
        return self._database.all_history()

    def evidence_links(self) -> list[EvidenceRecord]:
        """Every evidence link, oldest first."""
        return self._database.evidence()

    def reading_records(self) -> dict[str, StatusRecord]:
        """Every stored reading status with its time."""
        return self._database.reading_records()

    def reading_copies(self) -> dict[str, str]:
        return self._database.reading_copies()

    def missing_copies(self) -> dict[str, str]:
        """Attached copies whose file is no longer there."""
        return {rid: p for rid, p in self.reading_copies().items() if not Path(p).is_file()}

    def progress_fingerprint(self) -> str:
        """A digest of everything the learner made (statuses, readings, notes, evidence,
        study time, the timer, the choices they set), read from the file now: equal digests
        mean nothing the learner did has changed in between. Row ids, the window's layout
        and a stored 'todo' or 'unread' (the same as none) are left out."""
        settings = {
            key: value
            for key, value in self._database.settings_text().items()
            if key not in NOT_PROGRESS_SETTINGS
        }
        parts = (
            sorted(
                (c, r.status) for c, r in self._database.statuses().items() if r.status != "todo"
            ),
            sorted(
                (rid, r.status)
                for rid, r in self._database.reading_records().items()
                if r.status != "unread"
            ),
            sorted(self._database.reading_copies().items()),
            sorted((cid, n.body, n.private) for cid, n in self._database.notes().items()),
            sorted(
                (e.content_id, e.url, e.added_at.isoformat()) for e in self._database.evidence()
            ),
            sorted(
                (x.content_id, x.started_at.isoformat(), x.minutes, x.source)
                for x in self._database.sessions()
            ),
            sorted(settings.items()),
            sorted((g, c.options) for g, c in self._database.choices().items()),
            [(c.content_id, c.body, c.written_at.isoformat()) for c in self._database.comments()],
            sorted(self._database.verified()),
        )
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()

    def data_version(self) -> int:
        """Changes whenever another connection (or process) commits to the file."""
        return self._database.data_version()

    def warm_up(self) -> None:
        """Get the writing machinery ready now (call from a background thread)."""
        self._database.warm_up()

    # --- progress and readiness ----------------------------------------------------------------
    def overall_progress(self) -> Progress:
        return progress_of(self.counted.items.values(), self._statuses)

    def month_progress(self, month_id: str) -> Progress:
        return progress_of(self.counted.month_items(month_id), self._statuses)

    def week_progress(self, week_id: str) -> Progress:
        return progress_of(self.counted.week_items(week_id), self._statuses)

    def project_progress(self, project_id: str) -> Progress:
        """A project's own milestones, all of them: a project that is one option of a choice
        still shows how far along it is (the path's totals leave it out until chosen)."""
        return progress_of(self.curriculum.project_items(project_id), self._statuses)

    def has_evidence(self, content_id: str) -> bool:
        return content_id in self._evidence_ids

    def readiness(self) -> ReadinessModel:
        """Readiness for every role from the current statuses and evidence (a milestone a
        mentor verified counts like a linked one)."""
        if self._readiness_model is None:  # cleared by every change readiness depends on
            proven = frozenset(self._evidence_ids) | frozenset(self._verified)
            self._readiness_model = ReadinessModel(self.counted, self._statuses, proven)
        return self._readiness_model

    def verification(self, content_id: str) -> VerificationRecord | None:
        """The mentor's verification of a milestone's evidence (None: not verified)."""
        return self._verified.get(content_id)

    def verified_ids(self) -> frozenset[str]:
        return frozenset(self._verified)

    def mentor_comments(self, content_id: str | None = None) -> list[CommentRecord]:
        """Mentor comments received, oldest first: on one item ('' : overall notes), or all."""
        if content_id is None:
            return list(self._comments)
        return [c for c in self._comments if c.content_id == content_id]

    @property
    def learner_id(self) -> str:
        """The learner's stable id ('' until the folder is first opened for writing)."""
        value = self.setting("learner_id")
        return value if isinstance(value, str) else ""

    def primary_role(self) -> str:
        """The learner's primary target role ('' until chosen)."""
        role = self.setting(PRIMARY_ROLE, "")
        return role if isinstance(role, str) and role in self.curriculum.roles else ""

    def target_roles(self) -> list[str]:
        """The primary role first, then the other roles the learner targets."""
        return list(
            target_roles_of(self.curriculum, self.setting(PRIMARY_ROLE), self.setting(TARGET_ROLES))
        )

    # --- plan, study and the timer -------------------------------------------------------------
    def plan_settings(self) -> PlanSettings | None:
        """The learner's start date and weekly hours (None until chosen)."""
        return plan_from_setting(self.setting("plan"))

    def pace(self, today: date | None = None) -> Pace | None:
        settings = self.plan_settings()
        if settings is None:
            return None
        return pace(self.counted, self._statuses, settings, today or self._clock().date())

    def sessions(self, content_id: str | None = None) -> list[SessionRecord]:
        """Every study session (or one item's or reading's), oldest first."""
        return self._database.sessions(content_id)

    def timer(self) -> TimerState | None:
        return TimerState.from_setting(self.setting(TIMER_SETTING))
