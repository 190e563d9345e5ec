"""The mentor's feedback file (docs/mentor-loop.md, "Feedback file, schema 1"): build, write
atomically, read and validate. Pure: no Qt, no database.

Reading uses the progress importer's readers, so the size, depth and encoding limits, the refusal
of pipes and devices, and the checks on times (2000 to a day ahead) are the same; a bad file is
refused with one `ImportRefused` message naming the file and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..validation import check_learner_name, check_note, check_text
from .export import ExportTargetRefused, check_export_target, write_export
from .identity import learner_id_field
from .importer import ImportRefused, _parse_json, _read_file, _Reader, _refuse

if TYPE_CHECKING:
    from ..content import Curriculum

FEEDBACK_FORMAT = "cairn-feedback"
FEEDBACK_SCHEMA = 1
MAX_ENTRIES = 5_000  # comments, and verified ids, per file
MAX_FILE_NAME_CHARS = 1_000

__all__ = [
    "FEEDBACK_FORMAT",
    "FEEDBACK_SCHEMA",
    "FeedbackData",
    "ImportRefused",
    "check_against",
    "feedback_from_json",
    "feedback_payload",
    "read_feedback",
    "write_feedback",
]


@dataclass(frozen=True)
class FeedbackData:
    """A validated feedback file. Times are naive UTC; `learner_id` is "" when the file has
    none; comments are (item or milestone id, Markdown text, at), verified are (id, at)."""

    path: Path
    written_at: datetime
    learner_id: str
    learner_name: str
    answers_exported_at: datetime | None
    answers_file: str
    mentor_name: str
    note: str
    comments: tuple[tuple[str, str, datetime], ...]
    verified: tuple[tuple[str, datetime], ...]


def _iso(moment: datetime) -> str:
    """Naive UTC (or aware, converted) as ISO 8601 with microseconds and a 'Z'."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def feedback_payload(
    *,
    written_at: datetime,
    learner_id: str = "",
    learner_name: str = "",
    answers_exported_at: datetime | None = None,
    answers_file: str = "",
    mentor_name: str = "",
    note: str = "",
    comments: Iterable[tuple[str, str, datetime]] = (),
    verified: Iterable[tuple[str, datetime]] = (),
) -> dict[str, Any]:
    """A feedback file's content as plain data (the fields of `FeedbackData`, without path)."""
    return {
        "format": FEEDBACK_FORMAT,
        "schema": FEEDBACK_SCHEMA,
        "written_at": _iso(written_at),
        "app": {"name": "Cairn", "version": __version__},
        "learner": {"id": learner_id or None, "name": learner_name},
        "answers": {
            "exported_at": _iso(answers_exported_at) if answers_exported_at else None,
            "file": answers_file,
        },
        "mentor": {"name": mentor_name},
        "note": note,
        "comments": [{"id": i, "text": text, "at": _iso(at)} for i, text, at in comments],
        "verified": [{"id": i, "at": _iso(at)} for i, at in verified],
    }


def write_feedback(
    payload: dict[str, Any],
    target: Path,
    *,
    data_dir: Path | None = None,
    protected: Sequence[Path] = (),
) -> None:
    """Write `payload` to `target` atomically, as exports are (JSON, indent 2, UTF-8, a final
    newline). A target that is a folder, pipe, device, database or inside `data_dir` or a
    `protected` folder is refused first (ExportTargetRefused); a payload that would not read
    back is refused (ImportRefused naming the field) before anything is written."""
    target = Path(target)
    check_export_target(target, data_dir, protected=protected)
    if _is_progress_export(target):
        raise ExportTargetRefused(
            f"Not exported: {target} is a learner's progress export; feedback never replaces "
            "it, so choose another name. Nothing was written or changed."
        )
    now = datetime.now(UTC).replace(tzinfo=None)
    feedback_from_json(target, payload, now, refusal="nothing was written")
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    write_export(text, "json", target, now, data_dir=data_dir, protected=protected)


def _is_progress_export(path: Path) -> bool:
    """True for an existing regular file that begins like a Cairn progress export."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError:
        return False
    return start.lstrip().startswith(b"{") and b'"cairn-progress"' in start


def read_feedback(path: Path, *, now: datetime | None = None) -> FeedbackData:
    """Read and validate a feedback file completely; raise ImportRefused on the first problem.
    Times must fall between 2000 and a day after `now` (default: the wall clock)."""
    path = Path(path)
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    return feedback_from_json(path, _parse_json(path, _read_file(path)), moment)


class _FeedbackReader(_Reader):
    """The importer's reader, ending its messages with what was (not) done."""

    def __init__(self, path: Path, now: datetime, refusal: str) -> None:
        super().__init__(path, now)
        self.refusal = refusal

    def fail(self, where: str, message: str) -> ImportRefused:
        return ImportRefused(f"{self.path}: field '{where}': {message}; {self.refusal}")


