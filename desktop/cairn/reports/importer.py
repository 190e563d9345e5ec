"""Reading a JSON export back: validate everything first, then merge in one transaction.

A file that is truncated, not JSON, of another format or schema, or has a wrong value anywhere is
refused with one message naming the file and the field; nothing is changed. Values pass the same
checks as what the learner types (`cairn.validation`), so every export Cairn writes restores.

A merge keeps the newer change per item (ties keep what is already here) and adds what is
missing. Incoming history, study sessions and evidence are matched on their content and time
truncated to the second, so importing a file twice, or a learner's own export (older exports were
rounded to the second), changes nothing. Ids the curriculum does not know: statuses and notes are
kept as retired; evidence and study sessions on them, reading statuses on ids that are not readings
and roles it does not have are skipped and reported; evidence on a known id that is not a
milestone refuses the file.

The practice section (own cards, card edits, card states, reviews) is read and planned by
`practice_merge`: the union of reviews, the state with the later last review, own cards found
again by item and creation time; a malformed section refuses the file naming the card.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..progress import READING_STATUSES, STATUSES
from ..snapshot import PracticeRecords
from ..validation import (
    check_learner_name,
    check_mentor_text,
    check_minutes,
    check_note,
    check_url,
)
from .identity import carried_along, read_identity_fields
from .json_export import FORMAT, SCHEMA
from .practice_merge import PracticePlan, plan_practice, read_practice
from .refusal import FieldReader as _Reader
from .refusal import ImportRefused as ImportRefused
from .refusal import refuse as _refuse
from .refusal import to_second as to_second

if TYPE_CHECKING:
    from ..content import Curriculum
    from ..snapshot import ProgressSnapshot

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
MAX_INT_DIGITS = 20
SHOWN_IDS = 3
SESSION_SOURCES = ("timer", "manual", "cli")

# A JSON string, or an unterminated one running to the end: it always matches where it starts,
# so the scan is linear even for a truncated file full of escaped quotes.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")

T = TypeVar("T")


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
    choices: tuple[tuple[str, tuple[str, ...], datetime], ...] = ()
    learner_id: str = ""  # "" in files older than schema 3
    schema: int = 1
    plan: tuple[str, float] | None = None  # (start YYYY-MM-DD, hours per week)
    comments: tuple[tuple[str, str, str, datetime], ...] = ()  # (id, text, mentor, at)
    verified: tuple[tuple[str, str, datetime], ...] = ()  # (id, mentor, at)
    practice: PracticeRecords = field(default_factory=PracticeRecords)  # none before practice
    desired_retention: float | None = None


@dataclass
class ImportPlan:
    """The writes a merge needs, computed before anything is written, and what was left out."""

    statuses: list[tuple[str, str, datetime]] = field(default_factory=list)
    history: list[tuple[str, str | None, str, datetime]] = field(default_factory=list)
    notes: list[tuple[str, str, bool, datetime]] = field(default_factory=list)
    evidence: list[tuple[str, str, datetime]] = field(default_factory=list)
    readings: list[tuple[str, str, datetime]] = field(default_factory=list)
    sessions: list[tuple[str, datetime, int, str]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    choices: list[tuple[str, tuple[str, ...], datetime]] = field(default_factory=list)
    comments: list[tuple[str, str, str, datetime, datetime]] = field(default_factory=list)
    verified: list[tuple[str, datetime, str]] = field(default_factory=list)
    practice: PracticePlan = field(default_factory=PracticePlan)
    unknown_ids: tuple[str, ...] = ()
    skipped_ids: tuple[str, ...] = ()
    skipped_evidence: int = 0
    skipped_sessions: int = 0
    skipped_readings: tuple[str, ...] = ()
    skipped_roles: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.statuses
            or self.history
            or self.notes
            or self.evidence
            or self.readings
            or self.sessions
            or self.settings
            or self.choices
            or self.comments
            or self.verified
            or not self.practice.empty
        )


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def list_ids(ids: tuple[str, ...], shown: int = SHOWN_IDS) -> str:
    """A few ids, then how many more: 'a, b, c and 99997 more'."""
    text = ", ".join(ids[:shown])
    return text + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


@dataclass(frozen=True)
class ImportReport:
    statuses: int
    notes: int
    evidence: int
    readings: int
    unknown_ids: tuple[str, ...]
    backup: Path | None
    sessions: int = 0
    skipped_ids: tuple[str, ...] = ()
    skipped_evidence: int = 0
    skipped_sessions: int = 0
    settings: tuple[str, ...] = ()
    history: int = 0
    skipped_readings: tuple[str, ...] = ()
    skipped_roles: tuple[str, ...] = ()
    choices: int = 0
    feedback: int = 0  # mentor comments and verified milestones carried by the file
    adopted_id: bool = False  # this folder took the file's learner id
    reviews: int = 0  # practice: reviews, card states, own cards and card edits taken
    card_states: int = 0
    own_cards: int = 0
    card_edits: int = 0

    @classmethod
    def from_plan(cls, plan: ImportPlan, backup: Path | None) -> ImportReport:
        """What applying `plan` wrote and left out (`backup`: the copy made first, if any)."""
        return cls(
            len(plan.statuses),
            len(plan.notes),
            len(plan.evidence),
            len(plan.readings),
            plan.unknown_ids,
            backup,
            len(plan.sessions),
            plan.skipped_ids,
            plan.skipped_evidence,
            plan.skipped_sessions,
            tuple(plan.settings),
            len(plan.history),
            plan.skipped_readings,
            plan.skipped_roles,
            len(plan.choices),
            len(plan.comments) + len(plan.verified),
            "learner_id" in plan.settings,
            len(plan.practice.reviews),
            len(plan.practice.states),
            len(plan.practice.own_cards),
            len(plan.practice.texts),
        )

    @property
    def practice(self) -> int:
        """Practice rows taken: reviews, card states, own cards and card edits."""
        return self.reviews + self.card_states + self.own_cards + self.card_edits

    def describe(self) -> str:
        """One short paragraph, whatever the file held (ids are listed a few at most). It says
        "Nothing to import" only when nothing was written."""
        counts = (self.statuses, self.notes, self.evidence, self.readings, self.sessions)
        if any(counts):
            text = (
                "Imported "
                + ", ".join(
                    [
                        _plural(self.statuses, "status", "statuses"),
                        _plural(self.notes, "note"),
                        _plural(self.evidence, "evidence link"),
                        _plural(self.readings, "reading"),
                        _plural(self.sessions, "study session"),
                    ]
                )
                + "."
            )
        elif self.settings or self.history or self.choices or self.feedback or self.practice:
            text = "No new statuses, notes, evidence, readings or study sessions."
            if self.history:
                text += f" Added {_plural(self.history, 'earlier status change')} to the history."
        elif self.backup:  # something was written, though this report was not told what
            text = (
                "No new statuses, notes, evidence, readings or study sessions; settings or "
                "status history from the file were added."
            )
        else:
            text = "Nothing to import: everything in the file is already here or older."
        text += _settings_taken(self.settings)
        if self.choices:
            text += f" Took {_plural(self.choices, 'elective choice')} from the file."
        if self.feedback:
            text += f" Kept {_plural(self.feedback, 'piece')} of mentor feedback from the file."
        if self.practice:
            text += _practice_taken(self)
        if self.unknown_ids:
            text += (
                f" {_plural(len(self.unknown_ids), 'id')} not in your curriculum "
                f"{'was' if len(self.unknown_ids) == 1 else 'were'} kept as retired: "
                f"{list_ids(self.unknown_ids)}."
            )
        if self.skipped_ids:
            text += (
                f" Skipped {_plural(self.skipped_evidence, 'evidence link')} and "
                f"{_plural(self.skipped_sessions, 'study session')} on "
                f"{_plural(len(self.skipped_ids), 'id')} not in your curriculum: "
                f"{list_ids(self.skipped_ids)}."
            )
        if self.skipped_readings:
            many = len(self.skipped_readings)
            text += (
                f" Skipped {_plural(many, 'reading status', 'reading statuses')} on "
                f"{'an id that is' if many == 1 else 'ids that are'} not a reading in your "
                f"curriculum: {list_ids(self.skipped_readings)}."
            )
        if self.skipped_roles:
            text += (
                f" Skipped {_plural(len(self.skipped_roles), 'role')} not in your "
                f"curriculum: {list_ids(self.skipped_roles)}."
            )
        if self.backup:
            text += f" A backup was made first: {self.backup}."
        return text


def _practice_taken(report: ImportReport) -> str:
    """' Took 12 reviews, 3 card states and 1 own card from the file.' (what there was)."""
    parts = [
        _plural(count, word)
        for count, word in (
            (report.reviews, "review"),
            (report.card_states, "card state"),
            (report.own_cards, "own card"),
            (report.card_edits, "card edit"),
        )
        if count
    ]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f" Took {listed} of practice from the file."


def _settings_taken(keys: Iterable[str]) -> str:
    """' Your name and target roles were taken from the file.' for the settings written."""
    keys = set(keys)
    taken = [
        words
        for key, words in (("learner_name", "your name"), ("primary_role", "target roles"))
        if key in keys
    ]
    if not taken:
        return ""
    verb = "was" if taken == ["your name"] else "were"
    return f" {' and '.join(taken).capitalize()} {verb} taken from the file."


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; never blocks on a device or pipe."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror})") from None
    _check_kind(path, info.st_mode)
    if info.st_size > MAX_FILE_BYTES:
        raise _refuse(path, f"is {info.st_size:,} bytes, larger than any Cairn export")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror})") from None
    try:
        with os.fdopen(fd, "rb") as handle:
            _check_kind(path, os.fstat(handle.fileno()).st_mode)  # replaced since the stat?
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(path, "is larger than any Cairn export")
    if not data.strip():
        raise _refuse(path, "is empty, not a Cairn progress export")
    return data


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _refuse(path, "is a folder, not an export file")
    if not stat.S_ISREG(mode):
        raise _refuse(
            path, "is not a regular file (a device, pipe or socket), so it cannot be a Cairn export"
        )


def nesting_depth(text: str) -> int:
    """How deeply JSON arrays and objects nest in `text` (brackets inside strings ignored)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def _parse_json(path: Path, data: bytes) -> Any:
    """Decode and parse with limits: nesting depth, digits in a number, no NaN, valid text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(path, f"is not UTF-8 text (byte {error.start})") from None
    if nesting_depth(text) > MAX_DEPTH:
        raise _refuse(
            path, f"nests lists and objects more than {MAX_DEPTH} deep, which no Cairn export does"
        )

    def whole(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise _refuse(
                path, f"has a number of {len(digits):,} digits, which no Cairn export has"
            )
        return int(digits)

    def constant(name: str) -> Any:
        raise _refuse(path, f"has {name}, which is not a JSON number")

    try:
        value = json.loads(text, parse_int=whole, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise _refuse(
            path,
            f"is not valid JSON (damaged or truncated?): {error.msg} at line "
            f"{error.lineno} column {error.colno}",
        ) from None
    except RecursionError:
        raise _refuse(path, "nests lists and objects too deeply") from None
    if _SURROGATE_ESCAPE.search(text):
        where = _lone_surrogate(value)
        if where is not None:
            raise _refuse(path, f"field '{where}': is not valid UTF-8 text (a lone surrogate)")
    return value


def _lone_surrogate(value: Any) -> str | None:
    """The path of the first text (or key) holding a lone surrogate, or None."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return where or "(top level)"
        elif isinstance(node, dict):
            for key, child in node.items():
                inner = f"{where}.{key}" if where else key
                if _SURROGATE.search(key):
                    return inner.encode("utf-8", "backslashreplace").decode()
                stack.append((child, inner))
        elif isinstance(node, list):
            stack.extend((child, f"{where}[{n}]") for n, child in enumerate(node))
    return None


