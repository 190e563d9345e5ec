"""The learner's edits: statuses, readings and their offline copies, notes, evidence links,
settings and target roles. Each is one transaction that reads the old value inside it, and
returns a `Change` carrying what the database held and what was written; the in-memory copy
is refreshed from that."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ..progress import READING_STATUSES, STATUSES
from ..records import EvidenceRecord
from ..snapshot import LAST_EXPORT, LAST_SENT, LEARNER_ID, PRIMARY_ROLE, TARGET_ROLES, SentReport
from .reads import ProgressReads
from .values import Change, TrackerError

log = logging.getLogger("cairn.tracker")


class Changes(ProgressReads):
    """Every edit the learner makes to their progress (study time and the timer: `Study`)."""

    # --- settings and roles ------------------------------------------------------------------
    def set_setting(self, key: str, value: Any) -> Change:
        """Save one setting (None removes it: its default again); the Change carries what the
        database held before (None: nothing)."""
        value = self._checked_setting(key, value)
        old = self._database.set_setting(key, value)  # read inside the write
        return Change("setting", (key,), old, value)

    def _checked_setting(self, key: str, value: Any) -> Any:
        """The setting's value as it may be stored; a bad one is refused in words."""
        from ..validation import InvalidInput, check_setting

        try:
            check_setting(key, value)
        except InvalidInput as error:
            raise TrackerError(str(error)) from None
        return value

    def remember_export(self, moment: datetime) -> Change:
        """Mark the summary made at `moment` as sent to the mentor (see `mark_sent`)."""
        return self.mark_sent(moment)

    def mark_sent(self, moment: datetime) -> Change:
        """The summary made at `moment` was sent to the mentor: the next one's period starts
        there, and shows the change in readiness and overall progress since."""
        self._writable()
        report = SentReport(
            moment,
            self.overall_progress().percent,
            {r.role_id: round(r.score, 1) for r in self.readiness().roles()},
        )
        values = {LAST_SENT: report.as_setting(), LAST_EXPORT: moment.isoformat()}
        old = self._database.set_settings(values)
        return Change("setting", (LAST_SENT,), old.get(LAST_SENT), values[LAST_SENT])

    def ensure_learner_id(self) -> str:
        """The learner's stable id, made (a random UUID) the first time the folder is written."""
        current = self.learner_id
        if current or self.read_only:
            return current
        import uuid

        made = str(uuid.uuid4())
        self._database.set_setting(LEARNER_ID, made)
        return made

    def set_target_roles(self, primary: str, others: Sequence[str] = ()) -> Change:
        """Choose the primary role and any others; unknown role ids are refused."""
        self._writable()
        for role in [primary, *others]:
            if role and role not in self.curriculum.roles:
                raise TrackerError(
                    f"there is no role '{role}' (roles: {', '.join(self.curriculum.roles)})"
                )
        return self.restore_target_roles(
            {
                PRIMARY_ROLE: primary,
                TARGET_ROLES: [r for r in dict.fromkeys(others) if r != primary],
            }
        )

    def restore_target_roles(self, saved: Mapping[str, Any]) -> Change:
        """Write the two target-role settings exactly as given (None: not set), in one
        transaction. The Change carries both settings as the database held them before
        (`old`) and as written (`new`), so undo can put back exactly what was there."""
        self._writable()
        values = {key: saved.get(key) for key in (PRIMARY_ROLE, TARGET_ROLES)}
        old = self._database.set_settings(values)
        return Change("roles", tuple(self.target_roles()), old, values)

    # --- choice groups -----------------------------------------------------------------------
    def choose(self, group_id: str, options: Sequence[str]) -> Change:
        """Choose the options of a choice group (none: open the choice again). Progress on
        every option is kept; only which options count changes. The Change carries the options
        the database held before and the ones written."""
        self._writable()
        group = self.curriculum.choices.get(group_id)
        if group is None:
            known = ", ".join(self.curriculum.choices) or "none in the loaded curriculum"
            raise TrackerError(f"there is no choice '{group_id}' (choices: {known})")
        wanted = tuple(dict.fromkeys(options))
        for option_id in wanted:
            if group.option(option_id) is None:
                raise TrackerError(
                    f"'{option_id}' is not an option of '{group_id}' (options: "
                    f"{', '.join(o.id for o in group.options)})"
                )
        if wanted and len(wanted) != group.choose:
            raise TrackerError(
                f"'{group_id}' asks you to choose {group.choose} option"
                f"{'s' if group.choose != 1 else ''}, not {len(wanted)}"
            )
        old = self._database.set_choice(group_id, wanted, self._clock())
        if wanted:
            self._chosen[group_id] = wanted
        else:
            self._chosen.pop(group_id, None)
        self._counted = None
        self._readiness_model = None
        return Change("choice", (group_id,), old, wanted)

    # --- statuses ----------------------------------------------------------------------------
    def set_status(self, content_id: str, status: str) -> Change:
        """Set an item's or milestone's status; the old status is kept in its history."""
        change = self.set_statuses({content_id: status})
        return Change("status", change.ids, change.old[0], status)

    def set_statuses(self, wanted: Mapping[str, str]) -> Change:
        """Set several items' statuses in one transaction (a bulk change, or its undo). The
        Change carries, per item in order, the status the database held and the one set."""
        self._writable()
        for status in wanted.values():
            if status not in STATUSES:
                raise TrackerError(f"'{status}' is not a status; use one of: {', '.join(STATUSES)}")
        items = {self.item(content_id).id: status for content_id, status in wanted.items()}
        # The database decides what changed (another process may have changed it since this
        # copy was read); an item without a row is 'todo', or what its old id carried over.
        plan = {
            item_id: (
                status,
                self._statuses.get(item_id, "todo") if item_id not in self._stored_ids else "todo",
            )
            for item_id, status in items.items()
        }
        held = self._database.set_statuses(plan, self._clock())
        olds = tuple(held[item_id] or "todo" for item_id in items)
        for (item_id, status), old in zip(items.items(), olds, strict=True):
            self._statuses[item_id] = status
            if old != status:
                self._stored_ids.add(item_id)
        self._readiness_model = None
        return Change("status", tuple(items), olds, tuple(items.values()))

    # --- readings ----------------------------------------------------------------------------
    def _reading(self, reading_id: str) -> str:
        """A reading's id; an unknown one is refused in words."""
        if reading_id not in self.curriculum.readings:
            raise TrackerError(f"there is no reading with id '{reading_id}'")
        return reading_id

    def set_reading_status(self, reading_id: str, status: str) -> Change:
        """Mark a reading unread, reading or read; the Change carries the status the database
        held before, read in the same transaction."""
        self._writable()
        if status not in READING_STATUSES:
            raise TrackerError(
                f"'{status}' is not a reading status; use one of: {', '.join(READING_STATUSES)}"
            )
        self._reading(reading_id)
        old = self._database.set_reading_status(reading_id, status, self._clock())
        if status == "unread":
            self._reading_statuses.pop(reading_id, None)
        else:
            self._reading_statuses[reading_id] = status
        return Change("reading", (reading_id,), old, status)

    def set_reading_copy(
        self, reading_id: str, path: Path | str | None, *, must_exist: bool = True
    ) -> Change:
        """Attach a file saved for offline reading (or detach it with None). Cairn keeps only
        the path: the file stays the learner's and is never copied or deleted. The Change
        carries the path the database held before (None: no copy), read in the same
        transaction. `must_exist=False` puts back a path whose file has gone since (undo and
        redo)."""
        self._writable()
        self._reading(reading_id)
        new: str | None = None
        if path is not None:
            resolved = Path(path).expanduser().resolve()
            if must_exist and not resolved.is_file():
                raise TrackerError(f"{resolved} is not a file; nothing was attached")
            new = str(resolved)
        old = self._database.set_reading_copy(reading_id, new, self._clock())
        return Change("reading", (reading_id,), old, new)

    # --- notes -------------------------------------------------------------------------------
    def set_note(self, content_id: str, body: str, private: bool | None = None) -> Change:
        """Replace the item's Markdown note (empty text removes it)."""
        from ..validation import InvalidInput, check_note

        self._writable()
        item = self.item(content_id)
        try:
            check_note(body)
        except InvalidInput as error:
            raise TrackerError(f"{item.id}: {error}") from None
        # the database says what the note was, read inside the write
        old = self._database.set_note(item.id, body, private, self._clock())
        keep_private = old[1] if private is None and old[0] else bool(private)
        new = (body, keep_private) if body.strip() else ("", False)
        if body.strip():
            self._notes_seen[item.id] = new
        else:
            self._notes_seen.pop(item.id, None)
        return Change("note", (item.id,), old, new)

    def keep_unsaved_note(
        self, content_id: str, body: str, *, own_file: bool = False
    ) -> Path | None:
        """When a note cannot be saved (a full disk, a refused text), keep a plain copy in
        `<data>/notes-not-saved/<id>.md` (the latest text wins) so that closing the window
        never loses what was typed. `own_file` keeps it in a file of its own, named with the
        time, that no later copy replaces (a text the learner set aside).
        Returns the copy's path, or None if even that could not be written."""
        if self.data_dir is None or not body.strip():
            return None
        folder = self.data_dir / "notes-not-saved"
        name = f"{content_id}-{self._clock():%Y%m%d-%H%M%S-%f}" if own_file else content_id
        target = folder / f"{name}.md"
        try:
            folder.mkdir(exist_ok=True)
            target.write_text(body, encoding="utf-8", errors="replace")
        except OSError as error:
            log.warning("could not keep an unsaved note for %s: %s", content_id, error)
            return None
        log.warning("kept an unsaved note for %s in %s", content_id, target)
        return target

    # --- evidence ----------------------------------------------------------------------------
    def add_evidence(
        self, content_id: str, url: str, *, added_at: datetime | None = None
    ) -> Change:
        """Attach a proof link (http or https) to a project milestone (`added_at` puts back a
        removed link with its own time). The Change carries the new record (`new`)."""
        from ..validation import InvalidInput, check_url

        self._writable()
        item = self.item(content_id)
        if not item.is_milestone:
            raise TrackerError(
                f"'{item.id}' is not a project milestone; evidence belongs to milestones"
            )
        try:
            url = check_url(url)
        except InvalidInput as error:
            raise TrackerError(f"{item.id}: {error}") from None
        at = self._clock() if added_at is None else added_at
        new_id = self._database.add_evidence(item.id, url, at)
        self._evidence_ids.add(item.id)
        self._readiness_model = None
        return Change("evidence", (item.id,), None, EvidenceRecord(new_id, item.id, url, at))

    def remove_evidence(self, evidence_id: int) -> Change:
        """Delete one proof link; the Change carries the removed record (`old`) as the
        database held it, read in the same transaction."""
        self._writable()
        removed = self._database.remove_evidence(evidence_id)
        if removed is None:
            raise TrackerError(f"there is no evidence link {evidence_id}")
        record, others_left = removed
        if not others_left:
            self._evidence_ids.discard(record.content_id)
            self._readiness_model = None
        return Change("evidence", (record.content_id,), record, None)