def feedback_from_json(
    path: Path, top: Any, now: datetime | None, *, refusal: str = "nothing was imported"
) -> FeedbackData:
    """Validate parsed JSON (`top`) read from `path`: for a caller that parsed the file itself
    and saw `"format": "cairn-feedback"`. Raises ImportRefused naming the file and the field."""
    path = Path(path)
    r = _FeedbackReader(path, now or datetime.now(UTC).replace(tzinfo=None), refusal)
    top = r.obj(top, "(top level)")
    _check_header(r, top)
    learner = r.obj(top.get("learner") or {}, "learner")
    answers = r.obj(top.get("answers") or {}, "answers")
    mentor = r.obj(top.get("mentor") or {}, "mentor")
    r.obj(top.get("app") or {}, "app")
    exported_at = answers.get("exported_at")
    return FeedbackData(
        path=path,
        written_at=r.time(top.get("written_at"), "written_at"),
        learner_id=learner_id_field(r, learner.get("id")),
        learner_name=_name(r, learner.get("name"), "learner.name"),
        answers_exported_at=None
        if exported_at is None
        else r.time(exported_at, "answers.exported_at"),
        answers_file=_file_name(r, answers.get("file")),
        mentor_name=_name(r, mentor.get("name"), "mentor.name"),
        note=_note(r, top.get("note"), "note"),
        comments=_read_comments(r, top.get("comments")),
        verified=_read_verified(r, top.get("verified")),
    )


def check_against(data: FeedbackData, curriculum: Curriculum) -> None:
    """Refuse a `verified` id the curriculum has that is not a milestone (naming
    `verified[n].id`); ids it does not know pass (the importer keeps them as retired)."""
    for n, (ident, _at) in enumerate(data.verified):
        item = curriculum.items.get(curriculum.resolve(ident))
        if item is not None and not item.is_milestone:
            raise _refuse(
                data.path,
                f"field 'verified[{n}].id': {ident!r} is an item, not a project milestone; "
                "only milestones are verified",
            )


def _check_header(r: _Reader, top: dict[str, Any]) -> None:
    fmt = top.get("format")
    if fmt != FEEDBACK_FORMAT:
        shown = (
            "missing"
            if fmt is None
            else f"{fmt[:40]!r}"
            if isinstance(fmt, str)
            else f"a {type(fmt).__name__}"
        )
        raise r.fail("format", f"is {shown}, not {FEEDBACK_FORMAT!r}: this is not Cairn feedback")
    schema = top.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise r.fail("schema", "must be a whole number")
    if schema > FEEDBACK_SCHEMA:
        raise r.fail(
            "schema",
            f"is {schema}: the file was written by a newer Cairn "
            f"(this one reads feedback up to {FEEDBACK_SCHEMA})",
        )
    if schema < 1:
        raise r.fail("schema", f"{schema} is not a schema Cairn ever wrote")


def _name(r: _Reader, value: Any, where: str) -> str:
    return "" if value is None else r.checked(check_learner_name, value, where)


def _note(r: _Reader, value: Any, where: str) -> str:
    return "" if value is None else r.checked(check_note, value, where)


def _file_name(r: _Reader, value: Any) -> str:
    if value is None:
        return ""
    return r.checked(check_text, value, "answers.file", limit=MAX_FILE_NAME_CHARS, single_line=True)


def _entries(r: _Reader, raw: Any, where: str) -> list[Any]:
    entries = r.array(raw, where)
    if len(entries) > MAX_ENTRIES:
        raise r.fail(where, f"has {len(entries):,} entries (at most {MAX_ENTRIES:,})")
    return entries


def _read_comments(r: _Reader, raw: Any) -> tuple[tuple[str, str, datetime], ...]:
    """The comments; one with only white space is no comment (left out, like an empty note)."""
    comments = []
    for n, raw_comment in enumerate(_entries(r, raw, "comments")):
        where = f"comments[{n}]"
        entry = r.obj(raw_comment, where)
        ident = r.ident(entry.get("id"), f"{where}.id")
        text = r.checked(check_note, entry.get("text"), f"{where}.text")
        at = r.time(entry.get("at"), f"{where}.at")
        if text.strip():
            comments.append((ident, text, at))
    return tuple(comments)


def _read_verified(r: _Reader, raw: Any) -> tuple[tuple[str, datetime], ...]:
    verified = []
    seen: set[str] = set()
    for n, raw_entry in enumerate(_entries(r, raw, "verified")):
        where = f"verified[{n}]"
        entry = r.obj(raw_entry, where)
        ident = r.unique(r.ident(entry.get("id"), f"{where}.id"), seen, f"{where}.id")
        verified.append((ident, r.time(entry.get("at"), f"{where}.at")))
    return tuple(verified)
