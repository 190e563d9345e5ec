"""A compiled copy of a validated curriculum, so that start-up need not parse TOML each time.

The copy is keyed by a SHA-256 over everything that decides what loading gives: Cairn's
version, this cache's format, Python's version, the content package's own source, and for
every pack folder in load order its path as given and each file's relative path, size and
bytes (the files are read: a key never trusts modification times). Only a curriculum that
loaded without problems is stored, so problems are found and reported on every load.

Each entry is our own pickle (protocol 5) behind a header holding the key and a SHA-256 of the
pickle, written to a temporary file and renamed into place, in the platform's cache folder
(`~/.cache/Cairn/curriculum` on Linux). An entry that cannot be read, checked or unpickled for
any reason is deleted and the packs are loaded from their files; a cache folder that cannot be
written is passed over in silence (logged at debug level). A few newest entries are kept.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from . import model
from .files import PackFileError, list_pack, read_limited
from .model import Curriculum

log = logging.getLogger(__name__)

#: Raise when what is pickled changes shape in a way the sources would not show.
CACHE_FORMAT = 1
#: How many entries are kept (the least recently used go first).
KEEP_ENTRIES = 4
#: An entry larger than this is not read (ours are a few MB at most).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
#: A temporary file older than this was left by a crash and is deleted.
STALE_TEMPORARY_SECONDS = 3600
CACHE_SUBFOLDER = "curriculum"
ENTRY_SUFFIX = ".pickle"
TEMPORARY_PREFIX = ".writing-"
_MAGIC = b"CAIRN-CURRICULUM-CACHE\n"
_PICKLE_PROTOCOL = 5


def cache_folder() -> Path:
    """Where compiled curricula are kept: `<platform cache folder>/Cairn/curriculum`."""
    from platformdirs import user_cache_dir

    from ..locations import APP_NAME

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / CACHE_SUBFOLDER


def load_through_cache(
    pack_dirs: Sequence[Path],
    load: Callable[[Sequence[Path]], Curriculum],
    *,
    folder: Path | None = None,
) -> Curriculum:
    """`load(pack_dirs)`, or the stored copy of its result for these exact files.

    `load` raising (ContentError for a pack with problems) propagates and stores nothing."""
    where = cache_folder() if folder is None else Path(folder)
    key = curriculum_key(pack_dirs)
    if key is not None:
        found = read_entry(where, key)
        if found is not None:
            return found
    curriculum = load(pack_dirs)
    if key is not None and curriculum_key(pack_dirs) == key:  # no file changed while loading
        write_entry(where, key, curriculum)
    return curriculum


def curriculum_key(pack_dirs: Sequence[Path]) -> str | None:
    """The cache key for loading `pack_dirs` as they are now, or None when they cannot be keyed
    (a folder missing or unreadable, a link, a file over a limit): those load from the files,
    which report the problem."""
    digest = hashlib.sha256()
    _frame(digest, _MAGIC, str(CACHE_FORMAT).encode(), _cairn_version().encode())
    _frame(digest, sys.version.encode(), str(_PICKLE_PROTOCOL).encode())
    _frame(digest, *_source_fingerprint())
    for pack_dir in pack_dirs:
        folder = Path(pack_dir)
        if not folder.is_dir():
            return None
        listing = list_pack(folder)
        if listing.problems:
            return None
        _frame(digest, b"pack", os.fsencode(str(folder)), str(len(listing.files)).encode())
        for file in listing.files:
            try:
                data = read_limited(folder / file.relative)
            except (PackFileError, OSError):
                return None
            _frame(digest, file.relative.encode("utf-8", "surrogateescape"))
            _frame(digest, str(len(data)).encode(), data)
    return digest.hexdigest()


def read_entry(folder: Path, key: str) -> Curriculum | None:
    """The curriculum stored under `key`, or None. An entry that fails any check or cannot be
    unpickled (truncated, corrupt, from another version, a class that moved) is deleted."""
    path = _entry_path(folder, key)
    try:
        with open(path, "rb") as reader:
            size = os.fstat(reader.fileno()).st_size
            if size > MAX_ENTRY_BYTES:
                raise ValueError(f"{size} bytes is over the limit")
            blob = reader.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.debug("curriculum cache %s cannot be read: %s", path, error)
        return None
    except Exception as error:
        _discard(path, error)
        return None
    try:
        curriculum = _unpack(blob, key)
    except Exception as error:
        _discard(path, error)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when older entries are pruned
    return curriculum


def write_entry(folder: Path, key: str, curriculum: Curriculum) -> None:
    """Store `curriculum` under `key` atomically, then prune old entries; any failure (a
    read-only or full disk) is logged at debug level and otherwise ignored."""
    temporary: str | None = None
    try:
        body = _dump(curriculum)
        header = _MAGIC + key.encode() + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n"
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=folder)
        with os.fdopen(handle, "wb") as writer:
            writer.write(header)
            writer.write(body)
        os.replace(temporary, _entry_path(folder, key))
        temporary = None
        prune(folder, keep=KEEP_ENTRIES)
    except Exception as error:
        log.debug("curriculum cache not written in %s: %s", folder, error)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def prune(folder: Path, *, keep: int = KEEP_ENTRIES) -> None:
    """Delete all but the `keep` most recently used entries, and temporary files left by a
    crash (never one another Cairn may still be writing)."""
    entries: list[tuple[int, Path]] = []
    stale = time.time_ns() - STALE_TEMPORARY_SECONDS * 1_000_000_000
    for path in folder.iterdir():
        try:
            stamp = path.lstat().st_mtime_ns
        except OSError:
            continue
        if path.name.startswith(TEMPORARY_PREFIX):
            if stamp < stale:
                _remove(path)
        elif path.name.endswith(ENTRY_SUFFIX):
            entries.append((stamp, path))
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        _remove(path)


def _dump(curriculum: Curriculum) -> bytes:
    """The curriculum pickled with each model object rebuilt by its constructor, which
    unpickles about twice as fast as the per-field state of frozen slotted dataclasses."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=_PICKLE_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_constructor_reducers()}
    pickler.dump(curriculum)
    return buffer.getvalue()


