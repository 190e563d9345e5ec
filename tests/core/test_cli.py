"""Every command of the command line, its output and its exit codes."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from tests.conftest import SMALL_PACK

from cairn import __version__
from cairn.cli import run
from cairn.locations import curriculum_dir
from choice_packs import AGENTS, EVALS, GROUP, SERVING, write_choice_pack


def cairn(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        return cairn_with_stdin_as_is(*args)
    finally:
        sys.stdin = sys.__stdin__


def cairn_with_stdin_as_is(*args: str) -> tuple[int, str, str]:
    """Run the command line in-process with whatever sys.stdin the test has put in place."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(list(args), stdout=out, stderr=err)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def first_item(shipped_tracker) -> str:  # type: ignore[no-untyped-def]
    return shipped_tracker.curriculum.week_items("w01")[0].id


def test_version_and_help_through_the_real_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cairn", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"cairn {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "cairn", "frobnicate"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_mark_then_status_json_shows_progress(data_dir: Path, first_item: str) -> None:
    code, out, _ = cairn("--data-dir", str(data_dir), "mark", first_item, "done")
    assert code == 0 and f"{first_item}: todo -> done" in out
    code, out, _ = cairn("--data-dir", str(data_dir), "status", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["schema"] == 1
    assert payload["overall"]["done"] == 1 and payload["overall"]["total"] > 150
    month1 = payload["months"][0]
    assert month1["month"] == 1 and month1["done"] == 1
    assert set(month1) >= {"month", "title", "done", "total", "percent"}


def test_status_text(data_dir: Path) -> None:
    code, out, _ = cairn("--data-dir", str(data_dir), "status")
    assert code == 0 and out.startswith("Overall") and "Month 6" in out


def test_items_json_fields_and_filters(data_dir: Path, first_item: str) -> None:
    cairn("--data-dir", str(data_dir), "mark", first_item, "doing")
    code, out, _ = cairn("--data-dir", str(data_dir), "items", "--month", "1", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["schema"] == 1
    item = payload["items"][0]
    assert set(item) >= {
        "id",
        "title",
        "kind",
        "month",
        "week",
        "status",
        "skills",
        "readings",
        "project",
        "estimate_hours",
    }
    assert item["id"] == first_item and item["status"] == "doing" and item["month"] == 1
    assert all(i["month"] == 1 for i in payload["items"])
    assert {"id", "title", "url"} <= set(item["readings"][0])
    milestones = [i for i in payload["items"] if i["kind"] == "milestone"]
    assert milestones and all(m["project"] for m in milestones)

    code, out, _ = cairn("--data-dir", str(data_dir), "items", "--status", "doing", "--json")
    assert [i["id"] for i in json.loads(out)["items"]] == [first_item]
    code, out, _ = cairn("--data-dir", str(data_dir), "items", "--role", "llm-engineer")
    assert code == 0 and " items\n" in out


def test_items_with_unknown_month_or_role_is_bad_input(data_dir: Path) -> None:
    code, _, err = cairn("--data-dir", str(data_dir), "items", "--month", "9")
    assert code == 2 and "no month 9" in err
    code, _, err = cairn("--data-dir", str(data_dir), "items", "--role", "wizard")
    assert code == 2 and "wizard" in err


def test_mark_unknown_id_exits_2_names_it_and_changes_nothing(data_dir: Path) -> None:
    code, _, err = cairn("--data-dir", str(data_dir), "mark", "NO_SUCH_ID", "done")
    assert code == 2 and "NO_SUCH_ID" in err and "nothing was changed" in err
    _, out, _ = cairn("--data-dir", str(data_dir), "status", "--json")
    assert json.loads(out)["overall"]["done"] == 0


def test_mark_bad_status_is_a_usage_error(data_dir: Path, first_item: str) -> None:
    code, _, err = cairn("--data-dir", str(data_dir), "mark", first_item, "finished")
    assert code == 2 and "invalid choice" in err


def test_note_replaces_and_reads_stdin(data_dir: Path, first_item: str, shipped_pack: Path) -> None:
    from cairn.tracker import Tracker

    assert cairn("--data-dir", str(data_dir), "note", first_item, "first")[0] == 0
    code, out, _ = cairn(
        "--data-dir", str(data_dir), "note", first_item, "-", stdin="# Week 1\nLearned *uv*."
    )
    assert code == 0 and "note saved" in out
    with Tracker.open(data_dir, shipped_pack) as t:
        note = t.note(first_item)
    assert note is not None and note.body == "# Week 1\nLearned *uv*."


def test_evidence_accepts_web_links_only(data_dir: Path, shipped_pack: Path) -> None:
    from cairn.tracker import Tracker

    code, _, err = cairn(
        "--data-dir", str(data_dir), "evidence", "rag-eval-golden-set", "javascript:alert(1)"
    )
    assert code == 2 and "javascript:alert(1)" in err
    code, out, _ = cairn(
        "--data-dir", str(data_dir), "evidence", "rag-eval-golden-set", "https://github.com/me/rag"
    )
    assert code == 0 and "evidence added" in out
    with Tracker.open(data_dir, shipped_pack) as t:
        urls = [e.url for e in t.evidence("rag-eval-golden-set")]
    assert urls == ["https://github.com/me/rag"]


def test_validate_shipped_and_broken_packs(tmp_path: Path) -> None:
    code, out, _ = cairn("validate", str(curriculum_dir()))
    assert code == 0 and "ok" in out
    code, out, _ = cairn("validate", str(SMALL_PACK))
    assert code == 0
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pack.toml").write_text(
        '[pack]\nid = "x"\nname = "X"\nversion = "1"\n'
        '[[reading]]\nid = "r"\ntitle = "R"\nauthor = "A"\n'
        'kind = "docs"\nurl = "file:///etc"\nestimate_hours = 1\n'
        '[[skill]]\nid = "s"\n'
    )
    code, _, err = cairn("validate", str(broken))
    assert code == 1
    assert "field 'url'" in err and "id 's'" in err and "field 'name'" in err
    code, _, err = cairn("validate", str(tmp_path / "missing"))
    assert code == 2 and "missing" in err


def test_data_dir_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_item: str
) -> None:
    monkeypatch.setenv("CAIRN_DATA_DIR", str(tmp_path / "env-data"))
    assert cairn("mark", first_item, "done")[0] == 0
    assert (tmp_path / "env-data" / "cairn.sqlite3").is_file()


def test_newer_database_is_a_data_problem(data_dir: Path) -> None:
    import sqlite3

    assert cairn("--data-dir", str(data_dir), "check")[0] == 0
    with closing(sqlite3.connect(data_dir / "cairn.sqlite3")) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    code, _, err = cairn("--data-dir", str(data_dir), "status")
    assert code == 1 and "newer version of Cairn" in err


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("x")
    code, _, err = cairn("--data-dir", str(target), "status")
    assert code == 1 and str(target) in err


def test_readiness_json_for_a_role_and_roles_in_status(data_dir: Path) -> None:
    assert cairn("--data-dir", str(data_dir), "mark", "rag-eval-golden-set", "done")[0] == 0
    code, out, _ = cairn(
        "--data-dir", str(data_dir), "readiness", "--role", "llm-engineer", "--json"
    )
    payload = json.loads(out)
    assert code == 0 and payload["schema"] == 1
    assert payload["role"] == {"id": "llm-engineer", "name": "LLM / AI Engineer"}
    assert 0 < payload["score"] < 100
    assert {"id", "name", "weight", "score"} <= set(payload["areas"][0])
    assert sum(a["weight"] for a in payload["areas"]) == 100
    evaluation = next(a for a in payload["areas"] if a["id"] == "llm-evaluation")
    assert "no evidence yet" in evaluation["explanation"]
    first = payload["next"][0]
    assert {"id", "title", "gain", "estimate_hours"} <= set(first)
    proof = [s for s in payload["next"] if s["id"] == "rag-eval-golden-set"]
    assert proof and proof[0]["action"] == "add evidence" and proof[0]["estimate_hours"] == 0.25

    code, out, _ = cairn("--data-dir", str(data_dir), "status", "--json")
    roles = json.loads(out)["roles"]
    assert len(roles) == 7 and all({"id", "name", "readiness"} <= set(r) for r in roles)
    llm = next(r for r in roles if r["id"] == "llm-engineer")
    assert llm["readiness"] == payload["score"]


def test_readiness_text_and_bad_role(data_dir: Path) -> None:
    code, out, _ = cairn("--data-dir", str(data_dir), "readiness")
    assert code == 0 and "No primary role chosen yet" in out and "Applied Scientist" in out
    code, out, _ = cairn("--data-dir", str(data_dir), "readiness", "--role", "applied-scientist")
    assert code == 0 and "Next steps" in out and "Experimentation 25%" in out
    code, _, err = cairn("--data-dir", str(data_dir), "readiness", "--role", "wizard")
    assert code == 2 and "wizard" in err


# --- marking several items in one command --------------------------------------------------
def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli_backups(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "backups").glob("cairn-*-cli.sqlite3"))


