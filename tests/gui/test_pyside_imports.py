"""The quicker PySide6 import check answers exactly as PySide6's own does."""

from __future__ import annotations

import sys
import types

import pytest

import cairn.content
import cairn.gui.app
import cairn.markup
from cairn.gui import pyside_imports


def test_the_quicker_check_answers_as_pyside_does(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        assert pyside_imports.quicken() is False  # nothing to quicken in this PySide6
        return
    upstream = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", upstream)
    assert pyside_imports.quicken() is True
    quick = feature._mod_uses_pyside
    assert quick is not upstream and pyside_imports.quicken() is True  # installed once
    assert feature._mod_uses_pyside is quick
    fileless = types.ModuleType("made_here")
    for module in (cairn.gui.app, cairn.content, cairn.markup, sys, types, fileless):
        assert quick(module) == upstream(module), module.__name__
    assert quick(cairn.gui.app) and not quick(cairn.content)
