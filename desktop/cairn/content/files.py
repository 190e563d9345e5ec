"""The files of a curriculum pack, read so that no pack can hang, exhaust memory or escape.

A pack is a folder of regular files and folders. Symbolic links, FIFOs, sockets and devices are
refused by name; hidden names and `__pycache__` are skipped; every file and the whole pack have
a size limit; files are opened without following links and without blocking, and never read
past their limit. Loading (`cairn validate`, start-up) and copying a pack into the data folder
use the same listing, so what is validated is what is copied.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_PACK_BYTES = 20 * 1024 * 1024
MAX_PACK_ENTRIES = 5000
MAX_FOLDER_DEPTH = 16
MAX_NESTING = 32

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
)
_LINK_ERRNOS = {errno.ELOOP, errno.EMLINK}  # what O_NOFOLLOW gives on meeting a link


class PackFileError(OSError):
    """A file of a pack cannot be used: a link, not a regular file, or too large."""


@dataclass(frozen=True, slots=True)
class PackFile:
    """One regular file of a pack: its path relative to the pack folder and its size."""

    relative: str
    size: int


@dataclass
class PackListing:
    """Every usable file and folder of a pack, and every problem met while listing it."""

    root: Path
    files: list[PackFile]
    folders: list[str]
    problems: list[Problem]

    @property
    def too_large(self) -> bool:
        """True when the pack as a whole is over a limit: nothing of it should be read."""
        return any(p.file == str(self.root) for p in self.problems)


def megabytes(size: int) -> str:
    """A size in words ("2 MB", "35.5 MB")."""
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def _skipped(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def list_pack(root: Path) -> PackListing:
    """List a pack's regular files and folders without following any link (root excepted)."""
    listing = PackListing(Path(root), [], [], [])
    total = 0
    entries = 0
    stack: list[tuple[Path, str, int]] = [(Path(root), "", 0)]
    while stack:
        folder, prefix, depth = stack.pop()
        try:
            with os.scandir(folder) as found:
                children = sorted(found, key=lambda e: e.name)
        except OSError as error:
            listing.problems.append(Problem(str(folder), f"cannot be read: {error.strerror}"))
            continue
        for entry in children:
            if _skipped(entry.name):
                continue
            entries += 1
            if entries > MAX_PACK_ENTRIES:
                listing.problems.append(
                    Problem(
                        str(root),
                        f"holds more than {MAX_PACK_ENTRIES} files and folders; a pack may not",
                    )
                )
                return listing
            relative = prefix + entry.name
            total += _list_entry(entry, relative, depth, listing, stack)
    if total > MAX_PACK_BYTES:
        listing.problems.append(
            Problem(
                str(root),
                f"holds {megabytes(total)} of files; a pack "
                f"may hold at most {megabytes(MAX_PACK_BYTES)}",
            )
        )
    listing.files.sort(key=lambda f: f.relative)
    return listing


def _list_entry(
    entry: os.DirEntry[str],
    relative: str,
    depth: int,
    listing: PackListing,
    stack: list[tuple[Path, str, int]],
) -> int:
    """Record one directory entry; return the bytes it adds to the pack."""
    path = entry.path
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
        size = entry.stat(follow_symlinks=False).st_size
    except OSError as error:
        listing.problems.append(Problem(path, f"cannot be read: {error.strerror}"))
        return 0
    if stat.S_ISLNK(mode):
        listing.problems.append(
            Problem(
                path,
                "is a symbolic link; a pack may hold only regular "
                "files and folders (copy the file itself in)",
            )
        )
    elif stat.S_ISDIR(mode):
        if depth + 1 >= MAX_FOLDER_DEPTH:
            listing.problems.append(
                Problem(
                    path, f"is nested more than {MAX_FOLDER_DEPTH} folders deep; a pack may not be"
                )
            )
        else:
            listing.folders.append(relative)
            stack.append((Path(path), relative + "/", depth + 1))
    elif not stat.S_ISREG(mode):
        listing.problems.append(
            Problem(
                path,
                "is not a regular file (a FIFO, socket or "
                "device); a pack may hold only regular files",
            )
        )
    elif size > MAX_FILE_BYTES:
        listing.problems.append(
            Problem(
                path,
                f"is {megabytes(size)}; a file in a pack may hold "
                f"at most {megabytes(MAX_FILE_BYTES)}",
            )
        )
        return size
    else:
        listing.files.append(PackFile(relative, size))
        return size
    return 0


def open_regular(path: Path) -> int:
    """Open a regular file for reading without following a link or blocking; return the fd."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno in _LINK_ERRNOS:
            raise PackFileError(
                f"{path} is a symbolic link; a pack may hold only regular files"
            ) from error
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PackFileError(f"{path} is not a regular file; a pack may hold only regular files")
    return fd


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file; PackFileError if it is a link, not regular, or too large."""
    fd = open_regular(path)
    try:
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    if remaining <= 0:
        raise PackFileError(
            f"{path} is larger than {megabytes(limit)}; a file in a pack may "
            f"hold at most {megabytes(limit)}"
        )
    return b"".join(chunks)


# --- nesting: checked on the raw text before tomllib (which recurses on arrays and inline tables,
# and takes time quadratic in the parts of a dotted key) sees it ---------------------------------
_TOKEN = re.compile(r'"""|\'\'\'|["\'#\[\]{}.,=]')
_STRING_ENDS = {
    '"': re.compile(r'(?:[^"\\\n]++|\\.)*+"'),
    "'": re.compile(r"[^'\n]*+'"),
    '"""': re.compile(r'(?:[^"\\]++|\\.|"(?!""))*+"""'),
    "'''": re.compile(r"(?:[^']++|'(?!''))*+'''"),
}


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> tuple[int, str] | None:
    """Where arrays and inline tables nest, or a dotted key has parts, beyond `limit`:
    (line, what) or None. Strings and comments do not count. Linear in the text."""
    depth = dots = 0
    pos = 0
    while (match := _TOKEN.search(text, pos)) is not None:
        token = match.group()
        pos = match.end()
        if token == ".":
            dots += 1
            if dots > limit:
                return _line_at(text, match.start()), f"a dotted key has more than {limit} parts"
            continue
        if token in "[{":
            depth += 1
            if depth > limit:
                return (
                    _line_at(text, match.start()),
                    f"arrays or inline tables nest more than {limit} deep",
                )
        elif token in "]}":
            depth = max(depth - 1, 0)
        elif token == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        elif token not in ",=":
            closing = _STRING_ENDS[token].match(text, pos)
            if closing is None:
                return None  # an unterminated string: tomllib reports it
            pos = closing.end()
            continue
        dots = 0
    return None


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def data_too_deep(data: Any, limit: int = MAX_NESTING) -> str | None:
    """The first key path of parsed TOML nested deeper than `limit` (dotted keys, headers)."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > limit:
            return where
        if isinstance(value, dict):
            stack.extend(
                (v, f"{where}.{k}" if where else str(k), depth + 1) for k, v in value.items()
            )
        elif isinstance(value, list):
            stack.extend((v, where, depth + 1) for v in value)
    return None