def read_export(path: Path, *, now: datetime | None = None) -> ExportData:
    """Read and validate an export completely; raise ImportRefused on the first problem.

    Times are converted to naive UTC and refused before 2000 or more than a day after `now`
    (default: the wall clock). Needs neither the tracker nor the database."""
    path = Path(path)
    return export_from_json(path, _parse_json(path, _read_file(path)), now)


def export_from_json(path: Path, top: Any, now: datetime | None = None) -> ExportData:
    """Validate parsed JSON (`top`) read from `path` as a progress export."""
    r = _Reader(path, now or datetime.now(UTC).replace(tzinfo=None))
    top = r.obj(top, "(top level)")
    _check_header(r, top)
    learner = r.obj(top.get("learner") or {}, "learner")
    curriculum = r.obj(top.get("curriculum") or {}, "curriculum")
    mentor = r.obj(top.get("mentor") or {}, "mentor")
    primary = learner.get("primary_role") or ""
    name = learner.get("name")
    return ExportData(
        path=path,
        exported_at=r.time(top.get("exported_at"), "exported_at"),
        learner_name=r.checked(check_learner_name, name, "learner.name") if name else "",
        primary_role=r.ident(primary, "learner.primary_role") if primary else "",
        target_roles=tuple(
            r.ident(v, f"learner.target_roles[{n}]")
            for n, v in enumerate(r.array(learner.get("target_roles"), "learner.target_roles"))
        ),
        curriculum_version=r.text(curriculum.get("version"), "curriculum.version", limit=500),
        curriculum_hash=r.text(curriculum.get("hash"), "curriculum.hash", limit=200),
        items=_read_items(r, top.get("items")),
        notes=_read_notes(r, top.get("notes")),
        evidence=_read_evidence(r, top.get("evidence")),
        readings=_read_readings(r, top.get("readings")),
        sessions=_read_sessions(r, top.get("sessions")),
        questions=_mentor_text(r, mentor.get("questions"), "mentor.questions"),
        next_goals=_mentor_text(r, mentor.get("next_goals"), "mentor.next_goals"),
        summary=r.obj(top.get("summary") or {}, "summary"),
        choices=_read_choices(r, top.get("choices")),
        schema=top["schema"],
        **read_identity_fields(r, top),
        **read_practice(r, top),
    )


