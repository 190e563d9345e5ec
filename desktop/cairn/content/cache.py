"""A compiled copy of a validated curriculum, so that start-up need not parse TOML each time.

The copy is keyed by a SHA-256 over everything that decides what loading gives: Cairn's
version, this cache's format, Python's version, the content package's own source, and for
every pack folder in load order its path as given and each file's relative path, size and
bytes (the files are read: a key never trusts modification times). Only a curriculum that
loaded without problems is stored, so problems are found and reported on every load.

Each entry is the curriculum's values as plain tuples in `marshal` format (loading builds the
model objects from them, faster than unpickling them) behind a header holding the key and a
SHA-256 of that body, written to a temporary file and renamed into place, in the platform's
cache folder (`~/.cache/Cairn/curriculum` on Linux). An entry that cannot be read, checked or
decoded for any reason is deleted and the packs are loaded from their files; a cache folder that
cannot be written is passed over in silence (logged at debug level). A few newest entries are
kept (entries of the older pickle format are deleted then).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import logging
import marshal
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import starmap
from pathlib import Path
from typing import Any

from .files import PackFileError, list_pack, read_limited
from .model import (
    Card,
    ChoiceGroup,
    ChoiceOption,
    Curriculum,
    Item,
    Month,
    PackInfo,
    Project,
    Reading,
    Role,
    RoleArea,
    Skill,
    Week,
)

log = logging.getLogger(__name__)

#: Raise when what is stored changes shape in a way the sources would not show.
CACHE_FORMAT = 3  # 3: practice cards
#: How many entries are kept (the least recently used go first).
KEEP_ENTRIES = 4
#: An entry larger than this is not read (ours are a few MB at most).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
#: A temporary file older than this was left by a crash and is deleted.
STALE_TEMPORARY_SECONDS = 3600
CACHE_SUBFOLDER = "curriculum"
ENTRY_SUFFIX = ".entry"
#: Entries of an older format, deleted when the folder is pruned.
OLD_ENTRY_SUFFIX = ".pickle"
TEMPORARY_PREFIX = ".writing-"
_MAGIC = b"CAIRN-CURRICULUM-CACHE\n"
_MARSHAL_VERSION = 4
#: How each field of a Curriculum is stored: model objects of a class (a tuple of them, or a
#: dict: its keys in order, then its values), or a plain value (None).
_CURRICULUM_FIELDS: tuple[tuple[str, type | None], ...] = (
    ("packs", PackInfo),
    ("months", Month),
    ("weeks", Week),
    ("items", Item),
    ("readings", Reading),
    ("skills", Skill),
    ("projects", Project),
    ("roles", Role),
    ("aliases", None),
    ("content_hash", None),
    ("choices", ChoiceGroup),
    ("cards", Card),
)
#: Curriculum fields that are tuples (the other model fields are dicts).
_TUPLE_FIELDS = frozenset({"packs", "months"})
#: Model fields holding a tuple of other model objects.
_NESTED: dict[type, dict[str, type]] = {
    Role: {"areas": RoleArea},
    ChoiceGroup: {"options": ChoiceOption},
}


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
    key = _known_key(where, pack_dirs)
    if key is not None:
        found = read_entry(where, key)
        if found is not None:
            return found
    curriculum = load(pack_dirs)
    if key is not None and curriculum_key(pack_dirs) == key:  # no file changed while loading
        write_entry(where, key, curriculum)
    return curriculum


def _known_key(where: Path, pack_dirs: Sequence[Path]) -> str | None:
    """The content key: remembered for files whose stat is unchanged since they were last
    read (known_files.py), else worked out from their bytes (and remembered)."""
    from .known_files import remember, remembered, stat_key

    by_stat = stat_key(pack_dirs, _version_frames())
    key = remembered(where, by_stat) if by_stat is not None else None
    if key is None:
        key = curriculum_key(pack_dirs)
        if key is not None and by_stat is not None:
            remember(where, by_stat, key)
    return key


def _version_frames() -> list[bytes]:
    """What a key covers besides the packs: this cache's format, Cairn's and Python's
    versions, and the content package's own sources."""
    return [
        _MAGIC,
        str(CACHE_FORMAT).encode(),
        _cairn_version().encode(),
        sys.version.encode(),
        str(_MARSHAL_VERSION).encode(),
        *_source_fingerprint(),
    ]


