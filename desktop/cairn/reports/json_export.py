"""The JSON export: the learner's progress, versioned, for restoring, merging and mentors.

Schema 3 (fields may be added, never removed or renamed; schema 1 files, without choices, and
schema 2 files, without the learner id, plan and feedback, still import; docs/mentor-loop.md).
Times are UTC with microseconds (older Cairn wrote whole seconds; both import):

    {"format": "cairn-progress", "schema": 1, "exported_at": ISO-8601 UTC,
     "app": {"name": "Cairn", "version"},
     "curriculum": {"version", "hash"},
     "learner": {"name", "primary_role", "target_roles": [...]},
     "period": {"since": ISO or null, "until": ISO},
     "items": [{"id", "status", "updated_at", "history": [{"from", "to", "at"}],
                "choice": group id or null, "chosen": true/false (null outside a choice)}],
     "choices": [{"group", "options": [option ids], "updated_at"}],   # electives; [] = reopened
     "notes": [{"id", "body", "updated_at"}],          # never private notes; none with --no-notes
     "evidence": [{"id", "url", "added_at"}],
     "readings": [{"id", "status", "updated_at"}],
     "sessions": [{"id", "started_at", "minutes", "source"}],   # study sessions
     "practice": {"schema": 1, ...},   # own cards, card edits, states, reviews: practice_export
     "mentor": {"questions", "next_goals"},
     "summary": {"overall": {"done", "total", "percent"},
                 "months": [{"month", "title", "done", "total", "percent"}],
                 "roles": [{"id", "name", "readiness"}],
                 "last_activity": ISO or null,
                 "study_minutes": int or null, "study_minutes_last_four_weeks": int,
                 "retention": [{"id", "name", "cards", "recall": 0..1 or null}],
                 "practice": {"reviews", "reviews_in_period", "reviews_last_14_days",
                              "cards_reviewed", "suspended", "own_cards"}}}

The practice section came after schema 3 without changing its number: it is only added, and
Cairn before it imports such a file leaving the section out. The section has its own
"schema" (1), which a newer section would raise.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from .. import __version__
from ..plan import Pace
from ..records import HistoryEntry
from ..snapshot import ProgressSnapshot, StoredHistory
from .practice_export import EncodedEntries, PracticeSection, practice_section
from .summary import Summary

FORMAT = "cairn-progress"
SCHEMA = 3


def _iso(moment: datetime | None) -> str | None:
    """Naive UTC as ISO 8601 with microseconds, so an import matches what it came from."""
    return moment.isoformat(timespec="microseconds") + "Z" if moment else None


def choice_fields(snapshot: ProgressSnapshot, content_id: str) -> dict[str, Any]:
    """An item's choice group (None outside every group) and whether its option is chosen."""
    option = snapshot.curriculum.option_of.get(snapshot.curriculum.resolve(content_id))
    if option is None:
        return {"choice": None, "chosen": None}
    return {
        "choice": option.group_id,
        "chosen": option.id in snapshot.chosen.get(option.group_id, ()),
    }


def export_payload(snapshot: ProgressSnapshot, summary: Summary) -> dict[str, Any]:
    """Everything the JSON export holds, as plain data."""
    history = snapshot.history
    items = [
        {
            "id": cid,
            "status": record.status,
            "updated_at": _iso(record.updated_at),
            "history": [
                {"from": h.old_status, "to": h.new_status, "at": _iso(h.changed_at)}
                for h in history.get(cid, [])
            ],
            **choice_fields(snapshot, cid),
        }
        for cid, record in sorted(snapshot.records.items())
    ]
    return _payload(snapshot, summary, items, practice_section(snapshot))


def render_export(snapshot: ProgressSnapshot, summary: Summary) -> str:
    """The JSON export as text: exactly `dump_export(export_payload(snapshot, summary))`,
    written without a dictionary per status event. From a snapshot's `StoredHistory` whose
    times are all in the store's own form the stored text is passed on with a "T" and a "Z"
    (what `_iso` writes after parsing it), so 200,000 events cost no parsing either."""
    history = snapshot.history
    written = _stored_events(history) if isinstance(history, StoredHistory) else None
    items = _Encoded()
    tails: dict[tuple[Any, Any], str] = {}  # the choice fields: the same few pairs recur
    for cid, record in sorted(snapshot.records.items()):
        if written is not None:
            events = written.get(cid, "")
        else:
            events = _entries_text(history.get(cid, ()))
        fields = choice_fields(snapshot, cid)
        key = (fields["choice"], fields["chosen"])
        tail = tails.get(key)
        if tail is None:
            tail = tails[key] = _dumps(fields)[1:]
        head = (
            f'{{"id": {_dumps(cid)}, "status": {_dumps(record.status)}, '
            f'"updated_at": {_dumps(_iso(record.updated_at))}'
        )
        items.append(f'{head}, "history": [{events}], {tail}')
    return dump_export(_payload(snapshot, summary, items, practice_section(snapshot, encoded=True)))


