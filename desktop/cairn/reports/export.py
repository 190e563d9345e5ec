"""Exporting a summary in any format, written atomically (a half-written file never appears).

An export is never written into the data folder, over a database (or its -wal/-shm files), or
onto a folder, pipe or device: such a target is refused before anything is written.

Everything here is a function of a `ProgressSnapshot` (plus paths): an export returns when it
was made, and the caller remembers that through the tracker (`Tracker.remember_export`)."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..snapshot import ProgressSnapshot
from .html_report import render_html
from .json_export import render_export
from .markdown_report import render_markdown
from .summary import build_summary

FORMATS = ("md", "html", "pdf", "json")
SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db")
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
FIRST_YEAR, LAST_YEAR = 2000, 2100
SYSTEM_FOLDERS = (Path("/dev"), Path("/proc"), Path("/sys"))


class ExportTargetRefused(ValueError):
    """The chosen file must not be written by an export (it would damage the learner's data)."""


@dataclass(frozen=True, slots=True)
class Exported:
    """A written export: the file, and the moment the summary runs until (to remember as
    the last export, so the next summary starts there)."""

    path: Path
    at: datetime


def _is_sqlite(path: Path) -> bool:
    """True for an existing regular file that starts with the SQLite header."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or anywhere below it (both already resolved)."""
    return path == folder or folder in path.parents


def _refusal(target: Path, resolved: Path, protected: Iterable[Path]) -> str | None:
    """Why an export must not be written to `target`, or None when it may be."""
    for system in SYSTEM_FOLDERS:
        if _inside(resolved, system) or _inside(target.absolute(), system):
            return f"{target} is a system path ({system}), not a file of yours"
    for folder in protected:
        if _inside(resolved, folder.resolve()):
            return f"{target} is inside Cairn's data folder {folder}; choose another place"
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        return f"{target} cannot be checked ({error.strerror or error})"
    if mode is not None and stat.S_ISDIR(mode):
        return f"{target} is a folder; name a file"
    if mode is not None and not stat.S_ISREG(mode):
        return f"{target} is not an ordinary file (a pipe, socket or device)"
    if _is_sqlite(resolved):
        return f"{target} is a database, not an export; choose another name"
    name = resolved.name.lower()
    if name.endswith(DATABASE_SUFFIXES):
        return f"{target} is named like a database; an export needs another name"
    for suffix in SIDE_FILE_SUFFIXES:
        if name.endswith(suffix) and _is_sqlite(resolved.with_name(resolved.name[: -len(suffix)])):
            return f"{target} belongs to a database; choose another name"
    return None


def check_export_target(
    target: Path, data_dir: Path | None, *, protected: Iterable[Path] = ()
) -> None:
    """Refuse (ExportTargetRefused, naming the file) a target inside the data folder or any
    `protected` folder, an SQLite database or its side files, a folder, pipe or device."""
    target = Path(target)
    folders = [Path(f) for f in (data_dir, *protected) if f is not None]
    try:
        resolved = target.resolve()
        if resolved.is_symlink():  # newer Pythons leave a loop unresolved rather than raise
            resolved.stat()
    except (OSError, RuntimeError):  # a loop of links
        raise ExportTargetRefused(
            f"Not exported: {target} is a link that leads round in a "
            "circle. Nothing was written or changed."
        ) from None
    if not resolved.parent.is_dir():
        raise ExportTargetRefused(
            f"Not exported: the folder for {target} ({resolved.parent}) "
            "does not exist. Nothing was written or changed."
        )
    reason = _refusal(target, resolved, folders)
    if reason:
        raise ExportTargetRefused(f"Not exported: {reason}. Nothing was written or changed.")


def parse_since(text: str) -> datetime:
    """A --since value as naive UTC: YYYY-MM-DD (midnight UTC), an ISO time without an offset
    (taken as UTC, like the database) or with one (converted to UTC)."""
    cleaned = text.strip()
    hint = "use YYYY-MM-DD or an ISO time such as 2026-01-31T09:00:00+05:00"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][0-9:.,]+(Z|[+-]\d{2}(:?\d{2})?)?)?", cleaned):
        raise ValueError(f"--since '{text}' is not a date or time: {hint}")
    try:
        moment = datetime.fromisoformat(cleaned)
        if FIRST_YEAR <= moment.year <= LAST_YEAR:
            moment = as_naive_utc(moment)
    except (ValueError, OverflowError):
        raise ValueError(f"--since '{text}' is not a real date or time: {hint}") from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(f"--since '{text}' is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return moment


def as_naive_utc(moment: datetime) -> datetime:
    """`moment` in UTC without a time zone (how the database keeps times)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def render_text(
    snapshot: ProgressSnapshot,
    fmt: str,
    *,
    since: datetime | None = None,
    include_notes: bool = True,
    now: datetime | None = None,
    questions: str | None = None,
    next_goals: str | None = None,
) -> str:
    """The export as text (for md, html and json; the preview shows exactly this), up to
    `now` (default: the snapshot's moment)."""
    summary = build_summary(
        snapshot,
        until=as_naive_utc(now or snapshot.now),
        since=as_naive_utc(since) if since else None,
        include_notes=include_notes,
        questions=questions,
        next_goals=next_goals,
        details=fmt != "json",  # the JSON export writes the summary's totals only
    )
    if fmt == "md":
        return render_markdown(summary)
    if fmt in ("html", "pdf"):
        return render_html(summary, for_print=fmt == "pdf")
    if fmt == "json":
        return render_export(snapshot, summary)
    raise ValueError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")


def export(
    snapshot: ProgressSnapshot,
    fmt: str,
    target: Path,
    *,
    since: datetime | None = None,
    include_notes: bool = True,
    now: datetime | None = None,
    questions: str | None = None,
    next_goals: str | None = None,
    data_dir: Path | None = None,
) -> Exported:
    """Write the export to `target`; say when it was made (the caller remembers that). A
    target inside the data folder (default: the snapshot's), its backups or over a database
    is refused first."""
    folder = data_dir if data_dir is not None else snapshot.data_folder
    protected = [snapshot.backup_dir] if snapshot.backup_dir is not None else []
    check_export_target(Path(target), folder, protected=protected)
    moment = now or snapshot.now
    text = render_text(
        snapshot,
        fmt,
        since=since,
        include_notes=include_notes,
        now=moment,
        questions=questions,
        next_goals=next_goals,
    )
    write_export(text, fmt, Path(target), moment, data_dir=folder, protected=protected)
    return Exported(Path(target), moment)


def write_export(
    text: str,
    fmt: str,
    target: Path,
    moment: datetime,
    *,
    data_dir: Path | None = None,
    protected: Iterable[Path] = (),
) -> None:
    """Write rendered text (or lay out the PDF) to a temporary file beside `target`, then
    rename it over `target`: a failure leaves any existing file as it was and no partial.
    Touches no database, so it may run on a worker thread."""
    protected = list(protected)
    check_export_target(Path(target), data_dir, protected=protected)
    target = Path(target).resolve()  # a link is followed, never replaced by the export
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        if fmt == "pdf":
            from .pdf import UnsafePdfError, write_pdf

            try:
                write_pdf(text, partial, title=f"Cairn progress summary ({moment:%d %b %Y})")
            except UnsafePdfError as error:
                raise UnsafePdfError(f"{target}: {error}") from None
            _sync(partial)
        else:
            with open(partial, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        os.chmod(partial, 0o644)
        check_export_target(target, data_dir, protected=protected)  # still safe to replace
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Flush a file written by someone else (Qt) to the disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
