"""Whose data an import is, and the mentor's answers it carries (docs/mentor-loop.md).

- Reading: an export's `learner.id`, `plan` and `feedback` sections (schema 3; absent before).
- Planning a progress import: another learner's export is refused where this folder already
  holds progress, unless it is an explicit restore; a folder without progress adopts the
  export's learner id. The plan and the mentor's comments and verifications come along.

Pure: no Qt, no database; the tracker applies the plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..snapshot import SentReport
from ..validation import check_learner_name, check_note
from .refusal import FieldReader as _Reader
from .refusal import refuse, to_second

if TYPE_CHECKING:
    from ..snapshot import ProgressSnapshot

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
# An export carries every comment ever received (each feedback file holds at most 5,000), so
# only the file's size limits it: every export Cairn writes imports back.
MAX_FEEDBACK_ENTRIES = 1_000_000
PLAN_HOURS = (1.0, 60.0)


# --- reading -------------------------------------------------------------------------------------
def read_identity_fields(r: _Reader, top: dict[str, Any]) -> dict[str, Any]:
    """`learner_id`, `plan`, `comments` and `verified` of an export, validated (empty when a
    file older than schema 3 has none)."""
    learner = top.get("learner") or {}
    feedback = r.obj(top.get("feedback") or {}, "feedback")
    return {
        "learner_id": learner_id_field(r, learner.get("id") if isinstance(learner, dict) else None),
        "plan": _plan(r, top.get("plan")),
        "comments": _comments(r, feedback.get("comments")),
        "verified": _verified(r, feedback.get("verified")),
    }


def learner_id_field(r: _Reader, value: Any) -> str:
    """A file's `learner.id`: a UUID (kept in lower case), or "" for null."""
    if value is None:
        return ""
    if not isinstance(value, str) or not UUID.fullmatch(value):
        shown = repr(value[:40]) if isinstance(value, str) else f"a {type(value).__name__}"
        raise r.fail("learner.id", f"{shown} is not a learner id (a UUID) or null")
    return value.lower()


def _plan(r: _Reader, raw: Any) -> tuple[str, float] | None:
    if raw is None:
        return None
    plan = r.obj(raw, "plan")
    start, hours = plan.get("start"), plan.get("hours_per_week")
    if start is None and hours is None:
        return None  # no plan set
    try:
        day = date.fromisoformat(start) if isinstance(start, str) and len(start) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise r.fail("plan.start", f"{str(start)[:40]!r} is not a date (YYYY-MM-DD)")
    if not 2000 <= day.year <= 2100:
        raise r.fail("plan.start", f"{day.isoformat()} is outside the years 2000–2100")
    if isinstance(hours, bool) or not isinstance(hours, int | float):
        raise r.fail("plan.hours_per_week", "must be a number of hours")
    if not PLAN_HOURS[0] <= hours <= PLAN_HOURS[1]:
        raise r.fail("plan.hours_per_week", f"{hours:g} is not between 1 and 60")
    return day.isoformat(), float(hours)


def _entries(r: _Reader, raw: Any, where: str) -> list[Any]:
    entries = r.array(raw, where)
    if len(entries) > MAX_FEEDBACK_ENTRIES:
        raise r.fail(where, f"has {len(entries):,} entries (at most {MAX_FEEDBACK_ENTRIES:,})")
    return entries


def _mentor(r: _Reader, value: Any, where: str) -> str:
    return "" if not value else r.checked(check_learner_name, value, where)


def _comments(r: _Reader, raw: Any) -> tuple[tuple[str, str, str, datetime], ...]:
    found = []
    for n, raw_entry in enumerate(_entries(r, raw, "feedback.comments")):
        where = f"feedback.comments[{n}]"
        entry = r.obj(raw_entry, where)
        ident = entry.get("id")
        content_id = "" if ident == "" else r.ident(ident, f"{where}.id")  # "": overall note
        text = r.checked(check_note, entry.get("text"), f"{where}.text")
        mentor = _mentor(r, entry.get("mentor"), f"{where}.mentor")
        if text.strip():
            found.append((content_id, text, mentor, r.time(entry.get("at"), f"{where}.at")))
    return tuple(found)