def _check_header(r: _Reader, top: dict[str, Any]) -> None:
    fmt = top.get("format")
    if fmt != FORMAT:
        shown = (
            repr(fmt[:40])
            if isinstance(fmt, str)
            else repr(fmt)
            if fmt is None or isinstance(fmt, int | float)
            else f"a {type(fmt).__name__}"
        )
        raise r.fail("format", f"is {shown}, not {FORMAT!r}: this is not a Cairn progress export")
    schema = top.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise r.fail("schema", "must be a whole number")
    if schema > SCHEMA:
        raise r.fail(
            "schema",
            f"is {schema}: the file was written by a newer Cairn (this one reads up to {SCHEMA})",
        )
    if schema < 1:
        raise r.fail("schema", f"{schema} is not a schema Cairn ever wrote")


def _mentor_text(r: _Reader, value: Any, where: str) -> str:
    return "" if value is None else r.checked(check_mentor_text, value, where)


def _read_items(r: _Reader, raw: Any) -> tuple[IncomingItem, ...]:
    items = []
    seen: set[str] = set()
    for n, raw_item in enumerate(r.array(raw, "items")):
        where = f"items[{n}]"
        entry = r.obj(raw_item, where)
        ident = r.unique(r.ident(entry.get("id"), f"{where}.id"), seen, f"{where}.id")
        history = []
        for k, raw_h in enumerate(r.array(entry.get("history"), f"{where}.history")):
            hw = f"{where}.history[{k}]"
            h = r.obj(raw_h, hw)
            old = None if h.get("from") is None else r.choice(h.get("from"), f"{hw}.from", STATUSES)
            history.append(
                (old, r.choice(h.get("to"), f"{hw}.to", STATUSES), r.time(h.get("at"), f"{hw}.at"))
            )
        items.append(
            IncomingItem(
                ident,
                r.choice(entry.get("status"), f"{where}.status", STATUSES),
                r.time(entry.get("updated_at"), f"{where}.updated_at"),
                tuple(history),
            )
        )
    return tuple(items)


