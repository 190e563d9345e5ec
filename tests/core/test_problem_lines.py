"""A pack problem points at the line of the field that is wrong, not at the table's header."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cairn.content.loader import validate_pack


def test_a_bad_estimate_is_reported_on_its_own_line(tmp_path: Path, shipped_pack: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(shipped_pack, pack)
    month = sorted((pack / "months").glob("*.toml"))[0]
    text = month.read_text(encoding="utf-8")
    found = re.search(r"\nestimate_hours = [0-9.]+", text)
    assert found is not None
    month.write_text(text[: found.start()] + "\nestimate_hours = -3" + text[found.end() :])

    problems = [p for p in validate_pack(pack) if p.field == "estimate_hours"]

    assert len(problems) == 1 and problems[0].line is not None
    lines = month.read_text(encoding="utf-8").splitlines()
    assert lines[problems[0].line - 1] == "estimate_hours = -3"
