"""Hostile or odd import files (issue 10, case 7: import hardening): each is refused with one
message naming the file and the field, exit code 2, and the database unchanged — or, for ids the
curriculum does not know, imported with those parts skipped and reported in a short line."""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import sys
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cairn.cli import run
from cairn.locations import curriculum_dir
from cairn.reports.importer import (
    ImportRefused,
    ImportReport,
    plan_merge,
    read_export,
)
from cairn.tracker import Tracker

ITEM, MILESTONE, READING = "python-project-skeleton", "rag-eval-golden-set", "rag-paper"
AT = "2026-03-01T10:00:00Z"


def payload(**fields: Any) -> dict[str, Any]:
    """A small valid export; keyword arguments replace top-level fields."""
    return {
        "format": "cairn-progress",
        "schema": 1,
        "exported_at": "2026-03-02T10:00:00Z",
        "learner": {"name": "Ada", "primary_role": "", "target_roles": []},
        "items": [
            {
                "id": ITEM,
                "status": "done",
                "updated_at": AT,
                "history": [{"from": None, "to": "done", "at": AT}],
            }
        ],
        "notes": [{"id": ITEM, "body": "hello", "updated_at": AT}],
        "evidence": [{"id": MILESTONE, "url": "https://example.org/rag", "added_at": AT}],
        "readings": [{"id": READING, "status": "read", "updated_at": AT}],
        "sessions": [{"id": ITEM, "started_at": AT, "minutes": 30, "source": "cli"}],
        **fields,
    }


def write(path: Path, value: Any) -> Path:
    path.write_text(
        value if isinstance(value, str) else json.dumps(value),
        encoding="utf-8",
        errors="surrogatepass",
    )
    return path


def digest(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "cairn.sqlite3").read_bytes()).hexdigest()


@pytest.fixture
def existing(data_dir: Path) -> Path:
    """A data folder with some progress of its own."""
    assert run(["--data-dir", str(data_dir), "mark", "sql-for-ml-data", "doing"]) == 0
    return data_dir


def refused_by_cli(data_dir: Path, source: Path) -> str:
    """Import through the command line; assert exit 2 and nothing changed; return stderr."""
    before = digest(data_dir)
    err = io.StringIO()
    assert run(["--data-dir", str(data_dir), "import", str(source)], stderr=err) == 2
    assert digest(data_dir) == before
    assert not (data_dir / "backups").exists() or not any(
        "before-import" in p.name for p in (data_dir / "backups").iterdir()
    )
    message = err.getvalue()
    assert message.count("\n") == 1 and str(source) in message and "Traceback" not in message
    assert "nothing was imported" in message
    return message


def test_nesting_100000_deep_is_refused_by_a_depth_limit(existing: Path, tmp_path: Path) -> None:
    deep = write(
        tmp_path / "deep.json",
        '{"format": "cairn-progress", "schema": 1, "items": ' + "[" * 100_000 + "]" * 100_000 + "}",
    )
    assert "more than 64 deep" in refused_by_cli(existing, deep)


def test_brackets_inside_text_do_not_count_as_nesting(tmp_path: Path) -> None:
    data = read_export(
        write(
            tmp_path / "ok.json",
            payload(notes=[{"id": ITEM, "body": "[[[{{{" * 1000 + '\\"]"', "updated_at": AT}]),
        )
    )
    assert data.notes[0][1].startswith("[[[{{{")


def test_a_truncated_note_full_of_escaped_quotes_is_refused_quickly(
    existing: Path, tmp_path: Path
) -> None:
    cut = write(
        tmp_path / "cut.json", '{"format": "cairn-progress", "notes": [{"body": "' + '\\"' * 200_000
    )
    started = time.monotonic()
    assert "is not valid JSON" in refused_by_cli(existing, cut)
    assert time.monotonic() - started < 10


def test_a_5000_digit_number_is_refused(existing: Path, tmp_path: Path) -> None:
    text = json.dumps(payload()).replace('"minutes": 30', '"minutes": ' + "9" * 5000)
    message = refused_by_cli(existing, write(tmp_path / "digits.json", text))
    assert "5,000 digits" in message