def _verified(r: _Reader, raw: Any) -> tuple[tuple[str, str, datetime], ...]:
    found = []
    seen: set[str] = set()
    for n, raw_entry in enumerate(_entries(r, raw, "feedback.verified")):
        where = f"feedback.verified[{n}]"
        entry = r.obj(raw_entry, where)
        ident = r.unique(r.ident(entry.get("id"), f"{where}.id"), seen, f"{where}.id")
        mentor = _mentor(r, entry.get("mentor"), f"{where}.mentor")
        found.append((ident, mentor, r.time(entry.get("at"), f"{where}.at")))
    return tuple(found)


# --- planning a progress import ------------------------------------------------------------------
def has_progress(snapshot: ProgressSnapshot) -> bool:
    """True once the learner recorded anything: a status, note, evidence link, study session,
    reading status, mentor feedback or practice (a review, a card of their own …)."""
    return bool(
        any(r.status != "todo" for r in snapshot.records.values())
        or any(n.body.strip() for n in snapshot.notes.values())
        or snapshot.evidence
        or snapshot.sessions
        or any(r.status != "unread" for r in snapshot.reading_records.values())
        or snapshot.comments
        or not snapshot.practice.empty
    )


def _short(learner_id: str) -> str:
    return learner_id[:8]


def check_same_learner(
    snapshot: ProgressSnapshot, theirs: str, name: str, path: Any, *, as_restore: bool
) -> bool:
    """Whether this import adopts the file's learner id. Refuses (ImportRefused naming the file
    and `learner.id`) another learner's file where progress exists, unless `as_restore`."""
    here = snapshot.learner_id
    if not theirs or theirs == here:
        return False
    if here and has_progress(snapshot) and not as_restore:
        who = f"{name}'s" if name else "another learner's"
        raise refuse(
            path,
            f"field 'learner.id': this is {who} progress (learner {_short(theirs)}…), and your "
            f"data already holds progress of another learner (you: {_short(here)}…). If it is "
            "your own data from another computer, import it as a restore (cairn import FILE "
            "--as-restore, or Restore in the window)",
        )
    return True


@dataclass(frozen=True, slots=True)
class Carried:
    """What a progress import brings besides progress: settings to take (the learner id to
    adopt, the plan when none is set here) and mentor feedback not here yet."""

    settings: dict[str, Any]
    comments: list[tuple[str, str, str, datetime, datetime]]
    verified: list[tuple[str, datetime, str]]


def carried_along(snapshot: ProgressSnapshot, data: Any, *, as_restore: bool) -> Carried:
    """The learner id to adopt (or a refusal), the plan when none is set here, and the mentor's
    comments and verifications the export `data` carries that are not here yet."""
    settings: dict[str, Any] = {}
    if check_same_learner(
        snapshot, data.learner_id, data.learner_name, data.path, as_restore=as_restore
    ):
        settings["learner_id"] = data.learner_id
    if data.plan is not None and snapshot.plan is None:
        start, hours = data.plan
        settings["plan"] = {"start": start, "hours_per_week": hours}
    sent, here = SentReport.from_setting(data.summary.get("last_sent")), snapshot.last_sent
    if sent is not None and sent.at <= data.exported_at and (here is None or sent.at > here.at):
        settings["last_sent"] = sent.as_setting()  # a restore keeps where the period starts
    return Carried(
        settings,
        new_comments(snapshot, data.comments),
        new_verified(snapshot, ((c, at, who) for c, who, at in data.verified)),
    )


def new_comments(snapshot: ProgressSnapshot, incoming: Any) -> list[Any]:
    """Comments not already here (matched on id, text and time to the second)."""
    seen = {(c.content_id, c.body, to_second(c.written_at)) for c in snapshot.comments}
    found = []
    for cid, text, mentor, at in incoming:
        key = (cid, text, to_second(at))
        if key not in seen:
            seen.add(key)
            found.append((cid, text, mentor, at, snapshot.now))
    return found


def new_verified(snapshot: ProgressSnapshot, incoming: Any) -> list[Any]:
    seen = set(snapshot.verified)
    found = []
    for cid, at, mentor in incoming:
        if cid not in seen:
            seen.add(cid)
            found.append((cid, at, mentor))
    return found
