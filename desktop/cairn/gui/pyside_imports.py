"""Quicker imports after PySide6: PySide6 looks at every module imported after it for the word
"PySide6" (PYSIDE-2029, for its `__feature__` switches) with `inspect.getsource`, which
tokenises and caches each file's lines: about 40 ms of the window's start-up. `quicken` asks
the same question of the file's bytes instead. The answer is the same for every source file;
anything else (a module without a `.py` file) is still asked the original way."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

MARK = "_cairn_reads_bytes"


def quicken() -> bool:
    """Install the quicker check (once); False when this PySide6 has no such check."""
    import PySide6.QtCore  # noqa: F401 - loads the feature machinery

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if getattr(upstream, MARK, False):
        return True
    feature._mod_uses_pyside = _reading_bytes(upstream)  # type: ignore[attr-defined]
    return True


def _reading_bytes(upstream: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    setattr(uses_pyside, MARK, True)
    return uses_pyside
