"""Reading a JSON export back: validate everything first, then merge in one transaction.

A file that is truncated, not JSON, of another format or schema, or has a wrong value anywhere is
refused with one message naming the file and the field; nothing is changed. A merge keeps the
newer change per item (ties keep what is already here) and adds what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..content.fields import ID_PATTERN, MAX_ID_LENGTH
from ..content.urls import is_web_url
from ..progress import READING_STATUSES, STATUSES
from ..store.backup import backup_to
from ..store.database import Database
from ..tracker import Tracker
from .json_export import FORMAT, SCHEMA

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_NOTE_CHARS = 1_000_000


class ImportRefused(ValueError):
    """The file cannot be imported; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class IncomingItem:
    id: str
    status: str
    updated_at: datetime
    history: tuple[tuple[str | None, str, datetime], ...]


@dataclass(frozen=True)
class ExportData:
    """A validated export, ready to merge or to show read-only."""

    path: Path
    exported_at: datetime
    learner_name: str
    primary_role: str
    target_roles: tuple[str, ...]
    curriculum_version: str
    curriculum_hash: str
    items: tuple[IncomingItem, ...]
    notes: tuple[tuple[str, str, datetime], ...]
    evidence: tuple[tuple[str, str, datetime], ...]
    readings: tuple[tuple[str, str, datetime], ...]
    sessions: tuple[tuple[str, datetime, int, str], ...]
    questions: str
    next_goals: str
    summary: dict[str, Any]


@dataclass
class ImportPlan:
    """The writes a merge needs, computed before anything is written."""

    statuses: list[tuple[str, str, datetime]] = field(default_factory=list)
    history: list[tuple[str, str | None, str, datetime]] = field(default_factory=list)
    notes: list[tuple[str, str, bool, datetime]] = field(default_factory=list)
    evidence: list[tuple[str, str, datetime]] = field(default_factory=list)
    readings: list[tuple[str, str, datetime]] = field(default_factory=list)
    sessions: list[tuple[str, datetime, int, str]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.statuses or self.history or self.notes or self.evidence
                    or self.readings or self.sessions or self.settings)


@dataclass(frozen=True)
class ImportReport:
    statuses: int
    notes: int
    evidence: int
    readings: int
    unknown_ids: tuple[str, ...]
    backup: Path | None
    sessions: int = 0

    def describe(self) -> str:
        parts = [f"{self.statuses} status{'es' if self.statuses != 1 else ''}",
                 f"{self.notes} note{'s' if self.notes != 1 else ''}",
                 f"{self.evidence} evidence link{'s' if self.evidence != 1 else ''}",
                 f"{self.readings} reading{'s' if self.readings != 1 else ''}",
                 f"{self.sessions} study session{'s' if self.sessions != 1 else ''}"]
        text = "Imported " + ", ".join(parts) + "."
        if not any((self.statuses, self.notes, self.evidence, self.readings, self.sessions)):
            text = "Nothing to import: everything in the file is already here or older."
        if self.unknown_ids:
            text += (f" {len(self.unknown_ids)} id(s) are not in your curriculum and were kept "
                     f"as retired: {', '.join(self.unknown_ids[:5])}"
                     + ("…" if len(self.unknown_ids) > 5 else "") + ".")
        if self.backup:
            text += f" A backup was made first: {self.backup}."
        return text