@pytest.mark.parametrize(
    ("where", "field"),
    [("notes", "notes[0].body"), ("learner", "learner.name"), ("summary", "summary.x[1]")],
)
def test_a_lone_surrogate_anywhere_is_refused_naming_the_field(
    existing: Path, tmp_path: Path, where: str, field: str
) -> None:
    fields = {
        "notes": {"notes": [{"id": ITEM, "body": "a\ud800b", "updated_at": AT}]},
        "learner": {"learner": {"name": "\udcffAda"}},
        "summary": {"summary": {"x": [1, "\ud800"]}},
    }[where]
    message = refused_by_cli(existing, write(tmp_path / "surrogate.json", payload(**fields)))
    assert f"field '{field}'" in message and "is not valid UTF-8 text" in message


def test_not_a_number_is_refused(tmp_path: Path) -> None:
    text = json.dumps(payload()).replace('"minutes": 30', '"minutes": NaN')
    with pytest.raises(ImportRefused, match="NaN"):
        read_export(write(tmp_path / "nan.json", text))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it(existing: Path) -> None:
    started = time.monotonic()
    assert "not a regular file" in refused_by_cli(existing, Path("/dev/zero"))
    assert time.monotonic() - started < 10


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(existing: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    assert "not a regular file" in refused_by_cli(existing, fifo)


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("a folder", lambda p: p.mkdir(), "is a folder"),
        ("an empty file", lambda p: p.write_bytes(b""), "is empty"),
        ("only white space", lambda p: p.write_bytes(b" \n\t "), "is empty"),
        ("missing", lambda p: None, "cannot be read"),
        ("latin-1", lambda p: p.write_bytes(b'{"format": "caf\xe9"}'), "is not UTF-8"),
    ],
)
def test_what_is_not_an_export_file(
    existing: Path, tmp_path: Path, name: str, make: Any, words: str
) -> None:
    target = tmp_path / "export.json"
    make(target)
    assert words in refused_by_cli(existing, target)


def test_times_with_an_offset_are_converted_to_utc(
    shipped_tracker: Tracker, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "east.json",
        payload(
            items=[
                {
                    "id": ITEM,
                    "status": "done",
                    "updated_at": "2026-03-01T15:00:00+05:00",
                    "history": [{"from": None, "to": "done", "at": "2026-03-01T15:00:00+05:00"}],
                }
            ],
            sessions=[
                {
                    "id": ITEM,
                    "started_at": "2026-03-01T08:30:00-04:00",
                    "minutes": 30,
                    "source": "cli",
                }
            ],
        ),
    )
    shipped_tracker.import_progress(source)
    assert shipped_tracker.stored_statuses()[ITEM].updated_at == datetime(2026, 3, 1, 10)
    assert shipped_tracker.history(ITEM)[0].changed_at == datetime(2026, 3, 1, 10)
    assert shipped_tracker.sessions()[0].started_at == datetime(2026, 3, 1, 12, 30)


@pytest.mark.parametrize(
    ("time", "words"),
    [
        ("9999-12-31T23:59:59Z", "is in the future"),
        ("1999-12-31T23:00:00Z", "before 2000"),
        ("0001-01-01T00:00:00+05:00", "out of range"),
    ],
)
def test_impossible_times_are_refused_so_they_never_win_a_merge(
    existing: Path, tmp_path: Path, time: str, words: str
) -> None:
    source = write(
        tmp_path / "far.json",
        payload(items=[{"id": ITEM, "status": "skipped", "updated_at": time, "history": []}]),
    )
    message = refused_by_cli(existing, source)
    assert "field 'items[0].updated_at'" in message and words in message


def test_evidence_on_an_item_that_is_not_a_milestone_is_refused(
    existing: Path, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "not-milestone.json",
        payload(
            evidence=[
                {"id": MILESTONE, "url": "https://example.org/a", "added_at": AT},
                {"id": ITEM, "url": "https://example.org/b", "added_at": AT},
            ]
        ),
    )
    message = refused_by_cli(existing, source)
    assert "field 'evidence[1].id'" in message and "not a project milestone" in message


