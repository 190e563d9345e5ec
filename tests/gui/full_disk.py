"""A window whose data sits on a disk that can be filled, for testing that every action meets a
full disk in words, with nothing changed and no undo entry for it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cairn.gui.window.main_window import MainWindow


def mount_tmpfs(folder: Path, size: str = "6m") -> bool:
    """A real small disk (root on Linux only)."""
    if sys.platform != "linux" or os.geteuid() != 0 or os.environ.get("CAIRN_TEST_NO_TMPFS"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@dataclass
class FullDisk:
    """As root on Linux the data is on a real tmpfs that `fill` fills to the last byte, so
    SQLite itself answers SQLITE_FULL. Elsewhere `fill` makes the database refuse every write
    (PRAGMA query_only), which Cairn meets the same way. `words` is what the refusal says."""

    root: Path
    mounted: bool
    window: MainWindow | None = None

    @property
    def words(self) -> str:
        return "disk is full" if self.mounted else "Nothing was changed"

    def fill(self) -> None:
        if self.mounted:
            handle = open(self.root / "filler", "wb")  # noqa: SIM115 (closed below, full)
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
            finally:
                with contextlib.suppress(OSError):  # the last bytes did not fit: it is full
                    handle.close()
            return
        self._query_only(True)

    def free(self) -> None:
        if self.mounted:
            (self.root / "filler").unlink(missing_ok=True)
            return
        self._query_only(False)

    def _query_only(self, on: bool) -> None:
        assert self.window is not None
        database = self.window.tracker._database  # the test reaches in; the app never does
        engine = database.engine
        from sqlalchemy import event

        def refuse(connection: sqlite3.Connection, _record: object) -> None:
            connection.execute(f"PRAGMA query_only = {int(on)}")

        engine.dispose()
        event.listen(engine, "connect", refuse)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.root)], check=False)