def _read_choices(r: _Reader, raw: Any) -> tuple[tuple[str, tuple[str, ...], datetime], ...]:
    """The electives chosen (schema 2; a schema 1 file has none)."""
    choices = []
    seen: set[str] = set()
    for n, raw_choice in enumerate(r.array(raw, "choices")):
        where = f"choices[{n}]"
        entry = r.obj(raw_choice, where)
        group = r.unique(r.ident(entry.get("group"), f"{where}.group"), seen, f"{where}.group")
        if not isinstance(entry.get("options"), list):
            raise r.fail(f"{where}.options", "must be a list of option ids ([] when reopened)")
        raw_options = r.array(entry.get("options"), f"{where}.options")
        if len(raw_options) > 64:
            raise r.fail(f"{where}.options", "must list at most 64 option ids")
        options = tuple(r.ident(v, f"{where}.options[{k}]") for k, v in enumerate(raw_options))
        choices.append((group, options, r.time(entry.get("updated_at"), f"{where}.updated_at")))
    return tuple(choices)


def _read_notes(r: _Reader, raw: Any) -> tuple[tuple[str, str, datetime], ...]:
    notes = []
    seen: set[str] = set()
    for n, raw_note in enumerate(r.array(raw, "notes")):
        where = f"notes[{n}]"
        entry = r.obj(raw_note, where)
        ident = r.unique(r.ident(entry.get("id"), f"{where}.id"), seen, f"{where}.id")
        body = r.checked(check_note, entry.get("body"), f"{where}.body")
        at = r.time(entry.get("updated_at"), f"{where}.updated_at")
        if body.strip():  # an empty note is no note (the tracker removes it too)
            notes.append((ident, body, at))
    return tuple(notes)


