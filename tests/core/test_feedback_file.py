"""The mentor's feedback file (docs/mentor-loop.md, "Feedback file, schema 1") and
`cairn feedback`: what is written reads back equal; a bad file is refused with one message naming
the file and the field, under the same limits as a progress export; the command refuses bad
arguments with exit 2, one line naming the argument, and no file written or changed."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cairn.cli_feedback import add_feedback_parser, run_feedback
from cairn.content import Curriculum, load_curriculum
from cairn.locations import curriculum_dir
from cairn.reports.export import ExportTargetRefused, export
from cairn.reports.feedback import (
    FEEDBACK_FORMAT,
    FEEDBACK_SCHEMA,
    FeedbackData,
    ImportRefused,
    check_against,
    feedback_from_json,
    feedback_payload,
    read_feedback,
    write_feedback,
)
from cairn.reports.importer import read_export
from cairn.tracker import Tracker

ITEM, MILESTONE, OTHER_MILESTONE = (
    "python-project-skeleton",
    "rag-eval-golden-set",
    "agent-failures-baseline",
)
LEARNER_ID = "0b6f8a52-2d4e-4c1a-9a57-3f2d9f1e6c11"
WRITTEN = datetime(2026, 3, 14, 9, 30, 0, 123456)
EXPORTED = datetime(2026, 3, 12, 19, 0)
NOW = datetime(2026, 3, 15, 12, 0)
AT = "2026-03-14T09:30:00Z"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_curriculum([curriculum_dir()])


def sample(**fields: Any) -> dict[str, Any]:
    """The fields of a feedback file with comments, verified milestones and a note."""
    values: dict[str, Any] = {
        "written_at": WRITTEN,
        "learner_id": LEARNER_ID,
        "learner_name": "Ada Lovelace",
        "answers_exported_at": EXPORTED,
        "answers_file": "ada-progress.json",
        "mentor_name": "Grace Hopper",
        "note": "Strong month — **keep going**.\n\nRésumé: ✓",
        "comments": (
            (ITEM, "Nice layout; add a `README`.", WRITTEN),
            (MILESTONE, "The golden set is small.\n\n- add 20 cases", WRITTEN),
            (MILESTONE, "Second thought on the same milestone.", WRITTEN + timedelta(seconds=1)),
        ),
        "verified": ((MILESTONE, WRITTEN),),
    }
    values.update(fields)
    return values


def payload(**changes: Any) -> dict[str, Any]:
    """A valid feedback file as JSON data; keyword arguments replace top-level fields."""
    return {**feedback_payload(**sample()), **changes}


def write_json(path: Path, value: Any) -> Path:
    text = value if isinstance(value, str) else json.dumps(value)  # a lone surrogate as \ud800
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def refused(path: Path, *, now: datetime = NOW) -> str:
    """Read `path`; assert a one-line refusal naming the file; return its message."""
    with pytest.raises(ImportRefused) as caught:
        read_feedback(path, now=now)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and "nothing was imported" in message
    return message


# --- writing and reading ------------------------------------------------------------------------
def test_what_is_written_reads_back_equal(tmp_path: Path) -> None:
    target = tmp_path / "feedback.json"
    write_feedback(feedback_payload(**sample()), target)
    assert read_feedback(target, now=NOW) == FeedbackData(path=target, **sample())
    text = target.read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n  "schema": 1,' in text and "Résumé: ✓" in text
    top = json.loads(text)
    assert top["format"] == FEEDBACK_FORMAT == "cairn-feedback" and top["schema"] == 1
    assert top["written_at"] == "2026-03-14T09:30:00.123456Z"
    assert top["learner"] == {"id": LEARNER_ID, "name": "Ada Lovelace"}
    assert top["answers"] == {
        "exported_at": "2026-03-12T19:00:00.000000Z",
        "file": "ada-progress.json",
    }
    assert top["mentor"] == {"name": "Grace Hopper"} and top["app"]["name"] == "Cairn"
    assert top["verified"] == [{"id": MILESTONE, "at": "2026-03-14T09:30:00.123456Z"}]
    assert [c["id"] for c in top["comments"]] == [ITEM, MILESTONE, MILESTONE]


def test_a_file_without_learner_id_or_export_time_reads_back_with_blanks(tmp_path: Path) -> None:
    fields = sample(learner_id="", answers_exported_at=None, mentor_name="", note="", verified=())
    target = tmp_path / "feedback.json"
    write_feedback(feedback_payload(**fields), target)
    data = read_feedback(target, now=NOW)
    assert data == FeedbackData(path=target, **fields)
    assert json.loads(target.read_text(encoding="utf-8"))["learner"]["id"] is None


def test_already_parsed_json_is_validated_the_same(tmp_path: Path) -> None:
    path = tmp_path / "given.json"
    assert feedback_from_json(path, payload(), NOW) == FeedbackData(path=path, **sample())
    with pytest.raises(ImportRefused, match=r"field 'comments\[1\].text'"):
        bad = payload()
        bad["comments"][1]["text"] = 7
        feedback_from_json(path, bad, NOW)


def test_a_comment_of_only_white_space_is_no_comment(tmp_path: Path) -> None:
    comments = [{"id": ITEM, "text": " \n\t ", "at": AT}, {"id": ITEM, "text": "real", "at": AT}]
    data = read_feedback(write_json(tmp_path / "f.json", payload(comments=comments)), now=NOW)
    assert [text for _id, text, _at in data.comments] == ["real"]


def test_the_learner_id_is_read_in_lower_case(tmp_path: Path) -> None:
    path = write_json(tmp_path / "f.json", payload(learner={"id": LEARNER_ID.upper(), "name": ""}))
    assert read_feedback(path, now=NOW).learner_id == LEARNER_ID


# --- refusals -----------------------------------------------------------------------------------
def with_entry(key: str, n: int, **fields: Any) -> dict[str, Any]:
    """A payload whose `key` list has at least n + 1 entries, entry n changed by `fields`."""
    data = payload()
    entries = data[key]
    while len(entries) <= n:
        entries.append(dict(entries[0]))
    entries[n] = {**entries[n], **fields}
    return data


NAME_LINE = "Ada\nLovelace"
REFUSALS = [
    ("wrong format", payload(format="cairn-progress"), "format", "not 'cairn-feedback'"),
    ("no format", {k: v for k, v in payload().items() if k != "format"}, "format", "missing"),
    ("schema as text", payload(schema="1"), "schema", "whole number"),
    ("schema 0", payload(schema=0), "schema", "not a schema"),
    ("no written_at", payload(written_at=None), "written_at", "must be text"),
    ("written before 2000", payload(written_at="1999-12-31T00:00:00Z"), "written_at", "before"),
    ("written in the future", payload(written_at="2026-03-17T00:00:00Z"), "written_at", "future"),
    ("learner not an object", payload(learner=["x"]), "learner", "must be an object"),
    ("learner.id not a UUID", payload(learner={"id": "ada"}), "learner.id", "not a learner id"),
    ("learner.id a number", payload(learner={"id": 42}), "learner.id", "not a learner id"),
    ("learner name two lines", payload(learner={"name": NAME_LINE}), "learner.name", "one line"),
    ("mentor name too long", payload(mentor={"name": "G" * 201}), "mentor.name", "201"),
    ("answers time", payload(answers={"exported_at": "soon"}), "answers.exported_at", "date"),
    ("answers file two lines", payload(answers={"file": "a\nb"}), "answers.file", "one line"),
    ("note too long", payload(note="n" * 100_001), "note", "100,001 characters"),
    ("note a list", payload(note=["x"]), "note", "must be text"),
    ("comments an object", payload(comments={}), "comments", "must be a list"),
    ("comment not an object", payload(comments=["hi"]), "comments[0]", "must be an object"),
    ("comment bad id", with_entry("comments", 2, id="Not An Id"), "comments[2].id", "valid id"),
    ("comment no id", with_entry("comments", 0, id=None), "comments[0].id", "must be text"),
    (
        "comment too long",
        with_entry("comments", 3, text="x" * 100_001),
        "comments[3].text",
        "100,001",
    ),
    ("comment NUL", with_entry("comments", 1, text="a\x00b"), "comments[1].text", "NUL"),
    ("comment no time", with_entry("comments", 0, at=None), "comments[0].at", "must be text"),
    (
        "comment far ahead",
        with_entry("comments", 0, at="2030-01-01T00:00:00Z"),
        "comments[0].at",
        "future",
    ),
    (
        "verified twice",
        payload(verified=[{"id": MILESTONE, "at": AT}] * 2),
        "verified[1].id",
        "appears twice",
    ),
    ("verified bad id", with_entry("verified", 0, id="../x"), "verified[0].id", "valid id"),
    ("verified no time", with_entry("verified", 0, at="yesterday"), "verified[0].at", "date"),
    ("top level a list", [payload()], "(top level)", "must be an object"),
    (
        "5,001 comments",
        payload(comments=[{"id": ITEM, "text": "x", "at": AT}] * 5001),
        "comments",
        "at most 5,000",
    ),
    (
        "5,001 verified",
        payload(verified=[{"id": f"m{n}", "at": AT} for n in range(5001)]),
        "verified",
        "at most 5,000",
    ),
]


@pytest.mark.parametrize(
    ("value", "field", "words"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_a_bad_file_is_refused_naming_the_field(
    tmp_path: Path, value: Any, field: str, words: str
) -> None:
    message = refused(write_json(tmp_path / "feedback.json", value))
    assert f"field '{field}'" in message and words in message


def test_5000_comments_and_5000_verified_are_accepted(tmp_path: Path) -> None:
    many = payload(
        comments=[{"id": ITEM, "text": f"c{n}", "at": AT} for n in range(5000)],
        verified=[{"id": f"m{n}", "at": AT} for n in range(5000)],
    )
    data = read_feedback(write_json(tmp_path / "many.json", many), now=NOW)
    assert len(data.comments) == len(data.verified) == 5000


def test_a_newer_schema_is_refused_as_written_by_a_newer_cairn(tmp_path: Path) -> None:
    message = refused(write_json(tmp_path / "v2.json", payload(schema=FEEDBACK_SCHEMA + 1)))
    assert "field 'schema'" in message and "written by a newer Cairn" in message


# --- hostile text -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "[click me](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        "\u202eevil\u202c and a zero\u200bwidth",
    ],
)
def test_markup_in_a_comment_is_kept_raw_for_the_renderers_to_escape(
    tmp_path: Path, text: str
) -> None:
    path = write_json(tmp_path / "f.json", payload(comments=[{"id": ITEM, "text": text, "at": AT}]))
    assert read_feedback(path, now=NOW).comments == ((ITEM, text, datetime(2026, 3, 14, 9, 30)),)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x" * 100_001, "100,001 characters"),
        ("before\x00after", "NUL"),
        ("lone \ud800 surrogate", "not valid UTF-8"),
    ],
    ids=["huge", "NUL", "lone surrogate"],
)
def test_unsafe_comment_text_is_refused(tmp_path: Path, text: str, words: str) -> None:
    path = write_json(tmp_path / "f.json", payload(comments=[{"id": ITEM, "text": text, "at": AT}]))
    message = refused(path)
    assert "field 'comments[0].text'" in message and words in message
    with pytest.raises(ImportRefused, match="nothing was written"):
        write_feedback(
            payload(comments=[{"id": ITEM, "text": text, "at": AT}]), tmp_path / "o.json"
        )
    assert not (tmp_path / "o.json").exists()


# --- the same limits as a progress export -------------------------------------------------------
@POSIX_ONLY
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "feedback.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert "not a regular file" in refused(fifo)
    assert time.monotonic() - started < 10


def test_a_file_over_50_mb_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: the size is checked before anything is read
        handle.truncate(50 * 1024 * 1024 + 1)
    assert "larger than any Cairn export" in refused(big)


def test_nesting_deeper_than_64_is_refused(tmp_path: Path) -> None:
    deep = '{"format": "cairn-feedback", "schema": 1, "note": ' + "[" * 65 + "]" * 65 + "}"
    assert "more than 64 deep" in refused(write_json(tmp_path / "deep.json", deep))


def test_nesting_64_deep_reaches_the_field_check(tmp_path: Path) -> None:
    deep = '{"format": "cairn-feedback", "schema": 1, "note": ' + "[" * 63 + "]" * 63 + "}"
    assert "field 'written_at'" in refused(write_json(tmp_path / "deep.json", deep))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b'{"format": "caf\xe9"}', "not UTF-8"),
        (b'{"format": "cairn-feedback", "schema": 1, "note": "cut', "not valid JSON"),
        (b'{"format": "cairn-feedback", "schema": 1, "n": NaN}', "NaN"),
    ],
    ids=["empty", "latin-1", "truncated", "NaN"],
)
def test_what_is_not_a_feedback_file(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "feedback.json"
    path.write_bytes(content)
    assert words in refused(path)


# --- against the curriculum ---------------------------------------------------------------------
def test_verified_must_be_a_milestone_when_the_curriculum_knows_the_id(
    tmp_path: Path, curriculum: Curriculum
) -> None:
    data = FeedbackData(path=tmp_path / "f.json", **sample(verified=((MILESTONE, WRITTEN),)))
    check_against(data, curriculum)
    retired = FeedbackData(path=tmp_path / "f.json", **sample(verified=(("retired-id", WRITTEN),)))
    check_against(retired, curriculum)  # kept as retired by the importer
    wrong = FeedbackData(
        path=tmp_path / "f.json",
        **sample(verified=((MILESTONE, WRITTEN), ("retired-id", WRITTEN), (ITEM, WRITTEN))),
    )
    with pytest.raises(ImportRefused) as caught:
        check_against(wrong, curriculum)
    message = str(caught.value)
    assert "field 'verified[2].id'" in message and ITEM in message and str(wrong.path) in message


# --- writing safely -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100), "is a database"),
    ],
    ids=["folder", "database"],
)
def test_a_target_an_export_may_not_overwrite_is_refused(
    tmp_path: Path, make: Any, words: str
) -> None:
    target = tmp_path / "feedback.json"
    make(target)
    before = target.read_bytes() if target.is_file() else None
    with pytest.raises(ExportTargetRefused, match=words):
        write_feedback(payload(), target)
    assert (target.read_bytes() if target.is_file() else None) == before


@POSIX_ONLY
def test_a_fifo_target_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feedback.json"
    os.mkfifo(fifo)
    with pytest.raises(ExportTargetRefused, match="pipe"):
        write_feedback(payload(), fifo)


def test_a_target_in_the_data_folder_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with pytest.raises(ExportTargetRefused, match="data folder"):
        write_feedback(payload(), data_dir / "feedback.json", data_dir=data_dir)
    assert list(data_dir.iterdir()) == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "feedback.json"
    target.write_bytes(b"old feedback")
    with pytest.raises(ImportRefused, match="field 'note'"):
        write_feedback(payload(note="x" * 100_001), target)
    assert target.read_bytes() == b"old feedback"
    assert [p.name for p in tmp_path.iterdir()] == ["feedback.json"]


# --- cairn feedback -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def learner_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A JSON export from a learner who finished a milestone (the shipped pack)."""
    folder = tmp_path_factory.mktemp("learner")
    tracker = Tracker.open(folder / "data", curriculum_dir())
    try:
        tracker.set_setting("learner_name", "Ada Lovelace")
        tracker.set_status(MILESTONE, "done")
        tracker.add_evidence(MILESTONE, "https://example.org/ada/golden-set")
        path = folder / "ada-progress.json"
        export(tracker.snapshot(), "json", path)
    finally:
        tracker.close()
    yield path


