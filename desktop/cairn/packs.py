"""The learner's own curriculum packs in <data>/packs: finding, loading, adding and removing them.

A broken added pack never locks the learner out: it is disabled (not loaded, its files left in
place, progress on its items kept as retired) and described in a notice. Adding a pack copies
only its regular files, within size limits, into a hidden folder inside <data>/packs that is
renamed into place once complete; on any failure nothing is left behind and a pack being
replaced is untouched.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from .content import ContentError, Curriculum, PackInfo, Problem, load_curriculum, pack_table
from .content.files import (
    MAX_FILE_BYTES,
    MAX_PACK_BYTES,
    PackFileError,
    list_pack,
    megabytes,
    open_regular,
)

PACKS_FOLDER = "packs"
#: Where a removed or replaced pack is held, so that undo can put it back.
REMOVED_FOLDER = "packs-removed"
#: How many held packs are kept (the oldest go first).
KEEP_REMOVED = 20
NOTICE_PROBLEMS = 2


@dataclass(frozen=True, slots=True)
class DisabledPack:
    """An added pack that did not load: its folder and every problem it has."""

    folder: Path
    problems: tuple[Problem, ...]

    @property
    def name(self) -> str:
        """The folder name: how the learner finds and removes it, even with no readable id."""
        return self.folder.name

    @property
    def notice(self) -> str:
        """One sentence for the learner: which pack, why, and what to do."""
        count = len(self.problems)
        first = "; ".join(str(p) for p in self.problems[:NOTICE_PROBLEMS])
        more = f" (and {count - NOTICE_PROBLEMS} more)" if count > NOTICE_PROBLEMS else ""
        return (
            f"The curriculum pack in {self.folder} was disabled because it has {count} "
            f"problem{'s' if count != 1 else ''} — {first}{more} — so its items are hidden "
            "and your progress on them is kept; fix it (`cairn validate "
            f"{self.folder}` lists every problem) or remove it with File → Curriculum "
            "packs… in the window or by deleting the folder."
        )


def pack_id(folder: Path) -> str:
    """The id in a pack's pack.toml ('' if it cannot be read safely)."""
    ident = pack_table(folder).get("id", "")
    return ident if isinstance(ident, str) else ""


def extension_packs(data_dir: Path) -> list[Path]:
    """The learner's own packs: each visible folder under <data>/packs holding a pack.toml
    (even a broken one, so that it can be reported and removed)."""
    folder = Path(data_dir) / PACKS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith(".") and p.is_dir() and os.path.lexists(p / "pack.toml")
    )


def load_packs(shipped: Path, data_dir: Path) -> tuple[Curriculum, list[DisabledPack]]:
    """The shipped pack plus every added pack that loads; the others are disabled.

    Each added pack is tried alone against the shipped pack and the packs accepted before it.
    A broken shipped pack still raises ContentError: that is not the learner's to fix. When
    every pack loads, a compiled copy is used and kept (content/cache.py)."""
    folders = extension_packs(data_dir)
    try:
        return load_curriculum([shipped, *folders], cached=True), []
    except ContentError:
        if not folders:
            raise
    curriculum = load_curriculum([shipped])
    accepted: list[Path] = []
    disabled: list[DisabledPack] = []
    for folder in folders:
        try:
            curriculum = load_curriculum([shipped, *accepted, folder])
        except ContentError as error:
            disabled.append(DisabledPack(folder, tuple(error.problems)))
        else:
            accepted.append(folder)
    return curriculum, disabled


def enabled_folders(curriculum: Curriculum, *, except_id: str = "") -> list[Path]:
    """The folders of the loaded added packs, in load order (one id may be left out)."""
    return [Path(p.path).parent for p in curriculum.packs[1:] if p.id != except_id]


def check_pack(folder: Path, shipped: Path, curriculum: Curriculum) -> PackInfo:
    """Validate a pack as it would load beside the shipped and the loaded added packs (a pack
    with the id of a loaded one is checked as its replacement); ContentError lists problems."""
    others = enabled_folders(curriculum, except_id=pack_id(folder))
    return load_curriculum([shipped, *others, Path(folder)]).packs[-1]


def add_pack(
    folder: Path, shipped: Path, curriculum: Curriculum, packs_root: Path
) -> tuple[PackInfo, Path, Path | None]:
    """Validate a pack, copy it into `packs_root` and move it into place. Returns its info, its
    folder and where the pack it replaced is held (in <data>/packs-removed; None if none).

    ContentError (every problem, naming the learner's files) or OSError leave nothing behind."""
    folder = Path(folder)
    info = check_pack(folder, shipped, curriculum)
    tidy(packs_root)
    staging = stage_copy(folder, packs_root)
    try:
        others = enabled_folders(curriculum, except_id=info.id)
        try:
            staged = load_curriculum([shipped, *others, staging]).packs[-1]
        except ContentError as error:
            raise ContentError([_renamed(p, staging, folder) for p in error.problems]) from None
        if staged.id != info.id:
            raise PackFileError(f"{folder} changed while it was being copied; add it again")
        target = _added_folders(curriculum, packs_root).get(info.id, packs_root / info.id)
        held = install(staging, target, packs_root.parent / REMOVED_FOLDER)
    except BaseException:
        remove_folder(staging)
        raise
    return info, target, held


def _renamed(problem: Problem, staging: Path, folder: Path) -> Problem:
    """A problem found in the staged copy, named by the learner's own file."""
    return dataclasses.replace(problem, file=problem.file.replace(str(staging), str(folder), 1))


