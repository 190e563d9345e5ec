"""A window whose data sits on a disk that can be filled, for testing that every action meets a
full disk in words, with nothing changed and no undo entry for it."""

from __future__ import annotations

import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import disks
from cairn.gui.window.main_window import MainWindow


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
            disks.fill(self.root)
            return
        self._query_only(True)

    def free(self) -> None:
        if self.mounted:
            disks.free(self.root)
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
