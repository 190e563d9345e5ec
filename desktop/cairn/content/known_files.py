"""Knowing the curriculum cache's key without reading the packs: the content key (a hash of
every file's bytes, `cache.curriculum_key`) is remembered against what `stat` says of the
files (device, inode, size, modification and change time of each, with their names).

Any write to a file changes its change time, which no program can set back, so the same stat
means the same bytes; a file changed less than SETTLED_NS ago is not trusted (a write in the
same clock tick as the look), and nothing is remembered on Windows, which keeps no change
time. A missing or unreadable record only means the files are read and hashed, as before."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from .files import list_pack

#: A file or folder changed this recently is read, not trusted by its stat (two seconds:
#: some file systems keep whole seconds).
SETTLED_NS = 2_000_000_000
SUFFIX = ".key"
KEEP_RECORDS = 32
_HEX = frozenset("0123456789abcdef")


def stat_key(pack_dirs: Sequence[Path], frames: Iterable[bytes]) -> str | None:
    """A key for these packs' files as `stat` sees them now (with `frames`: what else the
    content key covers), or None when any is too fresh, unlisted or unreadable."""
    if os.name == "nt":
        return None
    digest = hashlib.sha256()
    _feed(digest, *frames)
    now = time.time_ns()
    for pack_dir in pack_dirs:
        folder = Path(pack_dir)
        listing = list_pack(folder) if folder.is_dir() else None
        if listing is None or listing.problems:
            return None
        _feed(digest, b"pack", os.fsencode(str(folder)), str(len(listing.files)).encode())
        for relative in [*(f.relative for f in listing.files), *listing.folders, ""]:
            try:
                found = os.lstat(folder / relative)
            except OSError:
                return None
            if now - max(found.st_mtime_ns, found.st_ctime_ns) < SETTLED_NS:
                return None
            numbers = (found.st_dev, found.st_ino, found.st_size)
            times = (found.st_mtime_ns, found.st_ctime_ns)
            _feed(digest, relative.encode("utf-8", "surrogateescape"))
            _feed(digest, " ".join(map(str, (*numbers, *times))).encode())
    return digest.hexdigest()


def remembered(folder: Path, key: str) -> str | None:
    """The content key recorded for stat key `key`, or None."""
    try:
        text = (Path(folder) / f"{key}{SUFFIX}").read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return text if len(text) == 64 and set(text) <= _HEX else None


def remember(folder: Path, key: str, content_key: str) -> None:
    """Record `content_key` for stat key `key` (atomically; a folder that cannot be written
    is passed over), keeping the newest KEEP_RECORDS records."""
    folder = Path(folder)
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".writing-", dir=folder)
        with os.fdopen(handle, "w", encoding="ascii") as writer:
            writer.write(content_key)
        os.replace(temporary, folder / f"{key}{SUFFIX}")
        temporary = None
        _prune(folder)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(folder: Path) -> None:
    records = []
    for path in folder.glob(f"*{SUFFIX}"):
        with contextlib.suppress(OSError):
            records.append((path.stat().st_mtime_ns, path))
    records.sort(reverse=True)
    for _, path in records[KEEP_RECORDS:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _feed(digest: hashlib._Hash, *parts: bytes) -> None:
    """Each part with its length first, so that no two sequences hash alike."""
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
