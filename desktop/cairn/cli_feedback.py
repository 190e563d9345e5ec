"""`cairn feedback`: a mentor answers a learner's JSON export with comments on items and
milestones, milestones verified and an overall note, written as a feedback file the learner
imports (docs/mentor-loop.md). Needs no data folder and touches none. Never imports PySide6.

Every refusal (exit 2, one line on stderr naming the argument) comes before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from .content import ContentError, Curriculum, load_curriculum
from .locations import curriculum_dir, default_data_dir
from .validation import MAX_NOTE_CHARS, InvalidInput, check_learner_name, check_note
from .words import plural

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
STDIN = "-"
NOTHING_WRITTEN = "nothing was written"
MAX_FILE_NAME_CHARS = 1_000


class FeedbackRefused(ValueError):
    """Bad input for `cairn feedback`: the message names the argument."""


def add_feedback_parser(commands: Any) -> None:
    """The `feedback` subcommand on the command line's subparsers."""
    feedback = commands.add_parser(
        "feedback",
        help="answer a learner's JSON export: comments, verified milestones, a note (mentors)",
        description="Write a feedback file answering a learner's JSON export: comments on "
        "items and milestones, milestones you verified, and an overall note. The learner "
        "imports it with 'cairn import FILE' or File → Import. Needs no data folder. "
        f"A TEXT of '{STDIN}' is read from standard input.",
    )
    feedback.add_argument("export", type=Path, metavar="EXPORT.json")
    feedback.add_argument(
        "--comment",
        action="append",
        nargs=2,
        default=[],
        dest="comments",
        metavar=("ITEM_ID", "TEXT"),
        help="a comment (Markdown) on an item or milestone; may repeat",
    )
    feedback.add_argument(
        "--verify",
        action="append",
        default=[],
        dest="verify",
        metavar="MILESTONE_ID",
        help="a project milestone you checked and verified; may repeat",
    )
    feedback.add_argument("--note", metavar="TEXT", help="an overall note (Markdown)")
    feedback.add_argument("--mentor", default="", metavar="NAME", help="your name")
    feedback.add_argument("--out", required=True, dest="feedback_out", metavar="FEEDBACK.json")


