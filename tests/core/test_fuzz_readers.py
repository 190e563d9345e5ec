"""Any input to the curriculum reader or the import reader gets a result or a clear error —
never a traceback."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SMALL_PACK

from cairn.content import ContentError, load_curriculum
from cairn.reports.importer import ImportRefused, nesting_depth, read_export

SMALL_MONTH = (SMALL_PACK / "months" / "01-basics.toml").read_text()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _load_with(month_text: str) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        pack = folder / "pack"
        shutil.copytree(SMALL_PACK, pack)
        (pack / "months" / "01-basics.toml").write_text(
            month_text, encoding="utf-8", errors="surrogatepass"
        )
        try:
            load_curriculum([pack])
        except ContentError as error:
            assert error.problems and all(p.file for p in error.problems)
    finally:
        shutil.rmtree(folder)


@FUZZ
@given(st.text(max_size=300))
def test_random_text_as_a_curriculum_file(text: str) -> None:
    _load_with(text)


@FUZZ
@given(st.integers(0, len(SMALL_MONTH)), st.integers(0, len(SMALL_MONTH)), st.text(max_size=30))
def test_a_mangled_curriculum_file(start: int, end: int, insert: str) -> None:
    start, end = sorted((start, end))
    _load_with(SMALL_MONTH[:start] + insert + SMALL_MONTH[end:])


def _read(payload: bytes) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "export.json"
        path.write_bytes(payload)
        try:
            read_export(path)
        except ImportRefused as error:
            assert str(path) in str(error)
    finally:
        shutil.rmtree(folder)


@FUZZ
@given(JSON_VALUES)
def test_any_json_value_as_an_import(value: object) -> None:
    _read(json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_as_an_import(data: bytes) -> None:
    _read(data)


VALID = {
    "format": "cairn-progress",
    "schema": 1,
    "exported_at": "2026-03-02T10:00:00Z",
    "learner": {"name": "Ada", "primary_role": "llm-engineer", "target_roles": []},
    "items": [
        {
            "id": "python-project-skeleton",
            "status": "done",
            "updated_at": "2026-03-01T10:00:00Z",
            "history": [{"from": None, "to": "done", "at": "2026-03-01T10:00:00Z"}],
        }
    ],
    "notes": [
        {"id": "python-project-skeleton", "body": "hi", "updated_at": "2026-03-01T10:00:00Z"}
    ],
    "evidence": [
        {
            "id": "rag-eval-golden-set",
            "url": "https://example.org",
            "added_at": "2026-03-01T10:00:00Z",
        }
    ],
    "readings": [{"id": "rag-paper", "status": "read", "updated_at": "2026-03-01T10:00:00Z"}],
    "summary": {"overall": {"done": 1, "total": 211, "percent": 0.5}},
}


@FUZZ
@given(
    st.sampled_from(
        [
            "format",
            "schema",
            "exported_at",
            "learner",
            "items",
            "notes",
            "evidence",
            "readings",
            "summary",
        ]
    ),
    JSON_VALUES,
)
def test_a_valid_export_with_one_field_replaced(field: str, value: object) -> None:
    _read(json.dumps({**VALID, field: value}).encode())


@FUZZ
@given(st.sampled_from(["id", "status", "updated_at", "history"]), JSON_VALUES)
def test_a_valid_item_with_one_field_replaced(field: str, value: object) -> None:
    item = {**VALID["items"][0], field: value}  # type: ignore[index]
    _read(json.dumps({**VALID, "items": [item]}).encode())


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@FUZZ
@given(JSON_VALUES)
def test_the_nesting_scan_agrees_with_the_parser(value: object) -> None:
    assert nesting_depth(json.dumps(value)) == _depth(value)


TOKENS = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        '"',
        ",",
        ":",
        "\\",
        "\\ud800",
        '\\udc00"',
        "1" * 30,
        "-",
        "NaN",
        "Infinity",
        "true",
        '"format"',
        '"cairn-progress"',
        '"schema"',
        "1",
        '"items"',
        '"notes"',
        " ",
    ]
)


@FUZZ
@given(st.lists(TOKENS, max_size=60), st.integers(0, 200))
def test_token_soup_with_deep_brackets_and_long_numbers(tokens: list[str], deep: int) -> None:
    _read(("[" * deep + "".join(tokens) + "]" * deep).encode("utf-8"))
