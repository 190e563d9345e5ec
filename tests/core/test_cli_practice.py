"""`cairn practice [--json]` and `cairn practice grade CARD_ID RATING`: output, the JSON schema,
and refusals that exit 2 with one line and leave the database file as it was."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.core.test_cli import cairn

from cairn.tracker import Tracker
from practice_packs import CARDS_TOML, write_cards


@pytest.fixture
def pack(small_pack: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small pack with practice cards, as the command line's shipped pack."""
    write_cards(small_pack, CARDS_TOML)
    monkeypatch.setattr("cairn.cli.curriculum_dir", lambda: small_pack)
    return small_pack


@pytest.fixture
def folder(data_dir: Path, pack: Path) -> str:
    """A data folder where write-hello is done (its two cards are unlocked)."""
    assert cairn("--data-dir", str(data_dir), "mark", "write-hello", "done")[0] == 0
    return str(data_dir)


def _sha256(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "cairn.sqlite3").read_bytes()).hexdigest()


def test_practice_lists_the_cards_due(folder: str) -> None:
    code, out, err = cairn("--data-dir", folder, "practice")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "2 cards due (2 new)"
    assert lines[1].split()[:2] == ["new", "hello-why"] and "Why start with hello world?" in out
    assert lines[2].split()[:2] == ["new", "hello-print"]
    assert "cairn practice grade CARD_ID {again,hard,good,easy}" in out


def test_practice_with_nothing_unlocked(data_dir: Path, pack: Path) -> None:
    code, out, _ = cairn("--data-dir", str(data_dir), "practice")
    assert code == 0 and out == "0 cards due\n"


def test_practice_json_schema(folder: str) -> None:
    code, out, _ = cairn("--data-dir", folder, "practice", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["schema"] == 1 and payload["due"] == 2
    assert payload["desired_retention"] == 0.9
    assert payload["cards"][0] == {
        "id": "hello-why",
        "item": "write-hello",
        "kind": "recall",
        "prompt": "Why start with hello world?",
        "due": None,
        "new": True,
    }
    assert payload["retention"] == [
        {"id": "coding", "name": "Coding", "cards": 0, "recall": None},
        {"id": "evals", "name": "Evaluation", "cards": 0, "recall": None},
        {"id": "talking", "name": "Communication", "cards": 0, "recall": None},
    ]


def test_grade_records_a_review_and_says_when_it_is_due(folder: str) -> None:
    code, out, err = cairn("--data-dir", folder, "practice", "grade", "hello-why", "good")
    assert (code, err) == (0, "")
    assert out.startswith("hello-why: good; next due ") and out.endswith(" UTC (in 10 minutes)\n")
    code, out, _ = cairn("--data-dir", folder, "practice", "grade", "hello-print", "easy")
    assert code == 0 and "(in " in out and " days)" in out
    payload = json.loads(cairn("--data-dir", folder, "practice", "--json")[1])
    assert payload["due"] == 0  # hello-why is learning, due in ten minutes
    coding = next(a for a in payload["retention"] if a["id"] == "coding")
    assert coding["cards"] == 2 and coding["recall"] == 1.0
    with Tracker.open(Path(folder), Path(folder).parent / "small") as tracker:
        assert [(r.card_id, r.rating) for r in tracker.review_log()] == [
            ("hello-why", 3),
            ("hello-print", 4),
        ]


@pytest.mark.parametrize(
    ("card", "rating", "words"),
    [
        ("no-such-card", "good", "cairn: there is no card 'no-such-card'; nothing was changed"),
        ("eval-score", "good", "cairn: card 'eval-score' is locked: it unlocks when"),
        ("hello-why", "meh", "cairn: card 'hello-why': 'meh' is not a rating; use one of: again"),
        ("hello-why", "", "'' is not a rating"),
    ],
)
def test_a_refused_grade_exits_2_with_one_line_and_leaves_the_file_as_it_was(
    folder: str, card: str, rating: str, words: str
) -> None:
    before = _sha256(Path(folder))
    code, out, err = cairn("--data-dir", folder, "practice", "grade", card, rating)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(words.split(";")[0].split("'")[0])
    assert words in err
    assert _sha256(Path(folder)) == before


def test_listing_opens_the_folder_read_only(folder: str) -> None:
    before = _sha256(Path(folder))
    assert cairn("--data-dir", folder, "practice", "--json")[0] == 0
    assert _sha256(Path(folder)) == before


def test_practice_needs_no_qt(folder: str, pack: Path) -> None:
    code = (
        "import sys; import cairn.cli as cli; from pathlib import Path; "
        f"cli.curriculum_dir = lambda: Path({str(pack)!r}); "
        f"folder = {folder!r}; "
        "assert cli.run(['--data-dir', folder, 'practice', 'grade', 'hello-why', 'good']) == 0; "
        "assert cli.run(['--data-dir', folder, 'practice', '--json']) == 0; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_prompt_is_shown_on_one_line_without_control_characters(folder: str, pack: Path) -> None:
    with Tracker.open(Path(folder), pack) as tracker:
        tracker.add_own_card("write-hello", "Line one\nline\x1b[31m two\u202e", "An answer.")
    out = cairn("--data-dir", folder, "practice")[1]
    [line] = [line for line in out.splitlines() if "own-1" in line]
    assert line.endswith("Line one line [31m two")


@pytest.mark.parametrize(
    ("card", "rating", "shown"),
    [
        ("x\n\x1b[31mred", "good", "there is no card 'x\\n\\x1b[31mred'"),
        ("own-1\r\x07", "good", "there is no card 'own-1\\r\\x07'"),
        ("\u202eevil", "good", "there is no card '\\u202eevil'"),
        ("hello-why", "go\nod\x1b[2J", "'go\\nod\\x1b[2J' is not a rating"),
    ],
)
def test_a_refused_grade_shows_what_was_typed_on_one_line_without_escape_sequences(
    folder: str, card: str, rating: str, shown: str
) -> None:
    before = _sha256(Path(folder))
    code, out, err = cairn("--data-dir", folder, "practice", "grade", card, rating)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "\x1b" not in err and "\u202e" not in err
    assert shown in err
    assert _sha256(Path(folder)) == before


def test_a_card_id_that_is_not_utf8_is_refused_in_words(folder: str) -> None:
    """An argument the terminal sent as bytes that are not UTF-8 (a lone surrogate here)."""
    card = b"card\xff\x1b".decode("utf-8", "surrogateescape")
    done = subprocess.run(
        [sys.executable, "-m", "cairn", "--data-dir", folder, "practice", "grade", card, "good"],
        capture_output=True,
        check=False,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and len(err.splitlines()) == 1 and "\x1b" not in err
    assert "there is no card 'card\\udcff\\x1b'" in err and "Traceback" not in err
