"""The log: every recovery, refusal and backup failure, with SQLite's result code, written to
`<data folder>/logs/cairn.log` (rotated, three files of 1 MB at most). Nothing is logged to the
network, and a folder that cannot be written simply gets no log."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FOLDER = "logs"
LOG_NAME = "cairn.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that never turns a full disk into a traceback on the learner's screen."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass

    def _open(self):  # type: ignore[no-untyped-def]
        """Make the log folder only when there is something to write."""
        Path(self.baseFilename).parent.mkdir(exist_ok=True)
        return super()._open()


def configure_logging(data_dir: Path) -> Path | None:
    """Send Cairn's log records to the data folder's log file; return its path (None if the
    folder does not exist or cannot be written). Calling it again changes nothing."""
    root = logging.getLogger("cairn")
    root.setLevel(logging.INFO)
    for handler in root.handlers:
        if getattr(handler, "cairn_data_dir", None) == str(data_dir):
            return Path(getattr(handler, "baseFilename", ""))
    if not Path(data_dir).is_dir():
        return None
    folder = Path(data_dir) / LOG_FOLDER
    try:
        handler = _QuietFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.cairn_data_dir = str(data_dir)  # type: ignore[attr-defined]
    for old in [h for h in root.handlers if hasattr(h, "cairn_data_dir")]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return folder / LOG_NAME
