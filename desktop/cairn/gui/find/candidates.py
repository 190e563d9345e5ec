"""What quick open can find, read from the tracker: items, milestones, projects, readings,
roles, weeks, months, and the learner's notes (a note finds its item)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...tracker import Tracker
from .matching import Candidate

KINDS = ("item", "milestone", "note", "reading", "week", "month", "project", "role")


def kind_label(kind: str) -> str:
    """The word shown beside a result for what it is."""
    labels = {
        "item": QCoreApplication.translate("QuickOpen", "Item"),
        "milestone": QCoreApplication.translate("QuickOpen", "Milestone"),
        "note": QCoreApplication.translate("QuickOpen", "Note"),
        "reading": QCoreApplication.translate("QuickOpen", "Reading"),
        "week": QCoreApplication.translate("QuickOpen", "Week"),
        "month": QCoreApplication.translate("QuickOpen", "Month"),
        "project": QCoreApplication.translate("QuickOpen", "Project"),
        "role": QCoreApplication.translate("QuickOpen", "Role"),
    }
    return labels.get(kind, kind)


def _week_label(tracker: Tracker, week_id: str) -> str:
    week = tracker.curriculum.weeks.get(week_id)
    if week is None:
        return ""
    return QCoreApplication.translate("QuickOpen", "Week {number}").format(number=week.number)


def candidates(tracker: Tracker) -> list[Candidate]:
    """Everything findable, in the path's order (the matcher ranks them)."""
    c = tracker.curriculum
    found: list[Candidate] = []
    for month in c.months:
        title = QCoreApplication.translate("QuickOpen", "Month {number} · {title}")
        text = title.format(number=month.number, title=month.title)
        found.append(Candidate("month", month.id, text))
    for week in c.weeks.values():
        title = QCoreApplication.translate("QuickOpen", "Week {number} · {title}")
        found.append(Candidate("week", week.id, title.format(number=week.number, title=week.title)))
    for item in c.items.values():
        kind = "milestone" if item.kind == "milestone" else "item"
        found.append(Candidate(kind, item.id, item.title, _week_label(tracker, item.week_id)))
    for project in c.projects_in_order():
        found.append(Candidate("project", project.id, project.title))
    for reading in c.readings.values():
        found.append(Candidate("reading", reading.id, reading.title, reading.author))
    for role in c.roles.values():
        found.append(Candidate("role", role.id, role.name))
    for item_id, note in tracker.notes().items():
        noted = c.items.get(c.resolve(item_id))
        if noted is not None and note.body.strip():
            found.append(
                Candidate(
                    "note",
                    noted.id,
                    noted.title,
                    _week_label(tracker, noted.week_id),
                    note.body,
                    match_title=False,
                )
            )
    return found
