"""The command line: the same tracker as the window, for scripting and headless use.

Exit codes: 0 ok, 1 a check failed or the data has a problem, 2 bad usage or bad input (a message
on stderr, nothing changed). This module never imports PySide6.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO, TypeVar, cast

from . import __version__
from .cli_choose import (
    add_choose_parser,
    is_listing,
    item_choice_fields,
    item_choice_label,
    run_choose,
)
from .cli_feedback import add_feedback_parser, run_feedback
from .cli_mentor import add_mentor_parsers, is_showing, pace_json, run_plan, run_profile
from .cli_practice import add_practice_parser, is_practice_listing, run_practice
from .content import ContentError, Curriculum, Item, load_curriculum
from .locations import curriculum_dir, default_data_dir
from .logs import command_line_log, configure_logging
from .progress import STATUSES, Progress
from .tracker import StoreError, Tracker, TrackerError, explain_folder_error
from .validation import MAX_NOTE_CHARS
from .words import day_text, plural

JSON_SCHEMA = 1
MAX_STDIN_IDS_CHARS = 1_000_000  # ids piped to `mark -`; far more than any curriculum holds
EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")
STANDARD_OUTPUT = "standard output"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message (its default, made explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"cairn: error: {message}\n")


def _nonempty(text: str) -> str:
    """A path argument: an empty value would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty; give a path")
    return text