class _Reader:
    """Typed access with messages that name the file and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> ImportRefused:
        return ImportRefused(f"{self.path}: field '{where}': {message}; nothing was imported")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, not {type(value).__name__}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"must be a list, not {type(value).__name__}")
        return value

    def text(self, value: Any, where: str, *, limit: int = 10_000, empty: bool = True) -> str:
        if value is None and empty:
            return ""
        if not isinstance(value, str):
            raise self.fail(where, f"must be text, not {type(value).__name__}")
        if len(value) > limit:
            raise self.fail(where, f"is {len(value)} characters long (at most {limit})")
        if not empty and not value.strip():
            raise self.fail(where, "is empty")
        return value

    def ident(self, value: Any, where: str) -> str:
        text = self.text(value, where, limit=MAX_ID_LENGTH, empty=False)
        if not ID_PATTERN.match(text):
            raise self.fail(where, f"'{text}' is not a valid id")
        return text

    def choice(self, value: Any, where: str, options: tuple[str, ...]) -> str:
        text = self.text(value, where, limit=32, empty=False)
        if text not in options:
            raise self.fail(where, f"'{text}' is not one of: {', '.join(options)}")
        return text

    def time(self, value: Any, where: str) -> datetime:
        text = self.text(value, where, limit=40, empty=False)
        try:
            moment = datetime.fromisoformat(text.removesuffix("Z"))
        except ValueError:
            raise self.fail(where, f"'{text}' is not a date and time") from None
        return moment.replace(tzinfo=None)


def read_export(path: Path) -> ExportData:
    """Read and validate an export completely; raise ImportRefused on the first problem."""
    path = Path(path)
    r = _Reader(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefused(f"{path}: cannot be read ({error.strerror}); nothing was imported"
                            ) from None
    if size > MAX_FILE_BYTES:
        raise ImportRefused(f"{path}: is {size} bytes, larger than any Cairn export; nothing "
                            "was imported")
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportRefused(f"{path}: is not UTF-8 text; nothing was imported") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(f"{path}: is not valid JSON (damaged or truncated?): {error.msg} "
                            f"at line {error.lineno} column {error.colno}; nothing was imported"
                            ) from None
    except OSError as error:
        raise ImportRefused(f"{path}: cannot be read ({error.strerror}); nothing was imported"
                            ) from None
    top = r.obj(raw, "(top level)")
    if top.get("format") != FORMAT:
        raise r.fail("format", f"is {top.get('format')!r}, not {FORMAT!r}: this is not a Cairn "
                               "progress export")
    schema = top.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise r.fail("schema", "must be a whole number")
    if schema > SCHEMA:
        raise r.fail("schema", f"is {schema}: the file was written by a newer Cairn (this one "
                               f"reads up to {SCHEMA})")
    if schema < 1:
        raise r.fail("schema", f"{schema} is not a schema Cairn ever wrote")
    items = []
    seen: set[str] = set()
    for n, raw_item in enumerate(r.array(top.get("items"), "items")):
        where = f"items[{n}]"
        entry = r.obj(raw_item, where)
        ident = r.ident(entry.get("id"), f"{where}.id")
        if ident in seen:
            raise r.fail(f"{where}.id", f"'{ident}' appears twice")
        seen.add(ident)
        history = []
        for k, raw_h in enumerate(r.array(entry.get("history"), f"{where}.history")):
            hw = f"{where}.history[{k}]"
            h = r.obj(raw_h, hw)
            old = None if h.get("from") is None else r.choice(h.get("from"), f"{hw}.from",
                                                               STATUSES)
            history.append((old, r.choice(h.get("to"), f"{hw}.to", STATUSES),
                            r.time(h.get("at"), f"{hw}.at")))
        items.append(IncomingItem(ident, r.choice(entry.get("status"), f"{where}.status",
                                                  STATUSES),
                                  r.time(entry.get("updated_at"), f"{where}.updated_at"),
                                  tuple(history)))
    notes = []
    for n, raw_note in enumerate(r.array(top.get("notes"), "notes")):
        entry = r.obj(raw_note, f"notes[{n}]")
        notes.append((r.ident(entry.get("id"), f"notes[{n}].id"),
                      r.text(entry.get("body"), f"notes[{n}].body", limit=MAX_NOTE_CHARS),
                      r.time(entry.get("updated_at"), f"notes[{n}].updated_at")))
    evidence = []
    for n, raw_link in enumerate(r.array(top.get("evidence"), "evidence")):
        entry = r.obj(raw_link, f"evidence[{n}]")
        url = r.text(entry.get("url"), f"evidence[{n}].url", limit=4000, empty=False).strip()
        if not is_web_url(url, allow_http=True):
            raise r.fail(f"evidence[{n}].url", f"'{url}' is not an http(s) link")
        evidence.append((r.ident(entry.get("id"), f"evidence[{n}].id"), url,
                         r.time(entry.get("added_at"), f"evidence[{n}].added_at")))
    readings = []
    for n, raw_reading in enumerate(r.array(top.get("readings"), "readings")):
        entry = r.obj(raw_reading, f"readings[{n}]")
        readings.append((r.ident(entry.get("id"), f"readings[{n}].id"),
                         r.choice(entry.get("status"), f"readings[{n}].status",
                                  READING_STATUSES),
                         r.time(entry.get("updated_at"), f"readings[{n}].updated_at")))
    sessions = []
    for n, raw_session in enumerate(r.array(top.get("sessions"), "sessions")):
        entry = r.obj(raw_session, f"sessions[{n}]")
        minutes = entry.get("minutes")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 1440:
            raise r.fail(f"sessions[{n}].minutes", f"{minutes!r} is not 1 to 1440 minutes")
        sessions.append((r.ident(entry.get("id"), f"sessions[{n}].id"),
                         r.time(entry.get("started_at"), f"sessions[{n}].started_at"), minutes,
                         r.choice(entry.get("source"), f"sessions[{n}].source",
                                  ("timer", "manual", "cli"))))
    learner = r.obj(top.get("learner") or {}, "learner")
    curriculum = r.obj(top.get("curriculum") or {}, "curriculum")
    mentor = r.obj(top.get("mentor") or {}, "mentor")
    primary = learner.get("primary_role") or ""
    return ExportData(
        path=path,
        exported_at=r.time(top.get("exported_at"), "exported_at"),
        learner_name=r.text(learner.get("name"), "learner.name", limit=200),
        primary_role=r.ident(primary, "learner.primary_role") if primary else "",
        target_roles=tuple(r.ident(v, f"learner.target_roles[{n}]") for n, v in
                           enumerate(r.array(learner.get("target_roles"),
                                             "learner.target_roles"))),
        curriculum_version=r.text(curriculum.get("version"), "curriculum.version", limit=500),
        curriculum_hash=r.text(curriculum.get("hash"), "curriculum.hash", limit=200),
        items=tuple(items),
        notes=tuple(notes),
        evidence=tuple(evidence),
        readings=tuple(readings),
        sessions=tuple(sessions),
        questions=r.text(mentor.get("questions"), "mentor.questions", limit=MAX_NOTE_CHARS),
        next_goals=r.text(mentor.get("next_goals"), "mentor.next_goals", limit=MAX_NOTE_CHARS),
        summary=r.obj(top.get("summary") or {}, "summary"),
    )


def plan_merge(db: Database, data: ExportData) -> ImportPlan:
    """What merging `data` into the database would write: newer wins, nothing is deleted."""
    plan = ImportPlan()
    local = db.statuses()
    history = db.all_history()
    for item in data.items:
        here = local.get(item.id)
        if here is None or (item.updated_at > here.updated_at and here.status != item.status):
            plan.statuses.append((item.id, item.status, item.updated_at))
        known = {(h.old_status, h.new_status, h.changed_at) for h in history.get(item.id, [])}
        for old, new, at in item.history:
            if (old, new, at) not in known:
                plan.history.append((item.id, old, new, at))
    notes = db.notes()
    for ident, body, at in data.notes:
        here_note = notes.get(ident)
        if here_note is None or (at > here_note.updated_at and here_note.body != body):
            plan.notes.append((ident, body, here_note.private if here_note else False, at))
    links = {(e.content_id, e.url) for e in db.evidence()}
    for ident, url, at in data.evidence:
        if (ident, url) not in links:
            plan.evidence.append((ident, url, at))
            links.add((ident, url))
    readings = db.reading_records()
    for ident, status, at in data.readings:
        here_reading = readings.get(ident)
        if here_reading is None or (at > here_reading.updated_at
                                    and here_reading.status != status):
            plan.readings.append((ident, status, at))
    known_sessions = {(x.content_id, x.started_at, x.minutes) for x in db.sessions()}
    for ident, started, minutes, source in data.sessions:
        if (ident, started, minutes) not in known_sessions:
            plan.sessions.append((ident, started, minutes, source))
            known_sessions.add((ident, started, minutes))
    if data.learner_name and not db.setting("learner_name"):
        plan.settings["learner_name"] = data.learner_name
    if data.primary_role and not db.setting("primary_role"):
        plan.settings["primary_role"] = data.primary_role
        plan.settings["target_roles"] = [r for r in data.target_roles if r != data.primary_role]
    return plan


def import_progress(tracker: Tracker, path: Path) -> ImportReport:
    """Validate a JSON export, back up, then merge it in one transaction; report what changed."""
    data = read_export(path)
    plan = plan_merge(tracker.database, data)
    known = set(tracker.curriculum.items) | set(tracker.curriculum.aliases)
    unknown = tuple(sorted({i.id for i in data.items} - known))
    backup = None
    if not plan.empty:
        backup = backup_to(tracker.database.path, tracker.backup_dir, reason="before-import")
        tracker.database.apply_import(plan)
        tracker.reload()
    return ImportReport(len(plan.statuses), len(plan.notes), len(plan.evidence),
                        len(plan.readings), unknown, backup, len(plan.sessions))