def _read_evidence(r: _Reader, raw: Any) -> tuple[tuple[str, str, datetime], ...]:
    evidence = []
    for n, raw_link in enumerate(r.array(raw, "evidence")):
        where = f"evidence[{n}]"
        entry = r.obj(raw_link, where)
        evidence.append(
            (
                r.ident(entry.get("id"), f"{where}.id"),
                r.checked(check_url, entry.get("url"), f"{where}.url"),
                r.time(entry.get("added_at"), f"{where}.added_at"),
            )
        )
    return tuple(evidence)


def _read_readings(r: _Reader, raw: Any) -> tuple[tuple[str, str, datetime], ...]:
    readings = []
    seen: set[str] = set()
    for n, raw_reading in enumerate(r.array(raw, "readings")):
        where = f"readings[{n}]"
        entry = r.obj(raw_reading, where)
        readings.append(
            (
                r.unique(r.ident(entry.get("id"), f"{where}.id"), seen, f"{where}.id"),
                r.choice(entry.get("status"), f"{where}.status", READING_STATUSES),
                r.time(entry.get("updated_at"), f"{where}.updated_at"),
            )
        )
    return tuple(readings)


def _read_sessions(r: _Reader, raw: Any) -> tuple[tuple[str, datetime, int, str], ...]:
    sessions = []
    for n, raw_session in enumerate(r.array(raw, "sessions")):
        where = f"sessions[{n}]"
        entry = r.obj(raw_session, where)
        minutes = entry.get("minutes")
        if not isinstance(minutes, int):  # whole minutes only, as Cairn writes them
            raise r.fail(f"{where}.minutes", f"{minutes!r} is not a whole number of minutes")
        sessions.append(
            (
                r.ident(entry.get("id"), f"{where}.id"),
                r.time(entry.get("started_at"), f"{where}.started_at"),
                r.checked(check_minutes, minutes, f"{where}.minutes"),
                r.choice(entry.get("source"), f"{where}.source", SESSION_SOURCES),
            )
        )
    return tuple(sessions)