def curriculum_key(pack_dirs: Sequence[Path]) -> str | None:
    """The cache key for loading `pack_dirs` as they are now, or None when they cannot be keyed
    (a folder missing or unreadable, a link, a file over a limit): those load from the files,
    which report the problem."""
    digest = hashlib.sha256()
    _frame(digest, _MAGIC, str(CACHE_FORMAT).encode(), _cairn_version().encode())
    _frame(digest, sys.version.encode(), str(_MARSHAL_VERSION).encode())
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
    decoded (truncated, corrupt, from another version, other model fields) is deleted."""
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
        with _no_collection():  # tens of thousands of new, acyclic objects: nothing to collect
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
    import tempfile

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
        elif path.name.endswith(OLD_ENTRY_SUFFIX):
            _remove(path)
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        _remove(path)


def _dump(curriculum: Curriculum) -> bytes:
    """The curriculum as an entry's body: each model object as the tuple of its field values,
    with the field names of every class first (a load checks them against the model)."""
    values = tuple(
        _encode_field(name, getattr(curriculum, name), cls) for name, cls in _checked_fields()
    )
    return marshal.dumps((_field_names(), values), _MARSHAL_VERSION)


def _checked_fields() -> tuple[tuple[str, type | None], ...]:
    """How Curriculum's fields are stored; ValueError if the model has other fields."""
    names = tuple(f.name for f in dataclasses.fields(Curriculum))
    if names != tuple(name for name, _ in _CURRICULUM_FIELDS):
        raise ValueError(f"Curriculum has the fields {names}, not those the cache stores")
    return _CURRICULUM_FIELDS


def _field_names() -> tuple[tuple[str, ...], ...]:
    classes = [cls for _, cls in _CURRICULUM_FIELDS if cls is not None]
    classes += [nested for inner in _NESTED.values() for nested in inner.values()]
    return tuple(tuple(f.name for f in dataclasses.fields(cls)) for cls in classes)


def _encode_field(name: str, value: Any, cls: type | None) -> Any:
    if cls is None:
        return value
    if name in _TUPLE_FIELDS:
        return tuple(_row(v, cls) for v in value)
    return tuple(value), tuple(_row(v, cls) for v in value.values())


def _row(obj: Any, cls: type) -> tuple[Any, ...]:
    if type(obj) is not cls:
        raise ValueError(f"a {type(obj).__name__} where a {cls.__name__} belongs")
    nested = _NESTED.get(cls, {})
    return tuple(
        tuple(_row(v, nested[f.name]) for v in getattr(obj, f.name))
        if f.name in nested
        else getattr(obj, f.name)
        for f in dataclasses.fields(cls)
    )


def _unpack(blob: bytes, key: str) -> Curriculum:
    """The curriculum in an entry's bytes; ValueError unless header, key and checksum agree
    and the stored fields are the model's."""
    if not blob.startswith(_MAGIC):
        raise ValueError("not a curriculum cache entry")
    key_end = blob.find(b"\n", len(_MAGIC))
    checksum_end = blob.find(b"\n", key_end + 1)
    if key_end < 0 or checksum_end < 0:
        raise ValueError("not a curriculum cache entry")
    if blob[len(_MAGIC) : key_end].decode() != key:
        raise ValueError("stored under another key")
    body = memoryview(blob)[checksum_end + 1 :]  # not copied: the body is megabytes
    if hashlib.sha256(body).hexdigest() != blob[key_end + 1 : checksum_end].decode():
        raise ValueError("checksum does not match")
    names, values = marshal.loads(body)
    if names != _field_names():
        raise ValueError("stored with other model fields")
    fields = _checked_fields()
    if type(values) is not tuple or len(values) != len(fields):
        raise ValueError("not a stored curriculum")
    curriculum = Curriculum(
        *(
            _decode_field(name, value, cls)
            for value, (name, cls) in zip(values, fields, strict=True)
        )
    )
    if type(curriculum) is not Curriculum:
        raise ValueError(f"holds a {type(curriculum).__name__}, not a Curriculum")
    return curriculum


def _decode_field(name: str, value: Any, cls: type | None) -> Any:
    if cls is None:
        return value
    if name in _TUPLE_FIELDS:
        return tuple(_built(cls, value))
    keys, rows = value
    return dict(zip(keys, _built(cls, rows), strict=True))


def _built(cls: type, rows: Iterable[tuple[Any, ...]]) -> Iterable[Any]:
    """Model objects made from their stored rows (nested objects too)."""
    nested = _NESTED.get(cls)
    if nested is None:
        return starmap(cls, rows)
    return map(_builder(cls, nested), rows)


def _builder(cls: type, nested: dict[str, type]) -> Callable[[tuple[Any, ...]], Any]:
    places = [
        (index, nested[f.name])
        for index, f in enumerate(dataclasses.fields(cls))
        if f.name in nested
    ]

    def build(row: tuple[Any, ...]) -> Any:
        values = list(row)
        for index, inner in places:
            values[index] = tuple(_built(inner, values[index]))
        return cls(*values)

    return build


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection while the block runs (as it was again afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