def test_evidence_and_sessions_on_unknown_ids_are_skipped_and_reported(
    shipped_tracker: Tracker, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "unknown.json",
        payload(
            evidence=[
                {"id": "gone-milestone", "url": "https://example.org/x", "added_at": AT},
                {"id": MILESTONE, "url": "https://example.org/rag", "added_at": AT},
            ],
            sessions=[
                {"id": "gone-item", "started_at": AT, "minutes": 600, "source": "timer"},
                {"id": READING, "started_at": AT, "minutes": 20, "source": "manual"},
            ],
        ),
    )
    report = shipped_tracker.import_progress(source)
    assert (report.evidence, report.sessions) == (1, 1)
    assert (report.skipped_evidence, report.skipped_sessions) == (1, 1)
    assert [x.minutes for x in shipped_tracker.sessions()] == [20]
    assert "gone-item, gone-milestone" in report.describe()
    assert {e.content_id for e in shipped_tracker.evidence_links()} == {MILESTONE}


def test_100000_unknown_ids_import_fast_with_a_short_report(data_dir: Path, tmp_path: Path) -> None:
    items = [
        {
            "id": f"unknown-{n}",
            "status": "done",
            "updated_at": AT,
            "history": [{"from": None, "to": "done", "at": AT}],
        }
        for n in range(100_000)
    ]
    source = write(tmp_path / "many.json", payload(items=items, evidence=[], sessions=[]))
    out = io.StringIO()
    started = time.monotonic()
    assert run(["--data-dir", str(data_dir), "import", str(source)], stdout=out) == 0
    elapsed = time.monotonic() - started
    line = out.getvalue()
    assert "100000 ids not in your curriculum were kept as retired" in line
    assert "and 99997 more" in line and len(line) < 600
    assert elapsed < 20, f"{elapsed:.1f} s"
    again = io.StringIO()
    assert run(["--data-dir", str(data_dir), "import", str(source)], stdout=again) == 0
    assert again.getvalue().startswith("Nothing to import")


def test_read_export_needs_no_tracker_and_no_data_folder(tmp_path: Path) -> None:
    data = read_export(write(tmp_path / "plain.json", payload()))
    assert data.learner_name == "Ada" and data.sessions[0][2] == 30
    assert list(tmp_path.iterdir()) == [tmp_path / "plain.json"]


# --- settings and readings the curriculum does not have --------------------------------------
def imported_by_cli(data_dir: Path, source: Path) -> str:
    """Import through the command line; assert it worked; return what it printed."""
    out = io.StringIO()
    assert run(["--data-dir", str(data_dir), "import", str(source)], stdout=out) == 0
    return out.getvalue()


def learner_only(
    name: str = "Ada",
    primary: str = "",
    others: tuple[str, ...] = (),
    readings: tuple[str, ...] = (),
) -> dict[str, Any]:
    """An export holding only the learner's settings (and perhaps reading statuses)."""
    return payload(
        learner={"name": name, "primary_role": primary, "target_roles": list(others)},
        items=[],
        notes=[],
        evidence=[],
        sessions=[],
        readings=[{"id": r, "status": "read", "updated_at": AT} for r in readings],
    )


def opened(data_dir: Path) -> closing[Tracker]:
    """The data folder's tracker with the shipped curriculum, closed after the block."""
    return closing(Tracker.open(data_dir, curriculum_dir()))


@pytest.mark.parametrize("mark", ["\u2028", "\u2029", "\x85", "\u202e"])
def test_a_learner_name_on_two_lines_refuses_the_file(
    existing: Path, tmp_path: Path, mark: str
) -> None:
    source = write(tmp_path / "name.json", learner_only(name=f"Ada{mark}# Boss"))
    message = refused_by_cli(existing, source)
    assert "field 'learner.name'" in message and "line break" in message


def test_an_unknown_role_is_skipped_and_a_later_import_still_sets_the_roles(
    data_dir: Path, tmp_path: Path
) -> None:
    bad = write(
        tmp_path / "bad-role.json", learner_only(primary="no-such-role", others=("llm-engineer",))
    )
    assert "Nothing to import" not in imported_by_cli(data_dir, bad)  # the name was written
    with opened(data_dir) as t:
        assert t.setting("primary_role") is None and t.target_roles() == []
        assert t.setting("learner_name") == "Ada"
    good = write(
        tmp_path / "good-role.json",
        learner_only(primary="llm-engineer", others=("no-such-role", "applied-ml-engineer")),
    )
    assert "Nothing to import" not in imported_by_cli(data_dir, good)
    with opened(data_dir) as t:
        assert t.target_roles() == ["llm-engineer", "applied-ml-engineer"]
        assert t.setting("target_roles") == ["applied-ml-engineer"]