def _constructor_reducers() -> dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]]:
    """For each dataclass of the model whose fields are all constructor arguments: a reducer
    giving (class, field values in order)."""
    reducers: dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]] = {}
    for value in vars(model).values():
        if not (isinstance(value, type) and dataclasses.is_dataclass(value)):
            continue
        fields = dataclasses.fields(value)
        if all(f.init for f in fields):
            reducers[value] = _reducer(value, tuple(f.name for f in fields))
    return reducers


def _reducer(cls: type, names: tuple[str, ...]) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple([getattr(obj, name) for name in names])

    return reduce


def _unpack(blob: bytes, key: str) -> Curriculum:
    """The curriculum in an entry's bytes; ValueError unless header, key and checksum agree."""
    if not blob.startswith(_MAGIC):
        raise ValueError("not a curriculum cache entry")
    stored_key, checksum, body = blob[len(_MAGIC) :].split(b"\n", 2)
    if stored_key.decode() != key:
        raise ValueError("stored under another key")
    if hashlib.sha256(body).hexdigest() != checksum.decode():
        raise ValueError("checksum does not match")
    curriculum = pickle.loads(body)
    if type(curriculum) is not Curriculum:
        raise ValueError(f"holds a {type(curriculum).__name__}, not a Curriculum")
    return curriculum


def _discard(path: Path, error: BaseException) -> None:
    log.debug("curriculum cache %s ignored and deleted: %r", path, error)
    _remove(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _entry_path(folder: Path, key: str) -> Path:
    return Path(folder) / f"{key}{ENTRY_SUFFIX}"


def _frame(digest: hashlib._Hash, *parts: bytes) -> None:
    """Feed each part with its length first, so that no two sequences hash alike."""
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)


def _cairn_version() -> str:
    from .. import __version__

    return __version__


def _source_fingerprint() -> Iterable[bytes]:
    """The bytes of the content package's own modules (what validation and the model are),
    so that a changed rule or field misses even before the version is raised. A frozen
    build, where the sources are not files, relies on the version alone."""
    package = Path(__file__).resolve().parent
    try:
        names = sorted(p.name for p in package.iterdir() if p.suffix == ".py")
        return [part for name in names for part in (name.encode(), (package / name).read_bytes())]
    except OSError:
        return [b"no sources"]
