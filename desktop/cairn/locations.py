"""Where Cairn finds its shipped files and, by default, the learner's data.

Shipped files (`curriculum/`, `resources/`) are found in a frozen bundle, in an installed wheel
(`cairn/_shipped/`), or in the source checkout, in that order.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Cairn"
DATA_DIR_ENV = "CAIRN_DATA_DIR"


def _shipped_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "cairn" / "_shipped"
    package = Path(__file__).resolve().parent
    installed = package / "_shipped"
    if installed.is_dir():
        return installed
    return package.parents[1]  # desktop/cairn -> repository root


def curriculum_dir() -> Path:
    """The shipped curriculum pack."""
    return _shipped_root() / "curriculum"


def resources_dir() -> Path:
    """Icons, style sheets and metadata used at run time."""
    return _shipped_root() / "resources"


def default_data_dir() -> Path:
    """$CAIRN_DATA_DIR if set, else the platform's per-user data folder (a value of only
    spaces is refused with ValueError: it would mean a folder named by spaces, here)."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured and not configured.strip():
        raise ValueError(f"${DATA_DIR_ENV} holds only spaces; give a folder or unset it")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