def _folder_argument(text: str) -> Path:
    return Path(_nonempty(text))


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, made once a process (`python -m cairn` parses twice: to
    choose the window or a command, then the command)."""
    parser = _Parser(
        prog="cairn",
        description="Cairn: a six-month path into AI engineering. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"cairn {__version__}")
    parser.add_argument(
        "--data-dir",
        type=_folder_argument,
        metavar="DIR",
        help="the learner's data folder (default: $CAIRN_DATA_DIR, else the "
        "platform's user data folder)",
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="open the window, paint once and exit (for benchmarks and smoke tests)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    status = commands.add_parser("status", help="overall and per-month progress")
    status.add_argument("--json", action="store_true", help="machine-readable output")

    items = commands.add_parser("items", help="list checklist items and milestones")
    items.add_argument("--month", type=int, metavar="N", help="only month N")
    items.add_argument("--role", metavar="ID", help="only items that build this role's skills")
    items.add_argument("--status", choices=STATUSES, help="only items with this status")
    shape = items.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="machine-readable output")
    shape.add_argument(
        "--ids", action="store_true", help="only the ids, one a line (for 'cairn mark - STATUS')"
    )

    mark = commands.add_parser(
        "mark", help="set the status of one or more items in one step ('-' reads ids from stdin)"
    )
    mark.add_argument("item_ids", nargs="+", metavar="ITEM_ID")
    mark.add_argument("status", choices=STATUSES)

    note = commands.add_parser("note", help="replace an item's note (Markdown; '-' reads stdin)")
    note.add_argument("item_id", metavar="ITEM_ID")
    note.add_argument("text", metavar="TEXT")

    evidence = commands.add_parser("evidence", help="attach a proof link to a milestone")
    evidence.add_argument("milestone_id", metavar="MILESTONE_ID")
    evidence.add_argument("url", metavar="URL")

    readiness = commands.add_parser(
        "readiness", help="readiness 0-100 for a role, per skill area, with the next steps"
    )
    readiness.add_argument(
        "--role", metavar="ID", help="the role (default: your primary role, else every role)"
    )
    readiness.add_argument("--json", action="store_true", help="machine-readable output")

    log = commands.add_parser("log", help="record an offline study session")
    log.add_argument("item_id", metavar="ITEM_ID", help="an item, milestone or reading id")
    log.add_argument("minutes", type=int, metavar="MINUTES")

    export = commands.add_parser("export", help="write a progress summary for your mentor")
    export.add_argument("--format", required=True, choices=("md", "html", "pdf", "json"))
    export.add_argument("--out", required=True, dest="out_text", type=_nonempty, metavar="FILE")
    export.add_argument(
        "--since",
        metavar="DATE",
        help="completed work since this date (YYYY-MM-DD, or an ISO time with "
        "an offset; default: the last export)",
    )
    export.add_argument("--no-notes", action="store_true", help="leave every note out")
    export.add_argument(
        "--mark-sent",
        action="store_true",
        help="mark this summary as sent to your mentor: the next one's period starts here",
    )

    imp = commands.add_parser(
        "import",
        help="merge a JSON export (all or nothing), or keep a mentor's feedback file",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--as-restore",
        action="store_true",
        help="the export is your own data from another computer: take it even though its "
        "learner id differs from this folder's",
    )

    commands.add_parser("check", help="back up, then check the database; exit 1 if damaged")

    validate = commands.add_parser("validate", help="validate a curriculum pack")
    validate.add_argument("path", type=_nonempty, metavar="PATH")

    add_choose_parser(commands)
    add_mentor_parsers(commands)
    add_feedback_parser(commands)
    add_practice_parser(commands)
    return parser


READ_ONLY_COMMANDS = frozenset({"status", "items", "readiness"})
BACKED_UP_COMMANDS = frozenset(
    {"mark", "note", "evidence", "log", "choose", "plan", "profile", "practice"}
)
log = logging.getLogger("cairn.cli")


def run(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    on_open: Callable[[], None] | None = None,
) -> int:
    """Run one command; return its exit code (130 after Ctrl+C, with nothing half-done).
    `on_open` is called once the data folder is open (the process's start-up is over)."""
    out = stdout or sys.stdout
    with command_line_log(stderr or sys.stderr) as err:  # warnings not said otherwise, once
        try:
            return _run(argv, cast(TextIO, _Output(out)), err, on_open)
        except KeyboardInterrupt:
            err.write("cairn: interrupted; nothing more was changed\n")
            return 130
        except BrokenPipeError:
            _quiet_closed_stdout()
            return EXIT_OK


class OutputFailed(Exception):
    """The command's output could not be written (a full disk, a device that takes nothing);
    the learner's data is not part of it. Says the reason, then the output when known."""

    def __init__(self, name: str | None, error: OSError) -> None:
        reason = error.strerror or str(error) or type(error).__name__
        where = f" ({name})" if name else ""
        super().__init__(f"could not write the output: {reason}{where}")


class _Output:
    """The stream a command writes its output to; a failed write or flush raises
    `OutputFailed` naming the output (a closed pipe stays a BrokenPipeError: not an error)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.name = _output_name(stream)

    def write(self, text: str) -> int:
        """Write like the stream, naming the output if it refuses."""
        return self._guard(lambda: self.stream.write(text))

    def writelines(self, lines: Iterable[str]) -> None:
        """Write every line, naming the output if it refuses."""
        self._guard(lambda: self.stream.writelines(lines))

    def flush(self) -> None:
        """Flush the stream, so that a refusal is seen while the command can still say it."""
        self._guard(self.stream.flush)

    def _guard(self, step: Callable[[], T]) -> T:
        """Run one step on the stream; an OSError other than a closed pipe names the output."""
        try:
            return step()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(self.name, error) from error


def _output_name(stream: TextIO) -> str | None:
    """How a message names the output: "standard output", else its file name when known."""
    if stream is sys.stdout or stream is sys.__stdout__:
        return STANDARD_OUTPUT
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) and not name.startswith("<") else None


def _quiet_closed_stdout() -> None:
    """The reader of our output went away (`cairn items | head`) or the output takes no
    more (/dev/full): say nothing more there, and let Python's last flush at exit pass."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(
    argv: Sequence[str] | None, out: TextIO, err: TextIO, on_open: Callable[[], None] | None
) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        err.write("cairn: no command given (run 'cairn' alone to open the window)\n")
        return EXIT_USAGE
    if args.command == "validate":
        return _validate(Path(args.path), out, err)
    if args.command == "feedback":  # a mentor's tool: no data folder is opened
        try:
            return run_feedback(args, out, err)
        except OutputFailed as failed:
            err.write(f"cairn: {failed}\n")
            return EXIT_DATA
    try:
        data_dir = Path(args.data_dir) if args.data_dir is not None else default_data_dir()
    except ValueError as error:
        err.write(f"cairn: {error}\n")
        return EXIT_USAGE
    configure_logging(data_dir)
    try:
        tracker = Tracker.open(data_dir, curriculum_dir(), read_only=_read_only(args))
    except (ContentError, StoreError, TrackerError) as error:
        log.warning("%s refused to open %s: %s", args.command, data_dir, error)
        err.write(f"cairn: {error}\n")
        return EXIT_DATA
    except OSError as error:
        err.write(f"cairn: {explain_folder_error(data_dir, error)}\n")
        return EXIT_DATA
    configure_logging(data_dir)  # the folder exists now
    if on_open is not None:
        on_open()
    try:
        for notice in tracker.notices():  # inside: a closed stderr still closes the tracker
            err.write(f"cairn: {notice}\n")
        code = _COMMANDS[args.command](tracker, args, out)
        if code == EXIT_OK and args.command in BACKED_UP_COMMANDS and not _read_only(args):
            _backup_after_change(tracker, err)
        out.flush()  # a refused output is said now, not lost when Python exits
        return code
    except ValueError as error:  # bad input: a tracker, import or export refusal
        if not isinstance(error, (TrackerError, *_refusals())):
            raise
        log.info("%s refused: %s", args.command, error)
        err.write(f"cairn: {_one_line(error)}\n")
        return EXIT_USAGE
    except StoreError as error:
        err.write(f"cairn: {error}\n")
        return EXIT_DATA
    except OutputFailed as failed:
        log.warning("%s: %s", args.command, failed)
        err.write(f"cairn: {failed}\n")
        if out.name == STANDARD_OUTPUT:
            _quiet_closed_stdout()  # what could not be written is not tried again at exit
        return EXIT_DATA
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        where = f"{error.filename}: " if error.filename else ""
        err.write(f"cairn: {where}{error.strerror or error}; nothing was changed\n")
        return EXIT_DATA
    finally:
        tracker.close()