def run_feedback(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Write the feedback file and say so (exit 0); a refusal says why on `err` (exit 2),
    a curriculum or disk problem exit 1; nothing is written unless everything passed."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        message = _write_feedback(args, datetime.now(UTC).replace(tzinfo=None))
    except FeedbackRefused as refused:
        err.write(f"cairn: {refused}\n")
        return EXIT_USAGE
    except ContentError as error:
        err.write(f"cairn: the shipped curriculum did not load: {error}\n")
        return EXIT_DATA
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        err.write(f"cairn: {where}{error.strerror or error}; {NOTHING_WRITTEN}\n")
        return EXIT_DATA
    out.write(message + "\n")
    return EXIT_OK


def _write_feedback(args: argparse.Namespace, now: datetime) -> str:
    """Check every argument, then write; return the line to print. (The reports load only
    here, not for every command.)"""
    from .reports.export import ExportTargetRefused
    from .reports.feedback import feedback_payload, write_feedback
    from .reports.importer import ImportRefused, read_export

    if not (args.comments or args.verify or args.note is not None):
        raise FeedbackRefused(
            f"feedback: give at least one --comment, --verify or --note; {NOTHING_WRITTEN}"
        )
    texts = _Texts()
    comments = [
        (ident, _text(texts.get(text), f"--comment {_shown(ident)}"))
        for ident, text in args.comments
    ]
    note = "" if args.note is None else _text(texts.get(args.note), "--note")
    mentor = _checked(check_learner_name, args.mentor, "--mentor")
    if not args.feedback_out.strip():
        raise FeedbackRefused(f"--out: is empty; give a file name; {NOTHING_WRITTEN}")
    target, data_dir = Path(args.feedback_out), _data_dir(args)
    _check_target(target, data_dir)
    try:
        export = read_export(args.export, now=now)
    except ImportRefused as refused:
        raise FeedbackRefused(_reworded(str(refused))) from None
    curriculum = load_curriculum([curriculum_dir()])
    comments = [(_known_item(curriculum, ident), text) for ident, text in comments]
    verified = list(dict.fromkeys(_milestone(curriculum, ident) for ident in args.verify))
    payload = feedback_payload(
        written_at=now,
        learner_id=export.learner_id,
        learner_name=export.learner_name,
        answers_exported_at=export.exported_at,
        answers_file=_file_name(export.path),
        mentor_name=mentor,
        note=note,
        comments=[(ident, text, now) for ident, text in comments],
        verified=[(ident, now) for ident in verified],
    )
    try:
        write_feedback(payload, target, data_dir=data_dir)
    except ExportTargetRefused as refused:  # the target changed since it was checked
        raise FeedbackRefused(_target_message(refused)) from None
    except ImportRefused as refused:  # cannot happen after the checks above; said if it does
        raise FeedbackRefused(str(refused)) from None
    whom = export.learner_name or "the learner"
    return (
        f"Wrote feedback for {whom} ({plural(len(comments), 'comment')}, "
        f"{len(verified)} verified) to {target}"
    )


class _Texts:
    """Argument texts, '-' read from standard input (once: it holds one text)."""

    def __init__(self) -> None:
        self.used_stdin = False

    def get(self, text: str) -> str:
        if text != STDIN:
            return text
        if self.used_stdin:
            raise FeedbackRefused(
                f"only one TEXT can be read from standard input ('{STDIN}'); {NOTHING_WRITTEN}"
            )
        self.used_stdin = True
        try:
            return sys.stdin.read(MAX_NOTE_CHARS + 1)
        except UnicodeDecodeError:
            raise FeedbackRefused(f"standard input is not UTF-8 text; {NOTHING_WRITTEN}") from None


def _checked(check: Any, value: str, argument: str) -> str:
    try:
        return str(check(value, field=argument))
    except InvalidInput as error:
        raise FeedbackRefused(f"{argument}: {error.problem}; {NOTHING_WRITTEN}") from None


def _text(text: str, argument: str) -> str:
    """A comment or note: Markdown passing the note check, not only white space."""
    checked = _checked(check_note, text, argument)
    if not checked.strip():
        raise FeedbackRefused(f"{argument}: the text is empty; {NOTHING_WRITTEN}")
    return checked


def _shown(ident: str) -> str:
    """An id as typed, short and printable, for a message."""
    clean = ident.encode("ascii", "backslashreplace").decode("ascii")
    return clean if len(clean) <= 64 else clean[:64] + "…"


def _known_item(curriculum: Curriculum, ident: str) -> str:
    """The id (an old, aliased id is replaced by the current one) of an item or milestone."""
    resolved = curriculum.resolve(ident)
    if resolved not in curriculum.items:
        raise FeedbackRefused(
            f"--comment {_shown(ident)}: there is no item or milestone with this id in the "
            f"curriculum; {NOTHING_WRITTEN}"
        )
    return resolved


def _milestone(curriculum: Curriculum, ident: str) -> str:
    resolved = curriculum.resolve(ident)
    item = curriculum.items.get(resolved)
    if item is None:
        problem = "there is no milestone with this id in the curriculum"
    elif not item.is_milestone:
        problem = "this is an item, not a project milestone; only milestones are verified"
    else:
        return resolved
    raise FeedbackRefused(f"--verify {_shown(ident)}: {problem}; {NOTHING_WRITTEN}")


def _data_dir(args: argparse.Namespace) -> Path | None:
    """The learner data folder on this machine, if any: feedback is never written into it."""
    chosen = getattr(args, "data_dir", None)
    if chosen is not None:
        return Path(chosen)
    try:
        return default_data_dir()
    except ValueError:
        return None


def _check_target(target: Path, data_dir: Path | None) -> None:
    from .reports.export import ExportTargetRefused, check_export_target

    try:
        check_export_target(target, data_dir)
    except ExportTargetRefused as refused:
        raise FeedbackRefused(_target_message(refused)) from None


def _target_message(refused: Exception) -> str:
    reason = str(refused).removeprefix("Not exported: ")
    reason = reason.removesuffix(" Nothing was written or changed.").rstrip(".")
    return f"--out: {reason}; {NOTHING_WRITTEN}"


def _reworded(message: str) -> str:
    """The importer's refusal of the export, saying what this command did not do."""
    return message.removesuffix("; nothing was imported") + f"; {NOTHING_WRITTEN}"


def _file_name(path: Path) -> str:
    """The export's file name as one line of visible text (odd characters become '?')."""
    return "".join(c if c.isprintable() else "?" for c in path.name)[:MAX_FILE_NAME_CHARS]