def stage_copy(source: Path, packs_root: Path) -> Path:
    """Copy a pack's regular files into a new hidden folder inside `packs_root`; return it.

    A link, FIFO, device or an oversized file or pack refuses the whole pack (ContentError
    naming each); hidden files and __pycache__ are skipped. On failure nothing is left."""
    import tempfile

    listing = list_pack(Path(source))
    if listing.problems:
        raise ContentError(listing.problems)
    packs_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".adding-", dir=packs_root))
    try:
        for relative in listing.folders:
            (staging / relative).mkdir(parents=True, exist_ok=True)
        budget = MAX_PACK_BYTES
        for file in listing.files:
            budget -= _copy_file(
                Path(source) / file.relative, staging / file.relative, min(MAX_FILE_BYTES, budget)
            )
    except BaseException:
        remove_folder(staging)
        raise
    return staging


def _copy_file(source: Path, target: Path, limit: int) -> int:
    """Copy one regular file, never more than `limit` bytes; return the bytes copied."""
    copied = 0
    with os.fdopen(open_regular(source), "rb") as reader, open(target, "xb") as writer:
        while chunk := reader.read(min(1 << 20, limit + 1 - copied)):
            copied += len(chunk)
            if copied > limit:
                raise PackFileError(
                    f"{source} grew past {megabytes(limit)} while it was being "
                    "copied; nothing was added"
                )
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return copied


def tidy(packs_root: Path) -> None:
    """Clear what an add interrupted by a crash left: a half-made copy is deleted; a pack moved
    aside to be replaced goes back if nothing took its place, else is deleted."""
    if not packs_root.is_dir():
        return
    for leftover in packs_root.iterdir():
        if leftover.name.startswith(".adding-"):
            remove_folder(leftover)
        elif leftover.name.startswith(".") and ".replaced-" in leftover.name:
            original = packs_root / leftover.name[1:].rsplit(".replaced-", 1)[0]
            if os.path.lexists(original):
                remove_folder(leftover)
            else:
                os.replace(leftover, original)


def install(staging: Path, target: Path, hold: Path | None = None) -> Path | None:
    """Rename a complete staged pack into place; a pack it replaces goes only once it has
    (into `hold`, a holding folder, when given: its new place is returned)."""
    import tempfile

    old: Path | None = None
    if os.path.lexists(target):
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.replaced-", dir=target.parent))
        old.rmdir()
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is None:
        return None
    if hold is None:
        remove_folder(old)
        return None
    return set_aside(old, hold, name=target.name)


def _added_folders(curriculum: Curriculum, packs_root: Path) -> dict[str, Path]:
    """Pack id -> folder, for the loaded packs that live in `packs_root` (never elsewhere)."""
    inside = {os.path.abspath(f): f for f in extension_packs(packs_root.parent)}
    folders = {p.id: os.path.abspath(Path(p.path).parent) for p in curriculum.packs[1:]}
    return {ident: inside[path] for ident, path in folders.items() if path in inside}


def remove_folder(folder: Path) -> None:
    """Delete an added pack's folder (a link to a folder: only the link)."""
    import shutil

    if folder.is_symlink():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)


def set_aside(folder: Path, hold: Path, *, name: str = "") -> Path:
    """Move a pack's folder into the holding folder `hold` (as `<name>-<n>`), pruning the
    oldest held packs; return its new place. Undo moves it back with `put_back`."""
    import tempfile

    hold.mkdir(parents=True, exist_ok=True)
    held = Path(tempfile.mkdtemp(prefix=f"{name or folder.name}-", dir=hold))
    held.rmdir()
    os.replace(folder, held)
    os.utime(held)  # the time it was held: the oldest held go first
    prune_held(hold, keep=held)
    return held


def put_back(held: Path, folder: Path) -> None:
    """Move a held pack back into `folder` (which must be free): an undone removal."""
    if not os.path.lexists(held):
        raise PackFileError(f"{held}: the removed pack is no longer kept, so it cannot come back")
    if os.path.lexists(folder):
        raise PackFileError(f"{folder}: a pack is there already, so {held} was left where it is")
    folder.parent.mkdir(parents=True, exist_ok=True)
    os.replace(held, folder)


def prune_held(hold: Path, *, keep: Path, limit: int = KEEP_REMOVED) -> None:
    """Delete the oldest held packs beyond `limit` (never `keep`, the one just held)."""
    held = sorted(
        (p for p in hold.iterdir() if p != keep), key=lambda p: p.lstat().st_mtime_ns, reverse=True
    )
    for old in held[max(limit - 1, 0) :]:
        remove_folder(old)


def swap(folder: Path, back: Path | None, hold: Path) -> Path | None:
    """Hold what is in `folder` (if anything) and put the held pack `back` there (if given);
    return where the displaced pack is now held. What either step did is undone if the
    other fails, so a pack is never lost between the two places."""
    held = set_aside(folder, hold) if os.path.lexists(folder) else None
    if back is not None:
        try:
            put_back(back, folder)
        except BaseException:
            if held is not None:
                os.replace(held, folder)
            raise
    return held


def find_pack_folder(data_dir: Path, curriculum: Curriculum, key: str) -> Path | None:
    """The folder of an added pack, by the id of a loaded pack, else by folder name or the id
    written in its pack.toml (how a disabled pack is found)."""
    loaded = _added_folders(curriculum, Path(data_dir) / PACKS_FOLDER)
    if key in loaded:
        return loaded[key]
    folders = extension_packs(data_dir)
    by_name = [f for f in folders if f.name == key]
    if by_name:
        return by_name[0]
    return next((f for f in folders if pack_id(f) == key), None)