# --- merging ------------------------------------------------------------------------------------
def is_newer(incoming: datetime, here: datetime) -> bool:
    """Whether an incoming change is newer than the one here; a time with no fraction of a
    second (perhaps rounded by an older export) is compared to the second, ties keep ours."""
    return incoming > (here if incoming.microsecond else to_second(here))


def _missing(incoming: Iterable[tuple[Hashable, T]], here: Iterable[Hashable]) -> list[T]:
    """The incoming values whose key is not here, counting repeats (a key twice in the file
    but once here adds one). Linear in both sizes."""
    have = Counter(here)
    found = []
    for key, value in incoming:
        if have[key] > 0:
            have[key] -= 1
        else:
            found.append(value)
    return found


def plan_merge(
    snapshot: ProgressSnapshot,
    data: ExportData,
    curriculum: Curriculum | None = None,
    *,
    as_restore: bool = False,
) -> ImportPlan:
    """What merging `data` into the progress in `snapshot` would write (a pure function:
    `Tracker.apply_import` writes the plan): newer wins, nothing is deleted.

    With a curriculum, evidence and sessions on ids it does not know are skipped (and counted),
    and evidence on a known id that is not a milestone refuses the file. Another learner's
    export is refused where progress exists, unless `as_restore` (see `identity`)."""

    plan = ImportPlan()
    carried = carried_along(snapshot, data, as_restore=as_restore)
    plan.comments, plan.verified = carried.comments, carried.verified
    data = _sort_by_curriculum(plan, data, curriculum) if curriculum is not None else data
    _plan_statuses(plan, snapshot, data)
    notes = snapshot.notes
    for ident, body, at in data.notes:
        here_note = notes.get(ident)
        if here_note is None or (is_newer(at, here_note.updated_at) and here_note.body != body):
            plan.notes.append((ident, body, here_note.private if here_note else False, at))
    resolve = curriculum.resolve if curriculum is not None else (lambda cid: cid)
    links = {(resolve(e.content_id), e.url) for e in snapshot.evidence}
    for ident, url, at in data.evidence:
        if (resolve(ident), url) not in links:
            plan.evidence.append((resolve(ident), url, at))
            links.add((resolve(ident), url))
    readings = snapshot.reading_records
    for ident, status, at in data.readings:
        here_reading = readings.get(ident)
        if here_reading is None or (
            is_newer(at, here_reading.updated_at) and here_reading.status != status
        ):
            plan.readings.append((ident, status, at))
    plan.sessions = _missing(
        (
            ((cid, to_second(at), minutes), (cid, at, minutes, source))
            for cid, at, minutes, source in data.sessions
        ),
        ((x.content_id, to_second(x.started_at), x.minutes) for x in snapshot.sessions),
    )
    _plan_settings(plan, snapshot, data, curriculum)
    plan.settings.update(carried.settings)
    plan.practice, taken = plan_practice(snapshot, data.practice, data.desired_retention)
    plan.settings.update(taken)
    for group, options, at in data.choices:
        here_choice = snapshot.choice_records.get(group)
        if here_choice is None or (
            is_newer(at, here_choice.updated_at) and here_choice.options != options
        ):
            plan.choices.append((group, options, at))
    return plan