@pytest.fixture
def week_one(shipped_tracker) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.id for item in shipped_tracker.curriculum.week_items("w01")[:3]]


def test_mark_several_ids_in_one_command(
    data_dir: Path, week_one: list[str], shipped_pack: Path
) -> None:
    from cairn.tracker import Tracker

    first, second, third = week_one
    assert cairn("--data-dir", str(data_dir), "mark", first, "done")[0] == 0
    code, out, err = cairn(
        "--data-dir", str(data_dir), "mark", first, second, third, second, "done"
    )
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{first}: already done",
        f"{second}: todo -> done",
        f"{third}: todo -> done",
    ]
    t = Tracker.open(data_dir, shipped_pack)
    try:
        assert [t.status(i) for i in week_one] == ["done"] * 3
        assert len(t.history(second)) == 1  # a duplicated id is marked once
        times = {t.history(i)[-1].changed_at for i in (second, third)}
    finally:
        t.close()
    assert len(times) == 1  # one transaction, one moment


def test_an_unknown_id_among_several_changes_nothing(data_dir: Path, week_one: list[str]) -> None:
    first, second, _ = week_one
    assert cairn("--data-dir", str(data_dir), "mark", first, "doing")[0] == 0
    database, backups = data_dir / "cairn.sqlite3", cli_backups(data_dir)
    before = sha(database)
    code, out, err = cairn("--data-dir", str(data_dir), "mark", first, "NO_SUCH_ID", second, "done")
    assert code == 2 and out == ""
    assert err == "cairn: there is no item or milestone with id 'NO_SUCH_ID'; nothing was changed\n"
    code, _, err = cairn("--data-dir", str(data_dir), "mark", "GONE_1", second, "GONE_2", "done")
    assert code == 2 and "'GONE_1', 'GONE_2'" in err and "nothing was changed" in err
    assert sha(database) == before and cli_backups(data_dir) == backups


