"""Ctrl+C at any moment of a command, even while Python imports Cairn or a command's log is
printed, ends in one line and exit 130, never a traceback."""

from __future__ import annotations

import pytest

import cairn.__main__ as entry


def test_an_interrupt_outside_the_command_s_own_steps_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_argv: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "_dispatch", interrupted)
    assert entry.main(["status"]) == 130
    captured = capsys.readouterr()
    assert captured.err == "cairn: interrupted; nothing more was changed\n"
    assert captured.out == ""
