"""No command ever touches the network."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from tests.no_network import no_network

from cairn.cli import run
from cairn.locations import curriculum_dir

COMMANDS = [
    ["status"],
    ["status", "--json"],
    ["items", "--json"],
    ["items", "--role", "llm-engineer"],
    ["mark", "python-project-skeleton", "done"],
    ["note", "python-project-skeleton", "hi"],
    ["evidence", "rag-eval-golden-set", "https://github.com/me/rag"],
    ["readiness", "--role", "llm-engineer", "--json"],
    ["check"],
    ["export", "--format", "md", "--out", "{tmp}/s.md"],
    ["export", "--format", "html", "--out", "{tmp}/s.html"],
    ["export", "--format", "json", "--out", "{tmp}/s.json"],
    ["import", "{tmp}/s.json"],
]


def test_every_cli_command_runs_without_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with no_network(monkeypatch) as attempts:
        for command in COMMANDS:
            args = [part.replace("{tmp}", str(tmp_path)) for part in command]
            with contextlib.redirect_stdout(io.StringIO()):
                assert run(["--data-dir", str(data), *args]) == 0, args
        assert run(["validate", str(curriculum_dir())], stdout=io.StringIO()) == 0
    assert attempts == []