def test_mark_several_with_a_bad_status_changes_nothing(
    data_dir: Path, week_one: list[str]
) -> None:
    assert cairn("--data-dir", str(data_dir), "mark", week_one[0], "doing")[0] == 0
    before = sha(data_dir / "cairn.sqlite3")
    code, out, err = cairn("--data-dir", str(data_dir), "mark", *week_one, "finished")
    assert code == 2 and out == "" and "invalid choice: 'finished'" in err
    assert sha(data_dir / "cairn.sqlite3") == before


def test_items_ids_pipes_into_mark_from_stdin(data_dir: Path) -> None:
    code, ids, _ = cairn("--data-dir", str(data_dir), "items", "--month", "1", "--ids")
    _, listed, _ = cairn("--data-dir", str(data_dir), "items", "--month", "1", "--json")
    assert code == 0 and ids.splitlines() == [i["id"] for i in json.loads(listed)["items"]]
    chosen = ids.splitlines()[:4]
    code, out, _ = cairn(
        "--data-dir", str(data_dir), "mark", "-", "done", stdin="\n".join(["", *chosen, "  ", ""])
    )
    assert code == 0 and out.splitlines() == [f"{i}: todo -> done" for i in chosen]
    _, done, _ = cairn("--data-dir", str(data_dir), "items", "--status", "done", "--ids")
    assert done.splitlines() == chosen