class _Encoded(list[str]):
    """A list whose entries are already written as JSON (`dump_export` writes them as they
    are)."""

    __slots__ = ()


def _dumps(value: Any) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, separators=_SEPARATORS)` writes it
    (text directly through the encoder's own string function, the commonest case)."""
    if type(value) is str:
        return _encode_text(value)
    return _encoder().encode(value)


_encode_text = json.encoder.encode_basestring  # what the encoder writes a str with


@cache
def _encoder() -> json.JSONEncoder:
    return json.JSONEncoder(ensure_ascii=False, separators=_SEPARATORS)


def _entries_text(entries: Iterable[HistoryEntry]) -> str:
    """History entries as the export writes them, comma-separated."""
    return ", ".join(
        _dumps({"from": h.old_status, "to": h.new_status, "at": _iso(h.changed_at)})
        for h in entries
    )


class _EventStarts(dict[tuple[str | None, str], str]):
    """An event's text up to its time, by (from, to): the same few pairs recur all along."""

    def __missing__(self, pair: tuple[str | None, str]) -> str:
        old, new = pair
        start = self[pair] = f'{{"from": {_dumps(old)}, "to": {_dumps(new)}, "at": '
        return start


def _stored_events(history: StoredHistory) -> dict[str, str]:
    """Each id's history as the export writes it, comma-separated. Times in the store's form
    become the export's by text; otherwise every entry is parsed and written by `_iso`."""
    changes = history.changes()
    if not in_stored_form(list(map(itemgetter(3), changes)), ordered=True):
        return {cid: _entries_text(entries) for cid, entries in history.items()}
    starts = _EventStarts()
    # one pass in the order the rows were read (much faster than id by id), then grouped
    texts = [f'{starts[old, new]}"{at[:10]}T{at[11:]}Z"}}' for _, old, new, at in changes]
    grouped: dict[str, list[str]] = {}
    for cid, text in zip(map(itemgetter(0), changes), texts, strict=True):
        found = grouped.get(cid)
        if found is None:
            grouped[cid] = [text]
        else:
            found.append(text)
    return {cid: ", ".join(found) for cid, found in grouped.items()}


#: A time as the store writes it, its digits zeroed, and the length of each with a new line.
_STORED_FORM = b"0000-00-00 00:00:00.000000\n"
_LINE = len(_STORED_FORM)
_ZEROED = bytes.maketrans(b"123456789", b"000000000")
_IS_TWO = bytes(int(b == ord("2")) for b in range(256))
_FOUR_TO_NINE = bytes(int(ord("4") <= b <= ord("9")) for b in range(256))


def in_stored_form(times: Sequence[Any], *, ordered: bool = False) -> bool:
    """True when every time is text in the form the store writes ("2026-03-09 14:05:09.123456")
    and names a real moment, so that parsing it and writing it with `_iso` gives the same
    text with "T" for the space and a "Z" added. Checked on all of them at once: shape by
    zeroing the digits, hours, minutes and seconds by their columns, and each day apart.
    `ordered`: the times are known to be in order (a `StoredHistory`'s are oldest first)."""
    if not times:
        return True
    try:
        text = ("\n".join(times) + "\n").encode("ascii")
    except (TypeError, UnicodeEncodeError):  # not all text, or not all ASCII
        return False
    if text.translate(_ZEROED) != _STORED_FORM * len(times):
        return False
    column = {n: text[n::_LINE] for n in (11, 12, 14, 17)}  # hour tens and units, M and S tens
    if max(column[11], default=0) > ord("2") or max(column[14], default=0) > ord("5"):
        return False
    if max(column[17], default=0) > ord("5"):
        return False
    twenty = int.from_bytes(column[11].translate(_IS_TWO), "big")
    if twenty & int.from_bytes(column[12].translate(_FOUR_TO_NINE), "big"):  # 24:00 and on
        return False
    return all(_is_day(day) for day in _days(times, ordered=ordered))


def _days(times: Sequence[str], *, ordered: bool) -> Iterable[str]:
    """The days (YYYY-MM-DD) the times fall on. In order (as the stored history is), each
    day's times are one run, found by bisection: a few hundred steps, not 200,000."""
    if not ordered and times != sorted(times):
        return set(map(itemgetter(slice(0, 10)), times))
    days = []
    index = 0
    while index < len(times):
        day = times[index][:10]
        days.append(day)
        index = bisect_right(times, day + "~", index)  # "~" sorts after every digit and ":"
    return days


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _payload(
    snapshot: ProgressSnapshot, summary: Summary, items: list[Any], practice: PracticeSection
) -> dict[str, Any]:
    """Everything the JSON export holds, its items and practice section given (as data or
    with entries already written)."""
    notes = (
        [
            {"id": cid, "body": n.body, "updated_at": _iso(n.updated_at)}
            for cid, n in sorted(snapshot.notes.items())
            if not n.private
        ]
        if summary.notes_included
        else []
    )
    evidence = [
        {"id": e.content_id, "url": e.url, "added_at": _iso(e.added_at)} for e in snapshot.evidence
    ]
    readings = [
        {"id": rid, "status": r.status, "updated_at": _iso(r.updated_at)}
        for rid, r in sorted(snapshot.reading_records.items())
    ]
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "exported_at": _iso(summary.until),
        "app": {"name": "Cairn", "version": __version__},
        "curriculum": {
            "version": snapshot.curriculum.version,
            "hash": snapshot.curriculum.content_hash,
        },
        "learner": {
            "id": snapshot.learner_id or None,
            "name": snapshot.learner_name,
            "primary_role": snapshot.primary_role,
            "target_roles": list(snapshot.target_roles),
        },
        "period": {"since": _iso(summary.since), "until": _iso(summary.until)},
        "plan": _plan(snapshot),
        "feedback": _feedback(snapshot),
        "items": items,
        "choices": [
            {"group": group, "options": list(c.options), "updated_at": _iso(c.updated_at)}
            for group, c in sorted(snapshot.choice_records.items())
        ],
        "notes": notes,
        "evidence": evidence,
        "readings": readings,
        "sessions": [
            {
                "id": x.content_id,
                "started_at": _iso(x.started_at),
                "minutes": x.minutes,
                "source": x.source,
            }
            for x in snapshot.sessions
        ],
        "practice": practice,
        "mentor": {"questions": summary.questions, "next_goals": summary.next_goals},
        "summary": {
            "overall": summary.overall.as_dict(),
            "months": [
                {"month": m.number, "title": m.title, **m.progress.as_dict()}
                for m in summary.months
            ],
            "roles": [
                {"id": r.role_id, "name": r.name, "readiness": round(r.score, 1)}
                for r in snapshot.readiness().roles()
            ],
            "last_activity": _iso(summary.last_activity),
            "study_minutes": summary.study_minutes,
            "study_minutes_last_four_weeks": summary.study_minutes_4w,
            "study_minutes_last_14_days": summary.study_minutes_14d,
            "pace": pace_fields(summary.pace),
            "last_sent": (
                {**summary.last_sent.as_setting(), "at": _iso(summary.last_sent.at)}
                if summary.last_sent
                else None
            ),
            "milestones": summary.milestone_counts.as_dict(),
            "retention": [line.as_dict() for line in summary.practice.retention],
            "practice": summary.practice.counts(),
        },
    }


def _plan(snapshot: ProgressSnapshot) -> dict[str, Any]:
    plan = snapshot.plan
    if plan is None:
        return {"start": None, "hours_per_week": None}
    return {"start": plan.start.isoformat(), "hours_per_week": plan.hours_per_week}


def pace_fields(pace: Pace | None) -> dict[str, Any] | None:
    """The pace against the plan as plain data (None without a plan)."""
    if pace is None:
        return None
    return {
        "state": pace.state,
        "done_hours": round(pace.done_hours, 1),
        "expected_hours": round(pace.expected_hours, 1),
        "catch_up_hours": round(pace.catch_up_hours, 1),
        "expected_percent": pace.expected_percent,
        "forecast_finish": pace.forecast_finish.isoformat() if pace.forecast_finish else None,
        "planned_finish": pace.planned_finish.isoformat(),
    }


def _feedback(snapshot: ProgressSnapshot) -> dict[str, Any]:
    """What mentors sent back, so a restore keeps it."""
    return {
        "comments": [
            {"id": c.content_id, "text": c.body, "at": _iso(c.written_at), "mentor": c.mentor}
            for c in snapshot.comments
        ],
        "verified": [
            {"id": v.content_id, "at": _iso(v.verified_at), "mentor": v.mentor}
            for _, v in sorted(snapshot.verified.items())
        ],
    }


_SEPARATORS = (", ", ": ")


def dump_export(payload: dict[str, Any]) -> str:
    """The export as text: one top-level field a line, and each entry of a list on a line of
    its own (readable and diffable, and about five times faster to write than `indent=2`,
    which walks every nested value in Python)."""
    out = ["{", *_fields(payload, "  "), "}", ""]  # the last: the file's closing new line
    return "\n".join(out)


def _fields(fields: dict[str, Any], indent: str) -> list[str]:
    """Each field on a line of its own, a list's entries one a line below it, and the
    top-level practice section's fields likewise one level further in (100,000 reviews are
    100,000 lines, not one)."""
    out = []
    for n, (key, value) in enumerate(fields.items()):
        comma = "," if n < len(fields) - 1 else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            inner = indent + "  "
            entries = f",\n{inner}".join(
                value
                if isinstance(value, _Encoded | EncodedEntries)
                else [_dumps(entry) for entry in value]
            )
            out.append(f"{indent}{name}: [\n{inner}{entries}\n{indent}]{comma}")
        elif key == "practice" and indent == "  " and isinstance(value, dict) and value:
            out += [f"{indent}{name}: {{", *_fields(value, indent + "  "), f"{indent}}}{comma}"]
        else:
            out.append(f"{indent}{name}: {_dumps(value)}{comma}")
    return out
