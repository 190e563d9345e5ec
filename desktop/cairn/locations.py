"""Where Cairn finds its shipped files and, by default, the learner's data and its log.

Shipped files (`curriculum/`, `resources/`) are found in a frozen bundle, in an installed wheel
(`cairn/_shipped/`), or in the source checkout, in that order.

The log goes to the first of:
1. `$CAIRN_LOG_DIR`, when set;
2. `<data folder>/logs`, when a data folder was chosen (`--data-dir` or `$CAIRN_DATA_DIR`: tests,
   a portable copy on a USB stick), so the log travels with the data and tests never touch the
   real user folders;
3. the platform's log folder (platformdirs): `~/.local/state/Cairn/log` on Linux
   (`$XDG_STATE_HOME/Cairn/log`), `~/Library/Logs/Cairn` on macOS,
   `%LOCALAPPDATA%\\Cairn\\Logs` on Windows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Cairn"
DATA_DIR_ENV = "CAIRN_DATA_DIR"
LOG_DIR_ENV = "CAIRN_LOG_DIR"
LOG_FOLDER = "logs"  # inside a chosen data folder


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
    return platform_data_dir()


def platform_data_dir() -> Path:
    """The platform's per-user data folder for Cairn (whatever the environment says)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    """$CAIRN_LOG_DIR if set, else the platform's per-user log folder (a value of only spaces
    counts as unset: a log must never stop Cairn)."""
    configured = os.environ.get(LOG_DIR_ENV, "")
    if configured.strip():
        return Path(configured).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_dir_for(data_dir: Path) -> Path:
    """Where a Cairn using `data_dir` keeps its log: $CAIRN_LOG_DIR if set; the platform's log
    folder when `data_dir` is the platform's default data folder; else `<data_dir>/logs`."""
    if os.environ.get(LOG_DIR_ENV, "").strip() or _same_folder(data_dir, platform_data_dir()):
        return default_log_dir()
    return Path(data_dir) / LOG_FOLDER


def _same_folder(one: Path, other: Path) -> bool:
    """Whether two paths name the same folder (neither needs to exist yet; a path that cannot
    be resolved, a link loop say, is compared as written)."""
    try:
        return Path(one).expanduser().resolve() == Path(other).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(one) == os.path.abspath(other)