def test_a_stored_unknown_role_does_not_block_an_import_that_has_a_real_one(
    data_dir: Path, tmp_path: Path
) -> None:
    with opened(data_dir) as t:  # as an earlier Cairn's import left it
        t._database.set_setting("primary_role", "no-such-role")
    imported_by_cli(data_dir, write(tmp_path / "r.json", learner_only(primary="llm-engineer")))
    with opened(data_dir) as t:
        assert t.primary_role() == "llm-engineer"


def test_a_reading_status_on_an_item_is_skipped_and_reported(
    data_dir: Path, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "readings.json",
        learner_only(readings=("clean-code-refactor", "gone-reading", READING)),
    )
    said = imported_by_cli(data_dir, source)
    assert said.startswith("Imported 0 statuses, 0 notes, 0 evidence links, 1 reading,")
    with opened(data_dir) as t:
        assert set(t.reading_records()) == {READING}


def test_the_command_line_says_what_was_taken_and_skipped(data_dir: Path, tmp_path: Path) -> None:
    source = write(
        tmp_path / "odd.json",
        learner_only(primary="no-such-role", readings=("clean-code-refactor",)),
    )
    said = imported_by_cli(data_dir, source)
    assert "Your name was taken from the file." in said
    assert "Skipped 1 role not in your curriculum: no-such-role." in said
    assert (
        "Skipped 1 reading status on an id that is not a reading in your curriculum: "
        "clean-code-refactor."
    ) in said


def test_the_report_says_what_was_taken_and_what_was_skipped(
    shipped_tracker: Tracker, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "odd.json",
        learner_only(
            primary="llm-engineer",
            others=("no-such-role", "x-role", "y-role", "z-role"),
            readings=("clean-code-refactor", "gone-reading"),
        ),
    )
    plan = plan_merge(shipped_tracker.snapshot(), read_export(source), shipped_tracker.curriculum)
    said = ImportReport.from_plan(plan, None).describe()
    assert said == (
        "No new statuses, notes, evidence, readings or study sessions. Your name "
        "and target roles were taken from the file. Skipped 2 reading statuses on "
        "ids that are not a reading in your curriculum: clean-code-refactor, "
        "gone-reading. Skipped 4 roles not in your curriculum: no-such-role, "
        "x-role, y-role and 1 more."
    )
    assert plan.settings["target_roles"] == []
    assert (
        ImportReport.from_plan(
            plan_merge(
                shipped_tracker.snapshot(),
                read_export(write(tmp_path / "empty.json", learner_only(name=""))),
                shipped_tracker.curriculum,
            ),
            None,
        )
        .describe()
        .startswith("Nothing to import")
    )


def test_the_mentor_view_reads_roles_as_the_file_has_them(data_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "mentor.json", learner_only(primary="their-own-role"))
    with opened(data_dir) as t:
        plan = plan_merge(t.snapshot(), read_export(source), None)
    assert plan.settings["primary_role"] == "their-own-role" and plan.skipped_roles == ()


@pytest.mark.parametrize("ref", ["&#x202E;", "&#8238;", "&rlm;", "&lrm;"])
def test_an_evidence_link_with_a_character_reference_imports_and_exports_inert(
    existing: Path, tmp_path: Path, ref: str
) -> None:
    """An export from an earlier version may hold such a link: it restores, and the Markdown
    export writes it so that no viewer turns the reference into a direction mark."""
    import markdown

    source = write(
        tmp_path / "disguised.json",
        payload(
            evidence=[
                {"id": MILESTONE, "url": f"https://evil.example/{ref}fdp.exe", "added_at": AT}
            ]
        ),
    )
    assert run(["--data-dir", str(existing), "import", str(source)]) == 0
    out = tmp_path / "summary.md"
    assert run(["--data-dir", str(existing), "export", "--format", "md", "--out", str(out)]) == 0
    rendered = html.unescape(markdown.markdown(out.read_text(encoding="utf-8")))
    assert "fdp.exe" in rendered
    assert not set(rendered) & {"\u202e", "\u200f", "\u200e"}
