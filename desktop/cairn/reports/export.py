"""Exporting a summary in any format, written atomically (a half-written file never appears)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from ..tracker import Tracker, utc_now
from .html_report import render_html
from .json_export import export_payload
from .markdown_report import render_markdown
from .summary import LAST_EXPORT, build_summary

FORMATS = ("md", "html", "pdf", "json")


def render_text(tracker: Tracker, fmt: str, *, since: datetime | None = None,
                include_notes: bool = True, now: datetime | None = None,
                questions: str | None = None, next_goals: str | None = None) -> str:
    """The export as text (for md, html and json; the preview shows exactly this)."""
    summary = build_summary(tracker, until=now or utc_now(), since=since,
                            include_notes=include_notes, questions=questions,
                            next_goals=next_goals)
    if fmt == "md":
        return render_markdown(summary)
    if fmt in ("html", "pdf"):
        return render_html(summary, for_print=fmt == "pdf")
    if fmt == "json":
        return json.dumps(export_payload(tracker, summary), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")


def export(tracker: Tracker, fmt: str, target: Path, *, since: datetime | None = None,
           include_notes: bool = True, now: datetime | None = None,
           questions: str | None = None, next_goals: str | None = None) -> Path:
    """Write the export to `target` and remember when this export was made."""
    moment = now or utc_now()
    text = render_text(tracker, fmt, since=since, include_notes=include_notes, now=moment,
                       questions=questions, next_goals=next_goals)
    write_export(text, fmt, Path(target), moment)
    remember_export(tracker, moment)
    return Path(target)


def write_export(text: str, fmt: str, target: Path, moment: datetime) -> None:
    """Write rendered text (or lay out the PDF) atomically. Touches no database, so it may
    run on a worker thread."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "pdf":
            from .pdf import write_pdf

            write_pdf(text, partial, title=f"Cairn progress summary ({moment:%d %b %Y})")
        else:
            with open(partial, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def remember_export(tracker: Tracker, moment: datetime) -> None:
    """The next summary lists what was completed after this moment."""
    tracker.set_setting(LAST_EXPORT, moment.isoformat())