def _read_only(args: argparse.Namespace) -> bool:
    """Commands that only show progress open the data folder read-only."""
    return (
        args.command in READ_ONLY_COMMANDS
        or (args.command == "choose" and is_listing(args))
        or is_showing(args)
        or is_practice_listing(args)
    )


def _one_line(error: Exception) -> str:
    text = str(error)
    return text if "nothing was" in text.lower() else f"{text}; nothing was changed"


def _refusals() -> tuple[type[Exception], ...]:
    """Errors that mean "bad input" (exit 2) from modules loaded only when needed."""
    found: list[type[Exception]] = []
    if "cairn.reports.importer" in sys.modules:
        found.append(sys.modules["cairn.reports.importer"].ImportRefused)
    if "cairn.reports.export" in sys.modules:
        found.append(sys.modules["cairn.reports.export"].ExportTargetRefused)
    if "cairn.reports.pdf" in sys.modules:
        found.append(sys.modules["cairn.reports.pdf"].UnsafePdfError)
    return tuple(found)


def _backup_after_change(tracker: Tracker, err: TextIO) -> None:
    """Command-line writes keep a backup at most an hour old, like the window's (made after a
    change was saved, so a refused command leaves the folder as it was)."""
    try:
        tracker.backup_if_due("cli")
    except StoreError as error:
        log.warning("backup before a command-line change failed: %s", error)
        err.write(f"cairn: warning: {error}\n")


def _validate(path: Path, out: TextIO, err: TextIO) -> int:
    if not path.is_dir():
        err.write(f"cairn: {path} is not a folder holding a curriculum pack\n")
        return EXIT_USAGE
    base = curriculum_dir()
    dirs = [path] if path.resolve() == base.resolve() or not _extends(path) else [base, path]
    try:
        curriculum = load_curriculum(dirs)
    except ContentError as error:
        err.write(f"{error}\n")
        return EXIT_DATA
    out.write(
        f"{path}: ok — {len(curriculum.months)} months, {len(curriculum.weeks)} weeks, "
        f"{len(curriculum.items)} items and milestones, {len(curriculum.readings)} "
        f"readings, {len(curriculum.roles)} roles, "
        f"{plural(len(curriculum.cards), 'practice card')}\n"
    )
    return EXIT_OK


def _extends(path: Path) -> bool:
    from .content import pack_table

    return bool(pack_table(path).get("extends"))


