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
     "mentor": {"questions", "next_goals"},
     "summary": {"overall": {"done", "total", "percent"},
                 "months": [{"month", "title", "done", "total", "percent"}],
                 "roles": [{"id", "name", "readiness"}],
                 "last_activity": ISO or null,
                 "study_minutes": int or null, "study_minutes_last_four_weeks": int}}
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .. import __version__
from ..plan import Pace
from ..snapshot import ProgressSnapshot
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
    statuses = snapshot.records
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
        for cid, record in sorted(statuses.items())
    ]
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
    fields = list(payload.items())
    out = ["{"]
    for n, (key, value) in enumerate(fields):
        comma = "," if n < len(fields) - 1 else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            entries = ",\n    ".join(
                json.dumps(entry, ensure_ascii=False, separators=_SEPARATORS) for entry in value
            )
            out.append(f"  {name}: [\n    {entries}\n  ]{comma}")
        else:
            text = json.dumps(value, ensure_ascii=False, separators=_SEPARATORS)
            out.append(f"  {name}: {text}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"