def _plan_settings(
    plan: ImportPlan, snapshot: ProgressSnapshot, data: ExportData, curriculum: Curriculum | None
) -> None:
    """The learner's name and roles when none are set here. With a curriculum, roles it does
    not have are left out and noted, and a stored role it does not have counts as none."""

    def known(role: str) -> bool:
        return curriculum is None or role in curriculum.roles

    if data.learner_name and not snapshot.settings.get("learner_name"):
        plan.settings["learner_name"] = data.learner_name
    plan.skipped_roles = tuple(
        dict.fromkeys(
            role for role in (data.primary_role, *data.target_roles) if role and not known(role)
        )
    )
    here = snapshot.settings.get("primary_role")
    if data.primary_role and known(data.primary_role) and not (here and known(here)):
        plan.settings["primary_role"] = data.primary_role
        plan.settings["target_roles"] = list(
            dict.fromkeys(r for r in data.target_roles if r != data.primary_role and known(r))
        )


def _plan_statuses(plan: ImportPlan, snapshot: ProgressSnapshot, data: ExportData) -> None:
    """Newer statuses, and every history entry not already here (matched to the second)."""
    local = snapshot.records
    for item in data.items:
        here = local.get(item.id)
        if here is None or (
            is_newer(item.updated_at, here.updated_at) and here.status != item.status
        ):
            plan.statuses.append((item.id, item.status, item.updated_at))
    history = snapshot.history
    plan.history = _missing(
        (
            ((item.id, old, new, to_second(at)), (item.id, old, new, at))
            for item in data.items
            for old, new, at in item.history
        ),
        (
            (cid, h.old_status, h.new_status, to_second(h.changed_at))
            for cid, entries in history.items()
            for h in entries
        ),
    )


def _check_choices(data: ExportData, curriculum: Curriculum) -> None:
    """A choice of a group the curriculum has must name its options, as many as it asks for
    (none: reopened); a group it does not have is kept, like progress on a retired item."""
    for n, (group_id, options, _at) in enumerate(data.choices):
        group = curriculum.choices.get(group_id)
        if group is None:
            continue
        wrong = [o for o in options if group.option(o) is None]
        if wrong or len(options) not in (0, group.choose):
            problem = (
                f"{wrong[0]!r} is not an option of {group_id!r}"
                if wrong
                else f"{group_id!r} asks for {_plural(group.choose, 'option')}, not {len(options)}"
            )
            raise _refuse(data.path, f"field 'choices[{n}].options': {problem}")


def _sort_by_curriculum(plan: ImportPlan, data: ExportData, curriculum: Curriculum) -> ExportData:
    """Note unknown ids in the plan and leave out evidence and sessions on them, and reading
    statuses on ids that are not readings."""
    items, readings = curriculum.items, curriculum.readings

    def known(cid: str) -> bool:
        return curriculum.resolve(cid) in items

    for n, (ident, _url, _at) in enumerate(data.evidence):
        if known(ident) and not items[curriculum.resolve(ident)].is_milestone:
            raise _refuse(
                data.path,
                f"field 'evidence[{n}].id': {ident!r} is an item, not a "
                "project milestone; evidence belongs to milestones",
            )
    _check_choices(data, curriculum)
    evidence = tuple(e for e in data.evidence if known(e[0]))
    sessions = tuple(x for x in data.sessions if known(x[0]) or x[0] in readings)
    skipped = {e[0] for e in data.evidence if not known(e[0])}
    skipped |= {x[0] for x in data.sessions if not (known(x[0]) or x[0] in readings)}
    plan.skipped_ids = tuple(sorted(skipped))
    plan.skipped_evidence = len(data.evidence) - len(evidence)
    plan.skipped_sessions = len(data.sessions) - len(sessions)
    plan.skipped_readings = tuple(sorted({x[0] for x in data.readings if x[0] not in readings}))
    plan.unknown_ids = tuple(
        sorted(
            {i.id for i in data.items if not known(i.id)}
            | {n[0] for n in data.notes if not known(n[0])}
        )
    )
    return replace(
        data,
        evidence=evidence,
        sessions=sessions,
        readings=tuple(x for x in data.readings if x[0] in readings),
    )