def _status(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    curriculum = tracker.curriculum
    overall = tracker.overall_progress()
    months = [(m, tracker.month_progress(m.id)) for m in curriculum.months]
    roles = tracker.readiness().roles()
    targets, primary = set(tracker.target_roles()), tracker.primary_role()
    study, pace = tracker.study(), tracker.pace()
    if args.json:
        payload = {
            "schema": JSON_SCHEMA,
            "curriculum": curriculum.version,
            "overall": overall.as_dict(),
            "months": [{"month": m.number, "title": m.title, **p.as_dict()} for m, p in months],
            "roles": [
                {
                    "id": r.role_id,
                    "name": r.name,
                    "readiness": round(r.score, 1),
                    "target": r.role_id in targets,
                    "primary": r.role_id == primary,
                }
                for r in roles
            ],
            "study": {
                "minutes_total": study.minutes_total,
                "minutes_this_week": study.minutes_this_week,
                "minutes_last_four_weeks": study.minutes_last_four_weeks,
                "streak_days": study.streak_days,
            },
            "plan": pace_json(pace, tracker.plan_settings()),
        }
        _dump(payload, out)
        return EXIT_OK
    out.write(
        f"Overall   {_bar(overall)}  {overall.done} of {overall.total} done "
        f"({overall.percent:g}%)\n"
    )
    for month, progress in months:
        out.write(
            f"Month {month.number}   {_bar(progress)}  {progress.done:>3} of "
            f"{progress.total:<3} {month.title}\n"
        )
    out.write(
        f"Study: {study.minutes_total / 60:.1f} h in all, {study.minutes_this_week / 60:.1f}"
        f" h this week, streak {plural(study.streak_days, 'day')}\n"
    )
    if pace is not None:
        finish = day_text(pace.forecast_finish) if pace.forecast_finish else "—"
        out.write(
            f"Plan: {pace.hours_per_week:g} h/week from {day_text(pace.start)}; "
            f"{pace.sentence()} Forecast finish: {finish}\n"
        )
    for group in tracker.curriculum.choices.values():
        if not tracker.chosen(group.id):
            week = tracker.curriculum.weeks.get(group.week_id)
            out.write(
                f"Open choice: {group.title} (due week {week.number if week else '?'}); "
                f"see `cairn choose`, then `cairn choose {group.id} OPTION_ID`\n"
            )
    out.write("Readiness by role:\n")
    for role in sorted(roles, key=lambda r: r.role_id not in targets):
        mark = "*" if role.role_id == primary else ("+" if role.role_id in targets else " ")
        out.write(f" {mark} {role.score:5.1f}  {role.name}\n")
    retired = tracker.retired_ids()
    if retired:
        out.write(
            f"Retired: {plural(len(retired), 'saved item')} no longer in the curriculum: "
            f"{', '.join(retired)}\n"
        )
    return EXIT_OK


def _bar(progress: Progress, width: int = 20) -> str:
    filled = round(width * progress.percent / 100)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _items(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    curriculum = tracker.curriculum
    if args.month is not None and curriculum.month_of_number(args.month) is None:
        raise TrackerError(f"there is no month {args.month}")
    role_skills: set[str] | None = None
    if args.role is not None:
        role = curriculum.roles.get(args.role)
        if role is None:
            raise TrackerError(
                f"there is no role '{args.role}' (roles: {', '.join(curriculum.roles)})"
            )
        role_skills = {a.skill_id for a in role.areas}
    month_numbers = {m.id: m.number for m in curriculum.months}
    week_numbers = {w.id: w.number for w in curriculum.weeks.values()}
    selected: list[Item] = []
    for month in curriculum.months:
        if args.month is not None and month.number != args.month:
            continue
        for item in curriculum.month_items(month.id):
            if role_skills is not None and not role_skills.intersection(item.skills):
                continue
            if args.status is not None and tracker.status(item.id) != args.status:
                continue
            selected.append(item)
    if args.json:
        _dump(
            {
                "schema": JSON_SCHEMA,
                "items": [
                    {
                        "id": item.id,
                        "title": item.title,
                        "kind": item.kind,
                        "month": month_numbers[item.month_id],
                        "week": week_numbers[item.week_id],
                        "status": tracker.status(item.id),
                        "skills": list(item.skills),
                        "readings": _readings_json(curriculum, item.readings),
                        "optional_readings": _readings_json(curriculum, item.optional_readings),
                        "requires": list(item.requires),
                        "project": item.project_id,
                        "estimate_hours": item.estimate_hours,
                        **item_choice_fields(tracker, item),
                        "mentor_comments": [
                            {"text": c.body, "at": c.written_at.isoformat() + "Z"}
                            for c in tracker.mentor_comments(item.id)
                        ],
                        "verified": tracker.verification(item.id) is not None,
                    }
                    for item in selected
                ],
            },
            out,
        )
        return EXIT_OK
    if args.ids:
        out.writelines(f"{item.id}\n" for item in selected)
        return EXIT_OK
    for item in selected:
        out.write(
            f"{tracker.status(item.id):<8} W{week_numbers[item.week_id]:<3} "
            f"{item.kind:<9} {item.id:<40} {item.title}{item_choice_label(tracker, item)}\n"
        )
    out.write(f"{plural(len(selected), 'item')}\n")
    return EXIT_OK


def _readings_json(curriculum: Curriculum, reading_ids: Sequence[str]) -> list[dict[str, str]]:
    """Readings as `--json` lists them: id, title and address."""
    return [
        {"id": r, "title": curriculum.readings[r].title, "url": curriculum.readings[r].url}
        for r in reading_ids
    ]


def _mark(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Set every named item's status in one transaction: all ids are checked first, so one
    unknown id changes nothing. One line per item, as the database held it before."""
    ids = _mark_ids(args.item_ids)
    _require_items(tracker, ids)
    change = tracker.set_statuses(dict.fromkeys(ids, args.status))
    for item_id, old, new in zip(change.ids, change.old, change.new, strict=True):
        out.write(f"{item_id}: {old} -> {new}\n" if old != new else f"{item_id}: already {new}\n")
    return EXIT_OK


def _mark_ids(given: Sequence[str]) -> list[str]:
    """The ids as given, or read from stdin (one a line, blank lines ignored) for a lone '-'."""
    if "-" not in given:
        return list(given)
    if len(given) > 1:
        raise TrackerError("'-' reads the ids from stdin, so it must be the only ITEM_ID")
    text = _read_stdin(MAX_STDIN_IDS_CHARS)
    if len(text) > MAX_STDIN_IDS_CHARS:
        raise TrackerError(f"stdin holds more than {MAX_STDIN_IDS_CHARS:,} characters of ids")
    ids = [line.strip() for line in text.splitlines()]
    ids = [item_id for item_id in ids if item_id]
    if not ids:
        raise TrackerError("no item ids on stdin (one a line)")
    return ids


def _require_items(tracker: Tracker, ids: Sequence[str]) -> None:
    """Refuse, naming every unknown id, before anything is written."""
    unknown: list[str] = []
    refusal: TrackerError | None = None
    for item_id in dict.fromkeys(ids):
        try:
            tracker.item(item_id)
        except TrackerError as error:
            unknown.append(item_id)
            refusal = error
    if len(unknown) == 1 and refusal is not None:
        raise refusal  # the same words as marking that one id alone
    if unknown:
        names = ", ".join(f"'{item_id}'" for item_id in unknown)
        raise TrackerError(f"there are no items or milestones with ids {names}")


def _read_stdin(limit: int) -> str:
    """At most `limit` + 1 characters of stdin (so the caller can tell it was too long);
    text that is not UTF-8 is refused in words."""
    try:
        text = sys.stdin.read(limit + 1)
    except UnicodeDecodeError:
        raise TrackerError("stdin is not UTF-8 text") from None
    return text


def _note(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    text = _read_stdin(MAX_NOTE_CHARS) if args.text == "-" else args.text
    change = tracker.set_note(args.item_id, text)
    out.write(f"{change.ids[0]}: note {'saved' if text.strip() else 'removed'}\n")
    return EXIT_OK


def _evidence(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    change = tracker.add_evidence(args.milestone_id, args.url)
    out.write(f"{change.ids[0]}: evidence added ({args.url.strip()})\n")
    return EXIT_OK


def _readiness(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    curriculum = tracker.curriculum
    role_id = args.role or tracker.primary_role()
    if args.role is not None and args.role not in curriculum.roles:
        raise TrackerError(f"there is no role '{args.role}' (roles: {', '.join(curriculum.roles)})")
    model = tracker.readiness()
    if not role_id:
        if args.json:
            role_id = next(iter(curriculum.roles))
        else:
            out.write(
                "No primary role chosen yet (choose one in the window's Readiness "
                "page); readiness for every role:\n"
            )
            for role in model.roles():
                out.write(f"  {role.score:5.1f}  {role.name}  ({role.role_id})\n")
            return EXIT_OK
    role = model.role(role_id)
    steps = model.next_steps(role_id, limit=5)
    if args.json:
        _dump(
            {
                "schema": JSON_SCHEMA,
                "role": {"id": role.role_id, "name": role.name},
                "score": round(role.score, 1),
                "areas": [
                    {
                        "id": a.skill_id,
                        "name": a.name,
                        "weight": a.weight,
                        "score": round(a.score, 1),
                        "done": a.done,
                        "total": a.total,
                        "explanation": a.explanation(),
                    }
                    for a in role.areas
                ],
                "next": [
                    {
                        "id": s.item_id,
                        "title": s.title,
                        "action": s.action,
                        "gain": round(s.gain, 2),
                        "estimate_hours": s.estimate_hours,
                    }
                    for s in steps
                ],
            },
            out,
        )
        return EXIT_OK
    out.write(f"{role.name}: readiness {role.score:.1f} / 100\n\n")
    for area in role.areas:
        out.write(f"  {area.contribution:5.1f} pts  {area.explanation()}\n")
    out.write("\nNext steps (readiness points per hour):\n")
    for step in steps:
        verb = "add evidence to" if step.action == "add evidence" else "finish"
        out.write(
            f"  +{step.gain:4.1f} in ~{step.estimate_hours:g} h "
            f"({step.gain_per_hour:.1f}/h)  {verb} {step.item_id}: {step.title}\n"
        )
    return EXIT_OK


def _export(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    from .reports.export import export, parse_since

    since = None
    if args.since is not None:
        try:
            since = parse_since(args.since)
        except ValueError as error:
            raise TrackerError(str(error)) from None
        if since > tracker.now():
            raise TrackerError(f"--since '{args.since}' is in the future: nothing could be in it")
    target = Path(args.out_text)
    if args.out_text.endswith(("/", os.sep)) or args.out_text == "-":
        raise TrackerError(f"--out '{args.out_text}' is not a file name")
    if not target.parent.is_dir():
        raise TrackerError(f"the folder for --out {target} does not exist")
    snapshot = tracker.snapshot(with_history=args.format == "json")  # only JSON lists events
    done = export(snapshot, args.format, target, since=since, include_notes=not args.no_notes)
    out.write(f"wrote {target} ({args.format})\n")
    if args.mark_sent:
        tracker.mark_sent(done.at)
        out.write("marked as sent: the next summary's period starts here\n")
    return EXIT_OK


def _import(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    """Merge a progress export, or keep a mentor's feedback file (told apart by its format)."""
    from .reports.feedback import FeedbackData
    from .reports.incoming import read_import_file

    data = read_import_file(args.file)
    if isinstance(data, FeedbackData):
        if args.as_restore:
            raise TrackerError(f"{args.file} is a mentor's feedback, not an export to restore")
        feedback, _change = tracker.import_feedback(data)
        out.write(feedback.describe() + "\n")
        return EXIT_OK
    report, _change = tracker.merge_export(data, as_restore=args.as_restore)
    out.write(report.describe() + "\n")
    return EXIT_OK


def _check(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    problems, notice = tracker.check()
    if not problems and tracker.recovery_notice is None:
        backups = tracker.backups()
        out.write(
            f"{tracker.database_path}: ok (integrity and foreign keys checked; "
            f"{plural(len(backups), 'backup')} in {tracker.backup_dir})\n"
        )
        return EXIT_OK
    if notice is not None:
        out.write(notice.message() + "\n")
    return EXIT_DATA


def _log(tracker: Tracker, args: argparse.Namespace, out: TextIO) -> int:
    change = tracker.log_study(args.item_id, args.minutes, source="cli")
    out.write(f"{change.ids[0]}: {plural(args.minutes, 'minute')} recorded\n")
    return EXIT_OK


def _dump(payload: object, out: TextIO) -> None:
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


_COMMANDS = {
    "status": _status,
    "items": _items,
    "mark": _mark,
    "note": _note,
    "evidence": _evidence,
    "readiness": _readiness,
    "export": _export,
    "import": _import,
    "check": _check,
    "log": _log,
    "choose": run_choose,
    "plan": run_plan,
    "profile": run_profile,
    "practice": run_practice,
}