def feedback_cli(
    argv: list[str], stdin: str = "", data_dir: Path | None = None
) -> tuple[int, str, str]:
    """Run `cairn [--data-dir DIR] feedback ARGS` as cli.py dispatches it; return
    (exit code, stdout, stderr)."""
    parser = argparse.ArgumentParser(prog="cairn")
    parser.add_argument("--data-dir", type=Path)
    commands = parser.add_subparsers(dest="command")
    add_feedback_parser(commands)
    chosen = ["--data-dir", str(data_dir)] if data_dir is not None else []
    args = parser.parse_args([*chosen, "feedback", *argv])
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        code = run_feedback(args, out, err)
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def test_the_command_writes_feedback_that_answers_the_export(
    learner_export: Path, tmp_path: Path, curriculum: Curriculum
) -> None:
    out = tmp_path / "feedback.json"
    before = datetime.now(UTC).replace(tzinfo=None)
    code, stdout, stderr = feedback_cli(
        [
            str(learner_export),
            "--comment", ITEM, "Tidy the *layout*.",
            "--comment", MILESTONE, "<script>alert(1)</script> [x](javascript:alert(1))",
            "--verify", MILESTONE,
            "--verify", OTHER_MILESTONE,
            "--verify", MILESTONE,
            "--note", "Good month.",
            "--mentor", "Grace Hopper",
            "--out", str(out),
        ]
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    assert stdout == f"Wrote feedback for Ada Lovelace (2 comments, 2 verified) to {out}\n"
    data = read_feedback(out)
    check_against(data, curriculum)
    answered = json.loads(learner_export.read_text(encoding="utf-8"))
    assert data.answers_file == "ada-progress.json"
    assert data.learner_id == read_export(learner_export).learner_id  # "" before schema 3
    assert data.answers_exported_at == datetime.fromisoformat(answered["exported_at"]).replace(
        tzinfo=None
    )
    assert (data.learner_name, data.mentor_name, data.note) == (
        "Ada Lovelace",
        "Grace Hopper",
        "Good month.",
    )
    assert [(i, t) for i, t, _at in data.comments] == [
        (ITEM, "Tidy the *layout*."),
        (MILESTONE, "<script>alert(1)</script> [x](javascript:alert(1))"),
    ]
    assert [i for i, _at in data.verified] == [MILESTONE, OTHER_MILESTONE]
    after = datetime.now(UTC).replace(tzinfo=None)
    assert before <= data.written_at <= after
    assert all(at == data.written_at for *_rest, at in (*data.comments, *data.verified))


def test_a_text_of_dash_is_read_from_standard_input(learner_export: Path, tmp_path: Path) -> None:
    out = tmp_path / "feedback.json"
    code, stdout, _ = feedback_cli(
        [str(learner_export), "--comment", MILESTONE, "-", "--out", str(out)],
        stdin="From stdin:\n\n- one\n",
    )
    assert code == 0 and "(1 comment, 0 verified)" in stdout
    assert read_feedback(out).comments[0][1] == "From stdin:\n\n- one\n"


def test_an_old_id_is_answered_under_the_id_that_replaced_it(
    learner_export: Path, tmp_path: Path, curriculum: Curriculum
) -> None:
    assert curriculum.resolve("python-idioms-refresher") == "clean-code-refactor"
    out = tmp_path / "feedback.json"
    code, _, _ = feedback_cli(
        [str(learner_export), "--comment", "python-idioms-refresher", "ok", "--out", str(out)]
    )
    assert code == 0 and read_feedback(out).comments[0][0] == "clean-code-refactor"


def test_a_note_alone_is_enough(learner_export: Path, tmp_path: Path) -> None:
    out = tmp_path / "feedback.json"
    code, stdout, _ = feedback_cli([str(learner_export), "--note", "Well done", "--out", str(out)])
    assert code == 0 and "(0 comments, 0 verified)" in stdout
    assert read_feedback(out).note == "Well done"


CLI_REFUSALS: list[tuple[str, list[str], str, str]] = [
    ("nothing to say", [], "", "at least one --comment, --verify or --note"),
    ("unknown comment id", ["--comment", "no-such-item", "hi"], "", "--comment no-such-item"),
    ("verify an item", ["--verify", ITEM], "", f"--verify {ITEM}: this is an item"),
    ("verify unknown", ["--verify", "no-such-milestone"], "", "--verify no-such-milestone"),
    ("empty comment", ["--comment", ITEM, ""], "", f"--comment {ITEM}: the text is empty"),
    ("blank comment", ["--comment", ITEM, " \n "], "", f"--comment {ITEM}: the text is empty"),
    ("empty note", ["--note", ""], "", "--note: the text is empty"),
    ("huge note", ["--note", "x" * 100_001], "", "--note: is 100,001 characters"),
    ("huge stdin", ["--comment", ITEM, "-"], "x" * 100_001, f"--comment {ITEM}: is 100,001"),
    ("NUL comment", ["--comment", ITEM, "a\x00b"], "", "NUL"),
    ("surrogate comment", ["--comment", ITEM, "a\udc80b"], "", "not valid UTF-8"),
    ("stdin twice", ["--comment", ITEM, "-", "--note", "-"], "text", "only one TEXT"),
    ("mentor two lines", ["--note", "ok", "--mentor", "A\nB"], "", "--mentor: contains a line"),
]


@pytest.mark.parametrize(
    ("extra", "stdin", "words"), [c[1:] for c in CLI_REFUSALS], ids=[c[0] for c in CLI_REFUSALS]
)
@pytest.mark.parametrize("existing", [False, True], ids=["new file", "existing file"])
def test_a_bad_argument_is_refused_and_nothing_is_written(
    learner_export: Path, tmp_path: Path, extra: list[str], stdin: str, words: str, existing: bool
) -> None:
    out = tmp_path / "feedback.json"
    if existing:
        out.write_bytes(b"the mentor's earlier feedback")
    code, stdout, stderr = feedback_cli([str(learner_export), *extra, "--out", str(out)], stdin)
    assert_refused(code, stdout, stderr, words)
    assert (out.read_bytes() if existing else out.exists()) == (
        b"the mentor's earlier feedback" if existing else False
    )
    assert [p.name for p in tmp_path.iterdir()] == (["feedback.json"] if existing else [])


def assert_refused(code: int, stdout: str, stderr: str, words: str) -> None:
    assert (code, stdout) == (2, "")
    assert stderr.startswith("cairn: ") and stderr.count("\n") == 1 and words in stderr
    assert "nothing was written" in stderr and "Traceback" not in stderr


def test_an_export_that_cannot_be_read_is_refused_with_the_importers_words(
    learner_export: Path, tmp_path: Path
) -> None:
    newer = json.loads(learner_export.read_text(encoding="utf-8"))
    newer["schema"] = 99
    cases = [
        (write_json(tmp_path / "newer.json", newer), "written by a newer Cairn"),
        (write_json(tmp_path / "cut.json", learner_export.read_text()[:200]), "not valid JSON"),
        (write_json(tmp_path / "fb.json", payload()), "not 'cairn-progress'"),
        (tmp_path / "missing.json", "cannot be read"),
    ]
    if sys.platform != "win32":
        os.mkfifo(tmp_path / "pipe.json")
        cases.append((tmp_path / "pipe.json", "not a regular file"))
    out = tmp_path / "feedback.json"
    for source, words in cases:
        code, stdout, stderr = feedback_cli([str(source), "--note", "hi", "--out", str(out)])
        assert_refused(code, stdout, stderr, words)
        assert str(source) in stderr and "nothing was imported" not in stderr
        assert not out.exists()


KINDS = ["folder", "database", "data folder", "default data folder", "missing folder", "fifo"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_out_target_an_export_may_not_use_is_refused(
    learner_export: Path, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    target = {
        "folder": tmp_path,
        "database": tmp_path / "cairn.sqlite3",
        "data folder": data_dir / "feedback.json",
        "default data folder": data_dir / "feedback.json",
        "missing folder": tmp_path / "nowhere" / "feedback.json",
        "fifo": tmp_path / "pipe.json",
    }[kind]
    if kind == "database":
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    if kind == "fifo":
        os.mkfifo(target)
    monkeypatch.setenv("CAIRN_DATA_DIR", str(data_dir))  # the learner's folder on this machine
    before = sorted(p.name for p in tmp_path.iterdir())
    code, stdout, stderr = feedback_cli(
        [str(learner_export), "--note", "hi", "--out", str(target)],
        data_dir=data_dir if kind == "data folder" else None,
    )
    assert_refused(code, stdout, stderr, "--out: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(data_dir.iterdir()) == []