def test_mark_from_stdin_refuses_empty_mixed_or_unreadable_input(
    data_dir: Path, week_one: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cairn("--data-dir", str(data_dir), "mark", week_one[0], "doing")[0] == 0
    before = sha(data_dir / "cairn.sqlite3")
    code, _, err = cairn("--data-dir", str(data_dir), "mark", "-", "done", stdin="\n \n")
    assert code == 2 and "no item ids on stdin" in err
    code, _, err = cairn("--data-dir", str(data_dir), "mark", "-", week_one[1], "done", stdin="")
    assert code == 2 and "'-' reads the ids from stdin" in err
    code, _, err = cairn(
        "--data-dir", str(data_dir), "mark", "-", "done", stdin=f"{week_one[1]}\n" * 200_000
    )
    assert code == 2 and "more than 1,000,000 characters" in err
    with io.TextIOWrapper(io.BytesIO(b"\xff\xfe\n"), encoding="utf-8") as binary:
        monkeypatch.setattr(sys, "stdin", binary)
        code, _, err = cairn_with_stdin_as_is("--data-dir", str(data_dir), "mark", "-", "done")
    assert code == 2 and "stdin is not UTF-8 text" in err
    assert sha(data_dir / "cairn.sqlite3") == before


def test_ctrl_c_while_ids_are_read_changes_nothing(
    data_dir: Path, week_one: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    assert cairn("--data-dir", str(data_dir), "mark", week_one[0], "doing")[0] == 0
    before = sha(data_dir / "cairn.sqlite3")
    monkeypatch.setattr(sys, "stdin", Interrupted())
    code, out, err = cairn_with_stdin_as_is("--data-dir", str(data_dir), "mark", "-", "done")
    assert code == 130 and out == "" and "interrupted; nothing more was changed" in err
    assert sha(data_dir / "cairn.sqlite3") == before


def test_the_one_id_form_is_unchanged(data_dir: Path, first_item: str) -> None:
    code, out, _ = cairn("--data-dir", str(data_dir), "mark", first_item, "doing")
    assert code == 0 and out == f"{first_item}: todo -> doing\n"
    code, out, _ = cairn("--data-dir", str(data_dir), "mark", first_item, "doing")
    assert code == 0 and out == f"{first_item}: already doing\n"


def test_marking_several_backs_up_at_most_hourly(data_dir: Path, week_one: list[str]) -> None:
    assert cairn("--data-dir", str(data_dir), "mark", *week_one[:2], "done")[0] == 0
    assert len(cli_backups(data_dir)) == 1  # a backup after the first write
    assert cairn("--data-dir", str(data_dir), "mark", *week_one[1:], "doing")[0] == 0
    assert len(cli_backups(data_dir)) == 1  # not another within the hour


def test_a_refused_mark_makes_no_backup(data_dir: Path, week_one: list[str]) -> None:
    assert cairn("--data-dir", str(data_dir), "mark", *week_one, "NO_SUCH_ID", "done")[0] == 2
    assert cli_backups(data_dir) == []


# --- output that cannot be written --------------------------------------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["items"], ["status", "--json"], ["items", "--ids"]])
def test_output_to_a_full_device_is_said_in_words_and_exits_1(
    data_dir: Path, command: list[str]
) -> None:
    """`cairn items > /dev/full`: the output is named, no empty file name, and a command
    that only reads does not speak of changes; the learner's data is untouched."""
    assert cairn("--data-dir", str(data_dir), "mark", "python-project-skeleton", "done")[0] == 0
    database = data_dir / "cairn.sqlite3"
    before = sha(database)
    argv = [sys.executable, "-m", "cairn", "--data-dir", str(data_dir), *command]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 1
    expected = "cairn: could not write the output: No space left on device (standard output)\n"
    assert done.stderr == expected
    assert sha(database) == before


class _RefusingFile(io.StringIO):
    """A file the system refuses to write to, as a full disk does."""

    name = "summary.txt"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_output_to_a_named_file_that_refuses_names_it(data_dir: Path) -> None:
    err = io.StringIO()
    with _RefusingFile() as out:
        code = run(["--data-dir", str(data_dir), "status"], stdout=out, stderr=err)
    assert code == 1
    assert err.getvalue() == (
        "cairn: could not write the output: No space left on device (summary.txt)\n"
    )


# --- electives: cairn choose, and the choice fields of cairn items --------------------------
@pytest.fixture
def electives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line runs on a small pack with one elective of three options."""
    pack = write_choice_pack(tmp_path / "electives")
    monkeypatch.setattr("cairn.cli.curriculum_dir", lambda: pack)
    return pack


def _overall_total(data_dir: Path) -> int:
    code, out, _ = cairn("--data-dir", str(data_dir), "status", "--json")
    assert code == 0
    return int(json.loads(out)["overall"]["total"])


def test_choose_lists_chooses_and_reopens(data_dir: Path, electives: Path) -> None:
    code, out, err = cairn("--data-dir", str(data_dir), "choose")
    assert code == 0 and err == "" and not data_dir.exists()  # listing writes nothing
    assert out.splitlines()[0] == (
        f"{GROUP}  Choose one specialisation (due week 2) — open: counts as 'Evals' until you "
        "choose 1"
    )
    assert "~ spec-evals        2 h  2 items  Evals" in out
    assert "  spec-serving      6 h  2 items  Serving" in out
    assert _overall_total(data_dir) == 5  # core 3 + the cheapest option's 2

    code, out, err = cairn("--data-dir", str(data_dir), "choose", GROUP, AGENTS)
    assert code == 0 and err == ""
    assert out == (
        "Chose 'Agents' in 'Choose one specialisation': its 3 items count; the other "
        "options' progress is kept.\n"
    )
    assert _overall_total(data_dir) == 6
    code, out, _ = cairn("--data-dir", str(data_dir), "choose", "--list", "--json")
    group = json.loads(out)["choices"][0]
    assert code == 0 and (group["id"], group["chosen"], group["week"]) == (GROUP, [AGENTS], 2)
    assert [
        (o["id"], o["estimate_hours"], o["chosen"], o["counted"]) for o in group["options"]
    ] == [
        (EVALS, 2, False, False),
        (AGENTS, 4, True, True),
        (SERVING, 6, False, False),
    ]
    code, out, _ = cairn("--data-dir", str(data_dir), "choose", GROUP, AGENTS)
    assert code == 0 and out.endswith(
        "already chosen in 'Choose one specialisation'; nothing changed\n"
    )

    code, out, _ = cairn("--data-dir", str(data_dir), "choose", GROUP, "--clear")
    assert code == 0 and out.startswith("Reopened 'Choose one specialisation': until you choose")
    assert _overall_total(data_dir) == 5
    assert (
        json.loads(cairn("--data-dir", str(data_dir), "choose", "--json")[1])["choices"][0][
            "chosen"
        ]
        == []
    )


CHOOSE_REFUSALS = {
    "unknown group": (["nope", EVALS], "there is no choice 'nope'"),
    "unknown option": ([GROUP, "spec-cooking"], "'spec-cooking' is not an option of"),
    "two options of a choose-one": ([GROUP, EVALS, AGENTS], "asks you to choose 1 option, not 2"),
    "no option": ([GROUP], f"name the option to choose in '{GROUP}'"),
    "clear with an option": ([GROUP, EVALS, "--clear"], "give no OPTION_ID"),
    "clear an unknown group": (["nope", "--clear"], "there is no choice 'nope'"),
    "clear without a group": (["--clear"], "give its GROUP_ID"),
    "json with a group": ([GROUP, EVALS, "--json"], "give no GROUP_ID, OPTION_ID or --clear"),
    "list with clear": (["--clear", "--list"], "--list and --json only list the electives"),
}


@pytest.mark.parametrize("case", sorted(CHOOSE_REFUSALS))
def test_a_refused_choose_exits_2_and_changes_nothing(
    data_dir: Path, electives: Path, case: str
) -> None:
    args, words = CHOOSE_REFUSALS[case]
    assert cairn("--data-dir", str(data_dir), "choose", GROUP, SERVING)[0] == 0
    database, backups = data_dir / "cairn.sqlite3", cli_backups(data_dir)
    before = sha(database)
    code, out, err = cairn("--data-dir", str(data_dir), "choose", *args)
    assert code == 2 and out == ""
    assert err.startswith("cairn: ") and words in err and err.count("\n") == 1
    assert "nothing was changed" in err
    assert sha(database) == before and cli_backups(data_dir) == backups


def test_choosing_backs_up_like_other_changes(data_dir: Path, electives: Path) -> None:
    assert cairn("--data-dir", str(data_dir), "choose", GROUP, AGENTS)[0] == 0
    assert len(cli_backups(data_dir)) == 1
    assert cairn("--data-dir", str(data_dir), "choose", GROUP, "--clear")[0] == 0
    assert len(cli_backups(data_dir)) == 1  # at most one an hour


def test_items_json_carries_choice_requires_and_optional_readings(
    data_dir: Path, electives: Path
) -> None:
    def items() -> dict[str, dict]:  # type: ignore[type-arg]
        code, out, _ = cairn("--data-dir", str(data_dir), "items", "--json")
        assert code == 0
        return {i["id"]: i for i in json.loads(out)["items"]}

    listed = items()
    fields = ("choice", "chosen", "counted")
    assert [listed["core-plan"][f] for f in fields] == [None, None, True]
    assert [listed["evals-judge"][f] for f in fields] == [GROUP, False, True]  # cheapest, open
    assert [listed["agents-loop"][f] for f in fields] == [GROUP, False, False]
    assert listed["core-plan"]["requires"] == ["core-setup"]
    assert listed["core-read"]["optional_readings"] == [
        {"id": "book", "title": "The book", "url": "https://example.org/book"}
    ]
    assert (
        listed["core-setup"]["optional_readings"] == [] and listed["core-setup"]["requires"] == []
    )
    cairn("--data-dir", str(data_dir), "choose", GROUP, AGENTS)
    listed = items()
    assert [listed["agents-loop"][f] for f in fields] == [GROUP, True, True]
    assert [listed["evals-judge"][f] for f in fields] == [GROUP, False, False]


def test_items_text_marks_the_options(data_dir: Path, electives: Path) -> None:
    cairn("--data-dir", str(data_dir), "choose", GROUP, SERVING)
    code, out, _ = cairn("--data-dir", str(data_dir), "items", "--month", "2")
    lines = {line.split()[3]: line for line in out.splitlines()[:-1]}
    assert code == 0 and lines["core-plan"].endswith("Plan your specialisation")
    assert lines["agents-loop"].endswith(f"(option '{AGENTS}' of '{GROUP}', not chosen)")
    assert lines["serving-vllm"].endswith(f"(option '{SERVING}' of '{GROUP}', chosen)")
