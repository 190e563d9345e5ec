"""A real small disk for tests that need one full: a tmpfs (root on Linux only), filled to
the last byte so that SQLite itself answers SQLITE_FULL."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

FILLER = "filler"


def mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a tmpfs of `size` on `folder`; False where that is not allowed (then the test
    uses its own stand-in for a full disk). CAIRN_TEST_NO_TMPFS=1 tries the stand-in as root."""
    if sys.platform != "linux" or os.geteuid() != 0 or os.environ.get("CAIRN_TEST_NO_TMPFS"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def fill(root: Path) -> None:
    """Take every free byte of the disk under `root` (undone by `free`)."""
    handle = open(root / FILLER, "wb")  # noqa: SIM115 (closed below, when the disk is full)
    try:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):  # the last bytes did not fit: it is full
            handle.close()


def free(root: Path) -> None:
    (root / FILLER).unlink(missing_ok=True)
